/**
 * Scores the metadata, region and narrative readers against the answer keys of the seeds and
 * the corpus, the way ../shared/spec/check-parse.mjs judges those fields, and lists the misses.
 *
 *   npx tsx scripts/score-metadata.ts            per-field scores and every miss
 *   npx tsx scripts/score-metadata.ts --quiet    scores only
 *
 * Reports are decoded and HTML pages rendered the way parseReport does, so the readers are
 * measured on the lines they are given in production.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { decodeBytes } from "../lib/parse/decode";
import { isHtml, renderHtml } from "../lib/parse/html";
import { readMetadata } from "../lib/parse/metadata";
import { readNarrative } from "../lib/parse/narrative";
import { normalizeText } from "../lib/parse/normalize";
import type { Narrative } from "../lib/parse/types";
import { resolveRegion } from "../lib/regions/resolve";

const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));

/** Where the reports and their answer keys are. */
export const SETS = [
  { reports: join(SHARED, "seeds"), expected: join(SHARED, "spec/expected") },
  { reports: join(SHARED, "corpus/reports"), expected: join(SHARED, "corpus/expected") },
];

interface Expected {
  agency_contains?: string | null;
  year?: number | null;
  region?: { code: string } | null;
  narrative?: Partial<Record<keyof Narrative, number | null>>;
}

export interface Case {
  name: string;
  lines: string[];
  expected: Expected;
}

function sourceText(bytes: Uint8Array, fileName: string): string {
  const text = decodeBytes(bytes).text.replace(/\r\n?/g, "\n");
  return isHtml(fileName, text) ? renderHtml(text) : text;
}

/** Every report that has an answer key, as normalized lines. */
export function loadCases(): Case[] {
  return SETS.flatMap(({ reports, expected }) => {
    const keys = new Set(readdirSync(expected).filter((f) => f.endsWith(".json")).map((f) => basename(f, ".json")));
    return readdirSync(reports)
      .filter((f) => keys.has(basename(f, extname(f))))
      .sort()
      .map((f) => ({
        name: basename(f, extname(f)),
        lines: normalizeText(sourceText(readFileSync(join(reports, f)), f)).split("\n"),
        expected: JSON.parse(readFileSync(join(expected, `${basename(f, extname(f))}.json`), "utf8")) as Expected,
      }));
  });
}

export type Field = "agency" | "year" | "region" | "narrative";

export interface Miss {
  name: string;
  field: Field;
  got: unknown;
  want: unknown;
}

export interface Score {
  judged: Record<Field, number>;
  right: Record<Field, number>;
  misses: Miss[];
}

/** Judges each case as check-parse.mjs does: agency by containment, null keys as "none may be given". */
export function score(cases: Case[]): Score {
  const judged = { agency: 0, year: 0, region: 0, narrative: 0 };
  const right = { agency: 0, year: 0, region: 0, narrative: 0 };
  const misses: Miss[] = [];
  const judge = (name: string, field: Field, ok: boolean, got: unknown, want: unknown) => {
    judged[field]++;
    if (ok) right[field]++;
    else misses.push({ name, field, got, want });
  };
  for (const { name, lines, expected } of cases) {
    const meta = readMetadata(lines);
    const wantAgency = expected.agency_contains ?? null;
    judge(name, "agency", wantAgency === null ? !meta.agency : (meta.agency ?? "").includes(wantAgency), meta.agency, wantAgency);
    judge(name, "year", meta.year === (expected.year ?? null), meta.year, expected.year ?? null);
    if ("region" in expected) {
      const code = resolveRegion(meta.agency, lines)?.code ?? null;
      judge(name, "region", code === (expected.region?.code ?? null), code, expected.region?.code ?? null);
    }
    const { narrative } = readNarrative(lines);
    for (const [key, want] of Object.entries(expected.narrative ?? {})) {
      const got = narrative[key as keyof Narrative] ?? null;
      judge(name, "narrative", got === want, `${key}=${got}`, want);
    }
  }
  return { judged, right, misses };
}

function main(): void {
  const result = score(loadCases());
  if (!process.argv.includes("--quiet")) {
    for (const m of result.misses) console.log(`${m.name} ${m.field}: got ${JSON.stringify(m.got)}, want ${JSON.stringify(m.want)}`);
  }
  const fields = Object.keys(result.judged) as Field[];
  console.log(fields.map((f) => `${f} ${result.right[f]}/${result.judged[f]}`).join("; "));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
