/**
 * The parser's time on big and hostile inputs, in a watched child process: a 1 MB report parses
 * in under a second of CPU, floods of one pattern (the shapes that once made a regular
 * expression or a loop go quadratic) parse in time proportional to their size, and the inputs
 * that once hung finish at once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParserProcess } from "./support/parser-process";
import { CORPUS, SEEDS } from "./support/shared";

const MB = 1024 * 1024;
/** The budget for a 1 MB report. */
const REPORT_MS = 1_000;
/** Half a megabyte of one pattern: linear work is a second or so, a quadratic one ten times that and more. */
const FLOOD_BYTES = MB / 2;
const FLOOD_MS = 3_000;
/** Wall-clock time after which a parse counts as hanging. */
const HANG_MS = 30_000;

const SEED = readFileSync(join(SEEDS, "001_873059f99be5ef02.txt"), "utf8");
const PAGE = readFileSync(join(CORPUS, "reports", "pingtan-2021.html"), "utf8");

/** `unit` repeated to `bytes` of UTF-8. */
function filled(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

const parser = new ParserProcess();

/** CPU milliseconds the parse took; a throw or a hang fails the test with what happened. */
async function cpuMs(text: string, fileName: string): Promise<number> {
  const answer = await parser.parse(new TextEncoder().encode(text), fileName, HANG_MS);
  if (!answer.ok) throw new Error(answer.problem);
  return answer.parsed.cpuMs;
}

// the first parse of a process loads the gazetteer and the character tables: not the input's cost
beforeAll(async () => {
  await cpuMs(SEED, "warm-up.txt");
});
afterAll(() => parser.stop());

describe("a 1 MB report", () => {
  it.each([
    ["a text report", filled(`${SEED}\n`, MB), "big.txt"],
    ["a web page with its tables", filled(PAGE, MB), "big.html"],
    ["a report flattened onto one line", filled(SEED.replace(/\n/g, " "), MB), "big.txt"],
  ])("parses in under a second: %s", async (_, text, fileName) => {
    expect(await cpuMs(text, fileName)).toBeLessThan(REPORT_MS);
  });
});

describe("half a megabyte of one pattern", () => {
  it.each([
    ["numbers between spaces (a line of 260,000 cells)", "1 ", "flood.txt"],
    ["tab-separated cells", "\t1", "flood.txt"],
    ["PDF text, every character spaced", "主 ", "flood.txt"],
    ["empty lines", "\n", "flood.txt"],
    ["one-character lines", "年\n", "flood.txt"],
    ["pipe rows", "| 1 |\n", "flood.txt"],
    ["headings", "二、主动公开政府信息情况\n", "flood.txt"],
    ["table cells", "<td>1</td>", "flood.html"],
  ])("parses in time proportional to its size: %s", async (_, unit, fileName) => {
    expect(await cpuMs(filled(unit, FLOOD_BYTES), fileName)).toBeLessThan(FLOOD_MS);
  });
});

describe("inputs that once hung", () => {
  it("parses a long run of glued digits after a row label at once (every cut of it was tried)", async () => {
    const digits = "814673675123774115378146736751"; // 30 digits: 2^29 ways to cut them
    expect(await cpuMs(`三、收到和处理政府信息公开申请情况行政诉讼复议后起诉${digits}`, "glued.txt")).toBeLessThan(REPORT_MS);
    expect(await cpuMs(`四、政府信息公开行政复议、行政诉讼情况\n行政复议 ${digits.repeat(6)}`, "glued.txt")).toBeLessThan(REPORT_MS);
  });
});
