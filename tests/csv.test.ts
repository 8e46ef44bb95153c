/** The CSV writer and the download's file name, on their exact bytes. */
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { attachment, exportFileName } from "@/lib/csv/file-name";
import { writeCsv } from "@/lib/csv/write";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("writeCsv", () => {
  it("opens with the UTF-8 byte order mark, then Chinese headers, CRLF line ends", () => {
    const csv = writeCsv(["年度", "予以公开"], [[2024, 11], [2025, 3]]);
    expect([...bytes(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe("\uFEFF年度,予以公开\r\n2024,11\r\n2025,3");
  });

  it("writes a figure no report has as an empty cell, never as 0", () => {
    expect(writeCsv(["年度", "行政事业性收费（万元）"], [[2021, null], [2022, 12.5]])).toBe("\uFEFF年度,行政事业性收费（万元）\r\n2021,\r\n2022,12.5");
  });

  it("defuses text a spreadsheet would run as a formula, and quotes it", () => {
    const rows = [["=HYPERLINK(\"http://x\")"], ["+1"], ["-2+3"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["=1\n2"]];
    const lines = writeCsv(["机关"], rows).slice(1).split("\r\n");
    expect(lines).toEqual(['机关', '"\'=HYPERLINK(""http://x"")"', '"\'+1"', '"\'-2+3"', '"\'@SUM(A1)"', '"\'\tx"', '"\'\rx"', '"\'=1\n2"']);
  });

  it("leaves numbers alone, negative ones included, and text that only contains the characters", () => {
    expect(writeCsv(["本年增/减", "机关"], [[-3, "镇巴县=县"]])).toBe("\uFEFF本年增/减,机关\r\n-3,镇巴县=县");
  });

  it("quotes commas, quotes and line breaks so the file reads back to the same cells", () => {
    const rows = [["泾洋街道, 镇巴县", 'say "hi"', "two\nlines"]];
    const parsed = Papa.parse<string[]>(writeCsv(["a", "b", "c"], rows).slice(1), { skipEmptyLines: true });
    expect(parsed.data).toEqual([["a", "b", "c"], ...rows]);
  });
});

describe("exportFileName", () => {
  it("names the view, the region (or agency) and the years", () => {
    expect(exportFileName({ title: "主动公开", subject: "镇巴县", from: 2021, to: 2025, synthetic: false })).toBe("主动公开_镇巴县_2021-2025.csv");
  });

  it("names a single year once", () => {
    expect(exportFileName({ title: "机关一览", subject: "全国", from: 2024, to: 2024, synthetic: false })).toBe("机关一览_全国_2024.csv");
  });

  it("says so when the figures include generated sample data", () => {
    expect(exportFileName({ title: "主动公开", subject: "镇巴县", from: 2021, to: 2025, synthetic: true })).toBe("主动公开_镇巴县_2021-2025_合成样例.csv");
  });

  it("keeps characters that file systems refuse out of the name", () => {
    expect(exportFileName({ title: "a/b", subject: 'x:y*"z', from: 2021, to: 2022, synthetic: false })).toBe("a-b_x-y-z_2021-2022.csv");
  });
});

describe("attachment", () => {
  it("gives the Chinese name as RFC 5987 filename* and an ASCII fallback", () => {
    const header = attachment("主动公开_镇巴县_2021-2025.csv", "nianbao-proactive-610728-2021-2025.csv");
    expect(header).toBe(
      "attachment; filename=\"nianbao-proactive-610728-2021-2025.csv\"; filename*=UTF-8''" +
        "%E4%B8%BB%E5%8A%A8%E5%85%AC%E5%BC%80_%E9%95%87%E5%B7%B4%E5%8E%BF_2021-2025.csv",
    );
    expect([...header].every((c) => c.charCodeAt(0) < 128)).toBe(true);
  });

  it("percent-encodes the characters RFC 5987 does not allow bare, and keeps the fallback plain", () => {
    const header = attachment("统计(草稿)'*.csv", '年报"x".csv');
    expect(header).toBe("attachment; filename=\"___x_.csv\"; filename*=UTF-8''%E7%BB%9F%E8%AE%A1%28%E8%8D%89%E7%A8%BF%29%27%2A.csv");
    expect(decodeURIComponent(header.split("''")[1])).toBe("统计(草稿)'*.csv");
  });
});
