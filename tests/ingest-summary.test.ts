import { describe, expect, it } from "vitest";
import { outcomeLine, summaryLines, type FileOutcome } from "../lib/ingest/summary";

const outcomes: FileOutcome[] = [
  { path: "a.txt", outcome: "ingested" },
  { path: "b.txt", outcome: "ingested", partial: "“收到和处理政府信息公开申请情况”表中途中断" },
  { path: "c.txt", outcome: "updated", note: "取代了 c0.txt" },
  { path: "d.txt", outcome: "failed", reason: "空文件" },
  { path: "e.txt", outcome: "declined", reason: "不是年度报告:这是一份通知" },
];

describe("the ingest's closing summary", () => {
  it("counts each outcome, then lists files turned away and reports read in part, each with why", () => {
    expect(summaryLines(outcomes, 1.25)).toEqual([
      "ingested 2, updated 1, unchanged 0, declined 1, failed 1 (5 files, 1.3 s)",
      "declined:",
      "  e.txt: 不是年度报告:这是一份通知",
      "failed:",
      "  d.txt: 空文件",
      "read in part:",
      "  b.txt: “收到和处理政府信息公开申请情况”表中途中断",
    ]);
  });

  it("says nothing more than the counts when every file was read in full", () => {
    expect(summaryLines(outcomes.slice(0, 1), 0.5)).toEqual(["ingested 1, updated 0, unchanged 0, declined 0, failed 0 (1 files, 0.5 s)"]);
  });

  it("gives a file's version note and what it lacks on its own log line", () => {
    expect(outcomeLine({ path: "b.txt", outcome: "updated", note: "取代了 b0.txt", partial: "3格空白" })).toBe("updated    b.txt (取代了 b0.txt;3格空白)");
  });
});
