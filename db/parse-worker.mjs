// The parse worker's entry: registers tsx's loader in this thread, then runs the TypeScript
// worker (db/parse-worker.ts). A loader given to a worker by --import is not yet in place when
// Node 20 loads the worker's entry file, so a .ts entry fails to load.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
