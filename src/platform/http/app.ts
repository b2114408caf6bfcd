import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from 'helmet';
import type { AppContext } from '../context.ts';
import { installAccessControl } from './access.ts';
import { installErrorHandling, type NotFoundFallback } from './error-handler.ts';
import { ProblemSchema } from './schemas.ts';
import { validatorCompiler } from './validation.ts';
import { featureRoutes } from '../../features/index.ts';

export type CairnApp = FastifyInstance;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function buildApp(context: AppContext): Promise<CairnApp> {
  const app = Fastify({
    loggerInstance: context.log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.CAIRN_TRUST_PROXY === 'on',
    // Installed as the factory, not with setValidatorCompiler: Fastify rebuilds the validator of
    // every plugin that adds a schema from the factory, and the default one coerces body types and
    // silently drops unknown fields.
    // (Fastify types the factory for Ajv or JSON Type Definition compilers only, hence the cast.)
    schemaController: { compilersFactory: { buildValidator: (() => validatorCompiler) as never } },
    // Errors the router raises before any handler (a malformed %-escape, a path parameter over
    // 100 characters) would otherwise be answered in Fastify's own JSON shape.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      void (reply as FastifyReply).status(status).type('application/problem+json').send({
        type: 'about:blank', title: status === 414 ? 'URI too long' : 'Bad request', status, detail: error.message,
      });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const web = context.config.serveWeb ? loadWebApp(app) : null;
  // Fastify allows one not-found handler: it answers API paths with a problem, other GETs with the web app.
  installErrorHandling(app, web?.fallback);
  await app.register(cookie);
  // Helmet's headers depend on nothing in the request (no nonces), so its middleware runs once and
  // every document gets the same headers. (@fastify/helmet rebuilt the middleware on every request,
  // and helmet's own middleware still re-serializes the CSP each time: 8% of GET /api/me's CPU.)
  const documentHeaders = headersOf(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its theme variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: context.config.secureCookies,
  }));
  const answerHeaders = apiAnswerHeaders(documentHeaders);
  app.addHook('onRequest', (request, reply, done) => {
    // API answers always leave through reply.send, which writes these with its own headers in one
    // go; files are streamed by @fastify/static, so documents get theirs on the raw response.
    if (isApiAnswer(request.url)) reply.headers(answerHeaders);
    else for (const [name, value] of documentHeaders) reply.raw.setHeader(name, value);
    done();
  });

  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn API',
        version: '0.1.0',
        description:
          'Coaching and mentoring platform. Sign in with POST /api/auth/login; the session is a cookie. ' +
          'Writes made with the cookie must echo the cairn_csrf cookie in the x-csrf-token header. ' +
          'Errors are application/problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cairn_session' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Answers kept in memory (sessions, homes, the directory) must hear of other processes' writes.
  await context.database.watchOutsideWrites();
  installAccessControl(app, context.db);
  await app.register(featureRoutes(context));

  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());

  if (web) {
    await app.register(fastifyStatic, {
      root: webDist, prefix: '/', wildcard: false, index: false,
      // The build writes .br and .gz beside each text file (web/vite.config.ts).
      preCompressed: true,
      // Files under assets/ carry a hash of their content in their name: a new release has new
      // names, so browsers may keep these for good. Anything else is checked each time.
      setHeaders: (reply: FastifyReply, file: string) => {
        void reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

/** /api answers are JSON for scripts and the web app; /api/docs is a page like the app's own. */
const isApiAnswer = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * The headers of an API answer (OWASP's REST security set): never stored by a browser or a proxy,
 * since answers hold confidential records, and never run, framed or read across origins as a
 * document. Headers that only mean something to a page (COOP, DNS prefetch, download options…)
 * are for documents. A route may still choose its own caching (the calendar feed does).
 */
function apiAnswerHeaders(documentHeaders: [string, string][]): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...Object.fromEntries(documentHeaders.filter(([name]) => name === 'strict-transport-security')),
  };
}

/** The headers a request-independent middleware sets, captured by running it once. */
function headersOf(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => { headers.set(name.toLowerCase(), String(value)); },
    removeHeader: (name: string) => { headers.delete(name.toLowerCase()); },
  };
  let failure: unknown = null;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => { failure = error ?? null; });
  if (failure) throw failure;
  return [...headers];
}

/** The built single-page app: index.html answers every non-API GET path no file or route matched. */
function loadWebApp(app: FastifyInstance): { fallback: NotFoundFallback } | null {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`web app not built (${index} missing): run "npm run build:web"`);
    return null;
  }
  const html = fs.readFileSync(index, 'utf8');
  return {
    fallback: (request, reply) => {
      if (request.method !== 'GET' || request.url.startsWith('/api/')) return false;
      void reply.type('text/html').header('cache-control', 'no-cache').send(html);
      return true;
    },
  };
}
