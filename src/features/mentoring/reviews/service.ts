import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ReviewAnswer } from '../../../domain/mentoring/continuation-review.ts';
import { mayAnswerReview, resolveReview, REVIEW_OPENS_DAYS_BEFORE, reviewOpensOn, reviewPendingFor } from '../../../domain/mentoring/review-schedule.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { conflict } from '../../../platform/http/problem.ts';
import { tell } from '../notices.ts';
import { concludeRelationship } from '../relationships/service.ts';
import { loadRelationship, type MentoringViewer, type RelationshipInView } from '../relationship-access.ts';
import { param, reusedStatement } from '../reused-statements.ts';

/*
 * "Shall we continue?". Each side answers privately; neither learns the other's answer, and
 * nobody (the program's admin included) learns who chose to conclude: the outcome is all that is
 * shared. Reviews are scheduled in UTC days, like the rest of the relationship's dates.
 */

const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

export interface ReviewView {
  relationshipId: string;
  current: {
    id: string;
    dueOn: string;
    opensOn: string;
    /** Waiting for your answer now. */
    pendingForYou: boolean;
    /** Your own answer (you may change it until the review is settled); never the other side's. */
    yourAnswer: ReviewAnswer | null;
    answeredAt: string | null;
  } | null;
  history: { id: string; dueOn: string; outcome: 'continued' | 'concluded'; resolvedAt: string | null; yourAnswer: ReviewAnswer | null }[];
}

async function openReview(db: Kysely<Database>, relationshipId: string) {
  return db.selectFrom('continuation_reviews').selectAll().where('relationship_id', '=', relationshipId).where('outcome', 'is', null)
    .orderBy('due_on').limit(1).executeTakeFirst();
}

export async function reviewView(db: Kysely<Database>, orgId: string, relationshipId: string, viewer: MentoringViewer, now = new Date()): Promise<ReviewView> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true });
  const reviews = await db.selectFrom('continuation_reviews').selectAll().where('org_id', '=', orgId).where('relationship_id', '=', relationshipId)
    .orderBy('due_on', 'desc').limit(200).execute();
  const mine = reviews.length
    ? await db.selectFrom('review_answers').select(['review_id', 'answer', 'answered_at']).where('person_id', '=', viewer.personId).where('review_id', 'in', reviews.map((r) => r.id)).execute()
    : [];
  const answerOf = new Map(mine.map((row) => [row.review_id, row]));
  const running = relationship.state === 'active' || relationship.state === 'paused';
  const open = running ? reviews.filter((r) => r.outcome === null).at(-1) : undefined;
  return {
    relationshipId,
    current: open ? {
      id: open.id, dueOn: open.due_on, opensOn: reviewOpensOn(open.due_on),
      pendingForYou: reviewPendingFor({ dueOn: open.due_on, outcome: null, answered: answerOf.has(open.id) }, utcToday(now)),
      yourAnswer: answerOf.get(open.id)?.answer ?? null, answeredAt: answerOf.get(open.id)?.answered_at ?? null,
    } : null,
    history: reviews.filter((r) => r.outcome !== null).map((r) => ({ id: r.id, dueOn: r.due_on, outcome: r.outcome!, resolvedAt: r.resolved_at, yourAnswer: answerOf.get(r.id)?.answer ?? null })),
  };
}

/**
 * One side answers. Both continue: the review is settled and the next one scheduled. Either
 * concludes: the relationship ends through the one conclusion path (no actor, reason "review"),
 * and both people get the same kind notice.
 */
export async function answerReview(
  db: Kysely<Database>, mailer: Mailer | null, orgId: string, relationshipId: string, viewer: MentoringViewer, answer: ReviewAnswer, now = new Date(),
): Promise<'pending' | 'continued' | 'concluded'> {
  const relationship = await loadRelationship(db, orgId, relationshipId, viewer, { partiesOnly: true, forUpdate: true });
  const review = await openReview(db, relationshipId);
  if (!review) throw conflict('This relationship has no review waiting for an answer.');
  const today = utcToday(now);
  const allowed = mayAnswerReview({ dueOn: review.due_on, outcome: review.outcome }, relationship.state, today);
  if (!allowed.ok) throw conflict(allowed.reason);
  const answeredAt = nowIso();
  await db.insertInto('review_answers').values({ review_id: review.id, org_id: orgId, person_id: viewer.personId, answer, answered_at: answeredAt })
    .onConflict((oc) => oc.columns(['review_id', 'person_id']).doUpdateSet({ answer, answered_at: answeredAt })).execute();
  const answers = await db.selectFrom('review_answers').select(['person_id', 'answer']).where('review_id', '=', review.id).execute();
  const sideOf = (personId: string) => (personId === relationship.row.mentor_person_id ? 'mentor' : personId === relationship.row.mentee_person_id ? 'mentee' : null);
  const bySide: { mentor?: ReviewAnswer; mentee?: ReviewAnswer } = {};
  for (const row of answers) {
    const side = sideOf(row.person_id);
    if (side) bySide[side] = row.answer;
  }
  const resolution = resolveReview(bySide, { dueOn: review.due_on, today, everyWeeks: relationship.row.review_every_weeks });
  if (resolution.outcome === 'pending') return 'pending';
  const settled = await db.updateTable('continuation_reviews').set({ outcome: resolution.outcome, resolved_at: answeredAt })
    .where('id', '=', review.id).where('outcome', 'is', null).executeTakeFirst();
  if (Number(settled.numUpdatedRows) !== 1) throw conflict('The review changed meanwhile; reload and try again.');
  if (resolution.outcome === 'continued') {
    await db.insertInto('continuation_reviews').values({ id: newId(), org_id: orgId, relationship_id: relationshipId, due_on: resolution.nextDueOn!, outcome: null, resolved_at: null, created_at: answeredAt }).execute();
    await tellBoth(db, mailer, relationship, {
      kind: 'mentoring.continued', title: 'Your mentoring relationship continues',
      body: `Your relationship goes on. The next “shall we continue?” is on ${resolution.nextDueOn}.`,
    });
    return 'continued';
  }
  await concludeRelationship(db, mailer, orgId, relationshipId, null, 'review');
  return 'concluded';
}

async function tellBoth(db: Kysely<Database>, mailer: Mailer | null, relationship: RelationshipInView, notice: { kind: string; title: string; body: string }) {
  for (const personId of [relationship.row.mentor_person_id, relationship.row.mentee_person_id]) {
    await tell(db, mailer, { orgId: relationship.row.org_id, personId, ...notice, link: `/mentoring/relationships/${relationship.row.id}` });
  }
}

export interface PendingReview {
  relationshipId: string;
  reviewId: string;
  dueOn: string;
  /** The other side of the relationship. */
  with: { personId: string; name: string };
  as: 'mentor' | 'mentee';
}

const pendingStatement = (side: 'mentor' | 'mentee') => reusedStatement((db) => {
  const own = side === 'mentor' ? 'r.mentor_person_id' : 'r.mentee_person_id';
  const other = side === 'mentor' ? 'r.mentee_person_id' : 'r.mentor_person_id';
  return db.selectFrom('mentoring_relationships as r')
    .innerJoin('continuation_reviews as c', 'c.relationship_id', 'r.id')
    .innerJoin('people as p', 'p.id', other)
    .select(['r.id as relationship_id', 'c.id as review_id', 'c.due_on', 'p.id as other_id', 'p.name as other_name'])
    .where('r.org_id', '=', param('org')).where(own, '=', param('person')).where('r.state', 'in', ['active', 'paused'])
    .where('c.outcome', 'is', null).where('c.due_on', '<=', param('windowEnd'))
    // Only whether this person answered, never what: the answer itself is not read.
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('review_answers as a').select(sql.lit(1).as('one')).whereRef('a.review_id', '=', 'c.id').where('a.person_id', '=', param('person')))))
    .orderBy('c.due_on').limit(200);
});
const pending = { mentor: pendingStatement('mentor'), mentee: pendingStatement('mentee') };

/** Reviews waiting for this person's answer, across their running relationships on one side. */
export async function pendingReviewsFor(db: Kysely<Database>, orgId: string, personId: string, side: 'mentor' | 'mentee', now = new Date()): Promise<PendingReview[]> {
  const today = utcToday(now);
  const rows = await pending[side](db, { org: orgId, person: personId, windowEnd: reviewWindowEnd(today) });
  return rows.filter((row) => reviewPendingFor({ dueOn: row.due_on, outcome: null, answered: false }, today))
    .map((row) => ({ relationshipId: row.relationship_id, reviewId: row.review_id, dueOn: row.due_on, with: { personId: row.other_id, name: row.other_name }, as: side }));
}

/** The last due date of a review that is open today. */
function reviewWindowEnd(today: string): string {
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + REVIEW_OPENS_DAYS_BEFORE);
  return end.toISOString().slice(0, 10);
}
