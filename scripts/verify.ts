/**
 * npm run verify -- [--db FILE]
 *
 * Checks a database the ingest wrote: SQLite's own integrity check, then every stored report
 * (past versions too) against a fresh parse of the source text stored with it, under the year
 * it was stored with (a manifest may have given it, and a fragment's template follows it). One
 * line per report that differs; then the region totals (db/aggregates.ts) against a recount from
 * the reports, one line per row that differs; exit code 1 when anything differs or the file is damaged. Read-only:
 * it may run while the app serves and an ingest writes.
 */
import { Command } from "commander";
import { asc, eq } from "drizzle-orm";
import { aggregateDifferences } from "../db/aggregates";
import { databaseFile, openDatabase, type NianbaoDb } from "../db/client";
import { reports, reportValues } from "../db/schema";
import { differenceLine, readingDifferences, type Reading } from "../lib/ingest/verify";
import { parseReport } from "../lib/parse/index";

/** Rows of the region totals listed by name when they differ from a recount; the rest are counted. */
const SHOWN_TOTALS = 20;

function main(argv: string[]): number {
  const options = new Command("verify")
    .description("核对数据库:重新解析每份已存报告的原文,列出与所存数字不符的报告 (re-parse stored sources, report differences)")
    .option("--db <file>", "database file (env NIANBAO_DB)", databaseFile())
    .parse(argv)
    .opts<{ db: string }>();
  const started = performance.now();
  const db = openDatabase(options.db, { readonly: true });
  try {
    const damage = integrityProblems(db);
    if (damage.length > 0) {
      console.log(`verify: ${options.db} is damaged: ${damage.slice(0, 3).join("; ")}`);
      return 1;
    }
    const ids = db.select({ id: reports.id }).from(reports).orderBy(asc(reports.id)).all();
    const differing = ids.map(({ id }) => verifyReport(db, id)).filter((line) => line !== null);
    for (const line of differing) console.log(line);
    const totals = aggregateDifferences(db);
    for (const line of totals.slice(0, SHOWN_TOTALS)) console.log(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const totalsWord = totals.length === 0 ? "region totals agree" : `${totals.length} region totals differ from a recount`;
    console.log(`verify: ${ids.length} reports checked, ${differing.length} differ from a fresh parse, ${totalsWord} (${options.db}, ${seconds} s)`);
    return differing.length > 0 || totals.length > 0 ? 1 : 0;
  } catch (error) {
    // SQLite finds a damaged page when it reads it, which may be before the integrity check ends
    if (!isDamage(error)) throw error;
    console.log(`verify: ${options.db} is damaged: ${firstLine(error)}`);
    return 1;
  } finally {
    db.$client.close();
  }
}

/** SQLite's word for a file whose pages are not what it wrote: corrupt, or no database at all. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

/** What SQLite's integrity check finds wrong with the file; empty when it says ok. */
function integrityProblems(db: NianbaoDb): string[] {
  const rows = db.$client.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
}

/** The report's line when what is stored differs from a fresh parse of its stored text, else null. */
function verifyReport(db: NianbaoDb, id: number): string | null {
  const report = db.select().from(reports).where(eq(reports.id, id)).get();
  if (!report) return null; // removed since the ids were read
  const label = `report ${id} ${report.sourcePath}`;
  const stored: Reading = {
    template: report.template,
    values: Object.fromEntries(
      db.select({ field: reportValues.field, value: reportValues.value }).from(reportValues).where(eq(reportValues.reportId, id)).all().map((v) => [v.field, v.value]),
    ),
    proactiveItems: report.proactiveItems,
    requestsReceived: report.requestsReceived,
  };
  let fresh: Reading;
  try {
    // the stored text is decoded and, for a web page, already rendered: it is read as plain text
    const parsed = parseReport({ fileName: "stored.txt", bytes: new TextEncoder().encode(report.sourceText), hints: { year: report.year } });
    fresh = { ...parsed, proactiveItems: parsed.narrative.proactiveItems ?? null, requestsReceived: parsed.narrative.requestsReceived ?? null };
  } catch (error) {
    return `${label}: the stored text no longer parses: ${firstLine(error)}`;
  }
  const differences = readingDifferences(stored, fresh);
  return differences.length === 0 ? null : differenceLine(label, differences);
}

try {
  process.exitCode = main(process.argv);
} catch (error) {
  // a database that cannot be opened or read says why in one line, no trace
  console.error(`verify: ${firstLine(error)}`);
  process.exitCode = 1;
}
