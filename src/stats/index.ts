// The statistics module: re-exports only.
export { Welford, meanCi, type MeanEstimate } from "./welford.ts";
export { quantile, quantileSorted } from "./quantile.ts";
export { cvar, cvarInfluence, cvarTail, type CvarEstimate, type CvarTail } from "./cvar.ts";
export {
  pairedCvarDiff,
  pairedMeanDiff,
  unpairedCvarDiffCi,
  type DiffEstimate,
} from "./paired-diff.ts";
export { wilson, type ProportionEstimate } from "./wilson.ts";
export { normalInterval, Z95, type Interval } from "./normal-ci.ts";
