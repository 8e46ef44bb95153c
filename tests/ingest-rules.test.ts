import { describe, expect, it } from "vitest";
import { agencyKind } from "../lib/ingest/agency-kind";
import { MAX_REPORT_BYTES, oversizeReason, unreadableReason } from "../lib/ingest/screen";
import { declineReason, parseStatus } from "../lib/ingest/verdict";
import type { ParseResult } from "../lib/parse/index";
import { isSampleText, SAMPLE_MARKER } from "../lib/sample/marker";
import { encodeText } from "../lib/sample/encode";

const gbk = (text: string) => encodeText(text, "gb18030");

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

  it("keeps a report whose tables hold no numbers yet and which names no agency (corpus 060)", () => {
    expect(declineReason(parsed({ template: "2019", year: 2019, agency: null, values: {} }))).toBeNull();
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
  const report = "二、主动公开政府信息情况\n规章 | 0 | 0 | 5\n";

  it("names empty, blank and binary files and lets text through", () => {
    expect(unreadableReason(new Uint8Array())).toBe("空文件");
    expect(unreadableReason(bytes(" \n\t\n"))).toBe("文件只有空白");
    expect(unreadableReason(Uint8Array.from([0x00, 0x01, 0x41, 0x42]))).toBe("二进制文件(含空字节),不是文本或网页");
    expect(unreadableReason(Uint8Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x01 : 0x41)))).toBe("二进制文件(控制字符过多),不是文本或网页");
    expect(unreadableReason(bytes("一、总体情况\n\t0\t0\n"))).toBeNull();
  });

  it.each([
    ["%PDF-1.7\n%âãÏÓ\n", "PDF文件"],
    ["PK\u0003\u0004\u0014\u0000[Content_Types].xml", "ZIP格式的文件(Word .docx、Excel .xlsx或压缩包)"],
    ["{\\rtf1\\ansi\\deff0 ", "RTF文档"],
  ])("names a %j file by its format", (start, name) => {
    expect(unreadableReason(Uint8Array.from([...start].map((c) => c.charCodeAt(0))))).toBe(`这是${name},不是文本或网页:请先另存为.txt或.html`);
  });

  it("knows a Word 97-2003 file by its signature", () => {
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(unreadableReason(doc)).toBe("这是Word/Excel 97-2003文档(.doc/.xls),不是文本或网页:请先另存为.txt或.html");
  });

  it("reads UTF-16 with a byte order mark as text, zero bytes and all", () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(report, "utf16le")]);
    expect(unreadableReason(utf16)).toBeNull();
  });

  it("lets whole GBK text through, and UTF-8 cut off in the middle of its last character", () => {
    expect(unreadableReason(gbk(report))).toBeNull();
    expect(unreadableReason(bytes(report).subarray(0, bytes(report).length - 3 - 1))).toBeNull();
  });

  it("turns away UTF-8 and GBK mixed in one file, naming the line where it starts", () => {
    const mixed = Uint8Array.from([...bytes(report.repeat(3)), ...gbk(report.repeat(3))]);
    expect(unreadableReason(mixed)).toBe(
      "文字编码混杂:有UTF-8文字,也有78处字节不是UTF-8(第7行起;混入了GBK文字,或文件已损坏),请统一另存为UTF-8",
    );
  });

  it("turns away a UTF-8 file with one broken byte (its character's other two bytes are strays then)", () => {
    const broken = bytes(report.repeat(2));
    broken[broken.indexOf(0x0a) + 4] = 0xff;
    expect(unreadableReason(broken)).toBe(
      "文字编码混杂:有UTF-8文字,也有3处字节不是UTF-8(第2行起;混入了GBK文字,或文件已损坏),请统一另存为UTF-8",
    );
  });

  it("turns away bytes that are neither UTF-8 nor GBK (Latin-1, noise)", () => {
    expect(unreadableReason(Buffer.from("Résumé du rapport annuel, année 2024\n", "latin1"))).toBe(
      "无法识别的文字编码:既不是UTF-8也不是GBK/GB18030(第1行起),请另存为UTF-8",
    );
  });
});

describe("oversizeReason", () => {
  it("turns away a file over the limit by its size alone", () => {
    expect(oversizeReason(MAX_REPORT_BYTES)).toBeNull();
    expect(oversizeReason(50 * 1024 * 1024)).toBe("文件过大(50.0 MB,上限10.0 MB),不像一份年度报告,未读取");
  });
});

describe("isSampleText", () => {
  it("recognises the marker on the first non-blank line only", () => {
    expect(isSampleText(`\n\n${SAMPLE_MARKER}本文是样例`)).toBe(true);
    expect(isSampleText(`镇巴县年度报告\n${SAMPLE_MARKER}`)).toBe(false);
  });
});
