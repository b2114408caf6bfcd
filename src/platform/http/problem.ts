/** An error that reaches the client as application/problem+json (RFC 9457). */
export interface FieldProblem {
  field: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldProblem[]) => new Problem(400, 'Bad request', detail, errors);
export const invalidField = (field: string, message: string) =>
  new Problem(400, 'Invalid input', `${field} ${message}`, [{ field, message }]);
export const unauthorized = (detail = 'Sign in to continue.') => new Problem(401, 'Not signed in', detail);
export const forbidden = (detail: string) => new Problem(403, 'Not allowed', detail);
export const notFound = (what: string) => new Problem(404, 'Not found', `${what} was not found.`);
export const conflict = (detail: string) => new Problem(409, 'Conflict', detail);
export const gone = (detail: string) => new Problem(410, 'Gone', detail);
export const tooManyRequests = (detail: string) => new Problem(429, 'Too many requests', detail);
