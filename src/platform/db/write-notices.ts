import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema.ts';
import type { WriteClock } from './write-clock.ts';

/*
 * On PostgreSQL several Cairn processes may share one database: each keeps answers in memory
 * (platform/cache/answer-cache.ts) and must hear of the others' writes. Every table has a
 * statement-level trigger that sends the table's name on one channel; PostgreSQL delivers the
 * notice when the writing transaction commits (one per table and transaction, however many rows),
 * and each server listens on a connection of its own.
 */

export const WRITE_CHANNEL = 'cairn_writes';
const TRIGGER = 'cairn_write_notice';

/**
 * Gives every table of the current schema its notice trigger: run after the migrations, so a table
 * a later migration adds has one too.
 */
export async function ensureWriteNotices(db: Kysely<Database>): Promise<void> {
  // Two servers starting together on one schema would otherwise both create the same trigger.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`${TRIGGER}:`} || current_schema()))`.execute(trx);
    const { rows: functions } = await sql<{ found: number }>`
      select 1 as found from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = current_schema() and p.proname = ${TRIGGER}`.execute(trx);
    if (functions.length === 0) {
      await sql.raw(`create function ${TRIGGER}() returns trigger language plpgsql as $$
        begin
          perform pg_notify('${WRITE_CHANNEL}', tg_table_schema || '.' || tg_table_name);
          return null;
        end $$`).execute(trx);
    }
    const { rows: tables } = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname not like 'kysely_%'
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = ${TRIGGER})`.execute(trx);
    for (const { name } of tables) {
      await sql.raw(`create trigger ${TRIGGER} after insert or update or delete or truncate on "${name}" for each statement execute function ${TRIGGER}()`).execute(trx);
    }
  });
}

const RECONNECT_DELAY_MS = 1000;

/**
 * A connection can die without a word (a network partition, a server host gone): no error, no end,
 * and no more notices. The listener asks it a trivial question this often, and gives it up when no
 * answer comes within the deadline: kept answers are then refused within seconds, not served stale
 * until they age out.
 */
export interface Heartbeat {
  everyMs: number;
  deadlineMs: number;
}

const HEARTBEAT: Heartbeat = { everyMs: 5_000, deadlineMs: 2_000 };

/**
 * Listens for other processes' writes and notes them on the clock. While the listening connection
 * is down (or does not answer its heartbeat) the clock is distrusted (no kept answer is served);
 * once it is back, everything counts as changed, since notices sent meanwhile were lost.
 */
export async function listenForWrites(options: { url: string; schema?: string; clock: WriteClock; heartbeat?: Heartbeat }): Promise<{ close(): Promise<void> }> {
  const { clock } = options;
  const heartbeat = options.heartbeat ?? HEARTBEAT;
  let client: pg.Client | null = null;
  let beats: NodeJS.Timeout | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let prefix = '';

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.url,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (notice) => {
      if (notice.channel !== WRITE_CHANNEL || !notice.payload?.startsWith(prefix)) return;
      clock.noteWrite([notice.payload.slice(prefix.length)]);
    });
    await next.connect();
    const { rows } = await next.query<{ schema: string }>('select current_schema() as schema');
    prefix = `${rows[0]!.schema}.`;
    await next.query(`listen ${WRITE_CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    beats = setInterval(heartbeatOf(next), heartbeat.everyMs);
    beats.unref();
    clock.trust();
  };

  /** Asks the connection a trivial question every beat; one left unanswered past the deadline gives it up. */
  const heartbeatOf = (which: pg.Client) => {
    let asking = false;
    return () => {
      if (asking || client !== which) return;
      asking = true;
      const deadline = setTimeout(() => {
        lost(which);
        // Not awaited: a connection that stopped answering may never finish closing either.
        which.end().catch(() => {});
      }, heartbeat.deadlineMs);
      which.query('select 1').catch(() => lost(which)).finally(() => {
        clearTimeout(deadline);
        asking = false;
      });
    };
  };

  const lost = (which: pg.Client): void => {
    if (client !== which) return;
    client = null;
    if (beats) clearInterval(beats);
    beats = null;
    clock.distrust();
    if (!closed) scheduleReconnect();
  };

  const scheduleReconnect = (): void => {
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => { if (!closed) scheduleReconnect(); });
    }, RECONNECT_DELAY_MS);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (beats) clearInterval(beats);
      const current = client;
      client = null;
      clock.distrust();
      await current?.end().catch(() => {});
    },
  };
}
