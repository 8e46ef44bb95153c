/**
 * Statements prepared once per database connection. The ingest runs the same dozen queries for
 * every report; built through the query builder each time, building and preparing them took
 * more of the main thread than SQLite spent running them. A statement prepared on the
 * connection runs inside whatever transaction or savepoint is open on it.
 */
import { is, Param, Placeholder, sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
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

/** A placeholder for each column, named after it: the values of a prepared insert. */
export function placeholders<K extends string>(names: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, Placeholder<K>>;
}

/**
 * A statement built with the query builder (or an `sql` template), run on the connection's own
 * prepared statement: for what runs once per report or per total row, where even a prepared
 * query's filling of its placeholders took longer than SQLite's work. Placeholders take the
 * row's values as they are (numbers, strings, null); other values are bound as built.
 */
export function rowWriter(db: NianbaoDb, query: { toSQL(): { sql: string; params: unknown[] } }): (row: Record<string, unknown>) => void {
  const { sql: text, params } = query.toSQL();
  const bind = params.map((param): ((row: Record<string, unknown>) => unknown) => {
    const value = is(param, Param) ? param.value : param;
    return is(value, Placeholder) ? (row) => row[value.name] : () => value;
  });
  const statement = db.$client.prepare(text);
  return (row) => {
    statement.run(...bind.map((value) => value(row)));
  };
}

const dialect = new SQLiteSyncDialect();

/** An `sql` template as rowWriter takes it. */
export function rawQuery(query: SQL): { toSQL(): { sql: string; params: unknown[] } } {
  return { toSQL: () => dialect.sqlToQuery(query) };
}
