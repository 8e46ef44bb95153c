/** When two narratives count as the same text: shared by the copy rules. */
import { estimatedSimilarity, shareBand } from "./minhash";
import type { NarrativeText } from "./narrative";

/**
 * Share of five-character runs in common. Unrelated real reports share under 35% (the shared
 * corpus, same year and level); one agency's consecutive reports 2–8%.
 */
export const SIMILAR = 0.7;

/** Characters of wording below which a narrative is too short to call a copy: two lines of boilerplate are alike anywhere. */
const MIN_LENGTH = 150;

export const comparable = (text: Pick<NarrativeText, "length">) => text.length >= MIN_LENGTH;

/**
 * Pairs whose signatures suggest less than this are not read and compared: the estimate is
 * within about 0.06 (one standard deviation, lib/anomalies/text/minhash.ts), so a pair truly at
 * SIMILAR falls this low about once in 2,000. Generated reports share their boilerplate, and
 * without it one new report had a province-year's narratives read, 350 ms at 100k reports.
 */
export const WORTH_COMPARING = SIMILAR - 0.2;

/** Two signatures that share a band (a candidate pair) and suggest a similarity near enough to SIMILAR to compare the texts. */
export function worthComparing(a: Uint32Array | null, b: Uint32Array | null): boolean {
  return a !== null && b !== null && shareBand(a, b) && estimatedSimilarity(a, b) >= WORTH_COMPARING;
}
