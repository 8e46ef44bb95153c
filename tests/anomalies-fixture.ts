/**
 * A county for the anomaly tests: eight towns of 镇巴县, 2021–2024, written as report texts
 * (tests/queries-fixture.ts's tables, the sample's prose for sections 一 and 五), with one case of
 * each cross-report rule planted in an otherwise clean county, and a later run that fills a gap
 * and revises a report.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lastReportId, refreshAnomalies } from "../db/anomalies";
import type { NianbaoDb } from "../db/client";
import { findReportFiles, ingestFiles } from "../db/ingest";
import { allRegions } from "../lib/regions/gazetteer";
import type { SampleAgency } from "../lib/sample/agencies";
import { overview, problems } from "../lib/sample/prose";
import { randomFor } from "../lib/sample/random";
import { newReceived, reportText, sum, type Outcomes, type ReportSpec, type Results } from "./queries-fixture";

export const TOWNS = allRegions()
  .filter((r) => r.parentCode === "610728" && r.name.endsWith("镇"))
  .slice(0, 8);
const YEARS = [2021, 2022, 2023, 2024];
const quiet: Results = [0, 0, 0, 0];
const outcomes = (granted: number): Outcomes => ({ granted, partiallyGranted: 0, denied: [0, 0, 0, 0, 0, 0, 0, 0], unavailable: [0, 0, 0], notProcessed: [0, 0, 0, 0, 0], otherHandling: [0, 0, 0] });

export interface Fixture {
  spec: ReportSpec;
  /** the random stream of its prose: a report that copies another's text draws the same */
  prose: string;
}

/** A town's report for a year: a few licences and penalties, a request or two, its own prose. */
function townReport(town: number, year: number, change: Partial<ReportSpec> = {}, suffix = ""): Fixture {
  const region = TOWNS[town];
  const file = `${region.name}-${year}${suffix}.txt`;
  const spec: ReportSpec = {
    file,
    agency: `镇巴县${region.name}人民政府`,
    region: region.code,
    year,
    synthetic: true,
    proactiveItems: 200 + 10 * town + year - 2020,
    normativeDocuments: 0,
    licensing: 10 + town,
    penalty: (town + year) % 3,
    coercion: 0,
    fees: 0,
    carriedOver: 0,
    carriedForward: 0,
    outcomes: outcomes(1 + (town % 2)),
    review: quiet,
    litigationDirect: quiet,
    litigationAfterReview: quiet,
    ...change,
  };
  return { spec, prose: `${region.code}:${year}` };
}

/** The report's text: the fixture's tables, with the sample's prose for sections 一 and 五 stating the same figures. */
export function write(dir: string, { spec, prose }: Fixture): void {
  const agency: SampleAgency = {
    name: spec.agency,
    nameCore: spec.agency,
    kind: "township",
    regionCode: spec.region,
    regionPath: ["陕西省", "汉中市", "镇巴县"],
    profile: { requests: 1, licensing: 1, penalty: 1, coercion: 0, fees: 0, documents: 0, proactive: 1 },
  };
  const facts = {
    agency,
    year: spec.year,
    proactiveItems: spec.proactiveItems,
    requestsStated: newReceived(spec),
    reviewsStated: sum(spec.review),
    lawsuitsStated: sum(spec.litigationDirect) + sum(spec.litigationAfterReview),
  };
  const random = randomFor(1, prose);
  const text = reportText(spec)
    .replace("一、总体情况\n", `一、总体情况\n${overview(facts, random).join("\n")}\n`)
    .replace("五、存在的主要问题及改进情况\n", `五、存在的主要问题及改进情况\n${problems(facts, random).join("\n")}\n`);
  writeFileSync(join(dir, spec.file), text);
}

/**
 * A clean county with one case of each rule: 0 has 150 penalty decisions in 2023 (its own
 * years and the other towns have 0–2); 1 publishes no 2022 report; 2 carries a request into 2023
 * that its 2023 report does not carry over; 3 copies its 2023 text in 2024; 4 and 5 file one
 * text in 2023.
 */
export const FIRST_RUN: Fixture[] = TOWNS.flatMap((_, town) =>
  YEARS.flatMap((year): Fixture[] => {
    if (town === 1 && year === 2022) return [];
    if (town === 0 && year === 2023) return [townReport(town, year, { penalty: 150 })];
    if (town === 2 && year === 2022) return [townReport(town, year, { carriedForward: 1 })];
    if (town === 3 && year === 2024) return [{ ...townReport(town, year), prose: townReport(town, 2023).prose }];
    if (town === 5 && year === 2023) return [{ ...townReport(town, year), prose: townReport(4, 2023).prose }];
    return [townReport(town, year)];
  }),
);

/** Later: town 1's 2022 report turns up, and town 6 publishes its 2024 report again with other figures. */
export const SECOND_RUN: Fixture[] = [townReport(1, 2022), { ...townReport(6, 2024, { licensing: 99 }, "-revised"), prose: townReport(6, 2024).prose }];

/** The name a town's reports give it. */
export const town = (n: number) => `镇巴县${TOWNS[n].name}人民政府`;

/** Writes the fixtures into `dir/name` and loads them as `npm run ingest` does: the files, then the cross-report pass over what they touched. */
export function load(db: NianbaoDb, dir: string, fixtures: readonly Fixture[]) {
  mkdirSync(dir, { recursive: true });
  for (const f of fixtures) write(dir, f);
  const since = lastReportId(db);
  const run = ingestFiles(db, findReportFiles([dir]));
  return { run, pass: refreshAnomalies(db, { since }) };
}
