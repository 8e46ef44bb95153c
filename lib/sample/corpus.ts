/**
 * The sample corpus: every township of 镇巴县 and eight county departments, one report a year
 * for 2021–2025, deterministic for a seed. A dozen reports carry one deliberate error each, and
 * one of them is followed by a corrected version (更正) for the same agency and year. The answer
 * key (labels) says for every file what a parser must read from it and which error it carries.
 */
import type { TemplateVersion } from "../template/definitions";
import { sampleAgencies, SAMPLE_COUNTY_CODE, type SampleAgency } from "./agencies";
import { INJECTED_RULES, injectError, printedAsIs, type InjectedRule, type Injection, type Printed } from "./errors";
import { drawFigures, firstState, type Figures } from "./figures";
import { LAYOUTS, type LayoutName } from "./layouts";
import { randomFor, type Random } from "./random";
import { writeReport } from "./report";

export const SAMPLE_YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];

/** How many reports carry each kind of error. */
const ERRORS_PER_RULE = 2;

/** The word a corrected report's file name carries: it sorts after the original. */
export const REVISION_SUFFIX = "（更正）";

export interface SampleLabel {
  /** the name the report gives itself, and the part of it a parser must find */
  agency: string;
  agencyContains: string;
  kind: SampleAgency["kind"];
  year: number;
  template: TemplateVersion;
  region: { code: string; path: string[] };
  layout: LayoutName;
  /** every field as printed: errors included, null for a missing table's cells */
  values: Record<string, number | null>;
  narrative: { proactiveItems: number; requestsReceived: number };
  /** 1-based source lines of the values and of the two narrative figures */
  provenance: Record<string, number>;
  narrativeProvenance: { proactiveItems: number; requestsReceived: number };
  /** the deliberate errors; empty for a clean report */
  errors: Injection[];
  /** for a corrected report: the file it corrects */
  revises?: string;
}

export interface SampleFile {
  /** relative path: YEAR/AGENCY.txt */
  path: string;
  text: string;
  label: SampleLabel;
}

export interface SampleCorpus {
  seed: number;
  countyCode: string;
  years: readonly number[];
  files: SampleFile[];
}

interface Slot {
  agency: SampleAgency;
  layout: LayoutName;
  year: number;
  figures: Figures;
}

export function generateSampleCorpus(seed: number): SampleCorpus {
  const slots = drawSlots(seed);
  const faults = assignErrors(slots, randomFor(seed, "errors"));
  const files: SampleFile[] = [];
  for (const slot of slots) {
    const fault = faults.get(slot);
    const path = `${slot.year}/${slot.agency.name}.txt`;
    if (!fault) {
      files.push(sampleFile(seed, path, slot, printedAsIs(slot.figures), []));
      continue;
    }
    const { printed, injection } = injectError(fault, slot.figures, randomFor(seed, `error:${path}`));
    files.push(sampleFile(seed, path, slot, printed, [injection]));
    // the first report with an unbalanced table is followed by its correction
    if (fault === "requests.balance" && !files.some((f) => f.label.revises)) {
      const revision = sampleFile(seed, path.replace(/\.txt$/, `${REVISION_SUFFIX}.txt`), slot, printedAsIs(slot.figures), []);
      revision.label.revises = path;
      files.push(revision);
    }
  }
  return { seed, countyCode: SAMPLE_COUNTY_CODE, years: SAMPLE_YEARS, files };
}

/** Each agency's figures year by year, requests carried from one year into the next. */
function drawSlots(seed: number): Slot[] {
  const agencies = sampleAgencies(randomFor(seed, "agencies"));
  return agencies.flatMap((agency, i) => {
    const key = `${agency.regionCode}:${agency.name}`;
    const layout = LAYOUTS[(i + seed) % LAYOUTS.length];
    let state = firstState(agency, randomFor(seed, `start:${key}`));
    return SAMPLE_YEARS.map((year): Slot => {
      const drawn = drawFigures(agency, year, state, randomFor(seed, `figures:${key}:${year}`));
      state = drawn.after;
      return { agency, layout, year, figures: drawn.figures };
    });
  });
}

/** A shuffled pick of reports, each given one kind of error, every kind the same number of times. */
function assignErrors(slots: readonly Slot[], random: Random): Map<Slot, InjectedRule> {
  const order = [...slots];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const faults = new Map<Slot, InjectedRule>();
  INJECTED_RULES.forEach((rule, r) => {
    for (let n = 0; n < ERRORS_PER_RULE; n++) faults.set(order[r * ERRORS_PER_RULE + n], rule);
  });
  return faults;
}

function sampleFile(seed: number, path: string, slot: Slot, printed: Printed, errors: Injection[]): SampleFile {
  const { agency, year, layout, figures } = slot;
  const written = writeReport({ agency, year, layout, printed, proactiveItems: figures.narrative.proactiveItems }, randomFor(seed, `prose:${path}`));
  return {
    path,
    text: written.text,
    label: {
      agency: agency.name,
      agencyContains: agency.nameCore,
      kind: agency.kind,
      year,
      template: "2021",
      region: { code: agency.regionCode, path: agency.regionPath },
      layout,
      values: printed.values,
      narrative: { proactiveItems: figures.narrative.proactiveItems, requestsReceived: printed.requestsStated },
      provenance: written.provenance,
      narrativeProvenance: written.narrativeProvenance,
      errors,
    },
  };
}
