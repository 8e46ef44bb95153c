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
}

/** One thing a rule found wrong: the message, the fields it concerns and the line to look at. */
export interface Violation {
  message: string;
  fields: string[];
  line?: number;
}
