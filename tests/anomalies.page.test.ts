/**
 * The anomalies page's queries and its CSV route, on the county of tests/anomalies-fixture.ts
 * loaded by the real ingest: the filters, the heat table, each finding's links, and the download's
 * status, headers and bytes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/anomalies.csv/route";
import { openDatabase, type NianbaoDb } from "@/db/client";
import { anomalyParams, anomalyTable, fetchAnomalies, fetchAnomalyHeat, heatTable, resolveAnomalyView, type AnomalyParams, type AnomalyView } from "@/lib/queries/anomalies";
import { readParams } from "@/lib/queries/filter-params";
import { isMissing } from "@/lib/queries/scope";
import { FIRST_RUN, load, SECOND_RUN, TOWNS, town } from "./anomalies-fixture";

let dir: string;
let db: NianbaoDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-anomalies-page-"));
  const file = join(dir, "nianbao.db");
  db = openDatabase(file);
  load(db, join(dir, "first"), FIRST_RUN);
  load(db, join(dir, "second"), SECOND_RUN);
  process.env.NIANBAO_DB = file;
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function view(params: AnomalyParams): AnomalyView {
  const resolved = resolveAnomalyView(db, params);
  if (isMissing(resolved)) throw new Error(resolved.missing);
  return resolved;
}

const reportId = (agency: string, year: number) =>
  (db.$client.prepare("SELECT r.id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = ? AND r.year = ? AND r.current = 1").get(agency, year) as { id: number }).id;

describe("the list", () => {
  it("holds every finding of the region and years, errors first, filtered by kind, severity and years", () => {
    const all = fetchAnomalies(db, view({ region: "610728" }));
    expect(all).toHaveLength(7);
    expect(all[0]).toMatchObject({ rule: "carryover.mismatch", severity: "error", agency: town(2), year: 2023 });
    expect(fetchAnomalies(db, view({ region: "610728", rule: "text.sharedAcrossAgencies" })).map((r) => r.agency)).toEqual([town(4), town(5)].sort());
    expect(fetchAnomalies(db, view({ region: "610728", severity: "error" })).map((r) => r.rule)).toEqual(["carryover.mismatch"]);
    expect(fetchAnomalies(db, view({ region: "610728", from: 2024, to: 2024 })).map((r) => r.rule).sort()).toEqual(["report.duplicate", "text.copiedLastYear"]);
    expect(fetchAnomalies(db, view({ region: "610702" }))).toEqual([]);
  });

  it("leads each finding to its report at its line, its agency, and the report its evidence names", () => {
    const rows = fetchAnomalies(db, view({ region: "610728", rule: "carryover.mismatch" }));
    const table = anomalyTable(rows);
    expect(table.headers).toEqual(["严重程度", "问题类型", "机关", "所在地区", "年度", "问题", "依据", "规则", "原文行"]);
    const line = rows[0].line!;
    expect(table.rows).toEqual([
      [
        "错误",
        "结转数前后不接",
        town(2),
        TOWNS[2].name,
        "2023",
        "2022年度报告“结转下年度继续办理”为自然人1件、总计1件,本年度“上年结转”却为自然人0件、总计0件。",
        `相关年报:${town(2)}2022年度`,
        "carryover.mismatch",
        line,
      ],
    ]);
    const id = reportId(town(2), 2023);
    expect(table.links?.[0]).toEqual([null, null, `/agencies/${rows[0].agencyId}`, null, `/reports/${id}`, `/reports/${id}#L${line}`, `/reports/${reportId(town(2), 2022)}`, null, `/reports/${id}#L${line}`]);
  });

  it("reads its params strictly: an unknown rule or severity is refused in Chinese", () => {
    expect(readParams(anomalyParams, { region: "610728", rule: "figure.jump", severity: "warning" })).toEqual({ ok: true, value: { region: "610728", rule: "figure.jump", severity: "warning" } });
    expect(readParams(anomalyParams, { rule: "no.such" })).toMatchObject({ ok: false, error: expect.stringContaining("未知的规则") });
    expect(readParams(anomalyParams, { severity: "fatal" })).toMatchObject({ ok: false, error: expect.stringContaining("严重程度应为") });
  });
});

describe("the heat table", () => {
  it("counts each town's findings by kind, most first; a county's own agencies would be its 本级", () => {
    const heat = fetchAnomalyHeat(db, view({ region: "610728" }));
    expect(heat.rules).toEqual(["carryover.mismatch", "report.duplicate", "figure.jump", "figure.peerOutlier", "text.copiedLastYear", "text.sharedAcrossAgencies"]);
    expect(heat.rows.map((r) => [r.name, r.total])).toEqual([
      [TOWNS[0].name, 2],
      ...[2, 3, 4, 5, 6].map((n) => [TOWNS[n].name, 1]),
    ]);
    expect(heatTable(heat).rows[0]).toEqual([TOWNS[0].name, TOWNS[0].code, 2, 0, 0, 1, 1, 0, 0]);
  });

  it("under a city, counts by county", () => {
    expect(fetchAnomalyHeat(db, view({ region: "6107" })).rows.map((r) => [r.code, r.name, r.total])).toEqual([["610728", "镇巴县", 7]]);
  });
});

describe("GET /api/anomalies.csv", () => {
  const get = (query: string) => GET(new NextRequest(`http://localhost/api/anomalies.csv${query}`));

  it("downloads the filtered list as an Excel-ready attachment named after what it holds", async () => {
    const response = await get("?region=610728&rule=text.sharedAcrossAgencies");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"nianbao-anomalies-list-610728-2021-2024.csv\"; filename*=UTF-8''" + encodeURIComponent("异常清单_镇巴县_与其他机关雷同_2021-2024_合成样例.csv"),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).split("\r\n");
    expect(lines[0]).toBe("严重程度,问题类型,机关,所在地区,年度,问题,依据,规则,原文行");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 5).join(","))).toEqual([4, 5].map((n) => `警告,与其他机关雷同,${town(n)},${TOWNS[n].name},2023`).sort());
  });

  it("downloads the heat table and the rules", async () => {
    const heat = (await (await get("?region=610728&view=heat")).text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(heat[0]).toBe("地区,地区代码,合计,结转数前后不接,同年多份年报不一致,数字较往年突增,数字远离同类机关,照抄往年,与其他机关雷同");
    expect(heat).toHaveLength(7);
    const rules = (await (await get("?view=rules")).text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(rules[0]).toBe("问题类型,规则,严重程度,类别,比较范围,说明");
    expect(rules).toHaveLength(24);
  });

  it("refuses malformed params (400) and answers 404 for a region or year that is not there", async () => {
    expect((await get("?rule=no.such")).status).toBe(400);
    expect((await get("?view=pie")).status).toBe(400);
    const unknown = await get("?region=999999");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("未知的地区代码：999999");
    expect((await get("?from=2030")).status).toBe(404);
  });
});
