/**
 * The area an agency serves, as a gazetteer entry: the most specific place its name gives
 * (镇巴县人民政府办公室 → 镇巴县 610728), told apart from its namesakes by the places around it
 * (金峰镇 of 重庆市开州区, not of 福州市长乐区). Null when the name gives no place, or when the
 * namesakes cannot be told apart.
 */
import type { RegionRef } from "../parse/types";
import type { Region } from "./gazetteer";
import { placesIn, type Mention } from "./mentions";

// a place named in the agency's own name outweighs any number of mentions in the text
const AGENCY_WEIGHT = 100;

export function resolveRegion(agency: string | null, lines: string[]): RegionRef | null {
  if (!agency) return null;
  const own = placesIn(agency, ["name"]);
  const place = mostSpecific(own);
  if (!place) return null;
  const candidates = place.aliases.map((a) => a.region);
  const chosen = candidates.length === 1 ? candidates[0] : bestSupported(candidates, own, placesIn(lines.join("\n"), ["name", "short"]));
  return chosen ? { code: chosen.code, path: chosen.path } : null;
}

/** The mention standing for the deepest level; the later one when two reach it (县 then 镇). */
function mostSpecific(mentions: Mention[]): Mention | null {
  const depth = (m: Mention) => Math.max(...m.aliases.map((a) => a.region.level));
  return mentions.reduce<Mention | null>((best, m) => (!best || depth(m) >= depth(best) ? m : best), null);
}

/** The one candidate whose ancestors are mentioned most; null on a tie or with no support. */
function bestSupported(candidates: Region[], inAgency: Mention[], inText: Mention[]): Region | null {
  const own = new Set(candidates.map((c) => c.code));
  const codes = (mentions: Mention[]) =>
    new Set(mentions.flatMap((m) => m.aliases.map((a) => a.region.code)).filter((c) => !own.has(c)));
  const agencyCodes = codes(inAgency);
  const textCodes = codes(inText);
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
