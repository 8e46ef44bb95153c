/** The region's combined tables: every number against the database, its CSV in the same layout. */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { assertSameNumbers, csvMatchesTable, csvNumbers, download, officialNumbers, screenshot, unformat, type Context } from "./support";

const FIELDS = ["requests.newReceived.total", "requests.granted.total", "proactive.licensing.decisions", "review.total"];

export async function checkSummary(ctx: Context, expected: Expected, county: { code: string; name: string }): Promise<void> {
  const { page, baseUrl } = ctx;
  const year = expected.yearSpan().last;
  await page.goto(`${baseUrl}/summary?region=${county.code}&year=${year}`);
  await page.getByRole("heading", { level: 1, name: `${county.name}${year}年政府信息公开工作年度报告汇总表` }).waitFor();

  assert.match(await page.locator(".summary-count").innerText(), new RegExp(`汇总了 ${expected.summarySum(county.code, year, FIELDS[0]).reports} 份年报`));
  for (const field of FIELDS) {
    const shown = unformat(await page.locator(`[data-view=summary] td[data-field="${field}"]`).innerText());
    assert.equal(shown, String(expected.summarySum(county.code, year, field).sum), `${field}: the sum over the reports without errors`);
  }
  const layout = await download(page, "summary");
  assert.equal(layout.rows[0][0], "二、主动公开政府信息情况", "the CSV opens with the first table's heading");
  assertSameNumbers(csvNumbers(layout.rows), await officialNumbers(page, "summary"), "the summary tables");
  const reports = await csvMatchesTable(page, "summary-reports");
  assert.ok(reports.some((row) => row[1] === "未计入：检查有错误"), "the reports left out for errors are listed");
  await screenshot(ctx, "summary");
}
