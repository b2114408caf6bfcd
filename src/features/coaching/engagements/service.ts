import type { Kysely } from 'kysely';
import type { AgreementTable, Database, EngagementTable } from '../../../db/schema.ts';
import { allAccepted, DEFAULT_CONFIDENTIALITY_LIMITS, requiredParties, type AgreementParty, type Cadence, type SponsorVisibility } from '../../../domain/coaching/agreement.ts';
import { availableEvents, OPEN_STATES, type EngagementState } from '../../../domain/coaching/engagement-lifecycle.ts';
import { attainment, type Attainment } from '../../../domain/coaching/goals.ts';
import { mayInEngagement, sponsorMaySee } from '../../../domain/coaching/engagement-permissions.ts';
import { param, preparedStatement } from '../../../platform/db/prepared.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { badRequest, conflict, forbidden, invalidField } from '../../../platform/http/problem.ts';
import { membershipStatus } from '../../members/service.ts';
import { assertAcceptingClients, assertCoachHasSlot } from '../coaches/service.ts';
import { acceptedVisibility, loadEngagement, type Viewer } from '../engagement-access.ts';
import { applyTransition } from './lifecycle.ts';

export interface AgreementTerms {
  objectives: string;
  plannedSessions: number;
  startDate: string;
  plannedEndDate: string;
  cadence: Cadence;
  sponsorVisibility: SponsorVisibility;
  confidentialityLimits?: string;
}

export interface NewEngagement {
  coachPersonId: string;
  clientPersonId: string;
  sponsorPersonId?: string | null;
  title: string;
  agreement: AgreementTerms;
}

function checkTerms(terms: AgreementTerms): void {
  if (terms.plannedEndDate < terms.startDate) throw invalidField('agreement.plannedEndDate', 'must not be before the start date');
}

async function assertActiveMember(db: Kysely<Database>, orgId: string, personId: string, field: string): Promise<void> {
  if ((await membershipStatus(db, orgId, personId)) !== 'active') throw invalidField(field, 'must be an active member of this organization');
}

/**
 * Proposes an engagement: an admin assigning a coach, or a coach inviting a client. It starts as
 * `proposed`, with version 1 of the agreement waiting for every party's acceptance.
 */
export async function proposeEngagement(db: Kysely<Database>, orgId: string, viewer: Viewer, input: NewEngagement): Promise<string> {
  const isAdmin = viewer.orgRoles.includes('admin');
  if (!isAdmin && input.coachPersonId !== viewer.personId) throw forbidden('A coach may propose engagements only with themselves as the coach.');
  if (input.coachPersonId === input.clientPersonId) throw invalidField('clientPersonId', 'must be someone other than the coach');
  if (input.sponsorPersonId && [input.coachPersonId, input.clientPersonId].includes(input.sponsorPersonId)) {
    throw invalidField('sponsorPersonId', 'must be someone other than the coach and the client');
  }
  await assertActiveMember(db, orgId, input.clientPersonId, 'clientPersonId');
  if (input.sponsorPersonId) await assertActiveMember(db, orgId, input.sponsorPersonId, 'sponsorPersonId');
  await assertAcceptingClients(db, orgId, input.coachPersonId);
  checkTerms(input.agreement);
  const open = await db.selectFrom('engagements').select('id').where('org_id', '=', orgId).where('kind', '=', 'coaching')
    .where('coach_person_id', '=', input.coachPersonId).where('client_person_id', '=', input.clientPersonId)
    .where('state', 'in', [...OPEN_STATES]).executeTakeFirst();
  if (open) throw conflict('This coach and client already have an open engagement.');

  const id = newId();
  const now = nowIso();
  await db.insertInto('engagements').values({
    id, org_id: orgId, coach_person_id: input.coachPersonId, client_person_id: input.clientPersonId, sponsor_person_id: input.sponsorPersonId ?? null,
    state: 'proposed', title: input.title.trim(), created_by_person_id: viewer.personId, ended_reason: null, ended_by_person_id: null,
    client_reflection: null, coach_reflection: null, client_evaluation_rating: null, client_evaluation_comment: null, created_at: now, updated_at: now, closed_at: null,
  }).execute();
  await insertAgreement(db, orgId, id, 1, input.agreement, viewer.personId);
  await db.insertInto('engagement_transitions').values({
    id: newId(), org_id: orgId, engagement_id: id, event: 'propose', from_state: 'proposed', to_state: 'proposed', actor_person_id: viewer.personId, note: null, created_at: now,
  }).execute();
  return id;
}

async function insertAgreement(db: Kysely<Database>, orgId: string, engagementId: string, version: number, terms: AgreementTerms, authorId: string) {
  await db.insertInto('agreements').values({
    id: newId(), org_id: orgId, engagement_id: engagementId, version, objectives: terms.objectives.trim(), planned_sessions: terms.plannedSessions,
    start_date: terms.startDate, planned_end_date: terms.plannedEndDate, cadence: terms.cadence, sponsor_visibility: terms.sponsorVisibility,
    confidentiality_limits: terms.confidentialityLimits?.trim() || DEFAULT_CONFIDENTIALITY_LIMITS, created_by_person_id: authorId, created_at: nowIso(),
  }).execute();
}

async function currentAgreement(db: Kysely<Database>, engagementId: string): Promise<AgreementTable> {
  return db.selectFrom('agreements').selectAll().where('engagement_id', '=', engagementId).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
}

/** A changed agreement is a new version; every party accepts it again before it holds. */
export async function amendAgreement(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, terms: AgreementTerms): Promise<void> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'amendAgreement', { forUpdate: true });
  checkTerms(terms);
  const current = await currentAgreement(db, engagementId);
  await applyTransition(db, engagement, 'amend_agreement', engagement.actors, viewer.personId, { note: `agreement version ${current.version + 1}` });
  await insertAgreement(db, orgId, engagementId, current.version + 1, terms, viewer.personId);
}

/**
 * A party accepts the agreement version they were shown. When the last party accepts, the
 * engagement becomes `agreed`, taking one of the coach's slots: capacity is checked again here,
 * inside the transaction, so concurrent acceptances cannot overfill a coach.
 */
export async function acceptAgreement(
  db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, input: { version: number; ethicsAcknowledged?: boolean },
): Promise<EngagementState> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'acceptAgreement', { forUpdate: true });
  const current = await currentAgreement(db, engagementId);
  if (input.version !== current.version) throw conflict(`The agreement changed: version ${current.version} is the one to read and accept.`);
  if (!['proposed', 'active'].includes(engagement.state)) throw conflict(`There is nothing to accept: the engagement is ${engagement.state.replace('_', ' ')}.`);
  const parties = engagement.actors.filter((actor): actor is AgreementParty => actor === 'coach' || actor === 'client' || actor === 'sponsor');
  if (parties.includes('coach') && !input.ethicsAcknowledged) {
    throw badRequest('As the coach, acknowledge the code of ethics to accept.', [{ field: 'ethicsAcknowledged', message: 'must be true for the coach' }]);
  }
  const now = nowIso();
  for (const party of parties) {
    await db.insertInto('agreement_acceptances').values({
      agreement_id: current.id, org_id: orgId, party, person_id: viewer.personId, ethics_acknowledged: party === 'coach' ? 1 : 0, accepted_at: now,
    }).onConflict((oc) => oc.columns(['agreement_id', 'party']).doNothing()).execute();
  }
  const accepted = (await db.selectFrom('agreement_acceptances').select('party').where('agreement_id', '=', current.id).execute()).map((row) => row.party);
  if (engagement.state === 'proposed' && allAccepted(engagement.row.sponsor_person_id !== null, accepted)) {
    await assertCoachHasSlot(db, orgId, engagement.row.coach_person_id);
    return applyTransition(db, engagement, 'all_accepted', ['system'], viewer.personId);
  }
  return engagement.state;
}

export async function startEngagement(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer): Promise<void> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewOverview', { forUpdate: true });
  await applyTransition(db, engagement, 'start', engagement.actors, viewer.personId);
}

export async function endEarly(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, reason: string): Promise<void> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewOverview', { forUpdate: true });
  await applyTransition(db, engagement, 'end_early', engagement.actors, viewer.personId, { reason });
  // The open action items of an ended engagement are dropped, not left dangling.
  await db.updateTable('action_items').set({ status: 'dropped' }).where('engagement_id', '=', engagementId).where('status', '=', 'open').execute();
}

export interface ClientClosure { reflection: string; evaluationRating: number; evaluationComment?: string }
export interface CoachClosure { reflection: string; finalValues: { goalId: string; value: number }[] }

/**
 * Closure is written by both: the client's reflection and evaluation of the coaching, the coach's
 * reflection and the final value of each goal's measure. With both parts in, it is completed.
 */
export async function submitClosure(
  db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer, part: { client?: ClientClosure; coach?: CoachClosure },
): Promise<EngagementState> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewContent', { forUpdate: true });
  if (engagement.state !== 'active') throw conflict(`Only an active engagement can be closed; this one is ${engagement.state.replace('_', ' ')}.`);
  if (part.client) {
    if (!mayInEngagement(engagement.actors, 'closeAsClient')) throw forbidden('Only the client writes the client’s closing reflection and evaluation.');
    await db.updateTable('engagements').set({
      client_reflection: part.client.reflection.trim(), client_evaluation_rating: part.client.evaluationRating,
      client_evaluation_comment: part.client.evaluationComment?.trim() ?? '', updated_at: nowIso(),
    }).where('id', '=', engagementId).execute();
  }
  if (part.coach) {
    if (!mayInEngagement(engagement.actors, 'closeAsCoach')) throw forbidden('Only the coach writes the coach’s reflection and the final measures.');
    const goals = await db.selectFrom('goals').select('id').where('engagement_id', '=', engagementId).execute();
    const given = new Map(part.coach.finalValues.map((entry) => [entry.goalId, entry.value]));
    const missing = goals.filter((goal) => !given.has(goal.id));
    if (missing.length) throw invalidField('coach.finalValues', `must give a final value for every goal (${missing.length} missing)`);
    const unknown = [...given.keys()].filter((goalId) => !goals.some((goal) => goal.id === goalId));
    if (unknown.length) throw invalidField('coach.finalValues', 'names a goal that is not in this engagement');
    for (const [goalId, value] of given) {
      await db.updateTable('goals').set({ final_value: value, current_value: value }).where('id', '=', goalId).where('engagement_id', '=', engagementId).execute();
    }
    await db.updateTable('engagements').set({ coach_reflection: part.coach.reflection.trim(), updated_at: nowIso() }).where('id', '=', engagementId).execute();
  }
  const row = await db.selectFrom('engagements').select(['client_reflection', 'coach_reflection']).where('id', '=', engagementId).executeTakeFirstOrThrow();
  if (row.client_reflection !== null && row.coach_reflection !== null) {
    return applyTransition(db, engagement, 'close', ['system'], viewer.personId);
  }
  return engagement.state;
}

async function goalMeasures(db: Kysely<Database>, engagementIds: string[]) {
  if (engagementIds.length === 0) return new Map<string, Attainment>();
  const rows = await db.selectFrom('goals').select(['engagement_id', 'baseline_value', 'target_value', 'current_value']).where('engagement_id', 'in', engagementIds).execute();
  const byEngagement = new Map<string, { baseline: number; target: number; current: number }[]>();
  for (const row of rows) {
    const list = byEngagement.get(row.engagement_id) ?? [];
    list.push({ baseline: row.baseline_value, target: row.target_value, current: row.current_value });
    byEngagement.set(row.engagement_id, list);
  }
  return new Map(engagementIds.map((id) => [id, attainment(byEngagement.get(id) ?? [])]));
}

async function namesOf(db: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export interface EngagementSummary {
  id: string;
  title: string;
  state: EngagementState;
  coach: { personId: string; name: string };
  client: { personId: string; name: string };
  sponsor: { personId: string; name: string } | null;
  startDate: string;
  plannedEndDate: string;
  attainment: Attainment;
  /** Every goal met while active: Cairn proposes closure. */
  closureProposed: boolean;
  createdAt: string;
  closedAt: string | null;
}

async function summarize(db: Kysely<Database>, rows: { id: string; title: string; state: string; coach_person_id: string; client_person_id: string; sponsor_person_id: string | null; created_at: string; closed_at: string | null }[]): Promise<EngagementSummary[]> {
  const ids = rows.map((row) => row.id);
  // Independent reads, sent together: on PostgreSQL each is a round trip.
  const [names, attainments, agreements] = await Promise.all([
    namesOf(db, rows.flatMap((row) => [row.coach_person_id, row.client_person_id, row.sponsor_person_id])),
    goalMeasures(db, ids),
    ids.length
      ? db.selectFrom('agreements as a').select(['a.engagement_id', 'a.start_date', 'a.planned_end_date', 'a.version']).where('a.engagement_id', 'in', ids).execute()
      : [],
  ]);
  const latest = new Map<string, { start_date: string; planned_end_date: string; version: number }>();
  for (const agreement of agreements) {
    const seen = latest.get(agreement.engagement_id);
    if (!seen || seen.version < agreement.version) latest.set(agreement.engagement_id, agreement);
  }
  return rows.map((row) => {
    const att = attainments.get(row.id)!;
    return {
      id: row.id, title: row.title, state: row.state as EngagementState,
      coach: { personId: row.coach_person_id, name: names.get(row.coach_person_id) ?? '' },
      client: { personId: row.client_person_id, name: names.get(row.client_person_id) ?? '' },
      sponsor: row.sponsor_person_id ? { personId: row.sponsor_person_id, name: names.get(row.sponsor_person_id) ?? '' } : null,
      startDate: latest.get(row.id)?.start_date ?? '', plannedEndDate: latest.get(row.id)?.planned_end_date ?? '',
      attainment: att, closureProposed: row.state === 'active' && att.allMet, createdAt: row.created_at, closedAt: row.closed_at,
    };
  });
}

const summaryColumns = ['id', 'title', 'state', 'coach_person_id', 'client_person_id', 'sponsor_person_id', 'created_at', 'closed_at'] as const;

type PartyRole = 'coach' | 'client' | 'sponsor';

// The homes read a person's engagements on every load: one statement per role and states, built once.
const engagementStatements = new Map<string, ReturnType<typeof engagementsStatement>>();
const engagementsStatement = (role: PartyRole | undefined, states: readonly EngagementState[] | undefined) => preparedStatement<
  Pick<EngagementTable, (typeof summaryColumns)[number]>, { orgId: string; personId: string }
>((db) => {
  // Mentoring relationships that borrow the coaching tools are not coaching engagements.
  let query = db.selectFrom('engagements').select(summaryColumns).where('org_id', '=', param('orgId')).where('kind', '=', 'coaching');
  query = query.where((eb) => eb.or([
    ...(!role || role === 'coach' ? [eb('coach_person_id', '=', param('personId'))] : []),
    ...(!role || role === 'client' ? [eb('client_person_id', '=', param('personId'))] : []),
    ...(!role || role === 'sponsor' ? [eb('sponsor_person_id', '=', param('personId'))] : []),
  ]));
  if (states) query = query.where('state', 'in', [...states]);
  return query.orderBy('created_at', 'desc').limit(200);
});

/** The engagements a person takes part in, as coach, client or sponsor; only those in `states` when given. */
export async function myEngagements(db: Kysely<Database>, orgId: string, personId: string, role?: PartyRole, states?: readonly EngagementState[]) {
  const key = `${role ?? 'any'}:${states?.join(',') ?? 'all'}`;
  let statement = engagementStatements.get(key);
  if (!statement) {
    statement = engagementsStatement(role, states);
    engagementStatements.set(key, statement);
  }
  const rows = await statement(db, { orgId, personId });
  const summaries = await summarize(db, rows);
  // A sponsor whose agreement hides goals sees no attainment either.
  const visibility = await sponsorVisibilities(db, rows.filter((row) => row.sponsor_person_id === personId && row.coach_person_id !== personId && row.client_person_id !== personId));
  return summaries.map((summary) => visibility.has(summary.id) && !sponsorMaySee(visibility.get(summary.id)!, 'goals')
    ? { ...summary, attainment: { goals: 0, met: 0, meanProgress: null, allMet: false }, closureProposed: false }
    : summary);
}

async function sponsorVisibilities(db: Kysely<Database>, rows: { id: string }[]) {
  const result = new Map<string, SponsorVisibility | null>();
  for (const row of rows) result.set(row.id, await acceptedVisibility(db, row.id));
  return result;
}

/** Every engagement in the organization, for its admin: state, people, dates and attainment only. */
export async function organizationEngagements(
  db: Kysely<Database>, orgId: string, filters: { state?: EngagementState; coachPersonId?: string; page: number; pageSize: number },
) {
  let query = db.selectFrom('engagements').where('org_id', '=', orgId).where('kind', '=', 'coaching');
  if (filters.state) query = query.where('state', '=', filters.state);
  if (filters.coachPersonId) query = query.where('coach_person_id', '=', filters.coachPersonId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.select(summaryColumns).orderBy('created_at', 'desc').orderBy('id').limit(filters.pageSize).offset((filters.page - 1) * filters.pageSize).execute();
  return { items: await summarize(db, rows), page: filters.page, pageSize: filters.pageSize, total: Number(total) };
}

/** One engagement as the viewer may see it: each part appears only where their role allows. */
export async function engagementDetail(db: Kysely<Database>, orgId: string, engagementId: string, viewer: Viewer) {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer);
  const [summary] = await summarize(db, [engagement.row]);
  const agreement = await currentAgreement(db, engagementId);
  const acceptances = await db.selectFrom('agreement_acceptances').select(['party', 'accepted_at', 'agreement_id']).where('agreement_id', '=', agreement.id).execute();
  const parties = requiredParties(engagement.row.sponsor_person_id !== null);
  const transitions = await db.selectFrom('engagement_transitions as t').leftJoin('people as p', 'p.id', 't.actor_person_id')
    .select(['t.event', 't.from_state', 't.to_state', 't.note', 't.created_at', 'p.name']).where('t.engagement_id', '=', engagementId).orderBy('t.created_at').execute();
  const seesContent = mayInEngagement(engagement.actors, 'viewContent');
  const sponsorOnly = !seesContent && engagement.actors.includes('sponsor');
  const showAttainment = seesContent || engagement.actors.includes('admin') || (sponsorOnly && sponsorMaySee(engagement.acceptedVisibility, 'goals'));
  const row = engagement.row;
  return {
    ...summary!,
    attainment: showAttainment ? summary!.attainment : null,
    closureProposed: showAttainment ? summary!.closureProposed : false,
    yourParts: engagement.actors,
    availableEvents: availableEvents(engagement.state, engagement.actors).filter((event) => event !== 'all_accepted' && event !== 'close'),
    sponsorVisibility: sponsorOnly ? engagement.acceptedVisibility : null,
    agreement: {
      version: agreement.version, objectives: agreement.objectives, plannedSessions: agreement.planned_sessions, startDate: agreement.start_date,
      plannedEndDate: agreement.planned_end_date, cadence: agreement.cadence as Cadence, sponsorVisibility: agreement.sponsor_visibility as SponsorVisibility,
      confidentialityLimits: agreement.confidentiality_limits,
      acceptances: parties.map((party) => ({ party, acceptedAt: acceptances.find((a) => a.party === party)?.accepted_at ?? null })),
      fullyAccepted: allAccepted(row.sponsor_person_id !== null, acceptances.map((a) => a.party)),
    },
    history: transitions.map((t) => ({ event: t.event, from: t.from_state, to: t.to_state, by: t.name, note: engagement.actors.includes('sponsor') && !seesContent ? null : t.note, at: t.created_at })),
    endedReason: seesContent || engagement.actors.includes('admin') ? row.ended_reason : null,
    closure: seesContent ? {
      clientReflection: row.client_reflection, coachReflection: row.coach_reflection,
      clientEvaluation: row.client_evaluation_rating === null ? null : { rating: row.client_evaluation_rating, comment: row.client_evaluation_comment ?? '' },
    } : null,
  };
}
