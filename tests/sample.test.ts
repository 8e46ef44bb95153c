import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allRegions } from "../lib/regions/gazetteer";
import { sampleAsParsed } from "../lib/sample/as-parsed";
import { generateSampleCorpus, SAMPLE_YEARS, type SampleFile } from "../lib/sample/corpus";
import { INJECTED_RULES } from "../lib/sample/errors";
import { decodeBytes } from "../lib/parse/decode";
import { isHtml, renderHtml } from "../lib/parse/html";
import { normalizeText } from "../lib/parse/normalize";
import { ENCODINGS } from "../lib/sample/encode";
import { LAYOUTS } from "../lib/sample/layouts";
import { CHAR_FORMS } from "../lib/sample/print/chars";
import { NUMBER_FORMS } from "../lib/sample/print/numbers";
import { FORMS, type PrintStyle } from "../lib/sample/print/style";
import { SAMPLE_MARKER } from "../lib/sample/marker";

const corpus = generateSampleCorpus(1);
const townships = allRegions().filter((r) => r.parentCode === "610728");
const values = (f: SampleFile, field: string) => f.label.values[field] ?? 0;

/**
 * A file's lines as provenance counts them (the source text, a web page rendered), in the one
 * character form the parser reads (simplified, half-width) and without thousands separators.
 */
function readableLines(file: SampleFile): string[] {
  const { text } = decodeBytes(file.bytes);
  const source = isHtml(file.path, text) ? renderHtml(text) : text;
  return normalizeText(source)
    .replace(/(\d),(?=\d{3})/g, "$1")
    .split("\n");
}

describe("generateSampleCorpus", () => {
  it("is the same for the same seed and different for another", () => {
    expect(generateSampleCorpus(1)).toEqual(corpus);
    const originals = (files: SampleFile[]) => files.filter((f) => !f.label.revises);
    const [ours, theirs] = [originals(corpus.files), originals(generateSampleCorpus(2).files)];
    expect(theirs.map((f) => f.path)).toEqual(ours.map((f) => f.path));
    expect(theirs.filter((f, i) => f.text !== ours[i].text).length).toBeGreaterThan(100);
  });

  it("has a report a year for every township of 镇巴县 and eight departments, plus one correction", () => {
    expect(townships).toHaveLength(20);
    const originals = corpus.files.filter((f) => !f.label.revises);
    expect(originals).toHaveLength((20 + 8) * SAMPLE_YEARS.length);
    for (const year of SAMPLE_YEARS) {
      const ofYear = originals.filter((f) => f.label.year === year);
      expect(ofYear.filter((f) => f.label.kind === "township").map((f) => f.label.region.code).sort()).toEqual(townships.map((t) => t.code).sort());
      expect(ofYear.filter((f) => f.label.kind === "department").every((f) => f.label.region.code === "610728" && f.label.agency.startsWith("镇巴县"))).toBe(true);
    }
    expect(new Set(corpus.files.map((f) => f.path)).size).toBe(corpus.files.length);
  });

  it("says on the first line of every text that it is sample data", () => {
    expect(corpus.files.every((f) => f.text.startsWith(SAMPLE_MARKER))).toBe(true);
  });

  it("prints in every style: each layout, shape, character form, number form and encoding", () => {
    const seen = (pick: (style: PrintStyle) => unknown) => new Set(corpus.files.map((f) => pick(f.label.style)));
    expect(seen((s) => s.layout)).toEqual(new Set([...LAYOUTS, null]));
    expect(seen((s) => s.form)).toEqual(new Set(FORMS));
    expect(seen((s) => s.chars)).toEqual(new Set(CHAR_FORMS));
    expect(seen((s) => s.numbers)).toEqual(new Set(NUMBER_FORMS));
    expect(seen((s) => s.encoding)).toEqual(new Set(ENCODINGS));
    const plainLines = (layout: string) =>
      corpus.files.find((f) => f.label.style.layout === layout && f.label.style.form === "lines" && f.label.style.chars === "simplified")!.text;
    expect(plainLines("cell-per-line")).toContain("\n|\n规章 |\n0 |\n0 |\n0 |\n|\n行政规范性文件 |\n");
    expect(plainLines("pipe-cells")).toContain("\n第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n");
    expect(plainLines("tab-rows")).toMatch(/\n\t\t二、上年结转政府信息公开申请数量(\t[\d,]+){7}\t\n/);
    expect(plainLines("markdown-rows")).toContain("\n| 规章 | 0 | 0 | 0 |\n");
    expect(plainLines("glued-rows")).toContain("\n规章000\n");
  });

  it("writes each file in its encoding and a web page as real markup", () => {
    const decoded = (f: SampleFile) => new TextDecoder(f.label.style.encoding === "gb18030" ? "gb18030" : "utf-8", { ignoreBOM: true }).decode(f.bytes);
    for (const file of corpus.files) {
      expect(decoded(file), file.path).toBe(`${file.label.style.encoding === "utf-8-bom" ? "\uFEFF" : ""}${file.text}`);
    }
    const page = corpus.files.find((f) => f.label.style.form === "html-page")!.text;
    expect(page).toMatch(/\n<!DOCTYPE html>\n/);
    expect(page).toMatch(/<td rowspan="3" colspan="3">\(本列数据的勾稽关系为/);
    expect(corpus.files.filter((f) => f.label.style.form === "one-line").every((f) => f.text.split("\n").length === 2)).toBe(true);
    expect(corpus.files.find((f) => f.label.style.form === "pdf-pages")!.text).toMatch(/\n- 1 -\n\f/);
  });

  it("puts each kind of error into two reports and says which finding each must get", () => {
    const injected = corpus.files.flatMap((f) => f.label.errors.map((e) => e.rule));
    expect(injected.sort()).toEqual([...INJECTED_RULES, ...INJECTED_RULES].sort());
    for (const file of corpus.files) {
      const found = new Set(sampleAsParsed(file).findings.map((f) => f.rule));
      expect([...found].sort(), file.path).toEqual(file.label.errors.map((e) => e.rule).sort());
    }
  });

  it("follows a report whose table does not balance with its correction, which sorts after it", () => {
    const corrections = corpus.files.filter((f) => f.label.revises);
    expect(corrections).toHaveLength(1);
    const [correction] = corrections;
    const original = corpus.files.find((f) => f.path === correction.label.revises)!;
    expect(original.label.errors.map((e) => e.rule)).toEqual(["requests.balance"]);
    expect(correction.label.errors).toEqual([]);
    expect([correction.path, original.path].sort()).toEqual([original.path, correction.path]);
  });

  it("prints every value on the line its provenance names, and states the narrative figures", () => {
    for (const file of corpus.files) {
      const lines = readableLines(file);
      for (const [field, line] of Object.entries(file.label.provenance)) {
        expect(lines[line - 1], `${file.path} ${field}`).toContain(String(file.label.values[field]));
      }
      const { proactiveItems, requestsReceived } = file.label.narrative;
      expect(lines[file.label.narrativeProvenance.proactiveItems - 1]).toContain(`主动公开政府信息${proactiveItems}条`);
      const requests = lines[file.label.narrativeProvenance.requestsReceived - 1];
      expect(requestsReceived === 0 ? requests.includes("未收到政府信息公开申请") : requests.includes(`收到政府信息公开申请${requestsReceived}件`)).toBe(true);
    }
  });

  it("carries requests left open at the end of a year into the next", () => {
    const clean = corpus.files.filter((f) => f.label.errors.length === 0 && !f.label.revises);
    let pairs = 0;
    for (const next of clean) {
      const before = clean.find((f) => f.label.agency === next.label.agency && f.label.year === next.label.year - 1);
      if (!before) continue;
      pairs++;
      expect(values(next, "requests.carriedOver.total")).toBe(values(before, "requests.carriedForward.total"));
    }
    expect(pairs).toBeGreaterThan(80);
  });

  it("draws heavy-tailed figures: most townships get no requests, departments do most licensing", () => {
    const ofKind = (kind: string) => corpus.files.filter((f) => f.label.kind === kind && !f.label.revises);
    const idle = ofKind("township").filter((f) => values(f, "requests.newReceived.total") === 0).length;
    expect(idle / ofKind("township").length).toBeGreaterThan(0.5);
    const licensing = (files: SampleFile[]) => files.reduce((sum, f) => sum + values(f, "proactive.licensing.decisions"), 0);
    expect(licensing(ofKind("department"))).toBeGreaterThan(10 * licensing(ofKind("township")));
    const fees = ofKind("department").map((f) => values(f, "proactive.fees.amount"));
    expect(fees.some((x) => !Number.isInteger(x))).toBe(true);
  });
});

describe("npm run generate-sample", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-sample-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the files and their answer key, and replaces an earlier run's files", () => {
    const run = (seed: number) => execFileSync("npx", ["tsx", "scripts/generate-sample.ts", "--out", dir, "--seed", String(seed)], { encoding: "utf8" });
    expect(run(3)).toBe(`141 sample reports (12 with a deliberate error) and labels.json written to ${dir} (seed 3)\n`);
    const labels = JSON.parse(readFileSync(join(dir, "labels.json"), "utf8"));
    expect(labels.generator).toEqual({ seed: 3, countyCode: "610728", years: [...SAMPLE_YEARS], files: 141 });
    const first = Object.keys(labels.files)[0];
    expect(readFileSync(join(dir, first), "utf8")).toBe(generateSampleCorpus(3).files[0].text);
    expect(readdirSync(dir).sort()).toEqual(["2021", "2022", "2023", "2024", "2025", "labels.json"]);
    run(4);
    const corrections = (seed: number) => generateSampleCorpus(seed).files.filter((f) => f.label.revises).map((f) => f.path);
    for (const path of corrections(3)) expect(existsSync(join(dir, path))).toBe(corrections(4).includes(path));
    expect(readdirSync(join(dir, "2023"))).toHaveLength(generateSampleCorpus(4).files.filter((f) => f.label.year === 2023).length);
  });
});
