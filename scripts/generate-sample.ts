/**
 * npm run generate-sample -- [--out DIR] [--seed N] [--plan default|anomalies|templates]
 *
 * Writes a sample corpus (synthetic reports marked 【样例数据】, each in its own style: text or web
 * page, UTF-8 or GB18030; lib/sample/print) under DIR/YEAR/, and its answer key DIR/labels.json.
 * The default plan is 镇巴县, 2021–2025; `anomalies` is every county of 汉中市 and 安康市 with
 * labelled anomalies of every rule (lib/sample/anomalies.ts); `templates` is 镇巴县 2019–2025,
 * its 2019 and 2020 reports in the 2019 template.
 * Files written by an earlier run (those its labels.json lists) are removed first; nothing else in
 * DIR is touched.
 */
import { Command, InvalidArgumentError } from "commander";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_PLAN, generateSampleCorpus, PLANS, type SampleCorpus } from "../lib/sample/corpus";

const DEFAULT_SAMPLE_DIR = "data/sample";
const LABELS_FILE = "labels.json";

function main(argv: string[]): void {
  const options = new Command("generate-sample")
    .description("生成样例年报 (write the synthetic sample corpus and its answer key)")
    .option("--out <dir>", "output folder", DEFAULT_SAMPLE_DIR)
    .option("--seed <n>", "random seed: the same seed gives the same corpus", seedNumber, 1)
    .option("--plan <name>", `which corpus: ${Object.keys(PLANS).join(", ")}`, planName, "default")
    .parse(argv)
    .opts<{ out: string; seed: number; plan: string }>();
  const out = resolve(options.out);
  const corpus = generateSampleCorpus(options.seed, PLANS[options.plan]);
  removePreviousRun(out);
  for (const file of corpus.files) {
    const path = join(out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  writeFileSync(join(out, LABELS_FILE), labelsJson(corpus));
  const faulty = corpus.files.filter((f) => f.label.errors.length > 0).length;
  const anomalous = corpus.files.filter((f) => f.label.anomalies.length > 0).length;
  const plan = corpus.plan === DEFAULT_PLAN.name ? "" : `, plan ${corpus.plan}: ${anomalous} with labelled anomalies`;
  console.log(`${corpus.files.length} sample reports (${faulty} with a deliberate error) and ${LABELS_FILE} written to ${options.out} (seed ${corpus.seed}${plan})`);
}

function seedNumber(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidArgumentError("the seed is a whole number ≥ 0");
  return seed;
}

function planName(value: string): string {
  if (!Object.hasOwn(PLANS, value)) throw new InvalidArgumentError(`no plan "${value}": ${Object.keys(PLANS).join(", ")}`);
  return value;
}

function removePreviousRun(out: string): void {
  const labels = join(out, LABELS_FILE);
  if (!existsSync(labels)) return;
  const previous = JSON.parse(readFileSync(labels, "utf8")) as { files?: Record<string, unknown> };
  for (const path of Object.keys(previous.files ?? {})) rmSync(join(out, path), { force: true });
}

/** The answer key: one line per file, so a diff between two seeds stays readable. */
function labelsJson(corpus: SampleCorpus): string {
  // the default plan's key reads as it always has; another plan says which it is
  const plan = corpus.plan === DEFAULT_PLAN.name ? {} : { plan: corpus.plan };
  const head = { seed: corpus.seed, countyCode: corpus.countyCode, years: corpus.years, files: corpus.files.length, ...plan };
  const files = corpus.files.map((f) => `    ${JSON.stringify(f.path)}: ${JSON.stringify(f.label)}`);
  return `{\n  "generator": ${JSON.stringify(head)},\n  "files": {\n${files.join(",\n")}\n  }\n}\n`;
}

try {
  main(process.argv);
} catch (error) {
  console.error(`generate-sample: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
