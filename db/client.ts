/**
 * Opening the database. One function for every caller: the ingest opens it writable (which
 * brings the schema up to date and loads the gazetteer the first time), the web app opens it
 * read-only. Both get WAL mode, so the app can read while an ingest writes.
 */
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readRegions } from "../lib/regions/gazetteer";
import { aggregatesMissing, rebuildMissingAggregates } from "./aggregates";
import * as schema from "./schema";

/** Where the database lives unless `NIANBAO_DB` says otherwise (relative to the working folder: npm runs scripts from the project root). */
export const DEFAULT_DATABASE_FILE = "data/nianbao.db";

export type NianbaoDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  readonly?: boolean;
}

/** A writer holding the lock longer than this makes a reader or second writer fail. */
const BUSY_TIMEOUT_MS = 5_000;

/** Rows per INSERT statement when loading the gazetteer: well under SQLite's variable limit. */
const REGION_CHUNK = 1_000;

/** The database file to use: `NIANBAO_DB` when set, else the default under the working folder. */
export function databaseFile(): string {
  // the database is a run-time file, not part of the build: keep the bundler from tracing it
  return resolve(/*turbopackIgnore: true*/ process.env.NIANBAO_DB || DEFAULT_DATABASE_FILE);
}

export function openDatabase(file: string = databaseFile(), opts: OpenOptions = {}): NianbaoDb {
  const sqlite = opts.readonly ? openReadonly(file) : openWritable(file);
  const db = drizzle({ client: sqlite, schema });
  if (!opts.readonly) {
    migrate(db, { migrationsFolder: migrationsFolder() });
    loadGazetteerOnce(db);
    countReportsOnce(db);
  }
  return db;
}

function openReadonly(file: string): Database.Database {
  if (!existsSync(file)) {
    throw new Error(`database ${file} does not exist: run \`npm run ingest\` first`);
  }
  return new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
}

function openWritable(file: string): Database.Database {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  // with WAL, NORMAL is durable across application crashes and much faster than FULL
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

/**
 * `db/migrations`, found from this file rather than the working folder. Built from the
 * file's folder, not `new URL("./migrations", …)`, which the Next.js bundler takes for an
 * import of a module and fails to resolve.
 */
function migrationsFolder(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "migrations");
}

/**
 * The regions table is the gazetteer verbatim; fill it when it is empty, in one transaction
 * (a kill midway leaves it empty, to be filled at the next open). The transaction takes the
 * write lock first and looks again: a second process opening a new database at the same time
 * waits, then finds the table filled.
 */
function loadGazetteerOnce(db: NianbaoDb): void {
  const loaded = (reader: Pick<NianbaoDb, "select">) => reader.select({ code: schema.regions.code }).from(schema.regions).limit(1).get() !== undefined;
  if (loaded(db)) return;
  const rows = readRegions().map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
    path: r.path.join("/"),
  }));
  db.transaction(
    (tx) => {
      if (loaded(tx)) return;
      for (let i = 0; i < rows.length; i += REGION_CHUNK) {
        tx.insert(schema.regions).values(rows.slice(i, i + REGION_CHUNK)).run();
      }
    },
    { behavior: "immediate" },
  );
}

/**
 * A database from before a pre-aggregate table (db/aggregates.ts: the region totals, the
 * per-report figures) has reports and an empty table: count them once, in one transaction that
 * takes the write lock and looks again, as above.
 */
function countReportsOnce(db: NianbaoDb): void {
  if (!aggregatesMissing(db)) return;
  db.transaction((tx) => rebuildMissingAggregates(tx), { behavior: "immediate" });
}
