import { sql } from 'kysely';
import { encodeCursor, type DirectoryCursor } from '../../src/features/members/cursor.ts';
import type { BenchRequest, ScenarioContext } from '../lib/scenario.ts';
import { defineScenario, defineSeed, PLATFORM_TARGET } from '../lib/scenario.ts';

const PAGE_SIZE = 25;

interface MemberPage {
  items?: unknown[];
  total?: number;
  nextCursor?: string | null;
  previousCursor?: string | null;
}

/**
 * Search words a colleague would type: surnames, part of a first name, a department, a job word,
 * an apostrophe, and two letters (too short for the trigram index: the organization is scanned).
 */
export const SEARCH_TERMS = ['garcia', 'mar', 'finance', 'engineer', 'chen', 'son', 'nguyen', "o'brien", 'hana', 'li'];

/** Where pages start, found in the database's own order: the scenario's cursors and what each should answer. */
interface PagePlan { cursor: DirectoryCursor | null; expectedItems: number; q?: string }

export interface MembersSeed {
  pages: PagePlan[];
  searches: PagePlan[];
}

/** Pages read from the first to the last (30 forwards, 10 backwards), and each search word's first two pages. */
export const seed = defineSeed<MembersSeed>({
  name: 'members',
  version: 1,
  async generate({ db, core }) {
    const org = core.organizations[0]!;
    const directory = await db.selectFrom('memberships').select(['sort_name', 'person_id']).where('org_id', '=', org.id).where('status', '=', 'active')
      .orderBy('sort_name').orderBy('person_id').execute();
    const keyAt = (index: number, direction: DirectoryCursor['direction']): DirectoryCursor => ({ direction, sortName: directory[index]!.sort_name, personId: directory[index]!.person_id });
    const count = directory.length;
    const pages: PagePlan[] = [];
    for (let i = 0; i < 30; i += 1) {
      const start = Math.round((i * Math.max(0, count - PAGE_SIZE)) / 29);
      pages.push({ cursor: start === 0 ? null : keyAt(start - 1, 'after'), expectedItems: Math.min(PAGE_SIZE, count - start) });
    }
    for (let i = 0; i < 10; i += 1) {
      const end = PAGE_SIZE + Math.round((i * Math.max(0, count - PAGE_SIZE - 1)) / 9);
      pages.push({ cursor: keyAt(end, 'before'), expectedItems: Math.min(PAGE_SIZE, end) });
    }

    const searches: PagePlan[] = [];
    for (const q of SEARCH_TERMS) {
      // The search's meaning, spelled out: the words anywhere in a name, email, title or department.
      const pattern = `%${q}%`;
      const matches = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['m.sort_name', 'm.person_id']).where('m.org_id', '=', org.id).where('m.status', '=', 'active')
        .where((eb) => eb.or([sql`lower(p.name)`, sql`lower(p.email)`, sql`lower(m.title)`, sql`lower(m.department)`].map((field) => eb(field, 'like', pattern))))
        .orderBy('m.sort_name').orderBy('m.person_id').limit(PAGE_SIZE + 1).execute();
      searches.push({ q, cursor: null, expectedItems: Math.min(PAGE_SIZE, matches.length) });
      if (matches.length > PAGE_SIZE) {
        const last = matches[PAGE_SIZE - 1]!;
        searches.push({ q, cursor: { direction: 'after', sortName: last.sort_name, personId: last.person_id }, expectedItems: -1 });
      }
    }
    return { pages, searches };
  },
});

/** Admins and ordinary members of the largest organization (both may list the directory). */
async function viewersOf(context: ScenarioContext) {
  const org = context.core.organizations[0]!;
  const people = [...org.admins.slice(0, 2), ...org.regularMembers.slice(0, 6)];
  return { org, headers: await Promise.all(people.map((personId) => context.signIn(personId))) };
}

function pathOf(orgId: string, plan: PagePlan): string {
  const query = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
  if (plan.q) query.set('q', plan.q);
  if (plan.cursor) query.set('cursor', encodeCursor(plan.cursor));
  return `/api/orgs/${orgId}/members?${query.toString()}`;
}

function expectPage(response: { status: number; body: unknown }, expectedItems: number, minTotal: number): void {
  const body = response.body as MemberPage;
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  if (!Array.isArray(body.items) || typeof body.total !== 'number') throw new Error(`unexpected body: ${JSON.stringify(body).slice(0, 200)}`);
  if (body.total < minTotal) throw new Error(`expected at least ${minTotal} matches, got ${body.total}`);
  // -1: a second page of a search, which holds at least one member.
  if (expectedItems === -1 ? body.items.length === 0 : body.items.length !== expectedItems) throw new Error(`expected ${expectedItems} items, got ${body.items.length}`);
}

const plans = new Map<string, number>();

/** The members directory of the largest organization (12,000 members at full scale): paging and searching. */
export const scenarios = [
  defineScenario({
    name: 'members-page',
    description: 'GET /api/orgs/:org/members?cursor=… in the largest organization (12,000 members); 40 pages from the first to the last, 10 of them read backwards',
    target: PLATFORM_TARGET,
    async requests(context) {
      const { org, headers } = await viewersOf(context);
      const { pages } = context.seeds.members as MembersSeed;
      // Interleave deep and shallow pages so no connection sits on one part of the list.
      return context.random.sample(pages, pages.length).map((plan, i): BenchRequest => {
        const path = pathOf(org.id, plan);
        plans.set(path, plan.expectedItems);
        return { method: 'GET', path, headers: headers[i % headers.length]! };
      });
    },
    verify: (response, request) => expectPage(response, plans.get(request.path)!, 2 * PAGE_SIZE),
  }),
  defineScenario({
    name: 'members-search',
    description: `GET /api/orgs/:org/members?q=… in the largest organization; words ${SEARCH_TERMS.map((t) => `"${t}"`).join(', ')}, first and (where there is one) second page`,
    target: PLATFORM_TARGET,
    async requests(context) {
      const { org, headers } = await viewersOf(context);
      const { searches } = context.seeds.members as MembersSeed;
      return searches.map((plan, i): BenchRequest => {
        const path = pathOf(org.id, plan);
        plans.set(path, plan.expectedItems);
        return { method: 'GET', path, headers: headers[i % headers.length]! };
      });
    },
    // Every word matches someone.
    verify: (response, request) => expectPage(response, plans.get(request.path)!, 1),
  }),
];
