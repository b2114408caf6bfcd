import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, call, type Schema } from '../../platform/api/client';

/*
 * The fit guide's view of the API. The guide and its results are public (no account); keeping a
 * result needs a member of an organization and their explicit consent.
 */

export type Guide = paths['/api/fit-guide']['get']['responses'][200]['content']['application/json'];
export type Question = Guide['questions'][number];
export type Explainer = Guide['explainers'][number];
export type FitResult = Schema<'FitGuideResult'>;
export type Reason = FitResult['reasons'][number];
export type NextStep = FitResult['nextSteps'][number];
export type Recommendation = FitResult['recommendation'];
export type SavedResult = Schema<'FitGuideSavedResult'>;
export type Answers = Record<string, string>;

export const fitKeys = {
  guide: ['fit-guide'] as const,
  result: (code: string) => ['fit-guide', 'result', code] as const,
  saved: (orgId: string) => ['orgs', orgId, 'fit-guide', 'saved'] as const,
};

export function useGuide() {
  return useQuery({
    queryKey: fitKeys.guide,
    queryFn: () => call(api.GET('/api/fit-guide')),
    staleTime: Infinity,
  });
}

export function useSharedResult(code: string) {
  return useQuery({
    queryKey: fitKeys.result(code),
    queryFn: () => call(api.GET('/api/fit-guide/results/{code}', { params: { path: { code } } })),
    staleTime: Infinity,
  });
}

export function useSavedResults(orgId: string) {
  return useQuery({
    queryKey: fitKeys.saved(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/fit-guide/saved', { params: { path: { orgId } } })),
  });
}

export const scoreAnswers = (answers: Answers) => call(api.POST('/api/fit-guide/result', { body: { answers } }));

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  both: 'Coaching and mentoring',
  mentoring_with_coaching_style: 'Mentoring, coaching style',
};

export const SUPPORT_LABELS: Record<Reason['supports'], { label: string; color: string }> = {
  coaching: { label: 'Points to coaching', color: 'blue' },
  mentoring: { label: 'Points to mentoring', color: 'cairn' },
  coaching_style: { label: 'Points to a coaching style', color: 'grape' },
  either: { label: 'Points both ways', color: 'gray' },
};

/**
 * Where each next step lives inside an organization. The fit guide is public, so a visitor goes
 * through /fit/go/:step, which signs them in first and then opens the page in their organization.
 */
export const STEP_PATHS: Partial<Record<NextStep['id'], string>> = {
  request_coach: 'coaching/coaches',
  join_mentoring_program: 'mentoring/programs',
  browse_mentors: 'mentoring/mentors',
};

/** In-progress answers survive a reload of the page (and nothing leaves the browser until the end). */
const DRAFT_KEY = 'cairn.fitGuide.draft';

export interface Draft {
  version: number;
  answers: Answers;
  index: number;
}

export function readDraft(version: number): Draft | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft.version === version && typeof draft.answers === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(draft: Draft | null): void {
  try {
    if (draft) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Storage can be off (private mode): the answers then live only as long as the page.
  }
}
