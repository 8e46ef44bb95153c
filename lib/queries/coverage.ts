/** Who published: a region's agencies × years, and the townships of the gazetteer with no report at all. */

/** How a cell of the coverage matrix reads, on the page and in the CSV. */
export const COVERAGE_LABELS = {
  published: "已发布",
  withErrors: "有错误",
  missing: "未发布",
} as const;

export type CoverageStatus = keyof typeof COVERAGE_LABELS;

/** A published report with an error finding is "published with errors": its figures are not to be trusted as they stand. */
export function coverageStatus(errors: number): Exclude<CoverageStatus, "missing"> {
  return errors > 0 ? "withErrors" : "published";
}
