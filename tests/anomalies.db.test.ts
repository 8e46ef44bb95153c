/**
 * The cross-report pass on a real SQLite file: the county of tests/anomalies-fixture.ts, loaded by
 * the real ingest. Into a clean county go one case of each cross-report rule; the pass must find
 * exactly those, with their evidence, and find them again, no more, after later runs that fill a
 * gap and revise a report, whether it recomputes what a run touched or everything.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastReportId, refreshAnomalies } from "../db/anomalies";
import { openDatabase, type NianbaoDb } from "../db/client";
import { findReportFiles, ingestFiles } from "../db/ingest";
import { readManifest } from "../lib/ingest/manifest";
import type { Evidence } from "../lib/anomalies/types";
import { FIRST_RUN, SECOND_RUN, TOWNS, town, load as loadInto, write, type Fixture } from "./anomalies-fixture";

let root: string;
let db: NianbaoDb;

const load = (name: string, fixtures: readonly Fixture[]) => loadInto(db, join(root, name), fixtures);

interface Row {
  agency: string;
  year: number;
  rule: string;
  scope: string;
  severity: string;
  message: string;
  evidence: string | null;
}

function findings(): Row[] {
  return db.$client
    .prepare(
      `SELECT a.name AS agency, r.year, f.rule, f.scope, f.severity, f.message, f.evidence
       FROM findings f JOIN reports r ON r.id = f.report_id JOIN agencies a ON a.id = r.agency_id
       ORDER BY a.name, r.year, f.rule`,
    )
    .all() as Row[];
}

const brief = (rows: readonly Row[]) => rows.map((f) => [f.agency, f.year, f.rule]);
const reportId = (agency: string, year: number) =>
  (db.$client.prepare("SELECT r.id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = ? AND r.year = ? AND r.current = 1").get(agency, year) as { id: number }).id;
const evidenceOf = (rows: readonly Row[], agency: string, rule: string) => JSON.parse(rows.find((f) => f.agency === agency && f.rule === rule)!.evidence!) as Evidence;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-anomalies-"));
  db = openDatabase(join(root, "nianbao.db"));
});

afterAll(() => {
  db.$client.close();
  rmSync(root, { recursive: true, force: true });
});

describe("after the first run", () => {
  let first: ReturnType<typeof load>;
  beforeAll(() => {
    first = load("first", FIRST_RUN);
  });

  it("stores every report and finds exactly the planted cases, as cross-report findings", () => {
    expect(first.run.tally).toMatchObject({ ingested: 31, failed: 0, declined: 0 });
    expect(first.pass).toEqual({ reports: 0, agencies: 8, peerScopes: 4, corpusScopes: 4, findings: 7 });
    const rows = findings();
    expect(brief(rows)).toEqual([
      [town(2), 2023, "carryover.mismatch"],
      [town(3), 2024, "text.copiedLastYear"],
      [town(4), 2023, "text.sharedAcrossAgencies"],
      [town(5), 2023, "text.sharedAcrossAgencies"],
      [town(0), 2023, "figure.jump"],
      [town(0), 2023, "figure.peerOutlier"],
      [town(1), 2023, "report.yearMissing"],
    ].sort((a, b) => (a.join() < b.join() ? -1 : 1)));
    expect(new Set(rows.map((f) => f.scope))).toEqual(new Set(["cross"]));
  });

  it("gives each finding the evidence it points at", () => {
    const rows = findings();
    expect(evidenceOf(rows, town(2), "carryover.mismatch")).toEqual({ related: [{ id: reportId(town(2), 2022), agency: town(2), year: 2022 }] });
    expect(evidenceOf(rows, town(1), "report.yearMissing")).toEqual({ related: [{ id: reportId(town(1), 2021), agency: town(1), year: 2021 }] });
    const copied = evidenceOf(rows, town(3), "text.copiedLastYear");
    expect(copied.related).toEqual([{ id: reportId(town(3), 2023), agency: town(3), year: 2023, similarity: copied.similarity }]);
    expect(copied.similarity).toBeGreaterThan(0.9);
    expect(evidenceOf(rows, town(4), "text.sharedAcrossAgencies").related?.map((r) => r.id)).toEqual([reportId(town(5), 2023)]);
    expect(evidenceOf(rows, town(0), "figure.jump")).toEqual({
      measure: "行政处罚处理决定数量",
      value: 150,
      history: [
        { year: 2021, value: 2 },
        { year: 2022, value: 0 },
        { year: 2024, value: 2 },
      ],
    });
    expect(evidenceOf(rows, town(0), "figure.peerOutlier").peers).toEqual({ group: "镇巴县各乡镇", count: 7, median: 1, max: 2 });
    expect(rows.find((f) => f.rule === "figure.peerOutlier")?.message).toBe("行政处罚处理决定数量为150件,而镇巴县各乡镇(另7个)中位数为1件、最多为2件。");
  });

  it("changes nothing when run again over everything", () => {
    const before = findings();
    expect(refreshAnomalies(db, { all: true })).toEqual({ reports: 31, agencies: 8, peerScopes: 4, corpusScopes: 4, findings: 7 });
    expect(findings()).toEqual(before);
  });

  it("compares narratives by the digests stored at ingest, and makes the digests a database from before them lacks", () => {
    const digests = () => (db.$client.prepare("SELECT count(*) AS n FROM report_narratives WHERE signature IS NOT NULL").get() as { n: number }).n;
    expect(digests()).toBe(31);
    const before = findings();
    db.$client.prepare("DELETE FROM report_narratives").run();
    refreshAnomalies(db, { all: true });
    expect(findings()).toEqual(before);
    expect(digests()).toBe(31);
  });

  it("runs the rules of one report again over everything, leaving the parser's own findings", () => {
    const insert = db.$client.prepare("INSERT INTO findings (report_id, rule, severity, message, scope) VALUES (?, ?, 'warning', 'stale', 'report')");
    insert.run(1, "narrative.otherYear");
    insert.run(1, "cell.blank");
    refreshAnomalies(db, { all: true });
    expect(db.$client.prepare("SELECT rule FROM findings WHERE message = 'stale'").all()).toEqual([{ rule: "cell.blank" }]);
    db.$client.prepare("DELETE FROM findings WHERE message = 'stale'").run();
  });
});

describe("after a later run", () => {
  beforeAll(() => {
    load("second", SECOND_RUN);
  });

  it("drops the gap the late report fills, finds the revised report's changed figure, keeps the rest", () => {
    const rows = findings();
    expect(brief(rows.filter((f) => f.agency === town(1)))).toEqual([]);
    expect(rows.filter((f) => f.rule === "report.duplicate").map((f) => [f.agency, f.year, f.message])).toEqual([
      [town(6), 2024, "本机关2024年度共载入2份年报,有1个数字不一致(行政许可 / 处理决定数量),统计采用最后载入的一份。"],
    ]);
    expect(rows).toHaveLength(7);
  });

  it("finds what a pass over everything finds", () => {
    const incremental = findings();
    refreshAnomalies(db, { all: true });
    expect(findings()).toEqual(incremental);
  });
});

describe("after a manifest moves a report", () => {
  it("recomputes the agency and the peers it left: town 0's 2023 report, now said to be town 7's of 2020, takes its findings along", () => {
    const dir = join(root, "first");
    const file = FIRST_RUN.find((f) => f.spec.agency === town(0) && f.spec.year === 2023)!.spec.file;
    const manifest = `file,agency,year,region_code\n${file},${town(7)},2020,${TOWNS[7].code}\n`;
    const since = lastReportId(db);
    ingestFiles(db, findReportFiles([join(dir, file)]), { manifest: { path: join(dir, "m.csv"), ...readManifest(manifest, dir) } });
    refreshAnomalies(db, { since });
    const rows = findings();
    expect(brief(rows.filter((f) => f.agency === town(0)))).toEqual([[town(0), 2024, "report.yearMissing"]]);
    // the 150 penalty decisions go with it, and its text speaks of 2023 on the 2021 form
    expect(brief(rows.filter((f) => f.agency === town(7)))).toEqual([
      [town(7), 2020, "figure.jump"],
      [town(7), 2020, "narrative.otherYear"],
      [town(7), 2020, "template.mismatch"],
    ]);
    expect(rows.filter((f) => f.rule === "figure.peerOutlier")).toEqual([]);
  });
});

describe("npm run ingest", () => {
  it("says how many cross-report findings the run's pass stored", () => {
    const dir = join(root, "cli");
    mkdirSync(dir, { recursive: true });
    for (const f of FIRST_RUN) write(dir, f);
    const cli = spawnSync("npx", ["tsx", "scripts/ingest.ts", "--db", join(root, "cli.db"), dir], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("cross-report findings: 7 (8 agencies, 4 province-years of peers, 4 province-years of narratives rechecked)\n");
    const recheck = spawnSync("npx", ["tsx", "scripts/ingest.ts", "--db", join(root, "cli.db"), "--recheck"], { encoding: "utf8" });
    expect(recheck.status).toBe(0);
    expect(recheck.stdout).toContain("anomaly rules of one report run again on 31 reports\ncross-report findings: 7 (8 agencies,");
  });
});
