import type { Insertable, Kysely } from 'kysely';
import type {
  ActionItemTable, AgreementAcceptanceTable, AgreementTable, CoachingSessionTable, CoachProfileTable, Database, EngagementTable, EngagementTransitionTable, GoalProgressTable,
  GoalTable, SessionNoteTable,
} from '../../src/db/schema.ts';
import { DEFAULT_CONFIDENTIALITY_LIMITS, SPONSOR_VISIBILITY, type Cadence } from '../../src/domain/coaching/agreement.ts';
import type { EngagementState } from '../../src/domain/coaching/engagement-lifecycle.ts';
import { insertBatched } from '../lib/generate.ts';
import type { Random } from '../lib/random.ts';
import { defineScenario, defineSeed, LATENCY_TARGET, type BenchRequest } from '../lib/scenario.ts';

/*
 * Coaching at scale: 40,000 engagements, 100,000 goals and 1,000,000 sessions (at --scale 1). The
 * largest organization holds 40% of the engagements; the rest go to the next forty organizations by
 * size. Each coach works a number of slots (at most their capacity), and each slot holds engagements
 * back to back over four years: the latest is running now (active, a few agreed or proposed) or the
 * slot is idle; the earlier ones completed or ended early. Coaches are weighted so that a few busy
 * ones carry far more clients than the rest (the busiest have thousands of sessions). Past sessions
 * were held (some cancelled, late-cancelled or missed) with notes and ratings; running engagements
 * have their next sessions scheduled, open action items (some overdue) and goals with a history of
 * progress. Dates are laid out around the day the data set was generated.
 */

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 4 * 365;
const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, fortnightly: 14, monthly: 28, as_needed: 21 };

const TITLES = ['Leading through change', 'First-time manager', 'Executive presence', 'Career transition', 'Stakeholder influence', 'Delegation and focus', 'Building a team', 'Back from leave'];
const OBJECTIVES = 'Agree two or three measurable goals; meet regularly; review progress with the sponsor where the agreement shares it.';
const GOALS = [
  { statement: 'Hold a weekly one-to-one with every report', measure: 'one-to-ones held per week', unit: 'meetings', baseline: 2, target: 6 },
  { statement: 'Delegate the monthly report', measure: 'hours spent on it', unit: 'hours', baseline: 12, target: 2 },
  { statement: 'Speak up in the leadership meeting', measure: 'self-rating', unit: 'points', baseline: 3, target: 8 },
  { statement: 'Protect focus time', measure: 'focus blocks kept per week', unit: 'blocks', baseline: 1, target: 5 },
  { statement: 'Shorter meetings', measure: 'meeting hours per week', unit: 'hours', baseline: 22, target: 14 },
  { statement: 'Give feedback the same week', measure: 'share given within a week', unit: '%', baseline: 20, target: 80 },
];
const FOCI = ['The conversation with my manager', 'Preparing the quarterly review', 'What to delegate next', 'Feedback I avoided giving', 'Where my time went this month'];
const NOTES = [
  'Explored what a good week would look like; agreed to try two focus blocks.', 'Rehearsed the opening of the difficult conversation.',
  'Reviewed the action items: two done, one carried over.', 'Mapped stakeholders and who to involve first.', 'Noticed the pattern of saying yes too quickly.',
];
const ACTIONS = ['Draft the team charter', 'Book the skip-level meetings', 'Ask two peers for feedback', 'Block focus time for the quarter', 'Write the delegation list', 'Prepare the talking points'];
const LOCATIONS = ['Video call', 'Room 4.12', 'Phone', 'Video call', 'Café on the ground floor'];

export interface CoachingSeed {
  generatedOn: string;
  /** The busiest coaches first, then others with running engagements, across organizations. */
  coaches: { orgId: string; personId: string; engagements: number; sessions: number }[];
  /** Clients with a running engagement (most also have earlier ones), across organizations. */
  clients: { orgId: string; personId: string }[];
  counts: { engagements: number; running: number; goals: number; goalProgress: number; sessions: number; sessionNotes: number; actionItems: number; coaches: number };
}

interface Coach { personId: string; timeZone: string; external: boolean }

interface PlannedEngagement {
  row: Insertable<EngagementTable>;
  cadence: Cadence;
  /** Day (ms, UTC midnight) the engagement started or starts; its planned and actual end. */
  startOn: number;
  plannedEndOn: number;
  endedOn: number | null;
  timeZone: string;
  /** Minutes after midnight UTC at which its sessions start. */
  minuteOfDay: number;
  /** The day of the last past session (null before the first). */
  lastOn: number | null;
  sessions: number;
  goals: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);

async function coachesOf(db: Kysely<Database>, orgId: string): Promise<Coach[]> {
  const rows = await db.selectFrom('memberships as m')
    .innerJoin('membership_roles as r', (join) => join.onRef('r.org_id', '=', 'm.org_id').onRef('r.person_id', '=', 'm.person_id').on('r.role', '=', 'coach'))
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.department', 'p.time_zone']).where('m.org_id', '=', orgId).where('m.status', '=', 'active').orderBy('m.person_id').execute();
  return rows.map((row) => ({ personId: row.person_id, timeZone: row.time_zone, external: row.department === 'External coaches' }));
}

async function activeMembers(db: Kysely<Database>, orgId: string): Promise<string[]> {
  return (await db.selectFrom('memberships').select('person_id').where('org_id', '=', orgId).where('status', '=', 'active').orderBy('person_id').execute()).map((r) => r.person_id);
}

/** How many of `total` each weight gets, in whole numbers that add up to `total`. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let carry = 0;
  return weights.map((weight) => {
    const exact = (total * weight) / sum + carry;
    const whole = Math.floor(exact);
    carry = exact - whole;
    return whole;
  });
}

function pickCadence(random: Random): Cadence {
  const r = random.next();
  return r < 0.15 ? 'weekly' : r < 0.75 ? 'fortnightly' : r < 0.95 ? 'monthly' : 'as_needed';
}

export const seed = defineSeed<CoachingSeed>({
  name: 'coaching',
  version: 1,
  async generate({ db, core, random }) {
    const scale = core.shape.people / 50_000;
    const total = Math.round(40_000 * scale);
    const sessionTarget = Math.round(1_000_000 * scale);
    const goalTarget = Math.round(100_000 * scale);
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const now = Date.now();

    const orgs = core.organizations.slice(0, 41);
    const shares = [Math.round(total * 0.4), ...apportion(total - Math.round(total * 0.4), orgs.slice(1).map((org) => org.activeMembers))];

    const planned: PlannedEngagement[] = [];
    const profiles: Insertable<CoachProfileTable>[] = [];
    const coachFacts: (CoachingSeed['coaches'][number] & { running: number })[] = [];
    const clientFacts: CoachingSeed['clients'] = [];

    for (const [index, org] of orgs.entries()) {
      const coaches = await coachesOf(db, org.id);
      if (coaches.length === 0) continue;
      const coachIds = new Set(coaches.map((c) => c.personId));
      const members = (await activeMembers(db, org.id)).filter((id) => !coachIds.has(id));
      // A small organization cannot keep more engagements than it has people to coach.
      const share = Math.min(shares[index]!, members.length * 2);
      const clients = random.sample(members, members.length);
      let clientCursor = 0;
      // One open engagement per client: running engagements take clients in turn, past ones reuse them.
      const nextClient = (open: boolean) => (open ? clients[clientCursor++ % clients.length]! : random.pick(clients));
      // A few coaches are much busier than the rest.
      const weights = coaches.map(() => (random.chance(0.1) ? 4 + random.next() * 4 : 0.5 + random.next()));
      const perCoach = apportion(share, weights);
      for (const [c, coach] of coaches.entries()) {
        const count = perCoach[c]!;
        if (count === 0) continue;
        const slots = Math.max(1, Math.min(30, Math.ceil(count / 7)));
        const perSlot = apportion(count, Array.from({ length: slots }, () => 0.7 + random.next() * 0.6));
        let running = 0;
        const first = planned.length;
        for (const inSlot of perSlot) {
          if (inSlot === 0) continue;
          // Walk back from today: the latest engagement of the slot first.
          let cursor = today;
          const span = Math.max(45, Math.floor(HISTORY_DAYS / inSlot));
          const r = random.next();
          const current: EngagementState | null = r < 0.7 ? 'active' : r < 0.78 ? 'agreed' : r < 0.85 ? 'proposed' : null;
          for (let k = 0; k < inSlot; k++) {
            const state: EngagementState = k === 0 && current ? current : random.chance(0.87) ? 'completed' : 'ended_early';
            const cadence = pickCadence(random);
            const length = Math.max(30, Math.round(span * (0.7 + random.next() * 0.25)));
            let startOn: number;
            let plannedEndOn: number;
            let endedOn: number | null = null;
            if (state === 'active') {
              startOn = today - random.int(10, Math.max(20, length - 15)) * DAY_MS;
              // Some are near their planned end (the coach home flags them).
              plannedEndOn = random.chance(0.1) ? today + random.int(0, 14) * DAY_MS : Math.max(today + 15 * DAY_MS, startOn + length * DAY_MS);
            } else if (state === 'agreed' || state === 'proposed') {
              startOn = today + random.int(3, 20) * DAY_MS;
              plannedEndOn = startOn + length * DAY_MS;
            } else {
              endedOn = cursor - random.int(1, 20) * DAY_MS;
              startOn = endedOn - (state === 'ended_early' ? Math.round(length * (0.3 + random.next() * 0.4)) : length) * DAY_MS;
              plannedEndOn = state === 'ended_early' ? startOn + length * DAY_MS : endedOn;
            }
            cursor = Math.min(startOn, cursor) - random.int(0, 14) * DAY_MS;
            const open = state === 'active' || state === 'agreed' || state === 'proposed';
            if (state === 'active' || state === 'agreed') running += 1;
            const client = nextClient(open);
            const sponsor = random.chance(0.3) ? random.pick(members) : null;
            const createdAt = startOn - random.int(5, 20) * DAY_MS;
            const id = random.uuid();
            const row: Insertable<EngagementTable> = {
              id, org_id: org.id, kind: 'coaching', coach_person_id: coach.personId, client_person_id: client, sponsor_person_id: sponsor === client ? null : sponsor,
              state, title: random.pick(TITLES), created_by_person_id: random.chance(0.6) ? org.admins[0] ?? coach.personId : coach.personId,
              ended_reason: state === 'ended_early' ? 'The client moved to another role.' : null, ended_by_person_id: state === 'ended_early' ? client : null,
              client_reflection: state === 'completed' ? 'Clearer priorities and calmer weeks.' : null, coach_reflection: state === 'completed' ? 'Steady progress; goals mostly met.' : null,
              client_evaluation_rating: state === 'completed' ? random.int(3, 5) : null, client_evaluation_comment: state === 'completed' ? '' : null,
              created_at: iso(createdAt), updated_at: iso(endedOn ?? Math.min(now, startOn)), closed_at: endedOn === null ? null : iso(endedOn + 17 * 3_600_000),
            };
            if (state === 'active' && open) clientFacts.push({ orgId: org.id, personId: client });
            const lastOn = endedOn ?? (state === 'active' ? Math.max(startOn, today - random.int(1, CADENCE_DAYS[cadence] - 1) * DAY_MS) : null);
            const natural = lastOn === null ? 0 : Math.floor((lastOn - startOn) / (CADENCE_DAYS[cadence] * DAY_MS)) + 1;
            planned.push({
              row, cadence, startOn, plannedEndOn, endedOn, lastOn, timeZone: coach.timeZone, minuteOfDay: random.int(7 * 4, 16 * 4) * 15, sessions: natural,
              goals: state === 'proposed' ? 0 : random.int(1, 4),
            });
          }
        }
        profiles.push({
          org_id: org.id, person_id: coach.personId, specialties: '["leadership","career transitions"]', approach: 'Solution-focused, with GROW for goals.',
          credentials_summary: coach.external ? 'ICF PCC' : 'Internal coaching certificate', coach_kind: coach.external ? 'external' : 'internal',
          capacity: Math.max(running, slots) + random.int(0, 2), accepting_clients: random.chance(0.9) ? 1 : 0, updated_at: iso(today - 30 * DAY_MS),
        });
        coachFacts.push({ orgId: org.id, personId: coach.personId, engagements: planned.length - first, sessions: 0, running });
      }
    }

    // Sessions and goals: the natural rhythm, thinned or thickened evenly so the whole set holds the targets.
    const sessionFactor = sessionTarget / planned.reduce((sum, p) => sum + p.sessions, 0);
    const goalFactor = goalTarget / planned.reduce((sum, p) => sum + p.goals, 0);
    let sessionCarry = 0;
    let goalCarry = 0;
    for (const p of planned) {
      if (p.sessions > 0) {
        const exact = p.sessions * sessionFactor + sessionCarry;
        p.sessions = Math.max(1, Math.floor(exact));
        sessionCarry = exact - p.sessions;
      }
      if (p.goals > 0) {
        const exact = p.goals * goalFactor + goalCarry;
        p.goals = Math.max(1, Math.floor(exact));
        goalCarry = exact - p.goals;
      }
    }

    // Engagements with their agreements, acceptances and history.
    const agreements: Insertable<AgreementTable>[] = [];
    const acceptances: Insertable<AgreementAcceptanceTable>[] = [];
    const transitions: Insertable<EngagementTransitionTable>[] = [];
    for (const p of planned) {
      const row = p.row;
      const state = row.state as EngagementState;
      const parties: ['coach' | 'client' | 'sponsor', string][] = [['coach', row.coach_person_id as string], ['client', row.client_person_id as string]];
      if (row.sponsor_person_id) parties.push(['sponsor', row.sponsor_person_id as string]);
      const amended = state === 'active' && random.chance(0.1);
      const visibility = row.sponsor_person_id ? random.pick(SPONSOR_VISIBILITY) : 'nothing';
      const created = Date.parse(row.created_at as string);
      const sessionsPlanned = Math.max(1, Math.round((p.plannedEndOn - p.startOn) / (CADENCE_DAYS[p.cadence] * DAY_MS)));
      for (let version = 1; version <= (amended ? 2 : 1); version++) {
        const agreementId = random.uuid();
        const last = version === (amended ? 2 : 1);
        agreements.push({
          id: agreementId, org_id: row.org_id, engagement_id: row.id, version, objectives: OBJECTIVES, planned_sessions: sessionsPlanned, start_date: date(p.startOn),
          planned_end_date: date(last ? p.plannedEndOn : p.plannedEndOn - 30 * DAY_MS), cadence: p.cadence, sponsor_visibility: visibility,
          confidentiality_limits: DEFAULT_CONFIDENTIALITY_LIMITS, created_by_person_id: row.created_by_person_id, created_at: iso(created + (version - 1) * 40 * DAY_MS),
        });
        // A proposed engagement waits for someone; every other agreement was accepted by all.
        const accepting = state === 'proposed' ? parties.slice(0, 1) : parties;
        for (const [party, personId] of accepting) {
          acceptances.push({ agreement_id: agreementId, org_id: row.org_id, party, person_id: personId, ethics_acknowledged: party === 'coach' ? 1 : 0, accepted_at: iso(created + (version - 1) * 40 * DAY_MS + DAY_MS) });
        }
      }
      const move = (event: string, from: string, to: string, at: number, actor: string | null, note: string | null = null) =>
        transitions.push({ id: random.uuid(), org_id: row.org_id, engagement_id: row.id, event, from_state: from, to_state: to, actor_person_id: actor, note, created_at: iso(at) });
      move('propose', 'proposed', 'proposed', created, row.created_by_person_id as string);
      if (state === 'proposed') continue;
      move('all_accepted', 'proposed', 'agreed', created + DAY_MS, row.client_person_id as string);
      if (state === 'agreed') continue;
      move('start', 'agreed', 'active', p.startOn, row.coach_person_id as string);
      if (amended) move('amend_agreement', 'active', 'active', created + 40 * DAY_MS, row.coach_person_id as string, 'agreement version 2');
      if (state === 'completed') move('close', 'active', 'completed', p.endedOn! + 17 * 3_600_000, row.coach_person_id as string);
      if (state === 'ended_early') move('end_early', 'active', 'ended_early', p.endedOn! + 17 * 3_600_000, row.client_person_id as string, row.ended_reason ?? null);
    }
    await insertBatched(db, 'engagements', planned.map((p) => p.row));
    await insertBatched(db, 'agreements', agreements);
    await insertBatched(db, 'agreement_acceptances', acceptances);
    await insertBatched(db, 'engagement_transitions', transitions);
    await insertBatched(db, 'coach_profiles', profiles);

    // Sessions, their notes and action items, written as they are made (sessions first: the others point at them).
    const counts = { sessions: 0, sessionNotes: 0, actionItems: 0, goals: 0, goalProgress: 0 };
    const sessions: Insertable<CoachingSessionTable>[] = [];
    const notes: Insertable<SessionNoteTable>[] = [];
    const actions: Insertable<ActionItemTable>[] = [];
    const goals: Insertable<GoalTable>[] = [];
    const progress: Insertable<GoalProgressTable>[] = [];
    const flush = async () => {
      await insertBatched(db, 'coaching_sessions', sessions);
      await insertBatched(db, 'session_notes', notes);
      await insertBatched(db, 'action_items', actions);
      await insertBatched(db, 'goals', goals);
      await insertBatched(db, 'goal_progress', progress);
      counts.sessions += sessions.length;
      counts.sessionNotes += notes.length;
      counts.actionItems += actions.length;
      counts.goals += goals.length;
      counts.goalProgress += progress.length;
      for (const list of [sessions, notes, actions, goals, progress] as unknown[][]) list.length = 0;
    };
    const sessionsByCoach = new Map<string, number>();
    for (const p of planned) {
      const row = p.row;
      const state = row.state as EngagementState;
      const coach = row.coach_person_id as string;
      const client = row.client_person_id as string;
      const running = state === 'active' || state === 'agreed';
      const lastOn = p.lastOn ?? p.startOn;
      const stepDays = p.sessions > 1 ? Math.max(1, Math.floor((lastOn - p.startOn) / DAY_MS / (p.sessions - 1))) : CADENCE_DAYS[p.cadence];
      const held: { id: string; at: number }[] = [];
      let written = 0;
      const newSession = (at: number, status: CoachingSessionTable['status'], withFocus: boolean) => {
        const id = random.uuid();
        const cancelled = status === 'cancelled' || status === 'late_cancelled';
        const rated = status === 'held' && random.chance(0.3);
        sessions.push({
          id, org_id: row.org_id, engagement_id: row.id, starts_at: iso(at), duration_minutes: random.chance(0.8) ? 60 : 45, time_zone: p.timeZone, location: random.pick(LOCATIONS),
          status, focus: withFocus ? random.pick(FOCI) : null, focus_set_at: withFocus ? iso(at - 2 * DAY_MS) : null,
          cancelled_by_person_id: cancelled ? client : null, cancelled_at: cancelled ? iso(at - (status === 'late_cancelled' ? 3_600_000 : 3 * DAY_MS)) : null,
          cancel_reason: cancelled ? 'Travelling that week.' : null, rating: rated ? random.int(3, 5) : null, rating_comment: rated ? '' : null, rated_at: rated ? iso(at + 2 * 3_600_000) : null,
          created_at: iso(Math.min(at, now) - 10 * DAY_MS),
        });
        written += 1;
        return id;
      };
      // Past sessions, at an even step from the start to the last one.
      for (let k = 0; k < p.sessions; k++) {
        const at = (p.sessions === 1 ? p.startOn : Math.min(lastOn, p.startOn + k * stepDays * DAY_MS)) + p.minuteOfDay * 60_000;
        const r = random.next();
        const status = r < 0.88 ? 'held' : r < 0.94 ? 'cancelled' : r < 0.97 ? 'late_cancelled' : 'no_show';
        const id = newSession(at, status, status === 'held' && random.chance(0.6));
        if (status !== 'held') continue;
        held.push({ id, at });
        if (random.chance(0.25)) {
          notes.push({ id: random.uuid(), org_id: row.org_id, session_id: id, author_person_id: random.chance(0.8) ? coach : client, kind: random.chance(0.7) ? 'note' : 'observation', body: random.pick(NOTES), created_at: iso(at + 3_600_000) });
        }
      }
      // What is booked ahead: the next two sessions of a running engagement (an agreed one's first).
      if (running) {
        const step = CADENCE_DAYS[p.cadence] * DAY_MS;
        let next = state === 'agreed' ? p.startOn : Math.max(today, lastOn + step);
        for (let k = 0; k < (state === 'agreed' ? 1 : 2); k++, next += step) newSession(next + p.minuteOfDay * 60_000, 'scheduled', random.chance(0.4));
      }
      sessionsByCoach.set(`${row.org_id}/${coach}`, (sessionsByCoach.get(`${row.org_id}/${coach}`) ?? 0) + written);
      // Action items from the latest sessions: open ones in running engagements (the older ones overdue), done or dropped elsewhere.
      const recent = held.slice(-4);
      for (const [k, session] of recent.entries()) {
        const latest = k >= recent.length - 2;
        const status: ActionItemTable['status'] = running && latest ? 'open' : running || state === 'completed' ? (random.chance(0.85) ? 'done' : 'dropped') : 'dropped';
        const due = session.at + random.int(5, 21) * DAY_MS;
        actions.push({
          id: random.uuid(), org_id: row.org_id, engagement_id: row.id, session_id: session.id, title: random.pick(ACTIONS), owner_person_id: random.chance(0.85) ? client : coach,
          due_date: random.chance(0.9) ? date(due) : null, status, completed_at: status === 'done' ? iso(Math.min(due, now) - DAY_MS) : null, created_at: iso(session.at + 3_600_000),
        });
      }
      // Goals: measured from a baseline toward a target, with a few recorded values on the way.
      const allMet = state === 'active' && random.chance(0.08);
      for (let g = 0; g < p.goals; g++) {
        const kind = GOALS[(g + p.minuteOfDay) % GOALS.length]!;
        const reach = state === 'completed' ? (random.chance(0.75) ? 1 : 0.5 + random.next() * 0.5) : allMet ? 1 : state === 'active' || state === 'ended_early' ? random.next() : 0;
        const current = Math.round(kind.baseline + (kind.target - kind.baseline) * reach);
        const goalId = random.uuid();
        goals.push({
          id: goalId, org_id: row.org_id, engagement_id: row.id, statement: kind.statement, measure: kind.measure, baseline_value: kind.baseline, target_value: kind.target,
          current_value: current, final_value: state === 'completed' ? current : null, unit: kind.unit, why_it_matters: 'It frees time for the team.',
          due_date: date(p.plannedEndOn), position: g, created_at: iso(p.startOn + 3_600_000),
        });
        if (state === 'agreed' || state === 'proposed') continue;
        const recorded = random.int(1, 3);
        for (let k = 1; k <= recorded; k++) {
          const on = p.startOn + Math.floor(((lastOn - p.startOn) * k) / recorded);
          progress.push({
            id: random.uuid(), org_id: row.org_id, goal_id: goalId, value: Math.round(kind.baseline + ((current - kind.baseline) * k) / recorded), recorded_on: date(on),
            note: k === recorded ? 'Latest check.' : '', recorded_by_person_id: random.chance(0.5) ? coach : client, created_at: iso(on + 18 * 3_600_000),
          });
        }
      }
      if (sessions.length >= 20_000) await flush();
    }
    await flush();

    for (const fact of coachFacts) fact.sessions = sessionsByCoach.get(`${fact.orgId}/${fact.personId}`) ?? 0;
    const busiest = coachFacts.filter((c) => c.running > 0).sort((a, b) => b.sessions - a.sessions);
    const chosen = [...busiest.slice(0, 16), ...random.sample(busiest.slice(16), 48)];
    return {
      generatedOn: date(today),
      coaches: chosen.map(({ orgId, personId, engagements, sessions: held }) => ({ orgId, personId, engagements, sessions: held })),
      clients: random.sample(clientFacts, 256),
      counts: {
        engagements: planned.length, running: planned.filter((p) => p.row.state === 'active' || p.row.state === 'agreed').length, goals: counts.goals,
        goalProgress: counts.goalProgress, sessions: counts.sessions, sessionNotes: counts.sessionNotes, actionItems: counts.actionItems, coaches: profiles.length,
      },
    };
  },
});

function seeded(seeds: Record<string, unknown>): CoachingSeed {
  const data = seeds.coaching as CoachingSeed | undefined;
  if (!data) throw new Error('the coaching seed did not run');
  return data;
}

const expectOk = (response: { status: number; body: unknown }) => {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
};

const sessionFields = ['id', 'engagementId', 'engagementTitle', 'startsAt', 'durationMinutes', 'timeZone', 'status', 'coachName', 'clientName'];
function expectSession(session: unknown, what: string): void {
  const missing = sessionFields.filter((field) => !(field in (session as object)));
  if (missing.length) throw new Error(`${what} lacks ${missing.join(', ')}: ${JSON.stringify(session).slice(0, 300)}`);
  if ((session as { status: string }).status !== 'scheduled') throw new Error(`${what} is not a scheduled session`);
}

export const scenarios = [
  defineScenario({
    name: 'coaching-coach-home',
    description: 'GET …/coaching/home/coach as 64 coaches in 41 organizations (the 16 busiest: up to hundreds of engagements and thousands of sessions each), of 40,000 engagements and 1,000,000 sessions',
    target: LATENCY_TARGET,
    async requests({ seeds, signIn }) {
      const data = seeded(seeds);
      return Promise.all(data.coaches.map(async (coach): Promise<BenchRequest> => ({
        method: 'GET', path: `/api/orgs/${coach.orgId}/coaching/home/coach`, headers: await signIn(coach.personId),
      })));
    },
    verify(response) {
      expectOk(response);
      const body = response.body as { today?: string; todaysSessions?: unknown[]; upcomingSessions?: unknown[]; clients?: { attainment?: unknown }[]; overdueActionItems?: unknown[]; attention?: unknown[] };
      if (!body.today || !Array.isArray(body.todaysSessions) || !Array.isArray(body.upcomingSessions) || !Array.isArray(body.overdueActionItems) || !Array.isArray(body.attention)) {
        throw new Error(`not a coach home: ${JSON.stringify(body).slice(0, 300)}`);
      }
      // Every chosen coach has running engagements, each with its next sessions booked.
      if (!body.clients?.length || !body.clients.every((client) => client.attainment)) throw new Error(`a coach home without clients: ${JSON.stringify(body).slice(0, 300)}`);
      for (const session of [...body.todaysSessions, ...body.upcomingSessions]) expectSession(session, 'a session of the week');
    },
  }),
  defineScenario({
    name: 'coaching-client-home',
    description: 'GET …/coaching/home/client as 256 clients with a running engagement (most largest-organization), of 40,000 engagements and 1,000,000 sessions',
    target: LATENCY_TARGET,
    async requests({ seeds, signIn }) {
      const data = seeded(seeds);
      return Promise.all(data.clients.map(async (client): Promise<BenchRequest> => ({
        method: 'GET', path: `/api/orgs/${client.orgId}/coaching/home/client`, headers: await signIn(client.personId),
      })));
    },
    verify(response) {
      expectOk(response);
      const body = response.body as { engagements?: { state: string }[]; nextSession?: unknown; goals?: { progress: number }[]; openActionItems?: unknown[] };
      if (!body.engagements?.some((e) => e.state === 'active')) throw new Error(`a client home without its running engagement: ${JSON.stringify(body).slice(0, 300)}`);
      if (!body.goals?.length || !body.goals.every((goal) => goal.progress >= 0 && goal.progress <= 1)) throw new Error(`a client home without goals: ${JSON.stringify(body).slice(0, 300)}`);
      if (!Array.isArray(body.openActionItems)) throw new Error('a client home without its action items');
      // Sessions are booked two ahead when the data set is generated; an old data set may have none left.
      if (body.nextSession !== null) expectSession(body.nextSession, 'the next session');
    },
  }),
];
