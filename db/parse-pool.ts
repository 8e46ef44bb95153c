/**
 * A pool of worker threads that parse report files (db/parse-worker.ts). The ingest hands each
 * file to the pool as it reads it and stores the results in the order of the files, so which
 * version of a report becomes current does not depend on which parse finished first.
 */
import { Worker } from "node:worker_threads";
import type { ParseJob, ParseOutcome } from "../lib/ingest/parse-job";
import type { ParseRequest } from "./parse-worker";

/**
 * A worker's heap. The young generation, where a parse's short-lived objects go, is kept small:
 * V8's default let it grow to about 48 MB and took a 10k ingest's peak RSS from 475 MB to 566 MB,
 * at the same speed. The old generation may grow far past what a report usually needs (some
 * 150 MB with the gazetteer): a 10 MB web page, the largest file the ingest reads, needs about
 * 500 MB, and failed at 160.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1024 };

/** Workers a run replaces before it fails its remaining files instead. */
const MAX_RESTARTS = 10;

export class ParsePool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly pending = new Map<number, { resolve: (outcome: ParseOutcome) => void; worker: number }>();
  private nextId = 0;
  private closing = false;
  private deaths = 0;
  /** why the pool gave up replacing its workers, if it did */
  private broken: string | null = null;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, (_, i) => this.start(i));
    this.busy = this.workers.map(() => 0);
  }

  private start(index: number): Worker {
    // the worker is TypeScript, run as it is: its entry registers tsx's loader first
    const worker = new Worker(new URL("./parse-worker.mjs", import.meta.url), { resourceLimits: HEAP_LIMITS });
    worker.on("message", ({ id, outcome }: { id: number; outcome: ParseOutcome }) => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      this.busy[index] -= 1;
      pending?.resolve(outcome);
    });
    worker.on("error", (error) => this.replace(index, worker, error.message));
    worker.on("exit", (code) => this.replace(index, worker, `解析线程意外退出(代码 ${code})`));
    return worker;
  }

  /**
   * A worker that died (out of memory, a crash in native code) fails the files it held, each as
   * one failed file of the run, and a new worker takes its place: the run goes on.
   */
  private replace(index: number, worker: Worker, reason: string): void {
    if (this.closing || this.workers[index] !== worker) return;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== index) continue;
      this.pending.delete(id);
      pending.resolve({ error: `解析出错:${reason}` });
    }
    this.busy[index] = 0;
    // a worker that cannot live (its script broken) would otherwise be restarted for ever
    if (++this.deaths > MAX_RESTARTS) this.broken = reason;
    else this.workers[index] = this.start(index);
  }

  /** Parses on the least busy worker. */
  parse(job: Pick<ParseJob, "file" | "bytes" | "facts">): Promise<ParseOutcome> {
    if (this.broken) return Promise.resolve({ error: `解析出错:${this.broken}` });
    const index = this.busy.indexOf(Math.min(...this.busy));
    const id = this.nextId++;
    this.busy[index] += 1;
    const request: ParseRequest = { id, job: { file: job.file, bytes: job.bytes, facts: job.facts } };
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, worker: index });
      this.workers[index].postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

