import type { BenchRequest, ScenarioContext } from '../lib/scenario.ts';
import { defineScenario, PLATFORM_TARGET } from '../lib/scenario.ts';

const PAGE_SIZE = 25;

interface MemberPage {
  items?: unknown[];
  total?: number;
}

/** Admins and ordinary members of the largest organization (both may list the directory). */
async function viewersOf(context: ScenarioContext) {
  const org = context.core.organizations[0]!;
  const people = [...org.admins.slice(0, 2), ...org.regularMembers.slice(0, 6)];
  return { org, headers: await Promise.all(people.map((personId) => context.signIn(personId))) };
}

function expectPage(response: { status: number; body: unknown }, request: BenchRequest, minTotal: number): void {
  const body = response.body as MemberPage;
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  if (!Array.isArray(body.items) || typeof body.total !== 'number') throw new Error(`unexpected body: ${JSON.stringify(body).slice(0, 200)}`);
  if (body.total < minTotal) throw new Error(`expected at least ${minTotal} matches, got ${body.total}`);
  const page = Number(new URL(request.path, 'http://x').searchParams.get('page') ?? 1);
  const expected = Math.max(0, Math.min(PAGE_SIZE, body.total - (page - 1) * PAGE_SIZE));
  if (body.items.length !== expected) throw new Error(`expected ${expected} items on page ${page}, got ${body.items.length}`);
}

/** Search words a colleague would type: a surname, part of a first name, a department, a job word. */
export const SEARCH_TERMS = ['garcia', 'mar', 'finance', 'engineer'];

/** The members directory of the largest organization (12,000 members at full scale): paging and searching. */
export const scenarios = [
  defineScenario({
    name: 'members-page',
    description: 'GET /api/orgs/:org/members?page=N in the largest organization (12,000 members); 40 pages spread from the first to the last',
    target: PLATFORM_TARGET,
    async requests(context) {
      const { org, headers } = await viewersOf(context);
      const lastPage = Math.max(1, Math.floor((org.activeMembers - 1) / PAGE_SIZE));
      const pages = Array.from({ length: 40 }, (_, i) => 1 + Math.round((i * (lastPage - 1)) / 39));
      // Interleave deep and shallow pages so no connection sits on one part of the list.
      return context.random.sample(pages, pages.length).map((page, i): BenchRequest => ({
        method: 'GET', path: `/api/orgs/${org.id}/members?page=${page}&pageSize=${PAGE_SIZE}`, headers: headers[i % headers.length]!,
      }));
    },
    verify: (response, request) => expectPage(response, request, 2 * PAGE_SIZE),
  }),
  defineScenario({
    name: 'members-search',
    description: `GET /api/orgs/:org/members?q=… in the largest organization; words ${SEARCH_TERMS.map((t) => `"${t}"`).join(', ')}, pages 1 and 2`,
    target: PLATFORM_TARGET,
    async requests(context) {
      const { org, headers } = await viewersOf(context);
      const requests: BenchRequest[] = [];
      for (const q of SEARCH_TERMS) {
        for (const page of [1, 2]) {
          requests.push({ method: 'GET', path: `/api/orgs/${org.id}/members?q=${encodeURIComponent(q)}&page=${page}&pageSize=${PAGE_SIZE}`, headers: headers[requests.length % headers.length]! });
        }
      }
      return requests;
    },
    // Every word matches someone; at full scale each matches well over two pages.
    verify: (response, request) => expectPage(response, request, 1),
  }),
];
