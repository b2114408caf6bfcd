import { defineScenario, PLATFORM_TARGET } from '../lib/scenario.ts';

interface MeBody {
  person?: { id?: string };
  memberships?: unknown[];
}

/** The first request of every page load in the web app: who am I, and where may I go. */
export const scenarios = [
  defineScenario({
    name: 'me',
    description: 'GET /api/me as 64 different signed-in people (48 in one organization, 16 external coaches/mentors in several)',
    target: PLATFORM_TARGET,
    async requests({ core, signIn }) {
      const people = [...core.samplePeople.single.slice(0, 48), ...core.samplePeople.multi.slice(0, 16)];
      return Promise.all(people.map(async (personId) => ({ method: 'GET' as const, path: '/api/me', headers: await signIn(personId) })));
    },
    verify(response) {
      const body = response.body as MeBody;
      if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(body)}`);
      if (!body.person?.id || !Array.isArray(body.memberships) || body.memberships.length === 0) {
        throw new Error(`unexpected body: ${JSON.stringify(body).slice(0, 200)}`);
      }
    },
  }),
];
