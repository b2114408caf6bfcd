import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MatchingConstraints, MatchingInput, MatchingProfile, PairRef } from '../../domain/matching/index.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../domain/mentoring/relationship-lifecycle.ts';
import { engineConfig, type MatchingSettings } from './settings.ts';

/*
 * From a program's tables to the engine's plain input: approved enrollments' answers (read by
 * each question's field type) with the person's profile and membership as fallbacks, and the hard
 * constraints (published pairs, pairs declined or concluded before, admin exclusions, paused
 * mentors, capacities, the reporting line). Self-identification is read for one use only: the
 * inclusion preferences of mentees who opted in. It goes to the engine as opaque tokens and never
 * into anything this feature returns.
 */

export interface ProgramRow {
  id: string;
  org_id: string;
  name: string;
  pairing_mode: string;
  default_mentor_capacity: number;
}

export interface PersonFacts { name: string; title: string; department: string }

export interface ProgramMatchingData {
  input: MatchingInput;
  people: Map<string, PersonFacts>;
  menteeIds: Set<string>;
  mentorIds: Set<string>;
  /** Published (running) pairs of the program. */
  published: PairRef[];
  pendingEnrollments: number;
  /** Approved mentees whose answers give the engine nothing to weigh (no skills, goals or interests). */
  emptyMentees: number;
  pausedMentors: number;
}

type Answer = string | number | string[] | null | undefined;

function list(value: Answer): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
  return [];
}

function text(value: Answer): string | null {
  if (Array.isArray(value)) return value[0]?.trim() || null;
  if (value === null || value === undefined) return null;
  return String(value).trim() || null;
}

function years(value: Answer): number | null {
  const n = typeof value === 'number' ? value : Number.parseFloat(text(value) ?? '');
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Language tags to their primary language ("pt-BR" → "pt"), so people who write either meet; names stay as they are. */
function language(value: string): string {
  return /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(value) ? value.split('-')[0]!.toLowerCase() : value;
}

function parseJsonArray(value: string): string[] {
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export async function loadProgramData(db: Kysely<Database>, program: ProgramRow, settings: MatchingSettings): Promise<ProgramMatchingData> {
  const orgId = program.org_id;
  const questions = new Map((await db.selectFrom('program_questions').select(['id', 'field_type']).where('program_id', '=', program.id).execute()).map((q) => [q.id, q.field_type]));
  const rows = await db.selectFrom('enrollments as e').innerJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'e.person_id').onRef('m.org_id', '=', 'e.org_id'))
    .select(['e.person_id', 'e.side', 'e.status', 'e.capacity', 'e.paused', 'e.answers', 'p.name', 'p.time_zone', 'p.languages', 'm.title', 'm.department', 'm.status as membership'])
    .where('e.program_id', '=', program.id).where('e.org_id', '=', orgId).where('e.status', 'in', ['approved', 'pending']).execute();

  const [published, ended, exclusions, managers, identity, optIns] = await Promise.all([
    db.selectFrom('mentoring_relationships').select(['mentor_person_id', 'mentee_person_id']).where('org_id', '=', orgId).where('program_id', '=', program.id)
      .where('state', 'in', [...STATES_USING_MENTOR_CAPACITY]).execute(),
    db.selectFrom('mentoring_relationships').select(['mentor_person_id', 'mentee_person_id']).where('org_id', '=', orgId).where('state', 'in', ['declined', 'concluded']).execute(),
    db.selectFrom('matching_exclusions').select(['mentor_person_id', 'mentee_person_id']).where('org_id', '=', orgId).where('program_id', '=', program.id).execute(),
    db.selectFrom('memberships').select(['person_id', 'manager_person_id']).where('org_id', '=', orgId).execute(),
    db.selectFrom('identity_answers').select(['person_id', 'question_id', 'answer']).where('org_id', '=', orgId).where('program_id', '=', program.id).execute(),
    db.selectFrom('matching_inclusion_opt_ins').select('person_id').where('org_id', '=', orgId).where('program_id', '=', program.id).execute(),
  ]);

  const identities = new Map<string, string[]>();
  for (const row of identity) {
    const tokens = identities.get(row.person_id) ?? [];
    // Opaque to the engine and never shown: a question and its answer, compared for equality only.
    tokens.push(`${row.question_id}:${row.answer.trim().toLowerCase()}`);
    identities.set(row.person_id, tokens);
  }
  const optedIn = new Set(optIns.map((row) => row.person_id));

  const people = new Map<string, PersonFacts>();
  const mentees: MatchingProfile[] = [];
  const mentors: MatchingProfile[] = [];
  const capacities: Record<string, number> = {};
  const paused: string[] = [];
  let pendingEnrollments = 0;
  let emptyMentees = 0;
  const wantedMentors = new Map<string, string[]>();
  for (const row of rows) {
    if (row.status === 'pending') {
      pendingEnrollments += 1;
      continue;
    }
    if (row.membership !== 'active') continue;
    const answers = JSON.parse(row.answers) as Record<string, Answer>;
    const byType = new Map<string, Answer>();
    for (const [questionId, answer] of Object.entries(answers)) {
      const type = questions.get(questionId);
      if (type && !byType.has(type)) byType.set(type, answer);
    }
    const languages = list(byType.get('languages'));
    people.set(row.person_id, { name: row.name, title: row.title, department: row.department });
    const profile: MatchingProfile = {
      personId: row.person_id, name: row.name,
      interests: list(byType.get('interests')), goals: list(byType.get('goals')),
      department: text(byType.get('function')) ?? (row.department || null),
      yearsOfExperience: years(byType.get('years_experience')),
      languages: [...new Set((languages.length > 0 ? languages : parseJsonArray(row.languages)).map(language))],
      timeZone: text(byType.get('time_zone')) ?? row.time_zone,
      selfIdentification: identities.get(row.person_id) ?? [],
    };
    if (row.side === 'mentor') {
      mentors.push({ ...profile, skillsOffered: list(byType.get('skills_offered')) });
      capacities[row.person_id] = row.capacity ?? program.default_mentor_capacity;
      if (row.paused === 1) paused.push(row.person_id);
    } else {
      const skillsWanted = list(byType.get('skills_wanted'));
      if (skillsWanted.length + profile.goals!.length + profile.interests!.length === 0) emptyMentees += 1;
      const neededLanguage = text(byType.get('mentor_language'));
      wantedMentors.set(row.person_id, list(byType.get('preferred_mentors')));
      mentees.push({
        ...profile, skillsWanted, inclusionPreferences: optedIn.has(row.person_id) ? identities.get(row.person_id) ?? [] : [],
        preferences: { departments: list(byType.get('mentor_functions')), minYearsOfExperience: years(byType.get('mentor_min_years')) },
        requiredLanguage: neededLanguage ? language(neededLanguage) : null,
      });
    }
  }

  // Mentors a mentee named, most wanted first: names are matched to the program's mentors as people
  // type them (case and spaces aside); a name no mentor has is left out.
  const mentorsByName = new Map<string, string[]>();
  for (const mentor of mentors) {
    const key = mentor.name.trim().toLowerCase();
    mentorsByName.set(key, [...(mentorsByName.get(key) ?? []), mentor.personId]);
  }
  for (const mentee of mentees) {
    const named = wantedMentors.get(mentee.personId) ?? [];
    mentee.preferences!.mentorIds = named.flatMap((name) => mentorsByName.get(name.trim().toLowerCase()) ?? []);
  }

  const publishedPairs = published.map((r) => ({ menteeId: r.mentee_person_id, mentorId: r.mentor_person_id }));
  // Declined or concluded before, in either direction: not proposed again.
  const declinedPairs = ended.flatMap((r) => [{ menteeId: r.mentee_person_id, mentorId: r.mentor_person_id }, { menteeId: r.mentor_person_id, mentorId: r.mentee_person_id }]);
  const constraints: MatchingConstraints = {
    capacities, pausedMentorIds: paused, publishedPairs, declinedPairs,
    excludedPairs: exclusions.map((r) => ({ menteeId: r.mentee_person_id, mentorId: r.mentor_person_id })),
    managerOf: new Map(managers.map((m) => [m.person_id, m.manager_person_id])),
  };
  return {
    input: { mentees, mentors, config: engineConfig(settings, program.default_mentor_capacity), constraints },
    people, menteeIds: new Set(mentees.map((m) => m.personId)), mentorIds: new Set(mentors.map((m) => m.personId)),
    published: publishedPairs, pendingEnrollments, emptyMentees, pausedMentors: paused.length,
  };
}
