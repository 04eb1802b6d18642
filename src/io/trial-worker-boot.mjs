// Worker entry: lets a worker thread load the TypeScript sources, wherever the CLI was started.
import { register } from "tsx/esm/api";

register();
await import("./trial-worker.ts");
