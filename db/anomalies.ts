/**
 * The cross-report pass: after an ingest, the anomaly rules that compare reports run again over
 * whatever the ingest touched, and their findings replace the ones they found before.
 *
 * What a new or replaced report can change: the findings of its agency (its years side by side),
 * of its peers (the agencies of its province in its year) and of the narratives of its province in its
 * year. Those three are loaded with indexed queries, checked by the pure engine (lib/anomalies),
 * and their `cross` findings deleted and written again, all in one transaction: a reader sees the
 * findings before the pass or after it, never half of them.
 *
 * The rules of one report run at ingest, beside the parser's checks. After the rules change, a
 * pass over everything (`npm run ingest -- --recheck`) runs them again too, from each report's
 * stored text and figures.
 */
import { sql, type SQL } from "drizzle-orm";
import { agencyAnomalies, corpusAnomalies, peerAnomalies, reportAnomalies, reportDocument } from "../lib/anomalies/engine";
import { COUNT_MEASURES, RATE_MEASURES } from "../lib/anomalies/measures";
import { peerScope } from "../lib/anomalies/peers";
import { crossRuleIds, rulesOf } from "../lib/anomalies/registry";
import { signaturePairs } from "../lib/anomalies/text/minhash";
import { digestOf, narrativeOfSource, type NarrativeDigest, type NarrativeText } from "../lib/anomalies/text/narrative";
import { comparable, worthComparing } from "../lib/anomalies/text/similar";
import type { AgencyHistory, CorpusReport, CrossFinding, PeerReport, StoredReport } from "../lib/anomalies/types";
import { addFindings } from "./aggregates";
import type { NianbaoDb } from "./client";
import { signatureOf, storeDigest } from "./narratives";
import { findings } from "./schema";


/** Which reports the pass starts from: those stored after a given id (an ingest run's), or all. */
export type Touched = { since: number } | { all: true };

export interface RefreshSummary {
  /** reports whose own anomaly rules ran again (a pass over everything) */
  reports: number;
  agencies: number;
  /** province-years whose peers were compared */
  peerScopes: number;
  /** province-years whose narratives were compared */
  corpusScopes: number;
  /** cross findings now stored for what was recomputed */
  findings: number;
}

/** The id of the last stored report (0 when none): an ingest passes it to refreshAnomalies afterwards. */
export function lastReportId(db: NianbaoDb): number {
  return db.get<{ id: number | null }>(sql`SELECT MAX(id) AS id FROM reports`)?.id ?? 0;
}

interface TouchedReport {
  agencyId: number | null;
  regionCode: string | null;
  year: number | null;
}

/** The fields the peer rules read: their measures'. */
const PEER_FIELDS = [...new Set([...COUNT_MEASURES.flatMap((m) => m.fields), ...RATE_MEASURES.flatMap((m) => [...m.numerator, ...m.denominator])])];

/** Rows per INSERT: 8 columns each, well under SQLite's variable limit. */
const INSERT_CHUNK = 500;

export function refreshAnomalies(db: NianbaoDb, touched: Touched): RefreshSummary {
  const since = "all" in touched ? 0 : touched.since;
  // the run's reports, and the ones they replaced with the same bytes (a manifest that now names another agency, region or year)
  const reports = db.all<TouchedReport>(sql`
    SELECT agency_id AS agencyId, region_code AS regionCode, year FROM reports
    WHERE id > ${since} OR sha256 IN (SELECT sha256 FROM reports WHERE id > ${since})`);
  const agencies = unique(reports.flatMap((r) => (r.agencyId === null ? [] : [r.agencyId])));
  const peerScopes = uniqueScopes(reports, (code) => peerScope(code));
  // narratives are compared within a province; reports of unknown region with each other
  const corpusScopes = uniqueScopes(reports, (code) => code.slice(0, 2), "");

  // the write lock is taken up front, so a second ingest writing meanwhile makes this wait, not fail
  // every query below runs on the one connection, inside this transaction
  return db.transaction(() => {
    const narratives = new NarrativeCache(db);
    const rechecked = "all" in touched ? recheckReports(db) : 0;
    let stored = 0;
    for (const agencyId of agencies) {
      const history = loadHistory(db, agencyId, narratives);
      stored += replace(db, crossRuleIds("agency"), sql`r.agency_id = ${agencyId}`, agencyAnomalies(history));
    }
    for (const { prefix, year } of peerScopes) {
      stored += replace(db, crossRuleIds("peers"), inRegionYear(prefix, year, "all"), peerAnomalies(loadPeers(db, prefix, year)));
    }
    for (const { prefix, year } of corpusScopes) {
      stored += replace(db, crossRuleIds("corpus"), inRegionYear(prefix, year, "all"), corpusAnomalies(loadCorpus(db, prefix, year, narratives)));
    }
    return { reports: rechecked, agencies: agencies.length, peerScopes: peerScopes.length, corpusScopes: corpusScopes.length, findings: stored };
  }, { behavior: "immediate" });
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];

interface RegionYear {
  /** a region code prefix; "" for reports of unknown region */
  prefix: string;
  year: number;
}

function uniqueScopes(reports: readonly TouchedReport[], prefixOf: (code: string) => string | null, unknown?: string): RegionYear[] {
  const keys = new Map<string, RegionYear>();
  for (const { regionCode, year } of reports) {
    if (year === null) continue;
    const prefix = regionCode === null ? unknown : prefixOf(regionCode);
    if (prefix === undefined || prefix === null) continue;
    keys.set(`${prefix}:${year}`, { prefix, year });
  }
  return [...keys.values()];
}

/**
 * Reports of a region prefix and a year: every version (to delete findings) or the current ones.
 * Both read the index reports(current, region_code, year); "every version" is current IN (0, 1).
 */
function inRegionYear(prefix: string, year: number, versions: "all" | "current"): SQL {
  const current = versions === "all" ? sql`r.current IN (0, 1)` : sql`r.current = 1`;
  const region = prefix === "" ? sql`r.region_code IS NULL` : sql`r.region_code >= ${prefix} AND r.region_code < ${prefix + "~"}`;
  return sql`${current} AND ${region} AND r.year = ${year}`;
}

function lastFindingId(db: NianbaoDb): number {
  return db.get<{ id: number | null }>(sql`SELECT MAX(id) AS id FROM findings`)?.id ?? 0;
}

/** Deletes the rules' findings of a scope on the reports selected, writes the new ones; returns how many. */
function replace(db: NianbaoDb, rules: readonly string[], which: SQL, found: readonly CrossFinding[], scope: "report" | "cross" = "cross"): number {
  const doomed = sql`${findings.scope} = ${scope} AND ${findings.rule} IN ${rules} AND ${findings.reportId} IN (SELECT r.id FROM reports r WHERE ${which})`;
  // the region totals count errors and warnings of current reports: out with the old, in with the new
  addFindings(db, doomed, -1);
  db.delete(findings).where(doomed).run();
  const before = lastFindingId(db);
  const rows = found.map((f) => ({
    reportId: f.reportId,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fields: f.fields.length > 0 ? JSON.stringify(f.fields) : null,
    line: f.line ?? null,
    scope,
    evidence: f.evidence ? JSON.stringify(f.evidence) : null,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) db.insert(findings).values(rows.slice(i, i + INSERT_CHUNK)).run();
  if (rows.length > 0) addFindings(db, sql`${findings.id} > ${before}`, 1);
  return rows.length;
}

/** The rules of one report, again over every stored report; the parser's own checks are left as they were found. */
function recheckReports(db: NianbaoDb): number {
  const rules = rulesOf("report").map((r) => r.id);
  const reports = db.all<{ id: number; year: number | null; sourceText: string }>(sql`SELECT id, year, source_text AS sourceText FROM reports`);
  for (const { id, year, sourceText } of reports) {
    const { values, provenance } = loadValues(db, sql`SELECT ${id}`).get(id) ?? NO_VALUES;
    const found = reportAnomalies(reportDocument({ year, values, provenance, sourceText })).map((f) => ({ ...f, reportId: id, fields: f.fields ?? [] }));
    replace(db, rules, sql`r.id = ${id}`, found, "report");
  }
  return reports.length;
}

// ---------------------------------------------------------------- loading

interface ReportRow {
  id: number;
  year: number;
  current: number;
}

interface ValueRow {
  reportId: number;
  field: string;
  value: number | null;
  line: number | null;
}

/** Values and their lines of the reports a subquery selects, by report id; only `fields` when given. */
function loadValues(db: NianbaoDb, reportIds: SQL, fields?: readonly string[]): Map<number, Pick<StoredReport, "values" | "provenance">> {
  const onlyFields = fields ? sql` AND field IN ${fields}` : sql``;
  const rows = db.all<ValueRow>(sql`SELECT report_id AS reportId, field, value, line FROM report_values WHERE report_id IN (${reportIds})${onlyFields}`);
  const byReport = new Map<number, { values: Record<string, number | null>; provenance: Record<string, number> }>();
  for (const row of rows) {
    const entry = byReport.get(row.reportId) ?? { values: {}, provenance: {} };
    entry.values[row.field] = row.value;
    if (row.line !== null) entry.provenance[row.field] = row.line;
    byReport.set(row.reportId, entry);
  }
  return byReport;
}

const NO_VALUES = { values: {}, provenance: {} };

/**
 * How many narratives the pass keeps at once, about 40 MB: a narrative's shingle sets take some
 * 40 KB, and a pass after a large ingest touches every report. Unbounded, the cache took a
 * 100k-report ingest past 4 GB and out of memory. Past the limit it starts afresh; what the
 * rules compare at once (an agency's years, a province-year) is held by their own lists.
 */
const NARRATIVES_KEPT = 1_000;

/** Each report's narrative (sections 一 and 五), read from its source text, remembered while the cache has room. */
class NarrativeCache {
  private readonly cache = new Map<number, NarrativeText>();
  constructor(private readonly db: NianbaoDb) {}

  get(id: number): NarrativeText {
    let narrative = this.cache.get(id);
    if (!narrative) {
      const row = this.db.get<{ text: string }>(sql`SELECT source_text AS text FROM reports WHERE id = ${id}`);
      narrative = narrativeOfSource(row?.text ?? "");
      if (this.cache.size >= NARRATIVES_KEPT) this.cache.clear();
      this.cache.set(id, narrative);
    }
    return narrative;
  }
}

/**
 * Every stored version of every year of one agency, with all its values: the duplicate rule
 * compares them all. Narratives are read for the current reports whose digests say they may
 * share their text with the year before (the copy rule compares those pairs alone), not for all.
 */
function loadHistory(db: NianbaoDb, agencyId: number, narratives: NarrativeCache): AgencyHistory {
  const agency = db.get<{ name: string; regionCode: string | null }>(sql`SELECT name, region_code AS regionCode FROM agencies WHERE id = ${agencyId}`);
  const rows = db.all<ReportRow>(sql`SELECT id, year, current FROM reports WHERE agency_id = ${agencyId} AND year IS NOT NULL ORDER BY year, id`);
  const values = loadValues(db, sql`SELECT id FROM reports WHERE agency_id = ${agencyId}`);
  const current = rows.filter((r) => r.current === 1);
  const digests = digestsOf(db, sql`SELECT id FROM reports WHERE agency_id = ${agencyId} AND current = 1`, narratives);
  // one current report per agency and year, in year order: each is compared with the one before
  const compared = new Set(current.flatMap((r, i) => (i > 0 && mayShareText(digests.get(current[i - 1].id), digests.get(r.id)) ? [current[i - 1].id, r.id] : [])));
  return {
    agencyId,
    agency: agency?.name ?? "",
    regionCode: agency?.regionCode ?? null,
    reports: rows.map((r) => ({
      id: r.id,
      year: r.year,
      current: r.current === 1,
      ...(values.get(r.id) ?? NO_VALUES),
      narrative: compared.has(r.id) ? narratives.get(r.id) : null,
    })),
  };
}

/** Both long enough to call a copy, and their signatures close enough to be worth comparing (the text rules compare no other pair). */
function mayShareText(a: NarrativeDigest | undefined, b: NarrativeDigest | undefined): boolean {
  return a !== undefined && b !== undefined && comparable(a) && comparable(b) && worthComparing(a.signature, b.signature);
}

/** The digests of the reports a subquery selects, by report id: stored at ingest, or made now for a report stored before digests were. */
function digestsOf(db: NianbaoDb, reportIds: SQL, narratives: NarrativeCache): Map<number, NarrativeDigest> {
  const rows = db.all<{ id: number; signature: Buffer | null; length: number | null }>(sql`
    SELECT r.id, n.signature, n.length FROM reports r LEFT JOIN report_narratives n ON n.report_id = r.id WHERE r.id IN (${reportIds})`);
  return new Map(rows.map((r) => [r.id, r.length === null ? digestNow(db, r.id, narratives) : { signature: signatureOf(r.signature), length: r.length }]));
}

interface PeerRow extends ReportRow {
  agency: string;
  regionCode: string;
  path: string | null;
  kind: string;
}

/** The current reports of a peer scope (a province) and year, with the fields the peer rules read. */
function loadPeers(db: NianbaoDb, prefix: string, year: number): PeerReport[] {
  const selected = inRegionYear(prefix, year, "current");
  const rows = db.all<PeerRow>(sql`
    SELECT r.id, r.year, r.current, a.name AS agency, r.region_code AS regionCode, g.path, a.kind
    FROM reports r JOIN agencies a ON a.id = r.agency_id LEFT JOIN regions g ON g.code = r.region_code
    WHERE ${selected}`);
  const values = loadValues(db, sql`SELECT r.id FROM reports r WHERE ${selected}`, PEER_FIELDS);
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    current: true,
    agency: r.agency,
    regionCode: r.regionCode,
    regionPath: r.path ? r.path.split("/") : [],
    kind: r.kind,
    narrative: null,
    ...(values.get(r.id) ?? NO_VALUES),
  }));
}

/**
 * The current reports of a province (or of unknown region) and year that may share their text
 * with another, with their narratives. Which may is told by the digests stored at ingest, so of
 * a province's thousands of reports only those few are read and cut into shingles. The corpus
 * rule (shared text) compares candidate pairs alone, and whether two reports are a candidate
 * pair depends on their two signatures alone: on these reports it finds what it would on all,
 * and it compares only the pairs worth comparing (lib/anomalies/text/similar.ts) too.
 */
function loadCorpus(db: NianbaoDb, prefix: string, year: number, narratives: NarrativeCache): CorpusReport[] {
  const selected = inRegionYear(prefix, year, "current");
  const rows = db.all<{ id: number; agencyId: number; agency: string }>(sql`
    SELECT r.id, r.agency_id AS agencyId, a.name AS agency FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE ${selected}`);
  const digests = digestsOf(db, sql`SELECT r.id FROM reports r WHERE ${selected}`, narratives);
  const texts = rows.filter((r) => comparable(digests.get(r.id)!));
  const signatures = texts.map((t) => digests.get(t.id)!.signature);
  const paired = new Set(signaturePairs(signatures).filter(([i, j]) => worthComparing(signatures[i], signatures[j])).flat());
  return [...paired].map((i) => ({ ...texts[i], year, narrative: narratives.get(texts[i].id), signature: signatures[i] }));
}

/** The digest of a report stored before digests were made: made from its text now, and stored for next time. */
function digestNow(db: NianbaoDb, reportId: number, narratives: NarrativeCache): NarrativeDigest {
  const digest = digestOf(narratives.get(reportId));
  storeDigest(db, reportId, digest);
  return digest;
}
