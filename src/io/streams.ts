// The outside world a command or use case touches, injected so tests run them in-process.

/**
 * What a command needs of an output stream: `process.stdout` and any Node `Writable` are one.
 * Written without Node's types, so the package's declarations type-check without `@types/node`.
 */
export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM; long runs stop at their next chunk. Absent in tests. */
  signal?: AbortSignal;
}
