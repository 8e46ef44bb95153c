/**
 * Running the rules. Pure: the caller (db/ingest.ts, db/anomalies.ts) loads what a scope reads
 * and stores what comes back. Within a report, the rules run at ingest beside the parser's own
 * checks; across reports, after each ingest over the agencies, peer groups and years it touched.
 */
import { normalizeText } from "../parse/normalize";
import type { Finding } from "../parse/types";
import type { ParseResult } from "../parse/index";
import { rulesOf } from "./registry";
import type { AgencyHistory, CorpusReport, CrossFinding, Detection, PeerReport, ReportDocument, RuleInfo } from "./types";

/** What the report rules read of a parsed report: its figures and its text, normalized as the parser reads it. */
export function reportDocument(parsed: Pick<ParseResult, "year" | "values" | "provenance" | "sourceText">): ReportDocument {
  return { year: parsed.year, values: parsed.values, provenance: parsed.provenance, lines: normalizeText(parsed.sourceText).split("\n") };
}

export function reportAnomalies(doc: ReportDocument): Finding[] {
  return rulesOf("report").flatMap((rule) =>
    rule.detect(doc).map((v) => ({ rule: rule.id, severity: rule.severity, message: v.message, fields: v.fields, ...(v.line !== undefined ? { line: v.line } : {}) })),
  );
}

/** The parse result with the report rules' findings after the parser's own; `doc`: its document, when the caller has it already. */
export function withReportAnomalies(parsed: ParseResult, doc: ReportDocument = reportDocument(parsed)): ParseResult {
  return { ...parsed, findings: [...parsed.findings, ...reportAnomalies(doc)] };
}

const stamped = (rule: RuleInfo) => (d: Detection): CrossFinding => ({ ...d, rule: rule.id, severity: rule.severity });

export function agencyAnomalies(history: AgencyHistory): CrossFinding[] {
  return rulesOf("agency").flatMap((rule) => rule.detect(history).map(stamped(rule)));
}

/** `reports`: the current reports of one peer scope (a province) and one year. */
export function peerAnomalies(reports: readonly PeerReport[]): CrossFinding[] {
  return rulesOf("peers").flatMap((rule) => rule.detect(reports).map(stamped(rule)));
}

/** `reports`: the current reports of one province and one year. */
export function corpusAnomalies(reports: readonly CorpusReport[]): CrossFinding[] {
  return rulesOf("corpus").flatMap((rule) => rule.detect(reports).map(stamped(rule)));
}
