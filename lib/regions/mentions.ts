/**
 * The places a piece of text mentions, read left to right taking the longest name at each point,
 * so that 海城镇 is one town and never also 海城(市).
 */
import { aliasIndex, type Alias, type AliasKind } from "./aliases";

export interface Mention {
  text: string;
  /** where the mention starts in the text */
  index: number;
  /** the places the text may stand for */
  aliases: Alias[];
}

const SHORTEST_ALIAS = 2;

let longestByOpening: Map<string, number> | null = null;

/**
 * The length of the longest alias opening with each pair of characters. Most positions in a
 * report open no place name at all, and this lets them be passed over with one lookup instead
 * of a lookup for every length a name could have.
 */
function longestAliasOpening(index: Map<string, Alias[]>): Map<string, number> {
  if (longestByOpening) return longestByOpening;
  longestByOpening = new Map();
  for (const text of index.keys()) {
    const opening = text.slice(0, SHORTEST_ALIAS);
    longestByOpening.set(opening, Math.max(longestByOpening.get(opening) ?? 0, text.length));
  }
  return longestByOpening;
}

/** `kinds`: which alias kinds may match ("name" alone for an agency's own name). */
export function placesIn(text: string, kinds: readonly AliasKind[]): Mention[] {
  const index = aliasIndex();
  const longest = longestAliasOpening(index);
  const mentions: Mention[] = [];
  let at = 0;
  while (at < text.length) {
    const found = longestAt(text, at, index, longest, kinds);
    if (found) {
      mentions.push(found);
      at += found.text.length;
    } else at++;
  }
  return mentions;
}

// 中山东路, 环湖北路: a short place name followed by a road is an address, not the place
const ROAD = /^(?:[东西南北中]?[路街巷]|大道)/;

function isStreet(text: string, end: number): boolean {
  return ROAD.test(text.slice(end, end + 3));
}

function longestAt(
  text: string,
  at: number,
  index: Map<string, Alias[]>,
  longest: Map<string, number>,
  kinds: readonly AliasKind[],
): Mention | null {
  const longestHere = longest.get(text.slice(at, at + SHORTEST_ALIAS)) ?? 0;
  for (let length = Math.min(longestHere, text.length - at); length >= SHORTEST_ALIAS; length--) {
    const candidate = text.slice(at, at + length);
    const aliases = index.get(candidate)?.filter((a) => kinds.includes(a.kind) && (a.kind === "name" || !isStreet(text, at + length)));
    if (aliases?.length) return { text: candidate, index: at, aliases };
  }
  return null;
}
