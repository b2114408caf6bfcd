import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { cadenceMarks } from '../../domain/mentoring/cadence.ts';
import { KIND_CONCLUSION_NOTICE } from '../../domain/mentoring/continuation-review.ts';
import { addDays } from '../../domain/time-zones.ts';
import { newId } from '../../platform/ids.ts';
import { openMentoringEngagement } from '../coaching/engagements/mentoring-link.ts';
import { saveListing } from '../mentoring/listings/service.ts';
import { tell } from '../mentoring/notices.ts';
import { recountEnrollment, recountPairs } from '../mentoring/pair-counts.ts';
import { createProgram, type QuestionInput } from '../mentoring/programs/service.ts';
import { DEMO_COLLEAGUES } from './colleagues.ts';
import { DEMO_PEOPLE, type DemoPerson } from './people.ts';

/*
 * Mentoring alive on a first start. An open program ("Grow Together", 68 people enrolled with
 * the answers the matching engine reads: skills offered and wanted, goals, interests, function,
 * experience, languages, time zone) and a cohort ("New Managers"); pairs on track, slipping,
 * stalled and paused, with check-ins behind them; requests waiting; a review due this week; a
 * relationship that concluded at its review, with closing reflections and an appreciation;
 * mentors offering organic mentoring; and a mentor who opened the coaching tools. Dates are laid
 * out around "now", like the coaching demo, so the homes and the dashboard always have something
 * to show.
 */
type Ids = Map<string, string>;

const PEOPLE = new Map<string, DemoPerson>([...DEMO_PEOPLE, ...DEMO_COLLEAGUES].map((p) => [p.key, p]));

const SKILLS: Record<string, string[]> = {
  Engineering: ['System design', 'Code review', 'Technical writing', 'Debugging production incidents', 'Leading a project'],
  Product: ['Product discovery', 'Roadmapping', 'Stakeholder management', 'Prioritization', 'Writing specs'],
  Design: ['Design critique', 'User research', 'Design systems', 'Presenting work'],
  Data: ['SQL and analytics', 'Forecasting', 'Data storytelling', 'Experiment design'],
  Sales: ['Negotiation', 'Discovery calls', 'Pipeline management', 'Public speaking'],
  Marketing: ['Positioning', 'Content strategy', 'Campaign planning', 'Public speaking'],
  'Customer Success': ['Handling escalations', 'Renewals', 'Customer onboarding', 'Difficult conversations'],
  Operations: ['Process improvement', 'Vendor management', 'Project management', 'Planning under uncertainty'],
  Finance: ['Financial modelling', 'Board reporting', 'Budgeting', 'Presenting numbers'],
  People: ['Giving feedback', 'Hiring and interviewing', 'Difficult conversations', 'Career planning'],
  Leadership: ['Leading teams', 'Strategy', 'Delegation', 'Executive presence'],
};
const CROSS_SKILLS = ['First-time management', 'Delegation', 'Public speaking', 'Managing up', 'Building confidence', 'Networking across teams', 'Work-life balance'];
const GOALS = ['Get promoted', 'Move into management', 'Change function', 'Build confidence', 'Grow my network', 'Communicate with more impact', 'Lead a cross-team project'];
const INTERESTS = ['Running', 'Photography', 'Cooking', 'Chess', 'Hiking', 'Reading', 'Music', 'Gardening', 'Cycling', 'Volunteering', 'Board games', 'Travel'];
const CADENCES = ['fortnightly', 'monthly', 'weekly', 'fortnightly'];

/** n items of a list, starting at a position picked by the index: varied, and the same on every start. */
const take = <T>(list: readonly T[], index: number, n: number, stride = 3): T[] =>
  Array.from({ length: Math.min(n, list.length) }, (_, i) => list[(index * stride + i) % list.length]!);

const GROW_QUESTIONS: QuestionInput[] = [
  { fieldType: 'skills_offered', label: 'Which skills can you help with?', askedOf: 'mentor', required: true },
  { fieldType: 'skills_wanted', label: 'Which skills do you want to build?', askedOf: 'mentee', required: true },
  { fieldType: 'goals', label: 'Goals (mentees: yours; mentors: the ones you can help with)', askedOf: 'both' },
  { fieldType: 'interests', label: 'Interests outside work', askedOf: 'both' },
  { fieldType: 'function', label: 'Your function', askedOf: 'both' },
  { fieldType: 'years_experience', label: 'Years of professional experience', askedOf: 'both' },
  { fieldType: 'languages', label: 'Languages you can mentor in', askedOf: 'both' },
  { fieldType: 'time_zone', label: 'Your time zone', askedOf: 'both' },
  { fieldType: 'preferred_cadence', label: 'How often would you like to meet?', askedOf: 'both', options: ['weekly', 'fortnightly', 'monthly'] },
  { fieldType: 'self_identification', label: 'Do you identify as part of a group under-represented in your field? (optional, confidential, shown only in aggregate)', askedOf: 'both', required: false, options: ['Yes', 'No', 'Prefer not to say'] },
];

const COHORT_QUESTIONS: QuestionInput[] = [
  { fieldType: 'function', label: 'Your function', askedOf: 'both', required: true },
  { fieldType: 'goals', label: 'What do you want from your first year as a manager?', askedOf: 'mentee' },
  { fieldType: 'skills_offered', label: 'What can you teach a new manager?', askedOf: 'mentor' },
  { fieldType: 'years_experience', label: 'Years of professional experience', askedOf: 'both' },
];

// "Grow Together": 22 mentors and 46 mentees (two mentees and a mentor still waiting for approval).
const GROW_MENTORS = ['engdir', 'eng1', 'opsdir', 'salesdir', 'priyanka', 'tobias', 'amina', 'wei', 'jonah', 'aisha', 'ines', 'leo', 'kofi', 'marcus.b', 'seun', 'charlotte', 'diego', 'elif', 'ahmed', 'victoria', 'hannah', 'anika'];
const GROW_MENTEES = [
  'eng2', 'eng3', 'sales1', 'ops1', 'carlos', 'sarah', 'rahul', 'emma', 'zoe', 'nikolai', 'layla', 'mateo', 'hana', 'grace.m', 'maya.g', 'kenji', 'julia', 'arjun',
  'sofia.h', 'chloe', 'ethan', 'fernanda', 'ravi', 'lucy', 'tomasz', 'nia', 'samuel', 'chiara', 'ben', 'mariana', 'linh', 'oscar', 'rosa', 'kwabena', 'isabel',
  'patrick', 'joseph', 'ayesha', 'liam', 'gabriel', 'yara', 'sipho', 'freya', 'pedro', 'mia', 'ren',
];
const PENDING = new Set(['anika:mentor', 'mia:mentee', 'ren:mentee']);
// Consented self-identification answers (aggregates show groups of five or more only).
const IDENTITY: Record<string, string> = { sarah: 'No', layla: 'Yes', 'grace.m': 'Yes', zoe: 'No', fernanda: 'Prefer not to say', sipho: 'Yes', nia: 'No', chiara: 'No', linh: 'No' };

interface CheckInSeed { daysAgo: number; by: 'mentor' | 'mentee'; topics: string[]; notes: string }

interface RelationshipSeed {
  programId: string | null;
  mentor: string;
  mentee: string;
  origin: 'organic' | 'program' | 'assigned';
  startedDaysAgo: number;
  cadenceDays: number;
  reviewWeeks: number;
  checkIns?: CheckInSeed[];
  message?: string;
  paused?: boolean;
  /** Concluded at the review due this many days ago, with each side's private answer. */
  concludedAtReview?: { mentor: 'continue' | 'conclude'; mentee: 'continue' | 'conclude' };
}

const TOPICS = [
  ['Career goals', 'Strengths'], ['Feedback', 'One-to-ones'], ['Visibility', 'Presenting'], ['Promotion case'], ['Saying no', 'Priorities'],
  ['Networking', 'Stakeholders'], ['Confidence'], ['Next role', 'Skills gap'],
];
const NOTES = [
  'Mapped what energises you and what drains you. Next: pick one stretch task for the month.',
  'Talked through the feedback from the last review; agreed a script for asking your manager for specifics.',
  'Practised the five-minute version of your project update. Much clearer the second time.',
  'Listed the evidence for the promotion case; two gaps to close before the next cycle.',
  'Looked at the calendar together: three meetings to drop, one to delegate.',
  'Drew the stakeholder map; you will ask Priyanka for an introduction to the data team.',
  'Shared stories of getting it wrong early on. Agreed that it is normal to feel out of depth.',
  'Compared two possible next roles; you will shadow a product manager for a day.',
];

export async function loadMentoringDemo(db: Kysely<Database>, orgId: string, ids: Ids, now = new Date()): Promise<void> {
  const person = (key: string) => ids.get(key)!;
  const today = now.toISOString().slice(0, 10);
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number, time = '09:30:00') => `${day(offset)}T${time}.000Z`;
  const admin = { personId: person('admin'), orgRoles: ['admin' as const] };

  // 1. Programs.
  const grow = await createProgram(db, orgId, admin, {
    name: 'Grow Together', purpose: 'career_growth', enrollmentWindow: 'always', cadenceDays: 14, suggestedLengthWeeks: 26, reviewEveryWeeks: 12,
    defaultMentorCapacity: 3, pairingMode: 'mentee_choice', enrollmentApproval: 'admin', questions: GROW_QUESTIONS,
    description: 'Open mentoring across Alder & Finch: find someone a few steps ahead of you, meet every couple of weeks, and decide together every twelve weeks whether to carry on.',
  });
  const cohort = await createProgram(db, orgId, admin, {
    name: 'New Managers Cohort', purpose: 'leadership', enrollmentWindow: 'cohort', cohortStartsOn: day(-21), cohortEndsOn: day(70), cadenceDays: 21,
    suggestedLengthWeeks: 12, reviewEveryWeeks: 8, defaultMentorCapacity: 2, pairingMode: 'admin_assigns', enrollmentApproval: 'automatic', questions: COHORT_QUESTIONS,
    description: 'Twelve weeks alongside an experienced leader for everyone who became a manager this year.',
  });
  await db.updateTable('mentoring_programs').set({ created_at: at(-400) }).where('id', '=', grow).execute();
  await db.updateTable('mentoring_programs').set({ created_at: at(-35) }).where('id', '=', cohort).execute();
  const questionsOf = async (programId: string) =>
    new Map((await db.selectFrom('program_questions').select(['id', 'field_type']).where('program_id', '=', programId).execute()).map((q) => [q.field_type, q.id]));
  const growQ = await questionsOf(grow);
  const cohortQ = await questionsOf(cohort);

  // 2. Enrollments with the answers the matching engine reads.
  const enroll = async (programId: string, key: string, side: 'mentor' | 'mentee', answers: Record<string, unknown>, capacity: number | null, daysAgo: number) => {
    const pending = programId === grow && PENDING.has(`${key}:${side}`);
    await db.insertInto('enrollments').values({
      id: newId(), org_id: orgId, program_id: programId, person_id: person(key), side, status: pending ? 'pending' : 'approved', capacity, paused: 0,
      answers: JSON.stringify(answers), created_at: at(-daysAgo, '10:00:00'), decided_at: pending ? null : at(-daysAgo + 1, '11:00:00'),
    }).execute();
  };
  const growAnswers = (key: string, side: 'mentor' | 'mentee', index: number) => {
    const p = PEOPLE.get(key)!;
    const own = SKILLS[p.department] ?? SKILLS.Leadership!;
    return {
      ...(side === 'mentor'
        ? { [growQ.get('skills_offered')!]: [...take(own, index, 3, 1), ...take(CROSS_SKILLS, index, 2)] }
        : { [growQ.get('skills_wanted')!]: [...take(own, index, 2, 2), ...take(CROSS_SKILLS, index + 1, 1)] }),
      [growQ.get('goals')!]: take(GOALS, index, side === 'mentor' ? 3 : 2),
      [growQ.get('interests')!]: take(INTERESTS, index, 3, 5),
      [growQ.get('function')!]: p.department,
      [growQ.get('years_experience')!]: side === 'mentor' ? 8 + (index * 7) % 15 : 1 + (index * 3) % 7,
      [growQ.get('languages')!]: p.languages,
      [growQ.get('time_zone')!]: p.timeZone,
      [growQ.get('preferred_cadence')!]: CADENCES[index % CADENCES.length]!,
    };
  };
  // Enrolled over the last months; people paired below are moved to before their pairing.
  for (const [index, key] of GROW_MENTORS.entries()) await enroll(grow, key, 'mentor', growAnswers(key, 'mentor', index), 3 - (index % 2), 20 + ((index * 11) % 90));
  for (const [index, key] of GROW_MENTEES.entries()) await enroll(grow, key, 'mentee', growAnswers(key, 'mentee', index), null, 3 + ((index * 7) % 75));
  for (const [key, answer] of Object.entries(IDENTITY)) {
    await db.insertInto('identity_answers').values({ id: newId(), org_id: orgId, program_id: grow, question_id: growQ.get('self_identification')!, person_id: person(key), answer, consented_at: at(-200) }).execute();
  }
  const cohortMentors = ['ceo', 'opsdir', 'salesdir', 'diego'];
  const cohortMentees = ['sales2', 'priyanka', 'ahmed', 'elif', 'victoria'];
  for (const [index, key] of cohortMentors.entries()) {
    await enroll(cohort, key, 'mentor', { [cohortQ.get('function')!]: PEOPLE.get(key)!.department, [cohortQ.get('skills_offered')!]: take(SKILLS.Leadership!, index, 3, 1), [cohortQ.get('years_experience')!]: 15 + index * 3 }, 2, 30);
  }
  for (const [index, key] of cohortMentees.entries()) {
    await enroll(cohort, key, 'mentee', { [cohortQ.get('function')!]: PEOPLE.get(key)!.department, [cohortQ.get('goals')!]: take(['Delegation', 'Giving feedback', 'Running one-to-ones', 'Managing former peers', 'Hiring'], index, 2), [cohortQ.get('years_experience')!]: 5 + index }, null, 28);
  }
  // Written directly above, so the programs' kept counts are taken once here (pairing recounts them again).
  for (const programId of [grow, cohort]) await recountEnrollment(db, programId);

  // 3. Mentors who offer organic mentoring.
  const listings: [string, string[], string, string, number][] = [
    ['eng1', ['New managers', 'Engineering careers'], 'What I wish I had known in my first year of managing engineers.', 'Thursday afternoons (UK)', 2],
    ['opsdir', ['Operations', 'Calm under pressure', 'Vendor negotiations'], 'Running operations when everything is urgent.', 'Monday and Wednesday mornings (Dubai)', 3],
    ['ceo', ['Leadership', 'Strategy', 'Founding a company'], 'Big decisions, self-doubt, and building a company twice.', 'One slot a fortnight', 1],
    ['sales2', ['First-time team lead', 'Sales careers'], 'Going from top seller to team lead.', 'Friday lunchtimes (Chicago)', 2],
    ['tobias', ['Staff engineering', 'Technical writing', 'Architecture'], 'The staff engineer path and writing design documents people read.', 'Tuesday mornings (Berlin)', 2],
  ];
  for (const [key, expertise, askMeAbout, availability, capacity] of listings) await saveListing(db, orgId, person(key), { expertise, askMeAbout, availability, capacity });

  // 4. Relationships, with their check-ins, reviews and transitions.
  const addRelationship = async (seed: RelationshipSeed): Promise<string> => {
    const id = newId();
    const startedOn = day(-seed.startedDaysAgo);
    const requested = seed.origin !== 'assigned';
    const reviewDues: string[] = [];
    for (let due = addDays(startedOn, seed.reviewWeeks * 7); ; due = addDays(due, seed.reviewWeeks * 7)) {
      reviewDues.push(due);
      if (due > today) break;
    }
    const concluding = seed.concludedAtReview ? reviewDues.filter((due) => due <= today).at(-1)! : null;
    const checkIns = (seed.checkIns ?? []).filter((c) => !concluding || day(-c.daysAgo) <= concluding);
    const last = checkIns.map((c) => day(-c.daysAgo)).sort().at(-1) ?? null;
    const marks = cadenceMarks({ cadenceDays: seed.cadenceDays, lastCheckInOn: last, startedOn });
    const startedAt = `${startedOn}T10:00:00.000Z`;
    await db.insertInto('mentoring_relationships').values({
      id, org_id: orgId, program_id: seed.programId, mentor_person_id: person(seed.mentor), mentee_person_id: person(seed.mentee), origin: seed.origin,
      state: concluding ? 'concluded' : seed.paused ? 'paused' : 'active', request_message: requested ? seed.message ?? 'Would you be my mentor?' : null,
      requested_by_person_id: requested ? person(seed.mentee) : null, request_expires_at: requested ? `${addDays(startedOn, 12)}T10:00:00.000Z` : null, decline_reason: null,
      cadence_days: seed.cadenceDays, review_every_weeks: seed.reviewWeeks, started_at: startedAt,
      ended_at: concluding ? `${concluding}T16:00:00.000Z` : null, ended_by_person_id: null, end_reason: concluding ? 'review' : null, engagement_id: null,
      created_at: requested ? `${addDays(startedOn, -2)}T10:00:00.000Z` : startedAt, updated_at: concluding ? `${concluding}T16:00:00.000Z` : startedAt,
      last_check_in_on: last, check_in_due_on: marks.checkInDueOn, stalled_after_on: marks.stalledAfterOn,
    }).execute();
    const transition = (event: string, from: string, to: string, actor: string | null, when: string) =>
      db.insertInto('relationship_transitions').values({ id: newId(), org_id: orgId, relationship_id: id, event, from_state: from, to_state: to, actor_person_id: actor, created_at: when }).execute();
    if (requested) {
      await transition('request', 'requested', 'requested', person(seed.mentee), `${addDays(startedOn, -2)}T10:00:00.000Z`);
      await transition('accept', 'requested', 'active', person(seed.mentor), startedAt);
    } else {
      await transition('assign', 'active', 'active', person('admin'), startedAt);
    }
    if (seed.paused) await transition('pause', 'active', 'paused', person(seed.mentee), at(-9));
    if (seed.programId) {
      // Both were enrolled (and approved) before they were paired.
      const enrolled = `${addDays(startedOn, -10)}T10:00:00.000Z`;
      await db.updateTable('enrollments').set({ created_at: enrolled, decided_at: `${addDays(startedOn, -9)}T11:00:00.000Z` })
        .where('program_id', '=', seed.programId).where('person_id', 'in', [person(seed.mentor), person(seed.mentee)]).where('created_at', '>', enrolled).execute();
    }
    if (concluding) await transition('conclude', 'active', 'concluded', null, `${concluding}T16:00:00.000Z`);
    for (const [index, checkIn] of checkIns.entries()) {
      await db.insertInto('check_ins').values({
        id: newId(), org_id: orgId, relationship_id: id, met_on: day(-checkIn.daysAgo), topics: JSON.stringify(checkIn.topics), shared_notes: checkIn.notes,
        logged_by_person_id: person(checkIn.by === 'mentor' ? seed.mentor : seed.mentee), created_at: at(-checkIn.daysAgo, `1${index % 8}:15:00`), edited_at: null,
      }).execute();
    }
    for (const due of reviewDues) {
      if (concluding && due > concluding) break;
      const settled = due <= today;
      const reviewId = newId();
      const outcome = !settled ? null : due === concluding ? 'concluded' : 'continued';
      await db.insertInto('continuation_reviews').values({
        id: reviewId, org_id: orgId, relationship_id: id, due_on: due, outcome, resolved_at: settled ? `${due}T16:00:00.000Z` : null, created_at: startedAt,
      }).execute();
      if (!settled) continue;
      const answers = due === concluding ? seed.concludedAtReview! : { mentor: 'continue' as const, mentee: 'continue' as const };
      for (const side of ['mentor', 'mentee'] as const) {
        await db.insertInto('review_answers').values({ review_id: reviewId, org_id: orgId, person_id: person(seed[side]), answer: answers[side], answered_at: `${addDays(due, -2)}T12:00:00.000Z` }).execute();
      }
    }
    return id;
  };
  /** Check-ins every `every` days back from `from` days ago, alternating who logged them. */
  const rhythm = (from: number, count: number, every: number): CheckInSeed[] =>
    Array.from({ length: count }, (_, i) => ({ daysAgo: from + i * every, by: i % 2 ? 'mentee' : 'mentor', topics: TOPICS[(from + i) % TOPICS.length]!, notes: NOTES[(from + i * 3) % NOTES.length]! }));
  const g = { programId: grow, cadenceDays: 14, reviewWeeks: 12, origin: 'program' as const };

  // On track. Sofia and Lucas: their review is due in three days, and they use the coaching tools.
  const sofiaLucas = await addRelationship({
    ...g, mentor: 'engdir', mentee: 'eng3', startedDaysAgo: 81, message: 'I would love to learn how you think about growing as an engineer in a team this size.',
    checkIns: [
      { daysAgo: 3, by: 'mentee', topics: ['Design reviews', 'Speaking up'], notes: 'Lucas led his first design review. We went through what went well: the diagram, the questions he prepared. Next: ask one senior engineer for written feedback.' },
      { daysAgo: 17, by: 'mentor', topics: ['Career goals', 'Visibility'], notes: 'Talked about the difference between being busy and being visible. Lucas will write a short weekly note to his team.' },
      ...rhythm(31, 4, 13),
    ],
  });
  await addRelationship({ ...g, mentor: 'eng1', mentee: 'zoe', startedDaysAgo: 35, checkIns: rhythm(5, 3, 12) });
  await addRelationship({ ...g, mentor: 'priyanka', mentee: 'rahul', startedDaysAgo: 120, checkIns: rhythm(9, 8, 13) });
  await addRelationship({ ...g, mentor: 'aisha', mentee: 'hana', startedDaysAgo: 50, checkIns: rhythm(2, 4, 12) });
  await addRelationship({ ...g, mentor: 'kofi', mentee: 'julia', startedDaysAgo: 64, checkIns: rhythm(6, 5, 12) });
  await addRelationship({ ...g, mentor: 'ahmed', mentee: 'linh', startedDaysAgo: 28, checkIns: rhythm(11, 2, 14) });
  await addRelationship({ ...g, mentor: 'hannah', mentee: 'joseph', startedDaysAgo: 150, checkIns: rhythm(4, 10, 14) });
  await addRelationship({ ...g, mentor: 'victoria', mentee: 'kwabena', startedDaysAgo: 44, checkIns: rhythm(8, 3, 13) });
  await addRelationship({ ...g, mentor: 'diego', mentee: 'samuel', startedDaysAgo: 21, checkIns: rhythm(7, 1, 14) });
  // Slipping: the next check-in is late.
  await addRelationship({ ...g, mentor: 'engdir', mentee: 'carlos', startedDaysAgo: 60, checkIns: rhythm(20, 3, 14) });
  await addRelationship({ ...g, mentor: 'ines', mentee: 'maya.g', startedDaysAgo: 75, checkIns: rhythm(18, 4, 14) });
  await addRelationship({ ...g, mentor: 'charlotte', mentee: 'lucy', startedDaysAgo: 47, checkIns: rhythm(23, 2, 12) });
  // Stalled: no check-in for more than twice the cadence.
  await addRelationship({ ...g, mentor: 'wei', mentee: 'sarah', startedDaysAgo: 96, checkIns: rhythm(40, 4, 14) });
  await addRelationship({ ...g, origin: 'assigned', mentor: 'marcus.b', mentee: 'chloe', startedDaysAgo: 45 });
  // Paused while Ben is on leave.
  await addRelationship({ ...g, mentor: 'elif', mentee: 'ben', startedDaysAgo: 70, checkIns: rhythm(16, 4, 14), paused: true });
  // Concluded at its second review: Ana felt ready to go on alone. Nobody is told who chose to end it.
  const rebeccaAna = await addRelationship({
    ...g, mentor: 'salesdir', mentee: 'sales1', startedDaysAgo: 180, message: 'I want to get better at negotiating; would you mentor me?',
    checkIns: rhythm(14, 12, 14), concludedAtReview: { mentor: 'continue', mentee: 'conclude' },
  });
  // Organic: Yuki with Fatima (on track); Nikolai with Daniel (stalled).
  await addRelationship({ programId: null, origin: 'organic', mentor: 'opsdir', mentee: 'ops1', startedDaysAgo: 40, cadenceDays: 28, reviewWeeks: 12, message: 'I am thinking about moving into product; could we talk about it now and then?', checkIns: rhythm(6, 2, 25) });
  await addRelationship({ programId: null, origin: 'organic', mentor: 'eng1', mentee: 'nikolai', startedDaysAgo: 110, cadenceDays: 28, reviewWeeks: 12, checkIns: rhythm(62, 2, 28) });
  // The cohort: three pairs, two new managers still waiting for a mentor.
  const c = { programId: cohort, cadenceDays: 21, reviewWeeks: 8, origin: 'assigned' as const };
  await addRelationship({ ...c, mentor: 'ceo', mentee: 'sales2', startedDaysAgo: 19, checkIns: rhythm(4, 1, 14) });
  await addRelationship({ ...c, mentor: 'opsdir', mentee: 'priyanka', startedDaysAgo: 19, checkIns: [{ daysAgo: 12, by: 'mentee', topics: ['Delegation'], notes: 'Listed what only I can do; the rest goes on the delegation board.' }] });
  await addRelationship({ ...c, mentor: 'salesdir', mentee: 'ahmed', startedDaysAgo: 12 });

  // Each enrollment's running pairs and wait, as the relationship lifecycle keeps them.
  for (const pairRow of await db.selectFrom('mentoring_relationships').select(['program_id', 'mentor_person_id', 'mentee_person_id']).where('org_id', '=', orgId).where('program_id', 'is not', null).execute()) {
    await recountPairs(db, pairRow);
  }

  // 5. Requests waiting for an answer.
  const request = async (programId: string | null, mentee: string, mentor: string, daysAgo: number, message: string) => {
    const id = newId();
    const created = `${day(-daysAgo)}T08:45:00.000Z`;
    await db.insertInto('mentoring_relationships').values({
      id, org_id: orgId, program_id: programId, mentor_person_id: person(mentor), mentee_person_id: person(mentee), origin: programId ? 'program' : 'organic', state: 'requested',
      request_message: message, requested_by_person_id: person(mentee), request_expires_at: `${day(14 - daysAgo)}T08:45:00.000Z`, decline_reason: null,
      cadence_days: programId ? 14 : 28, review_every_weeks: 12, started_at: null, ended_at: null, ended_by_person_id: null, end_reason: null, engagement_id: null,
      created_at: created, updated_at: created,
    }).execute();
    await db.insertInto('relationship_transitions').values({ id: newId(), org_id: orgId, relationship_id: id, event: 'request', from_state: 'requested', to_state: 'requested', actor_person_id: person(mentee), created_at: created }).execute();
    const name = PEOPLE.get(mentee)!.name;
    await tell(db, null, { orgId, personId: person(mentor), kind: 'mentoring.request', title: `${name} would like you as a mentor`, body: 'Read their note and accept or decline the request in Cairn; it stays open for 14 days.', link: `/mentoring/relationships/${id}` });
  };
  await request(grow, 'gabriel', 'engdir', 1, 'I am an engineer who wants to understand how the business side works. Your talk at the all-hands stayed with me.');
  await request(grow, 'eng2', 'tobias', 2, 'I am aiming for staff engineer and would value your view on the path, and on writing design documents.');
  await request(null, 'eng3', 'opsdir', 4, 'Could we talk about how operations and engineering work together? I would like to understand your side.');

  // 6. Private reflections (each readable by its author only), closing words and an appreciation.
  const lucasCheckIn = await db.selectFrom('check_ins').select('id').where('relationship_id', '=', sofiaLucas).orderBy('met_on', 'desc').limit(1).executeTakeFirstOrThrow();
  const reflection = (relationshipId: string, author: string, kind: 'check_in' | 'closing', body: string, daysAgo: number, checkInId: string | null = null) =>
    db.insertInto('private_reflections').values({ id: newId(), org_id: orgId, relationship_id: relationshipId, check_in_id: checkInId, author_person_id: person(author), kind, body, created_at: at(-daysAgo, '19:00:00') }).execute();
  await reflection(sofiaLucas, 'eng3', 'check_in', 'I was more nervous before the design review than I let on. Next time: prepare the two hardest questions in advance.', 3, lucasCheckIn.id);
  await reflection(sofiaLucas, 'engdir', 'check_in', 'Lucas underrates himself. Keep pointing at the evidence rather than reassuring.', 17);
  await reflection(rebeccaAna, 'sales1', 'closing', 'Six months ago I dropped my price at the first push-back. Now I prepare my walk-away number before every call. Ready to go on alone.', 10);
  await reflection(rebeccaAna, 'salesdir', 'closing', 'Ana did the work between sessions every time. Remember to offer the same structure to the next mentee.', 9);
  await db.insertInto('appreciations').values({
    id: newId(), org_id: orgId, relationship_id: rebeccaAna, author_person_id: person('sales1'),
    body: 'Rebecca, thank you for every role-play and for the honest feedback after my first big deal. I will pass it on.', created_at: at(-10, '19:30:00'),
  }).execute();
  for (const key of ['salesdir', 'sales1']) {
    await tell(db, null, { orgId, personId: person(key), kind: 'mentoring.concluded', ...KIND_CONCLUSION_NOTICE, link: `/mentoring/relationships/${rebeccaAna}` });
  }
  await tell(db, null, {
    orgId, personId: person('salesdir'), kind: 'mentoring.appreciation', title: 'Ana Souza left you an appreciation',
    body: 'Ana Souza left you a few words of appreciation for your time together. You can read them on the relationship’s page in Cairn.', link: `/mentoring/relationships/${rebeccaAna}`,
  });

  // 7. Sofia and Lucas borrowed the coaching tools: a goal and an action item, through a linked engagement.
  const engagementId = await openMentoringEngagement(db, {
    orgId, mentorPersonId: person('engdir'), menteePersonId: person('eng3'), title: 'Mentoring: Sofia Marchetti & Lucas Moreau', createdByPersonId: person('eng3'),
    startDate: day(-40), plannedEndDate: day(142),
  });
  await db.updateTable('mentoring_relationships').set({ engagement_id: engagementId }).where('id', '=', sofiaLucas).execute();
  await db.insertInto('goals').values({
    id: newId(), org_id: orgId, engagement_id: engagementId, statement: 'Lead design reviews for my team’s features', measure: 'Design reviews I led this quarter', baseline_value: 0,
    target_value: 3, current_value: 1, final_value: null, unit: 'reviews', why_it_matters: 'It is the step my manager named for the next level.', due_date: day(60), position: 0, created_at: at(-40),
  }).execute();
  await db.insertInto('action_items').values({
    id: newId(), org_id: orgId, engagement_id: engagementId, session_id: null, title: 'Ask Tobias for written feedback on my design document', owner_person_id: person('eng3'),
    due_date: day(5), status: 'open', completed_at: null, created_at: at(-3),
  }).execute();
}
