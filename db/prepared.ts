/**
 * Statements prepared once per database connection. The ingest runs the same dozen queries for
 * every report; built through the query builder each time, building and preparing them took
 * more of the main thread than SQLite spent running them. A statement prepared on the
 * connection runs inside whatever transaction or savepoint is open on it.
 */
import { is, Param, Placeholder } from "drizzle-orm";
import type { NianbaoDb } from "./client";

type Make<T> = (db: NianbaoDb) => T;

const statements = new WeakMap<NianbaoDb, Map<Make<unknown>, unknown>>();

/** What `make` prepares on this connection, made the first time it is asked for: `make` is the statement's identity. */
export function prepared<T>(db: NianbaoDb, make: Make<T>): T {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  if (!cache.has(make)) cache.set(make, make(db));
  return cache.get(make) as T;
}

/**
 * A one-row insert built with the query builder, run on the connection's own prepared
 * statement: for the loops that write a report's 200 values and a batch's thousands of totals
 * one row at a time, where even a prepared query's filling of its placeholders took longer
 * than SQLite's insert. The row's values go to SQLite as they are (numbers, strings, null).
 */
export function rowWriter(db: NianbaoDb, query: { toSQL(): { sql: string; params: unknown[] } }): (row: Record<string, unknown>) => void {
  const { sql, params } = query.toSQL();
  const names = params.map((param) => {
    const placeholder = is(param, Param) ? param.value : param;
    if (!is(placeholder, Placeholder)) throw new Error(`rowWriter: every value of ${sql} must be a placeholder`);
    return placeholder.name;
  });
  const statement = db.$client.prepare(sql);
  return (row) => {
    statement.run(...names.map((name) => row[name]));
  };
}
