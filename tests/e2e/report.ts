/** A report with errors: findings on their cells, each download matching what is shown. */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { assertSameNumbers, csvMatchesTable, csvNumbers, download, officialNumbers, screenshot, type Context } from "./support";

export async function checkReport(ctx: Context, expected: Expected, county: { code: string }): Promise<void> {
  const { page, baseUrl } = ctx;
  const report = expected.reportWithErrors(county.code);
  await page.goto(`${baseUrl}/reports/${report.id}`);
  await page.locator("[data-view=report-tables] table.official-table").first().waitFor();

  const flagged = await page.locator("td.flag-error").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-field")!));
  assert.ok(flagged.length > 0, "the cells an error concerns are marked");
  for (const field of flagged) assert.ok(report.fields.has(field), `${field} is marked only when an error concerns it`);
  for (const field of report.fields) {
    if ((await page.locator(`td[data-field="${field}"]`).count()) > 0) assert.ok(flagged.includes(field), `${field} carries its error`);
  }
  await screenshot(ctx, "report-findings");

  await csvMatchesTable(page, "report-findings");
  const layout = await download(page, "report-tables", 0);
  assertSameNumbers(csvNumbers(layout.rows), await officialNumbers(page, "report-tables"), "the report's tables");
  const narrative = await download(page, "report-narrative");
  const long = await download(page, "report-tables", 1);
  assert.deepEqual(narrative.rows, long.rows, "the text's figures download with the tables' (one list of every figure and its line)");
  const [headers, ...rows] = long.rows;
  assert.deepEqual(headers, ["栏目", "项目", "列", "字段", "数值", "原文行"]);
  for (const [, , , field, value, line] of rows.filter((row) => !row[3].startsWith("narrative."))) {
    const stored = expected.value(report.id, field);
    assert.equal(value, stored.value == null ? "" : String(stored.value), `${field} in the CSV`);
    assert.equal(line, stored.line == null ? "" : String(stored.line), `${field}'s line in the CSV`);
  }
}

/** A revised report: the current version says a revision exists, the old one points to it. */
export async function checkRevision(ctx: Context, expected: Expected): Promise<void> {
  const { page, baseUrl } = ctx;
  const { current, earlier } = expected.revision();
  await page.goto(`${baseUrl}/reports/${current}`);
  const notice = page.getByRole("note").filter({ hasText: "本年报有修订" });
  assert.match(await notice.innerText(), /另存1个旧版本/);
  await notice.getByRole("link").click();
  await page.waitForURL(`${baseUrl}/reports/${earlier}`);
  const old = page.getByRole("note").filter({ hasText: "已被替换的旧版本" });
  await old.getByRole("link", { name: "查看现行版本" }).click();
  await page.waitForURL(`${baseUrl}/reports/${current}`);
}
