import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inSameReportingLine } from '../reporting-line.ts';
import { compileMatching, matchProgram, pairBlocker, type MatchingInput, type MatchingResult } from './index.ts';
import { randomProgram, seeded } from './test-programs.ts';

/** Programs of up to 14 mentees and 8 mentors with every kind of constraint, both objectives. */
const programs = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    mentees: fc.integer({ min: 0, max: 14 }),
    mentors: fc.integer({ min: 0, max: 8 }),
    maxCapacity: fc.integer({ min: 1, max: 3 }),
    constraintRate: fc.constantFrom(0, 0.1, 0.3, 0.6),
    objective: fc.constantFrom('max_total' as const, 'max_min' as const),
    randomWeights: fc.boolean(),
  })
  .map(({ seed, ...options }) => randomProgram(seed, options));

const key = (menteeId: string, mentorId: string) => `${menteeId}\u0000${mentorId}`;
const speaks = (languages: readonly string[] | undefined, language: string) => (languages ?? []).some((l) => l.trim().toLowerCase() === language.trim().toLowerCase());

/** Every hard constraint, checked from the input alone (not with the engine's own code). */
function hardConstraintBroken(input: MatchingInput, menteeId: string, mentorId: string): string | null {
  const c = input.constraints ?? {};
  const mentee = input.mentees.find((p) => p.personId === menteeId)!;
  const mentor = input.mentors.find((p) => p.personId === mentorId)!;
  if (menteeId === mentorId) return 'self';
  if (c.pausedMentorIds?.includes(mentorId)) return 'paused';
  if (c.excludedPairs?.some((p) => p.menteeId === menteeId && p.mentorId === mentorId)) return 'excluded';
  if (c.declinedPairs?.some((p) => p.menteeId === menteeId && p.mentorId === mentorId)) return 'declined';
  if (c.managerOf && inSameReportingLine(c.managerOf, menteeId, mentorId)) return 'reporting_line';
  const program = input.config?.requiredLanguage;
  if (program && (!speaks(mentee.languages, program) || !speaks(mentor.languages, program))) return 'program_language';
  if (mentee.requiredLanguage && !speaks(mentor.languages, mentee.requiredLanguage)) return 'mentee_language';
  return null;
}

function checkInvariants(input: MatchingInput, result: MatchingResult): void {
  const c = input.constraints ?? {};
  const capacityOf = (id: string) => c.capacities?.[id] ?? input.config?.defaultCapacity ?? 1;
  const published = (c.publishedPairs ?? []).filter((p) => input.mentees.some((m) => m.personId === p.menteeId) && input.mentors.some((m) => m.personId === p.mentorId));
  const publishedMentees = new Set((c.publishedPairs ?? []).map((p) => p.menteeId));

  // Capacity: what the engine adds (locks and proposals) fits in what published pairs leave.
  for (const mentor of input.mentors) {
    const mine = result.pairs.filter((p) => p.mentorId === mentor.personId);
    const usedBefore = (c.publishedPairs ?? []).filter((p) => p.mentorId === mentor.personId).length;
    expect(mine.filter((p) => p.source !== 'published').length).toBeLessThanOrEqual(Math.max(0, capacityOf(mentor.personId) - usedBefore));
  }
  // One mentor per mentee; published mentees get nobody new.
  for (const mentee of input.mentees) {
    const added = result.pairs.filter((p) => p.menteeId === mentee.personId && p.source !== 'published');
    expect(added.length).toBeLessThanOrEqual(publishedMentees.has(mentee.personId) ? 0 : 1);
  }
  // Published pairs are all there, untouched.
  expect(result.pairs.filter((p) => p.source === 'published').map((p) => key(p.menteeId, p.mentorId)).sort())
    .toEqual(published.map((p) => key(p.menteeId, p.mentorId)).sort());
  // Proposals break no hard constraint and reach the minimum score; locks break no hard constraint.
  const minimum = input.config?.minimumScore ?? 0;
  for (const pair of result.pairs) {
    if (pair.source === 'published') continue;
    expect(hardConstraintBroken(input, pair.menteeId, pair.mentorId)).toBeNull();
    if (pair.source === 'proposed') {
      expect(pair.score).toBeGreaterThan(0);
      expect(pair.score).toBeGreaterThanOrEqual(minimum - 1e-9);
      expect(pair.explanation).toMatch(/\.$/);
      expect(pair.reasons.length).toBeGreaterThan(0);
    }
  }
  // Every lock is kept or refused with a reason that holds.
  const locks = new Set((c.locks ?? []).map((p) => key(p.menteeId, p.mentorId)));
  const locked = new Set(result.pairs.filter((p) => p.source === 'locked').map((p) => key(p.menteeId, p.mentorId)));
  const refused = new Map(result.rejectedLocks.map((r) => [key(r.menteeId, r.mentorId), r]));
  for (const lock of locks) expect(locked.has(lock) !== refused.has(lock)).toBe(true);
  for (const lock of locked) expect(locks.has(lock)).toBe(true);
  for (const refusal of result.rejectedLocks) {
    const broken = ['unknown_person', 'mentee_already_matched', 'full'].includes(refusal.blocker) ? refusal.blocker : hardConstraintBroken(input, refusal.menteeId, refusal.mentorId);
    expect(broken).toBe(refusal.blocker);
    expect(refusal.explanation.length).toBeGreaterThan(0);
  }
  // Everyone left out has a reason; nobody is both matched and unmatched.
  const matchedMentees = new Set(result.pairs.map((p) => p.menteeId));
  for (const mentee of input.mentees) {
    const unmatched = result.unmatchedMentees.find((u) => u.personId === mentee.personId);
    expect(Boolean(unmatched)).toBe(!matchedMentees.has(mentee.personId) && !publishedMentees.has(mentee.personId));
    if (unmatched) expect(unmatched.explanation.length).toBeGreaterThan(0);
  }
  const matchedMentors = new Set(result.pairs.map((p) => p.mentorId));
  expect(result.unmatchedMentors.map((u) => u.personId).sort()).toEqual(input.mentors.map((p) => p.personId).filter((id) => !matchedMentors.has(id)).sort());
  for (const u of result.unmatchedMentors) expect(u.explanation.length).toBeGreaterThan(0);
  // As many matched as possible, locally: no one left out could go to a mentor who still has room.
  const room = new Map(input.mentors.map((m) => [m.personId, Math.max(0, capacityOf(m.personId) - (c.publishedPairs ?? []).filter((p) => p.mentorId === m.personId).length)]));
  for (const pair of result.pairs) if (pair.source !== 'published') room.set(pair.mentorId, room.get(pair.mentorId)! - 1);
  const compiled = compileMatching(input);
  for (const u of result.unmatchedMentees) {
    for (const mentor of input.mentors) {
      if (room.get(mentor.personId)! > 0) expect(pairBlocker(compiled, compiled.menteeIndex.get(u.personId)!, compiled.mentorIndex.get(mentor.personId)!)).not.toBeNull();
    }
  }
  // The objective is what the proposals add up to.
  const proposals = result.pairs.filter((p) => p.source === 'proposed');
  expect(result.objective.matched).toBe(proposals.length);
  expect(result.objective.totalScore).toBeCloseTo(proposals.reduce((sum, p) => sum + p.score, 0), 6);
  expect(result.objective.minScore).toBe(proposals.length === 0 ? null : Math.min(...proposals.map((p) => p.score)));
  expect(result.proof.certified).toBe(true);
}

/** The same program with every list in another order (a seeded shuffle). */
function shuffled(input: MatchingInput, seed: number): MatchingInput {
  const random = seeded(seed);
  const shuffle = <T>(items: readonly T[] | undefined): T[] => {
    const out = [...(items ?? [])];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const c = input.constraints ?? {};
  return {
    ...input,
    mentees: shuffle(input.mentees),
    mentors: shuffle(input.mentors),
    constraints: {
      ...c, pausedMentorIds: shuffle(c.pausedMentorIds), excludedPairs: shuffle(c.excludedPairs), declinedPairs: shuffle(c.declinedPairs),
      locks: shuffle(c.locks), publishedPairs: shuffle(c.publishedPairs),
    },
  };
}

describe('matching properties (fast-check)', () => {
  it('capacity never exceeded, hard constraints never broken, locks kept or refused for a true reason, everyone explained', () => {
    fc.assert(fc.property(programs, (input) => checkInvariants(input, matchProgram(input))), { numRuns: 120 });
  });

  it('same input, same output — in whatever order the input lists people and pairs', () => {
    fc.assert(fc.property(programs, fc.integer(), (input, seed) => {
      const result = matchProgram(input);
      expect(matchProgram(input)).toEqual(result);
      expect(matchProgram(shuffled(input, seed))).toEqual(result);
    }), { numRuns: 50 });
  });

  it('the candidates kept do not change the optimum: one per mentee and no mentor picks reach the same objective', () => {
    fc.assert(fc.property(programs, (input) => {
      const full = matchProgram(input);
      const narrow = matchProgram(input, { candidatesPerMentee: 1, candidatesPerMentorSlot: 0 });
      expect(narrow.objective).toEqual(full.objective);
      expect(narrow.proof.rounds).toBeGreaterThanOrEqual(1);
    }), { numRuns: 80 });
  });
});
