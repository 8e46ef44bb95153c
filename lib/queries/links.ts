/**
 * Every URL of the workbench, written in one place: a view's whole state is in its URL (path and
 * search params), so the links between pages, the filter controls and the CSV downloads must
 * agree on how each page spells it.
 */

export type ParamValue = string | number | readonly (string | number)[] | null | undefined;

/** "?a=1&b=x&b=y" from the params that are set ("" when none is). */
export function queryString(params: Record<string, ParamValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === "") continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface YearRange {
  from?: number;
  to?: number;
}

/** A region's page; the whole country without a code. */
export function regionHref(code: string | null | undefined, years: YearRange = {}): string {
  return `/regions${code ? `/${code}` : ""}${queryString({ from: years.from, to: years.to })}`;
}

export function agencyHref(id: number): string {
  return `/agencies/${id}`;
}

/** A report's page, scrolled to and highlighting a line of its source text when one is given. */
export function reportHref(id: number, line?: number | null): string {
  return `/reports/${id}${line ? `#L${line}` : ""}`;
}

/** The pages whose region is a search param, as the filter controls navigate between their states. */
export type FilteredPage = "/" | "/coverage" | "/compare" | "/summary" | "/anomalies";

export function pageHref(page: FilteredPage | "/regions", params: Record<string, ParamValue>): string {
  if (page === "/regions") {
    const { region, ...rest } = params;
    return `/regions${region ? `/${region}` : ""}${queryString(rest)}`;
  }
  return `${page}${queryString(params)}`;
}

/** The CSV download of one chart or table (see lib/queries/exports.ts for the views). */
export function csvHref(view: string, params: Record<string, ParamValue>): string {
  return `/api/csv/${view}${queryString(params)}`;
}
