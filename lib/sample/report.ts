/**
 * One sample report: the sample marker, the title, sections 一 to 六 in the order and wording of
 * the form, the tables of the template its figures follow (a cell left blank printed as "/", a
 * truncated document cut after a cell), printed in a style (./print). Also returns where each
 * figure was printed (1-based lines of the source text a parser reads), the provenance a parser
 * should find.
 */
import type { SectionId } from "../template/definitions";
import type { SampleAgency } from "./agencies";
import type { Printed } from "./errors";
import { tableHeading } from "./grid";
import { SAMPLE_MARKER } from "./marker";
import { printDocument, type Block, type TextBlock } from "./print/document";
import type { PrintStyle } from "./print/style";
import { otherMatters, overview, problems, type ProseFacts } from "./prose";
import type { Random } from "./random";
import { templateOf } from "./template2019";

const MARKER_LINE = `${SAMPLE_MARKER}本文是系统生成的合成样例,机关名称取自真实区划,全部数字均为虚构,仅供演示和测试。`;
const SECTION_OVERVIEW = "一、总体情况";
const SECTION_PROBLEMS = "五、存在的主要问题及改进情况";
const SECTION_OTHER = "六、其他需要报告的事项";
const TABLE_SECTIONS: readonly SectionId[] = ["proactive", "requests", "reviews"];

export interface ReportSpec {
  agency: SampleAgency;
  year: number;
  style: PrintStyle;
  printed: Printed;
  proactiveItems: number;
  /** the year the prose speaks of: the report's own, unless its text was written for another */
  proseYear: number;
}

export interface WrittenReport {
  /** the file's text (a web page's HTML), and its bytes in the style's encoding */
  text: string;
  bytes: Uint8Array;
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
  const blocks: Block[] = [
    { kind: "text", text: MARKER_LINE, role: "stamp" },
    { kind: "text", text: title(spec.agency, spec.year), role: "title" },
  ];
  const paragraphs = (texts: string[]) => texts.forEach((text) => blocks.push({ kind: "text", text }));
  paragraphs([SECTION_OVERVIEW, ...overview(facts, random)]);
  for (const section of TABLE_SECTIONS) {
    paragraphs([tableHeading(section)]);
    if (printed.missing !== section) blocks.push({ kind: "table", section });
  }
  paragraphs([SECTION_PROBLEMS, ...problems(facts, random), SECTION_OTHER, ...otherMatters(facts, random)]);
  markFirst(blocks, /主动公开政府信息\d+条/, NARRATIVE_KEYS.proactiveItems);
  markFirst(blocks, /收到政府信息公开申请/, NARRATIVE_KEYS.requestsReceived);

  const cells = Object.fromEntries(Object.entries(printed.values).map(([field, value]) => [field, printed.blank.includes(field) ? BLANK : value]));
  const document = printDocument({ template: templateOf(printed.values), blocks, cells, cutAfter: printed.cutAfter }, spec.style);
  const provenance = Object.fromEntries(Object.keys(printed.values).filter((f) => f in document.lines).map((f) => [f, document.lines[f]]));
  return {
    text: document.text,
    bytes: document.bytes,
    provenance,
    narrativeProvenance: { proactiveItems: document.lines[NARRATIVE_KEYS.proactiveItems] ?? 0, requestsReceived: document.lines[NARRATIVE_KEYS.requestsReceived] ?? 0 },
  };
}

/** The keys of the paragraphs that state the narrative figures, so their lines come back. */
const NARRATIVE_KEYS = { proactiveItems: "narrative.proactiveItems", requestsReceived: "narrative.requestsReceived" } as const;

function markFirst(blocks: Block[], pattern: RegExp, key: string): void {
  const paragraph = blocks.find((b): b is TextBlock => b.kind === "text" && pattern.test(b.text));
  if (paragraph) paragraph.key = key;
}

/** 镇巴县黎坝镇人民政府2023年政府信息公开工作年度报告: townships are named with their county (or the place the agency says). */
function title(agency: SampleAgency, year: number): string {
  const place = agency.titlePlace ?? agency.regionPath[2] ?? "";
  const name = agency.name.startsWith(place) ? agency.name : `${place}${agency.name}`;
  return `${name}${year}年政府信息公开工作年度报告`;
}

/** What a report prints in a cell it leaves without a number. */
const BLANK = "/";
