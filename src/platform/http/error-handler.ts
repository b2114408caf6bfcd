import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from './problem.ts';
import { fieldProblems } from './validation.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

function problemFor(error: FastifyError | Problem): ProblemBody {
  if (error instanceof Problem) {
    return { type: 'about:blank', title: error.title, status: error.status, detail: error.detail, ...(error.errors ? { errors: error.errors } : {}) };
  }
  if (error.validation) {
    const errors = fieldProblems(error.validation as never, error.validationContext ?? 'body');
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return { type: 'about:blank', title: 'Invalid input', status: 400, detail, errors };
  }
  const status = error.statusCode ?? 500;
  // Fastify's own 4xx errors (malformed JSON, body too large, wrong content type) carry safe messages.
  if (status >= 400 && status < 500) {
    return { type: 'about:blank', title: titleFor(status), status, detail: error.message };
  }
  return { type: 'about:blank', title: 'Internal error', status: 500, detail: 'Something went wrong on our side. It has been logged.' };
}

function titleFor(status: number): string {
  return ({ 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed', 413: 'Request too large', 415: 'Unsupported media type', 429: 'Too many requests' } as Record<number, string>)[status] ?? 'Request refused';
}

/** Answers requests no route matched; `fallback` may answer first (the web app's index.html) and return true. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function installErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    const body = problemFor(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(body.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return;
    void reply.status(404).type('application/problem+json').send({
      type: 'about:blank', title: 'Not found', status: 404, detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
    });
  });
}
