/**
 * Deliberate errors, of the kinds supervising offices chase and the checks find. Each one is
 * made so that exactly one rule breaks (the other sums still hold), so the answer key can say
 * precisely which finding a report must get, and a clean report must get none.
 */
import type { SectionId } from "../template/definitions";
import type { Figures } from "./figures";
import { tableFields } from "./grid";
import type { Random } from "./random";

export const INJECTED_RULES = [
  "requests.balance",
  "requests.columnSum",
  "requests.outcomeSum",
  "reviews.sum",
  "table.missing",
  "narrative.mismatch",
] as const;
export type InjectedRule = (typeof INJECTED_RULES)[number];

export interface Injection {
  rule: InjectedRule;
  /** what was changed, in words */
  detail: string;
}

/** What a report prints: its figures as they appear in the text, errors included. */
export interface Printed {
  values: Record<string, number | null>;
  /** the counts its text states */
  requestsStated: number;
  reviewsStated: number;
  lawsuitsStated: number;
  /** a table left out of the report */
  missing: SectionId | null;
  /** cells printed as "/" instead of a number */
  blank: string[];
  /** the text stops right after this field's cell (a truncated document) */
  cutAfter: string | null;
}

const APPLICANT_LABELS: Record<string, string> = { natural: "自然人", commercial: "商业企业", legal: "法律服务机构" };

export function printedAsIs(figures: Figures): Printed {
  const v = figures.values;
  return {
    values: { ...v },
    requestsStated: figures.narrative.requestsReceived,
    reviewsStated: v["review.total"],
    lawsuitsStated: v["litigationDirect.total"] + v["litigationAfterReview.total"],
    missing: null,
    blank: [],
    cutAfter: null,
  };
}

export function injectError(rule: InjectedRule, figures: Figures, random: Random): { printed: Printed; injection: Injection } {
  const printed = printedAsIs(figures);
  const k = random.int(1, 3);
  const detail = MUTATIONS[rule](printed, k, random);
  return { printed, injection: { rule, detail } };
}

type Mutation = (printed: Printed, k: number, random: Random) => string;

const add = (printed: Printed, field: string, k: number) => {
  printed.values[field] = (printed.values[field] ?? 0) + k;
};

const MUTATIONS: Record<InjectedRule, Mutation> = {
  // one applicant column carries k more into next year than it had: 一 + 二 ≠ (七) + 四
  "requests.balance": (printed, k, random) => {
    const column = random.pick(Object.keys(APPLICANT_LABELS));
    add(printed, `requests.carriedForward.${column}`, k);
    add(printed, "requests.carriedForward.total", k);
    return `四、结转下年度继续办理 ${APPLICANT_LABELS[column]}及总计各多填${k}件`;
  },
  // two rows' 总计 cells are k too high while their applicant cells are right; the balance of the
  // 总计 column still holds because both sides grow by k
  "requests.columnSum": (printed, k) => {
    add(printed, "requests.carriedOver.total", k);
    add(printed, "requests.carriedForward.total", k);
    return `二、上年结转 和 四、结转下年度 的总计各多填${k}件,与各申请人列之和不符`;
  },
  // k more granted than (七)总计 counts
  "requests.outcomeSum": (printed, k) => {
    add(printed, "requests.granted.natural", k);
    add(printed, "requests.granted.total", k);
    return `(一)予以公开 自然人及总计各多填${k}件,(七)总计不等于各办理结果之和`;
  },
  "reviews.sum": (printed, k) => {
    add(printed, "review.total", k);
    return `行政复议 总计多填${k}件,不等于四项结果之和`;
  },
  "table.missing": (printed, _k, random) => {
    const section = random.pick(["proactive", "reviews"] as const);
    for (const field of tableFields(section)) printed.values[field] = null;
    printed.missing = section;
    return `${section === "proactive" ? "二、主动公开政府信息情况" : "四、行政复议、行政诉讼情况"}的表格整张缺失`;
  },
  "narrative.mismatch": (printed, k) => {
    printed.requestsStated += k;
    return `正文称收到申请${printed.requestsStated}件,表中本年新收${printed.values["requests.newReceived.total"]}件`;
  },
};
