/**
 * The attacks an office network could send, tried on the route handlers themselves over a
 * database built by the real ingest: SQL injection and junk in every param of every CSV view,
 * path traversal in the view name, hostile agency names (HTML, spreadsheet formulas) coming back
 * out of the CSVs as inert text; and, read from the sources, that nothing renders raw HTML, builds
 * SQL from strings or reads files. The built app's headers and its rendering in a browser are
 * checked by tests/e2e/security.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as anomaliesCsv } from "@/app/api/anomalies.csv/route";
import { GET as viewCsv } from "@/app/api/csv/[view]/route";
import { EXPORTS } from "@/lib/queries/exports";
import { FIRST_RUN, reportText, type ReportSpec } from "./queries-fixture";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Agencies whose names are attacks: HTML for a page, formulas for a spreadsheet. */
const HOSTILE_NAMES = {
  script: '<script>alert("xss")</script>人民政府',
  img: "<img src=x onerror=alert(1)>办公室",
  equals: "=2+5镇人民政府",
  plus: "+2+5镇人民政府",
  minus: "-2+5镇人民政府",
  at: "@SUM(1+1)镇人民政府",
};

const SQL_INJECTIONS = ["' OR '1'='1", "610728' OR 1=1 --", "1; DROP TABLE reports; --", "1 UNION SELECT name FROM sqlite_master", '") OR ("1"="1', "2024 OR 1=1"];
const JUNK = ["../../etc/passwd", "<script>alert(1)</script>", "%00", "9".repeat(400), "-1", "1e3", "NaN", "__proto__", "constructor"];

let dir: string;
let reportId: number;
let agencyId: number;

/** The fixture's first run plus one 2024 report per hostile name, all in 镇巴县, loaded by the real ingest. */
function buildHostileDatabase(): string {
  const database = join(dir, "nianbao.db");
  const reports = join(dir, "reports");
  mkdirSync(reports);
  const base = FIRST_RUN.find((s) => s.year === 2024 && s.region === "610728")!;
  const hostile: ReportSpec[] = Object.entries(HOSTILE_NAMES).map(([key, agency], i) => ({ ...base, file: `hostile-${key}.txt`, agency, region: `61072810${i + 2}` }));
  const specs = [...FIRST_RUN, ...hostile];
  for (const spec of specs) writeFileSync(join(reports, spec.file), reportText(spec));
  // the names hold quotes: written as a CSV writer would quote them
  writeFileSync(join(reports, "manifest.csv"), Papa.unparse([["file", "agency", "year", "region_code"], ...specs.map((s) => [s.file, s.agency, s.year, s.region])]) + "\n");
  execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", database, "--manifest", join(reports, "manifest.csv")], { cwd: ROOT, stdio: "pipe" });
  return database;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-security-"));
  const database = buildHostileDatabase();
  const db = new Database(database, { readonly: true });
  ({ reportId, agencyId } = db
    .prepare("SELECT r.id AS reportId, r.agency_id AS agencyId FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = ? AND r.current = 1")
    .get(HOSTILE_NAMES.script) as { reportId: number; agencyId: number });
  db.close();
  process.env.NIANBAO_DB = database;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Get = (query: URLSearchParams) => Promise<Response>;

const csvView =
  (view: string): Get =>
  (query) =>
    viewCsv(new NextRequest(`http://localhost/api/csv/${encodeURIComponent(view)}?${query}`), { params: Promise.resolve({ view }) });
const anomalies: Get = (query) => anomaliesCsv(new NextRequest(`http://localhost/api/anomalies.csv?${query}`));

/** A query each download answers 200 to: every param it reads, set to a good value. */
function goodQueries(): [string, Get, Record<string, string>][] {
  const scope = { region: "610728", from: "2023", to: "2024" };
  const regionYear = { region: "610728", year: "2024" };
  const perView: Record<string, Record<string, string>> = {
    proactive: { ...scope, agency: "" },
    requests: scope,
    reviews: scope,
    litigation: scope,
    agencies: scope,
    subregions: scope,
    coverage: scope,
    "coverage-years": scope,
    compare: { ...regionYear, metric: "granted", sort: "name", dir: "asc" },
    "compare-ranking": { ...regionYear, metric: "granted" },
    "compare-trends": { ...regionYear, metric: "granted" },
    summary: regionYear,
    "summary-reports": regionYear,
    "report-tables": { report: String(reportId) },
    "report-values": { report: String(reportId) },
    "report-findings": { report: String(reportId) },
    "agency-reports": { agency: String(agencyId) },
    "agency-section": { agency: String(agencyId), section: "requests" },
    "agency-findings": { agency: String(agencyId) },
  };
  return [
    ...Object.keys(EXPORTS).map((view): [string, Get, Record<string, string>] => [`/api/csv/${view}`, csvView(view), perView[view] ?? {}]),
    ["/api/anomalies.csv", anomalies, { ...scope, severity: "error", view: "list" }],
  ];
}

const withParam = (query: Record<string, string>, key: string, value: string) => new URLSearchParams({ ...query, [key]: value });

describe("every param of every download, attacked", () => {
  it("has a good query for every download, answered 200", async () => {
    for (const [name, get, query] of goodQueries()) {
      expect(Object.keys(query).length, `${name} has params to attack`).toBeGreaterThan(0);
      const response = await get(new URLSearchParams(query));
      expect(response.status, `${name}?${new URLSearchParams(query)}`).toBe(200);
    }
  });

  it("refuses SQL and junk in any param it reads (400, or 404 for a well-formed id that is not there), never 500, never other data", async () => {
    for (const [name, get, query] of goodQueries()) {
      const good = await (await get(new URLSearchParams(query))).text();
      for (const key of Object.keys(query)) {
        for (const value of [...SQL_INJECTIONS, ...JUNK]) {
          const attacked = withParam(query, key, value);
          const response = await get(attacked);
          const body = await response.text();
          const what = `${name}?${attacked}: ${response.status} ${body.slice(0, 120)}`;
          // a param that only orders rows (sort) may fall back to the default order: the same rows
          if (response.status === 200) expect(body, what).toBe(good);
          else expect([400, 404], what).toContain(response.status);
          // the 400 may quote the value back; it never shows an SQLite error or a stack
          expect(body, what).not.toMatch(/SQLITE_|SqliteError|syntax error|at .*\.ts:\d+/);
        }
      }
    }
  });

  it("ignores params it does not read: the same answer as without them", async () => {
    for (const [name, get, query] of goodQueries()) {
      const good = await (await get(new URLSearchParams(query))).text();
      for (const key of ["file", "path", "sql", "id"]) {
        const attacked = withParam(query, key, key === "sql" ? SQL_INJECTIONS[2] : "../../../../etc/passwd");
        const response = await get(attacked);
        expect(response.status, `${name}?${attacked}`).toBe(200);
        expect(await response.text(), `${name}?${attacked}`).toBe(good);
      }
    }
  });

  it("leaves the database as it was: the injections ran as values, not statements", () => {
    const db = new Database(process.env.NIANBAO_DB!, { readonly: true });
    expect((db.prepare("SELECT COUNT(*) AS n FROM reports").get() as { n: number }).n).toBe(FIRST_RUN.length + Object.keys(HOSTILE_NAMES).length);
    db.close();
  });
});

describe("path traversal", () => {
  it("answers 404 for a view named by a path, with no file's content", async () => {
    for (const view of ["../../etc/passwd", "..%2f..%2fetc%2fpasswd", "..\\..\\package.json", "/etc/passwd", "%2e%2e/%2e%2e/package.json", "__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const response = await csvView(view)(new URLSearchParams({ region: "610728" }));
      const body = await response.text();
      expect(response.status, view).toBe(404);
      expect(body, view).not.toMatch(/root:|"dependencies"|"name": "nianbao"/);
    }
  });
});

describe("hostile agency names in the CSVs", () => {
  /** The agencies table of 镇巴县 2024 as a spreadsheet would read it. */
  async function agencyCells(): Promise<string[]> {
    const response = await csvView("agencies")(new URLSearchParams({ region: "610728", from: "2024", to: "2024" }));
    expect(response.status).toBe(200);
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    return rows.slice(1).map((row) => row[0]);
  }

  it("writes a name that starts with = + - @ behind an apostrophe, so no spreadsheet runs it", async () => {
    const names = await agencyCells();
    for (const key of ["equals", "plus", "minus", "at"] as const) expect(names, key).toContain(`'${HOSTILE_NAMES[key]}`);
    expect(names.filter((name) => /^[=+\-@]/.test(name))).toEqual([]);
  });

  it("writes HTML in a name as the text it is (a CSV is not a page)", async () => {
    const names = await agencyCells();
    expect(names).toContain(HOSTILE_NAMES.script);
    expect(names).toContain(HOSTILE_NAMES.img);
  });

  it("escapes the formula cells of the anomalies download too", async () => {
    const response = await anomalies(new URLSearchParams({ region: "610728" }));
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows.flat().filter((cell) => /^[=+@]|^-(?!\d+(\.\d+)?$)/.test(cell))).toEqual([]);
  });
});

describe("the sources", () => {
  function sources(folder: string): { file: string; text: string }[] {
    return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.(ts|tsx|js)$/.test(file))
      .map((file) => ({ file: relative(ROOT, join(ROOT, folder, file)), text: readFileSync(join(ROOT, folder, file), "utf8") }));
  }
  const web = () => [...sources("app"), ...sources("lib/queries"), ...sources("lib/csv")];

  it("has sources to read (a wrong folder would pass every check below)", () => {
    expect(web().length).toBeGreaterThan(30);
  });

  it("renders no raw HTML: no dangerouslySetInnerHTML, innerHTML or document.write", () => {
    const raw = web().filter(({ text }) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|document\.write|insertAdjacentHTML/.test(text));
    expect(raw.map((s) => s.file)).toEqual([]);
  });

  it("builds no SQL from strings: no prepare or exec of a template string, sql.raw only for the aggregate's fixed column names", () => {
    const built = web().filter(({ text }) => /\.(prepare|exec)\(\s*`[^`]*\$\{/.test(text));
    expect(built.map((s) => s.file)).toEqual([]);
    const raw = web().flatMap(({ file, text }) => [...text.matchAll(/sql\.raw\(([^)]*)\)/g)].map((m) => `${file}: ${m[1]}`));
    expect(raw).toEqual(["lib/queries/aggregate.ts: `m${i}`"]);
  });

  it("reads no files in the app: the database path comes from the environment alone", () => {
    const readers = web().filter(({ text }) => /\b(readFile|readFileSync|createReadStream|readdir|sendFile)\b/.test(text));
    expect(readers.map((s) => s.file)).toEqual([]);
  });
});
