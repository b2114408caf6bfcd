import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Database } from '../../db/schema.ts';
import { compareOverTime, type History } from '../../domain/assessments/history.ts';
import type { Instrument } from '../../domain/assessments/instrument.ts';
import { checkItemLabels, checkResponses, missingItems, scoreResponses, type Scores } from '../../domain/assessments/scoring.ts';
import { recordAudit } from '../../platform/audit.ts';
import { badRequest, conflict, invalidField, notFound } from '../../platform/http/problem.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { Viewer } from '../coaching/engagement-access.ts';
import { membershipStatus } from '../members/service.ts';
import { engagementParts, instrumentOf, loadAttempt, parseObject, presentAttempts, type AttemptRow, type AttemptView } from './access.ts';
import { instruments } from './registry.ts';

export function instrumentSummary(instrument: Instrument) {
  return {
    id: instrument.id, version: instrument.version, name: instrument.name, description: instrument.description, chart: instrument.chart,
    itemCount: instrument.items.length, minutes: instrument.minutes, customizableItemLabels: instrument.customizableItemLabels, usableIn360: instrument.usableIn360,
    subscales: instrument.subscales.map((s) => ({ id: s.id, name: s.name })), source: instrument.source,
  };
}

/** Everything needed to take and read an instrument. Which items are reverse-keyed is not shown to the person taking it. */
export function instrumentDetail(instrument: Instrument) {
  return {
    ...instrumentSummary(instrument),
    instructions: instrument.instructions,
    scale: instrument.scale,
    items: instrument.items.map((item) => ({ id: item.id, text: item.text, subscale: item.subscale })),
    subscales: instrument.subscales.map((s) => ({ id: s.id, name: s.name, description: s.description, scoring: s.scoring, bands: s.bands })),
    total: instrument.total,
  };
}

export function findInstrument(id: string, version?: number): Instrument {
  const instrument = version === undefined ? instruments().latest(id) : instruments().version(id, version);
  if (!instrument) throw notFound('Instrument');
  return instrument;
}

function requireInstrument(id: string, field = 'instrumentId'): Instrument {
  const instrument = instruments().latest(id);
  if (!instrument) throw invalidField(field, 'is not an instrument Cairn offers');
  return instrument;
}

export interface StartInput {
  instrumentId: string;
  engagementId?: string;
  assignmentId?: string;
}

/**
 * Starts an attempt, or resumes the one in progress for the same instrument (one at a time, so
 * progress is never split). Taking it within an engagement (or for an assignment) makes it
 * visible to that engagement's coach; the person chooses, as the client of that engagement.
 */
export async function startAttempt(db: Kysely<Database>, orgId: string, viewer: Viewer, input: StartInput): Promise<{ attemptId: string; resumed: boolean }> {
  const instrument = requireInstrument(input.instrumentId);
  let engagementId: string | null = null;
  let assignmentId: string | null = null;
  if (input.assignmentId) {
    const assignment = await db.selectFrom('assessment_assignments').selectAll().where('org_id', '=', orgId).where('id', '=', input.assignmentId)
      .where('client_person_id', '=', viewer.personId).executeTakeFirst();
    if (!assignment) throw invalidField('assignmentId', 'is not an assignment of yours');
    if (assignment.instrument_id !== instrument.id) throw invalidField('instrumentId', `must be the assigned instrument (${assignment.instrument_id})`);
    if (input.engagementId && input.engagementId !== assignment.engagement_id) throw invalidField('engagementId', 'must be the engagement of the assignment');
    engagementId = assignment.engagement_id;
    assignmentId = assignment.id;
  } else if (input.engagementId) {
    if (!(await engagementParts(db, orgId, input.engagementId, viewer)).includes('client')) throw invalidField('engagementId', 'must be an engagement in which you are the client');
    engagementId = input.engagementId;
  }

  const open = await db.selectFrom('assessment_attempts').selectAll().where('org_id', '=', orgId).where('person_id', '=', viewer.personId)
    .where('instrument_id', '=', instrument.id).where('status', '=', 'in_progress').executeTakeFirst();
  if (open) {
    if (engagementId && open.engagement_id && open.engagement_id !== engagementId) {
      throw conflict('You have this assessment in progress within another engagement: finish or discard it first.');
    }
    if (engagementId && (open.engagement_id !== engagementId || (assignmentId && open.assignment_id !== assignmentId))) {
      await db.updateTable('assessment_attempts').set({ engagement_id: engagementId, assignment_id: assignmentId ?? open.assignment_id, updated_at: nowIso() })
        .where('id', '=', open.id).execute();
    }
    return { attemptId: open.id, resumed: true };
  }
  const id = newId();
  const now = nowIso();
  try {
    await db.insertInto('assessment_attempts').values({
      id, org_id: orgId, person_id: viewer.personId, instrument_id: instrument.id, instrument_version: instrument.version, engagement_id: engagementId,
      assignment_id: assignmentId, status: 'in_progress', answers: '{}', item_labels: '{}', scores: null, started_at: now, updated_at: now, completed_at: null,
    }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('This assessment was just started from another window: reload to resume it.');
    throw error;
  }
  return { attemptId: id, resumed: false };
}

export interface AnswerInput {
  answers?: Record<string, number | null>;
  itemLabels?: Record<string, string | null>;
}

/** Saves answers as the person goes: merged into what is saved, null clears one. Validated item by item. */
export async function saveAnswers(db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer, input: AnswerInput): Promise<void> {
  const { row } = await loadAttempt(db, orgId, attemptId, viewer, { ownerOnly: 'answer it', forUpdate: true });
  if (row.status !== 'in_progress') throw conflict('This assessment is completed; start a new attempt to take it again.');
  const instrument = instrumentOf(row);
  const problems = [
    ...checkResponses(instrument, input.answers ?? {}).map((p) => ({ field: `answers.${p.itemId}`, message: p.message })),
    ...checkItemLabels(instrument, input.itemLabels ?? {}).map((p) => ({ field: `itemLabels.${p.itemId}`, message: p.message })),
  ];
  if (problems.length) throw badRequest(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  const answers = parseObject<Record<string, number>>(row.answers);
  for (const [itemId, value] of Object.entries(input.answers ?? {})) {
    if (value === null) delete answers[itemId];
    else answers[itemId] = value;
  }
  const labels = parseObject<Record<string, string>>(row.item_labels);
  for (const [itemId, label] of Object.entries(input.itemLabels ?? {})) {
    if (label === null || !label.trim()) delete labels[itemId];
    else labels[itemId] = label.trim();
  }
  await db.updateTable('assessment_attempts').set({ answers: JSON.stringify(answers), item_labels: JSON.stringify(labels), updated_at: nowIso() })
    .where('id', '=', row.id).execute();
}

/** Scores the attempt with the instrument version it was started with, and keeps the scores. */
export async function completeAttempt(db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer): Promise<void> {
  const { row } = await loadAttempt(db, orgId, attemptId, viewer, { ownerOnly: 'complete it', forUpdate: true });
  if (row.status !== 'in_progress') throw conflict('This assessment is already completed.');
  const instrument = instrumentOf(row);
  const answers = parseObject<Record<string, number>>(row.answers);
  const missing = missingItems(instrument, answers);
  if (missing.length) {
    const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
    throw invalidField('answers', `must answer every item before completing (${missing.length} unanswered: ${shown})`);
  }
  const scores = scoreResponses(instrument, answers, parseObject<Record<string, string>>(row.item_labels));
  const now = nowIso();
  await db.updateTable('assessment_attempts').set({ status: 'completed', scores: JSON.stringify(scores), completed_at: now, updated_at: now }).where('id', '=', row.id).execute();
}

/** A person may delete any attempt of their own, with its shares: the results are theirs. */
export async function deleteAttempt(db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer): Promise<void> {
  const { row } = await loadAttempt(db, orgId, attemptId, viewer, { ownerOnly: 'delete it', forUpdate: true });
  await db.deleteFrom('assessment_shares').where('attempt_id', '=', row.id).execute();
  await db.deleteFrom('assessment_attempts').where('id', '=', row.id).execute();
}

export async function attemptDetail(db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer): Promise<AttemptView> {
  const { row, access } = await loadAttempt(db, orgId, attemptId, viewer);
  if (access === 'coach') {
    await recordAudit(db, {
      orgId, actorPersonId: viewer.personId, action: 'confidential.read', subjectType: 'assessment_attempt', subjectId: row.id, ip: viewer.ip ?? null,
      detail: { what: 'assessment_result', instrumentId: row.instrument_id, engagementId: row.engagement_id },
    });
  }
  return (await presentAttempts(db, [row], () => access))[0]!;
}

export async function myAttempts(db: Kysely<Database>, orgId: string, viewer: Viewer, filter: { instrumentId?: string; status?: 'in_progress' | 'completed' }): Promise<AttemptView[]> {
  let query = db.selectFrom('assessment_attempts').selectAll().where('org_id', '=', orgId).where('person_id', '=', viewer.personId);
  if (filter.instrumentId) query = query.where('instrument_id', '=', filter.instrumentId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('started_at', 'desc').orderBy('id').limit(200).execute();
  return presentAttempts(db, rows, () => 'owner');
}

export function historyOf(rows: AttemptRow[]): History {
  return compareOverTime(rows.filter((row) => row.status === 'completed').map((row) => ({ attemptId: row.id, completedAt: row.completed_at!, scores: parseObject<Scores>(row.scores) })));
}

export async function myHistory(db: Kysely<Database>, orgId: string, viewer: Viewer, instrumentId: string) {
  const instrument = findInstrument(instrumentId);
  const rows = await db.selectFrom('assessment_attempts').selectAll().where('org_id', '=', orgId).where('person_id', '=', viewer.personId)
    .where('instrument_id', '=', instrument.id).where('status', '=', 'completed').orderBy('completed_at').limit(100).execute();
  return { instrument: instrumentSummary(instrument), scale: instrument.scale, ...historyOf(rows) };
}

/** Shares a completed result with another active member of the organization. */
export async function shareAttempt(db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer, personId: string): Promise<void> {
  const { row } = await loadAttempt(db, orgId, attemptId, viewer, { ownerOnly: 'share it', forUpdate: true });
  if (row.status !== 'completed') throw conflict('Only a completed result can be shared.');
  if (personId === viewer.personId) throw invalidField('path.personId', 'must be someone other than you');
  if ((await membershipStatus(db, orgId, personId)) !== 'active') throw invalidField('path.personId', 'must be an active member of this organization');
  await db.insertInto('assessment_shares').values({ attempt_id: row.id, org_id: orgId, person_id: personId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['attempt_id', 'person_id']).doNothing()).execute();
}

export async function unshareAttempt(db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer, personId: string): Promise<void> {
  const { row } = await loadAttempt(db, orgId, attemptId, viewer, { ownerOnly: 'change its sharing' });
  await db.deleteFrom('assessment_shares').where('attempt_id', '=', row.id).where('person_id', '=', personId).execute();
}

export async function sharedWithMe(db: Kysely<Database>, orgId: string, viewer: Viewer): Promise<AttemptView[]> {
  const rows = await db.selectFrom('assessment_attempts as a').innerJoin('assessment_shares as s', 's.attempt_id', 'a.id').selectAll('a')
    .where('a.org_id', '=', orgId).where('s.person_id', '=', viewer.personId).where('a.status', '=', 'completed')
    .orderBy('a.completed_at', 'desc').orderBy('a.id').limit(200).execute();
  return presentAttempts(db, rows, () => 'shared');
}
