import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { buildFeedbackReport, type FeedbackReport, type Relationship } from '../../domain/assessments/feedback-report.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict } from '../../platform/http/problem.ts';
import type { Viewer } from '../coaching/engagement-access.ts';
import { closeIfDue, loadRound, roundInstrument, stateOf } from './rounds.ts';

/**
 * The only reader of feedback_responses. It hands the rows to the pure report function and returns
 * what that function returns: aggregates. It is available once the round has closed, so no one can
 * compare the report before and after one more rater's answer and so work out that answer.
 */
export async function roundReport(db: Kysely<Database>, orgId: string, roundId: string, viewer: Viewer): Promise<FeedbackReport & { roundId: string; title: string; subjectName: string; closesOn: string }> {
  const { row, parts } = await loadRound(db, orgId, roundId, viewer, { forUpdate: true });
  if (stateOf(row) !== 'closed') {
    throw conflict(`The report is ready when the round closes (${row.closes_on}). Until then, only who has answered is shown.`);
  }
  await closeIfDue(db, row);
  const responses = await db.selectFrom('feedback_responses').select(['relationship', 'answers', 'comment']).where('round_id', '=', roundId).orderBy('id').execute();
  const subject = await db.selectFrom('people').select('name').where('id', '=', row.subject_person_id).executeTakeFirstOrThrow();
  const self = JSON.parse(row.self_answers) as Record<string, number>;
  const report = buildFeedbackReport(
    roundInstrument(row),
    { minGroupSize: row.min_group_size, managerShownAlone: row.manager_shown_alone === 1 },
    Object.keys(self).length ? self : null,
    responses.map((r) => ({ relationship: r.relationship as Relationship, answers: JSON.parse(r.answers) as Record<string, number>, comment: r.comment })),
    row.id,
  );
  if (!parts.includes('subject')) {
    await recordAudit(db, {
      orgId, actorPersonId: viewer.personId, action: 'confidential.read', subjectType: 'feedback_round', subjectId: roundId, ip: viewer.ip ?? null,
      detail: { what: 'feedback_360_report', engagementId: row.engagement_id },
    });
  }
  return { roundId: row.id, title: row.title, subjectName: subject.name, closesOn: row.closes_on, ...report };
}
