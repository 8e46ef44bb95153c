/** Who published: a region's agencies × years, and the townships of the gazetteer with no report at all. */

/** How a cell of the coverage matrix reads, on the page and in the CSV. */
export const COVERAGE_LABELS = {
  published: "已发布",
  withErrors: "有错误",
  missing: "未发布",
} as const;
