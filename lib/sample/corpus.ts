/**
 * Sample corpora, deterministic for a seed. The default is 镇巴县: every township and eight county
 * departments, one report a year for 2021–2025; a dozen reports carry one deliberate error each,
 * and one of them is followed by a corrected version (更正) for the same agency and year. The
 * large one (`--plan anomalies`) covers every county of 汉中市 and 安康市 with twelve departments
 * each (about 2,900 reports) and puts labelled anomalies of every rule into it (./anomalies.ts).
 * `--plan templates` is 镇巴县 2019–2025 without errors: 2019 and 2020 in the 2019 template.
 * The answer key (labels) says for every file what a parser must read from it and which findings
 * it must get.
 */
import { templateForYear, type TemplateVersion } from "../template/definitions";
import { allRegions } from "../regions/gazetteer";
import { countyAgencies, DEPARTMENTS, MORE_DEPARTMENTS, sampleAgencies, SAMPLE_COUNTY_CODE, type Profile, type SampleAgency } from "./agencies";
import { injectAnomalies, type AnomalyLabel } from "./anomalies";
import { agencyKey, draft, shuffled, type Draft } from "./draft";
import { INJECTED_RULES, injectError, type InjectedRule, type Injection } from "./errors";
import { crossReportLabels } from "./expected";
import { drawFigures, firstState } from "./figures";
import { LAYOUTS, type LayoutName } from "./layouts";
import { spreadStyle, type PrintStyle } from "./print/style";
import { randomFor, type Random } from "./random";
import { writeReport } from "./report";
import { inTemplate2019, templateOf } from "./template2019";

export const SAMPLE_YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];

/** The word a corrected report's file name carries: it sorts after the original. */
export const REVISION_SUFFIX = "（更正）";

export interface SamplePlan {
  name: string;
  counties: readonly string[];
  years: readonly number[];
  departments: readonly [string, Profile][];
  /** log-normal spread of how busy each county's departments are; 0: all as busy as 镇巴县's */
  countySpread: number;
  /** the default sample's deliberate errors: each contract rule this many times, the first unbalanced report corrected */
  errorsPerRule: number;
  /** labelled anomalies of every kind (./anomalies.ts), on different agencies */
  anomalies: boolean;
}

export const DEFAULT_PLAN: SamplePlan = {
  name: "default",
  counties: [SAMPLE_COUNTY_CODE],
  years: SAMPLE_YEARS,
  departments: DEPARTMENTS,
  countySpread: 0,
  errorsPerRule: 2,
  anomalies: false,
};

const countiesOf = (city: string) => allRegions().filter((r) => r.parentCode === city).map((r) => r.code);

/** 汉中市 (6107) and 安康市 (6109): 21 counties, 316 townships, 12 departments a county. */
export const ANOMALIES_PLAN: SamplePlan = {
  name: "anomalies",
  counties: [...countiesOf("6107"), ...countiesOf("6109")],
  years: SAMPLE_YEARS,
  departments: [...DEPARTMENTS, ...MORE_DEPARTMENTS],
  countySpread: 0.4,
  errorsPerRule: 0,
  anomalies: true,
};

/** 镇巴县 2019–2025, clean: the reports for 2019 and 2020 in the 2019 template, every year in every style. */
export const TEMPLATES_PLAN: SamplePlan = {
  ...DEFAULT_PLAN,
  name: "templates",
  years: [2019, 2020, ...SAMPLE_YEARS],
  errorsPerRule: 0,
};

export const PLANS: Record<string, SamplePlan> = { default: DEFAULT_PLAN, anomalies: ANOMALIES_PLAN, templates: TEMPLATES_PLAN };

export interface SampleLabel {
  /** the name the report gives itself, and the part of it a parser must find */
  agency: string;
  agencyContains: string;
  kind: SampleAgency["kind"];
  year: number;
  template: TemplateVersion;
  region: { code: string; path: string[] };
  /** how the file is printed: its shape, table layout, characters, numbers and encoding */
  style: PrintStyle;
  /** every field as printed: errors included, null for a missing or blank cell */
  values: Record<string, number | null>;
  narrative: { proactiveItems: number; requestsReceived: number };
  /** 1-based lines of the values and of the two narrative figures in the source text a parser reads (a web page's rendered text) */
  provenance: Record<string, number>;
  narrativeProvenance: { proactiveItems: number; requestsReceived: number };
  /** the deliberate errors of the parse contract's checks; empty for a clean report */
  errors: Injection[];
  /** the other findings the report must get: injected anomalies and what follows from the figures printed */
  anomalies: AnomalyLabel[];
  /** for a corrected report: the file it corrects */
  revises?: string;
}

export interface SampleFile {
  /** relative path: YEAR/AGENCY.txt, or YEAR/COUNTY/AGENCY.txt for a plan of several counties */
  path: string;
  /** the file's text (a web page's HTML), and its bytes as written */
  text: string;
  bytes: Uint8Array;
  label: SampleLabel;
}

export interface SampleCorpus {
  seed: number;
  plan: string;
  countyCode: string;
  years: readonly number[];
  files: SampleFile[];
}

export function generateSampleCorpus(seed: number, plan: SamplePlan = DEFAULT_PLAN): SampleCorpus {
  let drafts = drawDrafts(seed, planAgencies(seed, plan), plan);
  if (plan.errorsPerRule > 0) drafts = withErrors(seed, drafts, plan.errorsPerRule);
  if (plan.anomalies) drafts = injectAnomalies(seed, drafts);
  const style = styleSpread(drafts, plan.years);
  const files = drafts.filter((d) => !d.dropped).map((d) => sampleFile(seed, d, style(d)));
  crossReportLabels(files);
  return { seed, plan: plan.name, countyCode: plan.counties[0], years: plan.years, files };
}

/** The default sample draws its agencies from one stream, as it always has; other plans one stream per county. */
function planAgencies(seed: number, plan: SamplePlan): SampleAgency[] {
  if (plan === DEFAULT_PLAN) return sampleAgencies(randomFor(seed, "agencies"));
  return plan.counties.flatMap((code) => {
    const scale = plan.countySpread === 0 ? 1 : randomFor(seed, `scale:${code}`).lognormal(plan.countySpread);
    return countyAgencies(code, randomFor(seed, `agencies:${code}`), { departments: plan.departments, scale });
  });
}

/** YEAR/AGENCY.txt; with several counties YEAR/COUNTY/AGENCY.txt, since townships of different counties share names (城关镇). */
function reportPath(plan: SamplePlan, agency: SampleAgency, year: number): string {
  const folder = plan.counties.length > 1 ? `${agency.regionPath[2]}/` : "";
  return `${year}/${folder}${agency.name}.txt`;
}

/** Each agency's figures year by year, requests carried from one year into the next, printed as they are. */
function drawDrafts(seed: number, agencies: readonly SampleAgency[], plan: SamplePlan): Draft[] {
  return agencies.flatMap((agency, i) => agencyDrafts(seed, agency, agencyLayout(seed, i), plan.years, (year) => reportPath(plan, agency, year)));
}

/** The table layout of the i-th agency of a corpus: agencies take the layouts in turn. */
const agencyLayout = (seed: number, i: number): LayoutName => LAYOUTS[(i + seed) % LAYOUTS.length];

/** One agency's reports of the years, in order: each year's figures drawn from the state the last one left. */
export function agencyDrafts(seed: number, agency: SampleAgency, layout: LayoutName, years: readonly number[], pathOf: (year: number) => string): Draft[] {
  const key = agencyKey(agency);
  let state = firstState(agency, randomFor(seed, `start:${key}`));
  return years.map((year): Draft => {
    const drawn = drawFigures(agency, year, state, randomFor(seed, `figures:${key}:${year}`));
    state = drawn.after;
    // reports for 2019 and 2020 fill in the template of their years
    const values = templateForYear(year) === "2019" ? inTemplate2019(drawn.figures.values, randomFor(seed, `2019:${key}:${year}`)) : drawn.figures.values;
    return draft(agency, layout, year, { ...drawn.figures, values }, pathOf(year));
  });
}

/**
 * The default sample's errors: a shuffled pick of reports, each given one kind of error, every
 * kind the same number of times; the first report with an unbalanced table is followed by its
 * correction.
 */
function withErrors(seed: number, drafts: readonly Draft[], perRule: number): Draft[] {
  const faults = assignErrors(drafts, perRule, randomFor(seed, "errors"));
  let corrected = false;
  return drafts.flatMap((d) => {
    const fault = faults.get(d);
    if (!fault) return [d];
    const { printed, injection } = injectError(fault, d.figures, randomFor(seed, `error:${d.path}`));
    const faulty = { ...d, printed, errors: [injection] };
    if (fault !== "requests.balance" || corrected) return [faulty];
    corrected = true;
    const revision = draft(d.agency, d.layout, d.year, d.figures, d.path.replace(/\.txt$/, `${REVISION_SUFFIX}.txt`));
    return [faulty, { ...revision, revises: d.path }];
  });
}

function assignErrors(drafts: readonly Draft[], perRule: number, random: Random): Map<Draft, InjectedRule> {
  const order = shuffled(drafts, random);
  const faults = new Map<Draft, InjectedRule>();
  INJECTED_RULES.forEach((rule, r) => {
    for (let n = 0; n < perRule; n++) faults.set(order[r * perRule + n], rule);
  });
  return faults;
}

/**
 * Each agency's reports printed in the next styles of the spread (./print/style.ts), one a year, so
 * that the corpus shows every way of printing; a second version of a year is printed as the first.
 */
function styleSpread(drafts: readonly Draft[], years: readonly number[]): (d: Draft) => PrintStyle {
  const agencies = [...new Set(drafts.map((d) => agencyKey(d.agency)))];
  return (d) => agencyYearStyle(agencies.indexOf(agencyKey(d.agency)), years, d.year, d.layout);
}

/** The style of an agency's report of a year: the agency's run of the spread, one style a year. */
export function agencyYearStyle(agencyIndex: number, years: readonly number[], year: number, layout: LayoutName): PrintStyle {
  const yearIndex = (((year - years[0]) % years.length) + years.length) % years.length;
  return spreadStyle(agencyIndex * years.length + yearIndex, layout);
}

/** A draft written out in its style: the file's text and bytes, and its answer key. */
export function sampleFile(seed: number, d: Draft, style: PrintStyle): SampleFile {
  const { agency, year, figures, printed } = d;
  const written = writeReport({ agency, year, style, printed, proactiveItems: figures.narrative.proactiveItems, proseYear: d.proseYear }, randomFor(seed, d.proseKey));
  // a cell the text does not print (cut off, or "/") holds no number
  const values = Object.fromEntries(
    Object.entries(printed.values).map(([field, value]) => [field, field in written.provenance && !printed.blank.includes(field) ? value : null]),
  );
  return {
    // a web page keeps the .txt name too (a page saved as text, like corpus 035): the parser tells
    // markup by its cells, and tools that name sample files (tests/e2e) need not know the style
    path: d.path,
    text: written.text,
    bytes: written.bytes,
    label: {
      agency: agency.name,
      agencyContains: agency.nameCore,
      kind: agency.kind,
      year,
      template: templateOf(printed.values),
      region: { code: agency.regionCode, path: agency.regionPath },
      style,
      values,
      narrative: { proactiveItems: figures.narrative.proactiveItems, requestsReceived: printed.requestsStated },
      provenance: written.provenance,
      narrativeProvenance: written.narrativeProvenance,
      errors: d.errors,
      anomalies: d.anomalies,
      ...(d.revises ? { revises: d.revises } : {}),
    },
  };
}
