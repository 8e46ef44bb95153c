/**
 * The built app as an office network would reach it: security headers on pages and downloads,
 * every page refusing a malformed param with 400, no file served by a path in the URL, and a report whose agency name and text are HTML shown as
 * text, with no script run. Runs last: it ingests that hostile report into the e2e database.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIRST_RUN, reportText } from "../queries-fixture";
import type { Context } from "./support";

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert("xss")</script>人民政府';

const HEADERS: Record<string, RegExp> = {
  "content-security-policy": /default-src 'self'.*frame-ancestors 'none'/,
  "x-content-type-options": /^nosniff$/,
  "x-frame-options": /^DENY$/,
};

async function assertHeaders(url: string, status = 200): Promise<Response> {
  const response = await fetch(url);
  assert.equal(response.status, status, `${url} answers ${status}`);
  for (const [name, value] of Object.entries(HEADERS)) assert.match(response.headers.get(name) ?? "", value, `${url}: ${name}`);
  return response;
}

/** A malformed param of each page, and the words that must say what is wrong with it. */
const MALFORMED: [string, RegExp][] = [
  ["/?from=<script>alert(1)</script>", /年度应为数字/],
  ["/regions/610728?to=二〇二一", /年度应为数字/],
  ["/compare?metric=nope", /未知的指标/],
  ["/summary?region=61a", /地区代码应为2、4、6或9位数字/],
  ["/coverage?from=1900", /年度不早于1990年/],
  ["/anomalies?severity=fatal", /严重程度应为 error、warning 或 info/],
];

/** Every page refuses a malformed param with 400 and a Chinese reason, markup in the URL shown as text. */
async function checkMalformedParams(baseUrl: string): Promise<void> {
  for (const [path, reason] of MALFORMED) {
    const body = await (await assertHeaders(baseUrl + encodeURI(path), 400)).text();
    assert.match(body, /链接中的参数有误/, `${path}: says the link is wrong`);
    assert.match(body, reason, `${path}: says why`);
    assert.doesNotMatch(body, /<script>alert/, `${path}: nothing from the URL becomes markup`);
  }
}

/** Writes one report under the hostile name in 镇巴县 and loads it; returns its path on disk. */
export function writeHostileReport(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const base = FIRST_RUN.find((s) => s.region === "610728" && s.year === 2024)!;
  const spec = { ...base, agency: HOSTILE, region: "610728112", file: "hostile.txt" };
  writeFileSync(join(dir, spec.file), reportText(spec));
  const quoted = `"${spec.agency.replace(/"/g, '""')}"`;
  writeFileSync(join(dir, "manifest.csv"), `file,agency,year,region_code\n${spec.file},${quoted},${spec.year},${spec.region}\n`);
  return join(dir, "manifest.csv");
}

export async function checkSecurity({ page, baseUrl }: Context, ingest: () => void): Promise<void> {
  for (const path of ["/", "/regions/610728", "/coverage?region=610728", "/api/csv/requests?region=610728", "/api/anomalies.csv?region=610728"]) {
    await assertHeaders(baseUrl + path);
  }
  await checkMalformedParams(baseUrl);

  for (const path of ["/api/csv/..%2f..%2fetc%2fpasswd", "/api/csv/requests?file=../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/_next/static/..%2f..%2f..%2fpackage.json", "/api/csv/%2e%2e%2f%2e%2e%2fpackage.json"]) {
    const response = await fetch(baseUrl + path);
    const body = await response.text();
    assert.ok([200, 400, 404].includes(response.status), `${path} answers ${response.status}`);
    assert.doesNotMatch(body, /root:x:0|"name": "nianbao"/, `${path} serves no file`);
  }

  ingest();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const region = await fetch(`${baseUrl}/regions/610728112`).then((r) => r.text());
  const agencyPath = /href="(\/agencies\/\d+)"[^>]*>&lt;img/.exec(region)?.[1];
  assert.ok(agencyPath, "the hostile agency is listed, escaped, on its township's page");
  const agency = await fetch(baseUrl + agencyPath).then((r) => r.text());
  const reportPath = /href="(\/reports\/\d+)/.exec(agency)?.[1];
  assert.ok(reportPath, "the agency page links its report");
  for (const html of [region, agency, await fetch(baseUrl + reportPath).then((r) => r.text())]) {
    assert.doesNotMatch(html, /<script>alert|<img src=x/, "the name is not markup");
    assert.match(html, /&lt;script&gt;alert|&lt;img src=x/, "the name is escaped text");
  }
  await page.goto(baseUrl + reportPath);
  await page.getByText(HOSTILE).first().waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0, "no <img> from the name");
  assert.deepEqual(dialogs, [], "no script ran");
}
