/** The one-line reason the ingest summary gives for a report it could not read in full, on real reports. */
import { describe, expect, it } from "vitest";
import { partialReason } from "../lib/ingest/partial";
import { corpusReport, seed } from "./parse.support";

const PROACTIVE = "“主动公开政府信息情况”";
const REQUESTS = "“收到和处理政府信息公开申请情况”";
const REVIEWS = "“政府信息公开行政复议、行政诉讼情况”";

describe("partialReason", () => {
  it("is null for a report read in full, even one whose tables do not add up (seeds 000, 001; pingtan-2021)", () => {
    expect(partialReason(seed("000_2efb6d9fb4d36fe3.txt"))).toBeNull();
    expect(partialReason(seed("001_873059f99be5ef02.txt"))).toBeNull();
    expect(partialReason(corpusReport("pingtan-2021.html"))).toBeNull();
  });

  it("names the sections whose heading stands without its table (seed 003)", () => {
    expect(partialReason(seed("003_2a443156898f67a2.txt"))).toBe(`${PROACTIVE}${REQUESTS}${REVIEWS}各节没有统计表`);
  });

  it("names the tables an excerpt does not reach (corpus 017: it ends in 总体情况)", () => {
    expect(partialReason(corpusReport("017.txt"))).toBe(`文中没有${PROACTIVE}${REQUESTS}${REVIEWS}表`);
  });

  it("names a table cut off, its blank cells and the tables after it (corpus 007)", () => {
    expect(partialReason(corpusReport("007.txt"))).toBe(`${REQUESTS}表中途中断;113格空白或填“/”“-”“无”;文中没有${REVIEWS}表`);
  });

  it("counts the cells of a fragment that starts mid-table (corpus 069: only 第(九)项)", () => {
    expect(partialReason(corpusReport("069.txt"))).toBe(`${REQUESTS}表中途中断;文中没有${REVIEWS}表;${PROACTIVE}表缺20格`);
  });

  it("counts glued cells it would not split and rows too short to place (corpus 124, 099)", () => {
    expect(partialReason(corpusReport("124.txt"))).toBe("5格数字连写、拆法不唯一");
    expect(partialReason(corpusReport("099.txt"))).toBe(`${REQUESTS}表中途中断;21格所在行数字不全;文中没有${REVIEWS}表`);
  });
});
