// The shock kinds (MODEL §2). Adding a kind: its file in this folder, and one line below.
import { makeRegistry } from "../registry.ts";
import { blockade } from "./blockade.ts";
import { chokepointClosure } from "./chokepoint-closure.ts";
import { demandSurge } from "./demand-surge.ts";
import { exportControl } from "./export-control.ts";
import { outage } from "./outage.ts";
import { quarantine } from "./quarantine.ts";

/** The shock kinds in file-format order. */
export const shockKinds = [
  exportControl,
  blockade,
  chokepointClosure,
  outage,
  demandSurge,
  quarantine,
] as const;

/** Fields of every shock (fields.ts, shockBase) that a sweep may set even when they hold a distribution. */
export const shockSweepable = { distributions: ["start", "duration", "severity", "after.lag"] } as const;

export const shocks = makeRegistry(shockKinds, shockSweepable);
