/**
 * One sample report before it is written: what it prints and how its prose is drawn. The
 * default sample's errors and the large corpus's anomalies are made by changing drafts.
 */
import type { SampleAgency } from "./agencies";
import type { AnomalyLabel } from "./anomalies";
import { printedAsIs, type Injection, type Printed } from "./errors";
import type { Figures } from "./figures";
import type { LayoutName } from "./layouts";
import type { Random } from "./random";

export interface Draft {
  agency: SampleAgency;
  layout: LayoutName;
  year: number;
  figures: Figures;
  path: string;
  printed: Printed;
  /** the random stream the prose is drawn from: its own, or the one of a report it copies */
  proseKey: string;
  /** the year the prose speaks of */
  proseYear: number;
  errors: Injection[];
  anomalies: AnomalyLabel[];
  revises?: string;
  /** the anomaly put into it (../anomalies.ts), if any */
  injected?: string;
  /** a report the agency did not publish: no file is written */
  dropped?: boolean;
}

export const agencyKey = (agency: SampleAgency) => `${agency.regionCode}:${agency.name}`;

export function draft(agency: SampleAgency, layout: LayoutName, year: number, figures: Figures, path: string): Draft {
  return { agency, layout, year, figures, path, printed: printedAsIs(figures), proseKey: `prose:${path}`, proseYear: year, errors: [], anomalies: [] };
}

/** The same file name in another year's folder. */
export const inYear = (path: string, year: number) => path.replace(/^\d{4}\//, `${year}/`);

/** A Fisher–Yates shuffle with the given stream. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
