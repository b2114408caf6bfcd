import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, call, type Schema } from '../../platform/api/client';
import { mentoringKeys } from '../mentoring/api';

/*
 * The matching screens' view of the API. Keys sit under the mentoring root, so a mentoring write
 * (and publishing, which creates relationships) refreshes them with everything else of mentoring.
 */

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type MatchingSettings = Schema<'MatchingSettings'>;
export type Criterion = keyof MatchingSettings['weights'];
export type Proposal = Schema<'MatchingProposal'>;
export type ProposalPair = Schema<'MatchingPair'>;
export type Unmatched = Proposal['unmatchedMentees'][number];
export type SettingsView = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/matching/settings', 'get'>;
export type Preview = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/matching/preview', 'post'>;
export type PreviewInput = Body<'/api/orgs/{orgId}/mentoring/programs/{programId}/matching/preview', 'post'>;
export type Scored = Preview['candidates'][number];
export type Suggestions = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/matching/my-suggestions', 'get'>;
export type Suggestion = Suggestions['suggestions'][number];
export type Exclusion = Json<'/api/orgs/{orgId}/mentoring/programs/{programId}/matching/exclusions', 'get'>['items'][number];

const root = (orgId: string, programId: string) => [...mentoringKeys.program(orgId, programId), 'matching'] as const;

export const matchingKeys = {
  settings: (orgId: string, programId: string) => [...root(orgId, programId), 'settings'] as const,
  proposal: (orgId: string, programId: string) => [...root(orgId, programId), 'proposal'] as const,
  exclusions: (orgId: string, programId: string) => [...root(orgId, programId), 'exclusions'] as const,
  preview: (orgId: string, programId: string, input: PreviewInput) => [...root(orgId, programId), 'preview', input] as const,
  suggestions: (orgId: string, programId: string) => [...root(orgId, programId), 'my-suggestions'] as const,
};

export function useMatchingSettings(orgId: string, programId: string) {
  return useQuery({
    queryKey: matchingKeys.settings(orgId, programId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/settings', { params: { path: { orgId, programId } } })),
  });
}

/** The proposal under review (or the last published one); null when the program has none yet. */
export function useProposal(orgId: string, programId: string) {
  return useQuery({
    queryKey: matchingKeys.proposal(orgId, programId),
    queryFn: async () => {
      const result = await api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/proposal', { params: { path: { orgId, programId } } });
      if (result.response.status === 404) return null;
      return call(Promise.resolve(result));
    },
    staleTime: 0,
  });
}

export function useExclusions(orgId: string, programId: string) {
  return useQuery({
    queryKey: matchingKeys.exclusions(orgId, programId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/exclusions', { params: { path: { orgId, programId } } })),
  });
}

/** The live preview: asked again as the draft settings change (debounced by the caller); nothing is saved. */
export function usePreview(orgId: string, programId: string, input: PreviewInput | null) {
  return useQuery({
    queryKey: matchingKeys.preview(orgId, programId, input ?? { menteePersonId: '' }),
    queryFn: () => call(api.POST('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/preview', { params: { path: { orgId, programId } }, body: input! })),
    enabled: Boolean(input?.menteePersonId),
    placeholderData: (previous) => previous,
  });
}

export function useMySuggestions(orgId: string, programId: string) {
  return useQuery({
    queryKey: matchingKeys.suggestions(orgId, programId),
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/matching/my-suggestions', { params: { path: { orgId, programId } } })),
    staleTime: 0,
  });
}

export const CRITERION_LABELS: Record<Criterion, { label: string; hint: string }> = {
  skills: { label: 'Skills', hint: 'The mentor offers the skills the mentee wants to build' },
  goals: { label: 'Goals', hint: 'The mentor can help with the mentee’s goals' },
  interests: { label: 'Shared interests', hint: 'Interests outside work in common' },
  experience: { label: 'Experience gap', hint: 'The mentor has the right number of years more than the mentee' },
  department: { label: 'Function', hint: 'Same or another function, as the program prefers' },
  timeZone: { label: 'Time zones', hint: 'Working hours in common' },
  language: { label: 'Language', hint: 'A language both speak' },
  preferences: { label: 'Mentee’s preferences', hint: 'Mentors, functions or experience the mentee asked for' },
  inclusion: { label: 'Inclusion preferences', hint: 'Only for mentees who opted in; never says which identity' },
};

export const REASON_LABELS: Record<string, string> = {
  no_mentors: 'No mentors',
  no_mentees: 'No mentees',
  paused: 'Paused',
  no_capacity: 'No capacity',
  taken: 'Matched elsewhere',
  blocked: 'Ruled out',
  removed: 'Removed by an admin',
};

export const percent = (fit: number) => `${Math.round(fit * 100)}%`;
export const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** The program's approved people on each side, for the pickers (preview, swap, exclusions). */
export function useApprovedPeople(orgId: string, programId: string) {
  return useQuery({
    queryKey: [...mentoringKeys.enrollments(orgId, programId), 'approved'] as const,
    queryFn: () => call(api.GET('/api/orgs/{orgId}/mentoring/programs/{programId}/enrollments', { params: { path: { orgId, programId }, query: { status: 'approved' } } })),
    select: (data) => ({
      mentees: data.items.filter((e) => e.side === 'mentee').map((e) => ({ value: e.personId, label: e.name })),
      mentors: data.items.filter((e) => e.side === 'mentor').map((e) => ({ value: e.personId, label: e.name })),
    }),
  });
}
