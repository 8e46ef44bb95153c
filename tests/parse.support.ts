/** Parse a file of ../shared in place, as the CLI does, for the parser's tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReport, type ParseResult } from "../lib/parse";
import { CORPUS, SEEDS } from "./support/shared";

export function parseFile(path: string): ParseResult {
  return parseReport({ fileName: path, bytes: readFileSync(path) });
}

export const seed = (name: string) => parseFile(join(SEEDS, name));
export const corpusReport = (name: string) => parseFile(join(CORPUS, "reports", name));

export const rules = (result: ParseResult) => [...new Set(result.findings.map((f) => f.rule))].sort();
