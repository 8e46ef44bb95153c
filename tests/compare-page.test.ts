/**
 * The compare page reads a region's every agency only for the ranks and the order, and the rest
 * for the rows it shows: its rows, ranks, shares and count must be the CSV's first rows exactly.
 * Twelve departments of 镇巴县, loaded through the real ingest, with figures chosen to tie.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "@/db/client";
import { compareParams, compareTable, fetchComparison, MIN_RATE_BASE, rankingTable, resolveCompare, type CompareView } from "@/lib/queries/compare";
import { readParams } from "@/lib/queries/filter-params";
import { reportText, type ReportSpec } from "./queries-fixture";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DEPARTMENTS = ["发展和改革局", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "农业农村局", "卫生健康局"];
/** 2024's 新收申请, with ties: 9 three times, 3 twice, 0 three times */
const RECEIVED_2024 = [10, 9, 9, 0, 0, 3, 9, 1, 0, 12, 3, 20];
/** 2023's; null: no report that year */
const RECEIVED_2023 = [4, 9, null, 2, 0, 8, 1, null, 0, 30, 3, 7];
/** 2024's 部分公开, the rest is granted: 5 of 10 and 10 of 20 tie on the share granted */
const PARTIAL_2024 = [5, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 10];
/** 2024 reports that received 2 more than they handled, so their request table does not balance: an error each */
const UNBALANCED = new Set([1, 6]);

const quiet: [number, number, number, number] = [0, 0, 0, 0];
function spec(i: number, year: number, received: number, partiallyGranted: number): ReportSpec {
  const unbalancedBy = year === 2024 && UNBALANCED.has(i) ? 2 : 0;
  const granted = received - partiallyGranted - unbalancedBy;
  return {
    file: `d${i}-${year}.txt`,
    agency: `镇巴县${DEPARTMENTS[i]}`,
    region: "610728",
    year,
    proactiveItems: 100 + i,
    normativeDocuments: 0,
    licensing: i,
    penalty: 0,
    coercion: 0,
    fees: 0,
    carriedOver: 0,
    carriedForward: 0,
    outcomes: { granted, partiallyGranted, denied: Array(8).fill(0), unavailable: [0, 0, 0], notProcessed: [0, 0, 0, 0, 0], otherHandling: [0, 0, 0] },
    review: quiet,
    litigationDirect: quiet,
    litigationAfterReview: quiet,
    unbalancedBy,
  };
}

const SPECS: ReportSpec[] = [
  ...RECEIVED_2024.map((received, i) => spec(i, 2024, received, PARTIAL_2024[i])),
  ...RECEIVED_2023.flatMap((received, i) => (received === null ? [] : [spec(i, 2023, received, 0)])),
];

let dir: string;
let db: NianbaoDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-compare-"));
  const reports = join(dir, "reports");
  mkdirSync(reports);
  for (const s of SPECS) writeFileSync(join(reports, s.file), reportText(s));
  const manifest = ["file,agency,year,region_code", ...SPECS.map((s) => `${s.file},${s.agency},${s.year},${s.region}`)];
  writeFileSync(join(reports, "manifest.csv"), manifest.join("\n") + "\n");
  const database = join(dir, "nianbao.db");
  execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", database, "--manifest", join(reports, "manifest.csv")], { cwd: ROOT, stdio: "pipe" });
  db = openDatabase(database, { readonly: true });
}, 120_000);

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function view(query: string): CompareView {
  const read = readParams(compareParams, new URLSearchParams(`region=610728&year=2024&${query}`));
  if (!read.ok) throw new Error(read.error);
  return resolveCompare(db, read.value) as CompareView;
}

const nameOf = (i: number) => `镇巴县${DEPARTMENTS[i]}`;
const indexOf = (name: string) => DEPARTMENTS.indexOf(name.replace("镇巴县", ""));

describe("ranks", () => {
  it("ties share a rank and the next rank skips them (1, 2, 2, 2, 5), highest first", () => {
    const comparison = fetchComparison(db, view("metric=received"));
    const rankOf = new Map(comparison.rows.map((row) => [indexOf(row.name), row.cells.received.rank]));
    // 20 | 12 | 10 | 9 9 9 | 3 3 | 1 | 0 0 0
    expect(RECEIVED_2024.map((_, i) => rankOf.get(i))).toEqual([3, 4, 4, 10, 10, 7, 4, 9, 10, 2, 7, 1]);
    expect(comparison.ranked).toBe(12);
  });

  it("ranks a rate only from MIN_RATE_BASE handled, ties included", () => {
    const comparison = fetchComparison(db, view("metric=grantedShare"));
    const cell = (i: number) => comparison.rows.find((row) => row.name === nameOf(i))!.cells.grantedShare;
    // handled ≥ 10: 12 of 12, then 5 of 10 and 10 of 20 tied; 3 of 3 is not ranked
    expect(RECEIVED_2024.filter((handled) => handled >= MIN_RATE_BASE)).toHaveLength(3);
    expect([9, 0, 11, 5].map((i) => [cell(i).now.value, cell(i).rank])).toEqual([
      [1, 1],
      [0.5, 2],
      [0.5, 2],
      [1, null],
    ]);
    expect(comparison.ranked).toBe(3);
    expect(rankingTable(comparison).rows.map((row) => row[1])).toEqual([nameOf(9), ...[nameOf(0), nameOf(11)].sort()]);
  });
});

describe("a page of the comparison", () => {
  const ORDERS = [
    "metric=received",
    "metric=received&sort=received.rank&dir=asc",
    "metric=received&metric=grantedShare&sort=received.change&dir=asc",
    "metric=received&metric=grantedShare&sort=grantedShare.change",
    "metric=grantedShare&metric=received&sort=grantedShare.value",
    "metric=received&sort=received.previous&dir=asc",
    "metric=received&sort=name&dir=asc",
    "metric=received&sort=kind",
    "metric=received&metric=reviews&sort=findings",
  ];

  it.each(ORDERS)("is the first rows of the whole comparison, with its ranks, shares and count: %s", (query) => {
    const all = fetchComparison(db, view(query));
    expect(all.total).toBe(12);
    for (const limit of [1, 4, 7]) {
      const page = fetchComparison(db, view(query), limit);
      expect(page.rows).toEqual(all.rows.slice(0, limit));
      expect(page.ranking).toEqual(all.ranking.slice(0, limit));
      expect([page.total, page.ranked, page.totals]).toEqual([all.total, all.ranked, all.totals]);
      expect(compareTable(page).rows).toEqual(compareTable(all).rows.slice(0, limit));
      expect(rankingTable(page).rows).toEqual(rankingTable(all).rows.slice(0, limit));
    }
  });

  it("shows the highest first by default, each with its change, its share of the region and its findings", () => {
    const page = fetchComparison(db, view(""), 6);
    const table = compareTable(page);
    const total = RECEIVED_2024.reduce((a, b) => a + b, 0);
    // 20, 12, 10, then the three 9s in gazetteer order (by name, as the index sorts them)
    expect(table.rows.map((row) => row[0])).toEqual([nameOf(11), nameOf(9), nameOf(0), ...[nameOf(1), nameOf(2), nameOf(6)].sort()]);
    const row = (i: number) => table.rows.find((r) => r[0] === nameOf(i))!;
    const shareOf = (value: number) => Math.round((value / total) * 1000) / 10;
    expect(row(9).slice(2, 8)).toEqual([12, 30, -18, -60, 2, shareOf(12)]);
    expect(row(2).slice(2, 8)).toEqual([9, null, null, null, 4, shareOf(9)]);
    expect(row(6).at(-1)).toBeGreaterThan(0); // its request table does not balance
    expect(page.total).toBe(12);
  });
});
