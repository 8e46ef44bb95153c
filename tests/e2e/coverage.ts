/** Who published: the matrix counts what the database holds, silent townships included. */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { csvMatchesTable, screenshot, type Context } from "./support";

export async function checkCoverage(ctx: Context, expected: Expected, county: { code: string; name: string }, silentTownship: string): Promise<void> {
  const { page, baseUrl } = ctx;
  const span = expected.yearSpan();
  await page.goto(`${baseUrl}/coverage?region=${county.code}`);
  await page.getByRole("heading", { level: 1, name: `${county.name} · ${span.first}–${span.last}年 · 发布情况` }).waitFor();

  const want = expected.coverage({ region: county.code, from: span.first, to: span.last });
  const count = (label: string) => page.locator(`[data-view=coverage] td .status`, { hasText: label }).count();
  assert.deepEqual(
    { published: await count("已发布"), withErrors: await count("有错误"), missing: await count("未发布") },
    { published: want.published, withErrors: want.withErrors, missing: want.missing },
    "the matrix shows each agency-year as the database has it",
  );
  assert.ok(want.silentTownships > 0 && want.missing > 0, "the sample leaves gaps to show");
  await page.locator("[data-view=coverage]").getByRole("link", { name: `${silentTownship}（无任何年报）` }).waitFor();

  const matrix = await csvMatchesTable(page, "coverage");
  assert.ok(matrix.some((row) => row[0] === `${silentTownship}（无任何年报）` && row.slice(3).every((cell) => cell === "未发布")));
  await csvMatchesTable(page, "coverage-years");
  await screenshot(ctx, "coverage");

  await page.locator("[data-view=coverage] a", { hasText: "有错误" }).first().click();
  await page.waitForURL("**/reports/*");
  assert.ok((await page.locator("td.flag-error").count()) > 0, "a report published with errors shows them on its cells");
}
