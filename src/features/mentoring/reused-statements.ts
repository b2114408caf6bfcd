import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/*
 * Kysely builds a query's tree and compiles it to SQL on every call. For the few large statements
 * read on every dashboard and home load, that costs as much CPU as running them (npm run bench:
 * about a millisecond per dashboard). A reused statement is built once per dialect with marker
 * values in place of its parameters, and each call runs the same SQL text with the real values
 * (SQLite's statement cache then reuses the prepared statement too).
 */

const MARK = '\u0000reused:';

/** A placeholder for a named parameter while the statement is built. */
export const param = (name: string): string => `${MARK}${name}`;

export function reusedStatement<Row, P extends Record<string, unknown>>(build: (db: Kysely<Database>) => Compilable<Row>) {
  const byDialect = new Map<unknown, CompiledQuery<Row>>();
  return async (db: Kysely<Database>, values: P): Promise<Row[]> => {
    const adapter = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(adapter);
    if (!compiled) {
      compiled = build(db).compile();
      byDialect.set(adapter, compiled);
    }
    const parameters = compiled.parameters.map((value) => {
      if (typeof value !== 'string' || !value.startsWith(MARK)) return value;
      const name = value.slice(MARK.length);
      if (!(name in values)) throw new Error(`reused statement: no value for ${name}`);
      return values[name];
    });
    const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<Row>);
    return result.rows;
  };
}
