/**
 * The pages over HTTP: the app built once (`next build`) and served (`next start`) against the
 * bench's database, each page fetched with the same varied cases as the in-process runs. Time to
 * first byte is until the first chunk of the body arrives (the server has rendered the page's
 * shell); total is until the last.
 *
 * Other people build this project into .next at the same time; the bench builds and serves from
 * its own folder (NIANBAO_DIST_DIR, read by next.config.js) so neither overwrites the other.
 */
import { request } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, startServer, type Server } from "../../tests/e2e/server";
import { caseUrl, type PageCase, type PageName } from "./cases";

export const BENCH_DIST_DIR = ".next-bench";

/**
 * `next build` into the bench's folder; seconds. Next adds its folder's types to tsconfig.json's
 * include when it builds: the file is put back as it was, since the bench's folder is not the
 * project's.
 */
export function buildApp(root: string, log: string): number {
  const tsconfig = join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    return run(root, "npx", ["next", "build"], log, { NIANBAO_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" }) / 1000;
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}

/** `next start` on a free port against the database, from the bench's build. */
export function serveApp(root: string, database: string, log: string): Promise<Server> {
  // startServer passes this process's environment on to next start
  process.env.NIANBAO_DIST_DIR = BENCH_DIST_DIR;
  return startServer(root, database, log);
}

export interface Timing {
  status: number;
  ttfbMs: number;
  totalMs: number;
}

/** One GET, timed to its first body chunk and to its end. */
export function timedGet(url: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = NaN;
    const req = request(url, (res) => {
      res.on("data", () => {
        if (Number.isNaN(ttfbMs)) ttfbMs = performance.now() - started;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every case of every page fetched in turn, after one untimed fetch of each page (the server loads a route on its first request). */
export async function timeHttp(base: string, cases: ReadonlyMap<PageName, readonly PageCase[]>): Promise<Map<PageName, Timing[]>> {
  const out = new Map<PageName, Timing[]>();
  for (const [page, list] of cases) {
    if (list.length > 0) await timedGet(base + caseUrl(list[0]));
    const timings: Timing[] = [];
    for (const c of list) timings.push(await timedGet(base + caseUrl(c)));
    out.set(page, timings);
  }
  return out;
}
