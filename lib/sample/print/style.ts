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

/** Every way of printing, one per dimension and value, for a corpus to show them all. */
export const STYLE_CHOICES = { form: FORMS, chars: CHAR_FORMS, numbers: NUMBER_FORMS, encoding: ENCODINGS } as const;

/**
 * The style of the n-th report of a spread: each dimension cycles with its own period (5, 3, 2
 * and 3 values; layouts within their form), so that any few dozen reports in a row show every
 * form, layout, character form, number form and encoding.
 */
export function spreadStyle(n: number): PrintStyle {
  const form = FORMS[n % FORMS.length];
  const layouts = FORM_LAYOUTS[form];
  return {
    form,
    layout: layouts[Math.floor(n / FORMS.length) % layouts.length],
    chars: CHAR_FORMS[n % CHAR_FORMS.length],
    numbers: NUMBER_FORMS[Math.floor(n / 2) % NUMBER_FORMS.length],
    encoding: ENCODINGS[Math.floor(n / 3) % ENCODINGS.length],
  };
}
