/**
 * The ways a text writes a place: its full name (镇巴县, 海南藏族自治州) and the forms agencies use
 * in their own names (海南州, 佳荣里街 for 佳荣里街道); the short forms of provinces and cities
 * (甘肃, 长沙), which serve as context; and the short forms of counties (永嘉), which are so often
 * pieces of ordinary words (中华人民共和国 holds 共和, 公开平台 holds 开平) that they only count
 * right before the agency's own words (永嘉交通 for a 交通运输局).
 */
import { ETHNIC_GROUPS } from "./ethnic-groups";
import { allRegions, type Region } from "./gazetteer";

export type AliasKind = "name" | "short" | "countyShort";

export interface Alias {
  region: Region;
  kind: AliasKind;
}

// names that are ordinary words (主城区, 东区) or kinds of zone (高新区, 经济开发区, 国营林场):
// they say nothing about where a place is
const GENERIC_NAMES =
  /^(?:城区|郊区|矿区|东区|西区|市中区|新区|[县市]?(?:经济|高新|高新技术|高新技术产业|经济技术|工业)?(?:开发区|园区|区)(?:管委会|管理委员会|街道|直属乡镇)?|(?:国营)?(?:林场|农场|畜牧场))$/;

const ETHNIC = `(?:(?:${ETHNIC_GROUPS.join("|")})族)*`;
const AUTONOMOUS_PREFECTURE = new RegExp(`${ETHNIC}自治州$`);
const LEVEL_WORD: Record<Region["level"], RegExp> = {
  1: new RegExp(`${ETHNIC}(?:自治区|特别行政区|省|市)$`),
  2: new RegExp(`${ETHNIC}(?:自治州|地区|盟|市)$`),
  3: new RegExp(`${ETHNIC}(?:自治县|自治旗|林区|特区|县|区|市|旗)$`),
  4: /$^/, // townships are only ever named in full
};
const MIN_SHORT_LENGTH = 2;

function aliasesOf(region: Region): [string, AliasKind][] {
  const { name, level } = region;
  // 佳荣里街道 → also 佳荣里街; the gazetteer's few 新华街道办事处 are plain 新华街道, like their namesakes
  const street = /^(.{2,})街道(?:办事处)?$/.exec(name);
  const out: [string, AliasKind][] = street ? [[`${street[1]}街道`, "name"], [`${street[1]}街`, "name"]] : [[name, "name"]];
  // 海南藏族自治州 → 海南州
  if (AUTONOMOUS_PREFECTURE.test(name)) out.push([name.replace(AUTONOMOUS_PREFECTURE, "州"), "name"]);
  const short = name.replace(LEVEL_WORD[level], "");
  if (short !== name && short.length >= MIN_SHORT_LENGTH) out.push([short, level === 3 ? "countyShort" : "short"]);
  return out;
}

let index: Map<string, Alias[]> | null = null;

/** Alias text → the places it may stand for. */
export function aliasIndex(): Map<string, Alias[]> {
  if (index) return index;
  index = new Map();
  for (const region of allRegions()) {
    // placeholders (市辖区) and the county rows repeating 东莞市 carry no name of their own
    const named = region.path.at(-1) === region.name;
    if (!named || GENERIC_NAMES.test(region.name)) continue;
    for (const [text, kind] of aliasesOf(region)) {
      const list = index.get(text) ?? [];
      if (!list.some((a) => a.region.code === region.code)) list.push({ region, kind });
      index.set(text, list);
    }
  }
  return index;
}
