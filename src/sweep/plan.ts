// Turns a sweep file and the command-line flags into one plan: parameters with their values,
// the design, trials, seed and options. Every problem is placed where it was written: a sweep
// file's line:col, or the flag (`--set`, `--range`) and the path it names.
import { type InputIssue, InputError, UsageError, formatPath } from "../errors.ts";
import { type OptionSpec, optionsOf } from "../engine/run.ts";
import { formatValue } from "../scenario/issues.ts";
import { type SourceDocument, locate } from "../scenario/parse.ts";
import type { Scenario } from "../scenario/schema.ts";
import { didYouMean } from "../scenario/suggest.ts";
import { type ParameterSource, type SweepDesign, type SweepParameter, makeDesign, rangeValues } from "./design.ts";
import { findPath, indexPaths, withValues } from "./paths.ts";
import type { Design, SweepFile } from "./schema.ts";

/** Larger designs are surely a mistake (10 parameters × 10 values is 10¹⁰ points). */
const MAX_POINTS = 10_000_000;

/** A `--set PATH=v1,v2,…` or `--range PATH=min:max[:steps]` flag as typed, in command-line order. */
export interface FlagParameter {
  flag: "--set" | "--range";
  text: string;
}

export interface SweepSettings {
  design?: Design;
  samples?: number;
  lhsSeed?: number;
  trials?: number;
  seed?: number;
  options?: string[];
}

export interface SweepPlan {
  design: SweepDesign;
  trials: number;
  seed: number;
  lhsSeed: number;
  options: OptionSpec[];
}

/** A sweep file as read: its validated value and its text, for positions. */
export interface SweepSource {
  file: string;
  value: SweepFile;
  source: SourceDocument;
}

/** Where one issue goes: a sweep file position, or a flag. */
interface Place {
  file: string;
  path: string;
  line?: number;
  col?: number;
}

/**
 * Builds the plan and checks every parameter value on its own (others at base) with the
 * scenario's own checks.
 * @throws {InputError} every problem, each placed where it was written.
 * @throws {UsageError} for settings that do not fit together (lhs without --samples, nothing to sweep).
 */
export function planSweep(scenario: Scenario, sweep: SweepSource | undefined, flags: readonly FlagParameter[], settings: SweepSettings): SweepPlan {
  const index = indexPaths(scenario);
  const issues: InputIssue[] = [];
  const parameters: SweepParameter[] = [];
  const firstSeen = new Map<string, Place>();
  const fileSettings = sweep?.value;
  const design = settings.design ?? fileSettings?.design ?? "grid";

  const fromFile = (docPath: PropertyKey[]): Place => {
    const at = sweep === undefined ? undefined : locate(sweep.source, docPath);
    return { file: sweep?.file ?? "", path: formatPath(docPath), ...at };
  };

  const addParameter = (
    pathText: string,
    values: number[] | undefined,
    place: Place,
    source: ParameterSource,
    range?: { min: number; max: number; steps: number },
  ): void => {
    const found = findPath(index, pathText);
    if ("error" in found) {
      issues.push({ ...place, message: found.error });
      return;
    }
    const previous = firstSeen.get(found.path.text);
    if (previous !== undefined) {
      issues.push({ ...place, message: `${found.path.text} is swept twice (first at ${describePlace(previous)})` });
      return;
    }
    firstSeen.set(found.path.text, place);
    const list = range === undefined ? (values ?? []) : rangeValues(range.min, range.max, range.steps, found.path.integer);
    parameters.push({ path: found.path, values: list, source });
  };

  sweep?.value.parameters.forEach((p, i) => {
    const place = fromFile(["parameters", i, "path"]);
    const range = locate(sweep.source, ["parameters", i, "range"]);
    const source: ParameterSource = {
      file: sweep.file,
      path: formatPath(["parameters", i]),
      ...range,
      ...(p.values === undefined ? {} : { values: p.values.map((_, k) => locate(sweep.source, ["parameters", i, "values", k])) }),
    };
    addParameter(p.path, p.values, place, source, p.range);
  });

  for (const flag of flags) {
    const parsed = parseFlag(flag);
    if ("error" in parsed) {
      issues.push({ file: flag.flag, path: parsed.path, message: parsed.error });
      continue;
    }
    const place: Place = { file: flag.flag, path: parsed.path };
    addParameter(parsed.path, parsed.values, place, { file: flag.flag }, parsed.range);
  }

  if (issues.length > 0) throw new InputError(issues);
  if (parameters.length === 0) {
    throw new UsageError("nothing to sweep: give parameters with --set PATH=v1,v2, --range PATH=min:max:steps or --file sweep.yaml");
  }

  // each value alone, the others at base: a value that breaks the scenario is placed where it was written
  for (const p of parameters) {
    const checked = design === "lhs" ? [Math.min(...p.values), Math.max(...p.values)] : p.values;
    for (const value of new Set(checked)) {
      const result = withValues(scenario, [{ path: p.path, value: p.path.integer && design === "lhs" ? Math.round(value) : value }]);
      if ("issues" in result) {
        const where = valuePlace(p, p.values.indexOf(value));
        for (const issue of result.issues) {
          issues.push({ ...where, message: `${p.path.text} = ${formatValue(value)} makes the scenario invalid: ${formatPath(issue.path)} ${issue.message}` });
        }
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);

  const samples = settings.samples ?? fileSettings?.samples;
  if (design === "lhs" && samples === undefined) throw new UsageError("--design lhs needs --samples N (or samples: in the sweep file)");
  const lhsSeed = settings.lhsSeed ?? fileSettings?.lhsSeed ?? 1;
  const only = settings.options ?? fileSettings?.options;
  if (only !== undefined) checkOptions(scenario, settings.options === undefined ? sweep : undefined, only);
  const built = makeDesign(design, parameters, { ...(samples === undefined ? {} : { samples }), lhsSeed });
  if (built.count > MAX_POINTS) {
    throw new UsageError(`the ${design} has ${built.count.toExponential(2)} points, more than ${MAX_POINTS}; use fewer values, or --design lhs --samples N`);
  }
  return {
    design: built,
    trials: settings.trials ?? fileSettings?.trials ?? scenario.trials,
    seed: settings.seed ?? fileSettings?.seed ?? scenario.seed,
    lhsSeed,
    options: optionsOf(scenario, only),
  };
}

/** Where value k of a parameter was written: the flag, or its place in the sweep file (a range: the range). */
function valuePlace(p: SweepParameter, k: number): Place {
  const { source } = p;
  if (source.path === undefined) return { file: source.file, path: p.path.text };
  const at = source.values?.[k];
  if (source.values !== undefined && at !== undefined) return { file: source.file, path: `${source.path}.values[${k}]`, ...at };
  return {
    file: source.file,
    path: `${source.path}.range`,
    ...(source.line === undefined ? {} : { line: source.line }),
    ...(source.col === undefined ? {} : { col: source.col }),
  };
}

function describePlace(place: Place): string {
  if (place.file.startsWith("--")) return place.file;
  return place.line === undefined ? place.file : `${place.file}:${place.line}:${place.col ?? 1}`;
}

/** Option ids named in the sweep file (placed there) or by --option. */
function checkOptions(scenario: Scenario, sweep: SweepSource | undefined, options: readonly string[]): void {
  const known = ["baseline", ...Object.keys(scenario.options)];
  const issues: InputIssue[] = [];
  options.forEach((id, j) => {
    if (known.includes(id)) return;
    const message = `unknown option '${id}'${didYouMean(id, known) || `; the scenario has ${known.join(", ")}`}`;
    if (sweep === undefined) issues.push({ file: "--option", path: id, message });
    else issues.push({ file: sweep.file, path: `options[${j}]`, ...locate(sweep.source, ["options", j]), message });
  });
  if (issues.length > 0) throw new InputError(issues);
}

type ParsedFlag =
  | { path: string; values: number[]; range?: undefined }
  | { path: string; values?: undefined; range: { min: number; max: number; steps: number } }
  | { path: string; error: string };

/** `PATH=0.2,0.5` or `PATH=10:30:3`: the path is everything before the last `=`. */
export function parseFlag(flag: FlagParameter): ParsedFlag {
  const eq = flag.text.lastIndexOf("=");
  if (eq <= 0) {
    const example = flag.flag === "--set" ? "PATH=v1,v2,…" : "PATH=min:max:steps";
    return { path: flag.text, error: `must be ${example}, got '${flag.text}'` };
  }
  const path = flag.text.slice(0, eq).trim();
  const rhs = flag.text.slice(eq + 1).trim();
  const number = (text: string): number | undefined => {
    const t = text.trim();
    const n = t === "" ? Number.NaN : Number(t);
    return Number.isFinite(n) ? n : undefined;
  };
  if (flag.flag === "--set") {
    const texts = rhs.split(",");
    const values: number[] = [];
    for (const t of texts) {
      const n = number(t);
      if (n === undefined) return { path, error: `'${t.trim()}' is not a number (in '${rhs}')` };
      values.push(n);
    }
    return { path, values };
  }
  const parts = rhs.split(":");
  if (parts.length < 2 || parts.length > 3) return { path, error: `the range must be min:max or min:max:steps, got '${rhs}'` };
  const [minText = "", maxText = "", stepsText = "2"] = parts;
  const min = number(minText);
  const max = number(maxText);
  const steps = number(stepsText);
  if (min === undefined) return { path, error: `min '${minText.trim()}' is not a number (in '${rhs}')` };
  if (max === undefined) return { path, error: `max '${maxText.trim()}' is not a number (in '${rhs}')` };
  if (steps === undefined || !Number.isInteger(steps) || steps < 1) {
    return { path, error: `steps must be a whole number ≥ 1, got '${stepsText.trim()}' (in '${rhs}')` };
  }
  if (min > max) return { path, error: `min ${min} exceeds max ${max} (in '${rhs}')` };
  return { path, range: { min, max, steps } };
}
