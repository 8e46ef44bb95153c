/**
 * Which params each page reads, as data: the proxy (proxy.ts) checks a request's params against
 * its page's schema before the page renders, so a malformed link is answered 400 and says in
 * Chinese which param is wrong. The pages read their params with the same schemas.
 */
import { z } from "zod";
import { anomalyParams } from "./anomalies";
import { compareParams } from "./compare";
import { optional, regionYearParams, regionYearsParams, year } from "./filter-params";

/** A region page's code is in its path (/regions/610728); its query gives only the years. */
export const regionPageParams = z.object({ from: optional(year), to: optional(year) });

export interface PageParams {
  /** the page's path; a region page's code may follow /regions */
  path: RegExp;
  schema: z.ZodType;
}

export const PAGE_PARAMS: readonly PageParams[] = [
  { path: /^\/$/, schema: regionYearsParams },
  { path: /^\/regions(?:\/[^/]+)?\/?$/, schema: regionPageParams },
  { path: /^\/compare\/?$/, schema: compareParams },
  { path: /^\/summary\/?$/, schema: regionYearParams },
  { path: /^\/coverage\/?$/, schema: regionYearsParams },
  { path: /^\/anomalies\/?$/, schema: anomalyParams },
];

/** The schema of the page at a path; null for paths whose params no page reads. */
export function pageParamsOf(path: string): z.ZodType | null {
  return PAGE_PARAMS.find((p) => p.path.test(path))?.schema ?? null;
}
