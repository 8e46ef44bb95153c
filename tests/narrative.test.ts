import { describe, expect, it } from "vitest";
import { readNarrative } from "../lib/parse/narrative";
import { countsIn, numberValue, proseClauses } from "../lib/parse/prose";
import { loadCases } from "../scripts/score-metadata";

const reports = new Map(loadCases().map((c) => [c.name, c.lines]));
const read = (name: string) => readNarrative(reports.get(name) ?? []);
/** One sentence as a report wrote it. */
const say = (sentence: string) => readNarrative([sentence]).narrative;

describe("items disclosed on the agency's own initiative", () => {
  it("reads the total with its line", () => {
    expect(read("001_873059f99be5ef02")).toEqual({
      narrative: { proactiveItems: 3702, requestsReceived: 11 },
      provenance: { proactiveItems: 4, requestsReceived: 6 },
    });
  });

  it.each([
    ["2024年共主动公开政府信息2535条,其中,通过局政务网站公开政务信息1355条", 2535],
    ["全年主动公开政府信息总数171条:基层政务公开领域信息124条", 171],
    ["一是通过海口国家高新区门户网站发布政务信息(1386)条,其中:概况类信息(22)条", 1386],
    ["2023年,主动公开政务信息21 条,主要涉及园区人才服务", 21],
    ["西柳镇人民政府利用电子屏、公告栏、条幅等主动对外更新政府信息27次", 27],
    ["2021年,我厅网站共发布政府信息35012条(次)。", 35012],
    ["2025年度,芦庙镇主动公开政府信息条数921条。", 921],
    ["本局2024年度主动公开政府信息数不同渠道和方式公开相同信息计62条。", 62],
    ["全年发布全国、全区环境信息和全市环境工作信息等924条", 924],
  ])("reads %s as %i", (sentence, items) => {
    expect(say(sentence).proactiveItems).toBe(items);
  });

  it("reads a number the source lost its unit after (信息数量304)", () => {
    expect(read("020").narrative.proactiveItems).toBe(304);
  });

  it("takes the first total, not the itemised counts after it", () => {
    expect(say("2024年通过政府网站主动公开信息101条,①组织机构类信息9条。②政府文件类信息76条。")).toMatchObject({ proactiveItems: 101 });
  });

  it("takes the statement worded as the whole over a channel's figure before it", () => {
    expect(say("在县政府网站发布动态信息50条。全年共主动公开政府信息200条。")).toMatchObject({ proactiveItems: 200 });
    expect(say("2022年我镇公开政府信息243条,在门户网站的“镇场工作”栏目公开了63条动态信息")).toMatchObject({ proactiveItems: 243 });
  });

  it("takes the total when the sentence adds the channels up after the first", () => {
    expect(say("通过政府网站公开信息120条,通过微信公众号发布信息80条,共计200条。")).toMatchObject({ proactiveItems: 200 });
  });

  it("prefers items of information to documents, which count only when no item figure is given", () => {
    // 我镇共发文96件,其中主动公开文件0件 … 我镇共在政务信息公开平台主动公开政府信息达18条
    expect(read("059").narrative.proactiveItems).toBe(18);
    expect(say("主动公开政务文件11份,开展政策解读活动15次。")).toMatchObject({ proactiveItems: 11 });
    expect(read("077").narrative.proactiveItems).toBe(44); // 各栏目共刊发文稿、通知、公告、公示等44篇
  });

  it("says nothing for a round figure, a blank number, one category, or a count worded before its noun", () => {
    expect(read("032").narrative.proactiveItems).toBeNull(); // 发布信息2535余条
    expect(read("065").narrative.proactiveItems).toBeNull(); // 公开政府信息500余条
    expect(read("070").narrative.proactiveItems).toBeNull(); // 主动公开信息  条; then 工作动态信息43条
    expect(read("075").narrative.proactiveItems).toBeNull(); // 发布政务类信息34条,概况类信息150条
    expect(read("055").narrative.proactiveItems).toBeNull(); // 同时通过“健康喀左”微信公众号发布136条信息
    expect(read("080").narrative.proactiveItems).toBeNull(); // 公开12项统计主要经济指标信息
    expect(read("014").narrative.proactiveItems).toBeNull(); // 公开的内容、…四个部分
  });

  it("does not read 依申请公开, 信息公开, press conferences or policy briefs as disclosure", () => {
    expect(say("2023年受理依申请公开0件。")).toMatchObject({ proactiveItems: null });
    expect(say("召开政府信息公开工作会议3次")).toMatchObject({ proactiveItems: null });
    expect(say("召开新闻发布会3次,发布政策解读5篇。")).toMatchObject({ proactiveItems: null });
  });

  it("reads 各类信息 as every category, not one, and a thousands separator as part of the number", () => {
    expect(say("全年通过门户网站公开各类信息1,234条。")).toMatchObject({ proactiveItems: 1234 });
  });
});

describe("requests received", () => {
  it.each([
    ["2024年收到依申请公开信息3宗,已全部按时答复", 3],
    ["2021年,全街共受理政府信息公开申请总数1件。", 1],
    ["受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件", 5],
    ["2022年,我办受理依申请信息56条", 56],
    ["2019年依申请公开共受理2件,为挂号信依申请公开", 2],
    ["本局2024年度收到4件针对本部门有关政府信息公开事务的申请", 4],
    ["2021年,山西省交通运输厅共收到依申请公开16项,办理15项", 16],
    ["全年共收到、办理依申请公开 0件,其中当面申请 0 件", 0],
    ["本年度新收政府信息公开申请3件,上年结转1件。", 3],
    // none received
    ["2022年全年,本镇未收到依申请公开办理诉求。", 0],
    ["本年度我局没有收到依申请公开事项。", 0],
    ["2023年未接到政府信息公开申请。", 0],
    ["本年度无依申请公开事项。", 0],
    // the first clause is about licences; the second says no information requests came
    ["2023年,我办全年未收到行政许可申请;全年未接到信息公开申请;", 0],
  ])("reads %s as %i", (sentence, requests) => {
    expect(say(sentence).requestsReceived).toBe(requests);
  });

  it("does not read a table row run into the prose as a statement", () => {
    // 010, PDF text: 一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119
    expect(read("010").narrative.requestsReceived).toBeNull();
  });

  it("does not read an answer to a received request as none received", () => {
    expect(say("对无法受理的申请及时告知申请人")).toMatchObject({ requestsReceived: null });
  });

  it("reads the text, not the table, when they disagree", () => {
    // prose: 共受理政府信息公开申请2件; table: 本年新收 3
    expect(read("075")).toEqual({ narrative: { proactiveItems: null, requestsReceived: 2 }, provenance: { requestsReceived: 3 } });
  });

  it("does not take other counts for requests", () => {
    expect(read("064").narrative.requestsReceived).toBeNull(); // 自然人办件量为108101件
    expect(read("045").narrative.requestsReceived).toBeNull(); // 未发生依申请公开政府信息方面的行政复议
    expect(read("082").narrative.requestsReceived).toBeNull(); // (二)依申请公开… repeats the proactive 58条
    expect(read("000_2efb6d9fb4d36fe3").narrative.requestsReceived).toBeNull(); // only the table says 0
    expect(read("127").narrative.requestsReceived).toBe(70); // not the 三个一 of 第一时间登记受理…
  });
});

describe("prose and counts", () => {
  it("leaves table rows out of the prose", () => {
    expect(proseClauses(["| 一、本年新收政府信息公开申请数量 | 11 |", "共收到政府信息公开申请11件,均按时办结"])).toEqual([
      { text: "共收到政府信息公开申请11件", line: 2, sentence: 0 },
      { text: "均按时办结", line: 2, sentence: 0 },
    ]);
  });

  it("reads digits, grouped digits and Chinese numerals", () => {
    expect(["3702", "1,386", "十二", "两", "一百零五", "二十"].map(numberValue)).toEqual([3702, 1386, 12, 2, 105, 20]);
  });

  it("finds counts with units, marks round figures, skips ordinals", () => {
    expect(countsIn("发布信息2535余条,第二十条第(一)项,收到两件").map(({ value, unit, approximate }) => [value, unit, approximate])).toEqual([
      [2535, "条", true],
      [2, "件", false],
    ]);
  });
});
