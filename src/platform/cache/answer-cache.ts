import { LRUCache } from 'lru-cache';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { writeClockOf, type TableName, type WriteClock } from '../db/write-clock.ts';

/*
 * Pages people open over and over (their home, a program's dashboard, the members directory, their
 * own session) are computed once and kept in memory until something they were computed from
 * changes: each kept answer remembers the write clock's tick when its computation began, and is
 * served only while none of the tables it reads has been written since (platform/db/write-clock.ts).
 * A write, by this process or (through the clock) by another, makes the next request compute
 * afresh; nothing is ever served from before a write it depends on. Answers that also depend on
 * the time (today's sessions, a pair's health) are kept at most maxAgeMs.
 *
 * CAIRN_ANSWER_CACHE=off computes every answer (npm run bench measures both).
 */

export interface AnswerCacheOptions {
  /** Every table the computation reads: a write to any of them makes the kept answers stale. */
  reads: readonly TableName[];
  /** The longest an answer is kept although nothing it read changed (it depends on the time too); up to a fifth less. */
  maxAgeMs: number;
  /** Answers kept per database; the least recently used go first. */
  maxEntries: number;
}

interface KeptAnswer<Answer> {
  answer: Answer;
  /** The clock's tick when the computation began. */
  tick: number;
  /** Date.now() after which it is computed again regardless. */
  expiresAt: number;
}

export interface AnswerCache<Answer> {
  readonly reads: readonly TableName[];
  /**
   * The kept answer for the key while still valid, otherwise computed (and kept). The key lists
   * everything the answer depends on besides the tables (organization, who asks, the page…). The
   * answer is shared by every caller: treat it as read-only. In a transaction (no clock) it is
   * always computed.
   */
  get(db: Kysely<Database>, key: readonly unknown[], compute: () => Promise<Answer>): Promise<Answer>;
}

const enabled = process.env.CAIRN_ANSWER_CACHE !== 'off';

export function answerCache<Answer>(options: AnswerCacheOptions): AnswerCache<Answer> {
  // One store per database: tests and tools may open several in one process.
  const stores = new WeakMap<WriteClock, Store<Answer>>();
  const storeOf = (clock: WriteClock) => {
    let store = stores.get(clock);
    if (!store) {
      store = { kept: new LRUCache<string, KeptAnswer<Answer>>({ max: options.maxEntries }), computing: new Map() };
      stores.set(clock, store);
    }
    return store;
  };
  return {
    reads: options.reads,
    async get(db, parts, compute) {
      const clock = enabled ? writeClockOf(db) : undefined;
      if (!clock) return compute();
      const store = storeOf(clock);
      const key = JSON.stringify(parts);
      const kept = store.kept.get(key);
      const lastChange = clock.lastChange(options.reads);
      if (kept && kept.expiresAt > Date.now() && lastChange <= kept.tick) return kept.answer;
      // Many requests for one answer at once (it aged out for everyone together) share one
      // computation, if it began after the last write they must see.
      const running = store.computing.get(key);
      if (running && lastChange <= running.tick) return running.answer;
      const tick = clock.now();
      const answer = compute();
      const computation = { tick, answer };
      store.computing.set(key, computation);
      try {
        const computed = await answer;
        // Up to a fifth sooner, at random: answers computed together (a page's first load after a
        // restart) should not all be computed again in the same instant.
        store.kept.set(key, { answer: computed, tick, expiresAt: Date.now() + options.maxAgeMs * (0.8 + 0.2 * Math.random()) });
        return computed;
      } finally {
        if (store.computing.get(key) === computation) store.computing.delete(key);
      }
    },
  };
}

interface Store<Answer> {
  kept: LRUCache<string, KeptAnswer<Answer>>;
  /** Computations under way, by key, with the tick each began at. */
  computing: Map<string, { tick: number; answer: Promise<Answer> }>;
}
