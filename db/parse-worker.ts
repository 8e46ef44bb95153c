/**
 * A worker thread of the ingest's parse pool (db/parse-pool.ts): parses the files it is sent
 * and posts back what the parser made of each. Parsing is pure and CPU-bound, so files parse on
 * every core while the main thread stores them, in order.
 */
import { parentPort } from "node:worker_threads";
import { parseJob, type ParseJob } from "../lib/ingest/parse-job";

export interface ParseRequest {
  id: number;
  job: Pick<ParseJob, "file" | "bytes" | "facts">;
}

parentPort?.on("message", ({ id, job }: ParseRequest) => {
  parentPort?.postMessage({ id, outcome: parseJob(job) });
});
