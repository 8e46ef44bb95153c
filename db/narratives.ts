/**
 * Storing and reading back report narrative digests (report_narratives): the signature as
 * bytes, little-endian uint32s, as Node and SQLite hand them over on every platform we run on.
 */
import type { NarrativeDigest } from "../lib/anomalies/text/narrative";
import type { NianbaoDb } from "./client";
import { placeholders, prepared } from "./prepared";
import { reportNarratives } from "./schema";

const digestInsert = (db: NianbaoDb) =>
  db
    .insert(reportNarratives)
    .values(placeholders(["reportId", "signature", "length"] as const))
    .onConflictDoNothing()
    .prepare();

export function storeDigest(db: NianbaoDb, reportId: number, digest: NarrativeDigest): void {
  const signature = digest.signature && Buffer.from(digest.signature.buffer, digest.signature.byteOffset, digest.signature.byteLength);
  prepared(db, digestInsert).run({ reportId, signature, length: digest.length });
}

/** The stored bytes as a signature again, copied: a blob's bytes need not sit on a 4-byte boundary. */
export function signatureOf(bytes: Uint8Array | null): Uint32Array | null {
  return bytes === null ? null : new Uint32Array(Uint8Array.from(bytes).buffer);
}
