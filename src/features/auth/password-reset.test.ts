import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildMember, buildOrgWithAdmin, buildPerson, FACTORY_PASSWORD, signedIn } from '../../../test/support/factories.ts';
import { startSmtpReceiver, tokenFromLink, type SmtpReceiver } from '../../../test/support/mail.ts';
import { expectProblem } from '../../../test/support/problems.ts';
import { hashSecret } from '../../platform/ids.ts';

const NEW_PASSWORD = 'a brand new password';

describe('forgotten password, mailed through a real SMTP server', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp({ smtpUrl: smtp.url, mailFrom: 'Cairn <no-reply@cairn.test>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Asks for a reset link by email and returns the token from the link in the message received. */
  async function resetTokenFor(email: string): Promise<string> {
    const response = await t.client().post('/api/auth/password-reset', { email });
    expect(response.status).toBe(202);
    const mail = await smtp.nextMailTo(email);
    smtp.received.splice(smtp.received.indexOf(mail), 1);
    return tokenFromLink(mail.text, '/reset-password');
  }

  it('mails a one-time link that sets a new password, signs in and ends every other session', async () => {
    const person = await buildPerson(t, { name: 'Forgetful Fran' });
    const laptop = await signedIn(t, person);

    const response = await t.client().post('/api/auth/password-reset', { email: person.email.toUpperCase() });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ ok: true });

    const mail = await smtp.nextMailTo(person.email);
    smtp.received.splice(smtp.received.indexOf(mail), 1);
    expect(mail.from).toBe('no-reply@cairn.test');
    expect(mail.headers.subject).toBe('Reset your Cairn password');
    expect(mail.headers.to).toContain(person.email);
    expect(mail.text).toContain('Hello Forgetful Fran');
    const link = mail.text.match(/https?:\/\/\S+/)![0];
    expect(link).toMatch(/^http:\/\/cairn\.test\/reset-password\?token=[A-Za-z0-9_-]{40,}$/);
    const token = new URL(link).searchParams.get('token')!;

    const phone = t.client();
    const completed = await phone.post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(completed.status).toBe(200);
    expect(completed.body).toEqual({ personId: person.id, csrfToken: expect.any(String) });
    // The completing browser is signed in…
    expect((await phone.get('/api/me')).body.person.id).toBe(person.id);
    // …and whoever held the old password's session is not.
    expectProblem(await laptop.get('/api/me'), 401);

    expect((await t.client().post('/api/auth/login', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);
    expectProblem(await t.client().post('/api/auth/login', { email: person.email, password: FACTORY_PASSWORD }), 401);

    // The link works once.
    const again = await t.client().post('/api/auth/password-reset/complete', { token, password: 'yet another password' });
    expectProblem(again, 410);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('marks the message sent in the outbox once the SMTP server took it', async () => {
    const person = await buildPerson(t);
    await resetTokenFor(person.email);
    await t.context.mailer.deliverPending();
    const row = await t.context.db.selectFrom('outbox_messages').selectAll().where('to_email', '=', person.email).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', last_error: null });
    expect(row.sent_at).toEqual(expect.any(String));
  });

  it('delivers mail queued while an earlier message is still being delivered', async () => {
    const [first, second] = [await buildPerson(t), await buildPerson(t)];
    await resetTokenFor(first.email);
    // The first delivery is still finishing (marking the message sent) when the second is queued.
    await resetTokenFor(second.email);
  });

  it('answers the same for an address without an account, and sends nothing there', async () => {
    const unknown = await t.client().post('/api/auth/password-reset', { email: 'no.account@example.test' });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ ok: true });
    // A real request right after arrives; nothing ever arrived for the unknown address.
    const person = await buildPerson(t);
    await resetTokenFor(person.email);
    expect(smtp.received.some((mail) => mail.to.includes('no.account@example.test'))).toBe(false);
    expect(await t.context.db.selectFrom('outbox_messages').select('id').where('to_email', '=', 'no.account@example.test').execute()).toHaveLength(0);
  });

  it('refuses an expired link with 410 and keeps the old password', async () => {
    const person = await buildPerson(t);
    const token = await resetTokenFor(person.email);
    await t.context.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hashSecret(token)).execute();
    const response = await t.client().post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expectProblem(response, 410);
    expect(response.body.detail).toMatch(/expired/);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: FACTORY_PASSWORD })).status).toBe(200);
  });

  it('refuses a made-up token with 410', async () => {
    expectProblem(await t.client().post('/api/auth/password-reset/complete', { token: 'x'.repeat(43), password: NEW_PASSWORD }), 410);
  });

  it('refuses a weak new password naming the field, and the link still works afterwards', async () => {
    const person = await buildPerson(t);
    const token = await resetTokenFor(person.email);
    expectProblem(await t.client().post('/api/auth/password-reset/complete', { token, password: 'short' }), 400, 'password');
    expect((await t.client().post('/api/auth/login', { email: person.email, password: FACTORY_PASSWORD })).status).toBe(200);
    expect((await t.client().post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('records the request and the reset in the audit log of the person’s organizations', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['member']);
    const token = await resetTokenFor(member.email);
    await t.client().post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    const events = await adminClient.get(`/api/orgs/${orgId}/audit-events?pageSize=100`);
    const actions = events.body.items.filter((e: { subjectId: string }) => e.subjectId === member.id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('does not show members’ reset links to the organization’s admins once real mail is configured', async () => {
    const { orgId, adminClient } = await buildOrgWithAdmin(t);
    const member = await buildMember(t, orgId, ['coach']);
    await resetTokenFor(member.email);
    const outbox = await adminClient.get(`/api/orgs/${orgId}/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.devMode).toBe(false);
    expect(JSON.stringify(outbox.body)).not.toContain('reset-password');
  });

  it.each([
    ['a missing email', {}, 'email'],
    ['an invalid email', { email: 'nope' }, 'email'],
    ['an unknown field', { email: 'a@example.test', admin: true }, 'admin'],
  ])('refuses a request with %s, naming the field', async (_case, body, field) => {
    expectProblem(await t.client().post('/api/auth/password-reset', body), 400, field);
  });

  it.each([
    ['a missing token', { password: NEW_PASSWORD }, 'token'],
    ['a token of the wrong type', { token: 12345678901, password: NEW_PASSWORD }, 'token'],
    ['a 10,000-character token', { token: 't'.repeat(10_000), password: NEW_PASSWORD }, 'token'],
  ])('refuses completing with %s, naming the field', async (_case, body, field) => {
    expectProblem(await t.client().post('/api/auth/password-reset/complete', body), 400, field);
  });
});

describe('forgotten password while the SMTP server is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 9 on localhost: nothing listens there, the connection is refused.
    t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  afterAll(async () => { await t.close(); });

  it('still answers 202 and keeps the message pending for a retry, with the error', async () => {
    const person = await buildPerson(t);
    expect((await t.client().post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    await t.context.mailer.deliverPending();
    const row = await t.context.db.selectFrom('outbox_messages').selectAll().where('to_email', '=', person.email).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.last_error).toBeTruthy();
  });
});
