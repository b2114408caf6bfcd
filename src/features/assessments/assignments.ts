import type { Kysely, Selectable } from 'kysely';
import type { AssessmentAssignmentTable, Database } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { CairnConfig } from '../../platform/config.ts';
import { conflict, invalidField } from '../../platform/http/problem.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { loadEngagement, type Viewer } from '../coaching/engagement-access.ts';
import { instrumentOf, presentAttempts, type AttemptView } from './access.ts';
import { historyOf, instrumentSummary } from './service.ts';
import { instruments } from './registry.ts';

/*
 * A coach assigns an instrument to the client of an engagement. What the client then takes for it
 * is visible to that coach (scores, never item answers); nothing else of the client's is.
 */
export interface AssignmentView {
  id: string;
  engagementId: string;
  instrument: { id: string; name: string; chart: string };
  client: { personId: string; name: string };
  assignedBy: { personId: string; name: string };
  note: string;
  dueOn: string | null;
  createdAt: string;
  status: 'not_started' | 'in_progress' | 'completed';
  attemptId: string | null;
}

async function presentAssignments(db: Kysely<Database>, rows: Selectable<AssessmentAssignmentTable>[]): Promise<AssignmentView[]> {
  if (rows.length === 0) return [];
  const people = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...new Set(rows.flatMap((r) => [r.client_person_id, r.assigned_by_person_id]))]).execute();
  const names = new Map(people.map((p) => [p.id, p.name]));
  const attempts = await db.selectFrom('assessment_attempts').select(['id', 'assignment_id', 'status', 'started_at'])
    .where('assignment_id', 'in', rows.map((r) => r.id)).orderBy('started_at', 'desc').execute();
  return rows.map((row) => {
    const instrument = instruments().latest(row.instrument_id);
    // The latest attempt for the assignment tells its state.
    const attempt = attempts.find((a) => a.assignment_id === row.id);
    return {
      id: row.id, engagementId: row.engagement_id,
      instrument: { id: row.instrument_id, name: instrument?.name ?? row.instrument_id, chart: instrument?.chart ?? 'bars' },
      client: { personId: row.client_person_id, name: names.get(row.client_person_id) ?? '' },
      assignedBy: { personId: row.assigned_by_person_id, name: names.get(row.assigned_by_person_id) ?? '' },
      note: row.note, dueOn: row.due_on, createdAt: row.created_at,
      status: attempt ? attempt.status : 'not_started', attemptId: attempt?.id ?? null,
    };
  });
}

export interface AssignInput {
  instrumentId: string;
  note?: string;
  dueOn?: string;
}

export async function assignInstrument(
  db: Kysely<Database>, mailer: Mailer, config: CairnConfig, orgId: string, engagementId: string, viewer: Viewer, input: AssignInput,
): Promise<string> {
  // Only the coach of this engagement (or the mentor, in a relationship that borrows coaching tools).
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'writeObservation');
  if (!['agreed', 'active'].includes(engagement.state)) throw conflict(`Assessments can be assigned in an agreed or active engagement; this one is ${engagement.state.replace('_', ' ')}.`);
  const instrument = instruments().latest(input.instrumentId);
  if (!instrument) throw invalidField('instrumentId', 'is not an instrument Cairn offers');
  const id = newId();
  await db.insertInto('assessment_assignments').values({
    id, org_id: orgId, engagement_id: engagementId, client_person_id: engagement.row.client_person_id, assigned_by_person_id: viewer.personId,
    instrument_id: instrument.id, note: input.note?.trim() ?? '', due_on: input.dueOn ?? null, created_at: nowIso(),
  }).execute();
  const people = await db.selectFrom('people').select(['id', 'name', 'email']).where('id', 'in', [viewer.personId, engagement.row.client_person_id]).execute();
  const coach = people.find((p) => p.id === viewer.personId)!;
  const client = people.find((p) => p.id === engagement.row.client_person_id)!;
  await mailer.queue(db, {
    orgId, to: client.email,
    subject: `${coach.name} asked you to take: ${instrument.name}`,
    text: `Hello ${client.name},\n\n${coach.name} asked you to take “${instrument.name}” (about ${instrument.minutes} minutes)${input.dueOn ? ` by ${input.dueOn}` : ''}.`
      + `${input.note?.trim() ? `\n\n“${input.note.trim()}”` : ''}\n\nYour progress is saved as you go. Your results are visible to you and to ${coach.name} only, unless you share them.\n\n${config.publicUrl}/orgs/${orgId}/assessments\n`,
  });
  return id;
}

export async function assignmentById(db: Kysely<Database>, id: string): Promise<AssignmentView> {
  const row = await db.selectFrom('assessment_assignments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await presentAssignments(db, [row]))[0]!;
}

/** What coaches asked the viewer to take. */
export async function myAssignments(db: Kysely<Database>, orgId: string, viewer: Viewer): Promise<AssignmentView[]> {
  const rows = await db.selectFrom('assessment_assignments').selectAll().where('org_id', '=', orgId).where('client_person_id', '=', viewer.personId)
    .orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
  return presentAssignments(db, rows);
}

export interface EngagementAssessments {
  assignments: AssignmentView[];
  results: AttemptView[];
  /** Per instrument, the completed results over time (for the comparison charts). */
  history: ({ instrument: ReturnType<typeof instrumentSummary>; scale: { min: number; max: number } } & ReturnType<typeof historyOf>)[];
}

/**
 * The engagement's assessments as its coach or client sees them: the assignments, and the client's
 * results taken within this engagement or shared with the viewer. No one else (the sponsor and the
 * admin included) sees them here.
 */
export async function engagementAssessments(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer): Promise<EngagementAssessments> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewContent');
  const isCoach = engagement.actors.includes('coach');
  const isClient = engagement.actors.includes('client');
  const clientId = engagement.row.client_person_id;
  const assignments = await db.selectFrom('assessment_assignments').selectAll().where('engagement_id', '=', engagementId).orderBy('created_at', 'desc').orderBy('id').execute();
  const rows = await db.selectFrom('assessment_attempts as a').selectAll('a').where('a.org_id', '=', orgId).where('a.person_id', '=', clientId)
    .where((eb) => eb.or([
      eb('a.engagement_id', '=', engagementId),
      eb.and([eb('a.status', '=', 'completed'), eb.exists(eb.selectFrom('assessment_shares as s').select('s.person_id').whereRef('s.attempt_id', '=', 'a.id').where('s.person_id', '=', viewer.personId))]),
    ]))
    .orderBy('a.started_at', 'desc').orderBy('a.id').limit(200).execute();
  if (isCoach && !isClient && rows.some((row) => row.status === 'completed')) {
    await recordAudit(db, {
      orgId, actorPersonId: viewer.personId, action: 'confidential.read', subjectType: 'engagement', subjectId: engagementId, ip: viewer.ip ?? null,
      detail: { what: 'assessment_results', attemptIds: rows.filter((r) => r.status === 'completed').map((r) => r.id) },
    });
  }
  const results = await presentAttempts(db, rows, (row) => (isClient ? 'owner' : isCoach && row.engagement_id === engagementId ? 'coach' : 'shared'));
  const byInstrument = new Map<string, typeof rows>();
  for (const row of rows.filter((r) => r.status === 'completed')) byInstrument.set(row.instrument_id, [...(byInstrument.get(row.instrument_id) ?? []), row]);
  const history = [...byInstrument.entries()].map(([, list]) => {
    const instrument = instrumentOf(list[0]!);
    const latest = instruments().latest(instrument.id) ?? instrument;
    return { instrument: instrumentSummary(latest), scale: latest.scale, ...historyOf(list) };
  });
  return { assignments: await presentAssignments(db, assignments), results, history };
}
