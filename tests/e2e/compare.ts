/** Compare: the numbers against the database, sorting from the keyboard, back, every CSV. */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { csvMatchesTable, download, screenshot, shownTable, type Context } from "./support";

export async function checkCompare(ctx: Context, expected: Expected, county: { code: string; name: string }): Promise<void> {
  const { page, baseUrl } = ctx;
  const year = expected.yearSpan().last;
  const url = `${baseUrl}/compare?region=${county.code}&year=${year}&metric=received&metric=grantedShare`;
  await page.goto(url);
  await page.getByRole("heading", { level: 1, name: `${county.name} · ${year}年 · 机关对比` }).waitFor();

  const [headers, ...rows] = await shownTable(page, "compare");
  const received = expected.receivedByAgency(county.code, year);
  assert.equal(rows.length, received.size, "one row per agency with a report of the year");
  for (const row of rows) assert.equal(row[headers.indexOf("新收申请")], String(received.get(row[0])), `${row[0]}: 新收申请`);
  const base = headers.indexOf("予以公开率 分母：办理总计");
  const rank = headers.indexOf("予以公开率 排名");
  for (const row of rows) if (row[base] !== "" && Number(row[base]) < 10) assert.equal(row[rank], "", `${row[0]}: a rate on fewer than 10 is not ranked`);

  const bars = await page.locator("[data-view=compare-ranking] .recharts-bar-rectangle").count();
  const ranking = await download(page, "compare-ranking");
  // a bar of 0 has no length to draw
  assert.equal(bars, ranking.rows.slice(1).filter((row) => Number(row[2]) !== 0).length, "one bar per ranked agency");
  assert.equal(await page.locator("[data-view=compare-ranking] .recharts-yAxis .recharts-cartesian-axis-tick").count(), ranking.rows.length - 1, "every ranked agency is named");
  const trends = await download(page, "compare-trends");
  assert.equal(trends.rows.length - 1, received.size * (expected.yearSpan().last - expected.yearSpan().first + 1), "the trends CSV holds each agency's every year");
  await screenshot(ctx, "compare");

  // sort from the keyboard; the order is in the URL, and back restores it
  const header = page.locator("[data-view=compare] th", { hasText: "新收申请 增减（%）" }).getByRole("link");
  await header.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/sort=received\.changePct&dir=desc/);
  await page.locator('[data-view=compare] th[aria-sort="descending"]', { hasText: "增减（%）" }).waitFor();
  const [sortedHeaders, ...sorted] = await shownTable(page, "compare");
  const changes = sorted.map((row) => row[sortedHeaders.indexOf("新收申请 增减（%）")]).filter((cell) => cell !== "").map(Number);
  assert.deepEqual(changes, [...changes].sort((a, b) => b - a), "sorted highest first, blanks last");
  await csvMatchesTable(page, "compare");
  await page.goBack();
  await page.waitForURL(url.replace(baseUrl, "**"));
  await page.locator('[data-view=compare] th[aria-sort="descending"]', { hasText: /^新收申请/ }).first().waitFor();
}
