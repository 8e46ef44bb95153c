/**
 * npx tsx scripts/anomaly-precision.ts [--seed N] [--plan anomalies] [--keep DIR] [--show N]
 *
 * How well the rules find what they are meant to find. Generates the sample corpus with labelled
 * anomalies of every rule (lib/sample/anomalies.ts), writes it to a folder, loads it with the real
 * ingest (parser, checks, report rules) into a new SQLite file, runs the cross-report pass, and
 * compares every report's findings with its answer key. Prints one row per rule: reports that
 * must get it, reports that got it, precision, recall, and whether the target is met; then
 * up to N missed and false findings per rule. Exit code 1 when a target is missed.
 */
import { Command, InvalidArgumentError } from "commander";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { openDatabase } from "../db/client";
import { refreshAnomalies } from "../db/anomalies";
import { findReportFiles, ingestFiles } from "../db/ingest";
import { scoreRules, TARGETS, type RuleScore } from "../lib/anomalies/score";
import { generateSampleCorpus, PLANS, type SampleCorpus } from "../lib/sample/corpus";

interface Options {
  seed: number;
  plan: string;
  keep?: string;
  show: number;
}

function main(argv: string[]): number {
  const options = new Command("anomaly-precision")
    .description("逐条规则统计异常检出的精确率和召回率 (precision and recall of every anomaly rule on a labelled sample)")
    .option("--seed <n>", "random seed of the sample", whole, 1)
    .option("--plan <name>", `sample plan: ${Object.keys(PLANS).join(", ")}`, "anomalies")
    .option("--keep <dir>", "write the sample and the database here and keep them (default: a temporary folder)")
    .option("--show <n>", "missed and false findings to list per rule", whole, 3)
    .parse(argv)
    .opts<Options>();
  const plan = PLANS[options.plan];
  if (!plan) throw new Error(`no plan "${options.plan}": ${Object.keys(PLANS).join(", ")}`);

  const dir = options.keep ? resolve(options.keep) : mkdtempSync(join(tmpdir(), "nianbao-precision-"));
  try {
    const started = performance.now();
    const corpus = generateSampleCorpus(options.seed, plan);
    const sample = writeCorpus(corpus, join(dir, "sample"));
    const found = ingestAndCheck(join(dir, "nianbao.db"), sample);
    const scores = scoreRules(expectedRules(corpus), found);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`${corpus.files.length} reports (plan ${corpus.plan}, seed ${corpus.seed}), ${seconds} s\n`);
    console.log(table(scores).join("\n"));
    const misses = details(scores, options.show);
    if (misses.length > 0) console.log(["", ...misses].join("\n"));
    return scores.every((s) => s.meetsTarget) ? 0 : 1;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function whole(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("a whole number ≥ 0");
  return n;
}

function writeCorpus(corpus: SampleCorpus, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  for (const file of corpus.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return dir;
}

/** Report (its path in the sample) → the rules its answer key says it must get. */
function expectedRules(corpus: SampleCorpus): Map<string, Set<string>> {
  return new Map(corpus.files.map((f) => [f.path, new Set([...f.label.errors, ...f.label.anomalies].map((e) => e.rule))]));
}

/** Loads the sample as `npm run ingest` does and returns report (its path in the sample) → the rules it got. */
function ingestAndCheck(database: string, sample: string): Map<string, Set<string>> {
  rmSync(database, { force: true });
  const db = openDatabase(database);
  try {
    const run = ingestFiles(db, findReportFiles([sample]));
    const refused = run.outcomes.filter((o) => o.outcome === "declined" || o.outcome === "failed");
    for (const o of refused) console.log(`${o.outcome}: ${o.path}: ${o.reason}`);
    refreshAnomalies(db, { all: true });
    const rows = db.$client.prepare("SELECT r.source_path AS path, f.rule FROM reports r LEFT JOIN findings f ON f.report_id = r.id").all() as { path: string; rule: string | null }[];
    const found = new Map<string, Set<string>>();
    for (const { path, rule } of rows) {
      const key = relative(sample, resolve(path));
      const rules = found.get(key) ?? new Set<string>();
      if (rule) rules.add(rule);
      found.set(key, rules);
    }
    return found;
  } finally {
    db.$client.close();
  }
}

const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

function target(s: RuleScore): string {
  if (s.category === "unknown") return "none expected";
  const t = TARGETS[s.category];
  return t.precision > 0 ? `P≥${t.precision * 100}% R≥${t.recall * 100}%` : `R=${t.recall * 100}%`;
}

function table(scores: readonly RuleScore[]): string[] {
  const head = ["rule", "category", "expected", "found", "TP", "precision", "recall", "target", "met"];
  const rows = scores.map((s) => [s.rule, s.category, s.expected, s.found, s.truePositives, percent(s.precision), percent(s.recall), target(s), s.meetsTarget ? "yes" : "NO"]);
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)];
}

function details(scores: readonly RuleScore[], shown: number): string[] {
  return scores.flatMap((s) => [
    ...s.falseNegatives.slice(0, shown).map((path) => `missed ${s.rule}: ${path}`),
    ...s.falsePositives.slice(0, shown).map((path) => `false  ${s.rule}: ${path}`),
  ]);
}

try {
  process.exitCode = main(process.argv);
} catch (error) {
  console.error(`anomaly-precision: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
