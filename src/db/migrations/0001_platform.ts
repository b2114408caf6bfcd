import type { Kysely } from 'kysely';

// Migrations use only column types both SQLite and PostgreSQL understand the same way.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('default_time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)')
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('languages', 'varchar(400)', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('department', 'varchar(200)', (c) => c.notNull())
    .addColumn('manager_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('deactivated_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['org_id', 'person_id'])
    .execute();
  await db.schema.createIndex('memberships_person_idx').on('memberships').column('person_id').execute();

  await db.schema
    .createTable('membership_roles')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_roles_pk', ['org_id', 'person_id', 'role'])
    .addForeignKeyConstraint('membership_roles_membership_fk', ['org_id', 'person_id'], 'memberships', ['org_id', 'person_id'])
    .execute();
  await db.schema.createIndex('membership_roles_role_idx').on('membership_roles').columns(['org_id', 'role']).execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_person_idx').on('auth_sessions').column('person_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('roles', 'varchar(200)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('invited_by_person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(32)')
    .addColumn('accepted_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('invitations_org_idx').on('invitations').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.references('organizations.id'))
    .addColumn('actor_person_id', 'varchar(36)', (c) => c.references('people.id'))
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(32)')
    .addColumn('subject_id', 'varchar(36)')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_org_idx').on('audit_events').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.references('organizations.id'))
    .addColumn('to_email', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('outbox_messages_to_idx').on('outbox_messages').columns(['to_email', 'created_at']).execute();
  await db.schema.createIndex('outbox_messages_status_idx').on('outbox_messages').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('bucket', 'varchar(400)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_attempts_bucket_idx').on('sign_in_attempts').columns(['bucket', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sign_in_attempts', 'outbox_messages', 'audit_events', 'password_resets', 'invitations',
    'auth_sessions', 'membership_roles', 'memberships', 'people', 'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
