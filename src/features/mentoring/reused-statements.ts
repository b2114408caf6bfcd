import type { Compilable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { preparedStatement, type PreparedStatement } from '../../platform/db/prepared.ts';

/*
 * The dashboard's and the homes' statements are the platform's prepared statements (built once per
 * dialect; on PostgreSQL run by name, so each connection plans them once instead of on every load:
 * the dashboard's six took 1–3 ms of planning each). Mentoring names its values loosely and lets the
 * builder type the rows.
 */

export { param } from '../../platform/db/prepared.ts';

export function reusedStatement<Row>(build: (db: Kysely<Database>) => Compilable<Row>): PreparedStatement<Row, Record<string, unknown>> {
  return preparedStatement<Row, Record<string, unknown>>(build);
}
