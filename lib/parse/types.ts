/** What the parser returns for one report: the parse contract plus provenance. */
import type { TemplateVersion } from "../template/definitions";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** dotted rule id: `requests.balance`, `table.missing`, … */
  rule: string;
  severity: Severity;
  /** one plain Chinese sentence a supervising office can act on */
  message: string;
  /** the field keys the finding concerns */
  fields?: string[];
  /** 1-based line of the source text the evidence sits on */
  line?: number;
}

export interface RegionRef {
  /** 统计用区划代码: 2, 4, 6 or 9 digits */
  code: string;
  /** names from the province down, without the placeholders 市辖区 / 县 */
  path: string[];
}

export interface Narrative {
  /** 主动公开政府信息N条 */
  proactiveItems?: number | null;
  /** requests received as the text says (0 when it says none) */
  requestsReceived?: number | null;
}

export interface ParsedReport {
  agency: string | null;
  year: number | null;
  template: TemplateVersion | null;
  region: RegionRef | null;
  /** every key of the detected template (or of the year's template when no table was found) */
  values: Record<string, number | null>;
  narrative: Narrative;
  findings: Finding[];
  /** field key → 1-based line of the source text the value was read from */
  provenance: Record<string, number>;
  /** line of the narrative figures, for the same purpose */
  narrativeProvenance: Partial<Record<keyof Narrative, number>>;
}

/** The decoded source: the text a person reads, split into lines for provenance. */
export interface SourceText {
  text: string;
  encoding: string;
  format: "text" | "html";
}
