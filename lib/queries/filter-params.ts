/**
 * Reading URL search params with zod, strictly: a malformed value is an error told in Chinese,
 * answered 400 by the CSV routes and, before a page renders, by the proxy (page-params.ts).
 */
import { z } from "zod";

/** Statistics division codes: 2 (province), 4 (city), 6 (county) or 9 (township) digits. */
export const regionCode = z.string().regex(/^\d{2}(?:\d{2}(?:\d{2}(?:\d{3})?)?)?$/, "地区代码应为2、4、6或9位数字");
export const year = z.coerce.number("年度应为数字").int("年度应为整数").min(1990, "年度不早于1990年").max(2100, "年度不晚于2100年");
/** a row id of the database (an agency, a report) */
export const recordId = z.coerce.number("编号应为数字").int("编号应为正整数").positive("编号应为正整数").max(Number.MAX_SAFE_INTEGER, "编号过大");

export type SearchParams = Record<string, string | string[] | undefined>;

/** An empty param (`?region=`) says nothing, the same as an absent one. */
const blankToAbsent = (value: unknown) => (value === "" ? undefined : value);

/** A param that may be left out (or left empty). */
export function optional<T extends z.ZodType>(type: T) {
  return z.preprocess(blankToAbsent, type.optional());
}

/** A region and a range of years, strictly: the params of the region-wide pages. */
export const regionYearsParams = z.object({ region: optional(regionCode), from: optional(year), to: optional(year) });

/** A region and one year, strictly: the compare and summary pages' scope. */
export const regionYearParams = z.object({ region: optional(regionCode), year: optional(year) });

/** the filters of a scope (a region or an agency, and years): the CSV downloads of charts and tables */
export const filterParams = regionYearsParams.extend({ agency: optional(recordId) });
/** per parse, not z.config: the rest of the process keeps zod's default messages */
const inChinese = { error: z.locales.zhCN().localeError };

/** URLSearchParams as a page receives its search params: a repeated key is an array. */
export function searchParamsOf(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export type ParamsRead<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads params strictly: what cannot be read is an error, told in Chinese. */
export function readParams<T>(schema: z.ZodType<T>, params: SearchParams | URLSearchParams): ParamsRead<T> {
  const input = params instanceof URLSearchParams ? searchParamsOf(params) : params;
  const result = schema.safeParse(input, inChinese);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: z.prettifyError(result.error) };
}
