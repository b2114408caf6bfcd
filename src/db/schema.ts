/**
 * Kysely table types. Instants are ISO-8601 UTC strings and flags are 0/1 integers so that the
 * same queries read the same values on SQLite and PostgreSQL.
 */
export interface OrganizationTable {
  id: string;
  name: string;
  default_time_zone: string;
  created_at: string;
}

export interface PersonTable {
  id: string;
  /** Stored lower-cased; unique across Cairn (one account, many organizations). */
  email: string;
  name: string;
  password_hash: string | null;
  time_zone: string;
  /** JSON array of BCP 47 language tags. */
  languages: string;
  bio: string;
  created_at: string;
}

export interface MembershipTable {
  org_id: string;
  person_id: string;
  title: string;
  department: string;
  /** The person's manager inside this organization: the reporting line. */
  manager_person_id: string | null;
  status: 'active' | 'deactivated';
  deactivated_at: string | null;
  created_at: string;
}

export interface MembershipRoleTable {
  org_id: string;
  person_id: string;
  role: string;
}

export interface AuthSessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface InvitationTable {
  id: string;
  org_id: string;
  email: string;
  /** JSON array of roles granted on acceptance. */
  roles: string;
  token_hash: string;
  invited_by_person_id: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_person_id: string | null;
  revoked_at: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventTable {
  id: string;
  org_id: string | null;
  actor_person_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON object with what else a reader needs; never confidential content. */
  detail: string;
  ip: string | null;
  created_at: string;
}

export interface OutboxMessageTable {
  id: string;
  org_id: string | null;
  to_email: string;
  subject: string;
  body_text: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dev';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface SignInAttemptTable {
  id: string;
  /** "account:<email>" or "address:<ip>". */
  bucket: string;
  created_at: string;
}

export interface Database {
  organizations: OrganizationTable;
  people: PersonTable;
  memberships: MembershipTable;
  membership_roles: MembershipRoleTable;
  auth_sessions: AuthSessionTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  audit_events: AuditEventTable;
  outbox_messages: OutboxMessageTable;
  sign_in_attempts: SignInAttemptTable;
}
