import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../api/schema';

/** Types of the API's named schemas, e.g. `Schema<'Member'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type Role = Schema<'Member'>['roles'][number];

const CSRF_COOKIE = 'cairn_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Writes echo the session's CSRF token, which the server sets in a cookie only this origin can read. */
const csrf: Middleware = {
  onRequest({ request }) {
    if (!UNSAFE_METHODS.has(request.method)) return undefined;
    const token = readCookie(CSRF_COOKIE);
    if (token) request.headers.set('x-csrf-token', token);
    return request;
  },
};

/** The typed API client: every call the web app makes goes through it. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

export interface FieldProblem {
  field: string;
  message: string;
}

/** An application/problem+json answer (or a network failure) as an Error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  static fromProblem(status: number, problem: unknown): ApiError {
    if (problem && typeof problem === 'object' && 'detail' in problem) {
      const body = problem as { title?: string; detail?: string; errors?: FieldProblem[] };
      return new ApiError(status, body.title ?? 'Error', body.detail ?? '', body.errors ?? []);
    }
    return new ApiError(status, 'Error', status >= 500 ? 'Something went wrong on the server. Try again in a moment.' : `The server answered ${status}.`);
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Waits for an openapi-fetch call and returns its data, or throws an ApiError carrying the
 * problem's detail and field errors. A network failure becomes status 0.
 */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'Offline', 'Cairn could not be reached. Check your connection and try again.');
  }
  if (!result.response.ok || result.error !== undefined) throw ApiError.fromProblem(result.response.status, result.error);
  return result.data as T;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function isStatus(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && statuses.includes(error.status);
}
