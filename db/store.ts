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
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { RegionLevel } from "../lib/regions/gazetteer";
import { agencyKind } from "../lib/ingest/agency-kind";
import type { ManifestEntry } from "../lib/ingest/manifest";
import { declineReason, parseStatus } from "../lib/ingest/verdict";
import type { NarrativeDigest } from "../lib/anomalies/text/narrative";
import type { ParseResult } from "../lib/parse/index";
import { addReport, TotalsDelta, trackAgencies } from "./aggregates";
import type { NianbaoDb } from "./client";
import { storeDigest } from "./narratives";
import { placeholders, prepared, rowWriter } from "./prepared";
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

const latestWithSha = (db: NianbaoDb) =>
  db.select({ id: reports.id }).from(reports).where(eq(reports.sha256, sql.placeholder("sha256"))).orderBy(desc(reports.id)).limit(1).prepare();

/** The id of the latest stored report of exactly these bytes, if any: lets the ingest skip parsing. */
export function reportWithSha(db: NianbaoDb, sha256: string): number | null {
  return prepared(db, latestWithSha).get({ sha256 })?.id ?? null;
}

/** What the ingest made beside the parse, and where a batch gathers the region totals' changes. */
export interface StoreExtras {
  /** gathered here for the batch to write before it commits; without it, written in this transaction */
  totals?: TotalsDelta;
  /** the narrative's digest, made with the parse; without it, the cross-report pass makes it when it first needs it */
  narrative?: NarrativeDigest;
}

/**
 * The transaction takes the write lock when it begins (IMMEDIATE), waiting up to the busy
 * timeout for another writer: begun as a reader, it could not upgrade once a second ingest had
 * written since its first read, and would fail with "database is locked" instead of waiting.
 * Inside a transaction already open (an ingest's batch) it is a savepoint: a report that fails
 * takes nothing else back with it.
 */
export function storeReport(db: NianbaoDb, source: ReportSource, parsed: ParseResult, { totals, narrative }: StoreExtras = {}): StoreOutcome {
  const delta = new TotalsDelta();
  const outcome = db.transaction(() => {
    const known = reportWithSha(db, source.sha256);
    if (known !== null && source.replaces === undefined) return { outcome: "unchanged", reportId: known } as const;
    const reason = declineReason(parsed);
    if (reason) return { outcome: "declined", reason } as const;

    const regionCode = parsed.region?.code ?? null;
    const agencyId = parsed.agency === null ? null : agencyIdFor(db, parsed.agency, regionCode);
    // the region totals follow every change of which report is current
    const agencies = trackAgencies(db, [agencyId, source.replaces === undefined ? null : agencyOf(db, source.replaces)], delta);
    const replaced = source.replaces === undefined ? null : retire(db, source.replaces, delta);
    const current = agencyId !== null && parsed.year !== null ? currentVersion(db, agencyId, parsed.year) : null;
    const keepsCurrent = current !== null && publishedLater(current.publishedDate, source.publishedDate);
    const superseded = current === null ? replaced : keepsCurrent ? null : retire(db, current.id, delta);
    const reportId = insertReport(db, source, parsed, agencyId, regionCode, !keepsCurrent);
    insertValues(db, reportId, parsed);
    insertFindings(db, reportId, parsed);
    if (narrative) storeDigest(db, reportId, narrative);
    if (!keepsCurrent) addReport(db, reportId, 1, delta);
    agencies.apply();
    if (!totals) delta.write(db);
    if (keepsCurrent) return { outcome: "ingested", reportId, currentId: current.id } as const;
    return superseded === null ? ({ outcome: "ingested", reportId } as const) : ({ outcome: "updated", reportId, supersededId: superseded } as const);
  }, { behavior: "immediate" });
  // gathered only once the report is stored: a savepoint rolled back leaves no trace in them
  totals?.merge(delta);
  return outcome;
}

const currentOfYear = (db: NianbaoDb) =>
  db
    .select({ id: reports.id, publishedDate: reports.publishedDate })
    .from(reports)
    .where(and(eq(reports.agencyId, sql.placeholder("agencyId")), eq(reports.year, sql.placeholder("year")), eq(reports.current, true)))
    .prepare();

/** The agency's current report for the year, if it has one. */
function currentVersion(db: NianbaoDb, agencyId: number, year: number): { id: number; publishedDate: string | null } | null {
  return prepared(db, currentOfYear).get({ agencyId, year }) ?? null;
}

/** Both dates known (ISO, so they compare as text) and the first the later. */
function publishedLater(date: string | null, than: string | null | undefined): boolean {
  return date !== null && than !== null && than !== undefined && date > than;
}

/** Where a stored report was read from, for messages about its versions. */
export function sourcePathOf(db: NianbaoDb, reportId: number): string | null {
  return db.select({ path: reports.sourcePath }).from(reports).where(eq(reports.id, reportId)).get()?.path ?? null;
}

const agencyNamed = (db: NianbaoDb) =>
  db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, sql.placeholder("name")), eq(agencies.regionCode, sql.placeholder("regionCode"))))
    .prepare();

const agencyNamedNowhere = (db: NianbaoDb) =>
  db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, sql.placeholder("name")), isNull(agencies.regionCode)))
    .prepare();

/** The agency with this name in this region, created on first sight. */
function agencyIdFor(db: NianbaoDb, name: string, regionCode: string | null): number {
  // NULL region codes never collide in a UNIQUE index, so look up before inserting
  const found = regionCode === null ? prepared(db, agencyNamedNowhere).get({ name }) : prepared(db, agencyNamed).get({ name, regionCode });
  if (found) return found.id;
  const kind = agencyKind(name, regionLevel(regionCode));
  return db.insert(agencies).values({ name, regionCode, kind }).returning({ id: agencies.id }).get().id;
}

/** Region codes nest by length: 2 digits a province, 4 a city, 6 a county, 9 a township. */
function regionLevel(code: string | null): RegionLevel | null {
  const levels: Record<number, RegionLevel> = { 2: 1, 4: 2, 6: 3, 9: 4 };
  return code === null ? null : (levels[code.length] ?? null);
}

const retireCurrent = (db: NianbaoDb) =>
  db
    .update(reports)
    .set({ current: false })
    .where(and(eq(reports.id, sql.placeholder("id")), eq(reports.current, true)))
    .returning({ id: reports.id })
    .prepare();

/** Makes the report no longer current, if it was, and takes it out of the region totals; its id if it was. */
function retire(db: NianbaoDb, reportId: number, delta: TotalsDelta): number | null {
  const retired = prepared(db, retireCurrent).get({ id: reportId });
  if (retired) addReport(db, retired.id, -1, delta);
  return retired?.id ?? null;
}

function agencyOf(db: NianbaoDb, reportId: number): number | null {
  return db.select({ agencyId: reports.agencyId }).from(reports).where(eq(reports.id, reportId)).get()?.agencyId ?? null;
}

/** What a stored report says about itself that a manifest can also say. */
export function storedFacts(db: NianbaoDb, reportId: number): ManifestEntry {
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

/** The columns of a new report, each a placeholder of the same name. */
const REPORT_COLUMNS = [
  "agencyId",
  "year",
  "regionCode",
  "template",
  "sourcePath",
  "sha256",
  "parseStatus",
  "current",
  "synthetic",
  "sourceUrl",
  "publishedDate",
  "proactiveItems",
  "proactiveItemsLine",
  "requestsReceived",
  "requestsReceivedLine",
  "encoding",
  "sourceText",
] as const satisfies readonly (keyof typeof reports.$inferInsert)[];

const reportInsert = (db: NianbaoDb) => db.insert(reports).values(placeholders(REPORT_COLUMNS)).returning({ id: reports.id }).prepare();

function insertReport(db: NianbaoDb, source: ReportSource, parsed: ParseResult, agencyId: number | null, regionCode: string | null, current: boolean): number {
  const row: Record<(typeof REPORT_COLUMNS)[number], unknown> = {
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
  };
  return prepared(db, reportInsert).get(row)!.id;
}

/**
 * The insert of one value row, prepared once per database: a report has some 200 values, and
 * building them as one multi-row insert through the query builder took 2.3 ms a report, a
 * quarter of what storing it cost.
 */
const valueInsert = (db: NianbaoDb) => rowWriter(db, db.insert(reportValues).values(placeholders(["reportId", "field", "value", "line"] as const)));

/** One row per field the report has, null where the cell holds no number. */
function insertValues(db: NianbaoDb, reportId: number, parsed: ParseResult): void {
  const insert = prepared(db, valueInsert);
  for (const [field, value] of Object.entries(parsed.values)) insert({ reportId, field, value, line: parsed.provenance[field] ?? null });
}

function insertFindings(db: NianbaoDb, reportId: number, parsed: ParseResult): void {
  const rows = parsed.findings.map((f) => ({
    reportId,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fields: f.fields ? JSON.stringify(f.fields) : null,
    line: f.line ?? null,
  }));
  if (rows.length > 0) db.insert(findings).values(rows).run();
}
