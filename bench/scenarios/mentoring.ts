import type { Insertable, Kysely } from 'kysely';
import type { CheckInTable, ContinuationReviewTable, Database, EnrollmentTable, MentoringRelationshipTable } from '../../src/db/schema.ts';
import { cadenceMarks } from '../../src/domain/mentoring/cadence.ts';
import { recountEnrollment } from '../../src/features/mentoring/pair-counts.ts';
import { insertBatched } from '../lib/generate.ts';
import { defineScenario, defineSeed, LATENCY_TARGET, type BenchRequest } from '../lib/scenario.ts';

/*
 * Mentoring at scale: 100,000 relationships and 1,000,000 check-ins (at --scale 1). The largest
 * organization holds 40% of them: a flagship program of 24,000 relationships over four years
 * (5,000 running now, with 2,000 mentors), a second program and organic mentoring; the rest are
 * spread over the next forty organizations by size. Running pairs are on track (70%), slipping
 * (18%) or stalled (12%), a few paused; each has its open review; 2% are open requests; the
 * others concluded. Dates are laid out around the day the data set was generated.
 */

const CADENCE_DAYS = 14;
const REVIEW_WEEKS = 12;
const DAY_MS = 86_400_000;

interface ProgramPlan { orgId: string; programId: string | null; relationships: number; runningShare: number }

export interface MentoringSeed {
  generatedOn: string;
  orgId: string;
  flagshipProgramId: string;
  /** Mentors of the flagship with a full load and a history: the mentor-home scenario's people. */
  busyMentors: string[];
  /** The largest programs, largest first (the flagship leads), for the program-admin scenario. */
  programs: { orgId: string; programId: string; relationships: number }[];
  /** The people with the most relationships as mentor (programs and organic together), most first. */
  busiestMentors: { orgId: string; personId: string; relationships: number }[];
  counts: { relationships: number; checkIns: number; running: number; programs: number };
}

const TOPICS = ['["Career goals"]', '["Feedback","One-to-ones"]', '["Promotion case"]', '["Presenting"]', '["Priorities"]', '["Networking"]', '["Next role"]', '["Confidence"]'];
const NOTES = [
  'Agreed one stretch task for the month.', 'Practised the project update; clearer the second time.', 'Listed evidence for the promotion case.',
  'Mapped stakeholders; will ask for two introductions.', 'Talked through last week’s feedback and a script for the follow-up.', 'Compared two possible next roles.',
];

const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);

async function activeMembers(db: Kysely<Database>, orgId: string): Promise<string[]> {
  return (await db.selectFrom('memberships').select('person_id').where('org_id', '=', orgId).where('status', '=', 'active').orderBy('person_id').execute()).map((r) => r.person_id);
}

export const seed = defineSeed<MentoringSeed>({
  name: 'mentoring',
  version: 3,
  async generate({ db, core, random }) {
    const scale = core.shape.people / 50_000;
    const total = Math.round(100_000 * scale);
    const checkInTarget = Math.round(1_000_000 * scale);
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const largest = core.organizations[0]!;

    // Where the relationships go: 40% in the largest organization, the rest by size over the next forty.
    const plans: ProgramPlan[] = [];
    const flagshipId = random.uuid();
    const inLargest = Math.round(total * 0.4);
    plans.push({ orgId: largest.id, programId: flagshipId, relationships: Math.round(inLargest * 0.6), runningShare: 0.21 });
    plans.push({ orgId: largest.id, programId: random.uuid(), relationships: Math.round(inLargest * 0.2), runningShare: 0.25 });
    plans.push({ orgId: largest.id, programId: null, relationships: inLargest - Math.round(inLargest * 0.6) - Math.round(inLargest * 0.2), runningShare: 0.25 });
    const others = core.organizations.slice(1, 41);
    const weight = others.reduce((sum, org) => sum + org.activeMembers, 0);
    let left = total - inLargest;
    for (const [index, org] of others.entries()) {
      const share = index === others.length - 1 ? left : Math.round(((total - inLargest) * org.activeMembers) / weight);
      left -= share;
      const programShare = Math.round(share * 0.8);
      plans.push({ orgId: org.id, programId: random.uuid(), relationships: programShare, runningShare: 0.25 });
      plans.push({ orgId: org.id, programId: null, relationships: share - programShare, runningShare: 0.25 });
    }

    // Programs.
    const now = iso(today);
    for (const plan of plans.filter((p) => p.programId)) {
      const creator = core.organizations.find((o) => o.id === plan.orgId)!.admins[0]!;
      await db.insertInto('mentoring_programs').values({
        id: plan.programId!, org_id: plan.orgId, name: plan.programId === flagshipId ? 'Mentoring Circle' : `Program ${plan.programId!.slice(0, 4)}`, purpose: 'career_growth',
        description: 'Generated for the benchmark', enrollment_window: 'always', cohort_starts_on: null, cohort_ends_on: null, cadence_days: CADENCE_DAYS,
        suggested_length_weeks: 26, review_every_weeks: REVIEW_WEEKS, default_mentor_capacity: 3, pairing_mode: 'admin_assigns', enrollment_approval: 'admin',
        status: 'active', created_by_person_id: creator, created_at: iso(today - 1500 * DAY_MS),
      }).execute();
    }

    // Relationships, planned in memory (check-ins are written as they are made, in batches).
    interface Planned { row: Insertable<MentoringRelationshipTable>; checkIns: number; firstOn: number; lastOn: number | null }
    const planned: Planned[] = [];
    const enrollments: Insertable<EnrollmentTable>[] = [];
    const reviews: Insertable<ContinuationReviewTable>[] = [];
    const busyMentors: string[] = [];
    const membersByOrg = new Map<string, string[]>();
    for (const plan of plans) {
      let members = membersByOrg.get(plan.orgId);
      if (!members) {
        members = await activeMembers(db, plan.orgId);
        membersByOrg.set(plan.orgId, members);
      }
      const running = Math.round(plan.relationships * plan.runningShare);
      const requested = Math.round(plan.relationships * 0.02);
      const mentorCount = Math.max(1, Math.ceil(running / 2.5));
      const shuffled = random.sample(members, members.length);
      const mentors = shuffled.slice(0, Math.min(mentorCount, Math.floor(members.length / 3)));
      const mentees = shuffled.slice(mentors.length);
      const load = new Map<string, number>();
      const menteeRunning = new Map<string, number>();
      const menteeLastEnded = new Map<string, string>();
      const menteeState = new Map<string, 'running' | 'requested' | 'concluded'>();
      let menteeCursor = 0;
      const nextMentee = (state: 'running' | 'requested' | 'concluded') => {
        // Running and requested pairs each take a mentee of their own; past ones reuse freely.
        for (let tries = 0; tries < mentees.length; tries++) {
          const candidate = state === 'concluded' ? random.pick(mentees) : mentees[menteeCursor++ % mentees.length]!;
          if (state === 'concluded' || !menteeState.has(candidate) || menteeState.get(candidate) === 'concluded') {
            if (menteeState.get(candidate) !== 'running' && menteeState.get(candidate) !== 'requested') menteeState.set(candidate, state);
            return candidate;
          }
        }
        return random.pick(mentees);
      };
      for (let i = 0; i < plan.relationships; i++) {
        const kind = i < running ? 'running' : i < running + requested ? 'requested' : 'concluded';
        // Running pairs fill mentors up to three each; past ones spread over every mentor.
        const mentor = kind === 'running' ? mentors[Math.floor(i / 2.5) % mentors.length]! : random.pick(mentors);
        const mentee = nextMentee(kind);
        const id = random.uuid();
        let startedAt: number | null = null;
        let endedAt: number | null = null;
        let lastOn: number | null = null;
        let state: string = kind === 'requested' ? 'requested' : kind === 'concluded' ? 'concluded' : 'active';
        if (kind === 'running') {
          load.set(mentor, (load.get(mentor) ?? 0) + 1);
          menteeRunning.set(mentee, (menteeRunning.get(mentee) ?? 0) + 1);
          startedAt = today - random.int(15, 420) * DAY_MS;
          const health = random.next();
          const since = health < 0.7 ? random.int(0, CADENCE_DAYS) : health < 0.88 ? random.int(CADENCE_DAYS + 1, 2 * CADENCE_DAYS) : random.int(2 * CADENCE_DAYS + 1, 2 * CADENCE_DAYS + 150);
          lastOn = Math.max(startedAt, today - since * DAY_MS);
          if (lastOn === startedAt && random.chance(0.5)) lastOn = null;
          if (random.chance(0.03)) state = 'paused';
        } else if (kind === 'concluded') {
          startedAt = today - random.int(120, 1460) * DAY_MS;
          endedAt = Math.min(today - DAY_MS, startedAt + random.int(60, 360) * DAY_MS);
          lastOn = endedAt - random.int(0, 20) * DAY_MS;
          if (iso(endedAt) > (menteeLastEnded.get(mentee) ?? '')) menteeLastEnded.set(mentee, iso(endedAt));
        }
        const startedOn = startedAt === null ? null : date(startedAt);
        const marks = startedOn ? cadenceMarks({ cadenceDays: CADENCE_DAYS, lastCheckInOn: lastOn === null ? null : date(lastOn), startedOn }) : null;
        const createdAt = kind === 'requested' ? today - random.int(0, 10) * DAY_MS : startedAt! - 2 * DAY_MS;
        planned.push({
          row: {
            id, org_id: plan.orgId, program_id: plan.programId, mentor_person_id: mentor, mentee_person_id: mentee, origin: plan.programId ? 'assigned' : 'organic', state,
            request_message: plan.programId ? null : 'Would you mentor me?', requested_by_person_id: plan.programId ? null : mentee,
            request_expires_at: kind === 'requested' ? iso(createdAt + 14 * DAY_MS) : null, decline_reason: null, cadence_days: CADENCE_DAYS, review_every_weeks: REVIEW_WEEKS,
            started_at: startedAt === null ? null : iso(startedAt), ended_at: endedAt === null ? null : iso(endedAt), ended_by_person_id: null, end_reason: endedAt ? 'review' : null,
            engagement_id: null, created_at: iso(createdAt), updated_at: iso(endedAt ?? startedAt ?? createdAt),
            last_check_in_on: lastOn === null ? null : date(lastOn), check_in_due_on: marks?.checkInDueOn ?? null, stalled_after_on: marks?.stalledAfterOn ?? null,
          },
          checkIns: lastOn === null || startedAt === null ? 0 : Math.floor((lastOn - startedAt) / (CADENCE_DAYS * DAY_MS)) + 1,
          firstOn: startedAt ?? 0, lastOn,
        });
        if (kind === 'running') {
          // The open review: due within the next twelve weeks; a few due this week.
          const due = random.chance(0.06) ? today + random.int(0, 7) * DAY_MS : today + random.int(8, REVIEW_WEEKS * 7) * DAY_MS;
          reviews.push({ id: random.uuid(), org_id: plan.orgId, relationship_id: id, due_on: date(due), outcome: null, resolved_at: null, created_at: iso(startedAt!) });
        }
      }
      if (plan.programId) {
        for (const mentor of mentors) {
          enrollments.push({
            id: random.uuid(), org_id: plan.orgId, program_id: plan.programId, person_id: mentor, side: 'mentor', status: 'approved', capacity: 3, paused: random.chance(0.04) ? 1 : 0,
            answers: '{}', created_at: iso(today - 1500 * DAY_MS), decided_at: iso(today - 1499 * DAY_MS), running_pairs: load.get(mentor) ?? 0, waiting_since: null,
          });
        }
        // Mentees: everyone with a running pair or an open request, 30% of the past ones still waiting, and newcomers not yet matched.
        for (const [mentee, state] of menteeState) {
          const stays = state !== 'concluded' || random.chance(0.3);
          enrollments.push({
            id: random.uuid(), org_id: plan.orgId, program_id: plan.programId, person_id: mentee, side: 'mentee', status: stays ? 'approved' : 'withdrawn', capacity: null, paused: 0,
            answers: '{}', created_at: iso(today - 1500 * DAY_MS), decided_at: iso(today - 1499 * DAY_MS), running_pairs: menteeRunning.get(mentee) ?? 0,
            waiting_since: menteeRunning.has(mentee) ? null : menteeLastEnded.get(mentee) ?? null,
          });
        }
        for (const newcomer of mentees.filter((m) => !menteeState.has(m)).slice(0, Math.round(running * 0.1))) {
          const decided = today - random.int(1, 120) * DAY_MS;
          enrollments.push({
            id: random.uuid(), org_id: plan.orgId, program_id: plan.programId, person_id: newcomer, side: 'mentee', status: random.chance(0.1) ? 'pending' : 'approved', capacity: null, paused: 0,
            answers: '{}', created_at: iso(decided - DAY_MS), decided_at: iso(decided), running_pairs: 0, waiting_since: null,
          });
        }
        if (plan.programId === flagshipId) busyMentors.push(...[...load].filter(([, n]) => n >= 2).map(([id]) => id).slice(0, 64));
      } else {
        for (const mentor of mentors) {
          await db.insertInto('mentor_listings').values({ org_id: plan.orgId, person_id: mentor, expertise: '["Careers"]', ask_me_about: 'Careers', availability: 'Fridays', capacity: 3, paused: 0, updated_at: now })
            .onConflict((oc) => oc.columns(['org_id', 'person_id']).doNothing()).execute();
        }
      }
    }

    // Check-ins: the natural rhythm, thinned or thickened evenly so the whole set holds the target.
    const natural = planned.reduce((sum, p) => sum + p.checkIns, 0);
    const factor = checkInTarget / natural;
    let written = 0;
    // Counts follow the running total, rounded, so the whole set lands on the target exactly (a carried remainder fell one short).
    let naturalSoFar = 0;
    let assigned = 0;
    const batch: Insertable<CheckInTable>[] = [];
    const flush = async () => {
      await insertBatched(db, 'check_ins', batch);
      written += batch.length;
      batch.length = 0;
    };
    await insertBatched(db, 'mentoring_relationships', planned.map((p) => p.row));
    for (const p of planned) {
      if (p.lastOn === null || p.checkIns === 0) continue;
      naturalSoFar += p.checkIns;
      const count = Math.max(1, Math.round(naturalSoFar * factor) - assigned);
      assigned += count;
      const span = p.lastOn - p.firstOn;
      for (let k = 0; k < count; k++) {
        const on = count === 1 ? p.lastOn : p.lastOn - Math.round((span * k) / (count - 1) / DAY_MS) * DAY_MS;
        batch.push({
          id: random.uuid(), org_id: p.row.org_id as string, relationship_id: p.row.id as string, met_on: date(on), topics: TOPICS[k % TOPICS.length]!, shared_notes: NOTES[k % NOTES.length]!,
          logged_by_person_id: (k % 2 ? p.row.mentee_person_id : p.row.mentor_person_id) as string, created_at: iso(on + 17 * 3_600_000), edited_at: null,
        });
      }
      if (batch.length >= 30_000) await flush();
    }
    await flush();
    await insertBatched(db, 'enrollments', enrollments);
    // Enrollments are written directly, so each program's kept counts are taken as Cairn takes them.
    for (const plan of plans) if (plan.programId) await recountEnrollment(db, plan.programId);
    await insertBatched(db, 'continuation_reviews', reviews);
    // A third of the reviews due this week already have one side's answer.
    const byId = new Map(planned.map((p) => [p.row.id as string, p.row]));
    const answers = reviews.filter((r) => (r.due_on as string) <= date(today + 7 * DAY_MS) && random.chance(0.33)).map((r) => {
      const pair = byId.get(r.relationship_id as string)!;
      return { review_id: r.id as string, org_id: r.org_id as string, person_id: (random.chance(0.5) ? pair.mentor_person_id : pair.mentee_person_id) as string, answer: 'continue' as const, answered_at: now };
    });
    await insertBatched(db, 'review_answers', answers);
    const programSizes = plans.filter((p) => p.programId).map((p) => ({ orgId: p.orgId, programId: p.programId!, relationships: p.relationships }));
    const mentored = new Map<string, { orgId: string; personId: string; relationships: number }>();
    for (const { row } of planned) {
      const key = `${row.org_id as string}/${row.mentor_person_id as string}`;
      const entry = mentored.get(key) ?? { orgId: row.org_id as string, personId: row.mentor_person_id as string, relationships: 0 };
      entry.relationships++;
      mentored.set(key, entry);
    }
    return {
      generatedOn: date(today), orgId: largest.id, flagshipProgramId: flagshipId, busyMentors,
      programs: programSizes.sort((a, b) => b.relationships - a.relationships).slice(0, 8),
      busiestMentors: [...mentored.values()].sort((a, b) => b.relationships - a.relationships).slice(0, 16),
      counts: { relationships: planned.length, checkIns: written, running: reviews.length, programs: plans.filter((p) => p.programId).length },
    };
  },
});

function seeded(seeds: Record<string, unknown>): MentoringSeed {
  const data = seeds.mentoring as MentoringSeed | undefined;
  if (!data) throw new Error('the mentoring seed did not run');
  return data;
}

const expectOk = (response: { status: number; body: unknown }) => {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
};

/** An admin of the organization, for the program admin's page. */
function adminOf(core: { organizations: { id: string; admins: string[] }[] }, orgId: string): string {
  const admin = core.organizations.find((org) => org.id === orgId)?.admins[0];
  if (!admin) throw new Error(`organization ${orgId} has no admin`);
  return admin;
}

type DashboardBody = { pairs?: Record<string, { count: number; items: unknown[] }>; mentorLoad?: { mentors: number } };

export const scenarios = [
  defineScenario({
    name: 'mentoring-program-admin',
    description: 'The program admin page as it loads (GET the program, its dashboard, and the first page of stalled pairs) for the eight largest programs: '
      + 'the flagship (24,000 relationships, 5,000 running, 2,000 mentors) first, of 100,000 and 1,000,000 check-ins',
    target: LATENCY_TARGET,
    async requests({ core, seeds, signIn }) {
      const data = seeded(seeds);
      const requests: BenchRequest[] = [];
      for (const program of data.programs) {
        const headers = await signIn(adminOf(core, program.orgId));
        const base = `/api/orgs/${program.orgId}/mentoring/programs/${program.programId}`;
        // The page opens on the first health group with pairs, stalled first; every program here has stalled pairs (verified).
        requests.push({ method: 'GET', path: base, headers }, { method: 'GET', path: `${base}/dashboard`, headers }, { method: 'GET', path: `${base}/pairs?health=stalled&page=1&pageSize=10`, headers });
      }
      return requests;
    },
    verify(response, request) {
      expectOk(response);
      if (request.path.endsWith('/dashboard')) {
        const body = response.body as DashboardBody;
        const running = Object.values(body.pairs ?? {}).reduce((sum, group) => sum + group.count, 0);
        if (running < 50 || !body.mentorLoad || body.mentorLoad.mentors < 20) throw new Error(`a small dashboard: ${JSON.stringify(body).slice(0, 300)}`);
        if (!Object.values(body.pairs!).every((group) => group.items.length === Math.min(10, group.count))) throw new Error('a health group without its first ten pairs');
      } else if (request.path.includes('/pairs?')) {
        const body = response.body as { items?: unknown[]; total?: number };
        if (!body.items || body.items.length !== 10 || !body.total) throw new Error(`not a full page of stalled pairs: ${JSON.stringify(body).slice(0, 300)}`);
      }
    },
  }),
  defineScenario({
    name: 'mentoring-mentor-home',
    description: 'The mentor home page as it loads (GET the mentor home, the relationships as mentor for the past ones, and the notices) '
      + 'as the sixteen people with the most relationships as mentor and 64 busy mentors of the flagship (2–3 running pairs and years of history each)',
    target: LATENCY_TARGET,
    async requests({ seeds, signIn }) {
      const data = seeded(seeds);
      const people = [...data.busiestMentors, ...data.busyMentors.map((personId) => ({ orgId: data.orgId, personId }))];
      const requests: BenchRequest[] = [];
      for (const { orgId, personId } of people) {
        const headers = await signIn(personId);
        requests.push(
          { method: 'GET', path: `/api/orgs/${orgId}/mentoring/home/mentor`, headers },
          { method: 'GET', path: `/api/orgs/${orgId}/mentoring/relationships?as=mentor`, headers },
          { method: 'GET', path: `/api/orgs/${orgId}/notices?page=1&pageSize=20`, headers },
        );
      }
      return requests;
    },
    verify(response, request) {
      expectOk(response);
      if (request.path.endsWith('/home/mentor')) {
        const body = response.body as { relationships?: unknown[]; load?: unknown[] };
        if (!body.relationships || !body.load?.length) throw new Error(`an empty home: ${JSON.stringify(body).slice(0, 300)}`);
      } else if (request.path.includes('/relationships?')) {
        const body = response.body as { items?: { state: string }[] };
        if (!body.items?.some((r) => r.state === 'concluded')) throw new Error(`no past relationships: ${JSON.stringify(body).slice(0, 300)}`);
      }
    },
  }),
];
