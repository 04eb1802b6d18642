// The help text printed after each command's options (`chokepoint CMD --help`): how to read
// the output and examples. Kept apart so each command file shows only what it does.

export const validateHelp = `
A scenario is checked together with the network file it names, a portfolio together with its
scenario files; problems in any of them are reported with the file they are in. Each problem is one line on stderr:

  file:line:col  path  sentence
  scenarios/ga.yaml:14:15  shocks[0].severity  must be between 0 and 1, got 1.4

Each valid file prints "ok FILE" on stdout. Exit code 0 when every file is valid, 2 otherwise.

Examples:
  $ chokepoint validate scenarios/gallium-germanium-2023.yaml
  $ chokepoint validate fixtures/*.yaml scenarios/*.yaml
  $ chokepoint validate portfolios/taiwan.yaml
`;

export const schemaHelp = `
The same schemas are committed as schema/scenario.schema.json, schema/network.schema.json
and schema/sweep.schema.json.
They describe the shape of a file only; \`chokepoint validate\` also checks references and
consistency (unknown ids, capacities, cycles).

Examples:
  $ chokepoint schema > scenario.schema.json
  $ chokepoint schema --kind network
  $ chokepoint schema --kind sweep

For completion and checks while editing YAML (yaml-language-server, e.g. in VS Code), put on
the first line of a scenario file:
  # yaml-language-server: $schema=../schema/scenario.schema.json
`;

export const runHelp = `
Scores (lower risk and higher autonomy are better):
  autonomy  100 × (1 − mean unmet share of the home's demand, value-weighted)
  risk      100 × CVaR95: the mean unmet share of the worst 5% of trials
Every option sees the same shock draws in each trial (common random numbers), so the
differences from baseline are paired and their confidence intervals are tight.

Examples:
  $ chokepoint run scenarios/gallium-germanium-2023.yaml
  $ chokepoint run scenarios/hormuz-closure.yaml --trials 50000 --workers 2 --format json > out.json
  $ chokepoint run scenarios/graphite-2023.yaml --option stockpile --format csv
`;

export const compareHelp = `
How to read it:
  risk      100 × CVaR95 of the unmet share: the average loss in the worst 5% of trials
  autonomy  100 × (1 − mean unmet share): higher is better
  Δ vs baseline is PAIRED: every option sees the same shock draws in each trial, so the
  noise that options share cancels and the interval is much tighter than comparing two
  separate runs. "≈base" marks an option not distinguishable from baseline at 95%,
  "≈above" one not distinguishable from the option ranked just above it.
  points/cost = objective points removed per unit of cost. The frontier (*) holds the
  options that no other option beats on both cost and risk.

Examples:
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml
  $ chokepoint compare scenarios/hormuz-closure.yaml --precision 0.5
  $ chokepoint compare scenarios/rare-earth-magnets-2025.yaml --budget 300 --format json
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml --format html --out report.html
`;

export const inspectHelp = `
Per good: use, import share, HHI of the home's sources by country (0–10 000; < 1 500
unconcentrated, < 2 500 moderate, else high; domestic supply counts as the home's own share),
the top three sources, shares by group, and Σ s²·(10 − governance) on world and home shares.
Per country and chokepoint: betweenness on the trade graph and the home-critical flows through it.
Formulas and how to read them: docs/inspect.md

Examples:
  $ chokepoint inspect fixtures/critical-minerals.yaml --home JP
  $ chokepoint inspect scenarios/gallium-germanium-2023.yaml --format json
  $ chokepoint inspect fixtures/critical-minerals.yaml --home EU --format csv > eu-goods.csv
`;

export const sweepHelp = `
Paths (see docs/sweep.md): shocks.<id>.severity, shocks.<id>.duration.mode,
  shocks.<id>.probability, policies.<id>.share, policies.<id>.cost,
  network.producers.<id>.capacity, network.goods.<id>.inventoryPeriods,
  network.flows[3].volume, horizon, …  (--list-paths shows them all)

Output: one row per point × option (csv header once, or JSON Lines):
  point, <one column per parameter>, option, trials, seed, cost, autonomy, autonomy_lo, autonomy_hi,
  risk, risk_lo, risk_hi, risk_diff, risk_diff_lo, risk_diff_hi, expected, expected_lo, expected_hi
Every point uses the same trial seeds (common random numbers across points and options).
--resume refuses a file whose rows were made with other --trials or another --seed.
Summary: a tornado table (oat), or each parameter's standardized rank regression
coefficient (SRRC) on risk (grid, lhs), and where the best option changes.

Examples:
  $ chokepoint sweep scenarios/gallium-germanium-2023.yaml --range shocks.cn-likeminded-ban.probability=0.1:0.5:3 \\
      --set policies.ga-stock-60d.periods=1,2,4 --trials 2000 --out sweep.csv
  $ chokepoint sweep s.yaml --file sweep.yaml --design oat
  $ chokepoint sweep s.yaml --file sweep.yaml --shard auto/16 --out 'out-{shard}.csv' --resume
  $ chokepoint merge out-*.csv --out sweep.csv
`;

export const mergeHelp = `
A point found in two inputs is kept once when its rows are identical, and is an error when they
differ. Every row must record the same trials and seed: shards run with other --trials or
another --seed are refused. A torn last line (a killed shard) is dropped with a warning; resume
that shard first.

Examples:
  $ chokepoint merge out-1.csv out-2.csv out-3.csv --out sweep.csv
  $ chokepoint merge shards/*.jsonl > sweep.jsonl
`;

export const portfolioHelp = `
A portfolio file names several threats (scenario files, each with a weight or an annual
probability), the candidate policies across them (a policy applies to every threat whose network
it names) and a budget. The national score is Σ weight × each threat's risk (100 × CVaR95 of its
unmet share; or expected shortfall with \`objective: expected\`). Every candidate set is simulated
on each threat's own trials (common random numbers), so differences between sets are paired.

How to read it:
  Chosen      the set with the lowest national score whose cost fits the budget, with its
              paired difference from doing nothing per threat and over all threats (95% CI)
  Frontier    the best set at each cost: no other set costs no more and scores no worse
  marginal    what the next step on the frontier removes per unit of extra budget
  Singles     each candidate alone, ranked by points removed per unit cost (with its interval);
              without a budget this is the answer to "what to buy first"
  Search      exhaustive over every subset up to 12 candidates; beyond, a beam search (the 8
              best sets of each size by score and by score per cost) then local moves (drop up
              to two, add up to two) until none improves: not guaranteed optimal; how close it
              came on a case small enough to enumerate is in docs/portfolio.md

Examples:
  $ chokepoint portfolio portfolios/taiwan.yaml
  $ chokepoint portfolio portfolios/taiwan.yaml --budget 500 --format json
  $ chokepoint portfolio portfolios/taiwan.yaml --format html --out taiwan-brief.html
`;
