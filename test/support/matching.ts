import type { Role } from '../../src/domain/roles.ts';
import { createProgram, enroll, type QuestionInput } from '../../src/features/mentoring/programs/service.ts';
import type { TestApp } from './app.ts';
import { buildMember, buildOrganization, signedIn, type BuiltPerson } from './factories.ts';
import type { ApiClient } from './app.ts';

/*
 * A program ready to match, made fast through the services (no browser, no sign-in per person):
 * the questions the engine reads and people enrolled with answers, so each test states only the
 * profiles that matter to it.
 */

export interface Profile {
  name: string;
  skills?: string[];
  goals?: string[];
  interests?: string[];
  fn?: string;
  years?: number;
  languages?: string[];
  timeZone?: string;
  capacity?: number;
  /** Consented self-identification (the program's one identity question). */
  identity?: string;
  /** Mentees: functions they would like their mentor to come from, experience at least, a language the mentor must speak. */
  wants?: { mentors?: string[]; functions?: string[]; minYears?: number; language?: string };
  roles?: Role[];
}

export const MATCHING_QUESTIONS: readonly QuestionInput[] = [
  { fieldType: 'skills_offered', label: 'Skills you can help with', askedOf: 'mentor' },
  { fieldType: 'skills_wanted', label: 'Skills you want to build', askedOf: 'mentee' },
  { fieldType: 'goals', label: 'Goals', askedOf: 'both' },
  { fieldType: 'interests', label: 'Interests', askedOf: 'both' },
  { fieldType: 'function', label: 'Function', askedOf: 'both' },
  { fieldType: 'years_experience', label: 'Years of experience', askedOf: 'both' },
  { fieldType: 'languages', label: 'Languages', askedOf: 'both' },
  { fieldType: 'time_zone', label: 'Time zone', askedOf: 'both' },
  { fieldType: 'self_identification', label: 'Do you identify as under-represented in your field?', askedOf: 'both', required: false, options: ['Yes', 'No'] },
  { fieldType: 'preferred_mentors', label: 'Mentors you would like', askedOf: 'mentee', required: false },
  { fieldType: 'mentor_functions', label: 'Functions you would like your mentor to come from', askedOf: 'mentee', required: false },
  { fieldType: 'mentor_min_years', label: 'Years of experience you would like your mentor to have', askedOf: 'mentee', required: false },
  { fieldType: 'mentor_language', label: 'A language your mentor must speak', askedOf: 'mentee', required: false },
];

export interface MatchingOrg {
  orgId: string;
  programId: string;
  admin: { person: BuiltPerson; as: ApiClient };
  questions: Map<string, string>;
  people: Map<string, BuiltPerson>;
  t: TestApp;
}

/** `apiClient: false` in browser tests, whose factory app has no in-process client (the admin signs in through the page). */
export async function buildMatchingProgram(t: TestApp, options: { pairingMode?: 'admin_assigns' | 'mentee_choice'; defaultMentorCapacity?: number; orgId?: string; name?: string; apiClient?: boolean } = {}): Promise<MatchingOrg> {
  const orgId = options.orgId ?? await buildOrganization(t);
  const adminPerson = await buildMember(t, orgId, ['admin'], { name: 'Ada Admin' });
  const programId = await createProgram(t.context.db, orgId, { personId: adminPerson.id, orgRoles: ['admin'] }, {
    name: options.name ?? 'Northwind Growth', purpose: 'career_growth', enrollmentWindow: 'always', cadenceDays: 14, suggestedLengthWeeks: 26, reviewEveryWeeks: 12,
    defaultMentorCapacity: options.defaultMentorCapacity ?? 2, pairingMode: options.pairingMode ?? 'admin_assigns', enrollmentApproval: 'automatic',
    questions: MATCHING_QUESTIONS.map((q) => ({ ...q })),
  });
  const questions = new Map((await t.context.db.selectFrom('program_questions').select(['id', 'field_type']).where('program_id', '=', programId).execute()).map((q) => [q.field_type, q.id]));
  return { orgId, programId, admin: { person: adminPerson, as: options.apiClient === false ? (null as unknown as ApiClient) : await signedIn(t, adminPerson) }, questions, people: new Map(), t };
}

/** Makes a member (or reuses one by name) and enrolls them on one side with answers. */
export async function enrollProfile(org: MatchingOrg, side: 'mentor' | 'mentee', profile: Profile): Promise<BuiltPerson> {
  const person = org.people.get(profile.name) ?? await buildMember(org.t, org.orgId, profile.roles ?? [side === 'mentor' ? 'mentor' : 'member'], { name: profile.name });
  org.people.set(profile.name, person);
  const q = (type: string) => org.questions.get(type)!;
  const answers: Record<string, string | number | string[]> = {};
  if (profile.skills) answers[q(side === 'mentor' ? 'skills_offered' : 'skills_wanted')] = profile.skills;
  if (profile.goals) answers[q('goals')] = profile.goals;
  if (profile.interests) answers[q('interests')] = profile.interests;
  if (profile.fn) answers[q('function')] = profile.fn;
  if (profile.years !== undefined) answers[q('years_experience')] = profile.years;
  answers[q('languages')] = profile.languages ?? ['en'];
  answers[q('time_zone')] = profile.timeZone ?? 'Europe/London';
  if (profile.wants?.mentors) answers[q('preferred_mentors')] = profile.wants.mentors;
  if (profile.wants?.functions) answers[q('mentor_functions')] = profile.wants.functions;
  if (profile.wants?.minYears !== undefined) answers[q('mentor_min_years')] = profile.wants.minYears;
  if (profile.wants?.language) answers[q('mentor_language')] = profile.wants.language;
  await enroll(org.t.context.db, org.orgId, org.programId, { personId: person.id, orgRoles: ['member'] }, {
    sides: [side], answers, capacity: side === 'mentor' ? profile.capacity : undefined,
    ...(profile.identity ? { identity: { [q('self_identification')]: profile.identity }, identityConsent: true } : {}),
  });
  return person;
}

export const matchingUrl = (org: { orgId: string; programId: string }, rest = '') => `/api/orgs/${org.orgId}/mentoring/programs/${org.programId}/matching${rest}`;
