/**
 * What comparing reports must find in a corpus, worked out from what its files print, whatever
 * put it there (an injected anomaly, or a deliberate error of the default sample whose figures
 * carry into the next year): a year with two different versions, a year missing between two
 * published ones, and a year whose 上年结转 is not last year's 结转下年度. Only what the files
 * state is used, never a detector.
 */
import { APPLICANT_COLUMNS } from "../template/definitions";
import type { SampleFile } from "./corpus";

function expect(file: SampleFile, rule: string, detail: string): void {
  if (!file.label.anomalies.some((a) => a.rule === rule)) file.label.anomalies.push({ rule, detail });
}

/** An agency's files by year, each year's versions in the order an ingest loads them (sorted paths): the last one counts. */
function byAgency(files: readonly SampleFile[]): Map<string, Map<number, SampleFile[]>> {
  const agencies = new Map<string, Map<number, SampleFile[]>>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const key = `${file.label.region.code}:${file.label.agency}`;
    const years = agencies.get(key) ?? new Map<number, SampleFile[]>();
    years.set(file.label.year, [...(years.get(file.label.year) ?? []), file]);
    agencies.set(key, years);
  }
  return agencies;
}

const differ = (a: SampleFile, b: SampleFile) => Object.keys(a.label.values).some((key) => a.label.values[key] !== b.label.values[key]);

/** The columns whose 上年结转 this year is not last year's 结转下年度, both printed. */
function brokenColumns(previous: SampleFile, file: SampleFile): string[] {
  return APPLICANT_COLUMNS.filter((c) => {
    const forward = previous.label.values[`requests.carriedForward.${c.id}`];
    const over = file.label.values[`requests.carriedOver.${c.id}`];
    return forward !== null && over !== null && forward !== over;
  }).map((c) => c.label);
}

export function crossReportLabels(files: readonly SampleFile[]): void {
  for (const years of byAgency(files).values()) {
    const current = [...years.entries()].sort(([a], [b]) => a - b).map(([, versions]) => versions[versions.length - 1]);
    for (const versions of years.values()) {
      const last = versions[versions.length - 1];
      if (versions.some((v) => v !== last && differ(v, last))) expect(last, "report.duplicate", `同一年度有${versions.length}份数字不同的年报`);
    }
    current.slice(1).forEach((file, i) => {
      const previous = current[i];
      if (file.label.year - previous.label.year > 1) {
        expect(file, "report.yearMissing", `缺少${previous.label.year + 1}年度的年报`);
        return;
      }
      const broken = brokenColumns(previous, file);
      if (broken.length > 0) expect(file, "carryover.mismatch", `上年结转与上一年度结转下年度不符:${broken.join("、")}`);
    });
  }
}
