// Addressable random streams: trial i of seed s always draws the same numbers, whatever runs it.
// Reference: seedrandom's `alea` (Baagøe), seeded by a string key; never Math.random.
import seedrandom from "seedrandom";

/** A source of uniforms in [0, 1). */
export type Rng = () => number;

/** The shock stream of trial `trial` under `seed` (MODEL §6). */
export function rngFor(seed: number, trial: number): Rng {
  return seedrandom.alea(`${seed}:${trial}`);
}

/**
 * The stream of one policy's own uncertainty in one trial. Keyed by the policy id, so adding or
 * removing any policy never shifts the shock draws or another policy's draws.
 */
export function policyRngFor(seed: number, trial: number, policyId: string): Rng {
  return seedrandom.alea(`${seed}:${trial}:policy:${policyId}`);
}
