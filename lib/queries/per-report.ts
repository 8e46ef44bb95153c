/**
 * A measure's figure for one report, as SQL over a report `r` joined to its value rows `v` and
 * grouped by report: the one definition behind the figures summed on the fly
 * (./aggregate.ts) and those kept per report (report_figures, db/aggregates.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Measure } from "./measures";

/** The figure from the report's cells or its text; null for a count of findings, which is not read from them. */
export function perReportValue(measure: Measure): SQL | null {
  const source = measure.source;
  if ("fields" in source) return sql`SUM(CASE WHEN v.field IN ${source.fields} THEN v.value END)`;
  if ("narrative" in source) return sql`MAX(r.proactive_items)`;
  return null;
}

/** The value fields the measures read, each once: what the join to report_values is narrowed to. */
export function valueFields(measures: readonly Measure[]): string[] {
  return [...new Set(measures.flatMap((m) => ("fields" in m.source ? m.source.fields : [])))];
}
