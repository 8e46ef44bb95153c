/**
 * How one report is printed: the shape of its text (or a web page), how its tables are laid
 * out, the character form, how numbers are written, and the file's encoding. Each is a way real
 * reports reach the parser (see the modules that print them). A style is data: the sample
 * corpus draws one per report, the property test draws them at random.
 */
import { ENCODINGS, type EncodingName } from "../encode";
import { LAYOUTS, type LayoutName } from "../layouts";
import { CHAR_FORMS, type CharForm } from "./chars";
import { TEXT_FORMS, type TextForm } from "./forms";
import { NUMBER_FORMS, type NumberForm } from "./numbers";

export const FORMS = [...TEXT_FORMS, "html-page"] as const;
export type FormName = TextForm | "html-page";

export interface PrintStyle {
  form: FormName;
  /** how the tables of a text are laid out; null on a web page, whose tables are marked up */
  layout: LayoutName | null;
  chars: CharForm;
  numbers: NumberForm;
  encoding: EncodingName;
}

/**
 * The table layouts each form is found with: a report flattened onto one line glues or spaces
 * its rows (a cell per line would be no line at all), a web page marks its tables up.
 */
export const FORM_LAYOUTS: Record<FormName, readonly (LayoutName | null)[]> = {
  lines: LAYOUTS,
  paragraphs: LAYOUTS,
  "pdf-pages": LAYOUTS,
  "one-line": ["glued-rows", "space-rows"],
  "html-page": [null],
};

/**
 * The style of the n-th report of a corpus, whose agency lays its tables out as `layout`: the
 * shape changes from one report to the next (an agency's five years show all five), the
 * character form from one round of shapes to the next, then the number form, then the encoding,
 * so that a few dozen reports in a row show every value of every dimension. A shape that cannot
 * print the agency's layout (one line, a web page) prints its own.
 */
export function spreadStyle(n: number, layout: LayoutName): PrintStyle {
  const form = FORMS[n % FORMS.length];
  const layouts = FORM_LAYOUTS[form];
  const round = Math.floor(n / FORMS.length);
  return {
    form,
    layout: layouts.includes(layout) ? layout : layouts[round % layouts.length],
    chars: CHAR_FORMS[round % CHAR_FORMS.length],
    numbers: NUMBER_FORMS[Math.floor(round / CHAR_FORMS.length) % NUMBER_FORMS.length],
    encoding: ENCODINGS[Math.floor(round / (CHAR_FORMS.length * NUMBER_FORMS.length)) % ENCODINGS.length],
  };
}
