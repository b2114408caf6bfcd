import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, call, type Schema } from '../../platform/api/client';
import { useRefreshingMutation, type WriteOptions } from '../../platform/api/mutations';

/*
 * The assessment screens' view of the API. Every key starts with ['orgs', orgId, 'assessments'],
 * so one invalidation refreshes whatever of assessments is on screen.
 */

export type InstrumentSummary = Schema<'InstrumentSummary'>;
export type Instrument = Schema<'Instrument'>;
export type Attempt = Schema<'AssessmentAttempt'>;
export type Scores = Schema<'AssessmentScores'>;
export type SubscaleScore = Scores['subscales'][number];
export type Assignment = Schema<'AssessmentAssignment'>;
export type History = Schema<'AssessmentHistory'>;
export type Scale = Instrument['scale'];
export type EngagementSummary = Schema<'EngagementSummary'>;
export type EngagementAssessments = paths['/api/orgs/{orgId}/engagements/{engagementId}/assessments']['get']['responses'][200]['content']['application/json'];

const root = (orgId: string) => ['orgs', orgId, 'assessments'] as const;

export const assessmentKeys = {
  all: root,
  instruments: (orgId: string) => [...root(orgId), 'instruments'] as const,
  instrument: (orgId: string, id: string, version?: number) => [...root(orgId), 'instrument', id, version ?? 'latest'] as const,
  attempts: (orgId: string) => [...root(orgId), 'attempts'] as const,
  attempt: (orgId: string, attemptId: string) => [...root(orgId), 'attempt', attemptId] as const,
  history: (orgId: string, instrumentId: string) => [...root(orgId), 'history', instrumentId] as const,
  shared: (orgId: string) => [...root(orgId), 'shared-with-me'] as const,
  assignments: (orgId: string) => [...root(orgId), 'assignments'] as const,
  engagement: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId] as const,
  engagements: (orgId: string) => [...root(orgId), 'my-engagements'] as const,
};

export function useInstruments(orgId: string) {
  return useQuery({
    queryKey: assessmentKeys.instruments(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/instruments', { params: { path: { orgId } } })),
    staleTime: 5 * 60_000,
  });
}

export function useInstrument(orgId: string, instrumentId: string, version?: number) {
  return useQuery({
    queryKey: assessmentKeys.instrument(orgId, instrumentId, version),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/instruments/{instrumentId}', {
      params: { path: { orgId, instrumentId }, query: version ? { version } : {} },
    })),
    staleTime: Infinity,
    enabled: Boolean(instrumentId),
  });
}

export function useAttempts(orgId: string) {
  return useQuery({
    queryKey: assessmentKeys.attempts(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/attempts', { params: { path: { orgId }, query: {} } })),
  });
}

export function useAttempt(orgId: string, attemptId: string) {
  return useQuery({
    queryKey: assessmentKeys.attempt(orgId, attemptId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/attempts/{attemptId}', { params: { path: { orgId, attemptId } } })),
  });
}

export function useHistory(orgId: string, instrumentId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.history(orgId, instrumentId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/history/{instrumentId}', { params: { path: { orgId, instrumentId } } })),
    enabled,
  });
}

export function useSharedWithMe(orgId: string) {
  return useQuery({
    queryKey: assessmentKeys.shared(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/shared-with-me', { params: { path: { orgId } } })),
  });
}

export function useAssignments(orgId: string) {
  return useQuery({
    queryKey: assessmentKeys.assignments(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/assessments/assignments', { params: { path: { orgId } } })),
  });
}

export function useEngagementAssessments(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: assessmentKeys.engagement(orgId, engagementId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/assessments', { params: { path: { orgId, engagementId } } })),
  });
}

/** The coaching engagements the person takes part in (to assign, or to start a 360 within one). */
export function useMyEngagements(orgId: string) {
  return useQuery({
    queryKey: assessmentKeys.engagements(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/mine', { params: { path: { orgId }, query: {} } })),
  });
}

export const startAttempt = (orgId: string, body: { instrumentId: string; assignmentId?: string; engagementId?: string }) =>
  call(api.POST('/api/orgs/{orgId}/assessments/attempts', { params: { path: { orgId } }, body }));

/** An assessment write: refreshes everything assessment on screen (see useRefreshingMutation). */
export function useAssessmentMutation<Input, Output>(orgId: string, mutationFn: (input: Input) => Promise<Output>, options: WriteOptions<Input, Output> = {}) {
  return useRefreshingMutation(assessmentKeys.all(orgId), mutationFn, options);
}

/** The lowest and highest score a subscale can have (a sum of n items, or a mean on the scale). */
export function subscaleRange(instrument: Pick<Instrument, 'items' | 'subscales' | 'scale'>, subscaleId: string): { min: number; max: number } {
  const subscale = instrument.subscales.find((s) => s.id === subscaleId);
  const count = instrument.items.filter((item) => item.subscale === subscaleId).length;
  if (subscale?.scoring === 'sum') return { min: count * instrument.scale.min, max: count * instrument.scale.max };
  return { min: instrument.scale.min, max: instrument.scale.max };
}

export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(value * 10 === Math.round(value * 10) ? 1 : 2);
