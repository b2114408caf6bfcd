import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { EXPLAINERS, FIT_GUIDE_VERSION, QUESTIONS } from '../../domain/fit-guide/questions.ts';
import { checkAnswers, recommend, type Answers, type FitResult } from '../../domain/fit-guide/recommend.ts';
import { decodeShareCode, encodeShareCode } from '../../domain/fit-guide/share-code.ts';
import { badRequest, gone, invalidField, notFound } from '../../platform/http/problem.ts';
import { newId, nowIso } from '../../platform/ids.ts';

export function guide() {
  return {
    version: FIT_GUIDE_VERSION,
    questions: QUESTIONS.map((q) => ({ id: q.id, distinction: q.distinction, prompt: q.prompt, help: q.help, options: q.options.map((o) => ({ id: o.id, label: o.label })) })),
    explainers: EXPLAINERS,
  };
}

export interface SharedResult extends FitResult {
  code: string;
  answers: Record<string, string>;
}

/** Scores answers that name real questions and options; anything else is refused, naming it. */
export function resultFor(answers: Answers): SharedResult {
  const problems = checkAnswers(answers).map((p) => ({ field: `answers.${p.questionId}`, message: p.message }));
  if (problems.length) throw badRequest(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  const known = Object.fromEntries(Object.entries(answers).filter(([id]) => QUESTIONS.some((q) => q.id === id)));
  return { ...recommend(known), code: encodeShareCode(known), answers: known };
}

/** A shared link's code, recomputed: nothing was stored to share it. */
export function resultForCode(code: string, field = 'path.code'): SharedResult {
  const decoded = decodeShareCode(code);
  if (!decoded.ok) {
    if (decoded.reason === 'other_version') throw gone(`This result ${decoded.message}.`);
    throw invalidField(field, decoded.message);
  }
  return resultFor(decoded.answers);
}

export interface SavedResult {
  id: string;
  code: string;
  guideVersion: number;
  recommendation: string;
  confidence: number;
  consentedAt: string;
  createdAt: string;
  /** Recomputed from the code; null when the guide has changed since (take it again). */
  result: SharedResult | null;
}

export async function saveResult(db: Kysely<Database>, orgId: string, personId: string, input: { code?: string; answers?: Answers; consent: boolean }): Promise<string> {
  if (input.consent !== true) throw invalidField('consent', 'must be true: a result is kept only when you agree');
  if (!input.code === !input.answers) throw badRequest('Send either the answers or the code of a result.', [{ field: 'code', message: 'or answers is required, not both' }]);
  const result = input.code ? resultForCode(input.code, 'code') : resultFor(input.answers!);
  const id = newId();
  const now = nowIso();
  await db.insertInto('fit_guide_results').values({
    id, org_id: orgId, person_id: personId, guide_version: result.version, code: result.code, recommendation: result.recommendation,
    confidence: result.confidence.value, consented_at: now, created_at: now,
  }).execute();
  return id;
}

/** Only ever the person's own: the query is scoped to them, there is no other way in. */
export async function savedResults(db: Kysely<Database>, orgId: string, personId: string, id?: string): Promise<SavedResult[]> {
  let query = db.selectFrom('fit_guide_results').selectAll().where('org_id', '=', orgId).where('person_id', '=', personId);
  if (id) query = query.where('id', '=', id);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(100).execute();
  return rows.map((row) => {
    const decoded = row.guide_version === FIT_GUIDE_VERSION ? decodeShareCode(row.code) : null;
    return {
      id: row.id, code: row.code, guideVersion: row.guide_version, recommendation: row.recommendation, confidence: row.confidence,
      consentedAt: row.consented_at, createdAt: row.created_at, result: decoded?.ok ? resultFor(decoded.answers) : null,
    };
  });
}

export async function deleteSavedResult(db: Kysely<Database>, orgId: string, personId: string, id: string): Promise<void> {
  const deleted = await db.deleteFrom('fit_guide_results').where('org_id', '=', orgId).where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound('Saved result');
}
