import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId, nowIso } from './ids.ts';

/** Security-relevant events; later features add their confidential reads here. */
export type AuditAction =
  | 'auth.signed_up'
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.signed_out'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'member.roles_changed'
  | 'member.deactivated'
  | 'member.reactivated'
  | 'member.profile_changed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted'
  | 'organization.created'
  | 'organization.updated'
  | 'data.exported'
  | 'matching.published'
  | 'confidential.read';

export interface AuditEntry {
  orgId: string | null;
  actorPersonId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      org_id: entry.orgId,
      actor_person_id: entry.actorPersonId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ip: entry.ip ?? null,
      created_at: nowIso(),
    })
    .execute();
}
