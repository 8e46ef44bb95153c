/**
 * Integrity of a stored report: what the database holds for it against a fresh parse of the
 * source text stored with it. A difference means the row was changed by hand, damaged, or
 * stored by an older parser that read the text otherwise. Pure: the caller reads and parses.
 */

/** What a report's tables and text were read as: the part of a parse that is stored as figures. */
export interface Reading {
  template: string | null;
  /** every stored field; a field with no row is absent, a blank cell is null */
  values: Readonly<Record<string, number | null>>;
  proactiveItems: number | null;
  requestsReceived: number | null;
}

/** Differences listed by name in a report's line; the rest are counted. */
const SHOWN_DIFFERENCES = 3;

/** Each way the stored reading differs from the fresh one, as `what: stored X, parsed Y`. */
export function readingDifferences(stored: Reading, fresh: Reading): string[] {
  const differences: string[] = [];
  // a figure the text does not state is "none"; a table cell without a number is "blank"
  const compare = (what: string, a: unknown, b: unknown, nothing = "none") => {
    if (a !== b) differences.push(`${what}: stored ${shown(a, nothing)}, parsed ${shown(b, nothing)}`);
  };
  compare("template", stored.template, fresh.template);
  compare("narrative.proactiveItems", stored.proactiveItems, fresh.proactiveItems);
  compare("narrative.requestsReceived", stored.requestsReceived, fresh.requestsReceived);
  const fields = [...new Set([...Object.keys(fresh.values), ...Object.keys(stored.values)])];
  for (const field of fields) compare(field, stored.values[field], fresh.values[field], "blank");
  return differences;
}

/** `absent` for a value with no row at all. */
function shown(value: unknown, nothing: string): string {
  if (value === undefined) return "absent";
  if (value === null) return nothing;
  return String(value);
}

/** One line for a report that differs: the first differences by name, then how many more. */
export function differenceLine(report: string, differences: readonly string[]): string {
  const more = differences.length - SHOWN_DIFFERENCES;
  return `${report}: ${differences.slice(0, SHOWN_DIFFERENCES).join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}
