/**
 * Storing one parsed report. Everything about a report is written in one transaction, so a
 * crash or a bad file never leaves half a report behind, and nothing stored before is lost.
 *
 * Versions: an agency has one current report per year. A different file for the same agency
 * and year (a revised report) becomes current and the one it replaces stays, non-current, for
 * the record; sums only ever read current reports, so nothing is counted twice. The newest
 * version is current: the one ingested last, unless both say when they were published and the
 * stored one was published later (an old version found after its correction is kept as past).
 * The same file again (same sha256) is recognised and nothing is written, unless the ingest
 * says it replaces the stored one (a manifest now tells its agency, year or region otherwise).
 */
import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { RegionLevel } from "../lib/regions/gazetteer";
import { agencyKind } from "../lib/ingest/agency-kind";
import type { ManifestEntry } from "../lib/ingest/manifest";
import { declineReason, parseStatus } from "../lib/ingest/verdict";
import type { ParseResult } from "../lib/parse/index";
import { addReport, trackAgencies } from "./aggregates";
import type { NianbaoDb } from "./client";
import { agencies, findings, reports, reportValues } from "./schema";

/** Where a parsed report came from, beyond what its text says. */
export interface ReportSource {
  /** the path shown to people and in messages */
  path: string;
  sha256: string;
  sourceUrl?: string | null;
  publishedDate?: string | null;
  /** generated sample data, labelled as such in the app */
  synthetic?: boolean;
  /** the stored report of these same bytes that this one replaces (the manifest now says otherwise) */
  replaces?: number;
}

export type StoreOutcome =
  /** `currentId`: stored as a past version, since the current one for its agency and year was published later */
  | { outcome: "ingested"; reportId: number; currentId?: number }
  | { outcome: "updated"; reportId: number; supersededId: number }
  | { outcome: "unchanged"; reportId: number }
  | { outcome: "declined"; reason: string };

type Tx = Parameters<Parameters<NianbaoDb["transaction"]>[0]>[0];
type Reader = NianbaoDb | Tx;

/** The id of the latest stored report of exactly these bytes, if any: lets the ingest skip parsing. */
export function reportWithSha(db: Reader, sha256: string): number | null {
  const row = db.select({ id: reports.id }).from(reports).where(eq(reports.sha256, sha256)).orderBy(desc(reports.id)).limit(1).get();
  return row?.id ?? null;
}

/**
 * The transaction takes the write lock when it begins (IMMEDIATE), waiting up to the busy
 * timeout for another writer: begun as a reader, it could not upgrade once a second ingest had
 * written since its first read, and would fail with "database is locked" instead of waiting.
 */
export function storeReport(db: NianbaoDb, source: ReportSource, parsed: ParseResult): StoreOutcome {
  return db.transaction((tx) => {
    const known = reportWithSha(tx, source.sha256);
    if (known !== null && source.replaces === undefined) return { outcome: "unchanged", reportId: known };
    const reason = declineReason(parsed);
    if (reason) return { outcome: "declined", reason };

    const regionCode = parsed.region?.code ?? null;
    const agencyId = parsed.agency === null ? null : agencyIdFor(tx, parsed.agency, regionCode);
    // the region totals follow every change of which report is current, in this same transaction
    const agencies = trackAgencies(tx, [agencyId, source.replaces === undefined ? null : agencyOf(tx, source.replaces)]);
    const replaced = source.replaces === undefined ? null : retire(tx, eq(reports.id, source.replaces));
    const current = agencyId !== null && parsed.year !== null ? currentVersion(tx, agencyId, parsed.year) : null;
    const keepsCurrent = current !== null && publishedLater(current.publishedDate, source.publishedDate);
    const superseded = current === null ? replaced : keepsCurrent ? null : retire(tx, eq(reports.id, current.id));
    const reportId = insertReport(tx, source, parsed, agencyId, regionCode, !keepsCurrent);
    insertValues(db, reportId, parsed);
    insertFindings(tx, reportId, parsed);
    if (!keepsCurrent) addReport(tx, reportId, 1);
    agencies.apply();
    if (keepsCurrent) return { outcome: "ingested", reportId, currentId: current.id };
    return superseded === null ? { outcome: "ingested", reportId } : { outcome: "updated", reportId, supersededId: superseded };
  }, { behavior: "immediate" });
}

/** The agency's current report for the year, if it has one. */
function currentVersion(tx: Tx, agencyId: number, year: number): { id: number; publishedDate: string | null } | null {
  const where = and(eq(reports.agencyId, agencyId), eq(reports.year, year), eq(reports.current, true));
  return tx.select({ id: reports.id, publishedDate: reports.publishedDate }).from(reports).where(where).get() ?? null;
}

/** Both dates known (ISO, so they compare as text) and the first the later. */
function publishedLater(date: string | null, than: string | null | undefined): boolean {
  return date !== null && than !== null && than !== undefined && date > than;
}

/** Where a stored report was read from, for messages about its versions. */
export function sourcePathOf(db: Reader, reportId: number): string | null {
  return db.select({ path: reports.sourcePath }).from(reports).where(eq(reports.id, reportId)).get()?.path ?? null;
}

/** The agency with this name in this region, created on first sight. */
function agencyIdFor(tx: Tx, name: string, regionCode: string | null): number {
  // NULL region codes never collide in a UNIQUE index, so look up before inserting
  const sameRegion = regionCode === null ? isNull(agencies.regionCode) : eq(agencies.regionCode, regionCode);
  const found = tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.name, name), sameRegion)).get();
  if (found) return found.id;
  const kind = agencyKind(name, regionLevel(regionCode));
  return tx.insert(agencies).values({ name, regionCode, kind }).returning({ id: agencies.id }).get().id;
}

/** Region codes nest by length: 2 digits a province, 4 a city, 6 a county, 9 a township. */
function regionLevel(code: string | null): RegionLevel | null {
  const levels: Record<number, RegionLevel> = { 2: 1, 4: 2, 6: 3, 9: 4 };
  return code === null ? null : (levels[code.length] ?? null);
}

/** Makes the selected report no longer current, if it was, and takes it out of the region totals. */
function retire(tx: Tx, which: SQL | undefined): number | null {
  const retired = tx
    .update(reports)
    .set({ current: false })
    .where(and(which, eq(reports.current, true)))
    .returning({ id: reports.id })
    .get();
  if (retired) addReport(tx, retired.id, -1);
  return retired?.id ?? null;
}

function agencyOf(tx: Tx, reportId: number): number | null {
  return tx.select({ agencyId: reports.agencyId }).from(reports).where(eq(reports.id, reportId)).get()?.agencyId ?? null;
}

/** What a stored report says about itself that a manifest can also say. */
export function storedFacts(db: Reader, reportId: number): ManifestEntry {
  const row = db
    .select({ agency: agencies.name, year: reports.year, regionCode: reports.regionCode, sourceUrl: reports.sourceUrl, publishedDate: reports.publishedDate })
    .from(reports)
    .leftJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(eq(reports.id, reportId))
    .get();
  const known = <T>(value: T | null | undefined) => value ?? undefined;
  return {
    agency: known(row?.agency),
    year: known(row?.year),
    regionCode: known(row?.regionCode),
    sourceUrl: known(row?.sourceUrl),
    publishedDate: known(row?.publishedDate),
  };
}

function insertReport(tx: Tx, source: ReportSource, parsed: ParseResult, agencyId: number | null, regionCode: string | null, current: boolean): number {
  return tx
    .insert(reports)
    .values({
      agencyId,
      year: parsed.year,
      regionCode,
      template: parsed.template,
      sourcePath: source.path,
      sha256: source.sha256,
      parseStatus: parseStatus(parsed),
      current,
      synthetic: source.synthetic ?? false,
      sourceUrl: source.sourceUrl ?? null,
      publishedDate: source.publishedDate ?? null,
      proactiveItems: parsed.narrative.proactiveItems ?? null,
      proactiveItemsLine: parsed.narrativeProvenance.proactiveItems ?? null,
      requestsReceived: parsed.narrative.requestsReceived ?? null,
      requestsReceivedLine: parsed.narrativeProvenance.requestsReceived ?? null,
      encoding: parsed.encoding,
      sourceText: parsed.sourceText,
    })
    .returning({ id: reports.id })
    .get().id;
}

/**
 * The insert of one value row, prepared once per database: a report has some 200 values, and
 * building them as one multi-row insert through the query builder took 2.3 ms a report, a
 * quarter of what storing it cost. A prepared statement runs in whatever transaction is open.
 */
const valueInserts = new WeakMap<NianbaoDb, ReturnType<typeof prepareValueInsert>>();

function prepareValueInsert(db: NianbaoDb) {
  const row = { reportId: sql.placeholder("reportId"), field: sql.placeholder("field"), value: sql.placeholder("value"), line: sql.placeholder("line") };
  return db.insert(reportValues).values(row).prepare();
}

/** One row per field the report has, null where the cell holds no number. */
function insertValues(db: NianbaoDb, reportId: number, parsed: ParseResult): void {
  let insert = valueInserts.get(db);
  if (!insert) valueInserts.set(db, (insert = prepareValueInsert(db)));
  for (const [field, value] of Object.entries(parsed.values)) insert.run({ reportId, field, value, line: parsed.provenance[field] ?? null });
}

function insertFindings(tx: Tx, reportId: number, parsed: ParseResult): void {
  const rows = parsed.findings.map((f) => ({
    reportId,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fields: f.fields ? JSON.stringify(f.fields) : null,
    line: f.line ?? null,
  }));
  if (rows.length > 0) tx.insert(findings).values(rows).run();
}
