import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Relationship } from '../../domain/assessments/feedback-report.ts';
import type { Instrument } from '../../domain/assessments/instrument.ts';
import { scoreResponses } from '../../domain/assessments/scoring.ts';
import { addDays, localDayBounds } from '../../domain/time-zones.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { instruments } from '../assessments/registry.ts';

/*
 * Assessments and 360 feedback alive on a first start: clients who took the wheel of life and the
 * leadership self-assessment more than once (so the comparison charts show change), one of them
 * assigned by the coach; a Big Five result shared with a manager; a closed 360 round with a full
 * report (the organization lets a manager be shown alone; one lone "other" rater is held back);
 * and a round still collecting answers. Dates are laid out around "now", like the coaching demo.
 */
type Ids = Map<string, string>;

const at = (date: string, time = '18:30:00') => `${date}T${time}.000Z`;

function instrument(id: string): Instrument {
  return instruments().latest(id)!;
}

/** Answers that score `values[i]` on the i-th subscale (reverse-keyed items answered the other way). */
function bySubscale(inst: Instrument, values: number[]): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const [index, subscale] of inst.subscales.entries()) {
    for (const item of inst.items.filter((i) => i.subscale === subscale.id)) {
      answers[item.id] = item.reverse ? inst.scale.min + inst.scale.max - values[index]! : values[index]!;
    }
  }
  return answers;
}

async function completedAttempt(
  db: Kysely<Database>, orgId: string, personId: string, inst: Instrument, answers: Record<string, number>, completedOn: string,
  options: { engagementId?: string | null; assignmentId?: string | null; labels?: Record<string, string> } = {},
): Promise<string> {
  const id = newId();
  await db.insertInto('assessment_attempts').values({
    id, org_id: orgId, person_id: personId, instrument_id: inst.id, instrument_version: inst.version, engagement_id: options.engagementId ?? null,
    assignment_id: options.assignmentId ?? null, status: 'completed', answers: JSON.stringify(answers), item_labels: JSON.stringify(options.labels ?? {}),
    scores: JSON.stringify(scoreResponses(inst, answers, options.labels ?? {})), started_at: at(completedOn, '18:05:00'), updated_at: at(completedOn), completed_at: at(completedOn),
  }).execute();
  return id;
}

const wheel = (career: number, money: number, health: number, relationships: number, love: number, growth: number, fun: number, environment: number) =>
  ({ career, money, health, relationships, love, growth, fun, environment });

interface DemoRater {
  email: string;
  name: string;
  relationship: Relationship;
  /** Per competency, in the instrument's order; null: has not answered. */
  values: number[] | null;
  comment?: string;
}

async function feedbackRound(
  db: Kysely<Database>, orgId: string,
  round: { subjectId: string; engagementId: string | null; createdBy: string; title: string; createdOn: string; closesOn: string; closed: boolean; self: number[] | null; selfPartial?: number },
  raters: DemoRater[],
): Promise<string> {
  const inst = instrument('leadership-competencies');
  const id = newId();
  let self: Record<string, number> = round.self ? bySubscale(inst, round.self) : {};
  if (round.selfPartial) self = Object.fromEntries(Object.entries(self).slice(0, round.selfPartial));
  await db.insertInto('feedback_rounds').values({
    id, org_id: orgId, subject_person_id: round.subjectId, engagement_id: round.engagementId, instrument_id: inst.id, instrument_version: inst.version,
    title: round.title, closes_on: round.closesOn, closes_at: localDayBounds(round.closesOn, 'Europe/London').end.toISOString(),
    min_group_size: 3, manager_shown_alone: 1, status: round.closed ? 'closed' : 'collecting',
    self_answers: JSON.stringify(self), self_submitted_at: round.self && !round.selfPartial ? at(round.createdOn, '20:00:00') : null,
    created_by_person_id: round.createdBy, created_at: at(round.createdOn, '09:00:00'), closed_at: round.closed ? localDayBounds(round.closesOn, 'Europe/London').end.toISOString() : null,
  }).execute();
  for (const rater of raters) {
    // The demo's links were "mailed" before the start: only their hashes exist, as for real ones.
    await db.insertInto('feedback_raters').values({
      id: newId(), org_id: orgId, round_id: id, email: rater.email, name: rater.name, relationship: rater.relationship, token_hash: hashSecret(newSecret()),
      draft_answers: '{}', draft_comment: '', invited_at: at(round.createdOn, '09:05:00'), last_reminded_at: null, reminders: 0, responded: rater.values ? 1 : 0,
    }).execute();
  }
  // Responses unlinked, as the rater routes store them; inserted in a shuffled order.
  const answered = raters.filter((r) => r.values).map((r) => ({ id: newId(), r })).sort((a, b) => a.id.localeCompare(b.id));
  for (const { id: responseId, r } of answered) {
    await db.insertInto('feedback_responses').values({
      id: responseId, org_id: orgId, round_id: id, relationship: r.relationship, answers: JSON.stringify(bySubscale(inst, r.values!)), comment: r.comment ?? '',
    }).execute();
  }
  return id;
}

export async function loadAssessmentsDemo(db: Kysely<Database>, orgId: string, ids: Ids, now = new Date()): Promise<void> {
  const person = (key: string) => ids.get(key)!;
  const today = now.toISOString().slice(0, 10);
  const email = async (key: string) => (await db.selectFrom('people').select('email').where('id', '=', person(key)).executeTakeFirstOrThrow()).email;
  const engagementOf = async (coach: string, client: string) => (await db.selectFrom('engagements').select('id')
    .where('org_id', '=', orgId).where('coach_person_id', '=', person(coach)).where('client_person_id', '=', person(client)).executeTakeFirstOrThrow()).id;
  const wheelOfLife = instrument('wheel-of-life');
  const leadership = instrument('leadership-competencies');
  const bigFive = instrument('ipip-big-five-50');

  // Alder & Finch lets a manager's ratings be shown on their own (the manager is told when invited).
  await db.insertInto('feedback_settings').values({ org_id: orgId, min_group_size: 3, manager_shown_alone: 1, updated_by_person_id: person('admin'), updated_at: at(addDays(today, -90)) }).execute();

  // 1. Daniel, with Amara: a wheel of life assigned at the start and taken three times; the leadership self-assessment twice.
  const daniel = await engagementOf('coach1', 'eng1');
  const assignment = newId();
  await db.insertInto('assessment_assignments').values({
    id: assignment, org_id: orgId, engagement_id: daniel, client_person_id: person('eng1'), assigned_by_person_id: person('coach1'), instrument_id: wheelOfLife.id,
    note: 'A snapshot before we set goals; we will take it again every few weeks.', due_on: addDays(today, -45), created_at: at(addDays(today, -49), '11:00:00'),
  }).execute();
  const labels = { fun: 'Running and music' };
  await completedAttempt(db, orgId, person('eng1'), wheelOfLife, wheel(5, 6, 4, 6, 7, 5, 3, 6), addDays(today, -47), { engagementId: daniel, assignmentId: assignment, labels });
  await completedAttempt(db, orgId, person('eng1'), wheelOfLife, wheel(6, 6, 5, 6, 7, 6, 4, 6), addDays(today, -21), { engagementId: daniel, labels });
  await completedAttempt(db, orgId, person('eng1'), wheelOfLife, wheel(7, 6, 6, 7, 7, 7, 5, 7), addDays(today, -4), { engagementId: daniel, labels });
  await completedAttempt(db, orgId, person('eng1'), leadership, bySubscale(leadership, [4, 4, 2, 4, 4, 3, 3, 4]), addDays(today, -46), { engagementId: daniel });
  await completedAttempt(db, orgId, person('eng1'), leadership, bySubscale(leadership, [4, 3, 4, 3, 4, 4, 4, 3]), addDays(today, -5), { engagementId: daniel });
  // A Big Five he started for himself and has not finished: it resumes where he left off.
  const started = Object.fromEntries(bigFive.items.slice(0, 20).map((item, index) => [item.id, [4, 2, 4, 3, 5][index % 5]!]));
  await db.insertInto('assessment_attempts').values({
    id: newId(), org_id: orgId, person_id: person('eng1'), instrument_id: bigFive.id, instrument_version: bigFive.version, engagement_id: null, assignment_id: null,
    status: 'in_progress', answers: JSON.stringify(started), item_labels: '{}', scores: null, started_at: at(addDays(today, -2), '21:00:00'), updated_at: at(addDays(today, -2), '21:10:00'), completed_at: null,
  }).execute();

  // 2. Oliver, whose engagement with Grace is completed: the wheel before and after.
  const oliver = await engagementOf('coach3', 'fin1');
  await completedAttempt(db, orgId, person('fin1'), wheelOfLife, wheel(5, 7, 5, 6, 6, 4, 4, 7), addDays(today, -196), { engagementId: oliver });
  await completedAttempt(db, orgId, person('fin1'), wheelOfLife, wheel(8, 7, 6, 7, 7, 7, 5, 7), addDays(today, -60), { engagementId: oliver });
  await completedAttempt(db, orgId, person('fin1'), leadership, bySubscale(leadership, [3, 3, 3, 3, 4, 2, 3, 3]), addDays(today, -195), { engagementId: oliver });
  await completedAttempt(db, orgId, person('fin1'), leadership, bySubscale(leadership, [4, 4, 3, 4, 4, 4, 4, 4]), addDays(today, -62), { engagementId: oliver });

  // 3. Mei took the Big Five on her own and shared the result with Daniel, her manager.
  const meiAnswers = Object.fromEntries(bigFive.items.map((item, index) => [item.id, [3, 4, 5, 2, 5, 2, 5, 2, 4, 1][index % 10]!]));
  const mei = await completedAttempt(db, orgId, person('eng2'), bigFive, meiAnswers, addDays(today, -30));
  await db.insertInto('assessment_shares').values({ attempt_id: mei, org_id: orgId, person_id: person('eng1'), created_at: at(addDays(today, -29)) }).execute();

  // 4. A closed 360 for Daniel in his engagement: his manager shown alone, peers and reports as groups, the one "other" held back.
  //    Competencies: direction, communication, developing others, decisions, accountability, collaboration, inclusion, resilience.
  await feedbackRound(db, orgId, {
    subjectId: person('eng1'), engagementId: daniel, createdBy: person('coach1'), title: '360° feedback: first months as a manager',
    createdOn: addDays(today, -44), closesOn: addDays(today, -30), closed: true, self: [4, 4, 2, 4, 4, 3, 3, 4],
  }, [
    { email: await email('engdir'), name: 'Sofia Marchetti', relationship: 'manager', values: [4, 3, 4, 3, 4, 4, 4, 3], comment: 'Daniel’s team trusts him. The next step is deciding faster when the data is incomplete.' },
    { email: await email('sales2'), name: 'Kwame Mensah', relationship: 'peer', values: [3, 3, 4, 3, 4, 4, 5, 3], comment: 'A great partner across teams. I would like to hear the reasons behind changed priorities earlier.' },
    { email: await email('opsdir'), name: 'Fatima Al-Sayed', relationship: 'peer', values: [4, 2, 4, 3, 5, 4, 4, 4], comment: 'Calm in incidents. Updates sometimes reach us late.' },
    { email: 'ines.duarte@partner.example', name: 'Inês Duarte', relationship: 'peer', values: [3, 3, 3, 2, 4, 5, 4, 3], comment: 'Generous with credit. Decisions can stall while waiting for everyone to agree.' },
    { email: await email('eng2'), name: 'Mei Chen', relationship: 'direct_report', values: [4, 3, 4, 3, 4, 4, 5, 3], comment: 'He makes real time for my growth and gives me work that stretches me.' },
    { email: await email('eng3'), name: 'Lucas Moreau', relationship: 'direct_report', values: [3, 4, 4, 3, 4, 3, 4, 3], comment: 'Our one-to-ones are the most useful meeting of my week.' },
    { email: 'sam.okoro@contractor.example', name: 'Sam Okoro', relationship: 'direct_report', values: [4, 3, 5, 2, 5, 4, 4, 4], comment: 'Clear about what good looks like; I would like more context on why.' },
    { email: await email('admin'), name: 'Priya Raman', relationship: 'other', values: [4, 4, 4, 4, 4, 4, 4, 4], comment: 'A thoughtful manager who asks for feedback.' },
  ]);

  // 5. Kwame's round is still collecting: three of seven have answered, his self-assessment is half done.
  await feedbackRound(db, orgId, {
    subjectId: person('sales2'), engagementId: null, createdBy: person('sales2'), title: '360° feedback: my first year as team lead',
    createdOn: addDays(today, -5), closesOn: addDays(today, 9), closed: false, self: [4, 4, 3, 4, 3, 4, 4, 3], selfPartial: 12,
  }, [
    { email: await email('salesdir'), name: 'Rebecca Adeyemi', relationship: 'manager', values: null },
    { email: await email('sales1'), name: 'Ana Souza', relationship: 'peer', values: [4, 4, 3, 4, 4, 4, 5, 4], comment: 'Always has time for a deal review.' },
    { email: 'jordan.lee@alderfinch-partners.example', name: 'Jordan Lee', relationship: 'peer', values: null },
    { email: 'maya.patel@alderfinch-partners.example', name: 'Maya Patel', relationship: 'peer', values: null },
    { email: 'tom.becker@sales.example', name: 'Tom Becker', relationship: 'direct_report', values: [4, 3, 4, 4, 3, 4, 4, 3] },
    { email: 'lina.haddad@sales.example', name: 'Lina Haddad', relationship: 'direct_report', values: [5, 4, 4, 3, 4, 4, 5, 4], comment: 'Kwame coaches us through tough calls.' },
    { email: 'ravi.nair@sales.example', name: 'Ravi Nair', relationship: 'direct_report', values: null },
  ]);
}
