// Injectable I/O for commands, so tests run them in-process.
import type { Writable } from "node:stream";

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM; long runs stop at their next chunk. Absent in tests. */
  signal?: AbortSignal;
}

/** Set by a command that produced a non-zero exit without throwing (e.g. validate found issues). */
export interface CommandResult {
  exitCode: number;
}
