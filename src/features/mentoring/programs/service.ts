import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { CONFIDENTIAL_QUESTION_TYPES, enrollmentOpen, suppressSmallGroups, type PairingMode, type ProgramPurpose, type QuestionType } from '../../../domain/mentoring/programs.ts';
import { STATES_USING_MENTOR_CAPACITY } from '../../../domain/mentoring/relationship-lifecycle.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../../platform/http/problem.ts';
import type { MentoringViewer } from '../relationship-access.ts';
import { recountEnrollment } from '../pair-counts.ts';

export interface QuestionInput {
  fieldType: QuestionType;
  label: string;
  askedOf: 'mentor' | 'mentee' | 'both';
  required?: boolean;
  options?: string[];
}

export interface ProgramInput {
  name: string;
  purpose: ProgramPurpose;
  description?: string;
  enrollmentWindow: 'always' | 'cohort';
  cohortStartsOn?: string | null;
  cohortEndsOn?: string | null;
  cadenceDays: number;
  suggestedLengthWeeks: number;
  reviewEveryWeeks: number;
  defaultMentorCapacity: number;
  pairingMode: PairingMode;
  enrollmentApproval: 'automatic' | 'admin';
  questions?: QuestionInput[];
}

function checkProgram(input: Partial<ProgramInput>): void {
  if (input.enrollmentWindow === 'cohort' && (!input.cohortStartsOn || !input.cohortEndsOn)) {
    throw invalidField('cohortEndsOn', 'and cohortStartsOn are required for a cohort program');
  }
  if (input.cohortStartsOn && input.cohortEndsOn && input.cohortEndsOn < input.cohortStartsOn) throw invalidField('cohortEndsOn', 'must not be before cohortStartsOn');
  for (const [index, question] of (input.questions ?? []).entries()) {
    if (CONFIDENTIAL_QUESTION_TYPES.includes(question.fieldType) && question.required) {
      throw invalidField(`questions.${index}.required`, 'must be false: self-identification is always optional');
    }
  }
}

export async function createProgram(db: Kysely<Database>, orgId: string, viewer: MentoringViewer, input: ProgramInput): Promise<string> {
  checkProgram(input);
  const id = newId();
  await db.insertInto('mentoring_programs').values({
    id, org_id: orgId, name: input.name.trim(), purpose: input.purpose, description: input.description?.trim() ?? '', enrollment_window: input.enrollmentWindow,
    cohort_starts_on: input.enrollmentWindow === 'cohort' ? input.cohortStartsOn ?? null : null, cohort_ends_on: input.enrollmentWindow === 'cohort' ? input.cohortEndsOn ?? null : null,
    cadence_days: input.cadenceDays, suggested_length_weeks: input.suggestedLengthWeeks, review_every_weeks: input.reviewEveryWeeks,
    default_mentor_capacity: input.defaultMentorCapacity, pairing_mode: input.pairingMode, enrollment_approval: input.enrollmentApproval,
    status: 'active', created_by_person_id: viewer.personId, created_at: nowIso(),
  }).execute();
  for (const [position, question] of (input.questions ?? []).entries()) {
    await db.insertInto('program_questions').values({
      id: newId(), org_id: orgId, program_id: id, position, field_type: question.fieldType, label: question.label.trim(), asked_of: question.askedOf,
      required: question.required ? 1 : 0, options: JSON.stringify(question.options ?? []),
    }).execute();
  }
  return id;
}

export async function updateProgram(db: Kysely<Database>, orgId: string, programId: string, changes: Partial<Omit<ProgramInput, 'questions'>> & { status?: 'active' | 'archived' }): Promise<void> {
  const current = await programRow(db, orgId, programId);
  const merged = {
    enrollmentWindow: changes.enrollmentWindow ?? current.enrollment_window,
    cohortStartsOn: changes.cohortStartsOn === undefined ? current.cohort_starts_on : changes.cohortStartsOn,
    cohortEndsOn: changes.cohortEndsOn === undefined ? current.cohort_ends_on : changes.cohortEndsOn,
  };
  checkProgram(merged);
  await db.updateTable('mentoring_programs').set({
    ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
    ...(changes.purpose !== undefined ? { purpose: changes.purpose } : {}),
    ...(changes.description !== undefined ? { description: changes.description.trim() } : {}),
    enrollment_window: merged.enrollmentWindow, cohort_starts_on: merged.cohortStartsOn ?? null, cohort_ends_on: merged.cohortEndsOn ?? null,
    ...(changes.cadenceDays !== undefined ? { cadence_days: changes.cadenceDays } : {}),
    ...(changes.suggestedLengthWeeks !== undefined ? { suggested_length_weeks: changes.suggestedLengthWeeks } : {}),
    ...(changes.reviewEveryWeeks !== undefined ? { review_every_weeks: changes.reviewEveryWeeks } : {}),
    ...(changes.defaultMentorCapacity !== undefined ? { default_mentor_capacity: changes.defaultMentorCapacity } : {}),
    ...(changes.pairingMode !== undefined ? { pairing_mode: changes.pairingMode } : {}),
    ...(changes.enrollmentApproval !== undefined ? { enrollment_approval: changes.enrollmentApproval } : {}),
    ...(changes.status !== undefined ? { status: changes.status } : {}),
  }).where('org_id', '=', orgId).where('id', '=', programId).execute();
}

export async function programRow(db: Kysely<Database>, orgId: string, programId: string) {
  const row = await db.selectFrom('mentoring_programs').selectAll().where('org_id', '=', orgId).where('id', '=', programId).executeTakeFirst();
  if (!row) throw notFound('Program');
  return row;
}

async function questionsOf(db: Kysely<Database>, programId: string) {
  return db.selectFrom('program_questions').selectAll().where('program_id', '=', programId).orderBy('position').execute();
}

export async function programDetail(db: Kysely<Database>, orgId: string, programId: string, viewer: MentoringViewer) {
  const row = await programRow(db, orgId, programId);
  const questions = await questionsOf(db, programId);
  const mine = await db.selectFrom('enrollments').select(['id', 'side', 'status', 'capacity', 'paused']).where('program_id', '=', programId).where('person_id', '=', viewer.personId).execute();
  return {
    id: row.id, name: row.name, purpose: row.purpose as ProgramPurpose, description: row.description, enrollmentWindow: row.enrollment_window,
    cohortStartsOn: row.cohort_starts_on, cohortEndsOn: row.cohort_ends_on, cadenceDays: row.cadence_days, suggestedLengthWeeks: row.suggested_length_weeks,
    reviewEveryWeeks: row.review_every_weeks, defaultMentorCapacity: row.default_mentor_capacity, pairingMode: row.pairing_mode,
    enrollmentApproval: row.enrollment_approval, status: row.status,
    enrollmentOpen: row.status === 'active' && enrollmentOpen({ enrollmentWindow: row.enrollment_window, cohortEndsOn: row.cohort_ends_on }, new Date().toISOString().slice(0, 10)),
    questions: questions.map((q) => ({ id: q.id, fieldType: q.field_type as QuestionType, label: q.label, askedOf: q.asked_of, required: q.required === 1, options: JSON.parse(q.options) as string[] })),
    mentors: row.mentors_approved, mentees: row.mentees_approved,
    yourEnrollments: mine.map((e) => ({ id: e.id, side: e.side, status: e.status, capacity: e.capacity, paused: e.paused === 1 })),
  };
}

export async function listPrograms(db: Kysely<Database>, orgId: string, viewer: MentoringViewer, includeArchived: boolean) {
  let query = db.selectFrom('mentoring_programs').select('id').where('org_id', '=', orgId);
  if (!includeArchived || !viewer.orgRoles.includes('admin')) query = query.where('status', '=', 'active');
  const rows = await query.orderBy(sql`lower(name)`).execute();
  return Promise.all(rows.map((row) => programDetail(db, orgId, row.id, viewer)));
}

export interface EnrollInput {
  sides: ('mentor' | 'mentee')[];
  answers?: Record<string, string | number | string[]>;
  /** Self-identification answers, by question id; given only with consent. */
  identity?: Record<string, string>;
  identityConsent?: boolean;
  capacity?: number;
}

/** Enrolls the viewer as mentor, mentee or both; pending until approved unless approval is automatic. */
export async function enroll(db: Kysely<Database>, orgId: string, programId: string, viewer: MentoringViewer, input: EnrollInput): Promise<string[]> {
  const program = await programRow(db, orgId, programId);
  if (program.status !== 'active') throw conflict('This program is archived and takes no new enrollments.');
  if (!enrollmentOpen({ enrollmentWindow: program.enrollment_window, cohortEndsOn: program.cohort_ends_on }, new Date().toISOString().slice(0, 10))) {
    throw conflict('Enrollment for this cohort has closed.');
  }
  const questions = await questionsOf(db, programId);
  const answers = input.answers ?? {};
  const identity = input.identity ?? {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) {
    const question = byId.get(key);
    if (!question) throw invalidField(`answers.${key}`, 'is not a question of this program');
    if (CONFIDENTIAL_QUESTION_TYPES.includes(question.field_type as QuestionType)) throw invalidField(`answers.${key}`, 'is a self-identification question: send it in identity, with consent');
  }
  for (const key of Object.keys(identity)) {
    const question = byId.get(key);
    if (!question || !CONFIDENTIAL_QUESTION_TYPES.includes(question.field_type as QuestionType)) throw invalidField(`identity.${key}`, 'is not a self-identification question of this program');
  }
  if (Object.keys(identity).length > 0 && input.identityConsent !== true) {
    throw badRequest('Self-identification answers are kept only with your explicit consent.', [{ field: 'identityConsent', message: 'must be true to give self-identification answers' }]);
  }
  if (input.capacity !== undefined && input.capacity > program.default_mentor_capacity) {
    throw invalidField('capacity', `must not exceed the program's cap of ${program.default_mentor_capacity}`);
  }
  const ids: string[] = [];
  for (const side of [...new Set(input.sides)]) {
    for (const question of questions) {
      const askedHere = question.asked_of === 'both' || question.asked_of === side;
      if (askedHere && question.required === 1 && answers[question.id] === undefined) throw invalidField(`answers.${question.id}`, `is required (${question.label})`);
    }
    const existing = await db.selectFrom('enrollments').select(['id', 'status']).where('program_id', '=', programId).where('person_id', '=', viewer.personId).where('side', '=', side).executeTakeFirst();
    if (existing && existing.status !== 'withdrawn' && existing.status !== 'declined') throw conflict(`You are already enrolled as ${side} in this program.`);
    const status = program.enrollment_approval === 'automatic' ? 'approved' : 'pending';
    const values = {
      status, capacity: side === 'mentor' ? input.capacity ?? program.default_mentor_capacity : null, paused: 0, answers: JSON.stringify(answers),
      created_at: nowIso(), decided_at: status === 'approved' ? nowIso() : null,
    } as const;
    if (existing) {
      await db.updateTable('enrollments').set(values).where('id', '=', existing.id).execute();
      ids.push(existing.id);
    } else {
      const id = newId();
      await db.insertInto('enrollments').values({ id, org_id: orgId, program_id: programId, person_id: viewer.personId, side, ...values }).execute();
      ids.push(id);
    }
  }
  await recountEnrollment(db, programId);
  await addSkills(db, orgId, questions, answers);
  if (Object.keys(identity).length > 0) {
    await db.deleteFrom('identity_answers').where('program_id', '=', programId).where('person_id', '=', viewer.personId).execute();
    for (const [questionId, answer] of Object.entries(identity)) {
      await db.insertInto('identity_answers').values({ id: newId(), org_id: orgId, program_id: programId, question_id: questionId, person_id: viewer.personId, answer: answer.trim(), consented_at: nowIso() }).execute();
    }
  }
  return ids;
}

/** Skills named in answers join the organization's shared list ("free additions"). */
async function addSkills(db: Kysely<Database>, orgId: string, questions: { id: string; field_type: string }[], answers: Record<string, unknown>) {
  const names = questions.filter((q) => q.field_type === 'skills_offered' || q.field_type === 'skills_wanted')
    .flatMap((q) => (Array.isArray(answers[q.id]) ? (answers[q.id] as string[]) : [])).map((s) => s.trim()).filter(Boolean);
  for (const name of new Set(names)) {
    await db.insertInto('skills').values({ org_id: orgId, name, created_at: nowIso() }).onConflict((oc) => oc.columns(['org_id', 'name']).doNothing()).execute();
  }
}

export async function listSkills(db: Kysely<Database>, orgId: string): Promise<string[]> {
  return (await db.selectFrom('skills').select('name').where('org_id', '=', orgId).orderBy(sql`lower(name)`).execute()).map((row) => row.name);
}

export async function decideEnrollment(db: Kysely<Database>, orgId: string, programId: string, enrollmentId: string, decision: 'approved' | 'declined'): Promise<void> {
  const row = await db.selectFrom('enrollments').select('status').where('org_id', '=', orgId).where('program_id', '=', programId).where('id', '=', enrollmentId).executeTakeFirst();
  if (!row) throw notFound('Enrollment');
  if (row.status !== 'pending') throw conflict(`This enrollment is already ${row.status}.`);
  await db.updateTable('enrollments').set({ status: decision, decided_at: nowIso() }).where('id', '=', enrollmentId).execute();
  await recountEnrollment(db, programId);
}

/** A person changes their own enrollment: a mentor's capacity and pause, or withdraws. */
export async function updateMyEnrollment(
  db: Kysely<Database>, orgId: string, programId: string, enrollmentId: string, viewer: MentoringViewer,
  changes: { capacity?: number; paused?: boolean; withdraw?: boolean },
): Promise<void> {
  const program = await programRow(db, orgId, programId);
  const row = await db.selectFrom('enrollments').selectAll().where('org_id', '=', orgId).where('program_id', '=', programId).where('id', '=', enrollmentId).executeTakeFirst();
  if (!row) throw notFound('Enrollment');
  if (row.person_id !== viewer.personId) throw forbidden('You may change only your own enrollment.');
  if (changes.capacity !== undefined) {
    if (row.side !== 'mentor') throw invalidField('capacity', 'applies to mentors only');
    if (changes.capacity > program.default_mentor_capacity) throw invalidField('capacity', `must not exceed the program's cap of ${program.default_mentor_capacity}`);
  }
  await db.updateTable('enrollments').set({
    ...(changes.capacity !== undefined ? { capacity: changes.capacity } : {}),
    ...(changes.paused !== undefined ? { paused: changes.paused ? 1 : 0 } : {}),
    ...(changes.withdraw ? { status: 'withdrawn' as const } : {}),
  }).where('id', '=', enrollmentId).execute();
  if (changes.withdraw) await recountEnrollment(db, programId);
}

/** The admin's list of a program's enrollments, with load against capacity and how long each has waited unmatched. */
export async function programEnrollments(db: Kysely<Database>, orgId: string, programId: string, filters: { side?: 'mentor' | 'mentee'; status?: string }) {
  await programRow(db, orgId, programId);
  let query = db.selectFrom('enrollments as e').innerJoin('people as p', 'p.id', 'e.person_id').innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'e.person_id').onRef('m.org_id', '=', 'e.org_id'))
    .select(['e.id', 'e.person_id', 'p.name', 'm.title', 'm.department', 'e.side', 'e.status', 'e.capacity', 'e.paused', 'e.answers', 'e.created_at', 'e.decided_at'])
    .where('e.program_id', '=', programId);
  if (filters.side) query = query.where('e.side', '=', filters.side);
  if (filters.status) query = query.where('e.status', '=', filters.status as 'approved');
  const rows = await query.orderBy(sql`lower(p.name)`).execute();
  const relationships = await db.selectFrom('mentoring_relationships').select(['mentor_person_id', 'mentee_person_id', 'state'])
    .where('program_id', '=', programId).where('state', 'in', [...STATES_USING_MENTOR_CAPACITY, 'requested']).execute();
  const today = Date.now();
  return rows.map((row) => {
    const active = relationships.filter((r) => r.state !== 'requested' && (row.side === 'mentor' ? r.mentor_person_id === row.person_id : r.mentee_person_id === row.person_id)).length;
    const unmatched = row.side === 'mentee' && row.status === 'approved' && active === 0;
    return {
      id: row.id, personId: row.person_id, name: row.name, title: row.title, department: row.department, side: row.side, status: row.status,
      capacity: row.capacity, paused: row.paused === 1, activeRelationships: active, answers: JSON.parse(row.answers) as Record<string, unknown>,
      unmatchedDays: unmatched ? Math.floor((today - Date.parse(row.decided_at ?? row.created_at)) / 86_400_000) : null,
      enrolledAt: row.created_at,
    };
  });
}

/** Self-identification in aggregate only, with small groups suppressed. */
export async function identityAggregates(db: Kysely<Database>, orgId: string, programId: string) {
  await programRow(db, orgId, programId);
  const questions = (await questionsOf(db, programId)).filter((q) => CONFIDENTIAL_QUESTION_TYPES.includes(q.field_type as QuestionType));
  const result = [];
  for (const question of questions) {
    const rows = await db.selectFrom('identity_answers').select(['answer', (eb) => eb.fn.countAll<number>().as('n')])
      .where('program_id', '=', programId).where('question_id', '=', question.id).groupBy('answer').execute();
    result.push({ questionId: question.id, label: question.label, rows: suppressSmallGroups(new Map(rows.map((r) => [r.answer, Number(r.n)]))) });
  }
  return result;
}

/** A person reads (and may erase) only their own self-identification answers. */
export async function myIdentityAnswers(db: Kysely<Database>, programId: string, personId: string) {
  return (await db.selectFrom('identity_answers').select(['question_id', 'answer', 'consented_at']).where('program_id', '=', programId).where('person_id', '=', personId).execute())
    .map((row) => ({ questionId: row.question_id, answer: row.answer, consentedAt: row.consented_at }));
}

export async function eraseMyIdentityAnswers(db: Kysely<Database>, programId: string, personId: string): Promise<void> {
  await db.deleteFrom('identity_answers').where('program_id', '=', programId).where('person_id', '=', personId).execute();
}
