/**
 * The dashboard's filters as URL search params (`?region=610728&from=2021&to=2025`), so a view
 * can be shared and the back button works. Read (and validated) in `filter-params.ts`; written
 * by `links.ts`.
 */
export interface Filters {
  /** a statistics division code; absent: the whole country */
  region?: string;
  /** an agency id: its reports only */
  agency?: number;
  from?: number;
  to?: number;
}
