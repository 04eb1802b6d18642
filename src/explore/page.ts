// The explorer page: loads the embedded (or opened, dropped, linked) scenario with the CLI's own
// validation, generates its controls, and re-runs the comparison on every change: a first answer
// from a few hundred trials, then the full count, the engine in Web Workers, stale work cancelled.
import { type CompareReport, makeCompareReport } from "../analysis/compare-report.ts";
import { optionsOf } from "../engine/run.ts";
import { InputError, type InputIssue, formatIssue } from "../errors.ts";
import { formatCell } from "../render/columns.ts";
import { COMPARE_NOTES, compareColumns } from "../render/compare.ts";
import { renderJson } from "../render/json.ts";
import { detectKind } from "../scenario/document-kind.ts";
import { readSourceWith, scenarioFrom } from "../scenario/from-source.ts";
import { parseSource } from "../scenario/parse.ts";
import type { Scenario } from "../scenario/schema.ts";
import { optionTrialsOf } from "../stats/score-options.ts";
import { frontierChart, tailChart } from "./charts.ts";
import { type Control, controlsOf, setNumberInText } from "./controls.ts";
import { Engine, joinRows, type Rows, Superseded } from "./engine.ts";
import { type PageFile, pageReader } from "./files.ts";
import { networkPicture } from "./network.ts";
import { escapeText } from "./html.ts";
import { decodeState, encodeState } from "./state.ts";

/** Trials of the first, quick answer after a change. */
const FIRST_TRIALS = 250;

interface Embedded {
  files: PageFile[];
  scenario: string;
}

interface Loaded {
  name: string;
  text: string;
  scenario: Scenario;
  version: number;
}

export function startPage(doc: Document): void {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const embedded = JSON.parse($("chokepoint-data").textContent ?? "{}") as Embedded;
  const code = $("chokepoint-app").textContent ?? "";
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  const engine = new Engine(url, Math.min(navigator.hardwareConcurrency || 2, 4));
  const body = doc.body;
  let files = embedded.files;
  let current: Loaded | undefined;
  let trials = 0;
  let seed = 0;
  let focus = "baseline";
  let versions = 0;
  let runId = 0;
  let shown: { report: CompareReport; rows: Rows } | undefined;
  /** The numbers changed from the file as it was opened (or as embedded, for a link): path → [was, now]. */
  let changes = new Map<string, [number, number]>();

  const showChanges = () => {
    const list = [...changes].filter(([, [was, now]]) => was !== now);
    $("changes").hidden = list.length === 0;
    $("changes").innerHTML = `<strong>What-if: changed from the file</strong><ul>${list.map(([p, [was, now]]) => `<li><code>${escapeText(p)}</code> ${was} → <strong>${now}</strong></li>`).join("")}</ul>`;
  };

  const showIssues = (issues: readonly InputIssue[], title: string) => {
    const box = $("issues");
    box.hidden = issues.length === 0;
    box.innerHTML =
      issues.length === 0
        ? ""
        : `<h2>${escapeText(title)}</h2><ul>${issues.map((i) => `<li><code>${escapeText(formatIssue(i))}</code></li>`).join("")}</ul><p>${issues.length} problem${issues.length === 1 ? "" : "s"} found. The last valid scenario stays loaded.</p>`;
  };
  const issuesOf = (err: unknown): InputIssue[] => (err instanceof InputError ? err.issues : [{ path: "", message: err instanceof Error ? err.message : String(err) }]);

  /** Validates a scenario text exactly as the CLI does a file; undefined (and the issues shown) when it fails. */
  const validate = async (name: string, text: string, title: string): Promise<Scenario | undefined> => {
    const reader = pageReader([{ name, text }, ...files.filter((f) => f.name !== name)]);
    try {
      return await scenarioFrom(await readSourceWith(reader, name), name, reader);
    } catch (err) {
      showIssues(issuesOf(err), title);
      return undefined;
    }
  };

  const share = () => {
    if (current === undefined) return;
    const fragment = encodeState({ name: current.name, text: current.text, trials, seed, focus });
    history.replaceState(null, "", `#${fragment}`);
  };

  const load = async (name: string, text: string, settings?: { trials: number; seed: number; focus: string }) => {
    const scenario = await validate(name, text, `Problems in ${name}; nothing was changed`);
    if (scenario === undefined) return false;
    showIssues([], "");
    current = { name, text, scenario, version: ++versions };
    trials = settings?.trials ?? scenario.trials;
    seed = settings?.seed ?? scenario.seed;
    const ids = optionsOf(scenario).map((o) => o.id);
    focus = settings !== undefined && ids.includes(settings.focus) ? settings.focus : "baseline";
    $("title").textContent = scenario.name;
    $("subtitle").textContent = `${name} · home ${scenario.home} · horizon ${scenario.horizon} ${scenario.period}s`;
    ($("trials") as HTMLInputElement).value = String(trials);
    ($("seed") as HTMLInputElement).value = String(seed);
    $("focus").innerHTML = ids.map((id) => `<option value="${escapeText(id)}"${id === focus ? " selected" : ""}>${escapeText(id)}</option>`).join("");
    const controls = controlsOf(scenario, text);
    buildControls(controls);
    // a link's scenario against the embedded file of the same name: what the link changed
    const base = embedded.files.find((f) => f.name === name);
    const baseValues = new Map(base === undefined || base.text === text ? [] : controlsOf(scenario, base.text).map((c) => [c.path, c.value] as const));
    changes = new Map(controls.flatMap((c) => (baseValues.has(c.path) ? [[c.path, [baseValues.get(c.path)!, c.value]] as [string, [number, number]]] : [])));
    showChanges();
    $("network").innerHTML = networkPicture(scenario);
    void run();
    return true;
  };

  const edit = async (control: Control, value: number) => {
    const started = performance.now();
    if (current === undefined) return;
    const text = setNumberInText(current.text, control.at, value);
    if (text === undefined) return;
    const scenario = await validate(current.name, text, `This value makes the scenario invalid: ${control.path} = ${value}`);
    if (scenario === undefined) return;
    showIssues([], "");
    current = { ...current, text, scenario, version: ++versions };
    changes.set(control.path, [changes.get(control.path)?.[0] ?? control.value, value]);
    showChanges();
    void run(started);
  };

  // Edits apply one at a time, in order; while one is validated, a control's newer values replace
  // its queued one (a dragged slider sends many), so only the latest is applied.
  let editing = Promise.resolve();
  const queued = new Map<string, number>();
  const requestEdit = (control: Control, value: number) => {
    queued.set(control.path, value);
    editing = editing.then(async () => {
      const latest = queued.get(control.path);
      if (latest === undefined) return;
      queued.delete(control.path);
      await edit(control, latest);
    });
  };

  const buildControls = (controls: Control[]) => {
    const groups = new Map<string, Control[]>();
    for (const c of controls) groups.set(`${c.family}\u0000${c.group}`, [...(groups.get(`${c.family}\u0000${c.group}`) ?? []), c]);
    let html = "";
    let n = 0;
    for (const [key, list] of groups) {
      const [family, group] = key.split("\u0000") as [string, string];
      html += `<fieldset class="group"><legend><span class="family">${family === "shocks" ? "shock" : "policy"}</span> ${escapeText(group)}</legend>`;
      for (const c of list) {
        const id = `c${n++}`;
        html += `<div class="control" data-path="${escapeText(c.path)}"><label for="${id}">${escapeText(c.label)}</label>`;
        html += `<input type="range" id="${id}" min="${c.min}" max="${c.max}" step="${c.step}" value="${c.value}">`;
        html += `<input type="number" class="exact" aria-label="${escapeText(`${c.label} of ${group}, exact value`)}" min="${c.min}" step="any" value="${c.value}"></div>`;
      }
      html += "</fieldset>";
    }
    const box = $("controls");
    box.innerHTML = html;
    box.querySelectorAll<HTMLDivElement>(".control").forEach((row, i) => {
      const c = controls[i]!;
      const [range, exact] = row.querySelectorAll("input");
      range!.addEventListener("input", () => {
        exact!.value = range!.value;
        requestEdit(c, Number(range!.value));
      });
      exact!.addEventListener("change", () => {
        const v = Number(exact!.value);
        if (exact!.value.trim() === "" || !Number.isFinite(v)) return;
        range!.value = String(v);
        requestEdit(c, v);
      });
    });
  };

  /** Reruns the current scenario; timings count from `started` (the control's change, when one moved). */
  const run = async (started = performance.now()) => {
    if (current === undefined) return;
    const id = ++runId;
    const { scenario, version } = current;
    engine.cancelAll();
    share();
    const task = { version, scenario, options: optionsOf(scenario), seed };
    const first = Math.min(trials, FIRST_TRIALS);
    body.dataset.state = "running";
    try {
      const a = await engine.run(task, 0, first);
      if (id !== runId) return;
      const firstMs = performance.now() - started;
      show(scenario, a, first < trials ? "partial" : "done");
      body.dataset.firstMs = firstMs.toFixed(0);
      if (first < trials) {
        setStatus(`${first} trials in ${firstMs.toFixed(0)} ms; refining to ${trials}…`);
        const b = await engine.run(task, first, trials - first);
        if (id !== runId) return;
        show(scenario, joinRows(a, b), "done");
      }
      const fullMs = performance.now() - started;
      body.dataset.fullMs = fullMs.toFixed(0);
      setStatus(`${trials} trials · seed ${seed} · first answer (${first} trials) in ${firstMs.toFixed(0)} ms, all ${trials} in ${fullMs.toFixed(0)} ms on ${engine.size} worker${engine.size === 1 ? "" : "s"}`);
    } catch (err) {
      if (err instanceof Superseded || id !== runId) return;
      body.dataset.state = "error";
      showIssues(issuesOf(err), "The run failed");
    }
  };

  const setStatus = (text: string) => {
    $("status").textContent = text;
  };

  const show = (scenario: Scenario, rows: Rows, state: "partial" | "done") => {
    const options = optionsOf(scenario);
    const report = makeCompareReport(scenario, seed, { trials: optionTrialsOf(options, rows.results), scoredGoods: rows.scoredGoods }, scenario.objective);
    shown = { report, rows };
    body.dataset.state = state;
    body.dataset.version = String(current?.version ?? 0);
    body.dataset.trials = String(report.trials);
    render();
  };

  const render = () => {
    if (shown === undefined) return;
    const { report, rows } = shown;
    const columns = compareColumns(report);
    const head = `<tr>${columns.map((c) => `<th scope="col">${escapeText(c.header)}</th>`).join("")}</tr>`;
    const lines = report.options.map((o) => {
      const cells = columns.map((c) => `<td data-col="${escapeText(c.header)}" class="${typeof c.get(o) === "number" || c.align === "right" ? "num" : ""}">${escapeText(formatCell(c, o))}</td>`);
      return `<tr data-option="${escapeText(o.id)}"${o.id === focus ? ' class="focus"' : ""}>${cells.join("")}</tr>`;
    });
    $("table").innerHTML = `<caption>${escapeText(`${report.trials} trials · seed ${report.seed} · ranked by ${report.objective === "risk" ? "tail risk (CVaR95)" : "expected shortfall"}, lower is better`)}</caption><thead>${head}</thead><tbody>${lines.join("")}</tbody>`;
    $("notes").innerHTML = COMPARE_NOTES.map((n) => `<li>${escapeText(n)}</li>`).join("");
    $("summary").textContent = report.summary;
    $("frontier").innerHTML = frontierChart(report, focus);
    const index = (id: string) => report.options.findIndex((o) => o.id === id);
    const pick = (id: string) => ({ id, values: rows.results[optionsOf(current!.scenario).findIndex((o) => o.id === id)]!.unmet });
    $("tail").innerHTML = tailChart(focus === "baseline" ? [pick("baseline")] : [pick("baseline"), pick(focus)]);
    const o = report.options[index(focus)]!;
    $("focus-title").textContent = `Option ${focus}: per good`;
    $("goods").innerHTML = `<thead><tr><th scope="col">good</th><th scope="col">unmet %</th><th scope="col">P(unmet &gt; 10%) %</th><th scope="col">recovery (${escapeText(report.period)}s)</th></tr></thead><tbody>${Object.entries(o.goods)
      .map(([g, s]) => `<tr><td>${escapeText(g)}</td><td class="num">${(100 * s.unmet).toFixed(2)}</td><td class="num">${(100 * s.pShortfall10).toFixed(1)}</td><td class="num">${s.ttr === null ? "" : s.ttr.toFixed(1)}</td></tr>`)
      .join("")}</tbody>`;
  };

  const openFiles = async (list: FileList | readonly File[]) => {
    const dropped: PageFile[] = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    if (dropped.length === 0) return;
    const main = dropped.find((f) => detectKind(parseSource(f.text, f.name).value) === "scenario") ?? dropped[0]!;
    const before = files;
    files = [...dropped, ...files.filter((f) => !dropped.some((d) => d.name === f.name))];
    if (!(await load(main.name, main.text))) files = before;
  };

  // wiring
  $("open").addEventListener("change", (e) => {
    const input = e.target as HTMLInputElement;
    if (input.files) void openFiles(input.files).then(() => (input.value = ""));
  });
  doc.addEventListener("dragover", (e) => {
    e.preventDefault();
    body.classList.add("dragging");
  });
  doc.addEventListener("dragleave", () => body.classList.remove("dragging"));
  doc.addEventListener("drop", (e) => {
    e.preventDefault();
    body.classList.remove("dragging");
    if (e.dataTransfer?.files) void openFiles(e.dataTransfer.files);
  });
  $("download").addEventListener("click", () => {
    if (current === undefined) return;
    saveAs(current.name.slice(current.name.lastIndexOf("/") + 1), current.text, "application/yaml");
  });
  $("download-json").addEventListener("click", () => {
    if (shown !== undefined) saveAs("compare.json", renderJson(shown.report), "application/json");
  });
  $("copy-link").addEventListener("click", () => {
    share();
    void navigator.clipboard?.writeText(location.href).then(() => setStatus("link copied: it carries the edited scenario and the settings"), () => setStatus("copy the address bar: it carries the edited scenario"));
  });
  $("print").addEventListener("click", () => print());
  const setting = (id: string, apply: (v: number) => void) =>
    $(id).addEventListener("change", (e) => {
      const v = Number((e.target as HTMLInputElement).value);
      if (Number.isInteger(v) && v >= (id === "trials" ? 1 : 0)) {
        apply(v);
        void run();
      }
    });
  setting("trials", (v) => (trials = v));
  setting("seed", (v) => (seed = v));
  $("focus").addEventListener("change", (e) => {
    focus = (e.target as HTMLSelectElement).value;
    share();
    render();
  });
  const saveAs = (name: string, text: string, type: string) => {
    const a = doc.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    a.click();
  };

  // the state a link carries, else the embedded scenario
  const linked = decodeState(location.hash);
  const embeddedMain = files.find((f) => f.name === embedded.scenario);
  // what the test and a curious user can read back: the current comparison, as `compare --format json` writes it
  (globalThis as unknown as { chokepoint: unknown }).chokepoint = { json: () => (shown === undefined ? undefined : renderJson(shown.report)), text: () => current?.text };
  void (async () => {
    if (linked !== undefined && (await load(linked.name, linked.text, linked))) return;
    if (embeddedMain !== undefined) await load(embeddedMain.name, embeddedMain.text);
    else setStatus("Open or drop a scenario file (YAML or JSON) to start.");
  })();
}
