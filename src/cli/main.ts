// The chokepoint command line: builds options, calls the library, maps errors to exit codes.
import { run } from "./program.ts";

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
