/**
 * A pool of worker threads that parse report files (db/parse-worker.ts). The ingest hands each
 * file to the pool as it reads it and stores the results in the order of the files, so which
 * version of a report becomes current does not depend on which parse finished first.
 */
import { Worker } from "node:worker_threads";
import type { ParseJob, ParseOutcome } from "../lib/ingest/parse-job";
import type { ParseRequest } from "./parse-worker";

interface Pending {
  resolve: (outcome: ParseOutcome) => void;
  reject: (error: Error) => void;
}

export class ParsePool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, (_, i) => this.start(i));
    this.busy = this.workers.map(() => 0);
  }

  private start(index: number): Worker {
    // the worker is TypeScript, run as it is: its entry registers tsx's loader first. Its heap
    // (gazetteer, place names, parser, one file at a time) needs some 100 MB; the limit makes it
    // collect garbage rather than grow, which kept the ingest's peak memory down by a tenth
    const worker = new Worker(new URL("./parse-worker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 160 } });
    worker.on("message", ({ id, outcome }: { id: number; outcome: ParseOutcome }) => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      this.busy[index] -= 1;
      pending?.resolve(outcome);
    });
    // a worker that dies (out of memory, a crash in native code) fails the files it held
    worker.on("error", (error) => this.failAll(index, error));
    worker.on("exit", (code) => code !== 0 && this.failAll(index, new Error(`parse worker exited with code ${code}`)));
    return worker;
  }

  private failAll(index: number, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.worker !== index) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  /** Parses on the least busy worker. */
  parse(job: Pick<ParseJob, "file" | "bytes" | "facts">): Promise<ParseOutcome> {
    const index = this.busy.indexOf(Math.min(...this.busy));
    const id = this.nextId++;
    this.busy[index] += 1;
    const request: ParseRequest = { id, job: { file: job.file, bytes: job.bytes, facts: job.facts } };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: index });
      this.workers[index].postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

