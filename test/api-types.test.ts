import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/generate-api-types.ts';

describe('web/src/api/schema.d.ts', () => {
  it('matches the routes (run `npm run gen:api` after changing a route schema)', async () => {
    const expected = await generateApiTypes();
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    // A plain boolean keeps the failure short; the diff of a 50 kB file helps nobody.
    expect(committed === expected, 'web/src/api/schema.d.ts is stale: run `npm run gen:api` and commit it').toBe(true);
  });
});
