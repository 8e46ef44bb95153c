/** Encodings and character forms: the same real report read from bytes written in other ways. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse";
import { decodeBytes } from "../lib/parse/decode";
import { normalizeText } from "../lib/parse/normalize";
import { SEEDS } from "./support/shared";
import { encodeText } from "../lib/sample/encode";

const seedText = readFileSync(join(SEEDS, "001_873059f99be5ef02.txt"), "utf8");
const parseBytes = (bytes: Uint8Array) => parseReport({ fileName: "report.txt", bytes });
const expected = parseBytes(new TextEncoder().encode(seedText));

const encodeGbk = (text: string) => encodeText(text, "gb18030");

describe("decoding", () => {
  it("tells GB18030 from UTF-8 by the bytes and reads the same report", () => {
    const report = parseBytes(encodeGbk(seedText));
    expect(report.encoding).toBe("gb18030");
    expect(report.values).toEqual(expected.values);
    expect(report.agency).toBe(expected.agency);
  });

  it("drops a UTF-8 byte order mark", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("二、主动公开")]);
    expect(decodeBytes(bom)).toEqual({ text: "二、主动公开", encoding: "utf-8" });
  });
});

describe("character forms", () => {
  it("reads full-width digits and punctuation as their half-width selves", () => {
    const fullWidth = seedText.replace(/[0-9|()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const report = parseBytes(new TextEncoder().encode(fullWidth));
    expect(report.values).toEqual(expected.values);
    expect(report.provenance).toEqual(expected.provenance);
  });

  it("reads labels with stray spaces inside (本年新 制作数量, 行政 许可)", () => {
    const spaced = seedText.replace("行政规范性文件 |", "行政 规范性 文件 |").replace("本年处理决定数量", "本年处理 决定数量");
    expect(parseBytes(new TextEncoder().encode(spaced)).values).toEqual(expected.values);
  });

  it("turns traditional characters into simplified ones, line for line, pinyin removed", () => {
    const text = "二、主動公開政府資訊情況\n行政規(guī)範性文件 | 1 |\n規範性檔案";
    expect(normalizeText(text).split("\n")).toEqual(["二、主动公开政府资讯情况", "行政规范性文件 | 1 |", "规范性文件"]);
  });
});
