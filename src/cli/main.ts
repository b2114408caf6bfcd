import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig, type CairnConfig } from '../platform/config.ts';
import { assemble, startServer } from '../platform/server.ts';
import { backup, isEmpty, restore } from '../features/backup/service.ts';
import { loadDemo, type DemoResult } from '../features/demo/seed.ts';

const program = new Command();
program
  .name('cairn')
  .description('Cairn: coaching engagements and mentoring programs, self-hosted.\nConfiguration comes from the environment: PORT, HOST, DATABASE_URL, CAIRN_DATA_DIR, CAIRN_DEMO, SMTP_URL, CAIRN_PUBLIC_URL, LOG_LEVEL (see README).')
  .showHelpAfterError();

function openFromConfig(config: CairnConfig) {
  return openDatabase({ databaseUrl: config.databaseUrl, postgresSchema: config.postgresSchema, dataDir: config.dataDir });
}

function printDemo(demo: DemoResult): void {
  console.log('\nDemo organization loaded. Sign in as any of these (password for all: %s):', demo.password);
  for (const person of demo.signIns) console.log(`  ${person.email.padEnd(34)} ${person.name} (${person.roles})`);
}

program
  .command('start')
  .description('Migrate the database and serve the web app and API. On an empty embedded database, loads the demo organization unless CAIRN_DEMO=off.')
  .action(async () => {
    const config = loadConfig();
    const context = await assemble(config);
    let demo: DemoResult | null = null;
    if (config.demo && (await isEmpty(context.database))) demo = await loadDemo(context.db);
    const running = await startServer(context);
    console.log(`\nCairn is running at ${running.url} (database: ${context.dbKind}${context.dbKind === 'sqlite' ? `, ${context.database.sqliteFile}` : ''})`);
    if (demo) printDemo(demo);
    else if (config.demo) console.log('Existing data kept. Demo sign-in (if this database was started with the demo): priya@alderfinch.example / cairn-demo-2026');
    console.log('Press Ctrl+C to stop.');
    const shutdown = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('Bring the database schema to the latest version, then exit.')
  .action(async () => {
    const database = openFromConfig(loadConfig());
    const applied = await migrateToLatest(database);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    await database.close();
  });

program
  .command('demo')
  .description('Load the demo organization into an empty database (works on PostgreSQL too).')
  .action(async () => {
    const database = openFromConfig(loadConfig());
    await migrateToLatest(database);
    if (!(await isEmpty(database))) {
      console.error('The database already holds data; the demo loads only into an empty one.');
      await database.close();
      process.exitCode = 1;
      return;
    }
    printDemo(await loadDemo(database.db));
    await database.close();
  });

function progressReporter(verb: string) {
  const bar = new cliProgress.SingleBar({ format: `${verb} {table} |{bar}| {value}/{total} tables, {rows} rows`, hideCursor: true, noTTYOutput: true }, cliProgress.Presets.shades_classic);
  let tables = 0;
  let rows = 0;
  return {
    start: (total: number) => bar.start(total, 0, { table: '', rows: 0 }),
    onTable: (table: string, count: number) => {
      tables += 1;
      rows += count;
      bar.update(tables, { table, rows });
    },
    stop: () => bar.stop(),
  };
}

program
  .command('backup <file>')
  .description('Write a consistent copy of the whole database to <file> (gzipped JSON lines) while Cairn keeps running. Restores into SQLite or PostgreSQL.')
  .action(async (file: string) => {
    const database = openFromConfig(loadConfig());
    await migrateToLatest(database);
    const progress = progressReporter('Backing up');
    const { BACKUP_TABLES } = await import('../features/backup/tables.ts');
    progress.start(BACKUP_TABLES.length);
    const summary = await backup(database, file, progress.onTable);
    progress.stop();
    console.log(`Backup written to ${file}: ${Object.values(summary.rows).reduce((a, b) => a + b, 0)} rows.`);
    await database.close();
  });

program
  .command('restore <file>')
  .description('Restore a backup made by "cairn backup" into an empty database, all or nothing.')
  .action(async (file: string) => {
    const database = openFromConfig(loadConfig());
    await migrateToLatest(database);
    const progress = progressReporter('Restoring');
    const { BACKUP_TABLES } = await import('../features/backup/tables.ts');
    progress.start(BACKUP_TABLES.length);
    try {
      const summary = await restore(database, file, progress.onTable);
      progress.stop();
      console.log(`Restored ${Object.values(summary.rows).reduce((a, b) => a + b, 0)} rows from ${file}.`);
    } catch (error) {
      progress.stop();
      console.error(`Restore failed, nothing was written: ${(error as Error).message}`);
      process.exitCode = 1;
    }
    await database.close();
  });

program
  .command('match')
  .description('Run matching for a mentoring program and print the result: matched, unmatched with reasons, score distribution. Stores the proposal for review (never published) unless --dry-run.')
  .requiredOption('--program <id>', 'the program id')
  .option('--dry-run', 'compute and print only; store nothing')
  .option('--json', 'print machine-readable JSON instead of the summary')
  .option('--progress', 'show the progress bar (on stderr) whatever the program’s size')
  .option('--no-progress', 'never show the progress bar')
  .action(async (options: { program: string; dryRun?: boolean; json?: boolean; progress?: boolean }) => {
    const database = openFromConfig(loadConfig());
    await migrateToLatest(database);
    const { findProgram, formatMatchSummary, LARGE_PROGRAM_PAIRS, matchCommand, MATCHING_PHASES, programSize } = await import('../features/matching/cli.ts');
    const found = await findProgram(database.db, options.program);
    if (!found) {
      console.error(`No mentoring program has the id ${options.program}.`);
      await database.close();
      process.exitCode = 1;
      return;
    }
    // Large programs show the engine's phases as they pass (on stderr, so --json stays clean).
    const large = options.progress ?? (await programSize(database.db, found.id)) >= LARGE_PROGRAM_PAIRS;
    const bar = large ? new cliProgress.SingleBar({ format: 'Matching {phase} |{bar}| {value}/{total} phases', hideCursor: true, noTTYOutput: true }, cliProgress.Presets.shades_classic) : null;
    bar?.start(MATCHING_PHASES.length, 0, { phase: 'loading' });
    let done = 0;
    try {
      const result = await matchCommand(database.db, found, { dryRun: options.dryRun ?? false, onPhase: (phase) => bar?.update(done++, { phase }) });
      bar?.update(MATCHING_PHASES.length, { phase: 'done' });
      bar?.stop();
      console.log(options.json ? JSON.stringify(result, null, 2) : formatMatchSummary(result));
    } catch (error) {
      bar?.stop();
      console.error(`Matching failed, nothing was stored: ${(error as Error).message}`);
      process.exitCode = 1;
    }
    await database.close();
  });

await program.parseAsync(process.argv);
