// The node kinds a stress test can walk, apart from the stress test itself so that the command
// line can offer them as --by choices without loading the kinds of shock.

/** The node kinds a stress test can walk, in ranking tie-break order. */
export const STRESS_KINDS = ["country", "producer", "chokepoint", "good"] as const;
export type StressBy = (typeof STRESS_KINDS)[number];
