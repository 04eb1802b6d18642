// Renders a portfolio report as text: the threats, the chosen set per threat, the frontier and the
// single candidates ranked by score removed per unit cost, then the plain-language summary.
import type { Diff } from "../analysis/portfolio.ts";
import type { PortfolioReport, PortfolioSet } from "../analysis/portfolio-report.ts";
import { interval } from "./run.ts";
import { renderTable } from "./table.ts";

const setName = (s: PortfolioSet): string => (s.ids.length === 0 ? "(nothing)" : s.ids.join(" + "));
const diffColumns = <Row>(get: (r: Row) => Diff | null) => [
  { header: "Δ vs nothing (paired)", get: (r: Row) => get(r)?.diff ?? "", digits: 2 },
  { header: "95% CI", get: (r: Row) => { const d = get(r); return d === null ? "" : interval(d.ci95, 2); }, align: "right" as const },
];

export function renderPortfolioTable(r: PortfolioReport): string {
  const score = r.objective === "risk" ? "risk (CVaR95)" : "expected";
  const out: string[] = [`${r.name}`, `home ${r.home} · ${r.threats.length} threats · ${r.candidates.length} candidates · search: ${r.method}, ${r.evaluated} sets scored · national score = Σ weight × ${score}, lower is better`, ""];
  out.push("Threats");
  out.push(renderTable([
    { header: "scenario", get: (t: PortfolioReport["threats"][number]) => t.file },
    { header: "weight", get: (t) => t.weight },
    { header: "trials", get: (t) => t.trials },
    { header: `${score}, nothing done`, get: (t) => r.nothing.threats.find((x) => x.file === t.file)!.value, digits: 1 },
  ], r.threats));
  if (r.chosen !== null) {
    out.push("", `Chosen within ${r.budget}${r.currency === "units" ? "" : ` ${r.currency}`}: ${setName(r.chosen)} (cost ${r.chosen.cost})`);
    const rows = [...r.chosen.threats.map((t) => ({ what: t.file, value: t.value, d: t.vsNothing })), { what: "national (weighted)", value: r.chosen.value, d: r.chosen.vsNothing }];
    out.push(renderTable([{ header: "threat", get: (x: (typeof rows)[number]) => x.what }, { header: score, get: (x) => x.value, digits: 1 }, ...diffColumns((x: (typeof rows)[number]) => x.d)], rows));
  }
  out.push("", "Budget–score frontier (the best set at each cost)");
  out.push(renderTable([{ header: "cost", get: (s: PortfolioSet) => s.cost }, { header: "national score", get: (s) => s.value, digits: 2 }, ...diffColumns((s: PortfolioSet) => s.vsNothing), { header: "set", get: setName }], r.frontier));
  out.push("", "Single candidates, by score removed per unit cost");
  const singles = [...r.singles].sort((a, b) => (b.perCost?.diff ?? -Infinity) - (a.perCost?.diff ?? -Infinity));
  out.push(renderTable([
    { header: "candidate", get: (s: (typeof singles)[number]) => s.ids[0]! },
    { header: "cost", get: (s) => s.cost },
    ...diffColumns((s: (typeof singles)[number]) => s.vsNothing),
    { header: `points/${r.currency === "units" ? "cost" : r.currency}`, get: (s) => s.perCost?.diff ?? "", digits: 4 },
    { header: "95% CI", get: (s) => (s.perCost === null ? "" : interval(s.perCost.ci95, 4)), align: "right" },
  ], singles));
  out.push("", r.summary, "");
  return out.join("\n");
}
