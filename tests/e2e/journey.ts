/**
 * The supervising office's question "where does this number come from?", by clicking only:
 * overview → a township's agency → its report of the latest year → a number → its source line.
 */
import assert from "node:assert/strict";
import type { Expected } from "./expected";
import { screenshot, unformat, type Context } from "./support";

const FIELD = "requests.granted.total";

export async function checkJourney(ctx: Context, expected: Expected, county: { code: string; name: string }): Promise<void> {
  const { page, baseUrl } = ctx;
  const year = expected.yearSpan().last;
  const township = expected.busiestTownship(county.code);
  const agency = expected.agencyAt(township.code);
  const reportId = expected.reportOf(agency.id, year);
  assert.ok(reportId, `${agency.name} has a ${year} report`);

  await page.goto(`${baseUrl}/?region=${county.code}`);
  await page.locator("[data-view=agencies]").getByRole("link", { name: agency.name, exact: true }).click();
  await page.waitForURL(`**/agencies/${agency.id}`);
  await page.getByRole("heading", { level: 1, name: agency.name }).waitFor();

  await page.locator("[data-view=agency-reports]").getByRole("link", { name: String(year), exact: true }).click();
  await page.waitForURL(`**/reports/${reportId}`);
  await page.getByRole("heading", { level: 1, name: `${agency.name}${year}年政府信息公开工作年度报告` }).waitFor();

  const { value, line } = expected.value(reportId, FIELD);
  const cell = page.locator(`td[data-field="${FIELD}"]`);
  assert.equal(unformat(await cell.innerText()), String(value), `the report shows ${FIELD} as stored`);
  await cell.getByRole("link").click();
  await page.waitForURL(`**/reports/${reportId}#L${line}`);
  const highlighted = page.locator(".source-text li:target");
  assert.equal(await highlighted.getAttribute("id"), `L${line}`, "the number's source line is the one highlighted");
  assert.equal(await highlighted.textContent(), expected.sourceLine(reportId, line!), "the highlighted line is the stored source line");
  assert.ok((await highlighted.textContent())!.includes(String(value)), "the source line prints the number");
  const box = await highlighted.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height, "the source line is scrolled into view");
  assert.notEqual(await highlighted.evaluate((li) => getComputedStyle(li).backgroundColor), "rgba(0, 0, 0, 0)", "the source line is highlighted");
  await screenshot(ctx, "journey-report-traced");
}
