import type { Kysely } from 'kysely';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database } from '../../db/schema.ts';
import {
  type Blocker, type Contribution, MatchingInputError, type MatchingResult, type PairRef, type ScoredPair, matchProgram, previewPair, suggestMentors,
} from '../../domain/matching/index.ts';
import { OPEN_REQUEST_STATES, STATES_USING_MENTOR_CAPACITY } from '../../domain/mentoring/relationship-lifecycle.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { badRequest, conflict, forbidden, invalidField, notFound, Problem } from '../../platform/http/problem.ts';
import { programRow } from '../mentoring/programs/service.ts';
import type { MentoringViewer } from '../mentoring/relationship-access.ts';
import { assignPair } from '../mentoring/relationships/service.ts';
import { loadProgramData, type PersonFacts, type ProgramMatchingData, type ProgramRow } from './inputs.ts';
import { completeSettings, loadSettings, type MatchingSettings, type MatchingSettingsInput } from './settings.ts';

/*
 * Matching for a program: runs of the engine stored as proposals an admin reviews (lock, swap,
 * remove, re-run) and publishes as relationships; the admin's live preview under draft weights;
 * and a mentee's own suggestions in self-match programs. The engine decides; this file loads,
 * calls and stores.
 */

export interface PersonRef { personId: string; name: string; title: string; department: string }

export interface PairView {
  id: string;
  mentee: PersonRef;
  mentor: PersonRef;
  score: number;
  fit: number;
  locked: boolean;
  source: 'proposed' | 'locked' | 'swapped';
  contributions: Contribution[];
  reasons: string[];
  explanation: string;
  relationshipId: string | null;
}

export interface UnmatchedView {
  personId: string;
  name: string;
  side: 'mentee' | 'mentor';
  /** The engine's reason, or 'removed' when an admin took the pair out of the proposal. */
  reason: string;
  explanation: string;
}

interface Outcome {
  objective: MatchingResult['objective'];
  counts: { mentees: number; mentors: number; alreadyPaired: number; pendingEnrollments: number };
  unmatchedMentees: UnmatchedView[];
  unmatchedMentors: UnmatchedView[];
  rejectedLocks: { menteeId: string; mentorId: string; explanation: string }[];
  warnings: string[];
  proof: { certified: boolean; allowedPairs: number; rounds: number };
}

/** Hard constraints a swap may not break (a low score may be the admin's considered choice). */
const HARD_BLOCKERS: ReadonlySet<Blocker> = new Set(['self', 'paused', 'full', 'excluded', 'declined', 'reporting_line', 'program_language', 'mentee_language']);

const BLOCKER_WORDS: Record<Blocker, string> = {
  self: 'a person cannot mentor themselves',
  paused: 'the mentor has paused mentoring',
  full: 'the mentor has no capacity left',
  excluded: 'an admin excluded this pair',
  declined: 'the two declined each other (or concluded a relationship) before',
  reporting_line: 'the two are in the same reporting line',
  program_language: 'one of them does not speak the language the program requires',
  mentee_language: 'the mentor does not speak the language the mentee needs',
  no_common_ground: 'the two have nothing in common that the program weighs',
  below_minimum: 'the pair scores under the program’s minimum',
};

const LOW_FIT = 0.25;

function engineInputError(error: unknown): never {
  if (error instanceof MatchingInputError) throw badRequest(`The matching settings or data were refused: ${error.message}`);
  throw error;
}

function refOf(data: { people: Map<string, PersonFacts> }, personId: string): PersonRef {
  const facts = data.people.get(personId);
  return { personId, name: facts?.name ?? 'Someone no longer enrolled', title: facts?.title ?? '', department: facts?.department ?? '' };
}

async function programFor(db: Kysely<Database>, orgId: string, programId: string): Promise<ProgramRow> {
  return programRow(db, orgId, programId);
}

// ---------------------------------------------------------------------------------------------
// Runs and proposals

export interface RunOptions {
  /** Carry the locks (and removals) of the draft under review into this run: the re-run. */
  keepLocks: boolean;
  /** Refuse when there is no draft to re-run. */
  requireDraft?: boolean;
  onPhase?: (phase: string) => void;
  /** Compute and report only: nothing is stored (the CLI's --dry-run). */
  dryRun?: boolean;
}

export interface RunSummary {
  proposalId: string | null;
  result: MatchingResult;
  outcome: Outcome;
  data: ProgramMatchingData;
  pairs: { menteeId: string; mentorId: string; score: number; fit: number; source: 'proposed' | 'locked'; explanation: string }[];
}

async function currentDraft(db: Kysely<Database>, orgId: string, programId: string, lock = false) {
  let query = db.selectFrom('matching_proposals').selectAll().where('org_id', '=', orgId).where('program_id', '=', programId).where('status', '=', 'draft');
  if (lock && supportsRowLocks(db)) query = query.forUpdate();
  return query.orderBy('created_at', 'desc').executeTakeFirst();
}

/**
 * Runs the engine over the program and stores the result as the draft proposal (the previous draft
 * is superseded). Published pairs stay as they are and use their mentor's capacity; with
 * `keepLocks`, the draft's locked pairs are kept and its removed pairs are not proposed again.
 */
export async function runMatching(db: Kysely<Database>, orgId: string, programId: string, actorPersonId: string | null, options: RunOptions): Promise<RunSummary> {
  const program = await programFor(db, orgId, programId);
  const settings = await loadSettings(db, programId);
  const data = await loadProgramData(db, program, settings);
  const draft = await currentDraft(db, orgId, programId, !options.dryRun);
  if (options.requireDraft && !draft) throw conflict('There is no proposal under review to re-run; run matching first.');
  const locks: PairRef[] = [];
  const removed: PairRef[] = [];
  if (draft && options.keepLocks) {
    const locked = await db.selectFrom('matching_proposal_pairs').select(['mentee_person_id', 'mentor_person_id']).where('proposal_id', '=', draft.id).where('locked', '=', 1).execute();
    locks.push(...locked.map((p) => ({ menteeId: p.mentee_person_id, mentorId: p.mentor_person_id })));
    removed.push(...(JSON.parse(draft.removed_pairs) as PairRef[]));
  }
  const constraints = data.input.constraints!;
  const input = { ...data.input, constraints: { ...constraints, locks, excludedPairs: [...(constraints.excludedPairs ?? []), ...removed] } };
  let result: MatchingResult;
  try {
    result = matchProgram(input, { onPhase: options.onPhase });
  } catch (error) {
    engineInputError(error);
  }
  const chosen = result.pairs.filter((p) => p.source !== 'published');
  const outcome: Outcome = {
    objective: result.objective,
    counts: { mentees: data.menteeIds.size, mentors: data.mentorIds.size, alreadyPaired: result.pairs.length - chosen.length, pendingEnrollments: data.pendingEnrollments },
    unmatchedMentees: result.unmatchedMentees.map((u) => ({ personId: u.personId, name: u.name, side: u.side, reason: u.reason, explanation: u.explanation })),
    unmatchedMentors: result.unmatchedMentors.map((u) => ({ personId: u.personId, name: u.name, side: u.side, reason: u.reason, explanation: u.explanation })),
    rejectedLocks: result.rejectedLocks.map((l) => ({ menteeId: l.menteeId, mentorId: l.mentorId, explanation: l.explanation })),
    warnings: warningsFor(result, data, chosen),
    proof: { certified: result.proof.certified, allowedPairs: result.proof.allowedPairs, rounds: result.proof.rounds },
  };
  const pairs = chosen.map((p) => ({ menteeId: p.menteeId, mentorId: p.mentorId, score: p.score, fit: p.fit, source: p.source as 'proposed' | 'locked', explanation: p.explanation }));
  if (options.dryRun) return { proposalId: null, result, outcome, data, pairs };

  await db.updateTable('matching_proposals').set({ status: 'superseded' }).where('org_id', '=', orgId).where('program_id', '=', programId).where('status', '=', 'draft').execute();
  const proposalId = newId();
  await db.insertInto('matching_proposals').values({
    id: proposalId, org_id: orgId, program_id: programId, status: 'draft', settings: JSON.stringify(stripUpdatedAt(settings)), outcome: JSON.stringify(outcome),
    removed_pairs: JSON.stringify(removed), created_by_person_id: actorPersonId, created_at: nowIso(), published_by_person_id: null, published_at: null,
  }).execute();
  const rows = chosen.map((p) => ({
    id: newId(), org_id: orgId, proposal_id: proposalId, mentee_person_id: p.menteeId, mentor_person_id: p.mentorId, source: p.source as 'proposed' | 'locked',
    locked: p.source === 'locked' ? 1 : 0, score: p.score, fit: p.fit, contributions: JSON.stringify(p.contributions), reasons: JSON.stringify(p.reasons),
    explanation: p.explanation, relationship_id: null,
  }));
  for (let start = 0; start < rows.length; start += 400) await db.insertInto('matching_proposal_pairs').values(rows.slice(start, start + 400)).execute();
  return { proposalId, result, outcome, data, pairs };
}

function stripUpdatedAt(settings: MatchingSettings & { updatedAt?: string | null }): MatchingSettings {
  const { updatedAt: _ignored, ...rest } = settings;
  return rest;
}

function warningsFor(result: MatchingResult, data: ProgramMatchingData, chosen: MatchingResult['pairs']): string[] {
  const warnings: string[] = [];
  const name = (id: string) => data.people.get(id)?.name ?? id;
  for (const lock of result.rejectedLocks) warnings.push(`The lock of ${name(lock.menteeId)} with ${name(lock.mentorId)} was not kept: ${lock.explanation}.`);
  if (data.menteeIds.size === 0) warnings.push('No approved mentees: there is nobody to match.');
  if (data.mentorIds.size === 0) warnings.push('No approved mentors: nobody can be matched.');
  if (data.pendingEnrollments > 0) warnings.push(`${data.pendingEnrollments} ${data.pendingEnrollments === 1 ? 'enrollment waits' : 'enrollments wait'} for approval and ${data.pendingEnrollments === 1 ? 'was' : 'were'} left out.`);
  if (data.emptyMentees > 0) warnings.push(`${data.emptyMentees} ${data.emptyMentees === 1 ? 'mentee gave' : 'mentees gave'} no skills, goals or interests; their matches rest on the other criteria.`);
  if (data.pausedMentors > 0) warnings.push(`${data.pausedMentors} ${data.pausedMentors === 1 ? 'mentor has' : 'mentors have'} paused and ${data.pausedMentors === 1 ? 'was' : 'were'} given no one.`);
  const low = chosen.filter((p) => p.fit < LOW_FIT).length;
  if (low > 0) warnings.push(`${low} ${low === 1 ? 'pair fits' : 'pairs fit'} under ${Math.round(LOW_FIT * 100)}%: read ${low === 1 ? 'its explanation' : 'their explanations'} before publishing.`);
  const waiting = result.unmatchedMentees.filter((u) => u.reason === 'no_capacity' || u.reason === 'taken').length;
  if (waiting > 0) warnings.push(`${waiting} ${waiting === 1 ? 'mentee is' : 'mentees are'} left without a mentor because mentors are full: more mentors or more capacity would help.`);
  return warnings;
}

export interface ProposalView {
  id: string;
  programId: string;
  status: 'draft' | 'superseded' | 'published';
  createdAt: string;
  createdBy: { personId: string; name: string } | null;
  publishedAt: string | null;
  settings: MatchingSettings;
  objective: Outcome['objective'];
  counts: Outcome['counts'] & { pairs: number; locked: number; unmatchedMentees: number; unmatchedMentors: number };
  pairs: PairView[];
  unmatchedMentees: UnmatchedView[];
  unmatchedMentors: UnmatchedView[];
  warnings: string[];
  distribution: Distribution;
  proof: Outcome['proof'];
}

export interface Distribution {
  /** Pairs per tenth of fit (0–10 %, …, 90–100 %). */
  buckets: { from: number; to: number; count: number }[];
  /** Fit in whole percent, over the proposal's pairs; null without pairs. */
  min: number | null;
  median: number | null;
  mean: number | null;
  max: number | null;
}

export function scoreDistribution(fits: readonly number[]): Distribution {
  const buckets = Array.from({ length: 10 }, (_, k) => ({ from: k * 10, to: (k + 1) * 10, count: 0 }));
  for (const fit of fits) buckets[Math.min(9, Math.max(0, Math.floor(fit * 10)))]!.count += 1;
  if (fits.length === 0) return { buckets, min: null, median: null, mean: null, max: null };
  const sorted = [...fits].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const pct = (value: number) => Math.round(value * 100);
  return { buckets, min: pct(sorted[0]!), median: pct(median), mean: pct(sorted.reduce((a, b) => a + b, 0) / sorted.length), max: pct(sorted.at(-1)!) };
}

/** The proposal under review, or else the last published one; 404 when the program has none. */
export async function latestProposal(db: Kysely<Database>, orgId: string, programId: string): Promise<ProposalView> {
  await programFor(db, orgId, programId);
  const row = (await currentDraft(db, orgId, programId))
    ?? await db.selectFrom('matching_proposals').selectAll().where('org_id', '=', orgId).where('program_id', '=', programId).where('status', '=', 'published')
      .orderBy('published_at', 'desc').executeTakeFirst();
  if (!row) throw notFound('Matching proposal');
  return proposalView(db, orgId, row.id);
}

export async function proposalView(db: Kysely<Database>, orgId: string, proposalId: string): Promise<ProposalView> {
  const row = await db.selectFrom('matching_proposals').selectAll().where('org_id', '=', orgId).where('id', '=', proposalId).executeTakeFirst();
  if (!row) throw notFound('Matching proposal');
  const pairs = await db.selectFrom('matching_proposal_pairs').selectAll().where('proposal_id', '=', proposalId).execute();
  const ids = [...new Set([...pairs.flatMap((p) => [p.mentee_person_id, p.mentor_person_id]), ...(row.created_by_person_id ? [row.created_by_person_id] : [])])];
  const people = new Map<string, PersonFacts>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db.selectFrom('people as p').leftJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'p.id').on('m.org_id', '=', orgId))
      .select(['p.id', 'p.name', 'm.title', 'm.department']).where('p.id', 'in', ids.slice(start, start + 500)).execute();
    for (const person of rows) people.set(person.id, { name: person.name, title: person.title ?? '', department: person.department ?? '' });
  }
  const outcome = JSON.parse(row.outcome) as Outcome;
  const views: PairView[] = pairs.map((p) => ({
    id: p.id, mentee: refOf({ people }, p.mentee_person_id), mentor: refOf({ people }, p.mentor_person_id), score: p.score, fit: p.fit, locked: p.locked === 1,
    source: p.source, contributions: JSON.parse(p.contributions) as Contribution[], reasons: JSON.parse(p.reasons) as string[], explanation: p.explanation,
    relationshipId: p.relationship_id,
  })).sort((a, b) => a.mentee.name.localeCompare(b.mentee.name) || a.mentee.personId.localeCompare(b.mentee.personId));
  return {
    id: row.id, programId: row.program_id, status: row.status, createdAt: row.created_at,
    createdBy: row.created_by_person_id ? { personId: row.created_by_person_id, name: people.get(row.created_by_person_id)?.name ?? '' } : null,
    publishedAt: row.published_at, settings: JSON.parse(row.settings) as MatchingSettings, objective: outcome.objective,
    counts: {
      ...outcome.counts, pairs: views.length, locked: views.filter((p) => p.locked).length,
      unmatchedMentees: outcome.unmatchedMentees.length, unmatchedMentors: outcome.unmatchedMentors.length,
    },
    pairs: views, unmatchedMentees: outcome.unmatchedMentees, unmatchedMentors: outcome.unmatchedMentors, warnings: outcome.warnings,
    distribution: scoreDistribution(views.map((p) => p.fit)), proof: outcome.proof,
  };
}

/** A pair of the draft under review, locked for the change (404 for any other pair). */
async function draftPair(db: Kysely<Database>, orgId: string, programId: string, pairId: string) {
  await programFor(db, orgId, programId);
  const draft = await currentDraft(db, orgId, programId, true);
  const pair = draft
    ? await db.selectFrom('matching_proposal_pairs').selectAll().where('proposal_id', '=', draft.id).where('id', '=', pairId).executeTakeFirst()
    : undefined;
  if (!draft || !pair) {
    const elsewhere = await db.selectFrom('matching_proposal_pairs as pp').innerJoin('matching_proposals as p', 'p.id', 'pp.proposal_id').select('p.status')
      .where('pp.id', '=', pairId).where('p.org_id', '=', orgId).where('p.program_id', '=', programId).executeTakeFirst();
    if (elsewhere) throw conflict(`This pair belongs to a proposal that is ${elsewhere.status}; only the proposal under review can change.`);
    throw notFound('Proposed pair');
  }
  return { draft, pair };
}

export async function setPairLock(db: Kysely<Database>, orgId: string, programId: string, pairId: string, locked: boolean): Promise<string> {
  const { draft, pair } = await draftPair(db, orgId, programId, pairId);
  await db.updateTable('matching_proposal_pairs').set({ locked: locked ? 1 : 0 }).where('id', '=', pair.id).execute();
  return draft.id;
}

/** When a mentor has no pair left in the draft (and no running one), they are listed as unmatched. */
async function noteMentorLeft(db: Kysely<Database>, draftId: string, outcome: Outcome, mentorId: string, name: string, explanation: string): Promise<void> {
  const left = await db.selectFrom('matching_proposal_pairs').select('id').where('proposal_id', '=', draftId).where('mentor_person_id', '=', mentorId).executeTakeFirst();
  if (left || outcome.unmatchedMentors.some((u) => u.personId === mentorId)) return;
  outcome.unmatchedMentors.push({ personId: mentorId, name, side: 'mentor', reason: 'removed', explanation });
}

/**
 * Gives the pair's mentee another mentor, scored under the run's settings. Refused when the
 * mentor is not an approved mentor of the program, or a hard constraint or their capacity (the
 * running pairs and the rest of the proposal count) forbids it. The swapped pair is locked: it
 * was the admin's choice, so a re-run keeps it.
 */
export async function swapPair(db: Kysely<Database>, orgId: string, programId: string, pairId: string, mentorPersonId: string): Promise<string> {
  const { draft, pair } = await draftPair(db, orgId, programId, pairId);
  if (mentorPersonId === pair.mentor_person_id) throw invalidField('mentorPersonId', 'is already this mentee’s mentor in the proposal');
  const program = await programFor(db, orgId, programId);
  const settings = completeSettings(JSON.parse(draft.settings) as MatchingSettingsInput);
  const data = await loadProgramData(db, program, settings);
  if (!data.mentorIds.has(mentorPersonId)) throw invalidField('mentorPersonId', 'is not an approved mentor in this program');
  if (!data.menteeIds.has(pair.mentee_person_id)) throw conflict('This mentee is no longer an approved mentee of the program; re-run matching.');
  const others = await db.selectFrom('matching_proposal_pairs').select(['mentee_person_id', 'mentor_person_id']).where('proposal_id', '=', draft.id).where('id', '!=', pair.id).execute();
  const constraints = data.input.constraints!;
  const input = { ...data.input, constraints: { ...constraints, publishedPairs: [...data.published, ...others.map((o) => ({ menteeId: o.mentee_person_id, mentorId: o.mentor_person_id }))] } };
  let scored: ScoredPair & { blocker: Blocker | null };
  try {
    scored = previewPair(input, pair.mentee_person_id, mentorPersonId);
  } catch (error) {
    engineInputError(error);
  }
  const mentorName = data.people.get(mentorPersonId)!.name;
  const menteeName = data.people.get(pair.mentee_person_id)!.name;
  if (scored.blocker === 'full' || scored.blocker === 'paused') {
    throw conflict(scored.blocker === 'full' ? `${mentorName} has no capacity left (running pairs and this proposal count).` : `${mentorName} has paused mentoring.`);
  }
  if (scored.blocker && HARD_BLOCKERS.has(scored.blocker)) throw invalidField('mentorPersonId', `cannot mentor ${menteeName}: ${BLOCKER_WORDS[scored.blocker]}`);
  await db.updateTable('matching_proposal_pairs').set({
    mentor_person_id: mentorPersonId, source: 'swapped', locked: 1, score: scored.score, fit: scored.fit, contributions: JSON.stringify(scored.contributions),
    reasons: JSON.stringify(scored.reasons), explanation: scored.explanation,
  }).where('id', '=', pair.id).execute();
  const outcome = JSON.parse(draft.outcome) as Outcome;
  outcome.unmatchedMentors = outcome.unmatchedMentors.filter((u) => u.personId !== mentorPersonId);
  const formerName = data.people.get(pair.mentor_person_id)?.name ?? 'A former mentor';
  await noteMentorLeft(db, draft.id, outcome, pair.mentor_person_id, formerName, `an admin gave ${menteeName} to ${mentorName} instead`);
  await db.updateTable('matching_proposals').set({ outcome: JSON.stringify(outcome) }).where('id', '=', draft.id).execute();
  return draft.id;
}

/** Takes a pair out of the draft: the mentee is listed as unmatched, and re-runs of this proposal do not propose the pair again. */
export async function removePair(db: Kysely<Database>, orgId: string, programId: string, pairId: string): Promise<string> {
  const { draft, pair } = await draftPair(db, orgId, programId, pairId);
  await db.deleteFrom('matching_proposal_pairs').where('id', '=', pair.id).execute();
  const names = new Map((await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [pair.mentee_person_id, pair.mentor_person_id]).execute()).map((p) => [p.id, p.name]));
  const outcome = JSON.parse(draft.outcome) as Outcome;
  outcome.unmatchedMentees.push({
    personId: pair.mentee_person_id, name: names.get(pair.mentee_person_id) ?? '', side: 'mentee', reason: 'removed',
    explanation: `an admin removed the pair with ${names.get(pair.mentor_person_id)}; a re-run will not propose it again`,
  });
  await noteMentorLeft(db, draft.id, outcome, pair.mentor_person_id, names.get(pair.mentor_person_id) ?? '', `an admin removed the pair with ${names.get(pair.mentee_person_id)}`);
  const removed = [...(JSON.parse(draft.removed_pairs) as PairRef[]), { menteeId: pair.mentee_person_id, mentorId: pair.mentor_person_id }];
  await db.updateTable('matching_proposals').set({ outcome: JSON.stringify(outcome), removed_pairs: JSON.stringify(removed) }).where('id', '=', draft.id).execute();
  return draft.id;
}

/**
 * Publishes the draft: a relationship for every pair (origin 'matched'; both people told), all or
 * none. A mentee paired meanwhile, or a mentor who filled up or paused, stops the whole publish.
 */
export async function publishProposal(db: Kysely<Database>, mailer: Mailer | null, orgId: string, programId: string, viewer: MentoringViewer, proposalId: string): Promise<{ relationships: number }> {
  const program = await programFor(db, orgId, programId);
  let query = db.selectFrom('matching_proposals').selectAll().where('org_id', '=', orgId).where('program_id', '=', programId).where('id', '=', proposalId);
  if (supportsRowLocks(db)) query = query.forUpdate();
  const proposal = await query.executeTakeFirst();
  if (!proposal) throw notFound('Matching proposal');
  if (proposal.status !== 'draft') throw conflict(`This proposal is ${proposal.status}; only the proposal under review can be published.`);
  const pairs = await db.selectFrom('matching_proposal_pairs as pp').innerJoin('people as mentee', 'mentee.id', 'pp.mentee_person_id').innerJoin('people as mentor', 'mentor.id', 'pp.mentor_person_id')
    .select(['pp.id', 'pp.mentee_person_id', 'pp.mentor_person_id', 'mentee.name as mentee_name', 'mentor.name as mentor_name'])
    .where('pp.proposal_id', '=', proposal.id).orderBy('mentee.name').execute();
  if (pairs.length === 0) throw conflict('The proposal has no pairs to publish.');
  const running = new Set((await db.selectFrom('mentoring_relationships').select('mentee_person_id').where('org_id', '=', orgId).where('program_id', '=', programId)
    .where('state', 'in', [...STATES_USING_MENTOR_CAPACITY]).execute()).map((r) => r.mentee_person_id));
  for (const pair of pairs) {
    if (running.has(pair.mentee_person_id)) throw conflict(`${pair.mentee_name} has been paired meanwhile; re-run matching before publishing.`);
    let relationshipId: string;
    try {
      relationshipId = await assignPair(db, mailer, orgId, programId, viewer, { mentorPersonId: pair.mentor_person_id, menteePersonId: pair.mentee_person_id }, 'matched');
    } catch (error) {
      if (error instanceof Problem) throw new Problem(error.status, error.title, `${pair.mentee_name} with ${pair.mentor_name}: ${error.detail} Nothing was published; re-run matching.`, error.errors);
      throw error;
    }
    await db.updateTable('matching_proposal_pairs').set({ relationship_id: relationshipId }).where('id', '=', pair.id).execute();
  }
  await db.updateTable('matching_proposals').set({ status: 'published', published_at: nowIso(), published_by_person_id: viewer.personId }).where('id', '=', proposal.id).execute();
  // Publishing pairs many people at once on one admin's word: the log says who, when and how many.
  await recordAudit(db, {
    orgId, actorPersonId: viewer.personId, action: 'matching.published', subjectType: 'matching_proposal', subjectId: proposal.id,
    detail: { programId, program: program.name, relationships: pairs.length }, ip: viewer.ip ?? null,
  });
  return { relationships: pairs.length };
}

// ---------------------------------------------------------------------------------------------
// Settings preview

export interface ScoredView {
  mentor: PersonRef;
  score: number;
  fit: number;
  contributions: Contribution[];
  reasons: string[];
  explanation: string;
  /** What would keep the pair from being proposed (null: nothing). */
  blocker: Blocker | null;
  blockerText: string | null;
}

export interface PreviewInput {
  settings?: MatchingSettingsInput;
  menteePersonId: string;
  mentorPersonId?: string;
  limit?: number;
}

/**
 * Scores under draft settings without saving them: one pair with its explanation, or a mentee's
 * best candidates. The mentee's own running pair is set aside, so candidates show as if they were
 * still to match.
 */
export async function previewMatching(db: Kysely<Database>, orgId: string, programId: string, request: PreviewInput) {
  const program = await programFor(db, orgId, programId);
  const settings = request.settings ? completeSettings(request.settings) : stripUpdatedAt(await loadSettings(db, programId));
  const data = await loadProgramData(db, program, settings);
  if (!data.menteeIds.has(request.menteePersonId)) throw invalidField('menteePersonId', 'is not an approved mentee in this program');
  if (request.mentorPersonId !== undefined && !data.mentorIds.has(request.mentorPersonId)) throw invalidField('mentorPersonId', 'is not an approved mentor in this program');
  const constraints = data.input.constraints!;
  const input = { ...data.input, constraints: { ...constraints, publishedPairs: data.published.filter((p) => p.menteeId !== request.menteePersonId) } };
  const view = (scored: ScoredPair, blocker: Blocker | null): ScoredView => ({
    mentor: refOf(data, scored.mentorId), score: scored.score, fit: scored.fit, contributions: scored.contributions, reasons: scored.reasons,
    explanation: scored.explanation, blocker, blockerText: blocker ? BLOCKER_WORDS[blocker] : null,
  });
  try {
    if (request.mentorPersonId !== undefined) {
      const scored = previewPair(input, request.menteePersonId, request.mentorPersonId);
      return { settings, mentee: refOf(data, request.menteePersonId), pair: view(scored, scored.blocker), candidates: [], shortfall: null };
    }
    const found = suggestMentors(input, request.menteePersonId, { limit: request.limit ?? 5, voice: 'admin' });
    return { settings, mentee: refOf(data, request.menteePersonId), pair: null, candidates: found.suggestions.map((s) => view(s, null)), shortfall: found.shortfall };
  } catch (error) {
    engineInputError(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Exclusions

export async function listExclusions(db: Kysely<Database>, orgId: string, programId: string) {
  await programFor(db, orgId, programId);
  const rows = await db.selectFrom('matching_exclusions as x').innerJoin('people as mentee', 'mentee.id', 'x.mentee_person_id').innerJoin('people as mentor', 'mentor.id', 'x.mentor_person_id')
    .select(['x.id', 'x.mentee_person_id', 'mentee.name as mentee_name', 'x.mentor_person_id', 'mentor.name as mentor_name', 'x.created_at'])
    .where('x.org_id', '=', orgId).where('x.program_id', '=', programId).orderBy('mentee.name').execute();
  return rows.map((r) => ({
    id: r.id, mentee: { personId: r.mentee_person_id, name: r.mentee_name }, mentor: { personId: r.mentor_person_id, name: r.mentor_name }, createdAt: r.created_at,
  }));
}

export async function addExclusion(db: Kysely<Database>, orgId: string, programId: string, actorPersonId: string, input: { menteePersonId: string; mentorPersonId: string }): Promise<string> {
  await programFor(db, orgId, programId);
  if (input.menteePersonId === input.mentorPersonId) throw invalidField('mentorPersonId', 'must be someone other than the mentee');
  const enrolled = async (personId: string, side: 'mentor' | 'mentee') => db.selectFrom('enrollments').select('id').where('org_id', '=', orgId).where('program_id', '=', programId)
    .where('person_id', '=', personId).where('side', '=', side).where('status', 'in', ['approved', 'pending']).executeTakeFirst();
  if (!(await enrolled(input.menteePersonId, 'mentee'))) throw invalidField('menteePersonId', 'is not enrolled as a mentee in this program');
  if (!(await enrolled(input.mentorPersonId, 'mentor'))) throw invalidField('mentorPersonId', 'is not enrolled as a mentor in this program');
  const existing = await db.selectFrom('matching_exclusions').select('id').where('program_id', '=', programId).where('mentee_person_id', '=', input.menteePersonId)
    .where('mentor_person_id', '=', input.mentorPersonId).executeTakeFirst();
  if (existing) throw conflict('This pair is already excluded.');
  const id = newId();
  await db.insertInto('matching_exclusions').values({
    id, org_id: orgId, program_id: programId, mentee_person_id: input.menteePersonId, mentor_person_id: input.mentorPersonId, created_by_person_id: actorPersonId, created_at: nowIso(),
  }).execute();
  return id;
}

export async function removeExclusion(db: Kysely<Database>, orgId: string, programId: string, exclusionId: string): Promise<void> {
  await programFor(db, orgId, programId);
  const deleted = await db.deleteFrom('matching_exclusions').where('org_id', '=', orgId).where('program_id', '=', programId).where('id', '=', exclusionId).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound('Excluded pair');
}

// ---------------------------------------------------------------------------------------------
// Self-match

async function menteeEnrollment(db: Kysely<Database>, orgId: string, programId: string, personId: string, approvedOnly: boolean) {
  let query = db.selectFrom('enrollments').select(['id', 'status']).where('org_id', '=', orgId).where('program_id', '=', programId).where('person_id', '=', personId).where('side', '=', 'mentee');
  query = approvedOnly ? query.where('status', '=', 'approved') : query.where('status', 'in', ['approved', 'pending']);
  return query.executeTakeFirst();
}

/**
 * A mentee's five best mentors with room, with the reasons in their own words ("shares 3 of the 4
 * skills you want"). Only in programs where mentees choose; asking one goes through the
 * mentoring requests flow.
 */
export async function mySuggestions(db: Kysely<Database>, orgId: string, programId: string, viewer: MentoringViewer) {
  const program = await programFor(db, orgId, programId);
  if (program.pairing_mode !== 'mentee_choice') throw conflict('In this program mentees do not choose their mentor, so there are no suggestions.');
  if (!(await menteeEnrollment(db, orgId, programId, viewer.personId, true))) throw forbidden('Enroll as a mentee in this program (and be approved) to see suggested mentors.');
  const settings = stripUpdatedAt(await loadSettings(db, programId));
  const data = await loadProgramData(db, program, settings);
  let found;
  try {
    found = suggestMentors(data.input, viewer.personId, { limit: 5 });
  } catch (error) {
    engineInputError(error);
  }
  const open = new Set((await db.selectFrom('mentoring_relationships').select('mentor_person_id').where('org_id', '=', orgId).where('program_id', '=', programId)
    .where('mentee_person_id', '=', viewer.personId).where('state', 'in', [...OPEN_REQUEST_STATES]).execute()).map((r) => r.mentor_person_id));
  return {
    programId, programName: program.name,
    suggestions: found.suggestions.map((s) => ({ mentor: refOf(data, s.mentorId), fit: s.fit, reasons: s.reasons, explanation: s.explanation, requested: open.has(s.mentorId) })),
    shortfall: found.shortfall,
    inclusion: await inclusionChoice(db, orgId, programId, viewer.personId),
  };
}

async function inclusionChoice(db: Kysely<Database>, orgId: string, programId: string, personId: string) {
  const [optIn, answers] = await Promise.all([
    db.selectFrom('matching_inclusion_opt_ins').select('opted_in_at').where('org_id', '=', orgId).where('program_id', '=', programId).where('person_id', '=', personId).executeTakeFirst(),
    db.selectFrom('identity_answers').select('id').where('org_id', '=', orgId).where('program_id', '=', programId).where('person_id', '=', personId).executeTakeFirst(),
  ]);
  return { optedIn: Boolean(optIn), hasSelfIdentification: Boolean(answers) };
}

export async function myInclusionChoice(db: Kysely<Database>, orgId: string, programId: string, viewer: MentoringViewer) {
  await programFor(db, orgId, programId);
  if (!(await menteeEnrollment(db, orgId, programId, viewer.personId, false))) throw forbidden('Only mentees of this program have inclusion preferences here.');
  return inclusionChoice(db, orgId, programId, viewer.personId);
}

/**
 * A mentee opts in (or out) of having their own consented self-identification count as an
 * inclusion preference: mentors who gave the same answer score higher. Nobody else learns the
 * answer; explanations say only that a preference the mentee opted into is met.
 */
export async function setInclusionChoice(db: Kysely<Database>, orgId: string, programId: string, viewer: MentoringViewer, optIn: boolean) {
  await programFor(db, orgId, programId);
  if (!(await menteeEnrollment(db, orgId, programId, viewer.personId, false))) throw forbidden('Only mentees of this program have inclusion preferences here.');
  if (optIn) {
    const choice = await inclusionChoice(db, orgId, programId, viewer.personId);
    if (!choice.hasSelfIdentification) throw invalidField('optIn', 'needs self-identification answers, given with consent when enrolling');
    await db.insertInto('matching_inclusion_opt_ins').values({ program_id: programId, person_id: viewer.personId, org_id: orgId, opted_in_at: nowIso() })
      .onConflict((oc) => oc.columns(['program_id', 'person_id']).doNothing()).execute();
  } else {
    await db.deleteFrom('matching_inclusion_opt_ins').where('org_id', '=', orgId).where('program_id', '=', programId).where('person_id', '=', viewer.personId).execute();
  }
  return inclusionChoice(db, orgId, programId, viewer.personId);
}
