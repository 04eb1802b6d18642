// The outside world a command or use case touches, injected so tests run them in-process.
import type { Writable } from "node:stream";

export interface Io {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM; long runs stop at their next chunk. Absent in tests. */
  signal?: AbortSignal;
}
