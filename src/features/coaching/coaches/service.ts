import { sql, type Kysely } from 'kysely';
import { supportsRowLocks } from '../../../db/locking.ts';
import type { Database } from '../../../db/schema.ts';
import { STATES_USING_CAPACITY } from '../../../domain/coaching/engagement-lifecycle.ts';
import { nowIso } from '../../../platform/ids.ts';
import { conflict, invalidField, notFound } from '../../../platform/http/problem.ts';

export interface CoachProfile {
  personId: string;
  name: string;
  title: string;
  timeZone: string;
  languages: string[];
  bio: string;
  specialties: string[];
  approach: string;
  credentialsSummary: string;
  kind: 'internal' | 'external';
  capacity: number;
  acceptingClients: boolean;
  activeClients: number;
  /** Accepting and below capacity. */
  available: boolean;
}

export const DEFAULT_COACH_CAPACITY = 6;

export interface CoachProfileInput {
  specialties?: string[];
  approach?: string;
  credentialsSummary?: string;
  kind?: 'internal' | 'external';
  capacity?: number;
  acceptingClients?: boolean;
}

function coachRows(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('membership_roles as r', (join) => join.onRef('r.org_id', '=', 'm.org_id').onRef('r.person_id', '=', 'm.person_id').on('r.role', '=', 'coach'))
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('coach_profiles as c', (join) => join.onRef('c.org_id', '=', 'm.org_id').onRef('c.person_id', '=', 'm.person_id'))
    .where('m.org_id', '=', orgId)
    .where('m.status', '=', 'active')
    .select([
      'p.id', 'p.name', 'p.time_zone', 'p.languages', 'p.bio', 'm.title',
      'c.specialties', 'c.approach', 'c.credentials_summary', 'c.coach_kind', 'c.capacity', 'c.accepting_clients',
      (eb) => eb.selectFrom('engagements as e').select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.coach_person_id', '=', 'm.person_id').whereRef('e.org_id', '=', 'm.org_id').where('e.kind', '=', 'coaching')
        .where('e.state', 'in', [...STATES_USING_CAPACITY]).as('active_clients'),
    ]);
}

type CoachRow = Awaited<ReturnType<ReturnType<typeof coachRows>['execute']>>[number];

function presentCoach(row: CoachRow): CoachProfile {
  const capacity = row.capacity ?? DEFAULT_COACH_CAPACITY;
  const accepting = row.accepting_clients === null ? true : row.accepting_clients === 1;
  const activeClients = Number(row.active_clients ?? 0);
  return {
    personId: row.id, name: row.name, title: row.title, timeZone: row.time_zone, languages: JSON.parse(row.languages) as string[], bio: row.bio,
    specialties: row.specialties ? (JSON.parse(row.specialties) as string[]) : [], approach: row.approach ?? '', credentialsSummary: row.credentials_summary ?? '',
    kind: row.coach_kind ?? 'internal', capacity, acceptingClients: accepting, activeClients, available: accepting && activeClients < capacity,
  };
}

export async function listCoaches(
  db: Kysely<Database>,
  orgId: string,
  filters: { specialty?: string; language?: string; availableOnly?: boolean; q?: string },
): Promise<CoachProfile[]> {
  const rows = await coachRows(db, orgId).orderBy(sql`lower(p.name)`).execute();
  const specialty = filters.specialty?.toLowerCase();
  const q = filters.q?.toLowerCase();
  return rows.map(presentCoach).filter((coach) =>
    (!specialty || coach.specialties.some((s) => s.toLowerCase().includes(specialty))) &&
    (!filters.language || coach.languages.includes(filters.language)) &&
    (!filters.availableOnly || coach.available) &&
    (!q || `${coach.name} ${coach.bio} ${coach.approach} ${coach.specialties.join(' ')}`.toLowerCase().includes(q)));
}

export async function getCoach(db: Kysely<Database>, orgId: string, personId: string): Promise<CoachProfile> {
  const row = await coachRows(db, orgId).where('m.person_id', '=', personId).executeTakeFirst();
  if (!row) throw notFound('Coach');
  return presentCoach(row);
}

export async function saveCoachProfile(db: Kysely<Database>, orgId: string, personId: string, input: CoachProfileInput): Promise<void> {
  const existing = await db.selectFrom('coach_profiles').selectAll().where('org_id', '=', orgId).where('person_id', '=', personId).executeTakeFirst();
  const next = {
    specialties: JSON.stringify([...new Set((input.specialties ?? (existing ? (JSON.parse(existing.specialties) as string[]) : [])).map((s) => s.trim()).filter(Boolean))]),
    approach: input.approach ?? existing?.approach ?? '',
    credentials_summary: input.credentialsSummary ?? existing?.credentials_summary ?? '',
    coach_kind: input.kind ?? existing?.coach_kind ?? 'internal',
    capacity: input.capacity ?? existing?.capacity ?? DEFAULT_COACH_CAPACITY,
    accepting_clients: input.acceptingClients === undefined ? (existing?.accepting_clients ?? 1) : Number(input.acceptingClients),
    updated_at: nowIso(),
  };
  if (existing) {
    await db.updateTable('coach_profiles').set(next).where('org_id', '=', orgId).where('person_id', '=', personId).execute();
  } else {
    await db.insertInto('coach_profiles').values({ org_id: orgId, person_id: personId, ...next }).execute();
  }
}

/**
 * Refuses when the coach has no free slot. Called inside the transaction that takes the slot;
 * on PostgreSQL the coach's profile row is locked first so concurrent accepts queue behind it.
 */
export async function assertCoachHasSlot(db: Kysely<Database>, orgId: string, coachPersonId: string, field = 'coachPersonId'): Promise<void> {
  if (supportsRowLocks(db)) {
    const exists = await db.selectFrom('coach_profiles').select('person_id').where('org_id', '=', orgId).where('person_id', '=', coachPersonId).forUpdate().executeTakeFirst();
    if (!exists) {
      // Make a profile row to lock on, so the slot check below is serialized too.
      await db.insertInto('coach_profiles').values({
        org_id: orgId, person_id: coachPersonId, specialties: '[]', approach: '', credentials_summary: '', coach_kind: 'internal',
        capacity: DEFAULT_COACH_CAPACITY, accepting_clients: 1, updated_at: nowIso(),
      }).onConflict((oc) => oc.columns(['org_id', 'person_id']).doNothing()).execute();
      await db.selectFrom('coach_profiles').select('person_id').where('org_id', '=', orgId).where('person_id', '=', coachPersonId).forUpdate().execute();
    }
  }
  const coach = await coachRows(db, orgId).where('m.person_id', '=', coachPersonId).executeTakeFirst();
  if (!coach) throw invalidField(field, 'must be an active coach in this organization');
  const profile = presentCoach(coach);
  if (profile.activeClients >= profile.capacity) {
    throw conflict(`${profile.name} has no free coaching slot (${profile.activeClients} of ${profile.capacity} clients).`);
  }
}

export async function assertAcceptingClients(db: Kysely<Database>, orgId: string, coachPersonId: string): Promise<void> {
  const coach = await getCoach(db, orgId, coachPersonId).catch(() => null);
  if (!coach) throw invalidField('coachPersonId', 'must be an active coach in this organization');
  if (!coach.acceptingClients) throw conflict(`${coach.name} is not taking new clients at the moment.`);
  if (!coach.available) throw conflict(`${coach.name} has no free coaching slot (${coach.activeClients} of ${coach.capacity} clients).`);
}
