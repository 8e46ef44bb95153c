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
    expect(readManifest(csv, DIR)).toEqual({
      rows: new Map([
        [
          "/reports/2023/a.txt",
          {
            line: 2,
            facts: { agency: "黎坝镇人民政府", year: 2023, regionCode: "610728116", sourceUrl: "http://www.zhenba.gov.cn/a.html", publishedDate: "2024-01-20" },
          },
        ],
        ["/reports/b.html", { line: 3, facts: {} }],
      ]),
      problems: [],
      unusedColumns: [],
    });
  });

  it("accepts Chinese and loosely written headers, a BOM, and dates written the Chinese way", () => {
    const csv = "\uFEFF文件,机关,年度,Region Code,发布日期\na.txt,镇巴县公安局,2022,610728,2023年1月9日\n";
    expect(readManifest(csv, DIR).rows.get("/reports/a.txt")).toEqual({
      line: 2,
      facts: { agency: "镇巴县公安局", year: 2022, regionCode: "610728", publishedDate: "2023-01-09" },
    });
  });

  it("gives a row with bad cells a problem naming its line and every bad cell, and reads the rows beside it", () => {
    const csv = "file,year,region_code,published_date\na.txt,2022H1,61072,last spring\nb.txt,2021,999999,\nc.txt,2021,610728,\n";
    const { rows, problems } = readManifest(csv, DIR);
    expect(problems).toEqual([]);
    expect(rows.get("/reports/a.txt")?.problem).toBe(
      'line 2: year "2022H1" is not a four-digit year; region_code "61072" is not a 2, 4, 6 or 9 digit division code; published_date "last spring" is not a date like 2025-01-20',
    );
    expect(rows.get("/reports/b.txt")?.problem).toBe('line 3: region_code "999999" is no division of the gazetteer');
    expect(rows.get("/reports/c.txt")).toEqual({ line: 4, facts: { year: 2021, regionCode: "610728" } });
  });

  it("gives a row whose cells do not line up with the header a problem, since its cells may sit under the wrong columns", () => {
    const csv = "file,agency,year\na.txt,镇巴县公安局,2022,extra\nb.txt,镇巴县\nc.txt,镇巴县教育体育局,2022\n";
    const { rows } = readManifest(csv, DIR);
    expect(rows.get("/reports/a.txt")?.problem).toBe("line 2: 4 cells where the header has 3 (a comma inside an unquoted cell?)");
    expect(rows.get("/reports/b.txt")?.problem).toBe("line 3: 2 cells where the header has 3 (a comma inside an unquoted cell?)");
    expect(rows.get("/reports/c.txt")?.problem).toBeUndefined();
  });

  it("takes a file listed twice alike once, and refuses one listed twice with different facts", () => {
    const csv = "file,year\na.txt,2022\n./a.txt,2022\nb.txt,2022\nb.txt,2023\n";
    const { rows, problems } = readManifest(csv, DIR);
    expect(problems).toEqual([]);
    expect(rows.get("/reports/a.txt")).toEqual({ line: 2, facts: { year: 2022 } });
    expect(rows.get("/reports/b.txt")).toEqual({ line: 4, facts: { year: 2022 }, problem: "lines 4 and 5 list the file with different facts" });
  });

  it("names columns it does not read, so a misspelt header is seen", () => {
    const csv = "file,yaer,notes\na.txt,2022,revised\n";
    const { rows, unusedColumns } = readManifest(csv, DIR);
    expect(unusedColumns).toEqual(["yaer", "notes"]);
    expect(rows.get("/reports/a.txt")).toEqual({ line: 2, facts: {} });
  });

  it("says what is wrong beyond one file: a row naming no file, a manifest without a file column", () => {
    expect(readManifest("file,year\n,2021\na.txt,2021\n", DIR).problems).toEqual(["line 2: no file name"]);
    expect(readManifest("agency,year\n镇巴县公安局,2022\n", DIR)).toEqual({
      rows: new Map(),
      problems: ["no `file` column (expected file,agency,year,region_code,source_url,published_date)"],
      unusedColumns: [],
    });
  });
});
