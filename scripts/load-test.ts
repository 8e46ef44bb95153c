/**
 * npm run load: the built app under load on loopback. Generates the 镇巴县 sample (2021–2025),
 * ingests it into a temporary database, builds the app and serves it with `next start` on
 * 127.0.0.1 (the e2e harness's run() and startServer()), then drives 50 connections for 30 s
 * spread over the main pages and the CSV routes, all at once, so each route is measured under
 * the whole load. Prints requests/s, p50 and p99 latency, errors and non-2xx answers per route
 * and in total; exit code 1 if any request failed or answered other than 2xx.
 *
 * Options: --connections N (50), --duration S (30), --skip-build (reuse .next from a build of
 * the current sources).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { run, startServer } from "../tests/e2e/server";

/** The little of autocannon used here: it ships no types, and its instance is a promise of its summary. */
interface Instance extends PromiseLike<{ errors: number; timeouts: number; non2xx: number }> {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (options: { url: string; connections: number; duration: number; timeout: number }) => Instance;

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RESULTS = join(ROOT, "test-results");
const COUNTY = "610728";
const YEAR = 2024;

export interface RouteResult {
  path: string;
  requests: number;
  /** response times in ms, one per answered request */
  latencies: number[];
  errors: number;
  non2xx: number;
}

/** One agency of the county and its report of YEAR, for the agency, report and report-CSV routes. */
function sampleIds(database: string): { agency: number; report: number } {
  const db = new Database(database, { readonly: true });
  try {
    const row = db
      .prepare("SELECT r.id AS report, r.agency_id AS agency FROM reports r WHERE r.region_code LIKE ? AND r.year = ? AND r.current = 1 ORDER BY r.id LIMIT 1")
      .get(`${COUNTY}%`, YEAR) as { report: number; agency: number } | undefined;
    if (!row) throw new Error(`the sample has no ${YEAR} report in ${COUNTY}`);
    return row;
  } finally {
    db.close();
  }
}

/** The routes a user of the workbench hits most: every page kind and the CSV downloads behind them. */
export function loadRoutes(ids: { agency: number; report: number }): string[] {
  const region = `region=${COUNTY}`;
  return [
    "/",
    `/regions/${COUNTY}`,
    `/compare?${region}&year=${YEAR}`,
    `/coverage?${region}&from=2021&to=2025`,
    `/summary?${region}&year=${YEAR}`,
    "/anomalies",
    `/agencies/${ids.agency}`,
    `/reports/${ids.report}`,
    `/api/csv/requests?${region}`,
    `/api/csv/agencies?${region}`,
    `/api/csv/compare?${region}&year=${YEAR}`,
    `/api/csv/summary?${region}&year=${YEAR}`,
    `/api/csv/report-tables?report=${ids.report}`,
    `/api/anomalies.csv?${region}`,
  ];
}

/** `connections` spread over the routes as evenly as they go (the first ones get one more). */
export function share(connections: number, routes: number): number[] {
  return Array.from({ length: routes }, (_, i) => Math.floor(connections / routes) + (i < connections % routes ? 1 : 0));
}

/** The p-th percentile (0–100) of ascending values, nearest rank; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * One autocannon instance per route, all running together: autocannon's own report does not say
 * which of several requests an answer belongs to, so per-route figures need an instance each.
 * Latencies are collected from each answer rather than taken from autocannon's summary so that
 * the total's percentiles come from the same samples as the routes'.
 */
async function hammer(baseUrl: string, routes: string[], connections: number, duration: number): Promise<RouteResult[]> {
  const counts = share(connections, routes.length);
  return Promise.all(
    routes.map(async (path, i) => {
      const latencies: number[] = [];
      const instance = autocannon({ url: baseUrl + path, connections: counts[i], duration, timeout: 10 });
      instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
      const result = await instance;
      return { path, requests: latencies.length, latencies: latencies.sort((a, b) => a - b), errors: result.errors + result.timeouts, non2xx: result.non2xx };
    }),
  );
}

function table(results: RouteResult[], duration: number, connections: number): string {
  const all: RouteResult = {
    path: `**total** (${connections} connections)`,
    requests: results.reduce((n, r) => n + r.requests, 0),
    latencies: results.flatMap((r) => r.latencies).sort((a, b) => a - b),
    errors: results.reduce((n, r) => n + r.errors, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  };
  const row = (r: RouteResult, conns: number | string) =>
    `| ${r.path.startsWith("**") ? r.path : `\`${r.path}\``} | ${conns} | ${r.requests} | ${(r.requests / duration).toFixed(1)} | ${percentile(r.latencies, 50).toFixed(0)} | ${percentile(r.latencies, 99).toFixed(0)} | ${r.errors} | ${r.non2xx} |`;
  const counts = share(connections, results.length);
  return [
    "| route | connections | requests | req/s | p50 ms | p99 ms | errors | non-2xx |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map((r, i) => row(r, counts[i])),
    row(all, connections),
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { connections: { type: "string", default: "50" }, duration: { type: "string", default: "30" }, "skip-build": { type: "boolean", default: false } } });
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  mkdirSync(RESULTS, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "nianbao-load-"));
  const sample = join(work, "sample");
  const database = join(work, "nianbao.db");
  const log = (name: string) => join(RESULTS, `load-${name}.log`);
  try {
    run(ROOT, "npx", ["tsx", "scripts/generate-sample.ts", "--out", sample, "--seed", "1"], log("generate"));
    run(ROOT, "npx", ["tsx", "scripts/ingest.ts", "--db", database, sample], log("ingest"));
    if (!values["skip-build"]) run(ROOT, "npx", ["next", "build"], log("build"), { NEXT_TELEMETRY_DISABLED: "1" });
    const routes = loadRoutes(sampleIds(database));
    const server = await startServer(ROOT, database, log("server"));
    try {
      // every route answers 2xx once before the clock starts: a broken route is a failure to
      // report by name, not thousands of non-2xx in the table
      for (const path of routes) {
        const status = (await fetch(server.url + path)).status;
        if (status < 200 || status > 299) throw new Error(`${path} answers ${status} before any load`);
      }
      console.log(`${connections} connections for ${duration} s over ${routes.length} routes on ${server.url} …`);
      const results = await hammer(server.url, routes, connections, duration);
      console.log(table(results, duration, connections));
      const failed = results.reduce((n, r) => n + r.errors + r.non2xx, 0);
      if (failed > 0) {
        console.error(`load: ${failed} requests failed or answered other than 2xx`);
        process.exitCode = 1;
      } else console.log("load: no errors, every answer 2xx");
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
