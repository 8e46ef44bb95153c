/**
 * The shapes every anomaly rule shares. A rule is data: an id, a severity, the one-line
 * explanation a supervising office reads, what its findings point at, the fields it concerns and
 * its detector. What a detector reads depends on its scope: one report, one agency's years, the
 * peers of a region and year, or the narratives of a province's year.
 */
import type { Violation } from "../checks/context";
import type { Severity } from "../parse/types";
import type { NarrativeText } from "./text/narrative";

/**
 * Which target the precision script holds the rule to: arithmetic and structural rules must
 * catch every case; statistical and similarity rules weigh evidence, and must be right ≥ 95% of
 * the time while catching ≥ 90%.
 */
export type Category = "arithmetic" | "structural" | "statistical" | "similarity";

/**
 * parser: the parse contract's own checks (lib/checks), stored with the report;
 * report: more checks of one report, run at ingest beside them;
 * agency / peers / corpus: cross-report rules, run after each ingest over what it touched.
 */
export type RuleScope = "parser" | "report" | "agency" | "peers" | "corpus";

/** What a finding points at: cells or lines of its report, its text, the agency's other years, its peers, other reports. */
export type EvidenceKind = "cells" | "text" | "history" | "peers" | "reports";

export interface RuleInfo {
  /** dotted id, fixed: findings, filters and CSV exports name the rule by it */
  id: string;
  /** a short Chinese name, for filters and table headings */
  title: string;
  severity: Severity;
  category: Category;
  scope: RuleScope;
  /** what the rule checks, in one plain Chinese sentence */
  explanation: string;
  evidence: EvidenceKind;
  /** the field keys (or key prefixes) the rule looks at; `*` for all, none for text rules */
  concerns: readonly string[];
}

/** Another report a finding refers to: the previous year's, the one copied, the other version. */
export interface RelatedReport {
  id: number;
  agency: string;
  year: number;
  /** text similarity to the finding's report, 0–1 */
  similarity?: number;
}

/** What a cross-report finding shows beside its message (stored as JSON). */
export interface Evidence {
  related?: RelatedReport[];
  /** the highest text similarity found, 0–1 */
  similarity?: number;
  /** the similarity of each section on its own */
  sections?: { overview: number; problems: number };
  /** the figure's value in the agency's other years */
  history?: { year: number; value: number }[];
  /** the peers the figure was compared with */
  peers?: { group: string; count: number; median: number; max: number };
  /** the measure a statistical finding is about, and its value in this report */
  measure?: string;
  value?: number;
}

/** One thing a cross-report rule found, on one report. */
export interface Detection extends Violation {
  reportId: number;
  evidence?: Evidence;
}

/** A stored cross-report finding: a detection with its rule's id and severity. */
export interface CrossFinding extends Detection {
  rule: string;
  severity: Severity;
}

// ---------------------------------------------------------------- what each scope reads

/** One report as the report rules read it: its figures and its text, normalized line for line. */
export interface ReportDocument {
  year: number | null;
  values: Readonly<Record<string, number | null>>;
  provenance: Readonly<Record<string, number>>;
  /** the source text normalized (simplified characters, half-width digits), one entry per source line */
  lines: readonly string[];
}

/** One stored report of an agency, as the agency and peer rules read it. */
export interface StoredReport {
  id: number;
  year: number;
  /** the version counted; older versions of the same year are kept for the duplicate rule */
  current: boolean;
  values: Readonly<Record<string, number | null>>;
  provenance: Readonly<Record<string, number>>;
  /** sections 一 and 五, for the text rules; null when not loaded or not found */
  narrative: NarrativeText | null;
}

/** An agency's stored reports, every version, oldest year first. */
export interface AgencyHistory {
  agencyId: number;
  agency: string;
  /** 统计用区划代码 of the agency's area: its length tells the level */
  regionCode: string | null;
  reports: readonly StoredReport[];
}

/** A current report as its peers see it: who published it, where, and what kind of agency it is. */
export interface PeerReport extends StoredReport {
  agency: string;
  regionCode: string;
  /** region names from the province down */
  regionPath: readonly string[];
  /** township | county | city | province | department | other (lib/ingest/agency-kind) */
  kind: string;
}

/** A current report's narrative, for comparing agencies with each other. */
export interface CorpusReport {
  id: number;
  agencyId: number;
  agency: string;
  year: number;
  narrative: NarrativeText;
  /** the MinHash signature of its narrative (text/narrative.ts digestOf), stored with it at ingest */
  signature: Uint32Array | null;
}

// ---------------------------------------------------------------- rules, by scope

export interface ReportRule extends RuleInfo {
  scope: "report";
  detect: (doc: ReportDocument) => Violation[];
}

export interface AgencyRule extends RuleInfo {
  scope: "agency";
  detect: (history: AgencyHistory) => Detection[];
}

export interface PeerRule extends RuleInfo {
  scope: "peers";
  /** the current reports of one year in one peer scope (./peers.ts): the rule forms its groups */
  detect: (group: readonly PeerReport[]) => Detection[];
}

export interface CorpusRule extends RuleInfo {
  scope: "corpus";
  /** the current reports of one province and year */
  detect: (reports: readonly CorpusReport[]) => Detection[];
}

export type AnomalyRule = ReportRule | AgencyRule | PeerRule | CorpusRule;
