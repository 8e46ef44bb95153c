/**
 * Why a stored report could not be read in full, in one line for the ingest summary: the tables
 * it lacks or that stop part-way, and the cells that hold no number the parser could take.
 * Arithmetic findings (requests.balance …) are the report's own errors, not gaps in the
 * reading: a report read in full that does not add up is read in full. Pure.
 */
import type { Finding } from "../parse/types";
import { FIELD_BY_KEY } from "../template/fields";
import { TEMPLATES, type SectionId } from "../template/definitions";

export interface ReadReport {
  values: Readonly<Record<string, number | null>>;
  findings: readonly Finding[];
}

/** The section as its heading names it, without the numeral: 收到和处理政府信息公开申请情况. */
const sectionName = (section: SectionId) =>
  (TEMPLATES["2021"].tables.find((t) => t.section === section)?.heading ?? section).replace(/^[一二三四五六]、/, "");

function sectionsOf(fields: readonly string[]): SectionId[] {
  const sections = fields.map((key) => FIELD_BY_KEY.get(key)?.section).filter((s): s is SectionId => s !== undefined);
  return [...new Set(sections)];
}

const quoted = (sections: readonly SectionId[]) => sections.map((s) => `“${sectionName(s)}”`).join("");

const fieldsOf = (findings: readonly Finding[]) => findings.flatMap((f) => f.fields ?? []);

/** The findings that say part of the report could not be read, each rule's findings as one short phrase. */
const READING_GAPS: Record<string, (findings: readonly Finding[]) => string> = {
  "table.missing": (fs) => {
    const sections = sectionsOf(fieldsOf(fs));
    return `${quoted(sections)}${sections.length > 1 ? "各节" : "一节"}没有统计表`;
  },
  "table.truncated": (fs) => `${quoted(sectionsOf(fieldsOf(fs))) || "一张"}表中途中断`,
  "cell.blank": (fs) => `${fieldsOf(fs).length}格空白或填“/”“-”“无”`,
  "cell.ambiguous": (fs) => `${fieldsOf(fs).length}格数字连写、拆法不唯一`,
  "row.incomplete": (fs) => `${fieldsOf(fs).length}格所在行数字不全`,
};

/**
 * Null cells no finding accounts for: a table the text does not have at all (an excerpt that
 * ends in 总体情况), or the rows of a fragment that starts mid-table.
 */
function unexplainedGaps(report: ReadReport, explained: ReadonlySet<string>): string[] {
  const missing = Object.keys(report.values).filter((key) => report.values[key] === null && !explained.has(key));
  const absent: SectionId[] = [];
  const short: string[] = [];
  for (const section of sectionsOf(missing)) {
    const fields = Object.keys(report.values).filter((key) => FIELD_BY_KEY.get(key)?.section === section);
    const gaps = missing.filter((key) => FIELD_BY_KEY.get(key)?.section === section);
    if (gaps.length === fields.length) absent.push(section);
    else short.push(`“${sectionName(section)}”表缺${gaps.length}格`);
  }
  return [...(absent.length > 0 ? [`文中没有${quoted(absent)}表`] : []), ...short];
}

/** The reason, or null when every cell of every table was read. */
export function partialReason(report: ReadReport): string | null {
  const gaps = Object.entries(READING_GAPS).flatMap(([rule, phrase]) => {
    const findings = report.findings.filter((f) => f.rule === rule);
    return findings.length > 0 ? [{ phrase: phrase(findings), fields: fieldsOf(findings) }] : [];
  });
  const explained = new Set(gaps.flatMap((g) => g.fields));
  const phrases = [...gaps.map((g) => g.phrase), ...unexplainedGaps(report, explained)];
  return phrases.length > 0 ? phrases.join(";") : null;
}
