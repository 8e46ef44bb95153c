import { describe, expect, it } from "vitest";
import { readManifest } from "../lib/ingest/manifest";

const DIR = "/reports";

describe("readManifest", () => {
  it("reads every column, resolving files against the manifest's folder", () => {
    const csv = [
      "file,agency,year,region_code,source_url,published_date",
      "2023/a.txt,黎坝镇人民政府,2023,610728116,http://www.zhenba.gov.cn/a.html,2024-01-20",
      "b.html,,,,,",
    ].join("\n");
    const { entries, problems } = readManifest(csv, DIR);
    expect(problems).toEqual([]);
    expect([...entries]).toEqual([
      [
        "/reports/2023/a.txt",
        { agency: "黎坝镇人民政府", year: 2023, regionCode: "610728116", sourceUrl: "http://www.zhenba.gov.cn/a.html", publishedDate: "2024-01-20" },
      ],
      ["/reports/b.html", {}],
    ]);
  });

  it("accepts Chinese and loosely written headers, a BOM, and dates written the Chinese way", () => {
    const csv = "\uFEFF文件,机关,年度,Region Code,发布日期\na.txt,镇巴县公安局,2022,610728,2023年1月9日\n";
    expect(readManifest(csv, DIR)).toEqual({
      entries: new Map([["/reports/a.txt", { agency: "镇巴县公安局", year: 2022, regionCode: "610728", publishedDate: "2023-01-09" }]]),
      problems: [],
    });
  });

  it("names every bad cell by its line, and a manifest without a file column", () => {
    const csv = "file,year,region_code,published_date\na.txt,2022H1,61072,last spring\n,2021,,\n";
    expect(readManifest(csv, DIR).problems).toEqual([
      'line 2: year "2022H1" is not a four-digit year',
      'line 2: region_code "61072" is not a 2, 4, 6 or 9 digit division code',
      'line 2: published_date "last spring" is not a date like 2025-01-20',
      "line 3: no file name",
    ]);
    expect(readManifest("agency,year\n镇巴县公安局,2022\n", DIR).problems).toEqual([
      "no `file` column (expected file,agency,year,region_code,source_url,published_date)",
    ]);
  });
});
