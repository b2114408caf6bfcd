import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CairnDatabase, DatabaseKind } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { CairnConfig } from './config.ts';
import type { Mailer } from './mail/outbox.ts';

/** What every feature's routes and services are given: the app's shared parts. */
export interface AppContext {
  config: CairnConfig;
  database: CairnDatabase;
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  mailer: Mailer;
  log: Logger;
}
