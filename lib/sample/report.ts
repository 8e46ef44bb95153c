/**
 * One sample report as text: the sample marker, the title, sections 一 to 六 in the order and
 * wording of the 2021 form, the tables printed in one of the three layouts (a cell left blank
 * printed as "/", a truncated document cut after a cell). Also returns where each figure was
 * printed (1-based lines), the provenance a parser should find.
 */
import type { SectionId } from "../template/definitions";
import type { SampleAgency } from "./agencies";
import type { Printed } from "./errors";
import { tableGrid, tableHeading } from "./grid";
import { printGrid, type LayoutName } from "./layouts";
import { SAMPLE_MARKER } from "./marker";
import { otherMatters, overview, problems, type ProseFacts } from "./prose";
import type { Random } from "./random";

const MARKER_LINE = `${SAMPLE_MARKER}本文是系统生成的合成样例,机关名称取自真实区划,全部数字均为虚构,仅供演示和测试。`;
const SECTION_OVERVIEW = "一、总体情况";
const SECTION_PROBLEMS = "五、存在的主要问题及改进情况";
const SECTION_OTHER = "六、其他需要报告的事项";
const TABLE_SECTIONS: readonly SectionId[] = ["proactive", "requests", "reviews"];

export interface ReportSpec {
  agency: SampleAgency;
  year: number;
  layout: LayoutName;
  printed: Printed;
  proactiveItems: number;
  /** the year the prose speaks of: the report's own, unless its text was written for another */
  proseYear: number;
}

export interface WrittenReport {
  text: string;
  /** field key → 1-based line of its value */
  provenance: Record<string, number>;
  narrativeProvenance: { proactiveItems: number; requestsReceived: number };
}

export function writeReport(spec: ReportSpec, random: Random): WrittenReport {
  const { printed } = spec;
  const facts: ProseFacts = {
    agency: spec.agency,
    year: spec.proseYear,
    proactiveItems: spec.proactiveItems,
    requestsStated: printed.requestsStated,
    reviewsStated: printed.reviewsStated,
    lawsuitsStated: printed.lawsuitsStated,
  };
  // the tab layout comes from pages that put a blank line between paragraphs
  const gap = spec.layout === "tab-rows" ? [""] : [];
  const lines: string[] = [];
  const provenance: Record<string, number> = {};
  const paragraphs = (texts: string[]) => texts.forEach((t) => lines.push(t, ...gap));

  paragraphs([MARKER_LINE, title(spec.agency, spec.year), SECTION_OVERVIEW, ...overview(facts, random)]);
  for (const section of TABLE_SECTIONS) {
    paragraphs([tableHeading(section)]);
    if (printed.missing === section) continue;
    const table = printGrid(tableGrid(section), spec.layout, (field) => (printed.blank.includes(field) ? BLANK : format(printed.values[field])));
    for (const [field, index] of Object.entries(table.fieldLines)) provenance[field] = lines.length + index + 1;
    lines.push(...table.lines, ...gap);
  }
  paragraphs([SECTION_PROBLEMS, ...problems(facts, random), SECTION_OTHER, ...otherMatters(facts, random)]);

  if (printed.cutAfter !== null) cut(lines, provenance, provenance[printed.cutAfter]);
  const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l)) + 1;
  return {
    text: `${lines.join("\n")}\n`,
    provenance,
    narrativeProvenance: { proactiveItems: lineOf(/主动公开政府信息\d+条/), requestsReceived: lineOf(/收到政府信息公开申请/) },
  };
}

/** 镇巴县黎坝镇人民政府2023年政府信息公开工作年度报告: townships are named with their county. */
function title(agency: SampleAgency, year: number): string {
  const county = agency.regionPath[2] ?? "";
  const name = agency.name.startsWith(county) ? agency.name : `${county}${agency.name}`;
  return `${name}${year}年政府信息公开工作年度报告`;
}

/** A document that stops at a line (a page saved before it had loaded): everything after it is gone. */
function cut(lines: string[], provenance: Record<string, number>, lastLine: number): void {
  lines.length = lastLine;
  for (const [field, line] of Object.entries(provenance)) if (line > lastLine) delete provenance[field];
}

/** What a report prints in a cell it leaves without a number. */
const BLANK = "/";

function format(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
