import { useQuery } from '@tanstack/react-query';
import { api, call, type Schema } from '../../platform/api/client';
import { useRefreshingMutation, type WriteOptions } from '../../platform/api/mutations';

/*
 * The 360 feedback screens' view of the API. Rounds live under ['orgs', orgId, 'feedback'];
 * the rater's page works through its link alone (no account), under ['feedback-link', token].
 */

export type RoundSummary = Schema<'FeedbackRoundSummary'>;
export type Round = Schema<'FeedbackRound'>;
export type Rater = Round['raters'][number];
export type Relationship = Rater['relationship'];
export type Report = Schema<'FeedbackReport'>;
export type RaterView = Schema<'FeedbackRaterView'>;

const root = (orgId: string) => ['orgs', orgId, 'feedback'] as const;

export const feedbackKeys = {
  all: root,
  rounds: (orgId: string) => [...root(orgId), 'rounds'] as const,
  round: (orgId: string, roundId: string) => [...root(orgId), 'round', roundId] as const,
  report: (orgId: string, roundId: string) => [...root(orgId), 'round', roundId, 'report'] as const,
  link: (token: string) => ['feedback-link', token] as const,
};

export const RELATIONSHIPS: { value: Relationship; label: string; plural: string }[] = [
  { value: 'manager', label: 'Manager', plural: 'Manager' },
  { value: 'peer', label: 'Peer', plural: 'Peers' },
  { value: 'direct_report', label: 'Direct report', plural: 'Direct reports' },
  { value: 'other', label: 'Other colleague', plural: 'Other colleagues' },
];

export const relationshipLabel = (value: Relationship) => RELATIONSHIPS.find((r) => r.value === value)?.label ?? value;

export function useRounds(orgId: string) {
  return useQuery({
    queryKey: feedbackKeys.rounds(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/feedback/rounds', { params: { path: { orgId } } })),
  });
}

export function useRound(orgId: string, roundId: string) {
  return useQuery({
    queryKey: feedbackKeys.round(orgId, roundId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/feedback/rounds/{roundId}', { params: { path: { orgId, roundId } } })),
  });
}

export function useReport(orgId: string, roundId: string, enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.report(orgId, roundId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/feedback/rounds/{roundId}/report', { params: { path: { orgId, roundId } } })),
    enabled,
  });
}

/** A 360 write: refreshes everything feedback on screen (see useRefreshingMutation). */
export function useFeedbackMutation<Input, Output>(orgId: string, mutationFn: (input: Input) => Promise<Output>, options: WriteOptions<Input, Output> = {}) {
  return useRefreshingMutation(feedbackKeys.all(orgId), mutationFn, options);
}

/** Today in the browser's zone, as YYYY-MM-DD (the server checks against the subject's own zone). */
export function todayYmd(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
