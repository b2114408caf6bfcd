import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CairnConfig } from '../../platform/config.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, endOtherSessions, type NewSession } from '../../platform/auth/sessions.ts';
import { hashSecret, isoAfter, newSecret, nowIso } from '../../platform/ids.ts';
import { gone, Problem } from '../../platform/http/problem.ts';
import { createOrganization } from '../organizations/service.ts';
import { activeMembershipsOf, createPerson, findPersonByEmail, normalizeEmail, setPassword } from '../people/service.ts';
import { forgetFailedSignIns, recordFailedSignIn, refuseWhenThrottled } from './sign-in-throttle.ts';

const RESET_LIFETIME_MS = 60 * 60 * 1000;

export async function signUp(
  db: Kysely<Database>,
  input: { name: string; email: string; password: string; organizationName: string; timeZone?: string; ip: string },
): Promise<{ personId: string; orgId: string; session: NewSession }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const personId = await createPerson(trx, { name: input.name, email: input.email, passwordHash, timeZone: input.timeZone });
    const orgId = await createOrganization(trx, { name: input.organizationName, defaultTimeZone: input.timeZone, founderPersonId: personId, ip: input.ip });
    await recordAudit(trx, { orgId, actorPersonId: personId, action: 'auth.signed_up', subjectType: 'person', subjectId: personId, ip: input.ip });
    const session = await createSession(trx, personId);
    return { personId, orgId, session };
  });
}

const wrongCredentials = () => new Problem(401, 'Sign-in failed', 'That email and password do not match an account.');

/** Checks a password; answers the same way for an unknown email and a wrong password. */
export async function authenticate(db: Kysely<Database>, emailInput: string, password: string, ip: string): Promise<string> {
  const email = normalizeEmail(emailInput);
  await refuseWhenThrottled(db, email, ip);
  const person = await findPersonByEmail(db, email);
  const ok = await verifyPassword(password, person?.password_hash ?? null);
  if (!person || !ok) {
    await db.transaction().execute(async (trx) => {
      await recordFailedSignIn(trx, email, ip);
      for (const orgId of person ? await orgIdsOf(trx, person.id) : [null]) {
        await recordAudit(trx, { orgId, actorPersonId: null, action: 'auth.sign_in_failed', subjectType: 'person', subjectId: person?.id, detail: { email }, ip });
      }
    });
    throw wrongCredentials();
  }
  await forgetFailedSignIns(db, email);
  return person.id;
}

async function orgIdsOf(db: Kysely<Database>, personId: string): Promise<string[]> {
  return (await activeMembershipsOf(db, personId)).map((membership) => membership.orgId);
}

/** A fresh session for every sign-in: a session id known before sign-in is never reused. */
export async function signIn(db: Kysely<Database>, personId: string, ip: string, previousSessionId?: string): Promise<NewSession> {
  return db.transaction().execute(async (trx) => {
    if (previousSessionId) await trx.deleteFrom('auth_sessions').where('id', '=', previousSessionId).execute();
    const session = await createSession(trx, personId);
    for (const orgId of await orgIdsOf(trx, personId)) {
      await recordAudit(trx, { orgId, actorPersonId: personId, action: 'auth.signed_in', subjectType: 'person', subjectId: personId, ip });
    }
    return session;
  });
}

/**
 * Mails a one-time reset link when the account exists. The answer is the same either way, so the
 * form cannot be used to learn who has an account.
 */
export async function requestPasswordReset(db: Kysely<Database>, mailer: Mailer, config: CairnConfig, emailInput: string, ip: string): Promise<void> {
  const person = await findPersonByEmail(db, emailInput);
  if (!person) return;
  const token = newSecret();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('password_resets').values({ token_hash: hashSecret(token), person_id: person.id, created_at: nowIso(), expires_at: isoAfter(RESET_LIFETIME_MS), used_at: null }).execute();
    await mailer.queue(trx, {
      orgId: null,
      to: person.email,
      subject: 'Reset your Cairn password',
      text: `Hello ${person.name},\n\nSomeone (we hope you) asked to reset your Cairn password. Choose a new one here; the link works once, for one hour:\n\n${config.publicUrl}/reset-password?token=${token}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
    });
    for (const orgId of await orgIdsOf(trx, person.id)) {
      await recordAudit(trx, { orgId, actorPersonId: null, action: 'auth.password_reset_requested', subjectType: 'person', subjectId: person.id, ip });
    }
  });
}

export async function completePasswordReset(db: Kysely<Database>, token: string, password: string, ip: string): Promise<NewSession> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const reset = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
    if (!reset || reset.used_at) throw gone('This reset link has already been used or is not valid. Ask for a new one.');
    if (Date.parse(reset.expires_at) <= Date.now()) throw gone('This reset link has expired. Ask for a new one.');
    await trx.updateTable('password_resets').set({ used_at: nowIso() }).where('token_hash', '=', reset.token_hash).execute();
    await setPassword(trx, reset.person_id, passwordHash);
    // Whoever knew the old password is signed out everywhere.
    await endOtherSessions(trx, reset.person_id);
    for (const orgId of await orgIdsOf(trx, reset.person_id)) {
      await recordAudit(trx, { orgId, actorPersonId: reset.person_id, action: 'auth.password_reset', subjectType: 'person', subjectId: reset.person_id, ip });
    }
    return createSession(trx, reset.person_id);
  });
}
