/**
 * What the overview must show, worked out straight from the database with plain SQL written
 * apart from lib/queries (LIKE on codes and field names instead of ranges and field lists), so
 * the browser test compares the page with an independent reading of the same data.
 */
import Database from "better-sqlite3";

export interface Scope {
  region: string;
  from: number;
  to: number;
}

/** The request outcome categories in the order of the chart's stack, as field patterns. */
const OUTCOMES = [
  "requests.granted.total",
  "requests.partiallyGranted.total",
  "requests.denied.%.total",
  "requests.unavailable.%.total",
  "requests.notProcessed.%.total",
  "requests.otherHandling.%.total",
];

export class Expected {
  private db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true });
  }

  close() {
    this.db.close();
  }

  reports({ region, from, to }: Scope): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM reports WHERE current = 1 AND region_code LIKE ? AND year BETWEEN ? AND ?").get(`${region}%`, from, to) as {
        n: number;
      }
    ).n;
  }

  /** Per year of the scope: the six outcome sums (null where no report has the cells). */
  requestOutcomes({ region, from, to }: Scope): { year: number; sums: (number | null)[] }[] {
    const sum = this.db.prepare(`
      SELECT SUM(v.value) AS s FROM reports r JOIN report_values v ON v.report_id = r.id
      WHERE r.current = 1 AND r.region_code LIKE ? AND r.year = ? AND v.field LIKE ?`);
    const rows = [];
    for (let year = from; year <= to; year++) {
      rows.push({ year, sums: OUTCOMES.map((pattern) => (sum.get(`${region}%`, year, pattern) as { s: number | null }).s) });
    }
    return rows;
  }

  /** Bars recharts draws for the outcomes: one per non-zero cell (a 0 or a gap has no height). */
  requestBars(scope: Scope): number {
    return this.requestOutcomes(scope).reduce((n, row) => n + row.sums.filter((s) => s != null && s !== 0).length, 0);
  }

  /** The township under `county` with the most current reports. */
  busiestTownship(county: string): { code: string; name: string } {
    return this.db
      .prepare(`
        SELECT g.code, g.name FROM regions g JOIN reports r ON r.region_code = g.code AND r.current = 1
        WHERE g.parent_code = ? GROUP BY g.code ORDER BY COUNT(*) DESC, g.code LIMIT 1`)
      .get(county) as { code: string; name: string };
  }

  /** The agency whose area is exactly this region code (a township's government). */
  agencyAt(code: string): { id: number; name: string } {
    return this.db.prepare("SELECT id, name FROM agencies WHERE region_code = ? ORDER BY id LIMIT 1").get(code) as { id: number; name: string };
  }

  /** An agency's current report of a year, if it has one. */
  reportOf(agencyId: number, year: number): number | undefined {
    const row = this.db.prepare("SELECT id FROM reports WHERE agency_id = ? AND year = ? AND current = 1").get(agencyId, year) as { id: number } | undefined;
    return row?.id;
  }

  /** A value of a report and the line of its source text it was read from. */
  value(reportId: number, field: string): { value: number | null; line: number | null } {
    return this.db.prepare("SELECT value, line FROM report_values WHERE report_id = ? AND field = ?").get(reportId, field) as { value: number | null; line: number | null };
  }

  sourceLine(reportId: number, line: number): string {
    const { text } = this.db.prepare("SELECT source_text AS text FROM reports WHERE id = ?").get(reportId) as { text: string };
    return text.split("\n")[line - 1];
  }

  /** A revised report: its current version and the earlier one it replaced. */
  revision(): { current: number; earlier: number } {
    return this.db
      .prepare(`
        SELECT now.id AS current, old.id AS earlier FROM reports now
        JOIN reports old ON old.agency_id = now.agency_id AND old.year = now.year AND old.current = 0
        WHERE now.current = 1 LIMIT 1`)
      .get() as { current: number; earlier: number };
  }

  /** A current report under the region with an error finding, and the fields its errors concern. */
  reportWithErrors(region: string): { id: number; fields: Set<string> } {
    const rows = this.db
      .prepare(`
        SELECT f.report_id AS id, f.fields FROM findings f JOIN reports r ON r.id = f.report_id
        WHERE r.current = 1 AND r.region_code LIKE ? AND f.severity = 'error' AND f.fields IS NOT NULL
        ORDER BY f.report_id`)
      .all(`${region}%`) as { id: number; fields: string }[];
    const id = rows[0].id;
    return { id, fields: new Set(rows.filter((r) => r.id === id).flatMap((r) => JSON.parse(r.fields) as string[])) };
  }

  /**
   * Cells of the coverage matrix: each agency with a current report under the region (any year)
   * × each year, and each township of the gazetteer no report names × each year.
   */
  coverage({ region, from, to }: Scope): { published: number; withErrors: number; missing: number; silentTownships: number } {
    const agencies = this.db.prepare("SELECT DISTINCT agency_id AS id FROM reports WHERE current = 1 AND region_code LIKE ?").all(`${region}%`) as { id: number }[];
    const silent = (
      this.db
        .prepare("SELECT COUNT(*) AS n FROM regions g WHERE g.level = 4 AND g.code LIKE ? AND g.code NOT IN (SELECT region_code FROM reports WHERE current = 1 AND region_code IS NOT NULL)")
        .get(`${region}%`) as { n: number }
    ).n;
    const status = this.db.prepare(`
      SELECT r.id, (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors
      FROM reports r WHERE r.current = 1 AND r.agency_id = ? AND r.year = ?`);
    const counts = { published: 0, withErrors: 0, missing: silent * (to - from + 1), silentTownships: silent };
    for (const agency of agencies) {
      for (let year = from; year <= to; year++) {
        const report = status.get(agency.id, year) as { errors: number } | undefined;
        if (!report) counts.missing++;
        else if (report.errors > 0) counts.withErrors++;
        else counts.published++;
      }
    }
    return counts;
  }

  /** Each agency's 本年新收 of a year under the region, by agency name. */
  receivedByAgency(region: string, year: number): Map<string, number> {
    const rows = this.db
      .prepare(`
        SELECT a.name, v.value FROM reports r JOIN agencies a ON a.id = r.agency_id
        JOIN report_values v ON v.report_id = r.id AND v.field = 'requests.newReceived.total'
        WHERE r.current = 1 AND r.region_code LIKE ? AND r.year = ?`)
      .all(`${region}%`, year) as { name: string; value: number }[];
    return new Map(rows.map((r) => [r.name, r.value]));
  }

  /** A field summed over the region's reports of a year that have no error finding, and how many reports those are. */
  summarySum(region: string, year: number, field: string): { sum: number | null; reports: number } {
    const clean = "r.current = 1 AND r.region_code LIKE ? AND r.year = ? AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.report_id = r.id AND f.severity = 'error')";
    const sum = this.db.prepare(`SELECT SUM(v.value) AS s FROM reports r JOIN report_values v ON v.report_id = r.id AND v.field = ? WHERE ${clean}`).get(field, `${region}%`, year) as { s: number | null };
    const reports = this.db.prepare(`SELECT COUNT(*) AS n FROM reports r WHERE ${clean}`).get(`${region}%`, year) as { n: number };
    return { sum: sum.s, reports: reports.n };
  }

  yearSpan(): { first: number; last: number } {
    return this.db.prepare("SELECT MIN(year) AS first, MAX(year) AS last FROM reports WHERE current = 1").get() as { first: number; last: number };
  }
}
