import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { MIN_GROUP_SIZE } from '../../domain/assessments/feedback-report.ts';
import { recordAudit } from '../../platform/audit.ts';
import { nowIso } from '../../platform/ids.ts';

export interface FeedbackSettings {
  /** No group of raters is shown with fewer answers than this (never below 3). */
  minGroupSize: number;
  /** The manager group may be shown on its own, even with one manager (who is told so when invited). */
  managerShownAlone: boolean;
}

export const DEFAULT_SETTINGS: FeedbackSettings = { minGroupSize: MIN_GROUP_SIZE, managerShownAlone: false };

export async function feedbackSettings(db: Kysely<Database>, orgId: string): Promise<FeedbackSettings> {
  const row = await db.selectFrom('feedback_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return row ? { minGroupSize: row.min_group_size, managerShownAlone: row.manager_shown_alone === 1 } : DEFAULT_SETTINGS;
}

/** Applies to rounds started from now on: a running round keeps the rules its raters were told. */
export async function updateFeedbackSettings(db: Kysely<Database>, orgId: string, actor: { personId: string; ip?: string | null }, input: FeedbackSettings): Promise<void> {
  const now = nowIso();
  const values = { min_group_size: input.minGroupSize, manager_shown_alone: input.managerShownAlone ? 1 : 0, updated_by_person_id: actor.personId, updated_at: now };
  await db.insertInto('feedback_settings').values({ org_id: orgId, ...values }).onConflict((oc) => oc.column('org_id').doUpdateSet(values)).execute();
  await recordAudit(db, {
    orgId, actorPersonId: actor.personId, action: 'organization.updated', subjectType: 'organization', subjectId: orgId, ip: actor.ip ?? null,
    detail: { what: 'feedback_360_settings', minGroupSize: input.minGroupSize, managerShownAlone: input.managerShownAlone },
  });
}
