import pino, { type Logger } from 'pino';
import { openDatabase, type CairnDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { CairnConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { buildApp, type CairnApp } from './http/app.ts';
import { Mailer } from './mail/outbox.ts';

export interface RunningCairn {
  app: CairnApp;
  context: AppContext;
  url: string;
  stop(): Promise<void>;
}

export function createLogger(config: CairnConfig): Logger {
  return pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] });
}

/** Opens the database, brings it to the latest schema and assembles the app (without listening). */
export async function assemble(config: CairnConfig, log: Logger = createLogger(config), database?: CairnDatabase): Promise<AppContext> {
  const db = database ?? openDatabase({ databaseUrl: config.databaseUrl, postgresSchema: config.postgresSchema, dataDir: config.dataDir });
  await migrateToLatest(db);
  const mailer = new Mailer(db.db, log, config.smtpUrl, config.mailFrom);
  return { config, database: db, db: db.db, dbKind: db.kind, mailer, log };
}

export async function startServer(context: AppContext): Promise<RunningCairn> {
  const app = await buildApp(context);
  await app.listen({ port: context.config.port, host: context.config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : context.config.port;
  // Mail that could not be sent right away (SMTP down) is retried every half minute.
  const retry = setInterval(() => void context.mailer.deliverPending(), 30_000);
  retry.unref();
  return {
    app,
    context,
    url: `http://${context.config.host === '0.0.0.0' ? 'localhost' : context.config.host}:${port}`,
    async stop() {
      clearInterval(retry);
      await app.close();
      context.mailer.close();
      await context.database.close();
    },
  };
}
