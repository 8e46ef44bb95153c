/**
 * Properties of the parser over random and mutated input (fixed seeds, so a run is repeatable):
 * it never throws, never hangs, and every number it returns is printed in the input. Parses run
 * in a watched child process (./support/parser-process.ts): a hang fails the property instead of
 * stopping the test run.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIELDS } from "../lib/template/fields";
import { ParserProcess, type Parsed } from "./support/parser-process";
import { CORPUS, SEEDS } from "./support/shared";

/** Wall-clock time after which a parse of these small inputs counts as hanging. */
const HANG_MS = 5_000;
/** CPU time a parse of an input of a few kilobytes may take. */
const SMALL_INPUT_MS = 1_000;

const parser = new ParserProcess();
afterAll(() => parser.stop());

const folder = (dir: string) => readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
const REAL = [...folder(join(CORPUS, "reports")), ...folder(join(CORPUS, "nearmiss")), ...folder(SEEDS)];

// ---- "every number it returns is printed in the input" ---------------------------------------

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 萬: 10000 };

function chineseNumber(run: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of run) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch];
    else {
      total += (digit || 1) * CHINESE_UNITS[ch];
      digit = 0;
    }
  }
  return total + digit;
}

/** Numbers compared to 12 significant digits: a printed 520.0002040232019 is the value 520.000204023202. */
const key = (n: number) => Number(Math.abs(n).toPrecision(12));

/** Past 309 digits a digit string is Infinity as a number: no longer one the input prints. */
const LONGEST_NUMBER = 310;

/**
 * Every number the input prints, read in every way the parser may read it: each digit string of
 * a run of digits (cells glued together: 5845546 → 58 | 455 | 46), with its decimals; Chinese
 * numerals (十二件); 0 where the text says nothing was received (未收到).
 */
function printedNumbers(text: string): Set<number> {
  const plain = text.normalize("NFKC").replace(/(\d),(?=\d{3})/g, "$1");
  const found = new Set<number>();
  for (const [run] of plain.matchAll(/\d+(?:\.\d+)*/g)) {
    for (let start = 0; start < run.length; start++) {
      if (run[start] === ".") continue;
      for (let end = start + 1; end <= Math.min(run.length, start + LONGEST_NUMBER); end++) {
        // one decimal point counts: in 1.2.3 the number is 1.2 or 2.3
        const n = Number(run.slice(start, end).replace(/\.(?=.*\.)/g, ""));
        if (Number.isFinite(n)) found.add(key(n));
      }
    }
  }
  for (const [run] of plain.matchAll(/[零〇一二两兩三四五六七八九十百千万萬]+/g)) found.add(key(chineseNumber(run)));
  if (/未|没有|無|无/.test(plain)) found.add(0);
  return found;
}

/** The numbers the parse returned that the input does not print, in its unit or in 元 for 万元 (and back). */
function inventedNumbers(parsed: Parsed, text: string): string[] {
  const printed = printedNumbers(text);
  const returned = [...Object.entries(parsed.values), ...Object.entries(parsed.narrative)].filter((e): e is [string, number] => typeof e[1] === "number");
  return returned.filter(([, v]) => ![v, v * 10000, v / 10000].some((form) => printed.has(key(form)))).map(([field, v]) => `${field}=${v}`);
}

/** Parses and checks the three properties; a message for fast-check when one fails. */
async function check(text: string, fileName: string): Promise<void> {
  const answer = await parser.parse(new TextEncoder().encode(text), fileName, HANG_MS);
  if (!answer.ok) throw new Error(answer.problem);
  if (answer.parsed.cpuMs > SMALL_INPUT_MS) throw new Error(`took ${Math.round(answer.parsed.cpuMs)} ms of CPU for ${text.length} characters`);
  const invented = inventedNumbers(answer.parsed, text);
  if (invented.length > 0) throw new Error(`returned numbers the input does not print: ${invented.slice(0, 5).join(", ")}`);
}

// ---- generators ------------------------------------------------------------------------------

/** What a damaged copy, a bad extraction or a spam mirror does to a report. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat(300) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.nat(400), to: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(..."0123456789 |\t\n,.-/一二三四五六、()年条件元万增减无主动公开"), maxLength: 40 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: "grapheme", maxLength: 8 }) }),
  fc.record({ kind: fc.constant("digit" as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant("join" as const), at: fc.nat(), length: fc.nat(2000) }), // separators dropped: cells glued
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicate": {
      const to = m.to % (text.length + 1);
      return text.slice(0, to) + text.slice(at, at + m.length) + text.slice(to);
    }
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "digit": {
      const next = text.slice(at).search(/\d/);
      return next < 0 ? text : text.slice(0, at + next) + m.digit + text.slice(at + next + 1);
    }
    case "join":
      return text.slice(0, at) + text.slice(at, at + m.length).replace(/[|\t\n ]+/g, "") + text.slice(at + m.length);
  }
}

/** Words of the template (labels, headings, units) and numbers, in any order and layout. */
const LABELS = [...new Set(FIELDS.flatMap((f) => [f.rowLabel, f.columnLabel]))];
const PROSE = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "主动公开政府信息", "收到政府信息公开申请", "共", "条", "件", "万元", "元",
  "2021年", "2019年度", "镇人民政府", "政府信息公开工作年度报告", "总计", "/", "-", "无", "。", ",", "两", "十二", "增", "减", "余", "未收到"];
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LABELS, ...PROSE) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{10,40}$/) }, // glued cells
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map((d) => d.toFixed(2)) },
  { weight: 3, arbitrary: fc.constantFrom(" ", " | ", "\t", "\n", "|", "\n| ", " |\n", "\n\n") },
);
const soup = fc.array(token, { minLength: 20, maxLength: 600, size: "max" }).map((tokens) => tokens.join(""));

// ---- properties --------------------------------------------------------------------------------

/**
 * Fixed seeds, and a time limit on each property: a parser that hangs makes every shrinking step
 * wait out HANG_MS, so the property stops and fails within the test's time instead.
 */
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: 20251123, numRuns, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: true });

describe("the parser on mutated real reports", () => {
  it("never throws or hangs, and returns only numbers the text prints", async () => {
    const report = fc.constantFrom(...REAL);
    await fc.assert(
      fc.asyncProperty(report, fc.array(mutation, { minLength: 1, maxLength: 8 }), async (doc, mutations) => {
        await check(mutations.reduce(mutate, doc.text), doc.name);
      }),
      runs(120),
    );
  });

  it("returns no Infinity for a digit run longer than a number holds (a table cell, a count in the text)", async () => {
    await expect(check(`二、主动公开政府信息情况\n行政许可 ${"5".repeat(400)}`, "a.txt")).resolves.toBeUndefined();
    await expect(check(`主动公开政府信息${"5".repeat(400)}条`, "a.txt")).resolves.toBeUndefined();
  });

  it("returns only numbers the text prints from every real report as it is", async () => {
    for (const doc of REAL) await expect(check(doc.text, doc.name), doc.name).resolves.toBeUndefined();
  });
});

describe("the parser on the template's words and numbers in random order", () => {
  it("never throws or hangs, and returns only numbers the text prints", async () => {
    await fc.assert(
      fc.asyncProperty(soup, fc.constantFrom("report.txt", "report.html"), async (text, name) => check(text, name)),
      runs(150),
    );
  });
});

describe("the parser on anything at all", () => {
  it("never throws or hangs on random text, and returns only numbers it prints", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 3000 }), fc.constantFrom("a.txt", "a.html"), async (text, name) => check(text, name)),
      runs(80),
    );
  });

  it("never throws or hangs on random bytes, whatever encoding they seem to be in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom("a.txt", "a.html"), async (bytes, name) => {
        const answer = await parser.parse(bytes, name, HANG_MS);
        if (!answer.ok) throw new Error(answer.problem);
      }),
      runs(80),
    );
  });
});
