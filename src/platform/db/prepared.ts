import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/*
 * Kysely builds a query's tree and compiles it to SQL on every call: on a hot path that costs as
 * much CPU as running the query (npm run bench: ~40 µs of GET /api/me's ~200). A prepared statement
 * is built once per dialect with marker values in place of its parameters, and each call runs the
 * same SQL text with the real values. SQLite's statement cache (db/connection.ts) then reuses the
 * prepared statement; on PostgreSQL the text is registered here, and the pool's clients run it as
 * a named statement, parsed and planned once per connection instead of on every call.
 *
 * Runs through Kysely's executor, so a statement called with a transaction runs in it.
 */

const MARK = '\u0000prepared:';

/** A placeholder for a named parameter while the statement is built. */
export const param = (name: string): string => `${MARK}${name}`;

/** SQL texts of prepared statements → their PostgreSQL statement names. */
const postgresNames = new Map<string, string>();

/** The name a PostgreSQL connection prepares this SQL text under, when it is a prepared statement's. */
export const postgresStatementName = (sql: string): string | undefined => postgresNames.get(sql);

interface Compiled {
  sql: string;
  /** Per parameter position: a constant from the builder, or the name of a value to fill in. */
  slots: { constant: unknown; name: string | null }[];
}

export type PreparedStatement<Row, P extends Record<string, unknown>> = (db: Kysely<Database>, values: P) => Promise<Row[]>;

export function preparedStatement<Row, P extends Record<string, unknown> = Record<string, never>>(
  build: (db: Kysely<Database>) => Compilable<Row>,
): PreparedStatement<Row, P> {
  const byAdapter = new Map<unknown, Compiled>();
  const compile = (db: Kysely<Database>): Compiled => {
    const query = build(db).compile();
    const slots = query.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK) ? { constant: null, name: value.slice(MARK.length) } : { constant: value, name: null });
    if (!postgresNames.has(query.sql)) postgresNames.set(query.sql, `cairn_${postgresNames.size + 1}`);
    return { sql: query.sql, slots };
  };
  return async (db, values) => {
    const adapter = db.getExecutor().adapter.constructor;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      compiled = compile(db);
      byAdapter.set(adapter, compiled);
    }
    const parameters = compiled.slots.map((slot) => {
      if (slot.name === null) return slot.constant;
      if (!(slot.name in values)) throw new Error(`prepared statement: no value for ${slot.name}`);
      return values[slot.name];
    });
    const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<Row>);
    return result.rows;
  };
}
