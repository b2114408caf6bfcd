import type { Kysely } from 'kysely';

/**
 * The coaching homes at scale (npm run bench -- --scenario 'coaching-*'). A person's engagements are
 * read by organization, person and kind ('coaching' or a mentoring relationship's borrowed tools).
 * The person indexes of 0002 lacked the kind, so SQLite, counting equal columns, took 0004's
 * (org_id, kind, state) instead and read every coaching engagement of the organization for one
 * coach or client (16,000 in the benchmark's largest). These put the kind after the person and
 * keep the state last, so capacity checks (agreed and active engagements) stay index ranges.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('engagements_coach_kind_idx').on('engagements').columns(['org_id', 'coach_person_id', 'kind', 'state']).execute();
  await db.schema.createIndex('engagements_client_kind_idx').on('engagements').columns(['org_id', 'client_person_id', 'kind', 'state']).execute();
  await db.schema.createIndex('engagements_sponsor_kind_idx').on('engagements').columns(['org_id', 'sponsor_person_id', 'kind']).execute();
  for (const superseded of ['engagements_coach_idx', 'engagements_client_idx', 'engagements_sponsor_idx']) await db.schema.dropIndex(superseded).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['engagements_coach_kind_idx', 'engagements_client_kind_idx', 'engagements_sponsor_kind_idx']) await db.schema.dropIndex(index).execute();
  await db.schema.createIndex('engagements_coach_idx').on('engagements').columns(['org_id', 'coach_person_id', 'state']).execute();
  await db.schema.createIndex('engagements_client_idx').on('engagements').columns(['org_id', 'client_person_id', 'state']).execute();
  await db.schema.createIndex('engagements_sponsor_idx').on('engagements').columns(['org_id', 'sponsor_person_id']).execute();
}
