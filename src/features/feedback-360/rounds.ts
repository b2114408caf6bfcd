import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database, FeedbackRaterTable, FeedbackRoundTable } from '../../db/schema.ts';
import { RELATIONSHIPS, type Relationship } from '../../domain/assessments/feedback-report.ts';
import type { Instrument } from '../../domain/assessments/instrument.ts';
import { checkResponses, scoreResponses } from '../../domain/assessments/scoring.ts';
import { addDays, localDate, localDayBounds } from '../../domain/time-zones.ts';
import type { CairnConfig } from '../../platform/config.ts';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../platform/http/problem.ts';
import { hashSecret, newId, newSecret, nowIso } from '../../platform/ids.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { engagementInView, engagementParts } from '../assessments/access.ts';
import { instruments } from '../assessments/registry.ts';
import type { Viewer } from '../coaching/engagement-access.ts';
import { myEngagements } from '../coaching/engagements/service.ts';
import { invitationMail, reminderMail } from './mail.ts';
import { feedbackSettings } from './settings.ts';

export type RoundRow = Selectable<FeedbackRoundTable>;
export type RoundPart = 'subject' | 'coach';
export type RoundState = 'collecting' | 'closed';

export const DEFAULT_INSTRUMENT = 'leadership-competencies';
export const MAX_RATERS = 50;
/** A rater is not reminded twice within this long. */
export const REMINDER_GAP_MS = 12 * 60 * 60 * 1000;

/** A round is closed once closed by hand or past the end of its closing day, whichever comes first. */
export function stateOf(row: Pick<RoundRow, 'status' | 'closes_at'>, now = new Date()): RoundState {
  return row.status === 'closed' || now.toISOString() >= row.closes_at ? 'closed' : 'collecting';
}

export function roundInstrument(row: Pick<RoundRow, 'instrument_id' | 'instrument_version'>): Instrument {
  const instrument = instruments().version(row.instrument_id, row.instrument_version);
  if (!instrument) throw new Error(`instrument ${row.instrument_id} version ${row.instrument_version} is not installed`);
  return instrument;
}

/**
 * Loads a round for its subject or the coach of its engagement. To anyone else (admins included)
 * it does not exist.
 */
export async function loadRound(
  db: Kysely<Database>, orgId: string, roundId: string, viewer: Viewer, options: { forUpdate?: boolean } = {},
): Promise<{ row: RoundRow; parts: RoundPart[] }> {
  let query = db.selectFrom('feedback_rounds').selectAll().where('org_id', '=', orgId).where('id', '=', roundId);
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Feedback round');
  const parts: RoundPart[] = [];
  if (row.subject_person_id === viewer.personId) parts.push('subject');
  if (row.engagement_id && (await engagementParts(db, orgId, row.engagement_id, viewer)).includes('coach')) parts.push('coach');
  if (parts.length === 0) throw notFound('Feedback round');
  return { row, parts };
}

async function person(db: Kysely<Database>, personId: string) {
  return db.selectFrom('people').select(['id', 'name', 'email', 'time_zone']).where('id', '=', personId).executeTakeFirstOrThrow();
}

export interface NewRound {
  title?: string;
  closesOn: string;
  engagementId?: string;
  instrumentId?: string;
  minGroupSize?: number;
}

/**
 * A client starts a round about themselves (optionally within their engagement, so their coach
 * follows it), or a coach starts one for the client of their engagement. The organization's
 * anonymity rules are copied onto the round: raters are told them, so they hold for this round.
 */
export async function startRound(db: Kysely<Database>, orgId: string, viewer: Viewer, input: NewRound): Promise<string> {
  let subjectId = viewer.personId;
  if (input.engagementId) {
    const engagement = await engagementInView(db, orgId, input.engagementId, viewer);
    if (engagement?.actors.includes('coach')) subjectId = engagement.row.client_person_id;
    else if (!engagement?.actors.includes('client')) throw invalidField('engagementId', 'must be an engagement in which you are the coach or the client');
  }
  const instrument = instruments().latest(input.instrumentId ?? DEFAULT_INSTRUMENT);
  if (!instrument || !instrument.usableIn360) throw invalidField('instrumentId', 'must be an instrument usable in 360 feedback');
  const settings = await feedbackSettings(db, orgId);
  const minGroupSize = input.minGroupSize ?? settings.minGroupSize;
  if (minGroupSize < settings.minGroupSize) throw invalidField('minGroupSize', `must be at least ${settings.minGroupSize}, your organization’s minimum`);
  const subject = await person(db, subjectId);
  const today = localDate(new Date(), subject.time_zone);
  if (input.closesOn < today) throw invalidField('closesOn', 'must not be in the past');
  if (input.closesOn > addDays(today, 365)) throw invalidField('closesOn', 'must be within a year');
  const id = newId();
  const now = nowIso();
  await db.insertInto('feedback_rounds').values({
    id, org_id: orgId, subject_person_id: subjectId, engagement_id: input.engagementId ?? null, instrument_id: instrument.id, instrument_version: instrument.version,
    title: input.title?.trim() || `360° feedback for ${subject.name}`, closes_on: input.closesOn,
    closes_at: localDayBounds(input.closesOn, subject.time_zone).end.toISOString(),
    min_group_size: minGroupSize, manager_shown_alone: settings.managerShownAlone ? 1 : 0, status: 'collecting',
    self_answers: '{}', self_submitted_at: null, created_by_person_id: viewer.personId, created_at: now, closed_at: null,
  }).execute();
  return id;
}

function assertCollecting(row: RoundRow): void {
  if (stateOf(row) === 'closed') throw conflict('This round has closed.');
}

export interface RaterInput {
  email: string;
  name?: string;
  relationship: Relationship;
}

/**
 * Rater mail carries no organization id on purpose: organization mail is readable by its admins in
 * the outbox, and a rater's link is that rater's alone.
 */
async function sendLink(db: Kysely<Database>, mailer: Mailer, config: CairnConfig, round: RoundRow, rater: Pick<FeedbackRaterTable, 'email' | 'name' | 'relationship'>, token: string, kind: 'invitation' | 'reminder') {
  const subject = await person(db, round.subject_person_id);
  const instrument = roundInstrument(round);
  const mail = (kind === 'invitation' ? invitationMail : reminderMail)({
    raterName: rater.name, subjectName: subject.name, relationship: rater.relationship as Relationship, closesOn: round.closes_on,
    minGroupSize: round.min_group_size, shownAlone: rater.relationship === 'manager' && round.manager_shown_alone === 1,
    competencies: instrument.subscales.length, minutes: instrument.minutes, link: `${config.publicUrl}/feedback/${token}`,
  });
  await mailer.queue(db, { orgId: null, to: rater.email, ...mail });
}

export async function addRaters(
  db: Kysely<Database>, mailer: Mailer, config: CairnConfig, orgId: string, roundId: string, viewer: Viewer, raters: RaterInput[],
): Promise<void> {
  const { row } = await loadRound(db, orgId, roundId, viewer, { forUpdate: true });
  assertCollecting(row);
  const subject = await person(db, row.subject_person_id);
  const existing = await db.selectFrom('feedback_raters').select('email').where('round_id', '=', roundId).execute();
  if (existing.length + raters.length > MAX_RATERS) throw invalidField('raters', `would make more than ${MAX_RATERS} raters in this round`);
  const seen = new Set(existing.map((r) => r.email));
  for (const [index, rater] of raters.entries()) {
    const email = rater.email.trim().toLowerCase();
    if (email === subject.email) throw invalidField(`raters.${index}.email`, 'is the address of the person the feedback is about: their self-assessment is separate');
    if (seen.has(email)) throw invalidField(`raters.${index}.email`, 'is already a rater in this round');
    seen.add(email);
  }
  for (const rater of raters) {
    const token = newSecret();
    const values = {
      id: newId(), org_id: orgId, round_id: roundId, email: rater.email.trim().toLowerCase(), name: rater.name?.trim() ?? '', relationship: rater.relationship,
      token_hash: hashSecret(token), draft_answers: '{}', draft_comment: '', invited_at: nowIso(), last_reminded_at: null, reminders: 0, responded: 0,
    };
    try {
      await db.insertInto('feedback_raters').values(values).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Someone just added one of these raters: reload the round.');
      throw error;
    }
    await sendLink(db, mailer, config, row, values, token, 'invitation');
  }
}

/** A rater who has not answered can be taken off the list; one who has cannot (their answer is no longer theirs to find). */
export async function removeRater(db: Kysely<Database>, orgId: string, roundId: string, viewer: Viewer, raterId: string): Promise<void> {
  const { row } = await loadRound(db, orgId, roundId, viewer, { forUpdate: true });
  assertCollecting(row);
  const rater = await db.selectFrom('feedback_raters').select(['id', 'responded']).where('round_id', '=', roundId).where('id', '=', raterId).executeTakeFirst();
  if (!rater) throw notFound('Rater');
  if (rater.responded) throw conflict('This rater has answered; their answer stays in the round.');
  await db.deleteFrom('feedback_raters').where('id', '=', raterId).execute();
}

export async function saveSelfAssessment(db: Kysely<Database>, orgId: string, roundId: string, viewer: Viewer, input: { answers: Record<string, number | null>; submit?: boolean }): Promise<void> {
  const { row, parts } = await loadRound(db, orgId, roundId, viewer, { forUpdate: true });
  if (!parts.includes('subject')) throw forbidden('Only the person the feedback is about writes the self-assessment.');
  assertCollecting(row);
  const instrument = roundInstrument(row);
  const problems = checkResponses(instrument, input.answers).map((p) => ({ field: `answers.${p.itemId}`, message: p.message }));
  if (problems.length) throw badRequest(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  const answers = JSON.parse(row.self_answers) as Record<string, number>;
  for (const [itemId, value] of Object.entries(input.answers)) {
    if (value === null) delete answers[itemId];
    else answers[itemId] = value;
  }
  if (input.submit && Object.keys(answers).length === 0) throw invalidField('answers', 'must rate at least one behaviour before submitting');
  await db.updateTable('feedback_rounds').set({
    self_answers: JSON.stringify(answers), ...(input.submit ? { self_submitted_at: nowIso() } : {}),
  }).where('id', '=', roundId).execute();
}

async function remindRaters(db: Kysely<Database>, mailer: Mailer, config: CairnConfig, row: RoundRow, now: Date): Promise<{ reminded: number; skipped: number }> {
  const raters = await db.selectFrom('feedback_raters').selectAll().where('round_id', '=', row.id).where('responded', '=', 0).orderBy('id').execute();
  let reminded = 0;
  let skipped = 0;
  for (const rater of raters) {
    if (rater.last_reminded_at && now.getTime() - Date.parse(rater.last_reminded_at) < REMINDER_GAP_MS) {
      skipped += 1;
      continue;
    }
    // Only the hash of a link is kept, so a reminder carries a new link (the draft stays with the rater).
    const token = newSecret();
    await db.updateTable('feedback_raters').set({ token_hash: hashSecret(token), last_reminded_at: now.toISOString(), reminders: rater.reminders + 1 }).where('id', '=', rater.id).execute();
    await sendLink(db, mailer, config, row, rater, token, 'reminder');
    reminded += 1;
  }
  return { reminded, skipped };
}

/** Mails the raters who have not answered yet (each at most once per 12 hours). */
export async function remind(db: Kysely<Database>, mailer: Mailer, config: CairnConfig, orgId: string, roundId: string, viewer: Viewer) {
  const { row } = await loadRound(db, orgId, roundId, viewer, { forUpdate: true });
  assertCollecting(row);
  return remindRaters(db, mailer, config, row, new Date());
}

/**
 * For a scheduled job: reminds the raters of rounds closing within `withinDays` who have not
 * answered and were not reminded in the last two days. Returns how many were reminded.
 */
export async function sendDueReminders(db: Kysely<Database>, mailer: Mailer, config: CairnConfig, now = new Date(), withinDays = 3): Promise<number> {
  const rounds = await db.selectFrom('feedback_rounds').selectAll().where('status', '=', 'collecting')
    .where('closes_at', '>', now.toISOString()).where('closes_at', '<=', new Date(now.getTime() + withinDays * 86_400_000).toISOString()).execute();
  let total = 0;
  for (const round of rounds) {
    const quiet = await db.selectFrom('feedback_raters').select('id').where('round_id', '=', round.id).where('responded', '=', 0)
      .where((eb) => eb.or([eb('last_reminded_at', 'is', null), eb('last_reminded_at', '<', new Date(now.getTime() - 2 * 86_400_000).toISOString())]))
      .where('invited_at', '<', new Date(now.getTime() - 86_400_000).toISOString()).execute();
    if (quiet.length === 0) continue;
    total += (await remindRaters(db, mailer, config, round, now)).reminded;
  }
  return total;
}

/** Closing discards the drafts of raters who did not submit: unsubmitted work is never counted or kept. */
async function closeRow(db: Kysely<Database>, roundId: string, now: string): Promise<void> {
  await db.updateTable('feedback_rounds').set({ status: 'closed', closed_at: now }).where('id', '=', roundId).where('status', '=', 'collecting').execute();
  await db.updateTable('feedback_raters').set({ draft_answers: '{}', draft_comment: '' }).where('round_id', '=', roundId).execute();
}

export async function closeRound(db: Kysely<Database>, orgId: string, roundId: string, viewer: Viewer): Promise<void> {
  const { row } = await loadRound(db, orgId, roundId, viewer, { forUpdate: true });
  if (row.status === 'closed') throw conflict('This round is already closed.');
  await closeRow(db, roundId, nowIso());
}

/** Rounds past their closing day are closed the first time anyone looks (and by a job calling this). */
export async function closeDueRounds(db: Kysely<Database>, now = new Date()): Promise<number> {
  const due = await db.selectFrom('feedback_rounds').select('id').where('status', '=', 'collecting').where('closes_at', '<=', now.toISOString()).execute();
  for (const round of due) await closeRow(db, round.id, now.toISOString());
  return due.length;
}

export async function closeIfDue(db: Kysely<Database>, row: RoundRow): Promise<void> {
  if (row.status === 'collecting' && stateOf(row) === 'closed') await closeRow(db, row.id, row.closes_at);
}

export interface RoundView {
  id: string;
  title: string;
  subject: { personId: string; name: string };
  engagementId: string | null;
  instrument: { id: string; version: number; name: string };
  closesOn: string;
  closesAt: string;
  state: RoundState;
  minGroupSize: number;
  managerShownAlone: boolean;
  createdAt: string;
  closedAt: string | null;
  yourParts: RoundPart[];
  raters: { id: string; name: string; email: string; relationship: Relationship; invitedAt: string; lastRemindedAt: string | null; reminders: number; responded: boolean }[];
  counts: { invited: number; responded: number; byRelationship: { relationship: Relationship; invited: number; responded: number }[] };
  selfAssessment: { answered: number; items: number; submitted: boolean; answers: Record<string, number> | null; scores: ReturnType<typeof scoreResponses> | null };
  reportReady: boolean;
}

/** The rater list says who has answered, never what. */
export async function roundDetail(db: Kysely<Database>, orgId: string, roundId: string, viewer: Viewer): Promise<RoundView> {
  const { row, parts } = await loadRound(db, orgId, roundId, viewer);
  const subject = await person(db, row.subject_person_id);
  const instrument = roundInstrument(row);
  const raters = await db.selectFrom('feedback_raters').select(['id', 'name', 'email', 'relationship', 'invited_at', 'last_reminded_at', 'reminders', 'responded'])
    .where('round_id', '=', roundId).orderBy('relationship').orderBy('email').execute();
  const self = JSON.parse(row.self_answers) as Record<string, number>;
  const isSubject = parts.includes('subject');
  const state = stateOf(row);
  return {
    id: row.id, title: row.title, subject: { personId: subject.id, name: subject.name }, engagementId: row.engagement_id,
    instrument: { id: instrument.id, version: instrument.version, name: instrument.name },
    closesOn: row.closes_on, closesAt: row.closes_at, state, minGroupSize: row.min_group_size, managerShownAlone: row.manager_shown_alone === 1,
    createdAt: row.created_at, closedAt: row.closed_at, yourParts: parts,
    raters: raters.map((r) => ({
      id: r.id, name: r.name, email: r.email, relationship: r.relationship as Relationship, invitedAt: r.invited_at, lastRemindedAt: r.last_reminded_at,
      reminders: r.reminders, responded: r.responded === 1,
    })),
    counts: {
      invited: raters.length, responded: raters.filter((r) => r.responded === 1).length,
      byRelationship: RELATIONSHIPS.map((relationship) => ({
        relationship, invited: raters.filter((r) => r.relationship === relationship).length, responded: raters.filter((r) => r.relationship === relationship && r.responded === 1).length,
      })),
    },
    selfAssessment: {
      answered: Object.keys(self).length, items: instrument.items.length, submitted: row.self_submitted_at !== null,
      // The subject's own answers are theirs; the coach sees the self-ratings in the report.
      answers: isSubject ? self : null,
      scores: isSubject && Object.keys(self).length ? scoreResponses(instrument, self) : null,
    },
    reportReady: state === 'closed',
  };
}

export interface RoundSummary {
  id: string;
  title: string;
  subject: { personId: string; name: string };
  engagementId: string | null;
  state: RoundState;
  closesOn: string;
  raters: number;
  responded: number;
  yourParts: RoundPart[];
}

/** Rounds about the viewer, and rounds in the viewer's coaching engagements (as their coach). */
export async function myRounds(db: Kysely<Database>, orgId: string, viewer: Viewer): Promise<RoundSummary[]> {
  const coached = (await myEngagements(db, orgId, viewer.personId, 'coach')).map((e) => e.id);
  const rows = await db.selectFrom('feedback_rounds').selectAll().where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('subject_person_id', '=', viewer.personId), ...(coached.length ? [eb('engagement_id', 'in', coached)] : [])]))
    .orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
  if (rows.length === 0) return [];
  const counts = await db.selectFrom('feedback_raters').select(['round_id', 'responded']).where('round_id', 'in', rows.map((r) => r.id)).execute();
  const names = new Map((await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.subject_person_id))]).execute()).map((p) => [p.id, p.name]));
  return rows.map((row) => ({
    id: row.id, title: row.title, subject: { personId: row.subject_person_id, name: names.get(row.subject_person_id) ?? '' }, engagementId: row.engagement_id,
    state: stateOf(row), closesOn: row.closes_on,
    raters: counts.filter((c) => c.round_id === row.id).length, responded: counts.filter((c) => c.round_id === row.id && c.responded === 1).length,
    yourParts: [...(row.subject_person_id === viewer.personId ? ['subject' as const] : []), ...(row.engagement_id && coached.includes(row.engagement_id) ? ['coach' as const] : [])],
  }));
}
