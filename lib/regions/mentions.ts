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

const LONGEST_ALIAS = 24;
const SHORTEST_ALIAS = 2;

/** `kinds`: which alias kinds may match ("name" alone for an agency's own name). */
export function placesIn(text: string, kinds: readonly AliasKind[]): Mention[] {
  const index = aliasIndex();
  const mentions: Mention[] = [];
  let at = 0;
  while (at < text.length) {
    const found = longestAt(text, at, index, kinds);
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

function longestAt(text: string, at: number, index: Map<string, Alias[]>, kinds: readonly AliasKind[]): Mention | null {
  for (let length = Math.min(LONGEST_ALIAS, text.length - at); length >= SHORTEST_ALIAS; length--) {
    const candidate = text.slice(at, at + length);
    const aliases = index.get(candidate)?.filter((a) => kinds.includes(a.kind) && (a.kind === "name" || !isStreet(text, at + length)));
    if (aliases?.length) return { text: candidate, index: at, aliases };
  }
  return null;
}
