/**
 * Is the document an annual report at all? The parser notes what the text shows (its title's
 * kind, placeholders, any sign of a report); this turns it into one reason, the most telling
 * first: what the title calls the document, then placeholders, then the absence of anything a
 * report has (a paper that mentions 1999 is no 1999 report), then a year before the common template.
 */
import { TEMPLATES } from "../template/definitions";
import type { CheckContext, DocumentKind, Violation } from "./context";

/** The first report year the State Council's common template covers. */
export const FIRST_TEMPLATE_YEAR = 2019;

/** One stray x may be a typo; a 范文 or a masked copy leaves several. */
const MIN_PLACEHOLDERS = 2;

/** What each kind of look-alike is, as the message names it. */
const KIND_NAMES: Record<Exclude<DocumentKind, "report">, string> = {
  notice: "一份通知",
  interpretation: "一份解释或答复函",
  rules: "一项工作制度或办法",
  plan: "一份工作方案或计划",
  summary: "一份工作总结",
  sample: "一篇模板范文",
  template: "年度报告的空白格式(模板)本身",
  form: "一张统计报表",
  statistics: "一份数据统计",
  law: "一部法律或法规",
};

export function notAReport({ document, year }: CheckContext): Violation[] {
  if (!document) return [];
  const { title, placeholders, reportSigns } = document;
  if (title && title.kind !== "report") {
    return [{ message: `标题“${title.text}”表明这是${KIND_NAMES[title.kind]}。`, fields: [], line: title.line }];
  }
  if (placeholders.length >= MIN_PLACEHOLDERS) {
    const shown = [...new Set(placeholders.map((p) => p.text))].slice(0, 3).join("”“");
    return [{ message: `文中有${placeholders.length}处用“${shown}”等占位符代替名称或数字:这是模板范文,或遮盖了数字的转载。`, fields: [], line: placeholders[0].line }];
  }
  if (!reportSigns) return [{ message: "文中既没有年度报告的标题,也没有年度报告格式规定的章节或统计表。", fields: [] }];
  if (year !== null && year < FIRST_TEMPLATE_YEAR) {
    return [{ message: `这是${year}年度的报告,早于${FIRST_TEMPLATE_YEAR}年起施行的统一格式(${TEMPLATES["2019"].source}),没有可比的统计表。`, fields: [], line: title?.line }];
  }
  return [];
}
