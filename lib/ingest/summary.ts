/**
 * What became of each file in an ingest run, and the closing summary a person reads: the
 * counts, then every file that was turned away or failed, and every report stored but not read
 * in full, one line each with its reason.
 */

export type Outcome = "ingested" | "updated" | "unchanged" | "declined" | "failed";

export const OUTCOMES: readonly Outcome[] = ["ingested", "updated", "unchanged", "declined", "failed"];

export interface FileOutcome {
  /** the path as shown to people */
  path: string;
  outcome: Outcome;
  /** why a file was declined or failed */
  reason?: string;
  /** another version of a stored report, and which one is current */
  note?: string;
  /** why a stored report could not be read in full: tables missing or cut off, blank or glued cells */
  partial?: string;
}

export type Tally = Record<Outcome, number>;

export function tally(outcomes: readonly FileOutcome[]): Tally {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Tally;
  for (const o of outcomes) counts[o.outcome] += 1;
  return counts;
}

/** One line per file, for logs: `failed     a/b.txt: 空文件`, `ingested   a/c.txt (文中没有…表)`. */
export function outcomeLine(o: FileOutcome): string {
  const remarks = [o.note, o.partial].filter(Boolean).join(";");
  return `${o.outcome.padEnd(9)}  ${o.path}${o.reason ? `: ${o.reason}` : ""}${remarks ? ` (${remarks})` : ""}`;
}

/**
 * `counts`: when `outcomes` holds only the files worth a line (a run of a million files keeps
 * no more), the counts of every file; `omitted`: files worth a line that were not kept.
 */
export function summaryLines(outcomes: readonly FileOutcome[], seconds: number, counts: Tally = tally(outcomes), omitted = 0): string[] {
  const files = OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
  const head = `${OUTCOMES.map((o) => `${o} ${counts[o]}`).join(", ")} (${files} files, ${seconds.toFixed(1)} s)`;
  const group = (title: string, files: readonly FileOutcome[], why: (o: FileOutcome) => string | undefined) =>
    files.length === 0 ? [] : [`${title}:`, ...files.map((o) => `  ${o.path}: ${why(o)}`)];
  const turnedAway = (["declined", "failed"] as const).flatMap((kind) =>
    group(kind, outcomes.filter((o) => o.outcome === kind), (o) => o.reason),
  );
  const readInPart = group("read in part", outcomes.filter((o) => o.partial), (o) => o.partial);
  const more = omitted > 0 ? [`(${omitted} more files with remarks not listed; declined and failed ones are in ingest_failures)`] : [];
  return [head, ...turnedAway, ...readInPart, ...more];
}
