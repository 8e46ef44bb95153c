/**
 * Labelled anomalies for the large sample corpus: every rule's kind of trouble, put into an
 * otherwise clean corpus, each on its own agency (so that no two interfere), each with the
 * findings it must get. They are made the way supervising offices meet them: a figure with two
 * zeros too many, fees written in 元, last year's text under this year's title, three townships
 * filling in one template, a year never published, a report published twice with different
 * figures. What follows from the printed figures across years (carry-over, duplicates, gaps) is
 * added to the answer key by ./expected.ts.
 */
import { APPLICANT_COLUMNS, TEMPLATES } from "../template/definitions";
import { agencyKey, draft, inYear, shuffled, type Draft } from "./draft";
import { INJECTED_RULES, injectError } from "./errors";
import { drawFigures } from "./figures";
import { randomFor, type Random } from "./random";

export interface AnomalyLabel {
  /** the rule whose finding the report must get */
  rule: string;
  /** what was done, in words */
  detail: string;
}

interface Context {
  random: Random;
  seed: number;
  /** the agency's drafts, oldest year first */
  drafts: Draft[];
  /** every agency's drafts, by agency key */
  all: ReadonlyMap<string, Draft[]>;
  /** whether another agency has no anomaly yet, and taking it for this one */
  isFree: (key: string) => boolean;
  claim: (key: string) => void;
  add: (d: Draft) => void;
}

interface Kind {
  name: string;
  /** how many agencies get it */
  count: number;
  /** the drafts it can go into; every one when left out */
  fits?: (d: Draft, index: number, ctx: Context) => boolean;
  /** puts it into the draft (and the answer key); false when it cannot after all */
  apply: (d: Draft, ctx: Context) => boolean;
}

/** Enough of each to show a rule catches every case. */
const STRUCTURAL = 8;
/** Enough to measure precision and recall of a rule that weighs evidence. */
const STATISTICAL = 20;
/** Rates need 20 cases; few agencies have them, so fewer rate anomalies. */
const RATES = 10;
/** Townships that fill in one shared text, and how many such groups. */
const SHARED_GROUP = 3;
const SHARED_GROUPS = 7;

const expect = (d: Draft, rule: string, detail: string) => d.anomalies.push({ rule, detail });
const add = (d: Draft, field: string, k: number) => (d.printed.values[field] = (d.printed.values[field] ?? 0) + k);
const value = (d: Draft, field: string) => d.printed.values[field] ?? 0;

const REQUESTS = TEMPLATES["2021"].tables.find((t) => t.section === "requests")!;
const OUTCOME_STEMS = REQUESTS.rows.map((r) => r.stem).filter((s) => /granted|denied|unavailable|notProcessed|otherHandling/i.test(s));
const DENIED_STEMS = OUTCOME_STEMS.filter((s) => s.startsWith("requests.denied."));
const columnsOf = (stem: string) => APPLICANT_COLUMNS.map((c) => `${stem}.${c.id}`);

/** The parse contract's errors, as the default sample makes them (./errors.ts). */
const CONTRACT_KINDS: Kind[] = INJECTED_RULES.map((rule) => ({
  name: rule,
  count: STRUCTURAL,
  // a text counting last year's carried-over requests in is no contradiction (narrative.mismatch): keep them apart
  fits: rule === "narrative.mismatch" ? (d) => value(d, "requests.carriedOver.total") === 0 : undefined,
  apply: (d, { random }) => {
    const { printed, injection } = injectError(rule, d.figures, random);
    d.printed = printed;
    d.errors.push(injection);
    return true;
  },
}));

const STRUCTURAL_KINDS: Kind[] = [
  {
    name: "table.truncated",
    count: STRUCTURAL,
    apply: (d, { random }) => {
      const stem = random.pick(OUTCOME_STEMS);
      d.printed.cutAfter = `${stem}.total`;
      expect(d, "table.truncated", `文件在申请情况表“${REQUESTS.rows.find((r) => r.stem === stem)?.label}”一行之后中断`);
      return true;
    },
  },
  {
    name: "cell.blank",
    count: STRUCTURAL,
    fits: (d) => DENIED_STEMS.some((stem) => columnsOf(stem).every((f) => value(d, f) === 0)),
    apply: (d, { random }) => {
      const stem = random.pick(DENIED_STEMS.filter((s) => columnsOf(s).every((f) => value(d, f) === 0)));
      d.printed.blank = columnsOf(stem);
      expect(d, "cell.blank", `“${REQUESTS.rows.find((r) => r.stem === stem)?.label}”一行各格填“/”而非0`);
      return true;
    },
  },
  {
    name: "template.mismatch",
    count: STRUCTURAL,
    // a 2020 report before the agency's first one, whose carry-over agrees with it
    fits: (d, i) => i === 0 && APPLICANT_COLUMNS.every((c) => value(d, `requests.carriedOver.${c.id}`) === 0),
    apply: (d, { seed, add: addDraft }) => {
      const year = d.year - 1;
      const zero = Object.fromEntries(APPLICANT_COLUMNS.filter((c) => !c.sumOf).map((c) => [c.id, 0]));
      const drawn = drawFigures(d.agency, year, { carriedForward: zero, documentsInForce: 0 }, randomFor(seed, `figures:${agencyKey(d.agency)}:${year}`));
      if (Object.values(drawn.after.carriedForward).some((n) => n !== 0)) return false;
      const earlier = draft(d.agency, d.layout, year, drawn.figures, inYear(d.path, year));
      expect(earlier, "template.mismatch", `${year}年度报告套用了2021年版表格`);
      addDraft(earlier);
      return true;
    },
  },
  {
    name: "narrative.reviews",
    count: STRUCTURAL,
    apply: (d, { random }) => {
      d.printed.reviewsStated += random.int(1, 3);
      expect(d, "narrative.reviews", `正文称行政复议${d.printed.reviewsStated}件,表中为${value(d, "review.total")}件`);
      return true;
    },
  },
  {
    name: "narrative.lawsuits",
    count: STRUCTURAL,
    apply: (d, { random }) => {
      d.printed.lawsuitsStated += random.int(1, 3);
      expect(d, "narrative.lawsuits", `正文称行政诉讼${d.printed.lawsuitsStated}件,表中合计${value(d, "litigationDirect.total") + value(d, "litigationAfterReview.total")}件`);
      return true;
    },
  },
  {
    name: "narrative.otherYear",
    count: STRUCTURAL,
    apply: (d) => {
      d.proseYear = d.year - 1;
      expect(d, "narrative.otherYear", `正文写的是${d.proseYear}年,只有标题是${d.year}年`);
      return true;
    },
  },
  {
    name: "carryover.mismatch",
    count: STRUCTURAL,
    fits: (_d, i) => i > 0,
    // k more carried over and k more granted: the year's own sums still hold, only last year's 结转 disagrees
    apply: (d, { random }) => {
      const k = random.int(1, 3);
      for (const stem of ["requests.carriedOver", "requests.granted", "requests.totalHandled"]) {
        add(d, `${stem}.natural`, k);
        add(d, `${stem}.total`, k);
      }
      expect(d, "carryover.mismatch", `上年结转 自然人及总计各多填${k}件`);
      return true;
    },
  },
  {
    name: "report.yearMissing",
    count: STRUCTURAL,
    fits: (_d, i, { drafts }) => i > 0 && i < drafts.length - 1,
    apply: (d, { drafts }) => {
      d.dropped = true;
      expect(drafts[drafts.indexOf(d) + 1], "report.yearMissing", `${d.year}年度年报未发布`);
      return true;
    },
  },
  {
    name: "report.duplicate",
    count: STRUCTURAL,
    apply: (d, { random, add: addDraft }) => {
      const again = { ...draft(d.agency, d.layout, d.year, d.figures, d.path.replace(/\.txt$/, "（重新发布）.txt")), proseKey: d.proseKey };
      const k = random.int(1, 9);
      add(again, "proactive.licensing.decisions", k);
      expect(again, "report.duplicate", `同一年度重新发布的年报行政许可多${k}件`);
      addDraft(again);
      return true;
    },
  },
];

const SPIKE_FIELDS = [
  ["proactive.licensing.decisions", "licensing"],
  ["proactive.penalty.decisions", "penalty"],
  ["proactive.coercion.decisions", "coercion"],
] as const;

const isStreet = (d: Draft) => d.agency.kind === "township" && d.agency.nameCore.endsWith("街道");
const countyOf = (d: Draft) => d.agency.regionPath[2] ?? "";
const jobOf = (d: Draft) => d.agency.name.slice(countyOf(d).length);

/**
 * The same year's reports of the agencies a supervising office would hold it against: the other
 * towns (or 街道) of its county; the same department of the other counties of its city.
 */
function peersOf(d: Draft, all: ReadonlyMap<string, Draft[]>): Draft[] {
  const alike =
    d.agency.kind === "township"
      ? (o: Draft) => o.agency.kind === "township" && o.agency.regionCode.startsWith(d.agency.regionCode.slice(0, 6)) && isStreet(o) === isStreet(d)
      : (o: Draft) => o.agency.kind === "department" && o.agency.regionCode.startsWith(d.agency.regionCode.slice(0, 4)) && jobOf(o) === jobOf(d);
  return [...all.values()].flatMap((drafts) => drafts.filter((o) => o.year === d.year && o.agency !== d.agency && alike(o)));
}

const STATISTICAL_KINDS: Kind[] = [
  {
    // the rare kind first: only busy departments handle 20 requests in a year; one a city and year,
    // so that the few agencies with as many cases are not mostly anomalies
    name: "figure.rate",
    count: RATES,
    fits: (d, _i, { all }) =>
      d.agency.kind === "department" &&
      value(d, "requests.totalHandled.total") >= 20 &&
      ![...all.values()].flat().some((o) => o.injected === "figure.rate" && o.year === d.year && o.agency.regionCode.slice(0, 4) === d.agency.regionCode.slice(0, 4)),
    apply: (d) => {
      for (const column of APPLICANT_COLUMNS) {
        const moved = value(d, `requests.granted.${column.id}`) + value(d, `requests.partiallyGranted.${column.id}`);
        d.printed.values[`requests.granted.${column.id}`] = 0;
        d.printed.values[`requests.partiallyGranted.${column.id}`] = 0;
        add(d, `requests.unavailable.notHeld.${column.id}`, moved);
      }
      expect(d, "figure.peerOutlier", `办结的${value(d, "requests.totalHandled.total")}件申请全部填为“本机关不掌握”,无一公开`);
      return true;
    },
  },
  {
    name: "fees.unit",
    count: STATISTICAL,
    fits: (d) => value(d, "proactive.fees.amount") > 0,
    apply: (d) => {
      const amount = value(d, "proactive.fees.amount");
      d.printed.values["proactive.fees.amount"] = Math.round(amount * 10_000 * 100) / 100;
      expect(d, "fees.unit", `收费金额${amount}万元按元填成${d.printed.values["proactive.fees.amount"]}`);
      return true;
    },
  },
  {
    name: "figure.spike",
    count: STATISTICAL,
    // a 街道 is compared with the 街道 of its county, and most counties have one or two: none to stand out from
    fits: (d) => !isStreet(d),
    // two zeros too many, or a figure from another table: a hundred times the agency's typical year
    // and ten times anything its peers report that year
    apply: (d, { random, all }) => {
      const [field, typical] = random.pick(SPIKE_FIELDS);
      const peers = peersOf(d, all).map((p) => value(p, field));
      const spike = Math.round(Math.max(100, 100 * d.agency.profile[typical], 10 * Math.max(0, ...peers)) * (1 + random.next()));
      d.printed.values[field] = spike;
      const detail = `${field}填为${spike}(本机关常年约${Math.round(d.agency.profile[typical])},同类机关当年最多${Math.max(0, ...peers)})`;
      expect(d, "figure.jump", detail);
      expect(d, "figure.peerOutlier", detail);
      return true;
    },
  },
];

const SIMILARITY_KINDS: Kind[] = [
  {
    name: "text.copiedLastYear",
    count: STATISTICAL,
    fits: (_d, i) => i > 0,
    apply: (d, { drafts }) => {
      const previous = drafts[drafts.indexOf(d) - 1];
      d.proseKey = previous.proseKey;
      expect(d, "text.copiedLastYear", `正文照抄${previous.year}年度报告,只更新了数字`);
      return true;
    },
  },
  {
    name: "text.sharedAcrossAgencies",
    count: SHARED_GROUPS,
    fits: (d) => d.agency.kind === "township",
    apply: (d, { all, isFree, claim }) => {
      const county = d.agency.regionCode.slice(0, 6);
      const neighbours = [...all.entries()]
        .filter(([key, drafts]) => drafts[0].agency.kind === "township" && drafts[0].agency.regionCode.startsWith(county) && drafts[0].agency !== d.agency && isFree(key))
        .slice(0, SHARED_GROUP - 1);
      if (neighbours.length < SHARED_GROUP - 1) return false;
      const others = neighbours.map(([key, drafts]) => (claim(key), drafts.find((o) => o.year === d.year)!));
      for (const other of others) {
        other.proseKey = d.proseKey;
        expect(other, "text.sharedAcrossAgencies", `正文套用${d.agency.name}的文本`);
      }
      expect(d, "text.sharedAcrossAgencies", `${others.map((o) => o.agency.name).join("、")}套用本报告正文`);
      return true;
    },
  },
];

export const ANOMALY_KINDS: readonly Kind[] = [...STATISTICAL_KINDS, ...SIMILARITY_KINDS, ...STRUCTURAL_KINDS, ...CONTRACT_KINDS];

/** The drafts with the anomalies put in (and the reports they add). */
export function injectAnomalies(seed: number, drafts: readonly Draft[]): Draft[] {
  const all = new Map<string, Draft[]>();
  for (const d of drafts) all.set(agencyKey(d.agency), [...(all.get(agencyKey(d.agency)) ?? []), d]);
  const claimed = new Set<string>();
  const isFree = (key: string) => !claimed.has(key);
  const claim = (key: string) => void claimed.add(key);
  const added: Draft[] = [];
  const order = shuffled([...all.keys()], randomFor(seed, "anomalies"));

  for (const kind of ANOMALY_KINDS) {
    let placed = 0;
    for (const key of order) {
      if (placed === kind.count) break;
      if (!isFree(key)) continue;
      const random = randomFor(seed, `anomaly:${kind.name}:${key}`);
      const ctx: Context = { random, seed, drafts: all.get(key)!, all, isFree, claim, add: (d) => added.push(d) };
      const fitting = ctx.drafts.filter((d, i) => kind.fits?.(d, i, ctx) ?? true);
      if (fitting.length === 0) continue;
      claim(key);
      const target = random.pick(fitting);
      if (!kind.apply(target, ctx)) continue;
      target.injected = kind.name;
      placed++;
    }
  }
  return [...added, ...drafts];
}
