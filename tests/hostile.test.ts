/**
 * Bad input, file by file: each is turned away (or stored for what it is worth) with one line
 * naming the file and the problem, the ingest goes on past it, the good reports beside it are
 * stored, nothing stored before is touched, and the exit code says that something failed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "../db/client";
import { findReportFiles, ingestFiles, type IngestRun } from "../db/ingest";
import { parseReport } from "../lib/parse/index";
import { encodeText } from "../lib/sample/encode";
import { CORPUS, SEEDS } from "./support/shared";

const gbk = (text: string) => encodeText(text, "gb18030");

const seed = (name: string) => readFileSync(join(SEEDS, name), "utf8");
const SEED_000 = seed("000_2efb6d9fb4d36fe3.txt"); // 黎坝镇, 2025
const SEED_001 = seed("001_873059f99be5ef02.txt"); // 镇巴县人民政府办公室, 2024
const SEED_002 = seed("002_29593275bb59ad88.txt"); // 江左镇人民政府, 2022
const SEED_004 = seed("004_3f0c8cd74326bd72.txt"); // 重庆市开州区金峰镇人民政府, 2025
const PINGTAN_2022 = readFileSync(join(CORPUS, "reports", "pingtan-2022.html"), "utf8");

const NEWS = [
  "黎坝镇召开2024年春耕生产动员会",
  "发布时间:2024-03-12 10:25 来源:黎坝镇人民政府 浏览次数:356",
  "3月11日,黎坝镇召开2024年春耕生产动员会,全镇15个村(社区)党支部书记、镇农业综合服务站全体干部职工共60余人参加会议。",
  "会议指出,今年全镇计划种植粮食作物2.3万亩,发放良种1200公斤、化肥35吨;全年举办培训班12期。",
  "会上还通报了2023年度全镇农业生产情况,全镇粮食总产量达1.02万吨,同比增长3.5%。",
].join("\n");

/** Scripts and styles full of report words and numbers, where a browser shows none of them. */
const DECOYS = {
  head: `<style>td{border:1px solid #999} .n::after{content:"主动公开政府信息99999条"}</style>
<script>var stats={"收到政府信息公开申请":88888}; document.write("<table><tr><td>行政许可</td><td>77777</td></tr></table>");</script>
<script type="application/ld+json">{"name":"2018年政府信息公开工作年度报告","requests":66666}</script>`,
  body: `<noscript>二、主动公开政府信息情况 规章 55555</noscript><style>.x{width:44444px}</style>`,
};

function withDecoys(html: string): string {
  return html.replace("</head>", `${DECOYS.head}\n</head>`).replace("<body>", `<body>\n${DECOYS.body}`);
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The seed's table rows in reverse order: every table is there, none can be read. */
function scrambledTables(text: string): string {
  const start = text.indexOf("二、主动公开政府信息情况");
  const end = text.indexOf("五、");
  return text.slice(0, start) + text.slice(start, end).split("\n").reverse().join("\n") + text.slice(end);
}

/** The second half of the text in GBK after a first half in UTF-8. */
function mixedEncodings(text: string): Uint8Array {
  const lines = text.split("\n");
  const half = Math.floor(lines.length / 2);
  return Uint8Array.from([...encode(lines.slice(0, half).join("\n") + "\n"), ...gbk(lines.slice(half).join("\n"))]);
}

/** One byte of a character on line 5 overwritten, as a bad disk or transfer leaves it. */
function brokenByte(text: string): Uint8Array {
  const bytes = encode(text);
  const line5 = encode(text.split("\n").slice(0, 4).join("\n") + "\n").length;
  bytes[line5] = 0xff;
  return bytes;
}

const HOSTILE: Record<string, string | Uint8Array> = {
  "empty.txt": "",
  "blank.txt": "\n \t\n\n",
  "binary.txt": Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  "pdf-named.txt": Uint8Array.from([...encode("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"), 0x78, 0x9c, 0x00, 0x01]),
  "docx-named.txt": Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...encode("[Content_Types].xml")]),
  "doc-named.txt": Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00, 0x3e, 0x00]),
  "broken-byte.txt": brokenByte(SEED_001),
  "mixed-encodings.txt": mixedEncodings(SEED_001),
  "latin1.txt": Buffer.from("Rapport annuel 2024 — résumé: données publiées, coût réduit.\n", "latin1"),
  "news.txt": NEWS,
  "scrambled-tables.txt": scrambledTables(SEED_001),
  "script-page.html": withDecoys(PINGTAN_2022),
  // the good ones, in the encodings and shapes the parser reads
  "cut-mid-character.txt": Uint8Array.from([...encode(SEED_000), ...encode("镇").subarray(0, 2)]),
  "utf16.txt": Uint8Array.from([0xff, 0xfe, ...Buffer.from(SEED_002, "utf16le")]),
  "gbk.txt": gbk(SEED_004),
};

const HUGE_BYTES = 50 * 1024 * 1024;

let root: string;
let dir: string;
let db: NianbaoDb;
let before: unknown[];
let run: IngestRun;

function rows<T>(sql: string, ...args: unknown[]): T[] {
  return db.$client.prepare(sql).all(...args) as T[];
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-hostile-"));
  dir = join(root, "hostile");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(HOSTILE)) writeFileSync(join(dir, name), content);
  // a real report at the head of a sparse 50 MB file: refused by its size, never read
  writeFileSync(join(dir, "huge.txt"), SEED_001);
  truncateSync(join(dir, "huge.txt"), HUGE_BYTES);

  db = openDatabase(join(root, "hostile.db"));
  ingestFiles(db, findReportFiles([join(SEEDS, "003_2a443156898f67a2.txt"), join(CORPUS, "reports", "pingtan-2021.html")]));
  before = storedReports();
  run = ingestFiles(db, findReportFiles([dir]));
});

afterAll(() => {
  db.$client.close();
  rmSync(root, { recursive: true, force: true });
});

function storedReports(): unknown[] {
  return rows(`SELECT r.id, r.source_path, r.current, r.sha256, count(v.field) AS fields, sum(v.value) AS total
               FROM reports r LEFT JOIN report_values v ON v.report_id = r.id GROUP BY r.id ORDER BY r.id`);
}

describe("a folder of bad files beside good ones", () => {
  it("gives every file one outcome and one plain reason, and goes on to the end", () => {
    const line = (name: string) => run.outcomes.find((o) => basename(o.path) === name);
    expect(run.outcomes.map((o) => basename(o.path))).toEqual([...Object.keys(HOSTILE), "huge.txt"].sort());
    expect(run.tally).toEqual({ ingested: 5, updated: 0, unchanged: 0, declined: 1, failed: 10 });
    expect(Object.fromEntries(run.outcomes.filter((o) => o.outcome === "failed").map((o) => [basename(o.path), o.reason]))).toEqual({
      "binary.txt": "二进制文件(含空字节),不是文本或网页",
      "blank.txt": "文件只有空白",
      "broken-byte.txt": "文字编码混杂:有UTF-8文字,也有1处字节不是UTF-8(第5行起;混入了GBK文字,或文件已损坏),请统一另存为UTF-8",
      "doc-named.txt": "这是Word/Excel 97-2003文档(.doc/.xls),不是文本或网页:请先另存为.txt或.html",
      "docx-named.txt": "这是ZIP格式的文件(Word .docx、Excel .xlsx或压缩包),不是文本或网页:请先另存为.txt或.html",
      "empty.txt": "空文件",
      "huge.txt": "文件过大(50.0 MB,上限10.0 MB),不像一份年度报告,未读取",
      "latin1.txt": "无法识别的文字编码:既不是UTF-8也不是GBK/GB18030(第1行起),请另存为UTF-8",
      // the GBK half starts on line 170, with digits and pipes alike in both encodings up to line 178
      "mixed-encodings.txt": "文字编码混杂:有UTF-8文字,也有695处字节不是UTF-8(第178行起;混入了GBK文字,或文件已损坏),请统一另存为UTF-8",
      "pdf-named.txt": "这是PDF文件,不是文本或网页:请先另存为.txt或.html",
    });
    expect(line("news.txt")).toEqual({
      path: join(dir, "news.txt"),
      outcome: "declined",
      reason: "不是年度报告:文中既没有年度报告的标题,也没有年度报告格式规定的章节或统计表。",
    });
  });

  it("records every refusal in ingest_failures with the run", () => {
    const recorded = rows<{ path: string; kind: string }>("SELECT path, kind FROM ingest_failures WHERE run_id = ? ORDER BY path", run.runId);
    expect(recorded.map((r) => [basename(r.path), r.kind])).toEqual(
      run.outcomes.filter((o) => o.outcome !== "ingested").map((o) => [basename(o.path), o.outcome]),
    );
  });

  it("stores the good reports whatever their encoding, the way their UTF-8 text reads", () => {
    const stored = rows<{ source_path: string; name: string; year: number; encoding: string; fields: number }>(
      `SELECT r.source_path, a.name, r.year, r.encoding, count(v.value) AS fields FROM reports r
       JOIN agencies a ON a.id = r.agency_id LEFT JOIN report_values v ON v.report_id = r.id
       WHERE r.source_path LIKE ? GROUP BY r.id ORDER BY r.source_path`,
      `${dir}%`,
    );
    expect(stored.map((r) => [basename(r.source_path), r.name, r.year, r.encoding, r.fields])).toEqual([
      ["cut-mid-character.txt", "黎坝镇", 2025, "utf-8", 200],
      ["gbk.txt", "重庆市开州区金峰镇人民政府", 2025, "gb18030", 200],
      ["scrambled-tables.txt", "镇巴县人民政府办公室", 2024, "utf-8", 0],
      ["script-page.html", "平潭综合实验区", 2022, "utf-8", 200],
      ["utf16.txt", "江左镇人民政府", 2022, "utf-16le", 200],
    ]);
    for (const [file, text] of [["cut-mid-character.txt", SEED_000], ["utf16.txt", SEED_002], ["gbk.txt", SEED_004]]) {
      const values = Object.fromEntries(rows<{ field: string; value: number | null }>(
        "SELECT v.field, v.value FROM report_values v JOIN reports r ON r.id = v.report_id WHERE r.source_path = ?",
        join(dir, file),
      ).map((v) => [v.field, v.value]));
      expect(values).toEqual(parseReport({ fileName: "report.txt", bytes: encode(text) }).values);
    }
  });

  it("leaves the reports stored before exactly as they were", () => {
    expect(storedReports().slice(0, before.length)).toEqual(before);
  });
});

describe("a web page with scripts and styles", () => {
  it("is read as the browser shows it: no number, title or table from a script, style or noscript", () => {
    const stored = rows<{ id: number; source_text: string; proactive_items: number; requests_received: number }>(
      "SELECT id, source_text, proactive_items, requests_received FROM reports WHERE source_path = ?",
      join(dir, "script-page.html"),
    )[0];
    for (const decoy of ["99999", "88888", "77777", "66666", "55555", "44444", "2018年"]) expect(stored.source_text).not.toContain(decoy);
    const clean = parseReport({ fileName: "pingtan-2022.html", bytes: encode(PINGTAN_2022) });
    const values = rows<{ field: string; value: number | null }>("SELECT field, value FROM report_values WHERE report_id = ?", stored.id);
    expect(Object.fromEntries(values.map((v) => [v.field, v.value]))).toEqual(clean.values);
    expect([stored.proactive_items, stored.requests_received]).toEqual([clean.narrative.proactiveItems, clean.narrative.requestsReceived]);
  });
});

describe("a report with every table broken", () => {
  it("is kept for its agency, year and narrative figures, says which tables it lacks, and invents no number", () => {
    const outcome = run.outcomes.find((o) => basename(o.path) === "scrambled-tables.txt");
    expect(outcome?.partial).toBe("“主动公开政府信息情况”“收到和处理政府信息公开申请情况”“政府信息公开行政复议、行政诉讼情况”各节没有统计表");
    expect(
      rows("SELECT parse_status, proactive_items, requests_received, (SELECT count(*) FROM report_values WHERE report_id = r.id AND value IS NOT NULL) AS numbers FROM reports r WHERE source_path = ?", join(dir, "scrambled-tables.txt")),
    ).toEqual([{ parse_status: "partial", proactive_items: 3702, requests_received: 11, numbers: 0 }]);
  });
});

describe("npm run ingest on the same folder", () => {
  it("prints one line per file, no stack trace, and exits 1", () => {
    const cli = spawnSync("npx", ["tsx", "scripts/ingest.ts", "--db", join(root, "cli.db"), dir], { encoding: "utf8" });
    expect(cli.status).toBe(1);
    const perFile = cli.stdout.split("\n").filter((l) => /^(ingested|failed|declined) {2,}/.test(l));
    expect(perFile).toHaveLength(Object.keys(HOSTILE).length + 1);
    expect(cli.stdout).toMatch(/^ingested 5, updated 0, unchanged 0, declined 1, failed 10 \(16 files, [\d.]+ s\)$/m);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a hand-typed manifest with every kind of mistake", () => {
  it("fails only the rows it cannot trust, stores the rest with its facts, says what it does not read, and exits 1", () => {
    const folder = join(root, "manifested");
    mkdirSync(folder);
    for (const [name, text] of [["a.txt", SEED_000], ["b.txt", SEED_002], ["c.txt", SEED_004], ["d.txt", SEED_001]]) writeFileSync(join(folder, name), text);
    const csv = [
      "file,agency,year,region_code,notes", // no source_url or published_date column: they say nothing
      "a.txt,黎坝镇人民政府,2025,610728116,checked",
      "a.txt,黎坝镇人民政府,2025,610728116,listed twice alike",
      "b.txt,江左镇人民政府,2022,410399999,code of no division",
      "c.txt,金峰镇人民政府,2025", // cells short of the header
      "d.txt,镇巴县人民政府办公室,2024,610728,",
      "d.txt,镇巴县政务公开办,2024,610728,listed twice differently",
      "gone.txt,某镇人民政府,2024,,the file was never saved",
      ",镇巴县公安局,2024,,a row naming no file",
    ].join("\n");
    writeFileSync(join(folder, "manifest.csv"), csv);
    const dbFile = join(root, "manifested.db");
    const cli = spawnSync("npx", ["tsx", "scripts/ingest.ts", "--db", dbFile, "--manifest", join(folder, "manifest.csv")], { encoding: "utf8" });

    expect(cli.status).toBe(1);
    expect(cli.stderr.split("\n").filter((l) => l.startsWith("ingest:"))).toEqual([`ingest: ${join(folder, "manifest.csv")}: columns not read: notes`]);
    const manifest = `清单 ${join(folder, "manifest.csv")}`;
    expect(cli.stdout.split("\n").filter((l) => /^\w+ {2,}/.test(l))).toEqual([
      `failed     ${join(folder, "manifest.csv")}: 清单有误:line 9: no file name`,
      `failed     ${join(folder, "gone.txt")}: 找不到文件或文件夹(${manifest} 第8行)`,
      `ingested   ${join(folder, "a.txt")}`,
      `failed     ${join(folder, "b.txt")}: ${manifest} 有误,未载入:line 4: region_code "410399999" is no division of the gazetteer`,
      `failed     ${join(folder, "c.txt")}: ${manifest} 有误,未载入:line 5: 3 cells where the header has 5 (a comma inside an unquoted cell?)`,
      `failed     ${join(folder, "d.txt")}: ${manifest} 有误,未载入:lines 6 and 7 list the file with different facts`,
    ]);
    const stored = openDatabase(dbFile, { readonly: true });
    expect(stored.$client.prepare("SELECT a.name, r.year, r.region_code FROM reports r JOIN agencies a ON a.id = r.agency_id").all()).toEqual([
      { name: "黎坝镇人民政府", year: 2025, region_code: "610728116" },
    ]);
    stored.$client.close();
  });
});

