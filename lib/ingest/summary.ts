/**
 * What became of each file in an ingest run, and the closing summary a person reads: the
 * counts, then every file that was turned away or failed, one line each with its reason.
 */

export type Outcome = "ingested" | "updated" | "unchanged" | "declined" | "failed";

export const OUTCOMES: readonly Outcome[] = ["ingested", "updated", "unchanged", "declined", "failed"];

export interface FileOutcome {
  /** the path as shown to people */
  path: string;
  outcome: Outcome;
  /** why a file was declined or failed */
  reason?: string;
  /** what to know about a stored report: another version of it, tables it lacks */
  note?: string;
}

export type Tally = Record<Outcome, number>;

export function tally(outcomes: readonly FileOutcome[]): Tally {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Tally;
  for (const o of outcomes) counts[o.outcome] += 1;
  return counts;
}

/** One line per file, for logs: `failed     a/b.txt: 空文件`, `ingested   a/c.txt (文中没有…表)`. */
export function outcomeLine(o: FileOutcome): string {
  return `${o.outcome.padEnd(9)}  ${o.path}${o.reason ? `: ${o.reason}` : ""}${o.note ? ` (${o.note})` : ""}`;
}

export function summaryLines(outcomes: readonly FileOutcome[], seconds: number): string[] {
  const counts = tally(outcomes);
  const head = `${OUTCOMES.map((o) => `${o} ${counts[o]}`).join(", ")} (${outcomes.length} files, ${seconds.toFixed(1)} s)`;
  const listed = (["declined", "failed"] as const).flatMap((kind) => {
    const files = outcomes.filter((o) => o.outcome === kind);
    return files.length === 0 ? [] : [`${kind}:`, ...files.map((o) => `  ${o.path}: ${o.reason}`)];
  });
  return [head, ...listed];
}
