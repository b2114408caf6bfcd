import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../../domain/mentoring/relationship-lifecycle.ts';
import { nowIso } from '../../../platform/ids.ts';
import { notFound } from '../../../platform/http/problem.ts';

/** Mentors who opt in to organic mentoring: what they offer, and whether they have room. */
export interface MentorListing {
  personId: string;
  name: string;
  title: string;
  department: string;
  timeZone: string;
  languages: string[];
  expertise: string[];
  askMeAbout: string;
  availability: string;
  capacity: number;
  paused: boolean;
  activeMentees: number;
  openPlaces: number;
}

function listingRows(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('mentor_listings as l')
    .innerJoin('memberships as m', (join) => join.onRef('m.org_id', '=', 'l.org_id').onRef('m.person_id', '=', 'l.person_id'))
    .innerJoin('people as p', 'p.id', 'l.person_id')
    .select([
      'l.person_id', 'p.name', 'm.title', 'm.department', 'p.time_zone', 'p.languages', 'l.expertise', 'l.ask_me_about', 'l.availability', 'l.capacity', 'l.paused',
      (eb) => eb.selectFrom('mentoring_relationships as r').select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('r.mentor_person_id', '=', 'l.person_id').whereRef('r.org_id', '=', 'l.org_id').where('r.program_id', 'is', null)
        .where('r.state', 'in', [...STATES_USING_MENTOR_CAPACITY]).as('active'),
    ])
    .where('l.org_id', '=', orgId)
    .where('m.status', '=', 'active');
}

type Row = Awaited<ReturnType<ReturnType<typeof listingRows>['execute']>>[number];
const present = (row: Row): MentorListing => {
  const active = Number(row.active ?? 0);
  return {
    personId: row.person_id, name: row.name, title: row.title, department: row.department, timeZone: row.time_zone, languages: JSON.parse(row.languages) as string[],
    expertise: JSON.parse(row.expertise) as string[], askMeAbout: row.ask_me_about, availability: row.availability, capacity: row.capacity, paused: row.paused === 1,
    activeMentees: active, openPlaces: row.paused === 1 ? 0 : Math.max(0, row.capacity - active),
  };
};

export async function listMentors(db: Kysely<Database>, orgId: string, filters: { q?: string; expertise?: string; withRoom?: boolean }) {
  const rows = (await listingRows(db, orgId).orderBy(sql`lower(p.name)`).execute()).map(present);
  const q = filters.q?.toLowerCase();
  const expertise = filters.expertise?.toLowerCase();
  return rows.filter((m) => !m.paused || !filters.withRoom)
    .filter((m) => !filters.withRoom || m.openPlaces > 0)
    .filter((m) => !expertise || m.expertise.some((e) => e.toLowerCase().includes(expertise)))
    .filter((m) => !q || `${m.name} ${m.title} ${m.askMeAbout} ${m.expertise.join(' ')}`.toLowerCase().includes(q));
}

export async function getListing(db: Kysely<Database>, orgId: string, personId: string): Promise<MentorListing> {
  const row = await listingRows(db, orgId).where('l.person_id', '=', personId).executeTakeFirst();
  if (!row) throw notFound('Mentor');
  return present(row);
}

export async function saveListing(
  db: Kysely<Database>, orgId: string, personId: string,
  input: { expertise: string[]; askMeAbout: string; availability: string; capacity: number; paused?: boolean },
): Promise<void> {
  const values = {
    expertise: JSON.stringify([...new Set(input.expertise.map((e) => e.trim()).filter(Boolean))]), ask_me_about: input.askMeAbout.trim(),
    availability: input.availability.trim(), capacity: input.capacity, paused: input.paused ? 1 : 0, updated_at: nowIso(),
  };
  await db.insertInto('mentor_listings').values({ org_id: orgId, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'person_id']).doUpdateSet(values)).execute();
}

export async function removeListing(db: Kysely<Database>, orgId: string, personId: string): Promise<void> {
  await db.deleteFrom('mentor_listings').where('org_id', '=', orgId).where('person_id', '=', personId).execute();
}
