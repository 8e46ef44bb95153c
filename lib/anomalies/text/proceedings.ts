/**
 * How many administrative reviews (行政复议) and lawsuits (行政诉讼) a report's text says it had:
 * 引起行政复议2件, 行政诉讼9起, or none (未发生…行政复议、行政诉讼的情况). Only prose is read, and
 * only a count standing right after its word: 复议后起诉 and 直接起诉 are parts of the lawsuits,
 * 结果维持 a part of the reviews, and an outline (…行政复议、行政诉讼情况…等六部分) counts nothing.
 */
import { numberValue, proseClauses } from "../../parse/prose";

export interface Stated {
  value: number;
  /** 1-based source line */
  line: number;
}

export interface StatedProceedings {
  reviews?: Stated;
  lawsuits?: Stated;
}

const COUNT = String.raw`(?:案件|案|申请|事项)?(?:共|共计|合计|总计)?(?:有|为|发生|收到)?的?\s*\(?\s*(\d+|[零〇一二两三四五六七八九十百]+)\s*\)?\s*(?:件|起|宗|次)`;
// a negation verb before the word, with no figure between: 未发生…行政复议, 也无因…被提起行政诉讼
const NONE = String.raw`(?:未|没有|并无|均无|无)(?:发生|出现|收到|接到|产生|有|被|因|涉及)[^\d,;。]{0,30}?`;

const KINDS = {
  reviews: { count: new RegExp(`复议${COUNT}`), none: new RegExp(`${NONE}复议`), partial: /结果维持|结果纠正|尚未审结/ },
  lawsuits: { count: new RegExp(`诉讼${COUNT}`), none: new RegExp(`${NONE}诉讼`), partial: /复议后|经复议|直接起诉|结果维持|结果纠正|尚未审结/ },
} as const;

type Kind = keyof typeof KINDS;

function statedIn(text: string, kind: Kind): number | null {
  const { count, none, partial } = KINDS[kind];
  if (partial.test(text)) return null;
  const counted = count.exec(text);
  if (counted) return numberValue(counted[1]);
  return none.test(text) ? 0 : null;
}

/** The first statement of each count in reading order. */
export function statedProceedings(lines: readonly string[]): StatedProceedings {
  const stated: StatedProceedings = {};
  for (const clause of proseClauses(lines)) {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      if (stated[kind]) continue;
      const value = statedIn(clause.text, kind);
      if (value !== null) stated[kind] = { value, line: clause.line };
    }
  }
  return stated;
}
