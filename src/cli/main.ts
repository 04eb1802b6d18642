// The chokepoint command line: builds options, calls the library, maps errors to exit codes.
import { run } from "./program.ts";

// A reader that closes early (`| head`) is not an error: stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
