// The registry of commands: each module exports one `register(program, io, setExit)`.
import type { Command } from "commander";
import type { Io } from "../../io/streams.ts";
import { register as validate } from "./validate.ts";
import { register as schema } from "./schema.ts";
import { register as run } from "./run.ts";
import { register as compare } from "./compare.ts";
import { register as inspect } from "./inspect.ts";
import { register as sweep } from "./sweep.ts";
import { register as merge } from "./merge.ts";
import { register as completion } from "./completion.ts";
import { register as backtest } from "./backtest.ts";
import { register as stress } from "./stress.ts";
import { register as leverage } from "./leverage.ts";
import { register as portfolio } from "./portfolio.ts";
import { register as explore } from "./explore.ts";

export type RegisterCommand = (program: Command, io: Io, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [
  validate,
  schema,
  run,
  compare,
  inspect,
  sweep,
  merge,
  explore,
  completion,
  backtest,
  stress,
  leverage,
  portfolio,
];
