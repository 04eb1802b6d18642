// The explorer's two charts as plain SVG text (no library, no network): options on cost against
// the objective with the efficient frontier and 95% intervals, and the tail of the unmet share
// (trials sorted worst first) of the chosen option against the baseline.
import type { CompareReport } from "../analysis/compare-report.ts";
import { escapeText } from "./html.ts";

const W = 560;
const H = 300;
const M = { left: 52, right: 16, top: 14, bottom: 40 };
const INK = "#1d232b";
const GRID = "#d7dbe0";
const BASE = "#1f3b73";
const FRONT = "#b34700";
const OTHER = "#5d636b";

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

/** Round axis ticks over [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi > lo ? hi - lo : 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
  const out: number[] = [];
  const last = Math.ceil(hi / step - 1e-9);
  for (let k = Math.floor(lo / step + 1e-9); k <= last; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

function frame(x: number[], y: number[], xTitle: string, yTitle: string): { sx: (v: number) => number; sy: (v: number) => number; svg: string } {
  const [x0, x1] = [x[0]!, x.at(-1)!];
  const [y0, y1] = [y[0]!, y.at(-1)!];
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  let svg = "";
  for (const t of y) svg += `<line x1="${M.left}" x2="${W - M.right}" y1="${sy(t)}" y2="${sy(t)}" stroke="${GRID}"/><text x="${M.left - 6}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`;
  for (const t of x) svg += `<line x1="${sx(t)}" x2="${sx(t)}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="${INK}"/><text x="${sx(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`;
  svg += `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="${INK}"/>`;
  svg += `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">${escapeText(xTitle)}</text>`;
  svg += `<text transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeText(yTitle)}</text>`;
  return { sx, sy, svg };
}

const open = (label: string) =>
  `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeText(label)}" font-family="system-ui, sans-serif" font-size="12" fill="${INK}">`;

/** Cost against the objective, the frontier joined by a line, each option's 95% interval as a bar. */
export function frontierChart(r: CompareReport, focus: string): string {
  const value = (o: CompareReport["options"][number]) => (r.objective === "risk" ? o.risk : o.expected);
  const xs = ticks(0, Math.max(...r.options.map((o) => o.cost), 1));
  const his = r.options.map((o) => value(o).ci95[1]).filter(Number.isFinite);
  const ys = ticks(0, Math.max(...his, ...r.options.map((o) => value(o).value), 1));
  const unit = r.currency === "units" ? "" : ` (${r.currency})`;
  const { sx, sy, svg } = frame(xs, ys, `cost${unit}`, r.objective === "risk" ? "risk (CVaR95, points)" : "expected shortfall (points)");
  let body = svg;
  const front = r.frontier.map((id) => r.options.find((o) => o.id === id)!).filter(Boolean);
  if (front.length > 1) body += `<polyline fill="none" stroke="${FRONT}" stroke-width="1.5" points="${front.map((o) => `${sx(o.cost)},${sy(value(o).value)}`).join(" ")}"/>`;
  const placed: { x0: number; x1: number; y: number }[] = [];
  for (const o of r.options.toSorted((a, b) => a.cost - b.cost)) {
    const v = value(o);
    const colour = o.id === "baseline" ? BASE : o.frontier ? FRONT : OTHER;
    const [x, y] = [sx(o.cost), sy(v.value)];
    if (Number.isFinite(v.ci95[0]) && Number.isFinite(v.ci95[1])) body += `<line x1="${x}" x2="${x}" y1="${sy(v.ci95[0])}" y2="${sy(v.ci95[1])}" stroke="${colour}"/>`;
    const size = o.id === focus ? 6 : 4;
    body += o.id === "baseline" ? `<rect x="${x - size}" y="${y - size}" width="${2 * size}" height="${2 * size}" fill="${colour}"/>` : `<circle cx="${x}" cy="${y}" r="${size}" fill="${colour}"${o.id === focus ? ` stroke="${INK}" stroke-width="2"` : ""}/>`;
    const right = x < W - 150;
    const width = 7 * o.id.length;
    const x0 = right ? x + 9 : x - 9 - width;
    // the first free spot above, below, then further up or down, clear of the labels placed so far
    const dy = [-6, 16, -20, 30, -34, 44].find((d) => !placed.some((b) => b.x0 < x0 + width && x0 < b.x1 && Math.abs(b.y - (y + d)) < 12)) ?? -6;
    placed.push({ x0, x1: x0 + width, y: y + dy });
    body += `<text x="${x + (right ? 9 : -9)}" y="${y + dy}" text-anchor="${right ? "start" : "end"}"${o.id === focus ? ' font-weight="bold"' : ""}>${escapeText(o.id)}</text>`;
  }
  return `${open(`cost against ${r.objective}; frontier: ${r.frontier.join(", ")}`)}${body}</svg>`;
}

/** The unmet share of each trial, worst first, as a percentage, for the baseline and one option. */
export function tailChart(unmet: { id: string; values: Float64Array }[]): string {
  const { sx, sy, svg } = frame(ticks(0, 100), ticks(0, 100), "share of trials, worst first (%)", "unmet share of demand (%)");
  let body = svg;
  const colours = [BASE, FRONT];
  unmet.forEach(({ id, values }, k) => {
    const sorted = Float64Array.from(values).sort().reverse();
    const n = sorted.length;
    const steps = Math.min(n, 200);
    const pts: string[] = [];
    for (let i = 0; i < steps; i++) {
      const j = Math.floor((i * n) / steps);
      pts.push(`${sx((100 * j) / n)},${sy(100 * sorted[j]!)}`);
    }
    pts.push(`${sx(100)},${sy(100 * sorted[n - 1]!)}`);
    body += `<polyline fill="none" stroke="${colours[k % 2]}" stroke-width="2"${k > 0 ? ' stroke-dasharray="6 3"' : ""} points="${pts.join(" ")}"/>`;
    body += `<text x="${W - M.right - 4}" y="${M.top + 14 + 16 * k}" text-anchor="end" fill="${colours[k % 2]}">${k > 0 ? "- - " : "—— "}${escapeText(id)}</text>`;
  });
  // the worst 5% of trials, whose mean unmet share is the risk score
  body += `<line x1="${sx(5)}" x2="${sx(5)}" y1="${M.top}" y2="${H - M.bottom}" stroke="${INK}" stroke-dasharray="2 3"/><text x="${sx(5) + 4}" y="${H - M.bottom - 6}">worst 5%</text>`;
  return `${open(`unmet share by trial, worst first: ${unmet.map((u) => u.id).join(" and ")}`)}${body}</svg>`;
}
