import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, call, type Schema } from '../../platform/api/client';
import { useRefreshingMutation, type WriteOptions } from '../../platform/api/mutations';

/*
 * The coaching screens' view of the API: types from the server's schemas, query keys, and the
 * queries every page shares. Every coaching key starts with ['orgs', orgId, 'coaching'], so a
 * write refreshes whatever of coaching is on screen with one invalidation. The coach's private
 * notes are kept apart: reading them is audited, so they are fetched only when asked for.
 */

export type Coach = Schema<'Coach'>;
export type CoachingRequest = Schema<'CoachingRequest'>;
export type EngagementSummary = Schema<'EngagementSummary'>;
export type EngagementDetail = Schema<'EngagementDetail'>;
export type EngagementState = EngagementSummary['state'];
export type EngagementEvent = EngagementDetail['availableEvents'][number];
export type Party = EngagementDetail['yourParts'][number];
export type Agreement = EngagementDetail['agreement'];
export type SponsorVisibility = Agreement['sponsorVisibility'];
export type Cadence = Agreement['cadence'];
export type Attainment = EngagementSummary['attainment'];
export type Goal = Schema<'CoachingGoal'>;
export type GoalList = Schema<'CoachingGoalList'>;
export type GoalTimeline = Schema<'GoalTimeline'>;
export type TimelineGoal = GoalTimeline['goals'][number];
export type GrowHistory = Schema<'GrowHistory'>;
export type Session = Schema<'CoachingSession'>;
export type SessionDetail = Schema<'CoachingSessionDetail'>;
export type SessionStatus = Session['status'];
export type SessionNote = Schema<'SessionNote'>;
export type NoteKind = SessionNote['kind'];
export type PrivateNote = Schema<'PrivateNote'>;
export type ActionItem = SessionDetail['actionItemReview'][number];
export type ActionItemStatus = ActionItem['status'];
export type AgreementTerms = paths['/api/orgs/{orgId}/engagements/{engagementId}/agreement']['put']['requestBody']['content']['application/json'];
export type ClientHome = paths['/api/orgs/{orgId}/coaching/home/client']['get']['responses'][200]['content']['application/json'];
export type CoachHome = paths['/api/orgs/{orgId}/coaching/home/coach']['get']['responses'][200]['content']['application/json'];
export type SponsorHome = paths['/api/orgs/{orgId}/coaching/home/sponsor']['get']['responses'][200]['content']['application/json'];
export type HomeGoal = ClientHome['goals'][number];
export type HomeActionItem = ClientHome['openActionItems'][number];
export type HomeSession = CoachHome['upcomingSessions'][number];

export interface CoachFilters { q?: string; specialty?: string; language?: string; available?: boolean }
export interface EngagementFilters { state?: EngagementState; page: number; pageSize: number }

const root = (orgId: string) => ['orgs', orgId, 'coaching'] as const;

export const coachingKeys = {
  all: root,
  coaches: (orgId: string, filters: CoachFilters = {}) => [...root(orgId), 'coaches', filters] as const,
  requests: (orgId: string, status?: CoachingRequest['status']) => [...root(orgId), 'requests', status ?? 'all'] as const,
  mine: (orgId: string) => [...root(orgId), 'mine'] as const,
  engagements: (orgId: string, filters: EngagementFilters) => [...root(orgId), 'engagements', filters] as const,
  engagement: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId] as const,
  goals: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId, 'goals'] as const,
  timeline: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId, 'timeline'] as const,
  grow: (orgId: string, engagementId: string, goalId: string) => [...root(orgId), 'engagement', engagementId, 'grow', goalId] as const,
  sessions: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId, 'sessions'] as const,
  attendance: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId, 'attendance'] as const,
  actionItems: (orgId: string, engagementId: string) => [...root(orgId), 'engagement', engagementId, 'action-items'] as const,
  session: (orgId: string, sessionId: string) => [...root(orgId), 'session', sessionId] as const,
  home: (orgId: string, kind: 'client' | 'coach' | 'sponsor') => [...root(orgId), 'home', kind] as const,
  /** Outside the coaching root on purpose: a read of private notes is audited, so it never refetches by itself. */
  privateNotes: (orgId: string, sessionId: string) => ['orgs', orgId, 'private-notes', sessionId] as const,
  feed: (orgId: string) => ['orgs', orgId, 'calendar-feed'] as const,
};

export function useCoaches(orgId: string, filters: CoachFilters = {}) {
  return useQuery({
    queryKey: coachingKeys.coaches(orgId, filters),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/coaches', {
      params: {
        path: { orgId },
        query: {
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.specialty ? { specialty: filters.specialty } : {}),
          ...(filters.language ? { language: filters.language } : {}),
          ...(filters.available ? { available: true } : {}),
        },
      },
    })),
    placeholderData: keepPreviousData,
  });
}

export function useRequests(orgId: string, status?: CoachingRequest['status']) {
  return useQuery({
    queryKey: coachingKeys.requests(orgId, status),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/coaching-requests', { params: { path: { orgId }, query: status ? { status } : {} } })),
  });
}

export function useMyEngagements(orgId: string) {
  return useQuery({
    queryKey: coachingKeys.mine(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/mine', { params: { path: { orgId }, query: {} } })),
  });
}

export function useEngagement(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: coachingKeys.engagement(orgId, engagementId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}', { params: { path: { orgId, engagementId } } })),
    enabled: Boolean(engagementId),
  });
}

export function useGoals(orgId: string, engagementId: string, enabled = true) {
  return useQuery({
    queryKey: coachingKeys.goals(orgId, engagementId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/goals', { params: { path: { orgId, engagementId } } })),
    enabled,
  });
}

export function useTimeline(orgId: string, engagementId: string, enabled = true) {
  return useQuery({
    queryKey: coachingKeys.timeline(orgId, engagementId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/goals/timeline', { params: { path: { orgId, engagementId } } })),
    enabled,
  });
}

export function useSessions(orgId: string, engagementId: string, enabled = true) {
  return useQuery({
    queryKey: coachingKeys.sessions(orgId, engagementId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/sessions', { params: { path: { orgId, engagementId }, query: {} } })),
    enabled,
  });
}

export function useActionItems(orgId: string, engagementId: string, enabled = true) {
  return useQuery({
    queryKey: coachingKeys.actionItems(orgId, engagementId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/engagements/{engagementId}/action-items', { params: { path: { orgId, engagementId }, query: {} } })),
    enabled,
  });
}

export function useSession(orgId: string, sessionId: string) {
  return useQuery({
    queryKey: coachingKeys.session(orgId, sessionId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/sessions/{sessionId}', { params: { path: { orgId, sessionId } } })),
  });
}

/** A coaching write: refreshes everything coaching on screen (see useRefreshingMutation). */
export function useCoachingMutation<Input, Output>(orgId: string, mutationFn: (input: Input) => Promise<Output>, options: WriteOptions<Input, Output> = {}) {
  return useRefreshingMutation(coachingKeys.all(orgId), mutationFn, options);
}
