/**
 * The SQL behind every chart, key figure, table and filter of the overview, against a real
 * database built by the real ingest from hand-made reports (tests/queries-fixture.ts). Every
 * expected number is worked out from the fixture's specs, not from the database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "@/db/client";
import { fetchAgencyPage, fetchAgencyRows } from "@/lib/queries/agencies";
import { filterParams, readParams, regionYearsParams } from "@/lib/queries/filter-params";
import { queryString } from "@/lib/queries/links";
import { fetchKeyFigures } from "@/lib/queries/key-figures";
import * as measures from "@/lib/queries/measures";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { fetchYearSpan, resolveScope, type Scope } from "@/lib/queries/scope";
import { agencyTable, yearlyTable } from "@/lib/queries/tables";
import { fetchYearly, YEARLY_VIEWS } from "@/lib/queries/yearly";
import { FIELD_BY_KEY } from "@/lib/template/fields";
import { buildFixtureDatabase, CURRENT, newReceived, sum, totalHandled, type ReportSpec } from "./queries-fixture";

let dir: string;
let db: NianbaoDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-queries-"));
  db = openDatabase(buildFixtureDatabase(dir), { readonly: true });
});

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------ expectations from the specs

const scope = (code: string | null, from: number, to: number): Scope => ({ region: code ? { code, name: code } : null, from, to });
const COUNTY = scope("610728", 2020, 2024);

function reportsIn(s: Scope): ReportSpec[] {
  return CURRENT.filter((r) => r.region.startsWith(s.region?.code ?? "") && r.year >= s.from && r.year <= s.to);
}

/** The sum of a figure over reports, as SQL sums it: null when no report has it; 万元 to the 元. */
function total(reports: readonly ReportSpec[], figure: (r: ReportSpec) => number | null): number | null {
  const present = reports.map(figure).filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round(sum(present) * 10_000) / 10_000;
}

function perYear(s: Scope, figures: Record<string, (r: ReportSpec) => number | null>) {
  const years = Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i);
  return years.map((year) => {
    const reports = reportsIn(s).filter((r) => r.year === year);
    return { year, ...Object.fromEntries(Object.entries(figures).map(([key, figure]) => [key, total(reports, figure)])) };
  });
}

const PROACTIVE = {
  normativeDocuments: (r: ReportSpec) => r.normativeDocuments,
  licensing: (r: ReportSpec) => r.licensing,
  penalty: (r: ReportSpec) => r.penalty,
  coercion: (r: ReportSpec) => r.coercion,
  fees: (r: ReportSpec) => r.fees,
  proactiveItems: (r: ReportSpec) => r.proactiveItems,
};
const REQUESTS = {
  granted: (r: ReportSpec) => r.outcomes.granted,
  partiallyGranted: (r: ReportSpec) => r.outcomes.partiallyGranted,
  denied: (r: ReportSpec) => sum(r.outcomes.denied),
  unavailable: (r: ReportSpec) => sum(r.outcomes.unavailable),
  notProcessed: (r: ReportSpec) => sum(r.outcomes.notProcessed),
  otherHandling: (r: ReportSpec) => sum(r.outcomes.otherHandling),
};
const byResult = (pick: (r: ReportSpec) => number[]) => ({
  upheld: (r: ReportSpec) => pick(r)[0],
  corrected: (r: ReportSpec) => pick(r)[1],
  other: (r: ReportSpec) => pick(r)[2],
  pending: (r: ReportSpec) => pick(r)[3],
});
const lawsuits = (r: ReportSpec) => r.litigationDirect.map((v, i) => v + r.litigationAfterReview[i]);

// ------------------------------------------------------------------ tests

describe("measures", () => {
  it("name only fields that the templates have", () => {
    const all = [...Object.values(YEARLY_VIEWS).flatMap((v) => v.measures), measures.received, measures.handled, measures.review.total, measures.litigation.total];
    const fields = all.flatMap((m) => ("fields" in m.source ? m.source.fields : []));
    expect(fields.filter((f) => !FIELD_BY_KEY.has(f))).toEqual([]);
    expect(measures.denied.source).toEqual({ fields: expect.arrayContaining(["requests.denied.stateSecret.total", "requests.denied.queryMatters.total"]) });
    expect("fields" in measures.denied.source && measures.denied.source.fields).toHaveLength(8);
  });
});

describe("charts across years", () => {
  it("sum the proactive figures per year, the 2019 template's 新制作数量 as 制发, no fee amount before 2021", () => {
    expect(fetchYearly(db, COUNTY, YEARLY_VIEWS.proactive)).toEqual(perYear(COUNTY, PROACTIVE));
    const [y2020, y2021] = fetchYearly(db, COUNTY, YEARLY_VIEWS.proactive);
    expect(y2020).toMatchObject({ year: 2020, normativeDocuments: 4, fees: null, proactiveItems: 1200 });
    expect(Object.values(y2021).filter((v) => v !== null)).toEqual([2021]); // a year without reports is a gap, not zeros
  });

  it("count only current reports: a revised report replaces the one it revises", () => {
    const township = scope("610728101", 2024, 2024);
    expect(fetchYearly(db, township, YEARLY_VIEWS.proactive)).toEqual([{ year: 2024, normativeDocuments: 1, licensing: 12, penalty: 2, coercion: 0, fees: 0.2, proactiveItems: 260 }]);
  });

  it("sum request outcomes per category and year, 不予公开 being the sum of its eight rows", () => {
    expect(fetchYearly(db, COUNTY, YEARLY_VIEWS.requests)).toEqual(perYear(COUNTY, REQUESTS));
    expect(fetchYearly(db, COUNTY, YEARLY_VIEWS.requests).find((p) => p.year === 2024)).toEqual({
      year: 2024,
      granted: 5 + 3 + 4,
      partiallyGranted: 2 + 1 + 0,
      denied: 1 + 0 + 1,
      unavailable: 3 + 0 + 1,
      notProcessed: 1 + 0 + 0,
      otherHandling: 1 + 0 + 0,
    });
  });

  it("sum reviews and lawsuits (direct and after review together) by result", () => {
    expect(fetchYearly(db, COUNTY, YEARLY_VIEWS.reviews)).toEqual(perYear(COUNTY, byResult((r) => r.review)));
    expect(fetchYearly(db, COUNTY, YEARLY_VIEWS.litigation)).toEqual(perYear(COUNTY, byResult(lawsuits)));
  });

  it("keep to the region: a city counts its other counties, a township only itself", () => {
    const city = scope("6107", 2024, 2024);
    expect(fetchYearly(db, city, YEARLY_VIEWS.requests)).toEqual(perYear(city, REQUESTS));
    expect(fetchYearly(db, city, YEARLY_VIEWS.requests)[0].granted).toBe(5 + 3 + 4 + 30);
    const township = scope("610728001", 2020, 2024);
    expect(fetchYearly(db, township, YEARLY_VIEWS.reviews)).toEqual(perYear(township, byResult((r) => r.review)));
    expect(fetchYearly(db, scope(null, 2020, 2024), YEARLY_VIEWS.proactive)).toEqual(perYear(scope(null, 2020, 2024), PROACTIVE));
  });
});

describe("key figures", () => {
  it("count reports and agencies, and give the shares granted and corrected", () => {
    const reports = reportsIn(COUNTY);
    const reviewTotal = sum(reports.map((r) => sum(r.review)));
    const lawsuitTotal = sum(reports.map((r) => sum(lawsuits(r))));
    expect(fetchKeyFigures(db, COUNTY)).toEqual({
      reports: 6,
      agencies: 3,
      syntheticReports: 2,
      requestsReceived: sum(reports.map(newReceived)),
      grantedShare: sum(reports.map((r) => r.outcomes.granted)) / sum(reports.map((r) => totalHandled(r.outcomes))),
      reviews: reviewTotal,
      reviewCorrectedShare: sum(reports.map((r) => r.review[1])) / reviewTotal,
      lawsuits: lawsuitTotal,
      lawsuitCorrectedShare: sum(reports.map((r) => lawsuits(r)[1])) / lawsuitTotal,
    });
  });

  it("say nothing of a share with nothing to divide", () => {
    const quiet = fetchKeyFigures(db, scope("610728001", 2023, 2023));
    expect(quiet).toMatchObject({ reports: 1, syntheticReports: 1, reviews: 0, reviewCorrectedShare: null, lawsuits: 0, lawsuitCorrectedShare: null });
    expect(fetchKeyFigures(db, scope("610728", 2021, 2022))).toMatchObject({ reports: 0, agencies: 0, requestsReceived: null, grantedShare: null });
  });
});

describe("agency table", () => {
  it("lists the agencies of the scope in gazetteer order with their sums, findings and sample flag", () => {
    const rows = fetchAgencyRows(db, COUNTY);
    expect(rows.map((a) => [a.name, a.regionName, a.reports, a.synthetic])).toEqual([
      ["镇巴县人民政府办公室", "镇巴县", 3, false],
      ["泾洋街道办事处", "泾洋街道", 2, true],
      ["渔渡镇人民政府", "渔渡镇", 1, false],
    ]);
    for (const row of rows) {
      const reports = reportsIn(COUNTY).filter((r) => r.agency === row.name);
      expect(row.values).toMatchObject({
        proactiveItems: total(reports, (r) => r.proactiveItems),
        received: total(reports, newReceived),
        granted: total(reports, (r) => r.outcomes.granted),
        reviews: total(reports, (r) => sum(r.review)),
        lawsuits: total(reports, (r) => sum(lawsuits(r))),
      });
    }
  });

  it("counts the findings of the unbalanced report and none for the sound ones", () => {
    const stored = db.$client
      .prepare("SELECT COUNT(*) AS n FROM findings f JOIN reports r ON r.id = f.report_id JOIN agencies a ON a.id = r.agency_id WHERE a.name = ? AND r.current = 1 AND f.severity = 'error'")
      .get("镇巴县人民政府办公室") as { n: number };
    const [county, ...townships] = fetchAgencyRows(db, COUNTY);
    expect(stored.n).toBeGreaterThan(0);
    expect(county.values.errors).toBe(stored.n);
    expect(townships.map((t) => t.values.errors)).toEqual([0, 0]);
  });

  it("gives a page its first agencies with their own figures, and how many there are in all", () => {
    const all = fetchAgencyRows(db, COUNTY);
    expect(fetchAgencyPage(db, COUNTY, 2)).toEqual({ rows: all.slice(0, 2), total: 3 });
    expect(fetchAgencyPage(db, COUNTY, 10)).toEqual({ rows: all, total: 3 });
    expect(fetchAgencyPage(db, scope("610728", 2021, 2022), 2)).toEqual({ rows: [], total: 0 });
  });

  it("is the table the page prints and the CSV holds", () => {
    const table = agencyTable(fetchAgencyRows(db, scope("610728001", 2020, 2024)));
    expect(table.headers).toEqual(["机关", "类型", "所在地区", "年报（份）", "主动公开信息（条）", "新收申请", "予以公开", "行政复议", "行政诉讼", "错误", "警告", "数据来源"]);
    expect(table.rows).toEqual([["泾洋街道办事处", "乡镇（街道）", "泾洋街道", 2, 410 + 388, 2 + 1 + 0 + 4, 2 + 3, 1, 0, 0, 0, "合成样例"]]);
  });
});

describe("yearly tables", () => {
  it("put the year first and each figure under its Chinese label", () => {
    const s = scope("610728", 2023, 2024);
    const table = yearlyTable(YEARLY_VIEWS.reviews, fetchYearly(db, s, YEARLY_VIEWS.reviews));
    expect(table).toEqual({
      headers: ["年度", "结果维持", "结果纠正", "其他结果", "尚未审结"],
      rows: [
        [2023, 2, 1, 0, 1],
        [2024, 1 + 0 + 0, 1 + 1 + 0, 0, 0],
      ],
    });
  });
});

describe("region filter", () => {
  it("offers each level's children only, with the current reports under each", () => {
    const levels = fetchRegionLevels(db, "610728001", COUNTY);
    expect(levels.map((l) => [l.level, l.label, l.parentCode, l.selected])).toEqual([
      [1, "省份", null, "61"],
      [2, "地市", "61", "6107"],
      [3, "区县", "6107", "610728"],
      [4, "乡镇（街道）", "610728", "610728001"],
    ]);
    const counts = (level: number) => Object.fromEntries(levels[level - 1].options.filter((o) => o.reports > 0).map((o) => [o.name, o.reports]));
    expect(counts(1)).toEqual({ 陕西省: 7 });
    expect(counts(3)).toEqual({ 汉台区: 1, 镇巴县: 6 });
    expect(counts(4)).toEqual({ 泾洋街道: 2, 渔渡镇: 1 });
    expect(levels[0].options.length).toBeLessThan(40); // provinces, not the gazetteer
  });

  it("stops at the chosen level's children: the country shows provinces, a county its townships", () => {
    expect(fetchRegionLevels(db, null, COUNTY).map((l) => l.level)).toEqual([1]);
    expect(fetchRegionLevels(db, "610728", COUNTY).map((l) => l.level)).toEqual([1, 2, 3, 4]);
  });
});

describe("filters", () => {
  const span = { first: 2020, last: 2024 };

  it("default to every year loaded and the whole country", () => {
    expect(fetchYearSpan(db)).toEqual(span);
    expect(resolveScope(db, {}, span)).toEqual({ region: null, from: 2020, to: 2024 });
  });

  it("hold years within those loaded, turn a reversed range round, and drop an unknown region", () => {
    expect(resolveScope(db, { region: "610728", from: 1995, to: 2030 }, span)).toEqual({ region: { code: "610728", name: "镇巴县" }, from: 2020, to: 2024 });
    expect(resolveScope(db, { from: 2024, to: 2021 }, span)).toMatchObject({ from: 2021, to: 2024 });
    expect(resolveScope(db, { region: "999999" }, span).region).toBeNull();
  });

  it("read the overview's params: empty ones are absent, malformed ones an error", () => {
    expect(readParams(regionYearsParams, { region: "610728", from: "2021", to: "2024" })).toEqual({ ok: true, value: { region: "610728", from: 2021, to: 2024 } });
    expect(readParams(regionYearsParams, { region: "", from: "" })).toEqual({ ok: true, value: {} });
    const bad = readParams(regionYearsParams, { region: "61a", from: "二〇二一" });
    expect(!bad.ok && bad.error).toMatch(/地区代码应为2、4、6或9位数字[\s\S]*年度应为数字/);
  });

  it("read strictly for the CSV route: a bad value is an error told in Chinese", () => {
    expect(readParams(filterParams, new URLSearchParams("region=610728001&from=2023"))).toEqual({ ok: true, value: { region: "610728001", from: 2023 } });
    const bad = readParams(filterParams, new URLSearchParams("region=6107281&to=abc"));
    expect(!bad.ok && bad.error).toMatch(/地区代码应为2、4、6或9位数字[\s\S]*region[\s\S]*to/);
  });

  it("write back to the same query string", () => {
    expect(queryString({ region: "610728", from: 2021, to: 2024 })).toBe("?region=610728&from=2021&to=2024");
    expect(queryString({ region: undefined, metric: ["a", "b"], year: null })).toBe("?metric=a&metric=b");
    expect(queryString({})).toBe("");
  });
});
