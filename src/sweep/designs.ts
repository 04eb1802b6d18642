// The sweep designs, apart from the sweep file's schema so that the command line can offer them
// as --design choices without loading zod.
export const DESIGNS = ["grid", "oat", "lhs"] as const;
export type Design = (typeof DESIGNS)[number];
