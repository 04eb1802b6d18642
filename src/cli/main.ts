// The chokepoint command line: builds options, calls the library, maps errors to exit codes.
// Ctrl-C (SIGINT) and SIGTERM are caught before anything else loads: a long run stops cleanly at
// its next chunk and writes nothing half-done; a second signal exits at once.
const interrupt = new AbortController();
const onSignal = (): void => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

// A reader that closes early (`| head`) is not an error: stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const { run } = await import("./program.ts");
const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
process.exitCode = code;
