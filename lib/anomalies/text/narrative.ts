/**
 * The narrative a report writes anew each year: section 一 (总体情况) and section 五 (存在的主要
 * 问题及改进情况). The tables, the headings and section 六 (usually one line on fees) are left
 * out: they are the same in every report by design. Read from the normalized source text, so a
 * traditional-character mirror compares with its original.
 */
import { findHeadings } from "../../parse/headings";
import { isTableLine } from "../../parse/prose";
import { normalizeText } from "../../parse/normalize";
import { signature } from "./minhash";
import { shingles, wording } from "./shingles";

export interface NarrativeText {
  overview: Set<number>;
  problems: Set<number>;
  /** both sections' shingles together */
  all: Set<number>;
  /** characters of wording in both sections: too little text says nothing about copying */
  length: number;
  /** 1-based line where section 一 starts, for the finding to point at */
  line: number;
}

const OVERVIEW_HEADING = /(?:^|\n)\s*一\s*[、.,]\s*(?:总体情况|概述|基本情况)/;

/** Rows of a table copied as text: pipes, cells of an HTML table, or tab-separated cells. */
const isTableRow = (line: string) => isTableLine(line) || line.includes("\t");

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function prose(text: string): string {
  return text
    .split("\n")
    .filter((line) => !isTableRow(line))
    .join("\n");
}

export function narrativeOf(lines: readonly string[]): NarrativeText {
  const text = lines.join("\n");
  const headings = findHeadings(lines);
  const overviewHeading = OVERVIEW_HEADING.exec(text);
  const overviewStart = overviewHeading ? overviewHeading.index : 0;
  const next = (from: number) => headings.find((h) => h.offset > from)?.offset ?? text.length;
  const problemsHeading = headings.find((h) => h.id === "problems");
  const overview = prose(text.slice(overviewStart, next(overviewStart)));
  const problems = problemsHeading ? prose(text.slice(problemsHeading.offset, next(problemsHeading.offset))) : "";
  return {
    overview: shingles(overview),
    problems: shingles(problems),
    all: shingles(`${overview}\n${problems}`),
    length: wording(overview).length + wording(problems).length,
    line: lineAt(text, overviewStart + (overviewHeading?.[0].startsWith("\n") ? 1 : 0)),
  };
}

/** A report's narrative in a few hundred bytes: enough to find which reports may share their text. */
export interface NarrativeDigest {
  /** MinHash signature of both sections' shingles; null when they have none */
  signature: Uint32Array | null;
  /** characters of wording, as NarrativeText's */
  length: number;
}

export function digestOf(narrative: NarrativeText): NarrativeDigest {
  return { signature: narrative.all.size === 0 ? null : signature(narrative.all), length: narrative.length };
}

/** The narrative of a report's source text, as the parser normalizes it (a traditional-character mirror reads as its original). */
export function narrativeOfSource(sourceText: string): NarrativeText {
  return narrativeOf(normalizeText(sourceText).split("\n"));
}
