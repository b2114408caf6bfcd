import path from 'node:path';

/** Everything Cairn reads from the environment, resolved once at start. */
export interface CairnConfig {
  port: number;
  host: string;
  /** postgres://… when set; otherwise the embedded SQLite file under dataDir. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to keep Cairn's tables in (default: the connection's search_path). */
  postgresSchema: string | undefined;
  dataDir: string;
  /** Load the demo organization into an empty embedded database on start. */
  demo: boolean;
  /** smtp://user:pass@host:port; without it mail stays in the dev outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address people reach Cairn at, used in emailed links. */
  publicUrl: string;
  /** Marks cookies Secure; on by default when publicUrl is https. */
  secureCookies: boolean;
  logLevel: string;
  /** Serve the built web app from web/dist. */
  serveWeb: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CairnConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const host = env.HOST ?? 'localhost';
  const publicUrl = (env.CAIRN_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, '');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host,
    databaseUrl,
    postgresSchema: env.CAIRN_POSTGRES_SCHEMA || undefined,
    dataDir: path.resolve(env.CAIRN_DATA_DIR ?? 'data'),
    // Demo data belongs to the embedded quick start only; PostgreSQL starts empty.
    demo: databaseUrl ? false : env.CAIRN_DEMO !== 'off',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.CAIRN_MAIL_FROM ?? 'Cairn <no-reply@cairn.local>',
    publicUrl,
    secureCookies: env.CAIRN_SECURE_COOKIES ? env.CAIRN_SECURE_COOKIES === 'on' : publicUrl.startsWith('https:'),
    logLevel: env.LOG_LEVEL ?? 'info',
    serveWeb: env.CAIRN_SERVE_WEB !== 'off',
  };
}
