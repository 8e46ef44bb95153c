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

/**
 * By first and second UTF-16 unit, the length of the longest alias opening with that pair.
 * Looked up by character codes, so that passing over a position costs no string (slicing two
 * characters at every position of every report did).
 */
type LongestByOpening = Map<number, Map<number, number>>;

let longestByOpening: LongestByOpening | null = null;

/**
 * The length of the longest alias opening with each pair of characters. Most positions in a
 * report open no place name at all, and this lets them be passed over with one lookup instead
 * of a lookup for every length a name could have.
 */
function longestAliasOpening(index: Map<string, Alias[]>): LongestByOpening {
  if (longestByOpening) return longestByOpening;
  longestByOpening = new Map();
  for (const text of index.keys()) {
    if (text.length < SHORTEST_ALIAS) continue;
    const seconds = longestByOpening.get(text.charCodeAt(0)) ?? new Map<number, number>();
    seconds.set(text.charCodeAt(1), Math.max(seconds.get(text.charCodeAt(1)) ?? 0, text.length));
    longestByOpening.set(text.charCodeAt(0), seconds);
  }
  return longestByOpening;
}

/** The longest alias that may open at `at`; 0 when none does. */
function longestOpeningAt(longest: LongestByOpening, text: string, at: number): number {
  if (at + SHORTEST_ALIAS > text.length) return 0;
  return longest.get(text.charCodeAt(at))?.get(text.charCodeAt(at + 1)) ?? 0;
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
  longest: LongestByOpening,
  kinds: readonly AliasKind[],
): Mention | null {
  const longestHere = longestOpeningAt(longest, text, at);
  for (let length = Math.min(longestHere, text.length - at); length >= SHORTEST_ALIAS; length--) {
    const candidate = text.slice(at, at + length);
    const aliases = index.get(candidate)?.filter((a) => kinds.includes(a.kind) && (a.kind === "name" || !isStreet(text, at + length)));
    if (aliases?.length) return { text: candidate, index: at, aliases };
  }
  return null;
}
