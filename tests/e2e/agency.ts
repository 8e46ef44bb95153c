/** An agency that skipped a year: the year shows as missing; every table's CSV matches it. */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { chartMatchesCsv, csvMatchesTable, screenshot, YEAR_CHARTS, type Context } from "./support";

export async function checkAgency(ctx: Context, expected: Expected, agency: { code: string; missingYear: number }): Promise<void> {
  const { page, baseUrl } = ctx;
  const { id, name } = expected.agencyAt(agency.code);
  await page.goto(`${baseUrl}/agencies/${id}`);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  assert.match(await page.locator(".facts").innerText(), new RegExp(`未发布年度\\s*${agency.missingYear}年`), "the facts name the year with no report");

  const years = await csvMatchesTable(page, "agency-reports");
  assert.deepEqual(years.find((row) => row[0] === String(agency.missingYear))?.slice(1, 2), ["未发布"], "the missing year is listed as 未发布");
  for (const section of ["agency-proactive", "agency-requests", "agency-reviews"]) {
    const rows = await csvMatchesTable(page, section);
    const column = rows[0].indexOf(`${agency.missingYear}年`);
    assert.ok(rows.slice(1).every((row) => row[column] === ""), `${section}: no figures in the missing year`);
  }
  await csvMatchesTable(page, "agency-findings");
  for (const chart of YEAR_CHARTS) {
    const rows = await chartMatchesCsv(page, chart);
    assert.ok(rows.find((row) => row[0] === String(agency.missingYear))!.slice(1).every((cell) => cell === ""), `${chart}: a gap in the missing year`);
  }
  // one number per section checked against the database, through its link to the source line
  const first = page.locator("[data-view=agency-requests] tbody tr").first().locator("td a").first();
  const href = (await first.getAttribute("href"))!;
  const [, reportId, line] = href.match(/^\/reports\/(\d+)#L(\d+)$/)!;
  assert.equal((await first.innerText()).replace(/,/g, ""), String(expected.value(Number(reportId), "requests.newReceived.total").value));
  assert.equal(expected.value(Number(reportId), "requests.newReceived.total").line, Number(line));
  await screenshot(ctx, "agency");
}
