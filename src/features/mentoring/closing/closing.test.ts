import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildActivePair, type MentoringOrg } from '../../../../test/support/mentoring.ts';

describe('closing a relationship: reflection and appreciation', () => {
  let t: TestApp;
  let org: MentoringOrg;
  let relationshipId: string;
  beforeAll(async () => { t = await createTestApp(); });
  beforeEach(async () => ({ org, relationshipId } = await buildActivePair(t)));
  afterAll(async () => { await t.close(); });
  const url = (rest = '') => `/api/orgs/${org.orgId}/mentoring/relationships/${relationshipId}${rest}`;

  it('waits for the conclusion', async () => {
    const early = await org.mentee.as.post(url('/closing-reflection'), { body: 'Too soon' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/concluded.*active/);
    expect((await org.mentee.as.post(url('/appreciations'), { body: 'Too soon' })).status).toBe(409);
    expect((await org.mentee.as.get(url('/closing'))).body).toMatchObject({ state: 'active', mayWriteClosingReflection: false, mayWriteAppreciation: false, appreciations: [] });
  });

  it('takes one private closing reflection and one appreciation from each side; the other person is told and reads the appreciation', async () => {
    await org.mentee.as.post(url('/conclude'));
    const reflection = await org.mentee.as.post(url('/closing-reflection'), { body: 'I learned to ask for help early.' });
    expect(reflection.status).toBe(201);
    expect(reflection.body).toMatchObject({ kind: 'closing', checkInId: null });
    expect(reflection.body.body).toBeUndefined();
    expect((await org.mentee.as.post(url('/closing-reflection'), { body: 'Again' })).status).toBe(409);
    expect((await org.mentee.as.get(url('/reflections'))).body.items.map((r: { kind: string; body: string }) => [r.kind, r.body])).toEqual([['closing', 'I learned to ask for help early.']]);
    expect((await org.mentor.as.get(url('/reflections'))).body.items).toEqual([]);

    const thanks = await org.mentee.as.post(url('/appreciations'), { body: 'Thank you for every Tuesday.' });
    expect(thanks.status).toBe(201);
    expect(thanks.body).toMatchObject({ yourClosingReflectionWritten: true, yourAppreciationWritten: true, mayWriteAppreciation: false, mayWriteClosingReflection: false });
    expect((await org.mentee.as.post(url('/appreciations'), { body: 'Twice' })).status).toBe(409);
    const mentorSide = await org.mentor.as.get(url('/closing'));
    expect(mentorSide.body).toMatchObject({
      yourClosingReflectionWritten: false, mayWriteClosingReflection: true, mayWriteAppreciation: true,
      appreciations: [{ from: { personId: org.mentee.person.id, name: 'Mo Mentee' }, body: 'Thank you for every Tuesday.' }],
    });
    const notice = await t.context.db.selectFrom('notices').select(['title', 'body']).where('person_id', '=', org.mentor.person.id).where('kind', '=', 'mentoring.appreciation').executeTakeFirstOrThrow();
    expect(notice.title).toBe('Mo Mentee left you an appreciation');
    // Notices are mailed too: the words stay in Cairn.
    expect(notice.body).not.toContain('Tuesday');
    expect((await org.admin.as.get(url('/closing'))).status).toBe(403);
    expect((await org.other.as.get(url('/closing'))).status).toBe(404);
  });
});
