// The one page shell of every `--format html` result: a self-contained HTML file (inline SVG
// charts and styles, no script, no network request) with a title, a plain-language summary in
// sentences, sections of charts with captions, tables and notes. Charts are vega-lite specs
// rendered to SVG by vega's headless renderer, so making a page needs no browser. Deterministic:
// the same input gives the same bytes. Reference: vega-lite compile → vega.parse → View.toSVG
// (https://vega.github.io/vega/usage/#view). A new page: a module in src/render/ that builds a
// `Page` and calls `renderPage`, one entry in formats.ts, one line in the browser check's list.
import type { ViewOptions } from "vega";
import type { compile, TopLevelSpec } from "vega-lite";

type Logger = NonNullable<ViewOptions["logger"]> & NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Colours shared by the pages: the accent, the baseline (or home), and neutral grey. */
export const PALETTE = { accent: "#d6610a", base: "#1f3b73", grey: "#8a8f98", tail: "#b2182b" } as const;

/** A colour per option or series, colour-blind safe (Okabe & Ito 2008). */
export const SERIES_COLOURS = ["#1f3b73", "#d6610a", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#0072b2", "#d55e00", "#8a8f98"];

/** The vega-lite config every chart shares. */
export const chartConfig = {
  font: FONT,
  // vega's ARIA labels repeat every value at full precision; the tables are the accessible form
  aria: false,
  background: "white",
  view: { stroke: "#d0d4da" },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" as const, titleColor: "#333", gridColor: "#eceef1" },
  legend: { labelFontSize: 11, titleFontSize: 11, symbolSize: 70, symbolOpacity: 1, labelLimit: 360, titleLimit: 360 },
};

/** Text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** A round axis domain covering [min, max] in about `count` steps (1, 2 or 5 × 10^k). */
export function niceDomain(min: number, max: number, count = 8): [number, number] {
  const hi = max > min ? max : min + 1;
  const raw = (hi - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
  const round = (k: number) => Number((k * step).toPrecision(12));
  return [round(Math.floor(min / step)), round(Math.ceil(hi / step))];
}

/** A logger that drops warnings and keeps errors, so the chart fails loudly and never prints. */
function collectingLogger(errors: string[]): Logger {
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(args.map(String).join(" "));
      return logger;
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Renders a vega-lite spec to an SVG string; deterministic for a given spec. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const errors: string[] = [];
  const logger = collectingLogger(errors);
  // vega is loaded when a chart is drawn (it awaits at its top level: not in the CLI's bundle)
  const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new View(parse(compile(spec, { logger }).spec), { renderer: "none", logger });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`chart rendering failed: ${errors.join("; ")}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** One section of a page: a heading, then a chart with its caption, then any HTML (tables, notes). */
export interface PageSection {
  heading: string;
  /** a chart: a vega-lite spec, drawn to SVG; its name goes on the figure (data-chart) */
  chart?: { name: string; spec: TopLevelSpec; caption: string };
  /** a picture already drawn as SVG (e.g. the network), with its caption */
  svg?: { name: string; svg: string; caption: string };
  /** trusted HTML made by the page's module (escape every text in it) */
  html?: string;
  /** plain sentences shown as a paragraph each */
  text?: string[];
}

export interface Page {
  /** the command that made it, e.g. `chokepoint stress` */
  generator: string;
  /** the document title */
  title: string;
  /** the big heading, usually the scenario or network name */
  heading: string;
  /** short lines under the heading: home, trials, seed, horizon */
  meta: string[];
  /** the plain-language summary: whole sentences, one paragraph each */
  summary: string[];
  sections: PageSection[];
  /** the line at the bottom: how to reproduce it */
  footer: string;
  /** extra CSS of this page */
  style?: string;
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1d2430; font: 15px/1.5 ${FONT}; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 48px; background: #fff; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 6px; }
h2 { font-size: 1.1rem; margin: 32px 0 8px; }
.meta { color: #5b6472; font-size: 0.9rem; margin: 2px 0; }
.summary { margin: 18px 0 8px; padding: 12px 16px; border-left: 4px solid ${PALETTE.accent}; background: #fdf6ef; }
.summary p { margin: 0 0 6px; }
.summary p:last-child { margin-bottom: 0; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #5b6472; font-size: 0.85rem; margin-top: 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 7px; border-bottom: 1px solid #e3e6ea; white-space: nowrap; }
thead th { background: #f0f2f5; font-weight: 600; text-align: center; border-bottom: 1px solid #c9ced6; white-space: normal; }
td.num { text-align: right; }
td.ci { color: #5b6472; }
td.mark { text-align: center; }
tbody th { text-align: left; font-weight: 600; }
table.kv th { text-align: left; font-weight: 600; background: none; }
table.kv td { white-space: normal; }
.notes { color: #3d4553; font-size: 0.88rem; padding-left: 20px; }
.notes li { margin: 3px 0; }
footer { margin-top: 32px; color: #8a8f98; font-size: 0.8rem; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section, figure, table { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
`;

/**
 * Gives the ids inside one SVG (gradients, clip paths) a prefix of their own: every chart numbers
 * them from 0, and two inline SVGs on one page must not share an id.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
}

function figureHtml(name: string, svg: string, caption: string): string {
  return `<figure data-chart="${escapeHtml(name)}">${scopeSvgIds(svg, name)}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}

async function sectionHtml(s: PageSection): Promise<string> {
  const parts = ["<section>", `<h2>${escapeHtml(s.heading)}</h2>`];
  for (const line of s.text ?? []) parts.push(`<p>${escapeHtml(line)}</p>`);
  if (s.chart) parts.push(figureHtml(s.chart.name, await renderSvg(s.chart.spec), s.chart.caption));
  if (s.svg) parts.push(figureHtml(s.svg.name, s.svg.svg, s.svg.caption));
  if (s.html) parts.push(s.html);
  parts.push("</section>");
  return parts.join("\n");
}

/** The whole page as one string: deterministic, self-contained, no script. */
export async function renderPage(page: Page): Promise<string> {
  const sections: string[] = [];
  // one chart at a time: vega's views are not meant to be rendered concurrently
  for (const s of page.sections) sections.push(await sectionHtml(s));
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(page.generator)}">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}${page.style ?? ""}</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<header>",
    `<h1>${escapeHtml(page.heading)}</h1>`,
    ...page.meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`),
    "</header>",
    `<div class="summary">\n${page.summary.map((s) => `<p>${escapeHtml(s)}</p>`).join("\n")}\n</div>`,
    ...sections,
    `<footer>${escapeHtml(page.footer)}</footer>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** A plain HTML table from headers and rows of text cells (escaped here); numeric cells right-aligned. */
export function simpleTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = (v: string | number) => typeof v === "number" || /^[-+]?[\d.,]+(%| k| M| bn| tn)?$/.test(v);
  const cell = (v: string | number, i: number) =>
    i === 0 ? `<th scope="row">${escapeHtml(String(v))}</th>` : `<td${numeric(v) ? ' class="num"' : ""}>${escapeHtml(String(v))}</td>`;
  return [
    '<div class="table-wrap"><table>',
    `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>\n${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}\n</tbody>`,
    "</table></div>",
  ].join("\n");
}

/** A bulleted list of notes, escaped. */
export function notesHtml(notes: readonly string[]): string {
  return `<ul class="notes">\n${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("\n")}\n</ul>`;
}
