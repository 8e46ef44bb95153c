/**
 * GET /api/csv/{view}: the route handler itself, on a database built by the real ingest from
 * the hand-made reports of tests/queries-fixture.ts: status, headers and the exact bytes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/csv/[view]/route";
import { buildFixtureDatabase } from "./queries-fixture";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-csv-route-"));
  process.env.NIANBAO_DB = buildFixtureDatabase(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function get(view: string, query = ""): Promise<Response> {
  return GET(new NextRequest(`http://localhost/api/csv/${view}${query}`), { params: Promise.resolve({ view }) });
}

describe("GET /api/csv/[view]", () => {
  it("answers the request outcomes of 镇巴县 2023–2024 as an Excel-ready CSV attachment", async () => {
    const response = await get("requests", "?region=610728&from=2023&to=2024");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"nianbao-requests-610728-2023-2024.csv\"; filename*=UTF-8''" + encodeURIComponent("依申请公开办理结果_镇巴县_2023-2024_合成样例.csv"),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // 2023: the county office and 泾洋街道; 2024: those two and 渔渡镇's revised report
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(
      ["年度,予以公开,部分公开,不予公开,无法提供,不予处理,其他处理", "2023,10,2,0,4,1,0", "2024,12,3,2,4,1,1"].join("\r\n"),
    );
  });

  it("names the whole country and a single year when the filters say so", async () => {
    const response = await get("agencies", "?from=2020&to=2020");
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("机关一览_全国_2020.csv"));
    const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("机关,类型,所在地区,年报（份）,主动公开信息（条）,新收申请,予以公开,行政复议,行政诉讼,错误,警告,数据来源");
    expect(rows).toEqual([expect.stringMatching(/^镇巴县人民政府办公室,[^,]+,镇巴县,1,1200,12,6,1,0,0,\d+,年报原文$/)]);
  });

  it("refuses malformed params with 400 and says why in Chinese", async () => {
    const badYear = await get("proactive", "?from=abc");
    expect(badYear.status).toBe(400);
    expect(await badYear.text()).toMatch(/^参数有误：/);
  });

  it("answers 404, in Chinese, for a region, agency or year that is not there", async () => {
    const unknownRegion = await get("proactive", "?region=999999");
    expect(unknownRegion.status).toBe(404);
    expect(await unknownRegion.text()).toBe("未知的地区代码：999999");
    const unknownYear = await get("proactive", "?from=2019");
    expect(unknownYear.status).toBe(404);
    expect(await unknownYear.text()).toBe("没有2019年的年报（已导入2020–2024年）");
    const unknownAgency = await get("proactive", "?agency=9999");
    expect(await unknownAgency.text()).toBe("没有编号为 9999 的机关");
  });

  it("answers 404 for a view it does not have, and when no database is loaded", async () => {
    expect((await get("everything")).status).toBe(404);
    const loaded = process.env.NIANBAO_DB;
    process.env.NIANBAO_DB = join(dir, "missing.db");
    try {
      const response = await get("requests");
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("尚未导入年报数据");
    } finally {
      process.env.NIANBAO_DB = loaded;
    }
  });
});
