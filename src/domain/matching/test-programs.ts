/**
 * Random programs for the matching engine's tests (not used by Cairn itself): small vocabularies so
 * that people share things often, and every kind of hard constraint — capacities (some 0), paused
 * mentors, exclusions, declines, a reporting line with people on both sides of it, people who are
 * mentee and mentor at once, required languages, locks (some impossible), published pairs.
 */
import type { ManagerOf } from '../reporting-line.ts';
import type { Criterion, MatchingInput, MatchingProfile, PairRef, ProgramMatchingConfig } from './types.ts';
import { CRITERIA } from './types.ts';

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = ['negotiation', 'hiring', 'public speaking', 'budgeting', 'python', 'design', 'strategy', 'writing', 'coaching', 'sql'];
const INTERESTS = ['jazz', 'cycling', 'chess', 'hiking', 'cooking', 'film'];
const GOALS = ['first management role', 'career change', 'promotion', 'work-life balance', 'visibility'];
const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'People'];
const LANGUAGES = ['en', 'pt', 'fr', 'ja'];
const IDENTITIES = ['woman', 'first-generation professional', 'parent'];
const ZONES = ['Europe/Lisbon', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'America/Sao_Paulo'];
const NAMES = ['Ana', 'Bruno', 'Chloé', 'Dev', 'Eun-ji', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars'];

export interface RandomProgramOptions {
  mentees: number;
  mentors: number;
  /** Largest mentor capacity (capacities are 0 … this, mostly ≥ 1). */
  maxCapacity?: number;
  /** How often constraints appear, 0–1 (default 0.1). */
  constraintRate?: number;
  objective?: ProgramMatchingConfig['objective'];
  /** Random weights (some 0) instead of the defaults. */
  randomWeights?: boolean;
}

export function randomProgram(seed: number, options: RandomProgramOptions): MatchingInput {
  const random = seeded(seed);
  const chance = (p: number) => random() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], max: number): T[] => items.filter(() => random() < max / items.length);
  const rate = options.constraintRate ?? 0.1;

  const profile = (personId: string, side: 'mentee' | 'mentor'): MatchingProfile => {
    const identity = chance(0.4) ? some(IDENTITIES, 1.2) : undefined;
    return {
      personId,
      name: `${pick(NAMES)} ${personId}`,
      ...(side === 'mentee' ? { skillsWanted: some(SKILLS, 3) } : { skillsOffered: some(SKILLS, 4) }),
      interests: some(INTERESTS, 2),
      goals: some(GOALS, side === 'mentee' ? 1.5 : 2.5),
      department: chance(0.9) ? pick(DEPARTMENTS) : null,
      yearsOfExperience: chance(0.9) ? int(side === 'mentee' ? 0 : 3, side === 'mentee' ? 12 : 30) : null,
      languages: chance(0.95) ? ['en', ...some(LANGUAGES.slice(1), 1)].filter(() => chance(0.85)) : [],
      ...(chance(0.85) ? { timeZone: pick(ZONES) } : chance(0.5) ? { utcOffsetMinutes: int(-8, 9) * 60 } : {}),
      ...(identity ? { selfIdentification: identity } : {}),
      ...(side === 'mentee' && identity && chance(0.5) ? { inclusionPreferences: some([...identity, 'parent'], 1) } : {}),
      ...(side === 'mentee' && chance(rate) ? { requiredLanguage: pick(LANGUAGES) } : {}),
    };
  };
  // Ids are shared between the sides now and then: a person can be mentee and mentor at once.
  const mentees = Array.from({ length: options.mentees }, (_, i) => profile(`p${i}`, 'mentee'));
  const mentors = Array.from({ length: options.mentors }, (_, j) => profile(chance(0.05) && j < options.mentees ? `p${j}` : `q${j}`, 'mentor'));
  const mentorIds = mentors.map((p) => p.personId);
  for (const mentee of mentees) {
    if (chance(0.3) && mentorIds.length > 0) {
      mentee.preferences = {
        ...(chance(0.5) ? { mentorIds: some(mentorIds, 2) } : {}),
        ...(chance(0.5) ? { departments: some(DEPARTMENTS, 1.5) } : {}),
        ...(chance(0.4) ? { minYearsOfExperience: int(3, 20) } : {}),
      };
    }
  }

  const pairs = (p: number): PairRef[] => {
    const out: PairRef[] = [];
    for (const mentee of mentees) for (const mentor of mentors) if (chance(p)) out.push({ menteeId: mentee.personId, mentorId: mentor.personId });
    return out;
  };
  // A reporting line over everyone plus a few managers from outside the program.
  const everyone = [...new Set([...mentees.map((p) => p.personId), ...mentorIds, 'boss1', 'boss2', 'boss3'])];
  const managerOf = new Map<string, string | null>();
  everyone.forEach((id, k) => managerOf.set(id, k > 0 && chance(0.7) ? everyone[int(0, k - 1)]! : null));

  const capacities: Record<string, number> = {};
  const maxCapacity = options.maxCapacity ?? 3;
  for (const id of mentorIds) capacities[id] = chance(0.08) ? 0 : int(1, maxCapacity);

  const weights: Partial<Record<Criterion, number>> = {};
  if (options.randomWeights) for (const criterion of CRITERIA) weights[criterion] = chance(0.15) ? 0 : Math.round(random() * 50) / 10;
  const config: ProgramMatchingConfig = {
    objective: options.objective ?? (chance(0.5) ? 'max_total' : 'max_min'),
    departmentPreference: pick(['same', 'different', 'none'] as const),
    ...(options.randomWeights ? { weights } : {}),
    ...(chance(rate) ? { requiredLanguage: 'en' } : {}),
    ...(chance(0.3) ? { minimumScore: Math.round(random() * 40) / 10 } : {}),
    ...(chance(0.3) ? { experienceGap: { min: int(0, 5), max: int(6, 20), tolerance: int(0, 5) } } : {}),
  };
  return {
    mentees, mentors, config,
    constraints: {
      capacities,
      pausedMentorIds: mentorIds.filter(() => chance(rate / 2)),
      excludedPairs: pairs(rate / 4),
      declinedPairs: pairs(rate / 4),
      locks: pairs(rate / Math.max(4, options.mentors)),
      publishedPairs: pairs(rate / Math.max(4, options.mentors)),
      managerOf: managerOf as ManagerOf,
    },
  };
}
