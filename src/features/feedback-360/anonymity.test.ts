import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/roles.ts';
import { addDays } from '../../domain/time-zones.ts';
import { createTestApp, type ApiClient, type ApiResponse, type TestApp } from '../../../test/support/app.ts';
import { buildCoachingCast, buildEngagement, type CoachingCast } from '../../../test/support/coaching.ts';
import { buildMember, buildOrganization, signedIn } from '../../../test/support/factories.ts';
import { tokenFromLink } from '../../../test/support/mail.ts';
import { backup } from '../backup/service.ts';

/*
 * Tries every GET route of the app (taken from its route table, so a route added later is tried
 * too) as the subject, their coach, an admin, the sponsor, another member, a member of another
 * organization, anyone without an account, and each rater through their own link, with every id
 * of a real round filled in. Raters' comments, names and e-mail addresses carry unique markers and
 * their answers use values (1–4) the self-assessment (all 5) never does. No answer may carry an
 * individual rater's answers; held-back raters' comments appear nowhere; the others' comments
 * appear only in the report, without names.
 */
const marker = () => crypto.randomBytes(5).toString('hex');
const ITEM_ANSWER = /"(direction|communication|developing|decisions|accountability|collaboration|inclusion|resilience)_\d":[1-4]\b/;

interface Rater {
  relationship: 'manager' | 'peer' | 'direct_report' | 'other';
  email: string;
  name: string;
  comment: string;
  value: number;
  token: string;
  submit: boolean;
}

describe('360 anonymity, tried on every route', () => {
  let t: TestApp;
  let cast: CoachingCast;
  let engagementId: string;
  let closedRound: string;
  let openRound: string;
  let items: { id: string }[];
  const raters: Rater[] = [];
  const draftOnly: Rater[] = [];
  const callers = new Map<string, { client: ApiClient; personId: string }>();

  const rater = (relationship: Rater['relationship'], value: number, submit = true): Rater => {
    const tag = marker();
    return { relationship, value, submit, email: `rater-${tag}@raters.example`, name: `Ratername ${tag}`, comment: `Comment-marker-${tag}`, token: '' };
  };
  const answers = (value: number) => Object.fromEntries(items.map((item) => [item.id, value]));

  async function nominate(roundId: string, list: Rater[]) {
    await cast.as.client.post(`/api/orgs/${cast.orgId}/feedback/rounds/${roundId}/raters`, { raters: list.map(({ email, name, relationship }) => ({ email, name, relationship })) });
    for (const r of list) {
      const mail = await t.context.db.selectFrom('outbox_messages').select('body_text').where('to_email', '=', r.email).executeTakeFirstOrThrow();
      r.token = tokenFromLink(mail.body_text, '/feedback/');
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    cast = await buildCoachingCast(t);
    engagementId = await buildEngagement(cast, { until: 'active' });
    const closesOn = addDays(new Date().toISOString().slice(0, 10), 10);

    // Round 1 (closed): 3 peers and 3 direct reports are shown; the lone manager and the lone
    // "other" are too few even combined (2 < 3), so they are held back.
    closedRound = (await cast.as.coach.post(`/api/orgs/${cast.orgId}/feedback/rounds`, { closesOn, engagementId })).body.id;
    const first = [rater('peer', 4), rater('peer', 4), rater('peer', 4), rater('direct_report', 3), rater('direct_report', 3), rater('direct_report', 3), rater('manager', 1), rater('other', 2)];
    raters.push(...first);
    await nominate(closedRound, first);
    items = (await t.client().get(`/api/feedback/${first[0]!.token}`)).body.instrument.items;
    for (const r of first) await t.client().post(`/api/feedback/${r.token}/submit`, { answers: answers(r.value), comment: r.comment });
    await cast.as.client.put(`/api/orgs/${cast.orgId}/feedback/rounds/${closedRound}/self-assessment`, { answers: answers(5), submit: true });
    await cast.as.client.post(`/api/orgs/${cast.orgId}/feedback/rounds/${closedRound}/close`);

    // Round 2 (collecting): answers are in, one rater has only a draft.
    openRound = (await cast.as.client.post(`/api/orgs/${cast.orgId}/feedback/rounds`, { closesOn, engagementId })).body.id;
    const second = [rater('peer', 2), rater('peer', 3), rater('peer', 1), rater('direct_report', 4, false)];
    raters.push(...second);
    await nominate(openRound, second);
    for (const r of second) {
      if (r.submit) await t.client().post(`/api/feedback/${r.token}/submit`, { answers: answers(r.value), comment: r.comment });
      else {
        await t.client().put(`/api/feedback/${r.token}`, { answers: answers(r.value), comment: r.comment });
        draftOnly.push(r);
      }
    }

    for (const [name, person] of Object.entries({ subject: cast.client, coach: cast.coach, admin: cast.admin, sponsor: cast.sponsor, member: cast.outsider })) {
      callers.set(name, { client: cast.as[name === 'subject' ? 'client' : name === 'member' ? 'outsider' : name as 'coach'], personId: person.id });
    }
    const otherOrg = await buildOrganization(t);
    const foreigner = await buildMember(t, otherOrg, [...ROLES]);
    callers.set('other organization', { client: await signedIn(t, foreigner), personId: foreigner.id });
    callers.set('anonymous', { client: t.client(), personId: crypto.randomUUID() });
  });
  afterAll(async () => { await t.close(); });

  /** Every concrete URL for a route: each id of the scenario that fits, random ids elsewhere. */
  function urlsFor(route: string, personId: string): string[] {
    const values: Record<string, string[]> = {
      orgId: [cast.orgId], roundId: [closedRound, openRound], engagementId: [engagementId], personId: [personId, cast.client.id],
      token: raters.map((r) => r.token), code: ['B' + 'A'.repeat(13)], instrumentId: ['leadership-competencies'],
    };
    let urls = [route];
    for (const [, name] of route.matchAll(/:([A-Za-z]+)/g)) {
      const options = values[name!] ?? [crypto.randomUUID()];
      urls = urls.flatMap((url) => options.map((value) => url.replace(`:${name}`, value)));
    }
    return urls;
  }

  async function everyGet(check: (who: string, url: string, response: ApiResponse, text: string) => void) {
    let calls = 0;
    const gets = t.app.apiRoutes.filter((route) => route.method === 'GET');
    expect(gets.some((route) => route.url.includes('/feedback/'))).toBe(true);
    for (const [who, caller] of callers) {
      for (const route of gets) {
        for (const url of urlsFor(route.url, caller.personId)) {
          const response = await caller.client.get(url);
          expect(response.status, `${who} GET ${url}`).toBeLessThan(500);
          check(who, url, response, typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
          calls += 1;
        }
      }
    }
    return calls;
  }

  it('never shows an individual rater’s answers, a held-back comment, or a comment next to a name', async () => {
    const held = raters.filter((r) => r.relationship === 'manager' || r.relationship === 'other' || raters.indexOf(r) >= 8);
    const shown = raters.slice(0, 6);
    const reportUrl = `/api/orgs/${cast.orgId}/feedback/rounds/${closedRound}/report`;
    const seenIn = new Map<string, Set<string>>();
    const calls = await everyGet((who, url, response, text) => {
      const label = `${who} GET ${url}`;
      const ownDraft = draftOnly.some((r) => url === `/api/feedback/${r.token}`);
      if (!ownDraft) expect(ITEM_ANSWER.test(text), `${label} shows item answers: ${text.slice(0, 300)}`).toBe(false);
      for (const r of held) {
        if (ownDraft && url.endsWith(r.token)) continue;
        expect(text, `${label} shows a held-back comment`).not.toContain(r.comment);
      }
      for (const r of shown) {
        if (text.includes(r.comment)) seenIn.set(r.comment, new Set([...(seenIn.get(r.comment) ?? []), `${who} ${url}`]));
      }
      if (url === reportUrl && response.status === 200) {
        for (const r of raters) {
          expect(text, label).not.toContain(r.name);
          expect(text, label).not.toContain(r.email);
          expect(text, label).not.toContain(r.token);
        }
      }
    });
    expect(calls).toBeGreaterThan(300);
    // The shown groups' comments reach the subject and the coach, in the report only.
    for (const r of shown) expect([...seenIn.get(r.comment)!].sort(), r.comment).toEqual([`coach ${reportUrl}`, `subject ${reportUrl}`]);
    // Over a thousand requests, growing with the route table: more than the default 30 s on a busy machine.
  }, 180_000);

  it('lets the report say only what the groups shown say together', async () => {
    const report = (await cast.as.client.get(`/api/orgs/${cast.orgId}/feedback/rounds/${closedRound}/report`)).body;
    expect(report).toMatchObject({ responses: 8, withheldResponses: 2, groups: [{ group: 'peer', responses: 3 }, { group: 'direct_report', responses: 3 }] });
    // "Setting direction" (no reverse item): peers 4, direct reports 3, together 3.5 over six; the manager's 1 and the other's 2 nowhere.
    expect(report.competencies[0]).toMatchObject({ self: 5, others: { mean: 3.5, n: 6 }, withheld: 2, gap: 1.5 });
    for (const row of report.competencies) for (const cell of row.groups) expect(cell.n).toBeGreaterThanOrEqual(3);
    expect(report.comments).toHaveLength(6);
    // Rounds still collecting have no report: no one can compare it before and after one more answer.
    expect((await cast.as.client.get(`/api/orgs/${cast.orgId}/feedback/rounds/${openRound}/report`)).status).toBe(409);
  });

  it('shows a rater their own draft through their own link only, and nothing once submitted', async () => {
    const [drafting] = draftOnly;
    expect((await t.client().get(`/api/feedback/${drafting!.token}`)).body.draft.comment).toBe(drafting!.comment);
    for (const r of raters.filter((x) => x.submit && raters.indexOf(x) >= 8)) {
      expect((await t.client().get(`/api/feedback/${r.token}`)).body).toMatchObject({ submitted: true, draft: null });
    }
  });

  it('keeps rater links out of the organization’s outbox, which admins read', async () => {
    const outbox = JSON.stringify((await cast.as.admin.get(`/api/orgs/${cast.orgId}/outbox?pageSize=100`)).body);
    for (const r of raters) expect(outbox).not.toContain(r.token);
  });

  it('stores and exports responses without any link to the rater who gave them', async () => {
    const columns = Object.keys((await t.context.db.selectFrom('feedback_responses').selectAll().executeTakeFirstOrThrow()));
    expect(columns.sort()).toEqual(['answers', 'comment', 'id', 'org_id', 'relationship', 'round_id']);
    const raterRows = await t.context.db.selectFrom('feedback_raters').selectAll().execute();
    for (const row of raterRows) expect(Object.keys(row).filter((key) => /_at$/.test(key)).sort()).toEqual(['invited_at', 'last_reminded_at']);
    // A backup (the export) holds the same: responses with no rater, raters with no answers.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-anon-'));
    try {
      const file = path.join(dir, 'backup.jsonl.gz');
      await backup(t.context.database, file);
      const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
      const responses = lines.filter((line) => line.t === 'feedback_responses').map((line) => line.r);
      // Eight in the closed round, three in the one still collecting (the fourth rater has only a draft).
      expect(responses).toHaveLength(11);
      for (const response of responses) {
        for (const r of raters) {
          expect(JSON.stringify(response)).not.toContain(r.email);
          expect(JSON.stringify(response)).not.toContain(r.name);
        }
      }
      const raterLines = lines.filter((line) => line.t === 'feedback_raters').map((line) => JSON.stringify(line.r));
      for (const r of raters.filter((x) => x.submit)) {
        expect(raterLines.join('\n')).not.toContain(r.comment);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
