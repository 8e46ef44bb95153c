/**
 * npm run test:e2e: the whole pipeline in a real browser. Generates a sample (镇巴县 and its
 * townships, 2021–2025), leaves a few reports out of it (so some are missing), ingests it into a
 * temporary database, builds the app once, serves it on a free port and drives headless
 * Chromium through every page: the overview, a click-through to a township's report and its
 * source line, the report, agency, region, coverage, compare and summary pages, and the
 * not-found pages. Screenshots and logs go to test-results/. Exit code 1 on the first failed check.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { checkAgency } from "./agency";
import { checkCompare } from "./compare";
import { checkCoverage } from "./coverage";
import { Expected } from "./expected";
import { checkJourney } from "./journey";
import { checkNotFound } from "./not-found";
import { checkOverview } from "./overview";
import { checkRegion } from "./region";
import { checkReport, checkRevision } from "./report";
import { run, startServer } from "./server";
import { checkSecurity, writeHostileReport } from "./security";
import { checkSummary } from "./summary";
import type { Context } from "./support";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RESULTS = join(ROOT, "test-results");
const COUNTY = { code: "610728", name: "镇巴县" };
/** a township whose every report is left out: coverage must list it as missing, not hide it */
const SILENT = { file: "巴山镇人民政府.txt", name: "巴山镇" };
/** a township that skips one year */
const SKIPPER = { file: "青水镇人民政府.txt", code: "610728111", year: 2024 };

/** Leaves the silent township's reports and the skipper's one year out of the generated sample. */
function leaveGaps(sample: string): void {
  for (const year of readdirSync(sample).filter((name) => /^\d{4}$/.test(name))) {
    rmSync(join(sample, year, SILENT.file), { force: true });
  }
  rmSync(join(sample, String(SKIPPER.year), SKIPPER.file));
}

/** Debian's Chromium, never a downloaded one (scripts/ensure-browser.sh installs it). */
const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Before any ingest the overview says, in Chinese, that nothing is loaded and how to load it. */
async function checkWithoutDatabase(missing: string, serverLog: string): Promise<void> {
  const server = await startServer(ROOT, missing, serverLog);
  try {
    const html = await (await fetch(`${server.url}/`)).text();
    assert.match(html, /尚未导入年报数据/);
    assert.match(html, /npm run ingest/);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "nianbao-e2e-"));
  const sample = join(work, "sample");
  const database = join(work, "nianbao.db");
  const log = (name: string) => join(RESULTS, `e2e-${name}.log`);

  try {
    const generateMs = run(ROOT, "npx", ["tsx", "scripts/generate-sample.ts", "--out", sample, "--seed", "1"], log("generate"));
    leaveGaps(sample);
    const ingestMs = run(ROOT, "npx", ["tsx", "scripts/ingest.ts", "--db", database, sample], log("ingest"));
    // built against a database that does not exist, as on a fresh machine: a page that the build
    // prerendered would then show "no data" to the browser checks instead of passing unnoticed
    const unbuilt = { NEXT_TELEMETRY_DISABLED: "1", NIANBAO_DB: join(work, "none.db") };
    const buildMs = run(ROOT, "npx", ["next", "build"], log("build"), unbuilt);
    console.log(`sample ${seconds(generateMs)}, ingest ${seconds(ingestMs)}, next build ${seconds(buildMs)}`);

    const server = await startServer(ROOT, database, log("server"));
    const expected = new Expected(database);
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const timings = await checkOverview(page, server.url, expected, COUNTY, RESULTS);
      console.log(
        `next start ready ${seconds(server.startMs)}; overview with charts ${Math.round(timings.firstChartsMs)} ms; ` +
          `year filter to redrawn charts ${Math.round(timings.filterRedrawMs)} ms`,
      );
      const ctx: Context = { page, baseUrl: server.url, shots: RESULTS };
      const pages: [string, () => Promise<void>][] = [
        ["overview → township report → source line", () => checkJourney(ctx, expected, COUNTY)],
        ["report", () => checkReport(ctx, expected, COUNTY)],
        ["revised report", () => checkRevision(ctx, expected)],
        ["agency", () => checkAgency(ctx, expected, { code: SKIPPER.code, missingYear: SKIPPER.year })],
        ["region", () => checkRegion(ctx, expected, COUNTY, SILENT.name)],
        ["coverage", () => checkCoverage(ctx, expected, COUNTY, SILENT.name)],
        ["compare", () => checkCompare(ctx, expected, COUNTY)],
        ["summary", () => checkSummary(ctx, expected, COUNTY)],
        ["not found", () => checkNotFound(ctx)],
        // last: it adds a report whose name is HTML to the database
        ["security", () => checkSecurity(ctx, () => run(ROOT, "npx", ["tsx", "scripts/ingest.ts", "--db", database, "--manifest", writeHostileReport(join(work, "hostile"))], log("ingest-hostile")))],
      ];
      for (const [name, check] of pages) {
        const started = performance.now();
        await check();
        console.log(`${name}: ok (${seconds(performance.now() - started)})`);
      }
    } finally {
      await browser.close();
      expected.close();
      await server.stop();
    }
    await checkWithoutDatabase(join(work, "missing.db"), log("server-empty"));
    console.log(`e2e: all checks passed (screenshots in ${RESULTS})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
