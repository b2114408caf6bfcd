import pino from 'pino';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type CairnConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { buildApp, type CairnApp } from '../../src/platform/http/app.ts';
import { Mailer } from '../../src/platform/mail/outbox.ts';
import { startServer } from '../../src/platform/server.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: CairnApp;
  context: AppContext;
  testDb: TestDatabase;
  /** A client with its own cookie jar, like one browser (optionally calling from its own address). */
  client(options?: ClientOptions): ApiClient;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<CairnConfig> = {}): CairnConfig {
  return { ...loadConfig({}), port: 0, host: '127.0.0.1', demo: false, logLevel: 'silent', serveWeb: false, publicUrl: 'http://cairn.test', ...overrides };
}

function contextFor(testDb: TestDatabase, config: CairnConfig): AppContext {
  const log = pino({ level: config.logLevel });
  return { config, database: testDb.database, db: testDb.database.db, dbKind: testDb.database.kind, mailer: new Mailer(testDb.database.db, log, config.smtpUrl, config.mailFrom), log };
}

/** The API on a fresh database, driven in-process (no socket) for fast integration tests. */
export async function createTestApp(overrides: Partial<CairnConfig> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const context = contextFor(testDb, testConfig(overrides));
  const app = await buildApp(context);
  await app.ready();
  return {
    app, context, testDb,
    client: (options?: ClientOptions) => new ApiClient(app, options),
    async close() {
      await app.close();
      context.mailer.close();
      await testDb.drop();
    },
  };
}

export interface ServedTestApp {
  url: string;
  context: AppContext;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** The whole server on a real port (web app included), for browser tests and SMTP. */
export async function serveTestApp(overrides: Partial<CairnConfig> = {}): Promise<ServedTestApp> {
  const testDb = await createTestDatabase();
  const context = contextFor(testDb, testConfig({ serveWeb: true, ...overrides }));
  const running = await startServer(context);
  return {
    url: running.url, context, testDb,
    async close() {
      await running.app.close();
      context.mailer.close();
      await testDb.drop();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

export interface ClientOptions {
  /** The address the requests come from (default 127.0.0.1), e.g. to test per-address limits. */
  remoteAddress?: string;
}

/** Keeps cookies between requests and echoes the CSRF token on writes, as the web app does. */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: CairnApp, private readonly options: ClientOptions = {}) {}

  /** The Cookie header this client sends (empty when it holds none). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const cookie = this.cookieHeader();
    const csrf = this.cookies.get('cairn_csrf');
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
    });
    for (const set of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = set.value === '' || (set.expires && set.expires.getTime() < Date.now()) || set.maxAge === 0;
      if (cleared) this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    const text = response.body;
    let parsed: unknown = text;
    if ((response.headers['content-type'] ?? '').toString().includes('json') && text) parsed = JSON.parse(text);
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body: unknown = {}) => this.request<T>('POST', url, body);
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  put = <T = any>(url: string, body: unknown) => this.request<T>('PUT', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
}
