import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from './problem.ts';

/*
 * Two validators: request bodies are checked exactly as sent (no type coercion, unknown fields
 * refused), while path and query strings are coerced, because every value there is a string.
 */
function makeAjv(coerceTypes: boolean) {
  const ajv = new Ajv.default({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const urlAjv = makeAjv(true);

/**
 * The path (below the value) of the first string holding a NUL character, which PostgreSQL cannot
 * store in text; null when there is none. Runs on every request part, so the path is only spelled
 * out once one is found.
 */
function nulCharacterAt(value: unknown): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? '' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const key in value) {
    const below = nulCharacterAt((value as Record<string, unknown>)[key]);
    if (below !== null) return `/${key}${below}`;
  }
  return null;
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : urlAjv;
  const validate = ajv.compile(schema as object);
  // Refused here, on both databases alike, instead of failing in PostgreSQL mid-transaction.
  const checked = (data: unknown): boolean => {
    const valid = validate(data);
    checked.errors = validate.errors;
    if (!valid) return false;
    const path = nulCharacterAt(data);
    if (path === null) return true;
    checked.errors = [{ keyword: 'nul', instancePath: path, schemaPath: '', params: {}, message: 'must not contain NUL characters' }];
    return false;
  };
  checked.errors = null as ErrorObject[] | null | undefined;
  return checked;
};

/** The pattern of strings that must hold more than white space (names). */
export const NOT_BLANK = '\\S';

const PART_NAMES: Record<string, string> = { body: '', querystring: 'query.', params: 'path.', headers: 'header.' };

export function fieldProblems(errors: ErrorObject[], context: string): FieldProblem[] {
  const prefix = PART_NAMES[context] ?? '';
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    let field = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      field = [field, String(error.params.missingProperty)].filter(Boolean).join('.');
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      field = [field, String(error.params.additionalProperty)].filter(Boolean).join('.');
      message = 'is not a known field';
    } else if (error.keyword === 'maxLength') {
      message = `must be at most ${error.params.limit} characters`;
    } else if (error.keyword === 'minLength') {
      message = error.params.limit === 1 ? 'must not be empty' : `must be at least ${error.params.limit} characters`;
    } else if (error.keyword === 'pattern' && error.params.pattern === NOT_BLANK) {
      message = 'must not be blank';
    } else if (error.keyword === 'format' && error.params.format === 'uuid') {
      message = 'must be a valid id (UUID)';
    } else if (error.keyword === 'type' && !field) {
      message = `must be ${error.params.type === 'object' ? 'a JSON object' : `of type ${error.params.type}`}`;
    }
    const name = `${prefix}${field || (context === 'body' ? 'body' : context)}`;
    const key = `${name}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ field: name, message });
  }
  return problems;
}
