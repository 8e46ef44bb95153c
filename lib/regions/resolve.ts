/**
 * The area an agency serves, as a gazetteer entry: the most specific place its name gives
 * (镇巴县人民政府办公室 → 镇巴县 610728), told apart from its namesakes by the places around it
 * (金峰镇 of 重庆市开州区, not of 福州市长乐区). An agency whose name gives no full place name may
 * start with a short one (平潭综合实验区), or, when a mirror cut the county away (交通运输局), take
 * the place the text puts right before its own words (永嘉交通). Null when no place is given, or
 * when the namesakes cannot be told apart.
 */
import type { RegionRef } from "../parse/types";
import type { AliasKind } from "./aliases";
import type { Region } from "./gazetteer";
import { placesIn, type Mention } from "./mentions";

// a place named in the agency's own name outweighs any number of mentions in the text
const AGENCY_WEIGHT = 100;

export function resolveRegion(agency: string | null, lines: string[]): RegionRef | null {
  if (!agency) return null;
  const text = lines.join("\n");
  const own = placesIn(agency, ["name"]);
  const place = mostSpecific(own);
  const chosen = place
    ? namesake(place, own, text)
    : (leadingShortName(agency, text) ?? placeBeforeAgencyWords(agency, text));
  return chosen ? { code: chosen.code, path: chosen.path } : null;
}

function namesake(place: Mention, own: Mention[], text: string): Region | null {
  const candidates = place.aliases.map((a) => a.region);
  return candidates.length === 1 ? candidates[0] : bestSupported(candidates, own, placesIn(text, ["name", "short"]));
}

/**
 * An agency named after its place's short form (平潭综合实验区, 海口国家高新区), when the text
 * confirms that place by its full name or its province or city. The confirmation keeps 公安局
 * from being read as a bureau of 公安县.
 */
function leadingShortName(agency: string, text: string): Region | null {
  const lead = placesIn(agency, ["short", "countyShort"])[0];
  if (lead?.index !== 0) return null;
  const mentions = placesIn(text, ["name", "short"]);
  const named = codesOf(mentions, "name");
  const mentioned = codesOf(mentions);
  const confirmed = lead.aliases
    .map((a) => a.region)
    .filter((r) => named.has(r.code) || ancestorCodes(r.code).some((c) => mentioned.has(c)));
  return confirmed.length === 1 ? confirmed[0] : null;
}

// 区统计局 → 统计, 交通运输局 → 交通: the words a text writes after a place to mean this agency;
// the level word before them (区统计局) says which level that place must be
const LEVEL_PREFIX = /^(?<level>[省市县区乡镇]?)(?:人民)?(?:政府)?/;
const LEVELS_OF: Record<string, readonly Region["level"][]> = {
  省: [1], 市: [2, 3], 县: [3], 区: [3], 乡: [4], 镇: [4], "": [1, 2, 3, 4],
};
const AGENCY_WORD_LENGTH = 2;

/** The one place the text writes right before the agency's own words: 永嘉交通 → 永嘉县. */
function placeBeforeAgencyWords(agency: string, text: string): Region | null {
  const prefix = LEVEL_PREFIX.exec(agency)!;
  const words = agency.slice(prefix[0].length, prefix[0].length + AGENCY_WORD_LENGTH);
  if (words.length < AGENCY_WORD_LENGTH) return null;
  const levels = LEVELS_OF[prefix.groups!.level];
  const regions = new Map<string, Region>();
  for (const mention of placesIn(text, ["name", "short", "countyShort"])) {
    if (!text.startsWith(words, mention.index + mention.text.length)) continue;
    for (const { region } of mention.aliases) if (levels.includes(region.level)) regions.set(region.code, region);
  }
  return regions.size === 1 ? [...regions.values()][0] : null;
}

/** The mention standing for the deepest level; the later one when two reach it (县 then 镇). */
function mostSpecific(mentions: Mention[]): Mention | null {
  const depth = (m: Mention) => Math.max(...m.aliases.map((a) => a.region.level));
  return mentions.reduce<Mention | null>((best, m) => (!best || depth(m) >= depth(best) ? m : best), null);
}

/** The codes of the places mentioned, or only of those mentioned by one kind of alias. */
function codesOf(mentions: Mention[], kind?: AliasKind): Set<string> {
  return new Set(mentions.flatMap((m) => m.aliases.filter((a) => !kind || a.kind === kind).map((a) => a.region.code)));
}

/** The one candidate whose ancestors are mentioned most; null on a tie or with no support. */
function bestSupported(candidates: Region[], inAgency: Mention[], inText: Mention[]): Region | null {
  const agencyCodes = codesOf(inAgency);
  const textCodes = codesOf(inText);
  const scored = candidates
    .map((region) => {
      const ancestors = ancestorCodes(region.code);
      const score =
        AGENCY_WEIGHT * ancestors.filter((c) => agencyCodes.has(c)).length + ancestors.filter((c) => textCodes.has(c)).length;
      return { region, score };
    })
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  return first.score > 0 && first.score !== second?.score ? first.region : null;
}

/** 610728116 → 61, 6107, 610728 */
function ancestorCodes(code: string): string[] {
  return [2, 4, 6].filter((n) => n < code.length).map((n) => code.slice(0, n));
}
