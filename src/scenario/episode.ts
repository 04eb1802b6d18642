// The episode file format (`chokepoint backtest`): a scenario and the series observed when the
// shock happened, by calendar month, each with its source. Schema with plain sentences, and the
// checks that need the scenario (goods, countries, a monthly period), as located issues.
import { z } from "zod";
import { id, nonNegative } from "../kinds/fields.ts";
import type { PathIssue } from "./issues.ts";
import type { Scenario } from "./schema.ts";

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a calendar month written YYYY-MM, e.g. 2019-07")
  .describe("a calendar month, YYYY-MM");

const seriesSchema = z
  .object({
    id: id.describe("the series' id, unique in the file"),
    measure: z
      .enum(["imports", "price", "availability"])
      .describe("imports: deliveries from `from` to `country`; price: the world price index; availability: r of `country`"),
    good: id.describe("the good observed"),
    country: id.optional().describe("the importer (imports, availability); omit for price, and for imports to mean all destinations but `from` (exports)"),
    from: id.optional().describe("imports only: the origin country; omit = all origins"),
    unit: z.string().min(1).default("index").describe("`index` (100 = the baseline) or the unit of the raw observations, turned into an index by `baseline`"),
    baseline: z
      .object({ from: monthSchema.describe("the first baseline month, YYYY-MM"), to: monthSchema.describe("the last baseline month, YYYY-MM") })
      .strict()
      .optional()
      .describe("observed months whose mean is 100; those points are not scored (the simulated index is 100 before the shock)"),
    points: z
      .record(monthSchema, nonNegative)
      .refine((p) => Object.keys(p).length > 0, { message: "needs at least one observed month" })
      .describe("observations by calendar month"),
    source: z.string().min(1, "every series names the source of its numbers").describe("where every observed number comes from"),
    note: z.string().optional().describe("free text for people"),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (s.measure === "price" && (s.country !== undefined || s.from !== undefined)) issue(s.country !== undefined ? "country" : "from", "a price series is the world's: give no country or from");
    if (s.measure === "availability" && s.country === undefined) issue("measure", "an availability series needs the importing `country`");
    if (s.measure === "availability" && s.from !== undefined) issue("from", "`from` is for imports only");
    if (s.measure === "imports" && s.country === undefined && s.from === undefined) issue("measure", "an imports series needs `country`, `from` or both");
    if (s.unit !== "index" && s.baseline === undefined) issue("unit", "observations in a unit other than `index` need `baseline` months to make the index");
    if (s.baseline !== undefined && s.baseline.from > s.baseline.to) issue("baseline", "`from` must not come after `to`");
  });

export const episodeSchema = z
  .object({
    name: z.string().describe("the episode's name, shown in reports"),
    description: z.string().optional().describe("free text for people"),
    scenario: z.string().min(1).describe("the scenario file, relative to this file"),
    option: id.default("baseline").describe("the scenario's option that stands for what was done"),
    start: monthSchema.describe("the calendar month of period 0"),
    trials: z.number().int("must be a whole number").min(1, "must be at least 1").default(1000).describe("trials simulated; default 1000"),
    seed: z.number().int("must be a whole number").min(0, "must be 0 or more").optional().describe("default: the scenario's seed"),
    series: z.array(seriesSchema).min(1, "needs at least one series").describe("the observed series, each scored against the simulation"),
  })
  .strict();

export type EpisodeInput = z.input<typeof episodeSchema>;
export type Episode = z.output<typeof episodeSchema>;
export type EpisodeSeries = Episode["series"][number];

/** Months from `a` to `b` (YYYY-MM), negative when b comes first. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number) as [number, number];
  const [yb, mb] = b.split("-").map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

/** The calendar month `n` months after `start`. */
export function monthAfter(start: string, n: number): string {
  const [y, m] = start.split("-").map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
}

/** Checks an episode against its scenario: monthly periods, the option, every good and country. */
export function checkEpisode(episode: Episode, scenario: Scenario): PathIssue[] {
  const issues: PathIssue[] = [];
  if (scenario.period !== "month") {
    issues.push({ path: ["scenario"], message: `the scenario's period is '${scenario.period}'; an episode lines periods up with calendar months, so it needs period: month` });
  }
  if (episode.option !== "baseline" && !(episode.option in scenario.options)) {
    issues.push({ path: ["option"], message: `the scenario has no option '${episode.option}'` });
  }
  const goods = new Set(scenario.network.goods.map((g) => g.id));
  const countries = new Set(scenario.network.countries.map((c) => c.id));
  const users = new Set(scenario.network.flows.map((f) => `${f.to}/${scenario.network.producers.find((p) => p.id === f.from)?.good}`));
  episode.series.forEach((s, i) => {
    const at = (field: string, message: string) => issues.push({ path: ["series", i, field], message });
    if (!goods.has(s.good)) at("good", `the scenario's network has no good '${s.good}'`);
    for (const field of ["country", "from"] as const) {
      const c = s[field];
      if (c !== undefined && !countries.has(c)) at(field, `the scenario's network has no country '${c}'`);
    }
    if (s.measure !== "price" && s.country !== undefined && countries.has(s.country) && goods.has(s.good) && !users.has(`${s.country}/${s.good}`)) {
      at("country", `${s.country} has no inflow of ${s.good} in the scenario's network`);
    }
    const last = monthAfter(episode.start, scenario.horizon - 1);
    if (!Object.keys(s.points).some((m) => monthsBetween(episode.start, m) >= 0 && m <= last)) {
      at("points", `no observed month falls within the scenario's horizon (${episode.start} to ${last})`);
    }
  });
  return issues;
}
