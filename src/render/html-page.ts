// The parts every self-contained HTML page shares (compare's, portfolio's): the palette, the
// styles, the vega-lite chart configuration, vega-lite → inline SVG rendering and the document
// skeleton. Pages need no script, no network and no browser to make. Reference: vega-lite compile
// → vega.parse → View.toSVG (https://vega.github.io/vega/usage/#view).
import { parse, View, type ViewOptions } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

type Logger = NonNullable<ViewOptions["logger"]> & NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/** Colours of the frontier, of dominated points and of the baseline (doing nothing). */
export const PALETTE = { frontier: "#d6610a", dominated: "#8a8f98", baseline: "#1f3b73" } as const;

/** Text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** The chart configuration shared by every page. */
export const config = {
  font: FONT,
  // vega's ARIA labels repeat every value at full precision; the table below is the accessible form
  aria: false,
  background: "white",
  view: { stroke: "#d0d4da" },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" as const, titleColor: "#333", gridColor: "#eceef1" },
  legend: { labelFontSize: 11, symbolSize: 70, symbolOpacity: 1 },
};

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
  const view = new View(parse(compile(spec, { logger }).spec), { renderer: "none", logger });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`chart rendering failed: ${errors.join("; ")}`);
    return svg;
  } finally {
    view.finalize();
  }
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1d2430; font: 15px/1.5 ${FONT}; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 48px; background: #fff; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 6px; }
h2 { font-size: 1.1rem; margin: 32px 0 8px; }
.meta { color: #5b6472; font-size: 0.9rem; margin: 2px 0; }
.summary { margin: 18px 0 8px; padding: 12px 16px; border-left: 4px solid ${PALETTE.frontier}; background: #fdf6ef; }
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
tr.frontier th { color: ${PALETTE.frontier}; }
tr.baseline { background: #f3f5fa; }
tr.baseline th { color: ${PALETTE.baseline}; }
table.kv th { text-align: left; font-weight: 600; background: none; }
table.kv td { white-space: normal; }
.notes { color: #3d4553; font-size: 0.88rem; padding-left: 20px; }
.notes li { margin: 3px 0; }
footer { margin-top: 32px; color: #8a8f98; font-size: 0.8rem; }
`;

/** One page: the shared head and styles, then `body` inside <main>. Deterministic for the same input. */
export function htmlDocument(title: string, generator: string, body: readonly string[]): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(generator)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
