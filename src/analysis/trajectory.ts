// Trajectories of a run: per option, good, measure (and origin for imports) and period, the mean
// and 5 / 50 / 95 % band over a fixed sample of trials (the first `sampled` of the run).
import type { SeriesSpec } from "../engine/trace.ts";
import type { Band } from "../stats/bands.ts";

export interface TrajectorySeries extends SeriesSpec {
  /** one band per period */
  bands: Band[];
}

export interface OptionTrajectory {
  option: string;
  series: TrajectorySeries[];
}

export interface TrajectoryReport {
  /** trials the bands are taken over: the run's first min(trials, sample) trials */
  sampled: number;
  firstTrial: number;
  /** availability r (0–1), imports and stock in the good's unit per period, price index (1 = baseline) */
  units: { availability: string; imports: string; stock: string; price: string };
  options: OptionTrajectory[];
}

export const trajectoryUnits = {
  availability: "share of use delivered (1 = all)",
  imports: "good's unit per period",
  stock: "good's unit",
  price: "index, 1 = the price before any shock",
};

/** Tidy long rows: option, good, period, measure, origin, mean, p5, p50, p95. */
export function trajectoryRows(report: TrajectoryReport): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const o of report.options) {
    for (const s of o.series) {
      s.bands.forEach((b, t) => rows.push([o.option, s.good, t, s.measure, s.from ?? "", b.mean, b.p5, b.p50, b.p95]));
    }
  }
  return rows;
}

export const trajectoryHeader = ["option", "good", "period", "measure", "origin", "mean", "p5", "p50", "p95"];
