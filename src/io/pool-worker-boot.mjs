// Worker entry: lets a pool thread load the TypeScript sources, wherever the CLI was started.
import { register } from "tsx/esm/api";

register();
await import("./pool-worker.ts");
