// The explorer's one script: on the page it builds the app; inside a Web Worker (started from a
// Blob of this same script) it runs the engine.
import { startPage } from "./page.ts";
import { startWorker } from "./worker.ts";

if (typeof document === "undefined") startWorker(self as unknown as Parameters<typeof startWorker>[0]);
else startPage(document);
