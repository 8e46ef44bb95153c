/**
 * A sample report as a perfect parser would return it, built from its answer key and checked by
 * the real checks. Lets tests fill a database with the sample corpus without parsing a file,
 * and lets the generator's answer key be checked against the checks on its own.
 */
import { runChecks, type TableFacts } from "../checks/index";
import type { ParseResult } from "../parse/index";
import type { SectionId } from "../template/definitions";
import type { SampleFile } from "./corpus";
import { tableFields, tableHeading } from "./grid";

const SECTIONS: readonly SectionId[] = ["proactive", "requests", "reviews"];

export function sampleAsParsed(file: SampleFile): ParseResult {
  const { label } = file;
  const lines = file.text.split("\n");
  const tables: TableFacts[] = SECTIONS.map((section) => {
    const missing = tableFields(section).every((field) => label.values[field] === null);
    return { section, state: missing ? "missing" : "complete", line: lines.indexOf(tableHeading(section)) + 1 };
  });
  const parsed = {
    agency: label.agency,
    year: label.year,
    template: label.template,
    region: label.region,
    values: label.values,
    narrative: label.narrative,
    provenance: label.provenance,
    narrativeProvenance: label.narrativeProvenance,
    sourceText: file.text,
    encoding: "utf-8",
  };
  const findings = runChecks({ ...parsed, tables, blank: [], ambiguous: [] });
  return { ...parsed, findings };
}
