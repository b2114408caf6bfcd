import fs from 'node:fs';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../src/db/connection.ts';
const dir = fs.readdirSync('.bench-data').find((d) => d.startsWith('sqlite-'))!;
const manifest = JSON.parse(fs.readFileSync(`.bench-data/${dir}/manifest.json`, 'utf8'));
const database = openDatabase({ dataDir: `.bench-data/${dir}` });
const db = database.db;
const people: string[] = manifest.core.samplePeople.single.slice(0, 48);
async function time(label: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 3000; i++) await fn(i);
  const t = performance.now();
  const n = 30000;
  for (let i = 0; i < n; i++) await fn(i);
  console.log(`${label}: ${(((performance.now() - t) * 1000) / n).toFixed(1)} µs`);
}
const build = (personId: string) => db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('membership_roles as r', (join) => join.onRef('r.org_id', '=', 'm.org_id').onRef('r.person_id', '=', 'm.person_id'))
    .select(['m.org_id', 'o.name', 'm.title', 'm.department', 'r.role'])
    .where('m.person_id', '=', personId)
    .where('m.status', '=', 'active')
    .orderBy('o.name')
    .orderBy('m.org_id');
await time('build only', (i) => build(people[i % 48]!));
await time('build+compile', (i) => build(people[i % 48]!).compile());
await time('build+compile+execute', (i) => build(people[i % 48]!).execute());
const compiled = build(people[0]!).compile();
await time('execute precompiled', (i) => db.executeQuery(CompiledQuery.raw(compiled.sql, [people[i % 48]!, 'active'])));
await database.close();
