/**
 * Reading the filters from URL search params, with zod: the page and the CSV route handlers
 * accept the same params and differ only in what a malformed value does.
 */
import { z } from "zod";
import type { Filters } from "./filters";

/** Statistics division codes: 2 (province), 4 (city), 6 (county) or 9 (township) digits. */
const regionCode = z.string().regex(/^\d{2}(?:\d{2}(?:\d{2}(?:\d{3})?)?)?$/, "地区代码应为2、4、6或9位数字");
const year = z.coerce.number().int().min(1990).max(2100);

export type SearchParams = Record<string, string | string[] | undefined>;

/** An empty param (`?region=`) says nothing, the same as an absent one. */
const blankToAbsent = (value: unknown) => (value === "" ? undefined : value);

/**
 * "reject": a malformed value is an error (the CSV route answers 400);
 * "ignore": a malformed value falls back to its default (the page never fails on a bad link).
 */
function schema(onBadValue: "reject" | "ignore") {
  const param = <T extends z.ZodType>(type: T) => {
    const optional = z.preprocess(blankToAbsent, type.optional());
    return onBadValue === "ignore" ? optional.catch(undefined) : optional;
  };
  return z.object({ region: param(regionCode), from: param(year), to: param(year) });
}

const lenient = schema("ignore");
const strict = schema("reject");
/** per parse, not z.config: the rest of the process keeps zod's default messages */
const inChinese = { error: z.locales.zhCN().localeError };

/** For the page: what cannot be read is left to its default. */
export function parseFilters(params: SearchParams): Filters {
  return lenient.parse(params);
}

/** For route handlers: what cannot be read is an error, in Chinese, for a 400. */
export function parseFiltersStrictly(params: URLSearchParams): { filters: Filters } | { error: string } {
  const result = strict.safeParse(Object.fromEntries(params), inChinese);
  return result.success ? { filters: result.data } : { error: z.prettifyError(result.error) };
}
