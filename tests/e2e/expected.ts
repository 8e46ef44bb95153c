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

  yearSpan(): { first: number; last: number } {
    return this.db.prepare("SELECT MIN(year) AS first, MAX(year) AS last FROM reports WHERE current = 1").get() as { first: number; last: number };
  }
}
