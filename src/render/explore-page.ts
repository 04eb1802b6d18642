// The explorer as one self-contained HTML file: the page's skeleton and styles, the scenario's
// files embedded as text (JSON in a data script), and the explorer's browser bundle inlined as
// the page's only script (its workers start from a Blob of that same script). No request leaves
// the page: no external script, style, font or image.

/** A file the page embeds: its name as the user typed it (or as the scenario names it) and its text. */
export interface EmbeddedFile {
  name: string;
  text: string;
}

export interface ExplorePageInput {
  /** The browser bundle (an IIFE script). */
  bundle: string;
  /** The scenario and the files it names. */
  files: EmbeddedFile[];
  /** Which of `files` is the scenario to open. */
  scenario: string;
  /** The page title (the scenario's name). */
  title: string;
}

/** `</script`, `<!--` and `<script` cannot appear inside an inline script or JSON data block. */
function scriptSafe(text: string): string {
  return text.replace(/<(\/?script|!--)/gi, "\\u003c$1");
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #4a525c; --line: #c9ced6; --accent: #1f3b73; --focus: #b34700; --bad: #a3151b; --panel: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: flex-end; justify-content: space-between; padding: .8rem 1.2rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
#subtitle { margin: .1rem 0 0; color: var(--muted); font-size: .9rem; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; }
button, .button { font: inherit; font-size: .9rem; padding: .35rem .7rem; border: 1px solid var(--accent); border-radius: 4px; background: #fff; color: var(--accent); cursor: pointer; }
button:hover, .button:hover { background: #e8edf6; }
.button input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.button:focus-within, :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main { display: grid; grid-template-columns: minmax(260px, 300px) minmax(0, 1fr); gap: 0 1.5rem; padding: 0 1.2rem 2rem; }
#side { border-right: 1px solid var(--line); padding-right: 1.2rem; }
#side h2:first-child { margin-top: 1rem; }
.settings { display: grid; grid-template-columns: auto 1fr; gap: .35rem .6rem; align-items: center; }
.settings input, .settings select { font: inherit; padding: .2rem .3rem; }
fieldset.group { border: 1px solid var(--line); border-radius: 4px; margin: .6rem 0; padding: .3rem .6rem .5rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.family { font-weight: normal; color: var(--muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; }
.control { display: grid; grid-template-columns: 1fr 5.5rem; gap: 0 .4rem; align-items: center; font-size: .9rem; margin: .25rem 0; }
.control input[type=range] { grid-column: 1 / -1; grid-row: 2; width: 100%; margin: 0; accent-color: var(--accent); }
.control input.exact { width: 5rem; font: inherit; font-size: .85rem; padding: .1rem .2rem; }
body[data-state=loading] #results > :not(#status):not(#issues), body[data-state=loading] #side > :not(:first-child):not(.settings) { display: none; }
#status { min-height: 1.4em; color: var(--muted); margin: 1rem 0 .3rem; }
body[data-state=running] #status::before, body[data-state=partial] #status::before { content: "⟳ "; }
#issues { border: 2px solid var(--bad); border-radius: 4px; padding: .2rem .9rem; margin: .6rem 0; background: #fff5f5; }
#issues h2 { color: var(--bad); margin-top: .5rem; }
#issues code { white-space: pre-wrap; font-size: .85rem; }
#changes { border-left: 4px solid var(--focus); padding: .2rem .8rem; margin: .4rem 0; background: var(--panel); font-size: .9rem; }
#changes ul { margin: .2rem 0; padding-left: 1.2rem; }
.scroll { overflow-x: auto; }
#results { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding-bottom: 1rem; }
table { border-collapse: collapse; font-size: .8rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { padding: .2rem .35rem; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: normal; vertical-align: bottom; }
td.num { text-align: right; }
tr.focus td { background: #fdf0e6; font-weight: 600; }
body[data-state=partial] #table tbody { color: var(--muted); }
.legend, #notes { color: var(--muted); font-size: .8rem; padding-left: 1.2rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 0 1.5rem; }
.charts svg, #network svg { max-width: 680px; }
.drop { display: none; }
body.dragging .drop { display: flex; position: fixed; inset: 0; align-items: center; justify-content: center; background: rgba(31, 59, 115, .12); border: 4px dashed var(--accent); font-size: 1.4rem; color: var(--accent); }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } #side { border-right: 0; padding-right: 0; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  .actions, #side, .drop, #status::before { display: none !important; }
  main { display: block; padding: 0; }
  #results { position: static; max-height: none; overflow: visible; }
  header { padding: 0 0 .3rem; }
  .charts { grid-template-columns: 1fr 1fr; break-inside: avoid; }
  table { font-size: 8pt; }
  #goods-section { break-inside: avoid; }
}
`;

/** The page, ready to write to a file. */
export function renderExplorePage(input: ExplorePageInput): string {
  const data = scriptSafe(JSON.stringify({ files: input.files, scenario: input.scenario }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:">
<title>${escape(input.title)} · chokepoint explore</title>
<style>${STYLE}</style>
</head>
<body data-state="loading">
<header>
  <div><h1 id="title">${escape(input.title)}</h1><p id="subtitle"></p></div>
  <div class="actions">
    <label class="button">Open scenario…<input type="file" id="open" multiple accept=".yaml,.yml,.json"></label>
    <button type="button" id="download">Download scenario</button>
    <button type="button" id="download-json">Download results (JSON)</button>
    <button type="button" id="copy-link">Copy link</button>
    <button type="button" id="print">Print</button>
  </div>
</header>
<main>
  <section id="side" aria-label="Scenario controls">
    <h2>Run</h2>
    <div class="settings">
      <label for="trials">trials</label><input type="number" id="trials" min="1" step="1">
      <label for="seed">seed</label><input type="number" id="seed" min="0" step="1">
      <label for="focus">option</label><select id="focus"></select>
    </div>
    <h2>Shocks and policies</h2>
    <p class="hint">Each number of the scenario's shocks and policies; drag a slider or type an exact value. Open or drop another scenario (with its network file) anywhere on the page.</p>
    <div id="controls"></div>
  </section>
  <section id="results" aria-label="Results">
    <p id="status" role="status" aria-live="polite">Starting the engine…</p>
    <div id="issues" role="alert" hidden></div>
    <div id="changes" hidden></div>
    <h2>Options compared on the same trials</h2>
    <div class="scroll"><table id="table"></table></div>
    <ul id="notes"></ul>
    <p id="summary"></p>
    <div class="charts">
      <div><h2>Cost and risk: the efficient frontier</h2><div id="frontier"></div></div>
      <div><h2>The tail: unmet share by trial</h2><div id="tail"></div></div>
    </div>
    <div id="goods-section"><h2 id="focus-title">Per good</h2><div class="scroll"><table id="goods"></table></div></div>
    <div id="network-section"><h2>The supply network: where the home's goods come from</h2><div id="network"></div></div>
  </section>
</main>
<div class="drop" aria-hidden="true">Drop a scenario (and its network file) to open it</div>
<noscript><p>The explorer runs the simulation in the page: it needs JavaScript.</p></noscript>
<script type="application/json" id="chokepoint-data">${data}</script>
<script id="chokepoint-app">${scriptSafe(input.bundle)}</script>
</body>
</html>
`;
}
