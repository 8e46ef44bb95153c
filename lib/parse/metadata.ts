/**
 * Who wrote a report and for which year, read from its normalized lines (index 0 = line 1).
 * `agency` is null when the text names none: a report that only says 我局 is not guessed at.
 */
import { readAgency } from "./agency";
import { readTitles } from "./title";
import { readYear } from "./year";

export interface Metadata {
  agency: string | null;
  /** 1-based line the agency was read from */
  agencyLine?: number;
  year: number | null;
  /** 1-based line the year was read from */
  yearLine?: number;
}

export function readMetadata(lines: string[]): Metadata {
  const titles = readTitles(lines);
  const agency = readAgency(lines, titles);
  const year = readYear(lines, titles);
  return {
    agency: agency?.agency ?? null,
    ...(agency && { agencyLine: agency.line }),
    year: year?.year ?? null,
    ...(year && { yearLine: year.line }),
  };
}
