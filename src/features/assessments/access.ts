import type { Kysely, Selectable } from 'kysely';
import { supportsRowLocks } from '../../db/locking.ts';
import type { AssessmentAttemptTable, Database } from '../../db/schema.ts';
import type { EngagementActor } from '../../domain/coaching/engagement-lifecycle.ts';
import type { Instrument } from '../../domain/assessments/instrument.ts';
import type { Scores } from '../../domain/assessments/scoring.ts';
import { forbidden, notFound, Problem } from '../../platform/http/problem.ts';
import { loadEngagement, type EngagementInView, type Viewer } from '../coaching/engagement-access.ts';
import { instruments } from './registry.ts';

export type AttemptRow = Selectable<AssessmentAttemptTable>;

/**
 * How a viewer may see an attempt. `owner`: everything, answers included. `coach`: the coach of the
 * engagement it was taken within (or assigned through) sees its progress and scores, never the
 * item answers. `shared`: someone the owner shared a completed result with sees the scores.
 */
export type AttemptAccess = 'owner' | 'coach' | 'shared';

/** The engagement as the viewer may see it, or null (not found, or no part in it): never throws for access. */
export async function engagementInView(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer): Promise<EngagementInView | null> {
  try {
    return await loadEngagement(db, orgId, engagementId, viewer, 'viewOverview');
  } catch (error) {
    if (error instanceof Problem && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/** The viewer's parts in an engagement (coach, client, sponsor, admin), or none. */
export async function engagementParts(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer): Promise<EngagementActor[]> {
  return (await engagementInView(db, orgId, engagementId, viewer))?.actors ?? [];
}

/**
 * Loads an attempt for a viewer. Someone it is not visible to gets "not found", exactly as for an
 * attempt that does not exist; `ownerOnly` actions refuse the coach and sharers with 403.
 */
export async function loadAttempt(
  db: Kysely<Database>, orgId: string, attemptId: string, viewer: Viewer, options: { ownerOnly?: string; forUpdate?: boolean } = {},
): Promise<{ row: AttemptRow; access: AttemptAccess }> {
  let query = db.selectFrom('assessment_attempts').selectAll().where('org_id', '=', orgId).where('id', '=', attemptId);
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Assessment attempt');
  const access = await accessTo(db, row, viewer);
  if (!access) throw notFound('Assessment attempt');
  if (options.ownerOnly && access !== 'owner') throw forbidden(`Only the person who took this assessment may ${options.ownerOnly}.`);
  return { row, access };
}

async function accessTo(db: Kysely<Database>, row: AttemptRow, viewer: Viewer): Promise<AttemptAccess | null> {
  if (row.person_id === viewer.personId) return 'owner';
  if (row.engagement_id && (await engagementParts(db, row.org_id, row.engagement_id, viewer)).includes('coach')) return 'coach';
  if (row.status === 'completed') {
    const share = await db.selectFrom('assessment_shares').select('person_id').where('attempt_id', '=', row.id).where('person_id', '=', viewer.personId).executeTakeFirst();
    if (share) return 'shared';
  }
  return null;
}

export function instrumentOf(row: Pick<AttemptRow, 'instrument_id' | 'instrument_version'>): Instrument {
  const instrument = instruments().version(row.instrument_id, row.instrument_version);
  // Versions are never removed (registry.ts); a missing one is a broken installation, not bad input.
  if (!instrument) throw new Error(`instrument ${row.instrument_id} version ${row.instrument_version} is not installed`);
  return instrument;
}

export const parseObject = <T>(text: string | null): T => (text ? JSON.parse(text) : {}) as T;

export interface AttemptView {
  id: string;
  instrument: { id: string; version: number; name: string; chart: string };
  person: { personId: string; name: string };
  status: 'in_progress' | 'completed';
  engagementId: string | null;
  assignmentId: string | null;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  progress: { answered: number; total: number };
  answers: Record<string, number> | null;
  itemLabels: Record<string, string>;
  scores: Scores | null;
  sharedWith: { personId: string; name: string }[] | null;
  yourAccess: AttemptAccess;
}

/** What leaves the server about an attempt: item answers and sharing to the owner only. */
export async function presentAttempts(db: Kysely<Database>, rows: AttemptRow[], accessOf: (row: AttemptRow) => AttemptAccess): Promise<AttemptView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const shares = await db.selectFrom('assessment_shares as s').innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.attempt_id', 's.person_id', 'p.name']).where('s.attempt_id', 'in', ids).orderBy('p.name').execute();
  const people = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((row) => row.person_id))]).execute();
  const names = new Map(people.map((person) => [person.id, person.name]));
  return rows.map((row) => {
    const access = accessOf(row);
    const instrument = instrumentOf(row);
    const answers = parseObject<Record<string, number>>(row.answers);
    return {
      id: row.id,
      instrument: { id: instrument.id, version: instrument.version, name: instrument.name, chart: instrument.chart },
      person: { personId: row.person_id, name: names.get(row.person_id) ?? '' },
      status: row.status,
      engagementId: row.engagement_id,
      assignmentId: row.assignment_id,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
      completedAt: row.completed_at,
      progress: { answered: instrument.items.filter((item) => answers[item.id] !== undefined).length, total: instrument.items.length },
      answers: access === 'owner' ? answers : null,
      itemLabels: parseObject<Record<string, string>>(row.item_labels),
      scores: row.status === 'completed' ? parseObject<Scores>(row.scores) : null,
      sharedWith: access === 'owner' ? shares.filter((s) => s.attempt_id === row.id).map((s) => ({ personId: s.person_id, name: s.name })) : null,
      yourAccess: access,
    };
  });
}
