/**
 * npm run generate-nation -- [--region CODE] [--limit N] [--out DIR] [--seed N]
 *
 * Writes the nationwide synthetic corpus (lib/sample/nation.ts: every agency of the region at
 * every level, 2019–2025, marked 【样例数据】) under DIR/PROVINCE/COUNTY/YEAR/AGENCY.txt. The
 * region is a gazetteer code (61, 6107, 610728, a township); the default is the whole country.
 * `--limit N` takes the first N reports, whole agencies and counties spread over the region.
 * No answer key is written: the corpus is for measuring scale (npm run bench).
 */
import { Presets, SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { resolve } from "node:path";
import { regionByCode } from "../lib/regions/gazetteer";
import { isWholeCountry } from "../lib/sample/nation";
import { countNationReports, writeNationCorpus } from "../lib/sample/nation-write";

interface Options {
  region: string;
  limit: number;
  out: string;
  seed: number;
}

function main(argv: string[]): void {
  const options = new Command("generate-nation")
    .description("生成全国规模的合成年报 (write the nationwide synthetic corpus)")
    .option("--region <code>", "gazetteer code of a province, city, county or township; all: the whole country", regionCodeArg, "all")
    .option("--limit <n>", "the first N reports only", wholeNumber, Infinity)
    .option("--out <dir>", "output folder", "data/nation")
    .option("--seed <n>", "random seed: the same seed gives the same corpus", wholeNumber, 1)
    .parse(argv)
    .opts<Options>();
  const nation = { region: options.region, seed: options.seed };
  const total = Math.min(options.limit, countNationReports(nation));
  // a bar on a terminal; in a log only the closing line
  const bar = process.stdout.isTTY ? new SingleBar({ format: "{bar} {value}/{total} {eta_formatted} {file}", hideCursor: true, etaBuffer: 500 }, Presets.shades_classic) : null;
  bar?.start(total, 0, { file: "" });
  const written = writeNationCorpus(resolve(options.out), nation, options.limit, (file) => bar?.increment({ file }));
  bar?.stop();
  const mb = (written.bytes / 1e6).toFixed(1);
  console.log(`${written.files} reports, ${mb} MB written to ${options.out} in ${written.seconds.toFixed(1)} s (region ${options.region}, seed ${options.seed})`);
}

function wholeNumber(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("a whole number ≥ 0");
  return n;
}

function regionCodeArg(value: string): string {
  if (!isWholeCountry(value) && !regionByCode(value)) throw new InvalidArgumentError(`the gazetteer has no region ${value}`);
  return value;
}

try {
  main(process.argv);
} catch (error) {
  console.error(`generate-nation: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
