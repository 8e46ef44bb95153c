/** The overview in a real browser: draw, filter, go back, download. Each check throws when it fails. */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Expected, Scope } from "./expected";
import { chartMatchesCsv, csvMatchesTable, download, YEAR_CHARTS } from "./support";

const BARS = "[data-view=requests] .recharts-bar-rectangle path.recharts-rectangle";

export interface Timings {
  firstChartsMs: number;
  filterRedrawMs: number;
}

/** Waits until the requests chart has drawn `count` bars; fails saying how many it has. */
async function barsSettleAt(page: Page, count: number): Promise<void> {
  try {
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length === n, [BARS, count] as const, { timeout: 15_000 });
  } catch {
    assert.fail(`expected ${count} bars in the requests chart, the page shows ${await page.locator(BARS).count()}`);
  }
}

async function showsScope(page: Page, expected: Expected, scope: Scope, title: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await barsSettleAt(page, expected.requestBars(scope));
  const figure = await page.locator(".figure", { hasText: "年报" }).first().locator(".figure-value").textContent();
  assert.equal(figure, `${expected.reports(scope).toLocaleString("en-US")} 份`, "key figure 年报");
}

/** The requests CSV holds the outcome sums the chart draws, year by year. */
async function requestsCsvMatches(page: Page, expected: Expected, scope: Scope, regionName: string): Promise<void> {
  const csv = await download(page, "requests");
  assert.equal(csv.name, `依申请公开办理结果_${regionName}_${scope.from}-${scope.to}_合成样例.csv`, "the file name says the view, region, years and sample data");
  const [headers, ...rows] = csv.rows;
  assert.deepEqual(headers, ["年度", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]);
  const want = expected.requestOutcomes(scope).map((row) => [String(row.year), ...row.sums.map((s) => (s == null ? "" : String(s)))]);
  assert.deepEqual(rows, want);
  const nonZero = rows.flatMap((row) => row.slice(1)).filter((cell) => cell !== "" && Number(cell) !== 0).length;
  assert.equal(await page.locator(BARS).count(), nonZero, "one bar per non-zero CSV cell");
}

/** The agency CSV is the agency table as the page prints it, cell for cell. */
async function agencyCsvMatchesTable(page: Page): Promise<void> {
  const [headers, ...rows] = await csvMatchesTable(page, "agencies");
  assert.ok(headers.includes("数据来源") && rows.every((row) => row.at(-1) === "合成样例"), "every sample agency is marked synthetic");
}

export async function checkOverview(page: Page, baseUrl: string, expected: Expected, county: { code: string; name: string }, shots: string): Promise<Timings> {
  const span = expected.yearSpan();
  const all: Scope = { region: county.code, from: span.first, to: span.last };

  let started = performance.now();
  await page.goto(`${baseUrl}/?region=${county.code}`);
  await showsScope(page, expected, all, `${county.name} · ${span.first}–${span.last}年`);
  const firstChartsMs = performance.now() - started;
  await page.getByText("样例数据（合成）").waitFor();
  // the region selects hold one level of children each, never the gazetteer
  assert.ok((await page.locator(".filters option").count()) < 200, "region selects load only the chosen levels");
  await page.screenshot({ path: join(shots, "e2e-1-county.png"), fullPage: true });

  const later: Scope = { ...all, from: span.last - 2 };
  assert.notEqual(expected.requestBars(later), expected.requestBars(all), "the sample must make the year filter visible");
  started = performance.now();
  await page.locator("select[name=from]").selectOption(String(later.from));
  await page.waitForURL(`**/?region=${county.code}&from=${later.from}&to=${span.last}`);
  await showsScope(page, expected, later, `${county.name} · ${later.from}–${span.last}年`);
  const filterRedrawMs = performance.now() - started;
  await page.screenshot({ path: join(shots, "e2e-2-years.png"), fullPage: true });

  const township = expected.busiestTownship(county.code);
  const inTownship: Scope = { ...later, region: township.code };
  await page.locator("select[name=level4]").selectOption(township.code);
  await page.waitForURL(`**/?region=${township.code}&from=${later.from}&to=${span.last}`);
  await showsScope(page, expected, inTownship, `${township.name} · ${later.from}–${span.last}年`);
  await page.screenshot({ path: join(shots, "e2e-3-township.png"), fullPage: true });

  await page.goBack();
  await showsScope(page, expected, later, `${county.name} · ${later.from}–${span.last}年`);
  assert.equal(await page.locator("select[name=from]").inputValue(), String(later.from), "back restores the year select");

  await requestsCsvMatches(page, expected, later, county.name);
  await agencyCsvMatchesTable(page);
  for (const chart of YEAR_CHARTS) await chartMatchesCsv(page, chart);

  // a malformed link is refused (400) and says in Chinese which param is wrong
  const malformed = await fetch(`${baseUrl}/?region=abc&from=x&to=99999`);
  assert.equal(malformed.status, 400, "the overview refuses a malformed link");
  assert.match(await malformed.text(), /链接中的参数有误[\s\S]*地区代码应为2、4、6或9位数字/);
  const refused = await fetch(`${baseUrl}/api/csv/requests?from=x`);
  assert.equal(refused.status, 400, "the CSV route refuses a malformed year");

  return { firstChartsMs, filterRedrawMs };
}
