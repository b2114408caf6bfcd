import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, call, type Schema } from '../../platform/api/client';
import { useRefreshingMutation, type WriteOptions } from '../../platform/api/mutations';

/*
 * The mentoring screens' view of the API: types from the server's schemas, query keys, and the
 * queries several pages share. Every mentoring key starts with ['orgs', orgId, 'mentoring'], so a
 * write refreshes whatever of mentoring is on screen with one invalidation. Private reflections
 * are kept apart: each read of them is audited, so they are fetched only when their author asks.
 */

export type MentorListing = Schema<'MentorListing'>;
export type Relationship = Schema<'MentoringRelationship'>;
export type RelationshipState = Relationship['state'];
export type RelationshipEvent = Relationship['availableEvents'][number];
export type Health = NonNullable<Relationship['health']>;
export type CheckIn = Schema<'MentoringCheckIn'>;
export type Review = Schema<'MentoringReview'>;
export type Closing = Schema<'MentoringClosing'>;
export type Program = Schema<'MentoringProgram'>;
export type ProgramQuestion = Program['questions'][number];
export type QuestionType = ProgramQuestion['fieldType'];
export type Purpose = Program['purpose'];
export type PairingMode = Program['pairingMode'];
export type Pair = Schema<'MentoringPair'>;
export type PairGroup = Pair['health'];

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type MentorHome = Json<'/api/orgs/{orgId}/mentoring/home/mentor', 'get'>;
export type MenteeHome = Json<'/api/orgs/{orgId}/mentoring/home/mentee', 'get'>;
export type OpenRequest = MentorHome['requests'][number];
export type PendingReview = MentorHome['pendingReviews'][number];
export type ToClose = MentorHome['toClose'][number];
export type LoadLine = MentorHome['load'][number];
export type LoadStatus = LoadLine['status'];
export type NoticePage = Json<'/api/orgs/{orgId}/notices', 'get'>;
export type Notice = NoticePage['items'][number];
export type Reflection = Json<'/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/reflections', 'get'>['items'][number];
export type Dashboard = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/dashboard', 'get'>;
export type Enrollment = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments', 'get'>['items'][number];
export type InclusionQuestion = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/inclusion', 'get'>['items'][number];
export type ProgramInput = Body<'/api/orgs/{orgId}/mentoring/programs', 'post'>;
export type QuestionInput = NonNullable<ProgramInput['questions']>[number];
export type EnrollInput = Body<'/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments', 'post'>;
export type DeclineReason = Body<'/api/orgs/{orgId}/mentoring/relationships/{relationshipId}/decline', 'post'>['reason'];
export type ListingInput = Body<'/api/orgs/{orgId}/mentoring/mentor-listing', 'put'>;

export interface MentorFilters { q?: string; expertise?: string; withRoom?: boolean }

const root = (orgId: string) => ['orgs', orgId, 'mentoring'] as const;

export const mentoringKeys = {
  all: root,
  mentors: (orgId: string, filters: MentorFilters = {}) => [...root(orgId), 'mentors', filters] as const,
  relationships: (orgId: string, as?: 'mentor' | 'mentee') => [...root(orgId), 'relationships', as ?? 'all'] as const,
  relationship: (orgId: string, id: string) => [...root(orgId), 'relationship', id] as const,
  checkIns: (orgId: string, id: string) => [...root(orgId), 'relationship', id, 'check-ins'] as const,
  review: (orgId: string, id: string) => [...root(orgId), 'relationship', id, 'review'] as const,
  closing: (orgId: string, id: string) => [...root(orgId), 'relationship', id, 'closing'] as const,
  tools: (orgId: string, id: string) => [...root(orgId), 'relationship', id, 'coaching-tools'] as const,
  home: (orgId: string, side: 'mentor' | 'mentee') => [...root(orgId), 'home', side] as const,
  programs: (orgId: string, includeArchived = false) => [...root(orgId), 'programs', includeArchived] as const,
  program: (orgId: string, id: string) => [...root(orgId), 'program', id] as const,
  myIdentity: (orgId: string, id: string) => [...root(orgId), 'program', id, 'my-identity'] as const,
  dashboard: (orgId: string, id: string) => [...root(orgId), 'program', id, 'dashboard'] as const,
  enrollments: (orgId: string, id: string) => [...root(orgId), 'program', id, 'enrollments'] as const,
  pairs: (orgId: string, id: string, group: PairGroup, page: number) => [...root(orgId), 'program', id, 'pairs', group, page] as const,
  inclusion: (orgId: string, id: string) => [...root(orgId), 'program', id, 'inclusion'] as const,
  skills: (orgId: string) => [...root(orgId), 'skills'] as const,
  notices: (orgId: string, page = 1) => [...root(orgId), 'notices', page] as const,
  /** Outside the mentoring root on purpose: a read of reflections is audited, so it never refetches by itself. */
  reflections: (orgId: string, id: string) => ['orgs', orgId, 'mentoring-reflections', id] as const,
};

export function useMentors(orgId: string, filters: MentorFilters = {}) {
  return useQuery({
    queryKey: mentoringKeys.mentors(orgId, filters),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/mentors', {
      params: {
        path: { orgId },
        query: {
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.expertise ? { expertise: filters.expertise } : {}),
          ...(filters.withRoom ? { withRoom: true } : {}),
        },
      },
    })),
    placeholderData: keepPreviousData,
  });
}

export function useRelationships(orgId: string, as?: 'mentor' | 'mentee') {
  return useQuery({
    queryKey: mentoringKeys.relationships(orgId, as),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships', { params: { path: { orgId }, query: as ? { as } : {} } })),
    ...FRESH,
  });
}

/** Asked again on each visit: the other person (or a review, or the calendar) moves a relationship on. */
export const FRESH = { staleTime: 0 } as const;

export function useRelationship(orgId: string, relationshipId: string) {
  return useQuery({
    queryKey: mentoringKeys.relationship(orgId, relationshipId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/relationships/{relationshipId}', { params: { path: { orgId, relationshipId } } })),
    enabled: Boolean(relationshipId),
    ...FRESH,
  });
}

export function useMentorHome(orgId: string, enabled = true) {
  return useQuery({
    queryKey: mentoringKeys.home(orgId, 'mentor'),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/home/mentor', { params: { path: { orgId } } })),
    enabled,
    ...FRESH,
  });
}

export function useMenteeHome(orgId: string, enabled = true) {
  return useQuery({
    queryKey: mentoringKeys.home(orgId, 'mentee'),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/home/mentee', { params: { path: { orgId } } })),
    enabled,
    ...FRESH,
  });
}

export function usePrograms(orgId: string, includeArchived = false) {
  return useQuery({
    queryKey: mentoringKeys.programs(orgId, includeArchived),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs', { params: { path: { orgId }, query: includeArchived ? { includeArchived: true } : {} } })),
  });
}

export function useProgram(orgId: string, programId: string) {
  return useQuery({
    queryKey: mentoringKeys.program(orgId, programId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}', { params: { path: { orgId, programId } } })),
    enabled: Boolean(programId),
  });
}

export function useSkills(orgId: string) {
  return useQuery({
    queryKey: mentoringKeys.skills(orgId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/skills', { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}

/**
 * The person's notices and their unread count (the header button): asked again on every page that
 * shows them, and every minute while one is open, since others' actions create them.
 */
export function useNotices(orgId: string, page = 1) {
  return useQuery({
    queryKey: mentoringKeys.notices(orgId, page),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/notices', { params: { path: { orgId }, query: { page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

/** A mentoring write: refreshes everything mentoring on screen (see useRefreshingMutation). */
export function useMentoringMutation<Input, Output>(orgId: string, mutationFn: (input: Input) => Promise<Output>, options: WriteOptions<Input, Output> = {}) {
  return useRefreshingMutation(mentoringKeys.all(orgId), mutationFn, options);
}
