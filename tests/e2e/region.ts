/** A county's page, a township's reached from it by clicking, and an empty region. */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { chartMatchesCsv, csvMatchesTable, screenshot, YEAR_CHARTS, type Context } from "./support";

export async function checkRegion(ctx: Context, expected: Expected, county: { code: string; name: string }, silentTownship: string): Promise<void> {
  const { page, baseUrl } = ctx;
  const span = expected.yearSpan();
  await page.goto(`${baseUrl}/regions/${county.code}`);
  await page.getByRole("heading", { level: 1, name: `${county.name} · ${span.first}–${span.last}年` }).waitFor();
  const reports = await page.locator(".figure", { hasText: "年报" }).first().locator(".figure-value").textContent();
  assert.equal(reports, `${expected.reports({ region: county.code, from: span.first, to: span.last }).toLocaleString("en-US")} 份`);
  for (const chart of YEAR_CHARTS) await chartMatchesCsv(page, chart);

  const subregions = await csvMatchesTable(page, "subregions");
  const silent = subregions.find((row) => row[0] === silentTownship);
  assert.deepEqual(silent?.slice(2, 4), ["0", "0"], `${silentTownship} is listed with no reports, not hidden`);
  await csvMatchesTable(page, "agencies");
  await screenshot(ctx, "region-county");

  const township = expected.busiestTownship(county.code);
  await page.locator("[data-view=subregions]").getByRole("link", { name: township.name, exact: true }).click();
  await page.waitForURL(`**/regions/${township.code}?from=${span.first}&to=${span.last}`);
  await page.getByRole("heading", { level: 1, name: `${township.name} · ${span.first}–${span.last}年` }).waitFor();
  assert.equal(await page.locator("[data-view=subregions]").count(), 0, "a township has no sub-regions");
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: `${county.name} · ${span.first}–${span.last}年` }).waitFor();

  // a province with no reports says so instead of drawing empty charts
  await page.goto(`${baseUrl}/regions/11`);
  await page.getByText("没有已导入的年报，因此没有图表").waitFor();
  assert.equal(await page.locator(".recharts-wrapper").count(), 0, "no empty charts");
  await screenshot(ctx, "region-empty");
}
