import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tooManyRequests } from '../../platform/http/problem.ts';

/**
 * Failed sign-ins are counted in the database, so the limit holds across app processes.
 * Per account: 5 failures in 15 minutes; per address: 30.
 */
const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { account: 5, address: 30 } as const;

const buckets = (email: string, ip: string) => ({ account: `account:${email}`, address: `address:${ip}` });

export async function refuseWhenThrottled(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const { account, address } = buckets(email, ip);
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select(['bucket', db.fn.countAll<number>().as('failures')])
    .where('bucket', 'in', [account, address])
    .where('created_at', '>', since)
    .groupBy('bucket')
    .execute();
  const failures = (bucket: string) => Number(rows.find((row) => row.bucket === bucket)?.failures ?? 0);
  if (failures(account) >= LIMITS.account || failures(address) >= LIMITS.address) {
    throw tooManyRequests('Too many failed sign-ins. Wait 15 minutes, or reset your password.');
  }
}

export async function recordFailedSignIn(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  const { account, address } = buckets(email, ip);
  const now = nowIso();
  await db.insertInto('sign_in_attempts').values([
    { id: newId(), bucket: account, created_at: now },
    { id: newId(), bucket: address, created_at: now },
  ]).execute();
  // Old attempts no longer count; drop them as we go instead of running a sweeper.
  await db.deleteFrom('sign_in_attempts').where('created_at', '<', new Date(Date.now() - WINDOW_MS).toISOString()).execute();
}

export async function forgetFailedSignIns(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('bucket', '=', `account:${email}`).execute();
}
