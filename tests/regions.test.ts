import { describe, expect, it } from "vitest";
import { placesIn } from "../lib/regions/mentions";
import { resolveRegion } from "../lib/regions/resolve";
import { loadCases } from "../scripts/score-metadata";

const reports = new Map(loadCases().map((c) => [c.name, c.lines]));
const resolve = (agency: string | null, name: string) => resolveRegion(agency, reports.get(name) ?? []);

describe("resolveRegion", () => {
  it("finds a unique township with its path", () => {
    expect(resolve("黎坝镇", "000_2efb6d9fb4d36fe3")).toEqual({ code: "610728116", path: ["陕西省", "汉中市", "镇巴县", "黎坝镇"] });
  });

  it("gives a county department its county's code", () => {
    expect(resolve("镇巴县人民政府办公室", "001_873059f99be5ef02")).toEqual({ code: "610728", path: ["陕西省", "汉中市", "镇巴县"] });
  });

  it("codes a city with 4 digits and a province with 2", () => {
    expect(resolve("长沙市生态环境局", "049")?.code).toBe("4301");
    expect(resolve("山西省交通运输厅", "085")?.code).toBe("14");
    expect(resolve("广西壮族自治区人民政府办公厅", "030")?.code).toBe("45");
  });

  it("tells 金峰镇 of 重庆市开州区 from 金峰镇 of 福州", () => {
    expect(resolve("重庆市开州区金峰镇人民政府", "004_3f0c8cd74326bd72")).toEqual({
      code: "500154103",
      path: ["重庆市", "开州区", "金峰镇"],
    });
  });

  it("lets places mentioned in the text decide between namesakes", () => {
    expect(resolve("东山街道", "040")?.code).toBe("371082005"); // 荣成市人民政府信息公开网
    expect(resolve("兴国镇人民政府", "020")?.code).toBe("620522100"); // 甘肃政府服务网-秦安
    expect(resolve("河东镇", "099")?.code).toBe("441581115"); // 陆丰市人民政府办公室
  });

  it("says nothing when namesakes cannot be told apart", () => {
    expect(resolve("新华街道办事处", "104")).toBeNull();
    expect(resolve("太平镇人民政府", "004")).toBeNull();
    expect(resolve("海城镇", "115")).toBeNull(); // three 海城镇, none placed by the text; never 海城市
  });

  it("reads 海南州 as the prefecture in Qinghai, not the province of Hainan", () => {
    expect(resolve("海南州人民政府", "092")).toEqual({ code: "6325", path: ["青海省", "海南藏族自治州"] });
  });

  it("keeps 芦庙乡 (Henan) and 芦庙镇 (Anhui) apart", () => {
    expect(resolve("芦庙乡人民政府", "082")?.code).toBe("411721208");
    expect(resolve("亳州市谯城区芦庙镇", "084")?.code).toBe("341602101");
  });

  it("places a department whose place was cut away by what the text writes before its words", () => {
    expect(resolve("交通运输局", "087")).toEqual({ code: "330324", path: ["浙江省", "温州市", "永嘉县"] }); // “永嘉交通”
    expect(resolve("区统计局", "080")).toBeNull();
  });

  it("holds the place before the agency's words to the level the agency's name gives (区, 县, 市)", () => {
    expect(resolveRegion("区统计局", ["全区统计数据按月发布,红桥区统计信息网同步更新"])?.code).toBe("120106");
    expect(resolveRegion("区政府政务服务办", ["依托甘肃政务服务网办理"])).toBeNull(); // a province is no 区
  });

  it("places an agency named by its place's short form when the text confirms the place", () => {
    expect(resolve("平潭综合实验区", "pingtan-2022")?.code).toBe("350128");
  });

  it("is null without an agency", () => {
    expect(resolve(null, "001_873059f99be5ef02")).toBeNull();
  });
});

describe("placesIn", () => {
  it("takes the longest name at each point", () => {
    expect(placesIn("海丰县海城镇人民政府", ["name"]).map((m) => m.text)).toEqual(["海丰县", "海城镇"]);
  });

  it("does not read ordinary words or addresses as places", () => {
    const context = placesIn("中华人民共和国政府信息公开条例;公开平台;龙泉市中山东路92号", ["name", "short"]);
    expect(context.map((m) => m.text)).toEqual(["龙泉市"]);
  });
});
