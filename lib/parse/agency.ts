/**
 * The agency a report names itself, from the strongest evidence to the weakest: its title, the
 * preamble's 本报告由X编制, the subject of the opening sentences (2022年,二道区房屋征收工作管理办公室
 * 认真贯彻…), the contact line (请与淳安县农业农村局办公室联系), the page's 发布机构, the year's
 * summary (2025年黎坝镇政府信息公开工作取得了…), and last its own rules (制定了《桥中街道政府信息
 * 依申请公开工作方案》).
 * A text that only says 我局 or 本镇 names no agency.
 */
import { nameAtEnd, withoutSpam } from "./agency-name";
import { isTableLine, plainLine, proseClauses, type Clause } from "./prose";
import type { Titles } from "./title";
import { INTERNAL_UNITS, SENTENCE_OPENERS, SUBJECT_VERBS } from "./vocabulary";

export interface AgencyReading {
  agency: string;
  /** 1-based line the name was read from */
  line: number;
}

type Rule = (lines: readonly string[]) => AgencyReading | null;

export function readAgency(lines: readonly string[], titles: Titles): AgencyReading | null {
  const title = [...titles.standing, ...titles.quoted].find((t) => t.agency);
  if (title?.agency) return { agency: title.agency, line: title.line };
  for (const rule of RULES) {
    const found = rule(lines);
    if (found) return found;
  }
  return null;
}

// 本报告由钟祥镇人民政府根据…编制, 由徐水区人民政府综合全区…编制而成, 由海南省生态环境厅编制
const COMPILED_BY = /由([^,。;由]{2,30}?)(?:根据|结合|综合|负责|汇总|编制)/;

function fromCompiler(lines: readonly string[]): AgencyReading | null {
  return firstMatch(lines, COMPILED_BY, withoutInternalUnit);
}

// 如对本报告有疑问,请与柞水县凤凰镇人民政府党政办公室联系
const CONTACT = /与([^,。;与]{2,40}?)(?:联系|联络)/;

function fromContact(lines: readonly string[]): AgencyReading | null {
  return firstMatch(lines, CONTACT, withoutInternalUnit);
}

/** 崔黄口镇人民政府政务公开工作机构 → 崔黄口镇人民政府 */
function withoutInternalUnit(name: string): string {
  return name.replace(INTERNAL_UNITS, "");
}

// a page's metadata: 发布机构:兴国镇, 信息来源:兴化市竹泓镇, or the label alone with the name below it
const PUBLISHER = /(?:发布机构|发文机关|发布单位|发文单位|信息来源)\s*:?\s*([^\s|:]*)/;

function fromPublisher(lines: readonly string[]): AgencyReading | null {
  for (let i = 0; i < lines.length; i++) {
    const label = PUBLISHER.exec(plainLine(lines[i]));
    if (!label) continue;
    const at = label[1] ? i : nextWrittenLine(lines, i);
    const name = at < 0 ? null : nameAtEnd(label[1] || plainLine(lines[at]));
    if (name) return { agency: name, line: at + 1 };
  }
  return null;
}

/** Index of the first non-empty line after `index`, or -1. */
function nextWrittenLine(lines: readonly string[], index: number): number {
  const offset = lines.slice(index + 1).findIndex((line) => plainLine(line) !== "");
  return offset < 0 ? -1 : index + 1 + offset;
}

// 2025年黎坝镇政府信息公开工作取得了…, 结合2024年东山街道政府信息公开工作实际
const YEAR_SUMMARY = /(?:19|20)\d{2}\s*年度?([^\d,。;:]{2,24}?)(?:政府|政务)?信息公开工作/;

function fromYearSummary(lines: readonly string[]): AgencyReading | null {
  return firstMatch(lines, YEAR_SUMMARY);
}

function firstMatch(lines: readonly string[], pattern: RegExp, tidy = (name: string) => name): AgencyReading | null {
  for (let i = 0; i < lines.length; i++) {
    const captured = pattern.exec(plainLine(lines[i]))?.[1];
    const name = captured === undefined ? null : nameAtEnd(tidy(captured));
    if (name) return { agency: name, line: i + 1 };
  }
  return null;
}

const SUBJECT_VERB = new RegExp(SUBJECT_VERBS.join("|"), "g");

/** The subject of an opening sentence: 2019年,新华街道办事处高度重视…; 区统计局紧紧围绕…. */
function fromOpeningSubject(lines: readonly string[]): AgencyReading | null {
  for (const clause of proseClauses(openingLines(lines))) {
    const name = subjectOf(clause);
    if (name) return { agency: name, line: clause.line };
  }
  return null;
}

function subjectOf(clause: Clause): string | null {
  const text = clause.text.replace(SENTENCE_OPENERS, "");
  for (const verb of text.matchAll(SUBJECT_VERB)) {
    const subject = text.slice(0, verb.index);
    if (subject.length < 2) continue;
    const name = nameAtEnd(subject);
    // the whole subject must be the name (spam aside), not a phrase that happens to end in one
    return name === withoutSpam(subject).trim() ? name : null;
  }
  return null;
}

const SECOND_SECTION = /^二\s*、/;

/** The text before its first table or second section: where the report speaks about itself. */
function openingLines(lines: readonly string[]): readonly string[] {
  const end = lines.findIndex((line) => isTableLine(line) || SECOND_SECTION.test(plainLine(line)));
  return end < 0 ? lines : lines.slice(0, end);
}

// 我街, 我镇, 我局: the kind of agency the text speaks as
const SELF_REFERENCE = /我(街|镇|乡|局|办|委|区|县|市|厅|中心)/;
// 《桥中街道政府信息依申请公开工作方案》, 《北京街道办事处信息公开指南》
const OWN_RULES = /《([^《》]{2,30}?)(?:政府|政务)?(?:信息)?(?:依申请)?公开[^《》]*》/g;

/** A rule book the agency made for itself: one named for the kind of agency the text speaks as. */
function fromOwnRules(lines: readonly string[]): AgencyReading | null {
  const kind = lines.map((l) => SELF_REFERENCE.exec(l)?.[1]).find(Boolean);
  if (!kind) return null;
  for (let i = 0; i < lines.length; i++) {
    for (const rules of plainLine(lines[i]).matchAll(OWN_RULES)) {
      const name = nameAtEnd(rules[1]);
      if (name?.includes(kind)) return { agency: name, line: i + 1 };
    }
  }
  return null;
}

// after the title, in order of trust
const RULES: Rule[] = [fromCompiler, fromOpeningSubject, fromContact, fromPublisher, fromYearSummary, fromOwnRules];
