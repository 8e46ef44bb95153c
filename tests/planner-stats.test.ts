/**
 * The ingest leaves the planner's statistics in the database, so SQLite picks the index by agency
 * for a page's agencies (db/planner-stats.ts), and takes them again only when the reports grew.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "@/db/client";
import { refreshPlannerStats } from "@/db/planner-stats";
import { buildFixtureDatabase } from "./queries-fixture";

let dir: string;
let db: NianbaoDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-stats-"));
  db = openDatabase(buildFixtureDatabase(dir));
}, 60_000);

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const reportStats = () => db.all<{ idx: string; stat: string }>(sql`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'reports' ORDER BY idx`);
const reportCount = () => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM reports`)!.n;

describe("planner statistics", () => {
  it("are left by the ingest, counting every report", () => {
    const stats = reportStats();
    expect(stats.map((s) => s.idx)).toContain("reports_current_agency_year");
    expect(stats.find((s) => s.idx === "reports_scope")!.stat.split(" ")[0]).toBe(String(reportCount()));
  });

  it("are not taken again while the reports have not grown", () => {
    expect(refreshPlannerStats(db)).toBe(false);
  });

  it("are taken again once the reports outgrew them", () => {
    // as if taken when there were half as many reports
    db.run(sql`UPDATE sqlite_stat1 SET stat = ${`${Math.floor(reportCount() / 2)} 1`} WHERE tbl = 'reports'`);
    expect(refreshPlannerStats(db)).toBe(true);
    expect(reportStats().find((s) => s.idx === "reports_scope")!.stat.split(" ")[0]).toBe(String(reportCount()));
  });
});
