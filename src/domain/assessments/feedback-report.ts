import type { Instrument } from './instrument.ts';
import { keyedValue, round2, scoreResponses, type Responses } from './scoring.ts';

/**
 * The 360 feedback report: a pure function from a round's submitted responses to aggregates only.
 * It is the one place raters' answers are read, and nothing it returns is an individual's answer:
 *
 * - a rater group's average appears only when at least `minGroupSize` raters (3 or more) gave it;
 *   the manager group may appear alone (even with one rater) only where the organization allows
 *   it, which the manager was told when invited;
 * - smaller groups are merged into one "combined" group; if even that has fewer than the minimum,
 *   those answers are held back from everything, the overall average included. Otherwise the
 *   overall average minus the groups shown would give away the held-back group's average;
 * - the rule is applied per competency, because a rater may skip items: every number shown is an
 *   average over at least the minimum number of raters (or the allowed manager group);
 * - comments are shown without names or groups, in an order shuffled by a seed (the round's id),
 *   not in the order they came in, and only when the raters whose groups are shown number at
 *   least the minimum;
 * - there is no "all competencies" average per group: it would mix cells shown with cells held
 *   back for the same raters.
 * The report is produced only once a round has closed, so no one can compare it before and after
 * one more answer arrives (the service enforces that).
 */
export const RELATIONSHIPS = ['manager', 'peer', 'direct_report', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export type ReportGroup = Relationship | 'combined';

export const GROUP_LABELS: Record<ReportGroup, string> = {
  manager: 'Manager',
  peer: 'Peers',
  direct_report: 'Direct reports',
  other: 'Other colleagues',
  combined: 'Others (smaller groups combined)',
};

export const MIN_GROUP_SIZE = 3;
/** A gap of at least half a point on the scale is worth a conversation. */
export const GAP_THRESHOLD = 0.5;
export const TOP_GAPS = 3;

export interface RaterResponse {
  relationship: Relationship;
  answers: Responses;
  comment: string;
}

export interface ReportSettings {
  minGroupSize: number;
  managerShownAlone: boolean;
}

export interface GroupCell {
  group: ReportGroup;
  label: string;
  mean: number;
  n: number;
}

export interface CompetencyRow {
  id: string;
  name: string;
  self: number | null;
  /** Every rater whose group is shown for this competency; null when none is. */
  others: { mean: number; n: number } | null;
  groups: GroupCell[];
  /** Raters who rated this competency but whose answers are held back (groups too small even combined). */
  withheld: number;
  /** self − others, when both exist. */
  gap: number | null;
}

export interface Gap {
  competencyId: string;
  name: string;
  self: number;
  others: number;
  gap: number;
}

export interface FeedbackReport {
  minGroupSize: number;
  managerShownAlone: boolean;
  scale: { min: number; max: number };
  responses: number;
  /** The groups shown, by their response counts over the round. */
  groups: { group: ReportGroup; label: string; responses: number }[];
  withheldResponses: number;
  competencies: CompetencyRow[];
  /** Rated higher by oneself than by others, largest gap first. */
  blindSpots: Gap[];
  /** Rated higher by others than by oneself, largest gap first. */
  hiddenStrengths: Gap[];
  comments: string[];
  commentsWithheld: boolean;
  notes: string[];
}

export interface GroupPlan {
  shown: Relationship[];
  combined: Relationship[];
  combinedShown: boolean;
  withheld: Relationship[];
}

/** Which groups of raters may be shown, given how many raters are in each. */
export function planGroups(counts: Readonly<Record<Relationship, number>>, settings: ReportSettings): GroupPlan {
  const shown: Relationship[] = [];
  const small: Relationship[] = [];
  for (const relationship of RELATIONSHIPS) {
    const n = counts[relationship];
    if (n === 0) continue;
    if (n >= settings.minGroupSize || (relationship === 'manager' && settings.managerShownAlone)) shown.push(relationship);
    else small.push(relationship);
  }
  const combinedCount = small.reduce((sum, relationship) => sum + counts[relationship], 0);
  const combinedShown = small.length > 0 && combinedCount >= settings.minGroupSize;
  return { shown, combined: combinedShown ? small : [], combinedShown, withheld: combinedShown ? [] : small };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** A rater's score on one competency: the mean of the keyed items they answered (null: none). */
function competencyScore(instrument: Instrument, competencyId: string, answers: Responses): number | null {
  const values = instrument.items
    .filter((item) => item.subscale === competencyId && answers[item.id] !== undefined)
    .map((item) => keyedValue(instrument, item, answers[item.id]!));
  return values.length ? mean(values) : null;
}

function emptyCounts(): Record<Relationship, number> {
  return { manager: 0, peer: 0, direct_report: 0, other: 0 };
}

/** A small deterministic generator (mulberry32) seeded from a string: the same round, the same order. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i += 1) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sorted first, so the order the rows came in (which could hint at who wrote what) never shows. */
export function shuffleComments(comments: readonly string[], seed: string): string[] {
  const result = [...comments].sort();
  const random = seededRandom(seed);
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function labelList(groups: readonly ReportGroup[]): string {
  const labels = groups.map((group) => GROUP_LABELS[group].toLowerCase());
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

export function buildFeedbackReport(
  instrument: Instrument,
  settings: ReportSettings,
  self: Responses | null,
  responses: readonly RaterResponse[],
  seed: string,
): FeedbackReport {
  const minGroupSize = Math.max(MIN_GROUP_SIZE, settings.minGroupSize);
  const rules = { minGroupSize, managerShownAlone: settings.managerShownAlone };
  const selfScores = self && Object.keys(self).length ? scoreResponses(instrument, self) : null;

  const roundCounts = emptyCounts();
  for (const response of responses) roundCounts[response.relationship] += 1;
  const roundPlan = planGroups(roundCounts, rules);
  const countOf = (groups: readonly Relationship[]) => groups.reduce((sum, g) => sum + roundCounts[g], 0);

  const competencies: CompetencyRow[] = instrument.subscales.map((subscale) => {
    const byGroup = new Map<Relationship, number[]>();
    for (const response of responses) {
      const score = competencyScore(instrument, subscale.id, response.answers);
      if (score === null) continue;
      byGroup.set(response.relationship, [...(byGroup.get(response.relationship) ?? []), score]);
    }
    const counts = emptyCounts();
    for (const [group, scores] of byGroup) counts[group] = scores.length;
    const plan = planGroups(counts, rules);
    const groups: GroupCell[] = plan.shown.map((group) => ({ group, label: GROUP_LABELS[group], mean: round2(mean(byGroup.get(group)!)), n: counts[group] }));
    const combinedScores = plan.combined.flatMap((group) => byGroup.get(group) ?? []);
    if (plan.combinedShown) groups.push({ group: 'combined', label: GROUP_LABELS.combined, mean: round2(mean(combinedScores)), n: combinedScores.length });
    const shownScores = [...plan.shown.flatMap((group) => byGroup.get(group)!), ...combinedScores];
    const others = shownScores.length ? { mean: round2(mean(shownScores)), n: shownScores.length } : null;
    const selfScore = selfScores?.subscales.find((s) => s.id === subscale.id)?.score ?? null;
    return {
      id: subscale.id, name: subscale.name, self: selfScore, others, groups,
      withheld: plan.withheld.reduce((sum, group) => sum + counts[group], 0),
      gap: selfScore !== null && others ? round2(selfScore - others.mean) : null,
    };
  });

  const gaps = competencies.filter((row) => row.gap !== null).map((row) => ({ competencyId: row.id, name: row.name, self: row.self!, others: row.others!.mean, gap: row.gap! }));
  const blindSpots = gaps.filter((g) => g.gap >= GAP_THRESHOLD).sort((a, b) => b.gap - a.gap).slice(0, TOP_GAPS);
  const hiddenStrengths = gaps.filter((g) => -g.gap >= GAP_THRESHOLD).sort((a, b) => a.gap - b.gap).slice(0, TOP_GAPS);

  const visible = [...roundPlan.shown, ...roundPlan.combined];
  const commentsAllowed = countOf(visible) >= minGroupSize;
  const comments = commentsAllowed
    ? shuffleComments(responses.filter((r) => visible.includes(r.relationship)).map((r) => r.comment.trim()).filter(Boolean), seed)
    : [];

  const notes: string[] = [];
  if (roundPlan.combinedShown) notes.push(`Answers from ${labelList(roundPlan.combined)} are combined: each group had fewer than ${minGroupSize} responses.`);
  const withheldResponses = countOf(roundPlan.withheld);
  if (withheldResponses > 0) {
    notes.push(`${withheldResponses === 1 ? 'One response is' : `${withheldResponses} responses are`} held back: ${withheldResponses === 1 ? 'its group was' : 'their groups were'} too small to show, even combined (fewer than ${minGroupSize}).`);
  }
  if (settings.managerShownAlone && roundCounts.manager > 0 && roundCounts.manager < minGroupSize) {
    notes.push('As your organization allows, the manager’s ratings are shown on their own.');
  }
  if (competencies.some((row) => row.withheld > 0) && withheldResponses === 0) {
    notes.push('Some raters skipped items, so for some competencies fewer people gave a rating: where a group became too small, its ratings for that competency are combined or held back.');
  }
  if (!commentsAllowed && responses.some((r) => r.comment.trim())) notes.push(`Comments are held back: fewer than ${minGroupSize} raters are in the groups shown.`);
  if (!selfScores) notes.push('There is no self-assessment in this round, so there are no gaps to show.');
  if (responses.length === 0) notes.push('No rater answered in this round.');

  return {
    minGroupSize, managerShownAlone: settings.managerShownAlone, scale: { min: instrument.scale.min, max: instrument.scale.max },
    responses: responses.length,
    groups: [
      ...roundPlan.shown.map((group) => ({ group, label: GROUP_LABELS[group], responses: roundCounts[group] })),
      ...(roundPlan.combinedShown ? [{ group: 'combined' as const, label: GROUP_LABELS.combined, responses: countOf(roundPlan.combined) }] : []),
    ],
    withheldResponses,
    competencies, blindSpots, hiddenStrengths,
    comments, commentsWithheld: !commentsAllowed && responses.some((r) => r.comment.trim() !== ''),
    notes,
  };
}
