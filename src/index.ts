// The library face: re-exports only. The use cases (app/) are what the CLI calls too.
export * from "./errors.ts";
export * from "./scenario/schema.ts";
export * from "./model/build.ts";
export * from "./io/load.ts";
export * from "./scenario/resolve.ts";
export { type SourceDocument, type Position, parseSource, locate } from "./scenario/parse.ts";
export { type DocumentKind, detectKind } from "./scenario/document-kind.ts";
export { jsonSchemaOf } from "./scenario/json-schema.ts";
export { type SourceReader, networkFrom, readSourceWith, scenarioFrom } from "./scenario/from-source.ts";
// use cases
export { type RunSpec, type ResolvedSpec, type Progress, type StartProgress, resolveSpec, workersFor } from "./app/spec.ts";
export { runScenario } from "./app/run.ts";
export { type CompareSpec, compareOptions, DEFAULT_MAX_TRIALS } from "./app/compare.ts";
export { type SweepSpec, sweep } from "./app/sweep.ts";
export { type Validation, inspectNetwork, validateFiles } from "./app/inspect.ts";
export { explorerPage } from "./app/explore.ts";
// the engine
export { type OptionSpec, type PreparedRun, optionsOf, prepareRun, runTrials } from "./engine/run.ts";
export { type TrialResults, Simulator } from "./engine/simulate.ts";
export { type CompiledNetwork, compilePlan } from "./engine/compile.ts";
export { type Program, compileProgram } from "./engine/program.ts";
export { type Kinds, type ShockKind, type PolicyKind, defaultKinds, makeRegistry, shockKinds, policyKinds } from "./kinds/index.ts";
export { rngFor, policyRngFor, type Rng } from "./engine/rng.ts";
export { TrialPool, type TrialTask, type TaskResults, withPool, runParallel, type ParallelRunOptions } from "./io/pool.ts";
// statistics and analysis
export * from "./stats/index.ts";
export * from "./stats/score-options.ts";
export * from "./analysis/run-report.ts";
export * from "./analysis/compare.ts";
export * from "./analysis/compare-report.ts";
export * from "./analysis/budget.ts";
export * from "./analysis/precision.ts";
export * from "./analysis/inspect.ts";
export { type RankRegression, type TornadoBar, rankRegression, tornado, bestOptions } from "./analysis/sensitivity.ts";
export { type SweepRow, sweepColumns, rowsOfPoint } from "./analysis/sweep-rows.ts";
// sweeps
export { type ParameterPath, type PathIndex, type Assignment, indexPaths, findPath, withValues } from "./sweep/paths.ts";
export { type SweepDesign, type SweepParameter, type SweepPoint, type Shard, makeDesign, shardPoints, rangeValues } from "./sweep/design.ts";
export { type SweepPlan, type SweepSource, type SweepSettings, type FlagParameter, planSweep } from "./sweep/plan.ts";
export { type SweepFile, type SweepFileInput, type Design as SweepDesignKind, sweepFileSchema } from "./sweep/schema.ts";
export { sweepJsonSchema } from "./sweep/json-schema.ts";
export { resolveShard } from "./sweep/shard.ts";
export { loadSweepFile } from "./io/sweep-file.ts";
export { mergeOutputs, examineForResume, canonicalOrder } from "./io/sweep-text.ts";
// rendering
export * from "./render/columns.ts";
export * from "./render/table.ts";
export * from "./render/csv.ts";
export * from "./render/inspect.ts";
export { renderJson } from "./render/json.ts";
export { renderRunTable, renderRunCsv } from "./render/run.ts";
export { renderCompareTable, renderCompareCsv } from "./render/compare.ts";
export { runFormats, compareFormats, inspectFormats } from "./render/formats.ts";
export { type SweepFormat, csvHeader, formatRow, parseRow } from "./render/sweep-rows.ts";
export { renderSweepSummary } from "./render/sweep-summary.ts";
