/** The cell stream: separators, fillers, blanks, glued digits and the numbers cells print. */
import { describe, expect, it } from "vitest";
import { tokenizeLines, type Cell } from "../lib/parse/cells";
import { readValue } from "../lib/parse/values";

const show = (cells: Cell[]) => cells.map((c) => (c.kind === "text" ? c.text : c.kind === "value" ? `#${c.raw}` : "_"));

describe("tokenizing lines", () => {
  it("reads `0 |` cells, lone `|` as a blank cell and `|||` as filler", () => {
    expect(show(tokenizeLines(["规章 |", "0 |", "|", "|||", "0 |"]))).toEqual(["规章", "#0", "_", "#0"]);
  });

  it("reads `| a | b | |` rows with a blank last cell, and tab rows with empty merged cells", () => {
    expect(show(tokenizeLines(["| 规章 | 0 | 0 | |"]))).toEqual(["规章", "#0", "#0", "_"]);
    expect(show(tokenizeLines(["\t\t二、上年结转\t\t\t0\t1"]))).toEqual(["二、上年结转", "#0", "#1"]);
  });

  it("reads `/`, `-`, `—` and `无` as blank cells", () => {
    expect(show(tokenizeLines(["行政强制 | / | — | 无 | - |"]))).toEqual(["行政强制", "_", "_", "_", "_"]);
  });

  it("cuts digits off the labels they are glued to, leaving a label's own number", () => {
    expect(show(tokenizeLines(["规章000行政规范性文件693665", "禁止公开00000003.危及“三安全一稳定”0000000"]))).toEqual([
      "规章",
      "#000",
      "行政规范性文件",
      "#693665",
      "禁止公开",
      "#0000000",
      "3.危及“三安全一稳定”",
      "#0000000",
    ]);
  });

  it("keeps years and unit words inside labels", () => {
    expect(show(tokenizeLines(["一、本年(2021)新收 | 3 |", "本年收费金额(单位:万元,保留4位小数)"]))).toEqual(["一、本年(2021)新收", "#3", "本年收费金额(单位:万元,保留4位小数)"]);
  });

  it("drops PDF page markers and remembers each cell's line", () => {
    const cells = tokenizeLines(["行政处罚 3985758", "- 4 -", "行政强制 88283"]);
    expect(show(cells)).toEqual(["行政处罚", "#3985758", "行政强制", "#88283"]);
    expect(cells.map((c) => c.line)).toEqual([1, 1, 3, 3]);
  });
});

describe("reading a value cell", () => {
  it("reads numbers as printed: separators, decimals, signs, units", () => {
    expect(readValue("1,517").value).toBe(1517);
    expect(readValue("24252.311082").value).toBe(24252.311082);
    expect(readValue("-8").value).toBe(-8);
    expect(readValue("减4").value).toBe(-4);
    expect(readValue("增3").value).toBe(3);
    expect(readValue("251000元")).toMatchObject({ value: 251000, unit: "元" });
    expect(readValue("160.5964万元")).toMatchObject({ value: 160.5964, unit: "万元" });
  });

  it("marks plain digits as possibly glued, and a number with separators or a sign as one number", () => {
    expect(readValue("693665")).toMatchObject({ digits: "693665", fraction: "" });
    expect(readValue("13575394432.52元")).toMatchObject({ digits: "13575394432", fraction: ".52" });
    expect(readValue("1,517").digits).toBeNull();
    expect(readValue("-8").digits).toBeNull();
  });
});
