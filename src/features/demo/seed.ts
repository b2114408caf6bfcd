import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { addMember } from '../members/service.ts';
import { loadAssessmentsDemo } from './assessments.ts';
import { loadCoachingDemo } from './coaching.ts';
import { DEMO_COLLEAGUES } from './colleagues.ts';
import { loadMentoringDemo } from './mentoring.ts';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_PEOPLE } from './people.ts';

export interface DemoSignIn {
  name: string;
  email: string;
  roles: string;
}

export interface DemoResult {
  orgId: string;
  password: string;
  signIns: DemoSignIn[];
}

/** Loads the demo organization; the caller makes sure the database is empty. */
export async function loadDemo(db: Kysely<Database>): Promise<DemoResult> {
  // Every demo account shares one password, so hash it once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const orgId = newId();
    const now = nowIso();
    await trx.insertInto('organizations').values({ id: orgId, name: DEMO_ORGANIZATION.name, default_time_zone: DEMO_ORGANIZATION.defaultTimeZone, created_at: now }).execute();
    const idOf = new Map<string, string>();
    // The showcase people, then sixty colleagues who fill the mentoring program.
    const everyone = [...DEMO_PEOPLE, ...DEMO_COLLEAGUES];
    for (const person of everyone) {
      const id = newId();
      idOf.set(person.key, id);
      await trx.insertInto('people').values({
        id, email: person.email, name: person.name, password_hash: passwordHash, time_zone: person.timeZone,
        languages: JSON.stringify(person.languages), bio: person.bio, created_at: now,
      }).execute();
      await addMember(trx, orgId, id, person.roles, { title: person.title, department: person.department });
    }
    for (const person of everyone) {
      if (!person.managerKey) continue;
      await trx.updateTable('memberships').set({ manager_person_id: idOf.get(person.managerKey)! })
        .where('org_id', '=', orgId).where('person_id', '=', idOf.get(person.key)!).execute();
    }
    await loadCoachingDemo(trx, orgId, idOf);
    await loadMentoringDemo(trx, orgId, idOf);
    await loadAssessmentsDemo(trx, orgId, idOf);
    const showcase = ['admin', 'coach1', 'eng1', 'engdir', 'eng3', 'hrdir', 'fin1'];
    return {
      orgId,
      password: DEMO_PASSWORD,
      signIns: showcase.map((key) => DEMO_PEOPLE.find((person) => person.key === key)!).map((person) => ({
        name: person.name, email: person.email, roles: person.roles.join(', '),
      })),
    };
  });
}
