/**
 * What counts as an agency's name, and how to cut one out of the words around it:
 * "…现编制形成了《uedbet体育_uedbet官网@:西柳镇人民政府" → 西柳镇人民政府.
 */
import {
  AGENCY_SUFFIXES,
  BARE_AGENCY_NAMES,
  INTERNAL_UNITS,
  NAME_LEAD_INS,
  NAME_TIES,
  NOT_A_NAME_START,
  SENTENCE_OPENERS,
  SPAM_TOKENS,
} from "./vocabulary";

const HAN_ONLY = /^[\u3400-\u9fff]{2,30}$/;
// anything that cannot sit inside a name: spaces, punctuation, brackets, quotes, pipes
const SEPARATORS = /[\s,.。;;::、|《》〈〉<>“”"'‘’()()[\]【】{}_\-—–·•…!?/\\]+/;
const LEAD_IN = new RegExp(`^.*(?:${NAME_LEAD_INS.join("|")})`);
const ENDS_LIKE_AN_AGENCY = new RegExp(`(?:${AGENCY_SUFFIXES.join("|")})$`);

/**
 * A real agency name: Chinese only, ending like an agency; not a self-reference (我局), a bare
 * level (县人民政府) or an office inside some agency (党政办).
 */
export function isAgencyName(name: string): boolean {
  return (
    HAN_ONLY.test(name) &&
    ENDS_LIKE_AN_AGENCY.test(name) &&
    !NOT_A_NAME_START.test(name) &&
    !BARE_AGENCY_NAMES.test(name) &&
    name.replace(INTERNAL_UNITS, "") !== ""
  );
}

/** Everything up to the last spam token is spam: the real name is what follows it. */
export function withoutSpam(text: string): string {
  let cut = 0;
  for (const m of text.matchAll(SPAM_TOKENS)) cut = m.index + m[0].length;
  return text.slice(cut);
}

/**
 * The name that ends a fragment of text, or null. The fragment is what precedes a year in a
 * title or a verb in a sentence, so the name is its last piece once spam, lead-in words
 * (现公布, 特编制) and time words (2022年度) are gone.
 */
export function nameAtEnd(fragment: string): string | null {
  const lastPiece = withoutSpam(fragment).split(SEPARATORS).filter(Boolean).at(-1) ?? "";
  let name = lastPiece.replace(NAME_TIES, "").replace(LEAD_IN, "").replace(SENTENCE_OPENERS, "");
  // a title's 政府信息公开 swallowed the 政府 of 人民政府
  if (name.endsWith("人民")) name += "政府";
  return isAgencyName(name) ? name : null;
}
