/**
 * The app's one connection: the store's database opened read-only, once per server process.
 * The app never writes; loading reports is the ingest's job (`npm run ingest`).
 */
import { existsSync } from "node:fs";
import { databaseFile, openDatabase, type NianbaoDb } from "@/db/client";

let opened: { file: string; db: NianbaoDb } | null = null;

/** The database, or null when none has been loaded yet (the page then says how to load one). */
export function getDatabase(): NianbaoDb | null {
  const file = databaseFile();
  if (opened?.file === file) return opened.db;
  if (!existsSync(file)) return null;
  opened = { file, db: openDatabase(file, { readonly: true }) };
  return opened.db;
}
