import { describe, expect, it } from "vitest";
import { isAgencyName, nameAtEnd, withoutSpam } from "../lib/parse/agency-name";
import { readMetadata } from "../lib/parse/metadata";
import { loadCases } from "../scripts/score-metadata";

const reports = new Map(loadCases().map((c) => [c.name, c.lines]));
const read = (name: string) => readMetadata(reports.get(name) ?? []);

describe("agency and year from a title", () => {
  it("reads the name before the year on a title line", () => {
    expect(read("004_3f0c8cd74326bd72")).toEqual({ agency: "重庆市开州区金峰镇人民政府", agencyLine: 1, year: 2025, yearLine: 1 });
  });

  it("reads the name between the year and the report words", () => {
    expect(read("007")).toEqual({ agency: "螅镇", agencyLine: 2, year: 2022, yearLine: 2 });
    // 嵊州市人民政府 on the line before is the site's banner, not the author
    expect(read("057")).toMatchObject({ agency: "石璜镇", agencyLine: 3 });
  });

  it("joins a title split over two lines, name above or year above", () => {
    expect(read("050")).toEqual({ agency: "乌海市生态环境局", agencyLine: 2, year: 2024, yearLine: 2 });
    expect(read("109")).toEqual({ agency: "西街街道", agencyLine: 2, year: 2019, yearLine: 2 });
  });

  it("reads titles without 年 or with a variant wording", () => {
    expect(read("090")).toMatchObject({ agency: "海南省生态环境厅", year: 2022 });
    expect(read("070")).toMatchObject({ agency: "定西市公共资源交易中心", year: 2020 }); // …工作的年度报告
    expect(read("062")).toMatchObject({ agency: "长桥乡", year: 2019 }); // …年度工作报告
    expect(read("122")).toMatchObject({ agency: "桃园开发区管委会", year: 2023 }); // 信息公开工作年度报告
  });

  it("reads metadata rows and page titles: 标题:, | 标 题: |, <title>, 2020年报_审计局", () => {
    expect(read("124")).toEqual({ agency: "平潭综合实验区", agencyLine: 1, year: 2025, yearLine: 1 });
    expect(read("085")).toEqual({ agency: "山西省交通运输厅", agencyLine: 5, year: 2021, yearLine: 5 });
    expect(read("pingtan-2022")).toEqual({ agency: "平潭综合实验区", agencyLine: 1, year: 2022, yearLine: 1 });
    expect(read("042")).toEqual({ agency: "审计局", agencyLine: 1, year: 2020, yearLine: 1 });
  });

  it("reads a title quoted in a sentence: 现公布…, 特编制…, 《…》", () => {
    expect(read("032")).toMatchObject({ agency: "黄平县人民政府", year: 2024 });
    expect(read("077")).toMatchObject({ agency: "湛江市人民政府地方志办公室", year: 2023 });
    expect(read("029")).toMatchObject({ agency: "钦北区", agencyLine: 6, year: 2023 });
  });

  it("prefers the title to a copied intro that names another agency", () => {
    // the intro says 现公布建水县民族宗教事务局2025年度…; the title is the town's
    expect(read("019")).toMatchObject({ agency: "建水县面甸镇", agencyLine: 13 });
  });
});

describe("agency from the text when the title does not name it", () => {
  it("takes the subject of an opening sentence", () => {
    expect(read("024")).toMatchObject({ agency: "二道区房屋征收工作管理办公室", agencyLine: 3 });
    expect(read("080")).toMatchObject({ agency: "区统计局", agencyLine: 4 });
    expect(read("102")).toMatchObject({ agency: "武汉市", agencyLine: 3 });
    expect(read("074")).toMatchObject({ agency: "大源街", agencyLine: 1 });
  });

  it("takes the compiler of 由…编制, without its internal office", () => {
    expect(read("037")).toMatchObject({ agency: "天津市武清区崔黄口镇人民政府", agencyLine: 1 });
  });

  it("takes the contact line, without the internal office", () => {
    expect(read("097")).toMatchObject({ agency: "柞水县凤凰镇人民政府", agencyLine: 2 });
    expect(read("022")).toMatchObject({ agency: "淳安县农业农村局", agencyLine: 1 });
  });

  it("takes the year's summary in the seed that never states its name in a title", () => {
    expect(read("000_2efb6d9fb4d36fe3")).toEqual({ agency: "黎坝镇", agencyLine: 380, year: 2025, yearLine: 380 });
  });

  it("takes the agency's own rule book when the text speaks as that kind of agency (我街)", () => {
    expect(read("072")).toMatchObject({ agency: "桥中街道", agencyLine: 2 });
  });

  it("strips spam from mirrors and keeps the real part", () => {
    expect(read("087")).toMatchObject({ agency: "交通运输局" }); // puroview.com交通运输局
    expect(read("107")).toMatchObject({ agency: "区人民政府北京街道办事处" }); // 新葡京博彩官网区人民政府…
    expect(read("002")).toMatchObject({ agency: "西柳镇人民政府办公室" }); // uedbet体育_uedbet官网@:西柳镇…
  });

  it("names no agency when the text only says 我局, 本局 or 我镇", () => {
    for (const name of ["005", "044", "055", "060", "067", "075", "079", "089", "100", "105", "117", "119"])
      expect(read(name).agency, name).toBeNull();
  });

  it("does not take a leave-site popup's site name for the author", () => {
    // 您访问的链接即将离开“海淀区人民政府”门户网站
    expect(read("047")).toEqual({ agency: null, year: null });
  });
});

describe("phrasings beyond the corpus", () => {
  it("skips links to other reports, reads a year written after the title", () => {
    const lines = ["上一篇:城关镇2022年政府信息公开工作年度报告", "城关镇政府信息公开工作年度报告(2023年度)"];
    expect(readMetadata(lines)).toEqual({ agency: "城关镇", agencyLine: 2, year: 2023, yearLine: 2 });
  });

  it("reads the page's 发布机构, also with the name on the line below", () => {
    expect(readMetadata(["发布机构:", "兴国镇人民政府", "一、总体情况"])).toMatchObject({ agency: "兴国镇人民政府", agencyLine: 2 });
  });

  it("trusts the statistics period over last year's report quoted in the text", () => {
    const lines = ["一、总体情况", "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。", "对照2023年年报指出的问题逐项整改。"];
    expect(readMetadata(lines)).toMatchObject({ year: 2024, yearLine: 2 });
  });

  it("reads the statistics period by its end", () => {
    expect(readMetadata(["本报告所列数据统计截至2023年12月31日。"])).toMatchObject({ year: 2023, yearLine: 1 });
  });

  it("reads a name tied to the title by 关于, and keeps 编制 inside 机构编制委员会", () => {
    expect(readMetadata(["沙河镇人民政府关于2023年度政府信息公开工作的报告"])).toMatchObject({ agency: "沙河镇人民政府", year: 2023 });
    expect(readMetadata(["镇巴县机构编制委员会办公室2023年政府信息公开工作年度报告"]).agency).toBe("镇巴县机构编制委员会办公室");
  });

  it("does not take the issuer of a notice about reports for the author", () => {
    const preamble = "根据《汉中市人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知》要求,现将我镇工作情况报告如下。";
    expect(readMetadata([preamble])).toEqual({ agency: null, year: 2023, yearLine: 1 });
  });

  it("strips a gambling brand without Latin letters", () => {
    expect(readMetadata(["开云体育西柳镇人民政府2023年政府信息公开工作年度报告"]).agency).toBe("西柳镇人民政府");
  });

  it("does not take an office inside an agency for the agency", () => {
    expect(readMetadata(["2023年,党政办认真落实政务公开工作要求。"]).agency).toBeNull();
  });
});

describe("year", () => {
  it("takes the statistics period over a stale year in the intro", () => {
    // 结合2024年东山街道…工作实际, but 数据的统计期限 starts 2025年1月1日
    expect(read("040")).toMatchObject({ year: 2025, yearLine: 2 });
  });

  it("takes the year the text speaks of most when nothing else dates it", () => {
    expect(read("060")).toMatchObject({ year: 2019, yearLine: 2 });
  });

  it("is null for a fragment without any year", () => {
    expect(read("010")).toEqual({ agency: null, year: null });
    expect(read("117")).toEqual({ agency: null, year: null });
  });

  it("ignores publication dates: a 2026 page reports on 2025", () => {
    expect(read("112")).toMatchObject({ agency: "竹泓镇", year: 2025 }); // 发布日期:2026-01-20 and a stray 20261
  });
});

describe("agency names", () => {
  it("accept agency endings and refuse self-references, bare levels and non-names", () => {
    const names = ["黎坝镇", "区统计局", "海南州人民政府", "佳荣里街", "桃园开发区管委会", "中共镇巴县委组织部", "镇巴县消防救援大队"];
    expect(names.map(isAgencyName)).toEqual(Array(names.length).fill(true));
    const notNames = ["我局", "本镇", "全县", "县人民政府", "区委区政府", "市区", "乡镇", "政府网站", "成立小组", "党政办"];
    expect(notNames.map(isAgencyName)).toEqual(Array(notNames.length).fill(false));
  });

  it("accept places that start like a self-reference: 贵州, 本溪, 全州 are not 贵单位, 本局, 全县", () => {
    const places = ["贵州省人民政府", "贵阳市财政局", "贵港市公安局", "本溪市人民政府", "全州县人民政府", "全椒县教育局"];
    expect(places.map(isAgencyName)).toEqual(Array(places.length).fill(true));
    const selves = ["贵单位", "贵局", "本机关", "本部门", "全市", "全区人民政府", "各乡镇人民政府"];
    expect(selves.map(isAgencyName)).toEqual(Array(selves.length).fill(false));
  });

  it("cut the name out of a sentence's end", () => {
    expect(nameAtEnd("要求,现公布黄平县人民政府")).toBe("黄平县人民政府");
    expect(nameAtEnd("《重庆市开州区人民政府办公室关于做好")).toBeNull();
    expect(nameAtEnd("大东坝镇人民政府的")).toBe("大东坝镇人民政府");
  });

  it("treat brands glued to Latin letters as spam, but not 体育 in a bureau's name", () => {
    expect(withoutSpam("hth在线官网 办")).toBe(" 办");
    expect(withoutSpam("县教育体育局")).toBe("县教育体育局");
  });
});
