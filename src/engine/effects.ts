// The channels through which a shock acts in the trial loop (MODEL §4): the only vocabulary a
// shock kind compiles to. The loop sees these index lists, never the kind that produced them.

/** What one shock does while active, as index lists into a compiled network. */
export interface ShockEffect {
  /** flows cut by the severity */
  cutFlows: number[];
  /** producers whose capacity is cut by the severity */
  outageProducers: number[];
  /** consumer slots whose use and demand grow by the severity */
  surgeSlots: number[];
  /** a blockaded country (replacement from or to it is cut too), or -1 */
  blockadeCountry: number;
  /** export control: producers that serve none of the targets' replacement requests */
  embargoProducers: number[];
  embargoCountries: number[];
}

/** An effect that does nothing; kinds fill the channels they use. */
export function emptyEffect(): ShockEffect {
  return {
    cutFlows: [],
    outageProducers: [],
    surgeSlots: [],
    blockadeCountry: -1,
    embargoProducers: [],
    embargoCountries: [],
  };
}

/** Country indices named by ids and group tags (`all` = every country). */
export type PlaceResolver = (names: readonly string[]) => Set<number>;
