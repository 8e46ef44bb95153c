/**
 * The two figures a report states in words: how many items it disclosed on its own initiative
 * (主动公开政府信息3702条) and how many requests it received (共收到政府信息公开申请11件, or 0
 * where it says 未收到). Only prose is read: the tables are the parser's, and a report whose text
 * contradicts its table keeps both (the finding narrative.mismatch compares them).
 */
import type { Narrative } from "./types";
import { countsIn, proseClauses, type Clause, type Count } from "./prose";

export interface NarrativeReading {
  narrative: Narrative;
  provenance: Partial<Record<keyof Narrative, number>>;
}

interface Figure {
  value: number | null;
  line: number;
}

export function readNarrative(lines: string[]): NarrativeReading {
  const clauses = proseClauses(lines);
  const figures: [keyof Narrative, Figure | null][] = [
    ["proactiveItems", proactiveItems(clauses)],
    ["requestsReceived", requestsReceived(clauses)],
  ];
  const narrative: Narrative = {};
  const provenance: NarrativeReading["provenance"] = {};
  for (const [key, figure] of figures) {
    narrative[key] = figure?.value ?? null;
    if (figure && figure.value !== null) provenance[key] = figure.line;
  }
  return { narrative, provenance };
}

/** A round figure (2535余条) is not the count the template asks for. */
function exact(count: Count, line: number): Figure {
  return { value: count.approximate ? null : count.value, line };
}

// ---- proactive disclosure -------------------------------------------------------------------

// 公开 is a verb unless it is part of a noun: 信息公开, 政务公开, 依申请公开, 不予公开, 部分公开;
// 发布 is none in 发布会
const DISCLOSE = /(?<!信息|政务|申请|不予|部分|予以)(?:主动公开|公开|发布(?!会)|更新|公布|刊发|推送)/g;
// "主动公开信息  条": the report meant to state the total and left the number out
const BLANK_TOTAL = /(?:公开|发布)(?:政府|政务)?信息\s*(?:共|共计)?\s*条(?!数)/;
// 政务类信息34条, 概况类信息150条: one category, not the total (各类信息 is every category)
const CATEGORY = /(?<!各)类(?:信息)?(?:共|共计|达|计)?\s*$/;
// 发布政策解读5篇, 召开新闻发布会3次: other work, not disclosed items
const OTHER_WORK = /解读|回应|访谈|发布会|会议|活动|培训|留言|咨询|建议|提案/;
// 发布136条信息: the count of one channel's posts, worded after the number
const COUNT_BEFORE_NOUN = /^\s*(?:政府|政务)?信息/;
// matters (项) and cases (宗) are not items of information; "" is a count after 数量 (信息数量304)
const ITEM_UNITS = new Set(["条", "件", "篇", "份", "次", ""]);

type Tier = "items" | "documents";

interface Disclosure {
  tier: Tier;
  /** worded as the whole: 主动公开, 共, 累计 */
  whole: boolean;
  figure: Figure;
  /** index of the clause */
  at: number;
}

/**
 * The statement of the year's disclosed items: the first worded as the whole (主动公开…, 共…,
 * 累计…), else the first of all, unless its sentence goes on to add the channels up (…共计200条).
 * Items of information (信息) outrank documents and posts (文件11份, 文稿等44篇), which only count
 * when no item figure is given.
 */
function proactiveItems(clauses: readonly Clause[]): Figure | null {
  const found: Disclosure[] = [];
  for (const [at, clause] of clauses.entries()) {
    if (clause.text.includes("申请")) continue;
    if (BLANK_TOTAL.test(clause.text)) return null;
    const disclosure = disclosureIn(clause, at);
    if (disclosure) found.push(disclosure);
  }
  const items = found.filter((d) => d.tier === "items");
  const chosen = items.find((d) => d.whole) ?? items[0];
  if (chosen) return totalLaterInSentence(clauses, chosen.at) ?? chosen.figure;
  const documents = found.find((d) => d.tier === "documents");
  return documents?.figure ?? null;
}

const TOTAL = /共计|合计|总计|总共|一共|累计|总数|共有/;
// the whole year's items rather than one channel's: 主动公开, 共发布 (not 公共), 累计公开, 总数
const WHOLE = new RegExp(`主动公开|(?<!公)共|${TOTAL.source}`);

/** 网站公开信息120条,微信发布信息80条,共计200条: the total that follows a first figure of one channel. */
function totalLaterInSentence(clauses: readonly Clause[], at: number): Figure | null {
  const first = clauses[at];
  if (TOTAL.test(first.text)) return null;
  for (const clause of clauses.slice(at + 1)) {
    if (clause.sentence !== first.sentence) return null;
    const marker = TOTAL.exec(clause.text);
    const count = marker && countsIn(clause.text).find((c) => c.start >= marker.index && ITEM_UNITS.has(c.unit));
    if (count) return exact(count, clause.line);
  }
  return null;
}

/** The first count of items in a clause, read with the disclosure verb nearest before it. */
function disclosureIn(clause: Clause, at: number): Disclosure | null {
  const verbs = [...clause.text.matchAll(DISCLOSE)];
  for (const count of countsIn(clause.text)) {
    if (!ITEM_UNITS.has(count.unit)) continue;
    const verb = verbs.filter((v) => v.index + v[0].length <= count.start).at(-1);
    if (!verb) continue;
    const object = clause.text.slice(verb.index + verb[0].length, count.start);
    if (OTHER_WORK.test(object)) continue;
    if (CATEGORY.test(object) || COUNT_BEFORE_NOUN.test(clause.text.slice(count.end))) return null;
    const tier: Tier = object.includes("信息") || (object === "" && verb[0] === "主动公开") ? "items" : "documents";
    const whole = WHOLE.test(clause.text.slice(0, count.start));
    return { tier, whole, figure: exact(count, clause.line), at };
  }
  return null;
}

// ---- requests received ----------------------------------------------------------------------

const RECEIVE = /收到|受理|接到|接收|收悉|新收/;
// 未收到, 没有收到, 未曾接到, 无依申请公开事项; but 未予受理 and 无法受理 are answers to requests received
const NONE_RECEIVED = /(?:未|没有|尚未)[^,予法]{0,2}(?:收到|受理|接到|接收)|(?:无|没有)(?:政府信息)?(?:依申请公开|公开申请)/;
// applications for licences, reviews, lawsuits and complaints are not information requests
const OTHER_PROCEEDINGS = /复议|诉讼|许可|申诉|投诉/;

function requestsReceived(clauses: readonly Clause[]): Figure | null {
  for (const clause of clauses) {
    const { text, line } = clause;
    if (!text.includes("申请") || OTHER_PROCEEDINGS.test(text)) continue;
    if (NONE_RECEIVED.test(text)) return { value: 0, line };
    const verb = RECEIVE.exec(text);
    if (!verb) continue;
    // a count with its unit: 新收…申请数量 3001 53 0 is a table row run into the prose
    const count = countsIn(text).find((c) => c.start >= verb.index && c.unit !== "");
    if (count) return exact(count, line);
  }
  return null;
}
