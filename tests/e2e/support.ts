/** What every browser check needs: downloading a panel's CSV, reading a table as shown, comparing the two. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Page } from "playwright-core";

export interface Context {
  page: Page;
  baseUrl: string;
  /** where screenshots go (git-ignored) */
  shots: string;
}

export async function screenshot({ page, shots }: Context, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `e2e-${name}.png`), fullPage: true });
}

export function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith("\uFEFF"), "CSV opens with a BOM");
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

/** Clicks the `index`th CSV link of a panel (data-view) and reads the file the browser saves. */
export async function download(page: Page, view: string, index = 0): Promise<{ name: string; rows: string[][] }> {
  const link = page.locator(`[data-view="${view}"] a.csv-link`).nth(index);
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), rows: parseCsv(readFileSync((await file.path())!, "utf8")) };
}

/** A number as the page prints it (12,345.6; — for none), as the CSV writes it. */
export function unformat(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "—") return "";
  return /^-?[\d,]+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
}

/** The table of a panel as shown: header row and body rows, cell texts unformatted. */
export async function shownTable(page: Page, view: string): Promise<string[][]> {
  return page.locator(`[data-view="${view}"] table.data-table tr`).evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").replace(/[▲▼↕]/g, "").trim())),
  ).then((rows) => rows.map((row) => row.map(unformat)));
}

/** Equal as printed: numbers within the page's two decimals, text exactly. */
function sameCell(shown: string, csv: string): boolean {
  if (shown === csv) return true;
  const a = Number(shown);
  const b = Number(csv);
  return shown !== "" && csv !== "" && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) < 0.006;
}

/** The number cells of a table in the official layout, in reading order, as printed (blanks left out). */
export async function officialNumbers(page: Page, view: string): Promise<string[]> {
  const texts = await page
    .locator(`[data-view="${view}"] table.official-table td.num`)
    // the number only: a cell's link may carry a finding mark after it
    .evaluateAll((cells) => cells.map((cell) => (cell.querySelector("a") ?? cell).firstChild?.textContent ?? ""));
  return texts.map(unformat).filter((text) => text !== "");
}

/** The number cells of a CSV in the official layout, in reading order. */
export function csvNumbers(rows: string[][]): string[] {
  return rows.flat().filter((cell) => /^-?\d+(\.\d+)?$/.test(cell));
}

/** Two lists of numbers equal as printed (within the page's two decimals). */
export function assertSameNumbers(csv: string[], shown: string[], what: string): void {
  assert.equal(csv.length, shown.length, `${what}: as many numbers in the CSV as on the page`);
  csv.forEach((cell, i) => assert.ok(sameCell(shown[i], cell), `${what} number ${i}: page "${shown[i]}", CSV "${cell}"`));
}

/** The panel's CSV holds the table the page shows, cell for cell (a panel without rows: the header only); returns the CSV rows. */
export async function csvMatchesTable(page: Page, view: string): Promise<string[][]> {
  const shown = await shownTable(page, view);
  const { rows } = await download(page, view);
  if (shown.length === 0) {
    assert.equal(rows.length, 1, `${view} shows no rows: its CSV holds the header only`);
    return rows;
  }
  assert.equal(rows.length, shown.length, `${view}: as many CSV rows as table rows`);
  rows.forEach((row, i) => {
    assert.equal(row.length, shown[i].length, `${view} row ${i}: as many cells`);
    row.forEach((cell, j) => assert.ok(sameCell(shown[i][j], cell), `${view} row ${i} cell ${j}: page "${shown[i][j]}", CSV "${cell}"`));
  });
  return rows;
}

/** A chart draws one bar per non-zero cell of its CSV (a 0 or a gap has no height); returns the CSV rows. */
export async function chartMatchesCsv(page: Page, view: string): Promise<string[][]> {
  const { rows } = await download(page, view);
  const bars = rows.slice(1).flatMap((row) => row.slice(1)).filter((cell) => cell !== "" && Number(cell) !== 0).length;
  const selector = `[data-view="${view}"] .recharts-bar-rectangle path.recharts-rectangle`;
  try {
    await page.waitForFunction(([css, n]) => document.querySelectorAll(css).length === n, [selector, bars] as const, { timeout: 10_000 });
  } catch {
    assert.fail(`${view}: the CSV has ${bars} non-zero cells, the chart draws ${await page.locator(selector).count()} bars`);
  }
  return rows;
}

export const YEAR_CHARTS = ["proactive", "requests", "reviews", "litigation"];

/** Fails unless `url` answers 404 with the Chinese not-found page and a way back. */
export async function answersNotFound(page: Page, url: string, title: string): Promise<void> {
  const response = await page.goto(url);
  assert.equal(response?.status(), 404, `${url} answers 404`);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  assert.equal(await page.getByRole("link", { name: "返回总览" }).count(), 1, `${url} offers a way back`);
}
