/**
 * An ingest's reports stored many to a transaction. Committing each report on its own cost a
 * commit per report and wrote the country's and each province's totals once per report; a batch
 * stores up to BATCH_REPORTS reports, or what comes in BATCH_MS, each in its own savepoint (a
 * report that fails takes nothing else back), and writes their region totals once, before it
 * commits. A reader sees a batch whole or not at all; a crash loses at most the batch under
 * way, whose files the next run stores (they are not stored, so they are not skipped).
 */
import { sql } from "drizzle-orm";
import { TotalsDelta } from "./aggregates";
import type { NianbaoDb } from "./client";

/** Reports per transaction by default: past a few hundred, a larger batch saves little. */
const BATCH_REPORTS = 1_000;

/** The longest a batch stays open, so the app sees new reports at once and a second ingest is not kept waiting. */
const BATCH_MS = 250;

export class WriteBatch {
  /** the region totals' changes of the reports stored in the open transaction */
  readonly totals = new TotalsDelta();
  private stored = 0;
  private openedAt = 0;

  /** `size`: reports per transaction at most (the ingest's `--batch`) */
  constructor(
    private readonly db: NianbaoDb,
    private readonly size = BATCH_REPORTS,
  ) {}

  /** Runs `store` inside the batch's transaction, opening one first when none is, and commits once the batch is full. */
  run<T>(store: (totals: TotalsDelta) => T): T {
    if (!this.db.$client.inTransaction) this.open();
    try {
      return store(this.totals);
    } finally {
      this.stored += 1;
      if (this.stored >= this.size || performance.now() - this.openedAt >= BATCH_MS) this.commit();
    }
  }

  /**
   * Writes the totals gathered and commits what is open; nothing when nothing is. If either
   * fails (a full disk), the batch is rolled back whole, so reports and totals never disagree.
   */
  commit(): void {
    if (!this.db.$client.inTransaction) return;
    this.stored = 0;
    try {
      this.totals.write(this.db);
      this.db.run(sql`COMMIT`);
    } catch (error) {
      if (this.db.$client.inTransaction) this.db.run(sql`ROLLBACK`);
      throw error;
    }
  }

  /**
   * IMMEDIATE takes the write lock at once, waiting up to the busy timeout for another writer:
   * begun as a reader, the transaction could not upgrade once another ingest had written.
   */
  private open(): void {
    this.db.run(sql`BEGIN IMMEDIATE`);
    this.openedAt = performance.now();
  }
}
