import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { runMatching, scoreDistribution, type Distribution, type RunSummary } from './service.ts';

/*
 * `cairn match`: the same run as POST …/matching/runs, from a terminal. Without --dry-run it
 * stores the proposal under review (never published); the summary says who was matched, who was
 * not and why, and how the scores spread.
 */

/** Pairs to score above which the command shows a progress bar over the engine's phases. */
export const LARGE_PROGRAM_PAIRS = 250_000;
export { MATCHING_PHASES } from '../../domain/matching/index.ts';

export interface MatchCommandResult {
  program: { id: string; name: string; orgId: string };
  dryRun: boolean;
  proposalId: string | null;
  counts: { mentees: number; mentors: number; alreadyPaired: number; pendingEnrollments: number; matched: number; locked: number; unmatchedMentees: number; unmatchedMentors: number };
  objective: RunSummary['outcome']['objective'];
  pairs: { menteeId: string; mentee: string; mentorId: string; mentor: string; score: number; fit: number; source: string; explanation: string }[];
  unmatchedMentees: RunSummary['outcome']['unmatchedMentees'];
  unmatchedMentors: RunSummary['outcome']['unmatchedMentors'];
  distribution: Distribution;
  warnings: string[];
}

export async function findProgram(db: Kysely<Database>, programId: string) {
  return db.selectFrom('mentoring_programs').select(['id', 'org_id', 'name']).where('id', '=', programId).executeTakeFirst();
}

/** How many pairs the program would score (to decide on a progress bar before the run). */
export async function programSize(db: Kysely<Database>, programId: string): Promise<number> {
  const rows = await db.selectFrom('enrollments').select(['side', (eb) => eb.fn.countAll<number>().as('n')]).where('program_id', '=', programId).where('status', '=', 'approved').groupBy('side').execute();
  const count = (side: string) => Number(rows.find((r) => r.side === side)?.n ?? 0);
  return count('mentee') * count('mentor');
}

export async function matchCommand(
  db: Kysely<Database>, program: { id: string; org_id: string; name: string }, options: { dryRun: boolean; onPhase?: (phase: string) => void },
): Promise<MatchCommandResult> {
  const run = (trx: Kysely<Database>) => runMatching(trx, program.org_id, program.id, null, { keepLocks: true, dryRun: options.dryRun, onPhase: options.onPhase });
  const summary = options.dryRun ? await run(db) : await db.transaction().execute(run);
  const name = (id: string) => summary.data.people.get(id)?.name ?? id;
  return {
    program: { id: program.id, name: program.name, orgId: program.org_id },
    dryRun: options.dryRun,
    proposalId: summary.proposalId,
    counts: {
      ...summary.outcome.counts, matched: summary.pairs.length, locked: summary.pairs.filter((p) => p.source === 'locked').length,
      unmatchedMentees: summary.outcome.unmatchedMentees.length, unmatchedMentors: summary.outcome.unmatchedMentors.length,
    },
    objective: summary.outcome.objective,
    pairs: summary.pairs.map((p) => ({ menteeId: p.menteeId, mentee: name(p.menteeId), mentorId: p.mentorId, mentor: name(p.mentorId), score: p.score, fit: p.fit, source: p.source, explanation: p.explanation })),
    unmatchedMentees: summary.outcome.unmatchedMentees,
    unmatchedMentors: summary.outcome.unmatchedMentors,
    distribution: scoreDistribution(summary.pairs.map((p) => p.fit)),
    warnings: summary.outcome.warnings,
  };
}

/** The summary a person reads in the terminal. */
export function formatMatchSummary(result: MatchCommandResult): string {
  const lines: string[] = [];
  const c = result.counts;
  const waiting = c.mentees - c.alreadyPaired;
  lines.push(`Matching “${result.program.name}”: ${c.mentees} approved mentees (${c.alreadyPaired} already paired), ${c.mentors} approved mentors.`);
  lines.push(`Matched: ${c.matched} of ${waiting} mentees waiting${c.locked ? ` (${c.locked} locked)` : ''}; total score ${result.objective.totalScore.toFixed(2)}${result.objective.minScore === null ? '' : `, lowest ${result.objective.minScore.toFixed(2)}`}.`);
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (result.unmatchedMentees.length > 0) {
    lines.push('', `Unmatched mentees (${result.unmatchedMentees.length}):`);
    for (const u of result.unmatchedMentees) lines.push(`  ${u.name} [${u.reason}]: ${capital(u.explanation)}.`);
  }
  if (result.unmatchedMentors.length > 0) {
    lines.push('', `Mentors without a mentee (${result.unmatchedMentors.length}):`);
    for (const u of result.unmatchedMentors) lines.push(`  ${u.name} [${u.reason}]: ${capital(u.explanation)}.`);
  }
  const d = result.distribution;
  lines.push('', 'Score distribution (fit: share of the best possible score):');
  const most = Math.max(1, ...d.buckets.map((b) => b.count));
  for (const bucket of d.buckets) {
    const label = `${bucket.from}–${bucket.to}%`.padStart(8);
    lines.push(`  ${label} ${'█'.repeat(Math.round((bucket.count / most) * 30)).padEnd(30)} ${bucket.count}`);
  }
  if (d.median !== null) lines.push(`  lowest ${d.min}%, median ${d.median}%, mean ${d.mean}%, highest ${d.max}%`);
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings) lines.push(`  - ${warning}`);
  }
  lines.push('', result.dryRun
    ? 'Dry run: nothing was stored.'
    : `Proposal ${result.proposalId} stored for review (not published). Review, lock, swap and publish it in the program’s matching page.`);
  return lines.join('\n');
}
