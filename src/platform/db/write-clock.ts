import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/*
 * Answers kept in memory (platform/cache/answer-cache.ts) are valid only while nothing they were
 * computed from has changed. The write clock is how they know: a logical clock that ticks on every
 * write, remembering per table the tick of its latest change. An answer computed at tick t from
 * tables T stays valid while no table of T changed after t.
 *
 * Writes are seen three ways:
 * - this process's own statements, from their SQL text, by the database driver (db/connection.ts),
 *   at the statement and again when its transaction ends (a reader on another PostgreSQL connection
 *   may have computed from the data as it was between the two);
 * - on SQLite, another connection's commits, from `pragma data_version` (checked before an answer
 *   is trusted): they count as a change of everything;
 * - on PostgreSQL, other processes' writes, from the notices each table's trigger sends
 *   (db/write-notices.ts). Until the listener is connected, and while it reconnects, no kept
 *   answer is trusted.
 */

/** Tables written by triggers when another is written (migrations 0009): a write to the key changes them too. */
const WRITTEN_BY_TRIGGERS: Record<string, readonly string[]> = {
  memberships: ['member_counts', 'member_search'],
  people: ['member_search'],
};

export type TableName = keyof Database & string;

export class WriteClock {
  private tick = 0;
  /** The tick at which everything last changed (a restore, another SQLite connection, a lost listener). */
  private everythingChangedAt = 0;
  private readonly changedAt = new Map<string, number>();
  private trusted: boolean;
  /** Asked before each check: lets a source of outside writes report them (SQLite's data_version). */
  private readonly pollOutsideWrites: () => void;

  constructor(options: { trusted: boolean; pollOutsideWrites?: () => void }) {
    this.trusted = options.trusted;
    this.pollOutsideWrites = options.pollOutsideWrites ?? (() => {});
  }

  /** The current tick: an answer computed from here on is stamped with it. */
  now(): number {
    return this.tick;
  }

  /** The latest tick at which any of the tables changed; Infinity while outside writes cannot be seen. */
  lastChange(tables: readonly string[]): number {
    this.pollOutsideWrites();
    if (!this.trusted) return Number.POSITIVE_INFINITY;
    let latest = this.everythingChangedAt;
    for (const table of tables) {
      const at = this.changedAt.get(table);
      if (at !== undefined && at > latest) latest = at;
    }
    return latest;
  }

  noteWrite(tables: Iterable<string>): void {
    const at = ++this.tick;
    for (const table of tables) {
      this.changedAt.set(table, at);
      for (const derived of WRITTEN_BY_TRIGGERS[table] ?? []) this.changedAt.set(derived, at);
    }
  }

  noteEverythingChanged(): void {
    this.everythingChangedAt = ++this.tick;
  }

  /** Outside writes can be seen again (after noting everything changed while they could not). */
  trust(): void {
    this.noteEverythingChanged();
    this.trusted = true;
  }

  distrust(): void {
    this.trusted = false;
  }
}

const clocks = new WeakMap<object, WriteClock>();

export function registerWriteClock(db: Kysely<Database>, clock: WriteClock): void {
  clocks.set(db, clock);
}

/** The clock of a database opened by openDatabase; none for a transaction (what it reads is not kept). */
export function writeClockOf(db: Kysely<Database>): WriteClock | undefined {
  return clocks.get(db);
}

/** What a statement does to the data, read from its SQL text. */
export type StatementEffect =
  | { kind: 'read' }
  | { kind: 'write'; tables: string[] }
  | { kind: 'transaction-end' }
  | { kind: 'everything' };

const WRITE_TARGET = /\b(?:insert\s+(?:or\s+\w+\s+)?into|update(?:\s+or\s+\w+)?|delete\s+from|replace\s+into)\s+(?:"?\w+"?\.)?"?(\w+)"?/gi;
// A savepoint's release or rollback changes nothing another connection can see: the commit does.
const READ_ONLY_START = /^\s*(?:select|pragma|explain|begin|start\s+transaction|savepoint|release|rollback\s+to|set|show|listen|unlisten|values)\b/i;
const TRANSACTION_END = /^\s*(?:commit|rollback|end)(?:\s+(?:transaction|work))?\s*;?\s*$/i;
const DATA_WRITE_START = /^\s*(?:insert|update|delete|replace|with)\b/i;

const effects = new Map<string, StatementEffect>();
const EFFECT_CACHE_SIZE = 2000;

/**
 * Classifies a statement by its text: reads, writes to named tables, the end of a transaction, or
 * anything else (DDL, truncate, an unknown verb), which counts as changing everything. A `with`
 * statement that writes nowhere is a read. `select … for update` and an upsert's `do update` are
 * taken out before the tables written are read off.
 */
export function statementEffect(sql: string): StatementEffect {
  const known = effects.get(sql);
  if (known) return known;
  let effect: StatementEffect;
  if (TRANSACTION_END.test(sql)) effect = { kind: 'transaction-end' };
  else if (DATA_WRITE_START.test(sql)) {
    const tables = [...sql.replace(/\b(?:for\s+(?:no\s+key\s+)?|do\s+)update\b/gi, '').matchAll(WRITE_TARGET)].map((match) => match[1]!.toLowerCase());
    effect = tables.length > 0 ? { kind: 'write', tables: [...new Set(tables)] } : /^\s*with\b/i.test(sql) ? { kind: 'read' } : { kind: 'everything' };
  } else if (READ_ONLY_START.test(sql)) effect = { kind: 'read' };
  else effect = { kind: 'everything' };
  if (effects.size >= EFFECT_CACHE_SIZE) effects.delete(effects.keys().next().value!);
  effects.set(sql, effect);
  return effect;
}

const observers = new Set<(sql: string) => void>();

/**
 * Calls `observer` with the text of every statement run from now on, by any database of this
 * process, until the returned function is called: how a test learns which tables a kept answer's
 * computation reads (test/support/answer-cache.ts).
 */
export function observeStatements(observer: (sql: string) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/**
 * Per connection: notes a statement's writes on the clock, and at the end of its transaction notes
 * them again (a reader elsewhere may have read the data between the statement and the commit).
 */
export class ConnectionWrites {
  private pending = new Set<string>();

  constructor(private readonly clock: WriteClock) {}

  /** Before the statement runs. Returns what to call once it has completed. */
  beforeStatement(sql: string): (() => void) | null {
    if (observers.size > 0) for (const observer of observers) observer(sql);
    const effect = statementEffect(sql);
    switch (effect.kind) {
      case 'read':
        return null;
      case 'write':
        for (const table of effect.tables) this.pending.add(table);
        this.clock.noteWrite(effect.tables);
        return () => this.clock.noteWrite(effect.tables);
      case 'transaction-end': {
        if (this.pending.size === 0) return null;
        const written = [...this.pending];
        this.pending = new Set();
        return () => this.clock.noteWrite(written);
      }
      case 'everything':
        this.clock.noteEverythingChanged();
        return () => this.clock.noteEverythingChanged();
    }
  }
}
