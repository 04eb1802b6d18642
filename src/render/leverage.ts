// Renders a leverage report (docs/leverage.md): with a home, its threats ranked and its
// counter-leverage; always the coercer × target matrix summed over goods. CSV: one row per cell.
import type { LeverageCell, LeverageReport, LeverageSum } from "../analysis/leverage.ts";
import type { Column } from "./columns.ts";
import { compactNumber } from "./stress.ts";
import { renderTable } from "./table.ts";
import { type AnyTidy, renderTidyCsv, settingsOf, tidy } from "./tidy.ts";

const ratio = (c: LeverageCell): string => (Number.isFinite(c.damagePerCost) ? c.damagePerCost.toPrecision(3) : "free");

/** The columns of a ranked list of cells. */
function cellColumns(who: "coercer" | "target"): Column<LeverageCell>[] {
  return [
    { header: who, get: (c) => c[who] },
    { header: "good", get: (c) => c.good },
    { header: "unmet %", get: (c) => 100 * c.unmet, digits: 2 },
    { header: "value lost", get: (c) => compactNumber(c.valueLost), align: "right" },
    { header: "coercer's cost", get: (c) => compactNumber(c.coercerCost), align: "right" },
    { header: "damage/cost", get: ratio, align: "right" },
  ];
}

export function leverageHeading(r: LeverageReport): string {
  const who = r.home === null ? "every target" : `home ${r.home}`;
  return (
    `${r.scenario}\n` +
    `${who} · each coercer's full export control of one good against one target for ${r.duration} of ${r.horizon} ${r.period}s\n` +
    "unmet % = the target's unmet share of demand; value lost = price × volume the target went without; " +
    "coercer's cost = its lost export value (baseline exports × price × periods)\n"
  );
}

export function renderLeverageTable(r: LeverageReport): string {
  const parts = [leverageHeading(r)];
  if (r.home !== null) {
    parts.push(`\nthreats to ${r.home}, most damage per unit of the coercer's cost first\n`, renderTable(cellColumns("coercer"), r.threats));
    parts.push(
      `\ncounter-leverage: ${r.home}'s own controls against those coercers\n`,
      r.counter.length === 0 ? "(none: it ships them nothing whose loss they feel)\n" : renderTable(cellColumns("target"), r.counter),
    );
  }
  const matrix: Column<LeverageSum>[] = [
    { header: "coercer", get: (s) => s.coercer },
    { header: "target", get: (s) => s.target },
    { header: "unmet % (sum over goods)", get: (s) => 100 * s.unmet, digits: 2 },
    { header: "value lost", get: (s) => compactNumber(s.valueLost), align: "right" },
    { header: "coercer's cost", get: (s) => compactNumber(s.coercerCost), align: "right" },
  ];
  parts.push("\ncoercer × target, each good's control run alone and summed\n", renderTable(matrix, r.summed.filter((s) => s.valueLost > 0)));
  return parts.join("");
}

/** One row per coercer, good and target (`leverage --format csv|jsonl`; docs/outputs.md). */
export function leverageTable(r: LeverageReport): AnyTidy {
  const columns: Column<LeverageCell>[] = [
    // the view's settings lead every row (docs/outputs.md)
    ...settingsOf<LeverageCell, LeverageReport>(r, ["scenario", "home", "horizon", "period", "duration"]),
    { header: "coercer", get: (c) => c.coercer },
    { header: "good", get: (c) => c.good },
    { header: "target", get: (c) => c.target },
    { header: "exports_per_period", get: (c) => c.exports },
    { header: "unmet", get: (c) => c.unmet },
    { header: "value_lost", get: (c) => c.valueLost },
    { header: "coercer_cost", get: (c) => c.coercerCost },
    { header: "damage_per_cost", get: (c) => c.damagePerCost },
  ];
  return tidy(columns, r.cells);
}

export function renderLeverageCsv(r: LeverageReport): string {
  return renderTidyCsv(leverageTable(r));
}
