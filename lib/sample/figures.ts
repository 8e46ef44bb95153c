/**
 * The true figures of one sample report (2021 template): drawn around the agency's profile and
 * made to satisfy the table's own arithmetic, so that every error in the corpus is one that was
 * put there on purpose. Requests carried into a year are the ones carried out of the last.
 */
import { TEMPLATES, type ColumnDef, type TableDef } from "../template/definitions";
import { rowColumns } from "../template/fields";
import type { Profile, SampleAgency } from "./agencies";
import { tableFields } from "./grid";
import type { Random } from "./random";

export type Values = Record<string, number>;

export interface Figures {
  values: Values;
  narrative: { proactiveItems: number; requestsReceived: number };
}

/** What one year leaves to the next. */
export interface CarriedState {
  /** requests carried into next year, by applicant column */
  carriedForward: Record<string, number>;
  /** normative documents in force at the end of the year */
  documentsInForce: number;
}

const [, REQUESTS, REVIEWS] = TEMPLATES["2021"].tables as [TableDef, TableDef, TableDef];

const NEW = "requests.newReceived";
const CARRIED_OVER = "requests.carriedOver";
const TOTAL_HANDLED = "requests.totalHandled";
const CARRIED_FORWARD = "requests.carriedForward";
const BALANCE_ROWS = new Set([NEW, CARRIED_OVER, TOTAL_HANDLED, CARRIED_FORWARD]);

/** The outcome rows, in table order: everything between the balance rows. */
const OUTCOME_STEMS = REQUESTS.rows.map((r) => r.stem).filter((s) => !BALANCE_ROWS.has(s));

/** How requests tend to end (rough shares from real county reports); unlisted rows are rare. */
const OUTCOME_WEIGHTS: Record<string, number> = {
  "requests.granted": 45,
  "requests.partiallyGranted": 8,
  "requests.unavailable.notHeld": 20,
  "requests.unavailable.needsCreation": 3,
  "requests.unavailable.unclear": 2,
  "requests.denied.thirdPartyRights": 2,
  "requests.denied.internalAffairs": 2,
  "requests.denied.processInfo": 2,
  "requests.notProcessed.complaint": 3,
  "requests.notProcessed.duplicate": 2,
  "requests.otherHandling.noCorrection": 2,
  "requests.otherHandling.other": 2,
};
const RARE_OUTCOME = 0.4;

/** Who asks: mostly private persons. */
const APPLICANT_WEIGHTS: Record<string, number> = { natural: 82, commercial: 10, research: 1, socialOrg: 1, legal: 4, other: 2 };

/** Of reviews and lawsuits: upheld, corrected, other, pending. */
const RESULT_WEIGHTS = [60, 15, 15, 10];

const TOTAL = totalColumn(REQUESTS.columns);
const APPLICANTS = REQUESTS.columns.filter((c) => c !== TOTAL).map((c) => c.id);

export function firstState(agency: SampleAgency, random: Random): CarriedState {
  const carried = random.chance(agency.profile.requests / 20) ? 1 : 0;
  return {
    carriedForward: Object.fromEntries(APPLICANTS.map((c, i) => [c, i === 0 ? carried : 0])),
    documentsInForce: Math.round(agency.profile.documents * 5 * random.lognormal(0.3)),
  };
}

export function drawFigures(agency: SampleAgency, year: number, before: CarriedState, random: Random): { figures: Figures; after: CarriedState } {
  const values: Values = {};
  const documentsInForce = drawProactive(agency.profile, before.documentsInForce, random, values);
  const carriedForward = drawRequests(agency.profile, before.carriedForward, random, values);
  drawReviews(values[`${TOTAL_HANDLED}.${TOTAL.id}`], random, values);
  const growth = 1 + 0.06 * (year - 2021);
  const narrative = {
    proactiveItems: Math.max(1, Math.round(agency.profile.proactive * growth * random.lognormal(0.15))),
    requestsReceived: values[`${NEW}.${TOTAL.id}`],
  };
  return { figures: { values, narrative }, after: { carriedForward, documentsInForce } };
}

/** Section 二; returns the documents in force at the year's end. */
function drawProactive(profile: Profile, inForceBefore: number, random: Random, values: Values): number {
  const count = (typical: number) => (typical === 0 ? 0 : Math.round(typical * random.lognormal(0.6)));
  const issued = random.binomial(Math.ceil(profile.documents * 3), 1 / 3);
  const abolished = random.binomial(inForceBefore, 0.08);
  const inForce = inForceBefore + issued - abolished;
  const fees = profile.fees === 0 || random.chance(0.15) ? 0 : round4(profile.fees * random.lognormal(0.6));
  const figures: Record<string, number> = {
    "proactive.regulations.issued": 0, // counties and townships make no 规章
    "proactive.regulations.abolished": 0,
    "proactive.regulations.inForce": 0,
    "proactive.normativeDocuments.issued": issued,
    "proactive.normativeDocuments.abolished": abolished,
    "proactive.normativeDocuments.inForce": inForce,
    "proactive.licensing.decisions": count(profile.licensing),
    "proactive.penalty.decisions": count(profile.penalty),
    "proactive.coercion.decisions": count(profile.coercion),
    "proactive.fees.amount": fees,
  };
  for (const key of tableFields("proactive")) values[key] = figures[key];
  return inForce;
}

/** Section 三, balanced column by column; returns what is carried into next year. */
function drawRequests(profile: Profile, carriedIn: Record<string, number>, random: Random, values: Values): Record<string, number> {
  const received = newRequests(profile.requests, random);
  const fresh = random.split(received, APPLICANTS.map((c) => APPLICANT_WEIGHTS[c] ?? 1));
  const outcomeWeights = OUTCOME_STEMS.map((s) => OUTCOME_WEIGHTS[s] ?? RARE_OUTCOME);
  const carriedForward: Record<string, number> = {};
  APPLICANTS.forEach((column, i) => {
    const open = fresh[i] + carriedIn[column];
    const forward = random.binomial(open, 0.05);
    const outcomes = random.split(open - forward, outcomeWeights);
    values[`${NEW}.${column}`] = fresh[i];
    values[`${CARRIED_OVER}.${column}`] = carriedIn[column];
    OUTCOME_STEMS.forEach((stem, j) => (values[`${stem}.${column}`] = outcomes[j]));
    values[`${TOTAL_HANDLED}.${column}`] = open - forward;
    values[`${CARRIED_FORWARD}.${column}`] = forward;
    carriedForward[column] = forward;
  });
  fillTotals(REQUESTS, values);
  return carriedForward;
}

function newRequests(typical: number, random: Random): number {
  if (typical < 1) return random.chance(typical) ? random.int(1, 3) : 0;
  if (random.chance(0.1)) return 0;
  return Math.round(typical * random.lognormal(0.7));
}

/** Section 四: a few requests end in review or court. */
function drawReviews(handled: number, random: Random, values: Values): void {
  const reviews = random.binomial(handled, 0.06);
  const counts: Record<string, number> = {
    review: reviews,
    litigationDirect: random.binomial(handled, 0.02),
    litigationAfterReview: random.binomial(reviews, 0.25),
  };
  const results = REVIEWS.columns.filter((c) => c.sumOf === undefined);
  for (const row of REVIEWS.rows) {
    const split = random.split(counts[row.stem], RESULT_WEIGHTS);
    results.forEach((c, i) => (values[`${row.stem}.${c.id}`] = split[i]));
  }
  fillTotals(REVIEWS, values);
}

/** Every total column of the table is the sum of the columns it names. */
function fillTotals(table: TableDef, values: Values): void {
  for (const row of table.rows) {
    for (const column of rowColumns(table, row)) {
      if (!column.sumOf) continue;
      values[`${row.stem}.${column.id}`] = column.sumOf.reduce((sum, id) => sum + values[`${row.stem}.${id}`], 0);
    }
  }
}

function totalColumn(columns: readonly ColumnDef[]): ColumnDef {
  const total = columns.find((c) => c.sumOf);
  if (!total) throw new Error("the requests table has no total column");
  return total;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
