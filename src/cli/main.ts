#!/usr/bin/env node
// The chokepoint command line: runs the program on this process's streams and turns its result
// (program.ts maps every error to a code) into the exit code; the only place that exits.
// Ctrl-C (SIGINT) and SIGTERM are caught before anything else loads: a long run stops cleanly at
// its next chunk and writes nothing half-done; a second signal exits at once.
const exitNow = (code: number): never => process.exit(code);
const interrupt = new AbortController();
const onSignal = (): void => {
  if (interrupt.signal.aborted) exitNow(130);
  interrupt.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

// A reader that closes early (`| head`) is not an error: stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") exitNow(0);
  throw err;
});

// no top-level await: the start-up bundle (scripts/build-cli.mjs) is a CommonJS script
void import("./program.ts")
  .then(({ run }) =>
    run(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      signal: interrupt.signal,
    }),
  )
  .then((code) => {
    process.exitCode = code;
  });
