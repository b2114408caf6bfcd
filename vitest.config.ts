import { defineConfig } from 'vitest/config';

/*
 * The whole suite runs twice: once on an embedded SQLite file, once on PostgreSQL. Each test file
 * gets a database of its own (a file, or a schema), so files run in parallel without meeting.
 */
const shared = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

const only = process.env.CAIRN_TEST_DATABASES?.split(',').map((name) => name.trim());
const projects = (['sqlite', 'postgres'] as const)
  .filter((kind) => !only || only.includes(kind))
  .map((kind) => ({
    extends: true as const,
    // Pure domain rules touch no database: once is enough.
    // Files named *.postgres.test.ts test what SQLite does not have (the write-notice listener).
    test: { ...shared, name: kind, env: { CAIRN_TEST_DB: kind }, exclude: ['node_modules/**', ...(kind === 'postgres' ? ['src/domain/**'] : ['**/*.postgres.test.ts'])] },
  }));

export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    maxWorkers: 2,
    fileParallelism: true,
    projects,
  },
});
