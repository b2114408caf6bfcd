import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays } from '../../domain/time-zones.ts';
import { newId } from '../../platform/ids.ts';
import { saveCoachProfile } from '../coaching/coaches/service.ts';
import { acceptAgreement, proposeEngagement, startEngagement, submitClosure, type AgreementTerms } from '../coaching/engagements/service.ts';
import type { Viewer } from '../coaching/engagement-access.ts';

/*
 * Coaching alive on a first start: engagements in every state, sessions behind and ahead, goals
 * with progress history, action items open and done, and a sponsor who sees only what the
 * agreement shares. Dates are laid out around "now" so the homes always have something to show.
 */
type Ids = Map<string, string>;

const COACH_PROFILES: Record<string, Parameters<typeof saveCoachProfile>[3]> = {
  coach1: { specialties: ['Leadership transitions', 'Executive presence', 'Stakeholder management'], approach: 'Systemic and solution-focused; we start from what already works.', credentialsSummary: 'ICF PCC · Henley Certificate in Executive Coaching', kind: 'external', capacity: 6 },
  coach2: { specialties: ['New managers', 'Difficult conversations', 'Feedback'], approach: 'Practical, with rehearsal of the conversations that matter.', credentialsSummary: 'ICF ACC · internal coaching pool', kind: 'internal', capacity: 4 },
  coach3: { specialties: ['Career transitions', 'Resilience', 'Purpose'], approach: 'Narrative coaching; reflective and values-led.', credentialsSummary: 'ICF MCC · 20 years of practice', kind: 'external', capacity: 5 },
  coach4: { specialties: ['Performance', 'Focus', 'Time management'], approach: 'Goal-driven with weekly measures.', credentialsSummary: 'EMCC Senior Practitioner', kind: 'external', capacity: 3, acceptingClients: false },
};

interface GoalSeed { statement: string; measure: string; unit: string; baseline: number; target: number; history: number[]; why: string }

async function addGoal(db: Kysely<Database>, orgId: string, engagementId: string, position: number, goal: GoalSeed, recorderId: string, startDate: string, today: string) {
  const id = newId();
  const current = goal.history.at(-1) ?? goal.baseline;
  await db.insertInto('goals').values({
    id, org_id: orgId, engagement_id: engagementId, statement: goal.statement, measure: goal.measure, baseline_value: goal.baseline, target_value: goal.target,
    current_value: current, final_value: null, unit: goal.unit, why_it_matters: goal.why, due_date: addDays(startDate, 120), position, created_at: `${startDate}T09:00:00.000Z`,
  }).execute();
  for (const [index, value] of goal.history.entries()) {
    const recordedOn = addDays(startDate, 14 * (index + 1));
    if (recordedOn > today) break;
    await db.insertInto('goal_progress').values({
      id: newId(), org_id: orgId, goal_id: id, value, recorded_on: recordedOn, note: index === 0 ? 'First check after our session' : '', recorded_by_person_id: recorderId, created_at: `${recordedOn}T17:00:00.000Z`,
    }).execute();
  }
  await db.insertInto('goal_milestones').values([
    { id: newId(), org_id: orgId, goal_id: id, title: 'Halfway check-in with sponsor', due_date: addDays(startDate, 45), done_at: addDays(startDate, 45) <= today ? `${addDays(startDate, 45)}T12:00:00.000Z` : null, created_at: `${startDate}T09:00:00.000Z` },
    { id: newId(), org_id: orgId, goal_id: id, title: 'Target reached and sustained for a month', due_date: addDays(startDate, 110), done_at: null, created_at: `${startDate}T09:00:00.000Z` },
  ]).execute();
  return id;
}

async function addSessions(db: Kysely<Database>, orgId: string, engagementId: string, startDate: string, count: number, now: Date, focuses: string[]) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const startsAt = new Date(`${addDays(startDate, 14 * i)}T10:00:00.000Z`);
    const past = startsAt.getTime() < now.getTime();
    const id = newId();
    ids.push(id);
    await db.insertInto('coaching_sessions').values({
      id, org_id: orgId, engagement_id: engagementId, starts_at: startsAt.toISOString(), duration_minutes: 60, time_zone: 'Europe/London',
      location: i % 2 ? 'https://meet.example/alder-finch-coaching' : 'Meeting room Birch, 3rd floor', status: past ? (i === 2 ? 'late_cancelled' : 'held') : 'scheduled',
      focus: past || i === count - 2 ? (focuses[i % focuses.length] ?? null) : null, focus_set_at: past ? startsAt.toISOString() : null,
      cancelled_by_person_id: null, cancelled_at: null, cancel_reason: past && i === 2 ? 'Client travelling' : null,
      rating: past && i !== 2 ? 4 + (i % 2) : null, rating_comment: past && i === 1 ? 'Clearer on my next step.' : null, rated_at: past && i !== 2 ? startsAt.toISOString() : null,
      created_at: `${startDate}T09:00:00.000Z`,
    }).execute();
  }
  return ids;
}

export async function loadCoachingDemo(db: Kysely<Database>, orgId: string, ids: Ids, now = new Date()): Promise<void> {
  const person = (key: string) => ids.get(key)!;
  const viewer = (key: string, admin = false): Viewer => ({ personId: person(key), orgRoles: admin ? ['admin'] : ['member'] });
  for (const [key, profile] of Object.entries(COACH_PROFILES)) await saveCoachProfile(db, orgId, person(key), profile);
  const today = now.toISOString().slice(0, 10);
  const terms = (startDate: string, visibility: AgreementTerms['sponsorVisibility'], objectives: string): AgreementTerms => ({
    objectives, plannedSessions: 8, startDate, plannedEndDate: addDays(startDate, 140), cadence: 'fortnightly', sponsorVisibility: visibility,
  });
  const acceptAll = async (engagementId: string, parties: string[]) => {
    for (const key of parties) await acceptAgreement(db, orgId, engagementId, viewer(key), { version: 1, ethicsAcknowledged: key.startsWith('coach') });
  };

  // 1. Active, three-way: Daniel (new engineering manager) with Amara; Sofia sponsors and sees goals and progress.
  const activeStart = addDays(today, -50);
  const active = await proposeEngagement(db, orgId, viewer('admin', true), {
    coachPersonId: person('coach1'), clientPersonId: person('eng1'), sponsorPersonId: person('engdir'), title: 'Stepping into engineering management',
    agreement: terms(activeStart, 'goals_progress', 'Lead one-to-ones and team rituals with confidence; delegate design decisions to the team.'),
  });
  await acceptAll(active, ['coach1', 'eng1', 'engdir']);
  await startEngagement(db, orgId, active, viewer('coach1'));
  await addGoal(db, orgId, active, 0, { statement: 'Hold a useful one-to-one with every report each fortnight', measure: 'One-to-ones held per fortnight', unit: 'meetings', baseline: 2, target: 6, history: [3, 4, 5], why: 'My team told me they rarely get my time.' }, person('eng1'), activeStart, today);
  await addGoal(db, orgId, active, 1, { statement: 'Delegate design decisions', measure: 'Design reviews led by the team (of the last five)', unit: 'reviews', baseline: 0, target: 4, history: [1, 2], why: 'I am the bottleneck.' }, person('eng1'), activeStart, today);
  const activeSessions = await addSessions(db, orgId, active, activeStart, 6, now, ['Preparing a hard conversation about missed deadlines', 'How I say no to my director', 'Running my first retrospective']);
  await db.insertInto('session_notes').values([
    { id: newId(), org_id: orgId, session_id: activeSessions[0]!, author_person_id: person('coach1'), kind: 'observation', body: 'You spoke about the team as “them” until we talked about the launch.', created_at: `${activeStart}T11:00:00.000Z` },
    { id: newId(), org_id: orgId, session_id: activeSessions[0]!, author_person_id: person('coach1'), kind: 'question', body: 'What would change if you trusted the team with the next design review?', created_at: `${activeStart}T11:05:00.000Z` },
    { id: newId(), org_id: orgId, session_id: activeSessions[0]!, author_person_id: person('eng1'), kind: 'note', body: 'Try a 10-minute agenda agreed at the start of each one-to-one.', created_at: `${activeStart}T11:10:00.000Z` },
  ]).execute();
  await db.insertInto('private_session_notes').values({
    id: newId(), org_id: orgId, session_id: activeSessions[0]!, author_person_id: person('coach1'), body: 'Notice the energy drop when the director comes up. Explore next time, gently.', created_at: `${activeStart}T11:30:00.000Z`, updated_at: `${activeStart}T11:30:00.000Z`,
  }).execute();
  await db.insertInto('action_items').values([
    { id: newId(), org_id: orgId, engagement_id: active, session_id: activeSessions[0]!, title: 'Book fortnightly one-to-ones with all six reports', owner_person_id: person('eng1'), due_date: addDays(activeStart, 7), status: 'done', completed_at: `${addDays(activeStart, 5)}T09:00:00.000Z`, created_at: `${activeStart}T11:00:00.000Z` },
    { id: newId(), org_id: orgId, engagement_id: active, session_id: activeSessions[1]!, title: 'Ask Mei to lead the next design review', owner_person_id: person('eng1'), due_date: addDays(today, 5), status: 'open', completed_at: null, created_at: `${addDays(activeStart, 14)}T11:00:00.000Z` },
    { id: newId(), org_id: orgId, engagement_id: active, session_id: activeSessions[1]!, title: 'Write down three decisions I could hand over', owner_person_id: person('eng1'), due_date: addDays(today, -3), status: 'open', completed_at: null, created_at: `${addDays(activeStart, 14)}T11:00:00.000Z` },
  ]).execute();

  // 2. Completed with measured outcomes: Oliver (finance) with Grace.
  const doneStart = addDays(today, -200);
  const completed = await proposeEngagement(db, orgId, viewer('admin', true), {
    coachPersonId: person('coach3'), clientPersonId: person('fin1'), sponsorPersonId: person('hrdir'), title: 'Ready for the director role',
    agreement: terms(doneStart, 'goals_progress_attendance', 'Build the presence and the network a finance director needs.'),
  });
  await acceptAll(completed, ['coach3', 'fin1', 'hrdir']);
  await startEngagement(db, orgId, completed, viewer('coach3'));
  const presence = await addGoal(db, orgId, completed, 0, { statement: 'Present the quarterly numbers to the board without notes', measure: 'Board members rating clarity 4+ (of 5)', unit: 'members', baseline: 1, target: 4, history: [2, 3, 4, 4], why: 'The board decides my promotion.' }, person('fin1'), doneStart, today);
  const network = await addGoal(db, orgId, completed, 1, { statement: 'Build relationships across the leadership team', measure: 'Leaders I meet monthly', unit: 'leaders', baseline: 1, target: 5, history: [2, 3, 5], why: 'A director works through peers.' }, person('fin1'), doneStart, today);
  await addSessions(db, orgId, completed, doneStart, 8, now, ['Board presentation rehearsal', 'Mapping the leadership team', 'Handling a hostile question']);
  await submitClosure(db, orgId, completed, viewer('fin1'), { client: { reflection: 'I now prepare the story before the slides.', evaluationRating: 5, evaluationComment: 'Grace asked the questions nobody else did.' } });
  await submitClosure(db, orgId, completed, viewer('coach3'), { coach: { reflection: 'Oliver met both goals; the network goal needed the most courage.', finalValues: [{ goalId: presence, value: 4 }, { goalId: network, value: 5 }] } });

  // 3. Proposed, waiting for the client: Mei with Tomás.
  await proposeEngagement(db, orgId, viewer('admin', true), {
    coachPersonId: person('coach2'), clientPersonId: person('eng2'), sponsorPersonId: person('eng1'), title: 'Growing toward staff engineer',
    agreement: terms(addDays(today, 7), 'nothing', 'Widen influence beyond my own team; write and defend an architecture proposal.'),
  }).then((id) => acceptAgreement(db, orgId, id, viewer('coach2'), { version: 1, ethicsAcknowledged: true }));

  // 4. Agreed, about to start: Ana (sales) with Amara, no sponsor.
  const agreed = await proposeEngagement(db, orgId, viewer('admin', true), {
    coachPersonId: person('coach1'), clientPersonId: person('sales1'), title: 'Negotiation under pressure',
    agreement: terms(addDays(today, 3), 'nothing', 'Hold my price in negotiations and prepare walk-away positions.'),
  });
  await acceptAll(agreed, ['coach1', 'sales1']);

  // 5. A member's open request waiting for the admin.
  await db.insertInto('coaching_requests').values({
    id: newId(), org_id: orgId, client_person_id: person('ops1'), preferred_coach_person_id: person('coach3'),
    topic: 'I am thinking about moving from operations into product and want to test whether it fits me.', status: 'open', engagement_id: null,
    created_at: `${addDays(today, -2)}T08:30:00.000Z`, resolved_at: null,
  }).execute();
}
