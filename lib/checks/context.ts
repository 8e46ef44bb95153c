/**
 * What the checks see of a parsed report: the values and where they came from, plus the facts
 * the parser noticed about each table (missing, stopped part-way) and its cells.
 */
import type { SectionId, TemplateVersion } from "../template/definitions";
import type { Narrative } from "../parse/types";

export type TableState =
  /** the section heading and its table are there, every row read */
  | "complete"
  /** the section is there (a later heading closes it) but holds no table */
  | "missing"
  /** the document stops inside the table */
  | "truncated";

export interface TableFacts {
  section: SectionId;
  state: TableState;
  /** 1-based line of the section heading */
  line: number;
  /** the printed label of the last row read, when the table stops part-way */
  lastRow?: string;
  /** the table stops inside that row, not after it */
  lastRowCut?: boolean;
  lastRowLine?: number;
}

/** What a document calls itself in its title. */
export type DocumentKind =
  | "report"
  | "notice"
  | "interpretation"
  | "rules"
  | "plan"
  | "summary"
  | "sample"
  | "template"
  | "form"
  | "statistics"
  | "law";

/** What the text shows of being an annual report or something else that looks like one. */
export interface DocumentFacts {
  /** the title that says what the document is, when one does */
  title?: { kind: DocumentKind; text: string; line: number };
  /** runs of x, × or * where a name or a number belongs (xx镇, ****年度) */
  placeholders: ReadonlyArray<{ text: string; line: number }>;
  /** a report title, a section heading of the template or one of its tables */
  reportSigns: boolean;
}

export interface CheckContext {
  template: TemplateVersion | null;
  year: number | null;
  values: Readonly<Record<string, number | null>>;
  provenance: Readonly<Record<string, number>>;
  tables: readonly TableFacts[];
  /** fields whose cell is there but holds no number */
  blank: readonly string[];
  /** fields whose glued digits admit several readings */
  ambiguous: readonly string[];
  /** fields of rows that printed too few cells to tell which column each number is (none when left out) */
  unplaced?: readonly string[];
  narrative: Narrative;
  narrativeProvenance: Partial<Record<keyof Narrative, number>>;
  /** what kind of document the text is (left out when the caller knows it is a report) */
  document?: DocumentFacts;
}

/** One thing a rule found wrong: the message, the fields it concerns and the line to look at. */
export interface Violation {
  message: string;
  fields: string[];
  line?: number;
}
