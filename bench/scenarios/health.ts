import { defineScenario } from '../lib/scenario.ts';

/**
 * The floor under every Cairn route: the health check runs through the whole plugin stack
 * (helmet, cookies, access control, schemas) plus one `select 1`. Informational: it shows how
 * much of the gap to the bare route is the stack itself rather than a feature's queries.
 */
export const scenarios = [
  defineScenario({
    name: 'health',
    description: 'GET /api/health: public, the full plugin stack and one trivial query (no target; shows the stack’s cost)',
    target: null,
    async requests() {
      return [{ method: 'GET', path: '/api/health' }];
    },
    verify(response) {
      if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
    },
  }),
];
