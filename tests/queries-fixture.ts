/**
 * Hand-made reports for the query tests: a few agencies of 镇巴县 (and one outside it) with
 * figures chosen here, written out as report texts (one table row per line, cells split by
 * "|", as many agencies publish them), so the tests can load them through the real ingest and
 * compare what the queries sum with sums worked out from these specs alone.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TEMPLATES, type TemplateVersion } from "@/lib/template/definitions";
import { rowColumns, fieldKey } from "@/lib/template/fields";
import { SAMPLE_MARKER } from "@/lib/sample/marker";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface Outcomes {
  granted: number;
  partiallyGranted: number;
  /** the eight 不予公开 rows */
  denied: number[];
  /** the three 无法提供 rows */
  unavailable: number[];
  /** the five 不予处理 rows */
  notProcessed: number[];
  /** the three 其他处理 rows of the 2021 template (the 2019 template has one: their sum) */
  otherHandling: number[];
}

/** 结果维持, 结果纠正, 其他结果, 尚未审结 (总计 is their sum) */
export type Results = [number, number, number, number];

export interface ReportSpec {
  file: string;
  agency: string;
  region: string;
  year: number;
  synthetic?: boolean;
  proactiveItems: number;
  /** 2021: 行政规范性文件 本年制发件数; 2019: 规范性文件 本年新制作数量 */
  normativeDocuments: number;
  licensing: number;
  penalty: number;
  coercion: number;
  /** 万元; the 2019 template has no amount */
  fees: number | null;
  carriedOver: number;
  carriedForward: number;
  outcomes: Outcomes;
  review: Results;
  litigationDirect: Results;
  litigationAfterReview: Results;
  /** added to 一、本年新收 only, so the request table no longer balances (a requests.balance error) */
  unbalancedBy?: number;
}

export const templateOf = (spec: ReportSpec): TemplateVersion => (spec.year <= 2020 ? "2019" : "2021");
export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function totalHandled(o: Outcomes): number {
  return o.granted + o.partiallyGranted + sum(o.denied) + sum(o.unavailable) + sum(o.notProcessed) + sum(o.otherHandling);
}

export const newReceived = (spec: ReportSpec) => totalHandled(spec.outcomes) + spec.carriedForward - spec.carriedOver + (spec.unbalancedBy ?? 0);

/** The value of every row stem's total (requests) or its one figure (proactive), by stem. */
function figuresByStem(spec: ReportSpec): Map<string, number[]> {
  const o = spec.outcomes;
  const rows = new Map<string, number[]>();
  const proactive2021: [string, number[]][] = [
    ["proactive.regulations", [0, 0, 0]],
    ["proactive.normativeDocuments", [spec.normativeDocuments, 0, spec.normativeDocuments + 5]],
    ["proactive.licensing", [spec.licensing]],
    ["proactive.penalty", [spec.penalty]],
    ["proactive.coercion", [spec.coercion]],
    ["proactive.fees", [spec.fees ?? 0]],
  ];
  const proactive2019: [string, number[]][] = [
    ["proactive.regulations", [0, 0, 0]],
    ["proactive.normativeDocuments", [spec.normativeDocuments, spec.normativeDocuments, spec.normativeDocuments + 5]],
    ["proactive.licensing", [3, 0, spec.licensing]],
    ["proactive.otherServices", [0, 0, 0]],
    ["proactive.penalty", [2, 0, spec.penalty]],
    ["proactive.coercion", [1, 0, spec.coercion]],
    ["proactive.fees", [4, -1]],
    ["proactive.procurement", [0, 0]],
  ];
  for (const [stem, values] of templateOf(spec) === "2021" ? proactive2021 : proactive2019) rows.set(stem, values);

  const request = (stem: string, total: number) => rows.set(stem, [total, 0, 0, 0, 0, 0, total]);
  request("requests.newReceived", newReceived(spec));
  request("requests.carriedOver", spec.carriedOver);
  request("requests.granted", o.granted);
  request("requests.partiallyGranted", o.partiallyGranted);
  const denied = ["stateSecret", "prohibitedByLaw", "threeSecurities", "thirdPartyRights", "internalAffairs", "processInfo", "enforcementFiles", "queryMatters"];
  denied.forEach((id, i) => request(`requests.denied.${id}`, o.denied[i]));
  ["notHeld", "needsCreation", "unclear"].forEach((id, i) => request(`requests.unavailable.${id}`, o.unavailable[i]));
  ["complaint", "duplicate", "publication", "massRepeated", "confirmation"].forEach((id, i) => request(`requests.notProcessed.${id}`, o.notProcessed[i]));
  if (templateOf(spec) === "2021") ["noCorrection", "unpaidFee", "other"].forEach((id, i) => request(`requests.otherHandling.${id}`, o.otherHandling[i]));
  else request("requests.otherHandling.other", sum(o.otherHandling));
  request("requests.totalHandled", totalHandled(o));
  request("requests.carriedForward", spec.carriedForward);

  const results = (r: Results) => [...r, sum(r)];
  rows.set("review", results(spec.review));
  rows.set("litigationDirect", results(spec.litigationDirect));
  rows.set("litigationAfterReview", results(spec.litigationAfterReview));
  return rows;
}

/** The report's text: a title, the 总体情况 paragraph with its narrative figure, the three tables. */
export function reportText(spec: ReportSpec): string {
  const figures = figuresByStem(spec);
  const lines: string[] = [];
  if (spec.synthetic) lines.push(SAMPLE_MARKER);
  lines.push(`${spec.agency}${spec.year}年政府信息公开工作年度报告`, "一、总体情况");
  lines.push(`${spec.year}年，${spec.agency}认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息${spec.proactiveItems}条。`);

  for (const table of TEMPLATES[templateOf(spec)].tables) {
    lines.push(table.heading);
    if (table.section === "reviews") {
      lines.push("行政复议 | 行政诉讼");
      lines.push(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].join(" | ") + " | 未经复议直接起诉 | 复议后起诉");
      lines.push(table.rows.flatMap((row) => figures.get(row.stem)!).join(" | "));
      continue;
    }
    const groups = new Set<string>();
    let header = "";
    for (const row of table.rows) {
      if (row.group && !groups.has(row.group)) lines.push((groups.add(row.group), row.group));
      const columns = rowColumns(table, row);
      const columnHeader = `${table.section === "proactive" ? "信息内容" : "申请人情况"} | ${columns.map((c) => c.label).join(" | ")}`;
      if (columnHeader !== header) lines.push((header = columnHeader));
      const values = figures.get(row.stem)!;
      if (values.length !== columns.length) throw new Error(`${row.stem}: ${values.length} values for ${columns.map((c) => fieldKey(row, c)).join(",")}`);
      lines.push(`${row.label} | ${values.join(" | ")}`);
    }
  }
  lines.push("五、存在的主要问题及改进情况", "公开内容还需进一步丰富。", "六、其他需要报告的事项", "本年度未收取信息处理费。");
  return lines.join("\n") + "\n";
}

// ------------------------------------------------------------------ the fixture

const quiet: Results = [0, 0, 0, 0];
const outcomes = (granted: number, partiallyGranted: number, denied2: number, notHeld: number, duplicate: number, other: number): Outcomes => ({
  granted,
  partiallyGranted,
  denied: [0, denied2, 0, 0, 0, 0, 0, 0],
  unavailable: [notHeld, 0, 0],
  notProcessed: [0, duplicate, 0, 0, 0],
  otherHandling: [0, 0, other],
});

const county = { agency: "镇巴县人民政府办公室", region: "610728" };
const jingyang = { agency: "泾洋街道办事处", region: "610728001", synthetic: true };
const yudu = { agency: "渔渡镇人民政府", region: "610728101" };
const hantai = { agency: "汉中市汉台区人民政府", region: "610702" };

/** Loaded first: 镇巴县's office over three years (one on the 2019 template), a township of
 * sample data, a township whose 2024 report is revised later, and a county next door. */
export const FIRST_RUN: ReportSpec[] = [
  { ...county, file: "county-2020.txt", year: 2020, proactiveItems: 1200, normativeDocuments: 4, licensing: 20, penalty: 5, coercion: 2, fees: null, carriedOver: 0, carriedForward: 1, outcomes: outcomes(6, 1, 1, 2, 0, 1), review: [1, 0, 0, 0], litigationDirect: quiet, litigationAfterReview: quiet },
  { ...county, file: "county-2023.txt", year: 2023, proactiveItems: 3100, normativeDocuments: 3, licensing: 25, penalty: 8, coercion: 1, fees: 10.25, carriedOver: 1, carriedForward: 0, outcomes: outcomes(8, 2, 0, 3, 1, 0), review: [2, 1, 0, 1], litigationDirect: [1, 0, 0, 0], litigationAfterReview: quiet, unbalancedBy: 3 },
  { ...county, file: "county-2024.txt", year: 2024, proactiveItems: 3702, normativeDocuments: 2, licensing: 31, penalty: 7, coercion: 1, fees: 12.5, carriedOver: 0, carriedForward: 2, outcomes: outcomes(5, 2, 1, 3, 1, 1), review: [1, 1, 0, 0], litigationDirect: [0, 1, 0, 1], litigationAfterReview: [1, 0, 0, 0] },
  { ...jingyang, file: "jingyang-2023.txt", year: 2023, proactiveItems: 410, normativeDocuments: 0, licensing: 3, penalty: 0, coercion: 0, fees: 0, carriedOver: 0, carriedForward: 0, outcomes: outcomes(2, 0, 0, 1, 0, 0), review: quiet, litigationDirect: quiet, litigationAfterReview: quiet },
  { ...jingyang, file: "jingyang-2024.txt", year: 2024, proactiveItems: 388, normativeDocuments: 1, licensing: 4, penalty: 1, coercion: 0, fees: 0.1, carriedOver: 0, carriedForward: 0, outcomes: outcomes(3, 1, 0, 0, 0, 0), review: [0, 1, 0, 0], litigationDirect: quiet, litigationAfterReview: quiet },
  { ...yudu, file: "yudu-2024.txt", year: 2024, proactiveItems: 999, normativeDocuments: 9, licensing: 99, penalty: 9, coercion: 9, fees: 99, carriedOver: 0, carriedForward: 0, outcomes: outcomes(9, 9, 9, 9, 9, 9), review: [9, 9, 9, 9], litigationDirect: quiet, litigationAfterReview: quiet },
  { ...hantai, file: "hantai-2024.txt", year: 2024, proactiveItems: 5000, normativeDocuments: 6, licensing: 120, penalty: 40, coercion: 6, fees: 80.2, carriedOver: 2, carriedForward: 1, outcomes: outcomes(30, 5, 2, 6, 1, 2), review: [3, 2, 1, 0], litigationDirect: [1, 1, 0, 0], litigationAfterReview: [0, 0, 1, 0] },
];

/** Loaded in a second run: 渔渡镇 revises its 2024 report, which replaces the first one. */
export const REVISIONS: ReportSpec[] = [
  { ...yudu, file: "yudu-2024-revised.txt", year: 2024, proactiveItems: 260, normativeDocuments: 1, licensing: 12, penalty: 2, coercion: 0, fees: 0.2, carriedOver: 0, carriedForward: 0, outcomes: outcomes(4, 0, 1, 1, 0, 0), review: quiet, litigationDirect: [0, 0, 0, 1], litigationAfterReview: quiet },
];

/** The reports that count: the revision stands in for the report it revises. */
export const CURRENT: ReportSpec[] = [...FIRST_RUN.filter((s) => !REVISIONS.some((r) => r.agency === s.agency && r.year === s.year)), ...REVISIONS];

function writeRun(dir: string, specs: readonly ReportSpec[]): string {
  mkdirSync(dir, { recursive: true });
  const manifest = ["file,agency,year,region_code", ...specs.map((s) => `${s.file},${s.agency},${s.year},${s.region}`)];
  for (const spec of specs) writeFileSync(join(dir, spec.file), reportText(spec));
  writeFileSync(join(dir, "manifest.csv"), manifest.join("\n") + "\n");
  return join(dir, "manifest.csv");
}

/** Writes the fixture's reports under `dir` and loads them with `npm run ingest`, two runs. */
export function buildFixtureDatabase(dir: string): string {
  const database = join(dir, "nianbao.db");
  for (const [name, specs] of [["first", FIRST_RUN], ["revisions", REVISIONS]] as const) {
    const manifest = writeRun(join(dir, name), specs);
    execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", database, "--manifest", manifest], { cwd: ROOT, stdio: "pipe" });
  }
  return database;
}
