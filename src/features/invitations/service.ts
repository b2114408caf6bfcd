import type { Kysely } from 'kysely';
import type { Database, InvitationTable } from '../../db/schema.ts';
import { invitationState } from '../../domain/invitation-state.ts';
import { isRole, normalizeRoles, ROLE_LABELS, type Role } from '../../domain/roles.ts';
import type { CairnConfig } from '../../platform/config.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, type NewSession } from '../../platform/auth/sessions.ts';
import { hashSecret, isoAfter, newId, newSecret, nowIso } from '../../platform/ids.ts';
import { badRequest, conflict, gone, notFound, Problem } from '../../platform/http/problem.ts';
import { addMember, membershipStatus, type Actor } from '../members/service.ts';
import { getOrganization } from '../organizations/service.ts';
import { createPerson, findPersonByEmail, normalizeEmail } from '../people/service.ts';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationView {
  id: string;
  email: string;
  roles: Role[];
  state: ReturnType<typeof invitationState>;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
}

const rolesOfInvitation = (row: Pick<InvitationTable, 'roles'>): Role[] => (JSON.parse(row.roles) as string[]).filter(isRole);

export async function invite(
  db: Kysely<Database>,
  mailer: Mailer,
  config: CairnConfig,
  orgId: string,
  actor: Actor,
  input: { email: string; roles: Role[]; message?: string },
): Promise<InvitationView> {
  const email = normalizeEmail(input.email);
  const roles = normalizeRoles(input.roles);
  if (roles.length === 0) throw badRequest('Choose at least one role.', [{ field: 'roles', message: 'must hold at least one role' }]);
  const existing = await findPersonByEmail(db, email);
  if (existing) {
    const status = await membershipStatus(db, orgId, existing.id);
    if (status === 'active') throw conflict(`${email} is already a member of this organization.`);
    if (status === 'deactivated') throw conflict(`${email} was deactivated here; reactivate them from the members page instead.`);
  }
  // A new invitation to the same address replaces any still pending one.
  await db.updateTable('invitations').set({ revoked_at: nowIso() })
    .where('org_id', '=', orgId).where('email', '=', email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();

  const token = newSecret();
  const id = newId();
  const now = nowIso();
  const expiresAt = isoAfter(INVITATION_LIFETIME_MS);
  await db.insertInto('invitations').values({
    id, org_id: orgId, email, roles: JSON.stringify(roles), token_hash: hashSecret(token), invited_by_person_id: actor.personId,
    created_at: now, expires_at: expiresAt, accepted_at: null, accepted_person_id: null, revoked_at: null,
  }).execute();

  const org = await getOrganization(db, orgId);
  const inviter = await db.selectFrom('people').select('name').where('id', '=', actor.personId).executeTakeFirstOrThrow();
  const roleText = roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(', ');
  await mailer.queue(db, {
    orgId,
    to: email,
    subject: `${inviter.name} invited you to ${org.name} on Cairn`,
    text: `Hello,\n\n${inviter.name} invited you to join ${org.name} on Cairn as ${roleText}.${input.message ? `\n\n“${input.message}”` : ''}\n\nAccept the invitation here (the link works for 7 days):\n\n${config.publicUrl}/invitations/${token}\n`,
  });
  await recordAudit(db, { orgId, actorPersonId: actor.personId, action: 'invitation.created', subjectType: 'invitation', subjectId: id, detail: { email, roles }, ip: actor.ip });
  return { id, email, roles, state: 'pending', invitedByName: inviter.name, createdAt: now, expiresAt };
}

export async function listInvitations(db: Kysely<Database>, orgId: string, query: { state?: string; page: number; pageSize: number }) {
  const rows = await db
    .selectFrom('invitations as i')
    .innerJoin('people as p', 'p.id', 'i.invited_by_person_id')
    .select(['i.id', 'i.email', 'i.roles', 'i.created_at', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'p.name as inviter'])
    .where('i.org_id', '=', orgId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .execute();
  const all = rows
    .map((row): InvitationView => ({
      id: row.id, email: row.email, roles: rolesOfInvitation(row), state: invitationState(row), invitedByName: row.inviter, createdAt: row.created_at, expiresAt: row.expires_at,
    }))
    .filter((view) => !query.state || view.state === query.state);
  const start = (query.page - 1) * query.pageSize;
  return { items: all.slice(start, start + query.pageSize), page: query.page, pageSize: query.pageSize, total: all.length };
}

export async function revokeInvitation(db: Kysely<Database>, orgId: string, actor: Actor, invitationId: string): Promise<void> {
  const row = await db.selectFrom('invitations').selectAll().where('org_id', '=', orgId).where('id', '=', invitationId).executeTakeFirst();
  if (!row) throw notFound('Invitation');
  const state = invitationState(row);
  if (state === 'accepted') throw conflict('This invitation was already accepted; deactivate the member instead.');
  if (state === 'revoked') return;
  await db.updateTable('invitations').set({ revoked_at: nowIso() }).where('id', '=', invitationId).execute();
  await recordAudit(db, { orgId, actorPersonId: actor.personId, action: 'invitation.revoked', subjectType: 'invitation', subjectId: invitationId, detail: { email: row.email }, ip: actor.ip });
}

async function invitationByToken(db: Kysely<Database>, token: string) {
  const row = await db.selectFrom('invitations').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!row) throw notFound('Invitation');
  return row;
}

/** What the accept page shows before anyone signs in. */
export async function previewInvitation(db: Kysely<Database>, token: string) {
  const row = await invitationByToken(db, token);
  const org = await getOrganization(db, row.org_id);
  const inviter = await db.selectFrom('people').select('name').where('id', '=', row.invited_by_person_id).executeTakeFirstOrThrow();
  const account = await findPersonByEmail(db, row.email);
  return {
    orgName: org.name, email: row.email, roles: rolesOfInvitation(row), invitedByName: inviter.name,
    state: invitationState(row), expiresAt: row.expires_at, accountExists: Boolean(account),
  };
}

export interface AcceptInput {
  token: string;
  /** Signed in already: the invitation joins this account (its email must match). */
  signedInPersonId?: string;
  /** No account yet: create one. */
  name?: string;
  password?: string;
  ip: string;
}

/**
 * Accepting joins the invited address's account to the organization: the signed-in person when
 * the email matches, an existing account proven by its password, or a new account.
 */
export async function acceptInvitation(db: Kysely<Database>, input: AcceptInput): Promise<{ orgId: string; personId: string; session: NewSession | null }> {
  const newPasswordHash = input.name && input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    const row = await invitationByToken(trx, input.token);
    const state = invitationState(row);
    if (state === 'accepted') throw conflict('This invitation has already been accepted.');
    if (state === 'revoked') throw gone('This invitation was withdrawn. Ask an admin for a new one.');
    if (state === 'expired') throw gone('This invitation has expired. Ask an admin for a new one.');

    // Claim the invitation before anything else: on PostgreSQL a second acceptance racing this one
    // waits on this row, then finds it taken (instead of failing on a duplicate membership or account).
    const claimed = await trx.updateTable('invitations').set({ accepted_at: nowIso() })
      .where('id', '=', row.id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const now = await invitationByToken(trx, input.token);
      if (invitationState(now) === 'revoked') throw gone('This invitation was withdrawn. Ask an admin for a new one.');
      throw conflict('This invitation has already been accepted.');
    }

    const account = await findPersonByEmail(trx, row.email);
    let personId: string;
    let session: NewSession | null = null;
    if (input.signedInPersonId) {
      if (!account || account.id !== input.signedInPersonId) {
        throw new Problem(403, 'Different account', `This invitation is for ${row.email}. Sign out, then accept it as that person.`);
      }
      personId = account.id;
    } else if (account) {
      if (!input.password || !(await verifyPassword(input.password, account.password_hash))) {
        throw new Problem(401, 'Sign-in failed', `An account for ${row.email} exists: enter its password to accept.`);
      }
      personId = account.id;
      session = await createSession(trx, personId);
    } else {
      if (!input.name || !newPasswordHash) {
        throw badRequest('Give your name and choose a password to create your account.', [
          ...(input.name ? [] : [{ field: 'name', message: 'is required' }]),
          ...(input.password ? [] : [{ field: 'password', message: 'is required' }]),
        ]);
      }
      personId = await createPerson(trx, { name: input.name, email: row.email, passwordHash: newPasswordHash });
      session = await createSession(trx, personId);
    }

    const status = await membershipStatus(trx, row.org_id, personId);
    if (status) throw conflict('You are already a member of this organization.');
    await addMember(trx, row.org_id, personId, rolesOfInvitation(row));
    await trx.updateTable('invitations').set({ accepted_person_id: personId }).where('id', '=', row.id).execute();
    await recordAudit(trx, { orgId: row.org_id, actorPersonId: personId, action: 'invitation.accepted', subjectType: 'invitation', subjectId: row.id, detail: { email: row.email }, ip: input.ip });
    return { orgId: row.org_id, personId, session };
  });
}
