/** When two narratives count as the same text: shared by the copy rules. */
import type { NarrativeText } from "./narrative";

/**
 * Share of five-character runs in common. Unrelated real reports share under 35% (the shared
 * corpus, same year and level); one agency's consecutive reports 2–8%.
 */
export const SIMILAR = 0.7;

/** Characters of wording below which a narrative is too short to call a copy: two lines of boilerplate are alike anywhere. */
const MIN_LENGTH = 150;

export const comparable = (text: Pick<NarrativeText, "length">) => text.length >= MIN_LENGTH;
