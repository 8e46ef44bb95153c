/**
 * The character forms reports reach the parser in: as written; with digits and punctuation in
 * full width (０１２, （一）), as pages typed in a Chinese input method print them; in
 * traditional characters, as mirror sites serve them (corpus 022, 044, 067, 095).
 */
import * as OpenCC from "opencc-js";

export const CHAR_FORMS = ["simplified", "full-width", "traditional"] as const;
export type CharForm = (typeof CHAR_FORMS)[number];

// the standard traditional forms, character by character: Taiwan phrasing (信息 → 資訊) is a
// rewording no mirror of the corpus applies
const toTraditional = OpenCC.Converter({ from: "cn", to: "t" });

/** ASCII `!` … `~` sit 0xFEE0 below their full-width forms. */
const FULL_WIDTH_OFFSET = 0xfee0;

function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

const FORMS: Record<CharForm, (text: string) => string> = {
  simplified: (text) => text,
  "full-width": fullWidth,
  traditional: toTraditional,
};

export function inCharForm(text: string, form: CharForm): string {
  return FORMS[form](text);
}
