import { describe, expect, it } from "vitest";
import { agencyKind } from "../lib/ingest/agency-kind";
import { unreadableReason } from "../lib/ingest/screen";
import { declineReason, parseStatus } from "../lib/ingest/verdict";
import type { ParseResult } from "../lib/parse/index";
import { isSampleText, SAMPLE_MARKER } from "../lib/sample/marker";

describe("agencyKind", () => {
  it.each([
    ["黎坝镇人民政府", 4, "township"],
    ["泾洋街道办事处", 4, "township"],
    ["黎坝镇", null, "township"],
    ["佳荣里街", 4, "township"],
    ["镇巴县人民政府", 3, "county"],
    ["银川市兴庆区人民政府", 3, "county"],
    ["平潭综合实验区", null, "county"],
    ["武汉市", 2, "city"],
    ["海南州人民政府", null, "city"],
    ["西藏自治区人民政府", 1, "province"],
    ["镇巴县人民政府办公室", 3, "department"],
    ["镇巴县教育体育局", 3, "department"],
    ["长沙市生态环境局", 2, "department"],
    ["定西市公共资源交易中心", 2, "department"],
    ["镇巴县卫生健康局", null, "department"],
    ["某某有限责任公司", null, "other"],
  ] as const)("%s (level %s) is a %s", (name, level, kind) => {
    expect(agencyKind(name, level)).toBe(kind);
  });
});

/** A parse result with every 2021 table read and nothing wrong, to vary one thing at a time. */
function parsed(over: Partial<ParseResult>): ParseResult {
  return {
    agency: "黎坝镇人民政府",
    year: 2024,
    template: "2021",
    region: null,
    values: { "requests.newReceived.total": 0, "review.total": 0 },
    narrative: {},
    findings: [],
    provenance: {},
    narrativeProvenance: {},
    sourceText: "",
    encoding: "utf-8",
    ...over,
  };
}

describe("declineReason", () => {
  it("keeps a report that names no agency or no year but has numbers", () => {
    expect(declineReason(parsed({ agency: null }))).toBeNull();
    expect(declineReason(parsed({ year: null }))).toBeNull();
  });

  it("keeps a report whose tables are missing but which names its agency and year", () => {
    expect(declineReason(parsed({ template: null, values: { "review.total": null } }))).toBeNull();
  });

  it("turns away a text with no numbers that does not say whose report for which year it is", () => {
    expect(declineReason(parsed({ template: null, agency: null, values: {} }))).toBe("不是年度报告:没有可读的统计数字,也没有写明机关或年度");
  });

  it("turns away reports from before the common template", () => {
    expect(declineReason(parsed({ year: 2018 }))).toBe("2018年度的报告早于2019年的统一格式,不纳入统计");
  });

  it("turns away what the parser flags as not a report, in its words", () => {
    const finding = { rule: "document.notReport", severity: "info" as const, message: "这是一份工作方案" };
    expect(declineReason(parsed({ findings: [finding] }))).toBe("不是年度报告:这是一份工作方案");
  });
});

describe("parseStatus", () => {
  it("is ok for complete tables with no error or warning, partial otherwise, empty without tables", () => {
    expect(parseStatus(parsed({}))).toBe("ok");
    expect(parseStatus(parsed({ findings: [{ rule: "x.info", severity: "info", message: "" }] }))).toBe("ok");
    expect(parseStatus(parsed({ findings: [{ rule: "requests.balance", severity: "error", message: "" }] }))).toBe("partial");
    expect(parseStatus(parsed({ values: { "review.total": null } }))).toBe("partial");
    expect(parseStatus(parsed({ template: null }))).toBe("empty");
  });
});

describe("unreadableReason", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("names empty, blank and binary files and lets text through", () => {
    expect(unreadableReason(new Uint8Array())).toBe("空文件");
    expect(unreadableReason(bytes(" \n\t\n"))).toBe("文件只有空白");
    expect(unreadableReason(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe("二进制文件(含空字节),不是文本或网页");
    expect(unreadableReason(Uint8Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x01 : 0x41)))).toBe("二进制文件(控制字符过多),不是文本或网页");
    expect(unreadableReason(bytes("一、总体情况\n\t0\t0\n"))).toBeNull();
  });
});

describe("isSampleText", () => {
  it("recognises the marker on the first non-blank line only", () => {
    expect(isSampleText(`\n\n${SAMPLE_MARKER}本文是样例`)).toBe(true);
    expect(isSampleText(`镇巴县年度报告\n${SAMPLE_MARKER}`)).toBe(false);
  });
});
