// The help text printed after each command's options (`chokepoint CMD --help`): how to read
// the output and examples. Kept apart so each command file shows only what it does.

export const validateHelp = `
A scenario is checked together with the network file it names; problems in either are
reported with the file they are in. Each problem is one line on stderr:

  file:line:col  path  sentence
  scenarios/ga.yaml:14:15  shocks[0].severity  must be between 0 and 1, got 1.4

Each valid file prints "ok FILE" on stdout. Exit code 0 when every file is valid, 2 otherwise.

Examples:
  $ chokepoint validate scenarios/gallium-germanium-2023.yaml
  $ chokepoint validate fixtures/*.yaml scenarios/*.yaml
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

export const exploreHelp = `
The page runs the same engine as \`run\` and \`compare\`, in the browser, with no server and no
network. It has a slider for every number of the scenario's shocks (probability, start,
duration, severity, or the parameters of their distributions) and policies (size, cost); each
change reruns the comparison: a first answer from 250 trials, then all of them. Same seed and
trials give exactly \`chokepoint compare\`'s numbers. The address carries the edited scenario
(copy the link to share a what-if); "Download scenario" saves a file the CLI accepts. Open or
drop another scenario (with its network file) on the page; its problems are listed with line
and column, as \`validate\` prints them. More: docs/explore.md

Examples:
  $ chokepoint explore scenarios/gallium-germanium-2023.yaml      # writes gallium-germanium-2023.html
  $ chokepoint explore scenarios/hormuz-closure.yaml --out hormuz.html
  $ chokepoint explore                                            # an empty explorer: open a file in it
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

export const completionHelp = `
Examples:
  $ source <(chokepoint completion bash)         this bash session
  $ chokepoint completion bash > ~/.local/share/bash-completion/completions/chokepoint
  $ source <(chokepoint completion zsh)          zsh (uses bashcompinit)
  $ chokepoint completion fish > ~/.config/fish/completions/chokepoint.fish

Completes command names, each command's options, the values of options with a fixed set of
choices, and file names.`;
