import type { Kysely, Selectable } from 'kysely';
import { supportsRowLocks } from '../../db/locking.ts';
import type { Database, FeedbackRaterTable } from '../../db/schema.ts';
import { GROUP_LABELS, type Relationship } from '../../domain/assessments/feedback-report.ts';
import { checkResponses } from '../../domain/assessments/scoring.ts';
import { badRequest, conflict, gone, invalidField, notFound } from '../../platform/http/problem.ts';
import { hashSecret, newId } from '../../platform/ids.ts';
import { anonymityPromise } from './mail.ts';
import { roundInstrument, stateOf, type RoundRow } from './rounds.ts';

/*
 * The rater's side, reached through the link in their mail, without an account. The link is the
 * rater's credential; only its hash is stored. Before submitting, the rater's draft is their own
 * unfinished work and only their link reads it. On submit the answers move to feedback_responses
 * with no rater id and no time, the draft is cleared, and the rater is marked as having answered:
 * from then on nothing (not even this link) shows what they answered.
 */
async function loadByToken(db: Kysely<Database>, token: string, options: { forUpdate?: boolean } = {}): Promise<{ rater: Selectable<FeedbackRaterTable>; round: RoundRow }> {
  let query = db.selectFrom('feedback_raters').selectAll().where('token_hash', '=', hashSecret(token));
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  const rater = await query.executeTakeFirst();
  if (!rater) throw notFound('Feedback invitation');
  const round = await db.selectFrom('feedback_rounds').selectAll().where('id', '=', rater.round_id).executeTakeFirstOrThrow();
  if (stateOf(round) === 'closed') throw gone('This feedback round has closed: thank you all the same.');
  return { rater, round };
}

export async function raterView(db: Kysely<Database>, token: string) {
  const { rater, round } = await loadByToken(db, token);
  const subject = await db.selectFrom('people').select('name').where('id', '=', round.subject_person_id).executeTakeFirstOrThrow();
  const instrument = roundInstrument(round);
  const relationship = rater.relationship as Relationship;
  const shownAlone = relationship === 'manager' && round.manager_shown_alone === 1;
  const submitted = rater.responded === 1;
  return {
    subjectName: subject.name,
    title: round.title,
    closesOn: round.closes_on,
    relationship,
    relationshipLabel: GROUP_LABELS[relationship],
    anonymity: { minGroupSize: round.min_group_size, shownAlone, text: anonymityPromise({ subjectName: subject.name, minGroupSize: round.min_group_size, shownAlone }) },
    instrument: {
      name: instrument.name,
      instructions: (instrument.raterInstructions ?? instrument.instructions).replaceAll('{name}', subject.name),
      scale: instrument.scale,
      competencies: instrument.subscales.map((s) => ({ id: s.id, name: s.name, description: s.description })),
      items: instrument.items.map((item) => ({ id: item.id, text: item.text, competency: item.subscale })),
    },
    submitted,
    draft: submitted ? null : { answers: JSON.parse(rater.draft_answers) as Record<string, number>, comment: rater.draft_comment },
  };
}

export interface RaterAnswers {
  answers?: Record<string, number | null>;
  comment?: string;
}

function merged(rater: Selectable<FeedbackRaterTable>, round: RoundRow, input: RaterAnswers) {
  const instrument = roundInstrument(round);
  const problems = checkResponses(instrument, input.answers ?? {}).map((p) => ({ field: `answers.${p.itemId}`, message: p.message }));
  if (problems.length) throw badRequest(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  const answers = JSON.parse(rater.draft_answers) as Record<string, number>;
  for (const [itemId, value] of Object.entries(input.answers ?? {})) {
    if (value === null) delete answers[itemId];
    else answers[itemId] = value;
  }
  return { answers, comment: input.comment === undefined ? rater.draft_comment : input.comment.trim() };
}

export async function saveDraft(db: Kysely<Database>, token: string, input: RaterAnswers): Promise<void> {
  const { rater, round } = await loadByToken(db, token, { forUpdate: true });
  if (rater.responded) throw conflict('You have already sent your feedback: thank you.');
  const draft = merged(rater, round, input);
  await db.updateTable('feedback_raters').set({ draft_answers: JSON.stringify(draft.answers), draft_comment: draft.comment }).where('id', '=', rater.id).execute();
}

export async function submitFeedback(db: Kysely<Database>, token: string, input: RaterAnswers): Promise<void> {
  const { rater, round } = await loadByToken(db, token, { forUpdate: true });
  if (rater.responded) throw conflict('You have already sent your feedback: thank you.');
  const final = merged(rater, round, input);
  if (Object.keys(final.answers).length === 0) throw invalidField('answers', 'must rate at least one behaviour');
  // Unlinked on purpose: a random id, the group, the answers and the comment; no rater, no time.
  await db.insertInto('feedback_responses').values({
    id: newId(), org_id: round.org_id, round_id: round.id, relationship: rater.relationship, answers: JSON.stringify(final.answers), comment: final.comment,
  }).execute();
  await db.updateTable('feedback_raters').set({ responded: 1, draft_answers: '{}', draft_comment: '' }).where('id', '=', rater.id).execute();
}
