import { expect } from 'vitest';
import { BACKUP_TABLES, DERIVED_TABLES } from '../../src/features/backup/tables.ts';
import type { AnswerCache } from '../../src/platform/cache/answer-cache.ts';
import { observeStatements } from '../../src/platform/db/write-clock.ts';

const TABLES = new Set([...BACKUP_TABLES.map((table) => table.name), ...DERIVED_TABLES]);
const NAMED_AFTER = /\b(?:from|join)\s+"?(\w+)"?/gi;

/** The Cairn tables a statement names after from or join (CTE names and the like are not tables). */
export function tablesNamed(sql: string): string[] {
  return [...sql.matchAll(NAMED_AFTER)].map((match) => match[1]!.toLowerCase()).filter((name) => TABLES.has(name));
}

/**
 * Runs a kept answer's computation and checks that every table it read is among the tables the
 * cache watches: one it reads but does not watch would leave its answers stale after a write there.
 */
export async function expectWatchesWhatItReads(cache: AnswerCache<unknown>, compute: () => Promise<unknown>): Promise<string[]> {
  const read = new Set<string>();
  const stop = observeStatements((sql) => { for (const table of tablesNamed(sql)) read.add(table); });
  try {
    await compute();
  } finally {
    stop();
  }
  expect(read.size, 'the computation read no table: it did not run').toBeGreaterThan(0);
  expect([...read].filter((table) => !cache.reads.includes(table as never)).sort(), 'tables read but not watched').toEqual([]);
  return [...read].sort();
}

/** The SQL statements any database of this process ran while `work` ran. */
export async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = observeStatements((sql) => seen.push(sql));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

/**
 * Asks until a request runs no statement at all: its session and its answer both came kept. (Polled:
 * on PostgreSQL a process hears of its own earlier writes again, a few milliseconds later.)
 */
export async function expectServedKept(request: () => Promise<unknown>): Promise<void> {
  await expect.poll(async () => (await statementsDuring(request)).length, { timeout: 5_000, interval: 20 }).toBe(0);
}
