// Worker entry: lets a sweep worker thread load the TypeScript sources, wherever the CLI was started.
import { register } from "tsx/esm/api";

register();
await import("./sweep-worker.ts");
