/**
 * The dashboard's filters as URL search params (`?region=610728&from=2021&to=2025`), so a view
 * can be shared and the back button works. Read (and validated) in `filter-params.ts`; written
 * here, for the page's links and the browser-side filter controls.
 */

export interface Filters {
  /** a statistics division code; absent: the whole country */
  region?: string;
  from?: number;
  to?: number;
}

/** The query string of the filters ("" when none is set). */
export function filtersQuery(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.region) params.set("region", filters.region);
  if (filters.from != null) params.set("from", String(filters.from));
  if (filters.to != null) params.set("to", String(filters.to));
  const query = params.toString();
  return query ? `?${query}` : "";
}
