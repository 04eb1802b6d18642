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
The same schemas are committed in schema/ (scenario, network, sweep, episode and portfolio
.schema.json). Every field carries a one-line description with its unit and default, which an
editor shows on hover. They describe the shape of a file only; \`chokepoint validate\` also checks references and
consistency (unknown ids, capacities, cycles).

Examples:
  $ chokepoint schema > scenario.schema.json
  $ chokepoint schema --kind network
  $ chokepoint schema --kind sweep
  $ chokepoint schema --kind portfolio -o portfolio.schema.json

For completion and checks while editing YAML (yaml-language-server, e.g. in VS Code), put on
the first line of a scenario file:
  # yaml-language-server: $schema=../schema/scenario.schema.json
`;

/** How tables fit the terminal and what limits a run, for every trial-running command. */
const layoutAndLimits = `
The table fits the terminal (COLUMNS, else its width): too narrow, each option becomes a block
of short lines; --wide keeps one line per option. Intervals stay in 0–100; below 400 trials
(20 in the worst 5%) risk intervals are n/a. A run beyond --max-horizon (default 10000
periods), --max-work (1e11 trial-periods × network size × options) or --max-memory (2048 MB)
is refused before it starts; Ctrl-C stops it between two trials (exit 130, no file written).
`;

/** What --format csv|jsonl and --table write, for run and compare. */
const tidyOutputs = (tables: string) => `
Tables for scripts: --format csv writes one tidy table (a header, then one row per observation,
no comment lines), --format jsonl the same rows as JSON Lines. --table picks which:
${tables}
The run's settings lead every row (scenario, home, trials, seed, horizon, period_unit, currency,
objective); numbers are unrounded, a number that cannot be estimated is NaN (JSON: null), and
booleans are true or false. Every column, its unit and meaning: docs/outputs.md. --format json
is the whole report, field names in snake_case.
`;

export const runHelp = `
Scores (lower risk and higher autonomy are better):
  autonomy  100 × (1 − mean unmet share of the home's demand, value-weighted)
  risk      100 × CVaR95: the mean unmet share of the worst 5% of trials
  points/<currency>  risk points removed vs baseline per unit of cost
Every option sees the same shock draws in each trial (common random numbers), so the
differences from baseline are paired and their confidence intervals are tight.
${layoutAndLimits}
Examples:
  $ chokepoint run scenarios/gallium-germanium-2023.yaml
  $ chokepoint run scenarios/hormuz-closure.yaml --trials 50000 --workers 2 --format json > out.json
  $ chokepoint run scenarios/graphite-2023.yaml --option stockpile --format csv
  $ chokepoint run scenarios/gallium-germanium-2023.yaml --option package,stockpile-60d -o out.json --format json

Trajectories (--trajectory [N]): per period and good, the home's availability r (0-1), its
stock, its imports from each producing country and the world price index (1 = before any
shock), as mean and 5/50/95 % bands over the first N trials (default 1000; exact quantiles of
that sample, so memory stays bounded whatever --trials is). With --format csv the output is then
the trajectory table: the settings, traced_trials, first_trial, then option, good, period,
measure, origin, mean, p5, p50, p95 (pandas.read_csv, readr::read_csv).
  $ chokepoint run scenarios/fluorochemicals-2019.yaml --trajectory --format csv > traj.csv
${tidyOutputs(`  options     one row per option (the default)
  goods       one row per option and scored good
  trajectory  with --trajectory (then the default): the bands above`)}
  $ chokepoint run scenarios/neon-2022.yaml --format csv --table goods > goods.csv
  $ chokepoint run scenarios/neon-2022.yaml --format jsonl --table options | jq .risk
`;

export const compareHelp = `
How to read it:
  risk      100 × CVaR95 of the unmet share: the average loss in the worst 5% of trials
  autonomy  100 × (1 − mean unmet share): higher is better
  Δ vs baseline is PAIRED: every option sees the same shock draws in each trial, so the
  noise that options share cancels and the interval is much tighter than comparing two
  separate runs. "≈base" marks an option not distinguishable from baseline at 95%,
  "≈above" one not distinguishable from the option ranked just above it.
  points/cost = objective points removed per unit of cost (points/USD million when the
  scenario names a currency). The frontier (*) holds the options that no other option beats
  on both cost and risk. "no effect": the option scores as baseline in every trial.
  --max-trials (with --precision only) caps the trials --precision may add.
  --budget B scores every combination of the policies costing at most B (up to 12 policies,
  or 16 when at most 4 096 combinations fit; else a labelled greedy search). It screens: all
  on the first fifth of the trials (at least 400 for risk), then only those not clearly beaten
  there on all of them (chance of dropping the best ≤ 5%; docs/model.md, "Budget search").
  Every number printed comes from all trials; stderr says how many were confirmed.
${layoutAndLimits}
Examples:
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml
  $ chokepoint compare scenarios/hormuz-closure.yaml --precision 0.5
  $ chokepoint compare scenarios/rare-earth-magnets-2025.yaml --budget 300 --format json
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml --format html --out report.html
  $ chokepoint compare scenarios/gallium-germanium-2023.yaml --format csv > ranked.csv
${tidyOutputs(`  options  one row per option, ranked (the default)
  goods    one row per option and scored good`)}`;

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
--format csv (or jsonl) writes one tidy table, its columns fixed whatever the network, network
and home leading every row; --table picks it: goods (default; one row per good), sources (per
good, scope home or world, and source country), groups (per good and group tag) or nodes (per
country and chokepoint). Every column, its unit and meaning: docs/outputs.md. With --sources,
csv and jsonl write one row per number and source.

Examples:
  $ chokepoint inspect fixtures/critical-minerals.yaml --home JP
  $ chokepoint inspect scenarios/gallium-germanium-2023.yaml --format json
  $ chokepoint inspect fixtures/critical-minerals.yaml --home EU --format csv > eu-goods.csv
  $ chokepoint inspect fixtures/critical-minerals.yaml --home EU --format csv --table sources > eu-sources.csv
  $ chokepoint inspect fixtures/critical-minerals.yaml --home JP --format html --out jp.html
  $ chokepoint inspect fixtures/critical-minerals.yaml --home JP --format gexf --out minerals.gexf   # Gephi
  $ chokepoint inspect fixtures/rare-earths.yaml --home US --format graphml > rare-earths.graphml  # Cytoscape
`;

export const sweepHelp = `
Paths (see docs/sweep.md): shocks.<id>.severity, shocks.<id>.duration.mode,
  shocks.<id>.probability, policies.<id>.share, policies.<id>.cost,
  network.producers.<id>.capacity, network.goods.<id>.inventoryPeriods,
  network.flows[3].volume, horizon, …  (--list-paths shows them all)

Output: one row per point × option (csv header once, or JSON Lines):
  point, <one column per parameter>, option, trials, seed, cost, autonomy, autonomy_lo, autonomy_hi,
  risk, risk_lo, risk_hi, risk_diff, risk_diff_lo, risk_diff_hi, expected, expected_lo, expected_hi
(units and meanings: docs/outputs.md). Every point uses the same trial seeds (common random numbers across points and options).
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
export const backtestHelp = `
An episode file names a scenario (period: month), the calendar month of its period 0, and the
series observed when the shock happened, each with its source:
  imports       deliveries of the good from \`from\` to \`country\` (no country: every destination
                but \`from\`, i.e. exports), as an index: 100 = the same flows before any shock
  price         the world price index × 100 (markets: priceElasticity on the good)
  availability  the share of \`country\`'s use delivered × 100
Observations are an index (unit: index) or raw numbers turned into one by their \`baseline\`
months (whose mean is 100; those months are not scored).

Per series: how many observed points lie inside the simulated 5–95 % band, the mean distance of
the median path from the observations (index points), and timing errors in months: onset (first
month below 50), trough (lowest), recovery (first month back at 90 or more); a price index is
read as 10 000 / index, so a doubling counts as 50. The JSON output carries every band.

Examples:
  $ chokepoint backtest episodes/*.yaml
  $ chokepoint backtest episodes/antimony-2024.yaml --trials 2000 --format json > antimony.json
  $ chokepoint schema --kind episode > episode.schema.json
`;

export const stressHelp = `
For every node of the chosen kinds, one synthetic shock, run on its own:
  country     blockaded (every flow into and out of it cut; the home is not blockaded)
  producer    out of action (its capacity cut)
  chokepoint  closed (every flow routed through it cut; its bypass, if any, still applies)
  good        every producing country bans its exports of the good to all others
Each shock starts in period 0 and lasts --duration periods at --severity. A scenario's own
shocks are left out; its policies stay, and every option is stressed ("which node hurts most,
with and without the stockpile?"). Nodes are ranked by the baseline's unmet share, worst first.

Columns:
  unmet %       100 × the home's unmet share of demand over the horizon (value-weighted)
  value lost    price × volume of final demand left unmet over the horizon
  survive       periods until the home first goes short (stocks and replacement included);
                "≥ H" means it never did within the horizon
  recover       periods from the first shortfall until every good is back at 99 %
  goods short   the goods that fell short, with their unmet share

Runs one deterministic trial per node unless --trials says more (then policies' uncertain
success is sampled: survive is the earliest and recover the longest over the trials).

Examples:
  $ chokepoint stress fixtures/critical-minerals.yaml --home JP
  $ chokepoint stress scenarios/hormuz-closure.yaml --by chokepoint,country --duration 6
  $ chokepoint stress scenarios/graphite-2023.yaml --format html --out stress.html
`;

export const leverageHelp = `
For every coercer, every good it ships and every target it ships that good to: a full export
control of that good against that target alone, from period 0 for --duration periods (default:
the whole horizon), one deterministic trial each (no policies). A pair with no shipments is 0
and not run. The target is scored as the home is in \`run\`.

With a home (--home, or a scenario's own): the controls against the home that hurt, ranked by
damage per unit of the coercer's own cost, and the home's counter-leverage: its own controls
against those coercers. With a network and no --home (or --all): the whole matrix.

Columns:
  unmet %         100 × the target's unmet share of demand over the horizon (value-weighted)
  value lost      price × volume of the target's final demand left unmet
  coercer's cost  the coercer's lost export value: its baseline shipments × price × periods
  damage/cost     value lost ÷ coercer's cost ("free": the coercer ships little or nothing directly)

Examples:
  $ chokepoint leverage fixtures/critical-minerals.yaml --home JP
  $ chokepoint leverage fixtures/rare-earths.yaml --format csv > matrix.csv
  $ chokepoint leverage scenarios/gallium-germanium-2023.yaml --duration 12 --format html --out leverage.html
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
