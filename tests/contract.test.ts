/**
 * The parse contract end to end: the CLI on the shared seeds and corpus, scored by the
 * project's own scorer (../shared/spec/check-parse.mjs).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CORPUS, SPEC } from "./support/shared";

const PROJECT = fileURLToPath(new URL("..", import.meta.url));

function score(...args: string[]) {
  const run = spawnSync("node", [join(SPEC, "check-parse.mjs"), "--quiet", ...args], { cwd: PROJECT, encoding: "utf8" });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  const count = (pattern: RegExp) => Number(pattern.exec(line)?.[1] ?? NaN);
  return {
    status: run.status,
    line,
    reports: count(/reports (\d+)\//),
    numbers: count(/numbers (\d+)\//),
    nulls: count(/nulls (\d+)\//),
    template: count(/template (\d+)/),
    findings: count(/findings (\d+)\//),
  };
}

describe("check-parse.mjs", () => {
  it("scores the seeds fully right", () => {
    const seeds = score();
    expect(seeds.line).toMatch(/^reports 5\/5 fully right/);
    expect(seeds.status).toBe(0);
  });

  // the floor the parser has reached on the corpus; raise it as the parser improves
  it("keeps the corpus at or above the parser's current floor", () => {
    const corpus = score("--reports", join(CORPUS, "reports"), "--expected", join(CORPUS, "expected"));
    expect(corpus.line).toMatch(/0 unparsed/);
    expect(corpus.reports).toBeGreaterThanOrEqual(81);
    expect(corpus.numbers).toBeGreaterThanOrEqual(2702);
    expect(corpus.nulls).toBeGreaterThanOrEqual(13315);
    expect(corpus.template).toBeGreaterThanOrEqual(81);
    expect(corpus.findings).toBeGreaterThanOrEqual(605);
  });
});
