import { describe, expect, it } from 'vitest';
import { matchProgram, MatchingInputError, suggestMentors, type MatchingConstraints, type MatchingInput, type MatchingProfile, type ProgramMatchingConfig } from './index.ts';

const person = (personId: string, name: string, extra: Partial<MatchingProfile> = {}): MatchingProfile => ({
  personId, name, skillsWanted: ['hiring'], skillsOffered: ['hiring'], languages: ['en', 'pt'], timeZone: 'Europe/Lisbon', ...extra,
});
const ana = person('ana', 'Ana');
const bruno = person('bruno', 'Bruno');
const pair = (menteeId: string, mentorId: string) => ({ menteeId, mentorId });

describe('hard constraints no weight overrides, and the reason given', () => {
  it.each<[string, Partial<MatchingInput> & { constraints?: MatchingConstraints }, string, string]>([
    ['paused mentor', { constraints: { pausedMentorIds: ['bruno'] } }, 'every mentor has paused', 'Bruno has paused mentoring'],
    ['no capacity', { constraints: { capacities: { bruno: 0 } } }, 'no mentor has capacity left', 'Bruno has no capacity in this program'],
    ['excluded by an admin', { constraints: { excludedPairs: [pair('ana', 'bruno')] } }, 'an admin excluded every mentor with capacity for Ana',
      'no mentee can be paired with Bruno: 1 was excluded for Bruno by an admin'],
    ['declined before', { constraints: { declinedPairs: [pair('ana', 'bruno')] } }, 'Ana and every mentor with capacity declined each other before',
      'no mentee can be paired with Bruno: 1 declined or was declined by Bruno before'],
    ['mentor manages the mentee', { constraints: { managerOf: new Map([['ana', 'bruno']]) } }, 'the only mentors with capacity are in Ana’s reporting line',
      'no mentee can be paired with Bruno: 1 is in Bruno’s reporting line'],
    ['mentee above the mentor, through a manager outside the program', { constraints: { managerOf: new Map([['bruno', 'zoe'], ['zoe', 'ana']]) } },
      'the only mentors with capacity are in Ana’s reporting line', 'no mentee can be paired with Bruno: 1 is in Bruno’s reporting line'],
    ['program language the mentor lacks', { mentors: [person('bruno', 'Bruno', { languages: ['en'] })], config: { requiredLanguage: 'pt' } },
      'no mentor with capacity speaks Portuguese', 'Bruno does not speak Portuguese, which the program requires'],
    ['program language the mentee lacks', { mentees: [person('ana', 'Ana', { languages: ['en'] })], config: { requiredLanguage: 'pt' } },
      'Ana does not speak Portuguese, which the program requires', 'no mentee can be paired with Bruno: 1 does not speak Portuguese'],
    ['a language the mentee requires', { mentees: [person('ana', 'Ana', { requiredLanguage: 'ja' })] }, 'no mentor with capacity speaks Japanese',
      'no mentee can be paired with Bruno: 1 needs a mentor who speaks Japanese'],
    ['minimum score', { config: { minimumScore: 20 } }, 'no mentor with capacity reaches the program’s minimum score of 20 with Ana',
      'no mentee can be paired with Bruno: 1 scores under the program’s minimum with Bruno'],
    ['nothing in common', { mentees: [{ personId: 'ana', name: 'Ana' }] }, 'Ana has nothing in common with any mentor with capacity',
      'no mentee can be paired with Bruno: 1 has nothing in common with Bruno'],
    ['the same person', { mentors: [person('ana', 'Ana')] }, 'the only mentor with capacity is Ana', 'no mentee can be paired with Ana: 1 is Ana themself'],
  ])('%s', (_name, change, menteeReason, mentorReason) => {
    const result = matchProgram({ mentees: [ana], mentors: [bruno], ...change });
    expect(result.pairs).toEqual([]);
    expect(result.unmatchedMentees.map((u) => u.explanation)).toEqual([menteeReason]);
    expect(result.unmatchedMentors.map((u) => u.explanation)).toEqual([mentorReason]);
    expect(result.proof.certified).toBe(true);
  });

  it('pairs them when nothing stands in the way', () => {
    const result = matchProgram({ mentees: [ana], mentors: [bruno] });
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId, p.source])).toEqual([['ana', 'bruno', 'proposed']]);
    expect(result.unmatchedMentees).toEqual([]);
    expect(result.unmatchedMentors).toEqual([]);
  });

  it('says which mentors were full and why those with room could not take her', () => {
    const carla = person('carla', 'Carla', { requiredLanguage: 'pt', skillsWanted: ['sql'] });
    const dana = person('dana', 'Dana', { languages: ['en'] }); // has room, but no Portuguese
    const result = matchProgram({ mentees: [ana, carla], mentors: [bruno, dana], constraints: { capacities: { bruno: 1, dana: 1 } } });
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['ana', 'dana'], ['carla', 'bruno']]);
    // Eli also needs Portuguese and fits Bruno better; Dana still has room.
    const crowded = matchProgram({ mentees: [ana, carla, person('eli', 'Eli', { requiredLanguage: 'pt' })], mentors: [bruno, dana], constraints: { capacities: { bruno: 1, dana: 2 } } });
    expect(crowded.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['ana', 'dana'], ['eli', 'bruno']]);
    expect(crowded.unmatchedMentees.map((u) => u.explanation)).toEqual(['the one mentor who could take Carla is full; no mentor with capacity speaks Portuguese']);
    expect(crowded.unmatchedMentees[0]!.reason).toBe('taken');
  });

  it('says so when the mentee does not speak the program’s language, whatever else stands in the way', () => {
    const result = matchProgram({
      mentees: [person('ana', 'Ana', { languages: ['en'] }), person('dan', 'Dan')], mentors: [bruno, person('carla', 'Carla')], config: { requiredLanguage: 'pt' },
      constraints: { pausedMentorIds: ['carla'] },
    });
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['dan', 'bruno']]);
    expect(result.unmatchedMentees.map((u) => u.explanation)).toEqual(['Ana does not speak Portuguese, which the program requires']);
  });

  it('counts mixed reasons, most common first', () => {
    const mentors = [person('m1', 'M1'), person('m2', 'M2'), person('m3', 'M3', { languages: ['en'] }), person('m4', 'M4', { languages: ['en'] })];
    const result = matchProgram({
      mentees: [person('ana', 'Ana', { requiredLanguage: 'pt' })], mentors,
      constraints: { pausedMentorIds: ['m1'], managerOf: new Map([['ana', 'm2']]) },
    });
    expect(result.unmatchedMentees[0]!.explanation).toBe('no mentor can take Ana: 2 do not speak Portuguese, 1 has paused, 1 is in Ana’s reporting line');
    expect(result.unmatchedMentees[0]!.blockers).toEqual({ mentee_language: 2, paused: 1, reporting_line: 1 });
  });

  it('tells a mentor left out that the mentees who fit went elsewhere', () => {
    const result = matchProgram({ mentees: [ana], mentors: [bruno, person('carl', 'Carl', { timeZone: 'Asia/Tokyo' })] });
    expect(result.pairs.map((p) => p.mentorId)).toEqual(['bruno']);
    expect(result.unmatchedMentors.map((u) => [u.personId, u.reason, u.explanation])).toEqual([
      ['carl', 'taken', 'the one mentee who could be paired with Carl was matched with other mentors, which made the whole assignment better'],
    ]);
  });
});

describe('locks and published pairs', () => {
  const mentees = [ana, person('carla', 'Carla'), person('eli', 'Eli')];
  const mentors = [bruno, person('dana', 'Dana')];

  it('keeps a lock even when it scores low, and matches the rest around it', () => {
    const result = matchProgram({
      mentees: [ana, person('carla', 'Carla', { skillsWanted: ['sql'] })], mentors: [bruno, person('dana', 'Dana', { skillsOffered: ['sql'] })],
      constraints: { locks: [pair('ana', 'dana')] },
    });
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId, p.source])).toEqual([['ana', 'dana', 'locked'], ['carla', 'bruno', 'proposed']]);
    expect(result.objective.matched).toBe(1); // proposals only
  });

  it.each<[string, MatchingConstraints, string, string]>([
    ['in the reporting line', { locks: [pair('ana', 'bruno')], managerOf: new Map([['ana', 'bruno']]) }, 'reporting_line', 'Ana and Bruno are in the same reporting line'],
    ['a paused mentor', { locks: [pair('ana', 'bruno')], pausedMentorIds: ['bruno'] }, 'paused', 'Bruno has paused mentoring'],
    ['excluded', { locks: [pair('ana', 'bruno')], excludedPairs: [pair('ana', 'bruno')] }, 'excluded', 'an admin excluded Ana and Bruno as a pair'],
    ['over capacity', { locks: [pair('ana', 'bruno'), pair('carla', 'bruno')], capacities: { bruno: 1 } }, 'full', 'Bruno has no capacity left (1 in all)'],
    ['a mentee already published', { locks: [pair('ana', 'dana')], publishedPairs: [pair('ana', 'bruno')] }, 'mentee_already_matched', 'Ana already has a mentor (a published pair or another lock)'],
    ['someone not in the program', { locks: [pair('zed', 'bruno')] }, 'unknown_person', 'the lock names mentee zed, who is not in this program'],
  ])('refuses a lock %s, and says why', (_name, constraints, blocker, explanation) => {
    const result = matchProgram({ mentees, mentors, constraints: { capacities: { bruno: 2, dana: 2 }, ...constraints } });
    expect(result.rejectedLocks.map((r) => [r.blocker, r.explanation])).toContainEqual([blocker, explanation]);
    const locked = result.pairs.filter((p) => p.source === 'locked');
    for (const rejected of result.rejectedLocks) expect(locked.some((p) => p.menteeId === rejected.menteeId && p.mentorId === rejected.mentorId)).toBe(false);
  });

  it('never disturbs published pairs: a re-run matches only newcomers, with the capacity left', () => {
    const first = matchProgram({ mentees: [ana], mentors, constraints: { capacities: { bruno: 1, dana: 1 } } });
    const published = first.pairs.map((p) => pair(p.menteeId, p.mentorId));
    const again = matchProgram({ mentees: [...mentees], mentors, constraints: { capacities: { bruno: 1, dana: 1 }, publishedPairs: published } });
    expect(again.pairs.filter((p) => p.source === 'published').map((p) => [p.menteeId, p.mentorId])).toEqual(published.map((p) => [p.menteeId, p.mentorId]));
    expect(again.pairs.filter((p) => p.source === 'proposed')).toHaveLength(1);
    expect(again.pairs.filter((p) => p.menteeId === 'ana')).toHaveLength(1);
    expect(again.unmatchedMentees).toHaveLength(1);
  });

  it('keeps a published pair even over a capacity lowered since, and gives that mentor no one new', () => {
    const result = matchProgram({ mentees, mentors, constraints: { capacities: { bruno: 0, dana: 1 }, publishedPairs: [pair('ana', 'bruno')] } });
    expect(result.pairs.filter((p) => p.mentorId === 'bruno').map((p) => p.source)).toEqual(['published']);
    expect(result.pairs.filter((p) => p.mentorId === 'dana')).toHaveLength(1);
  });
});

describe('the objective', () => {
  // Only skills weigh: scores are the share of wanted skills offered.
  const skillsOnly: ProgramMatchingConfig = { weights: { skills: 1, goals: 0, interests: 0, experience: 0, department: 0, timeZone: 0, language: 0, preferences: 0, inclusion: 0 } };
  const range = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}${k}`);
  const mentees = [
    { personId: 'a', name: 'A', skillsWanted: range('s', 10) },
    { personId: 'b', name: 'B', skillsWanted: range('t', 10) },
  ];
  const mentors = [
    { personId: 'x', name: 'X', skillsOffered: [...range('s', 10), ...range('t', 5)] }, // A 1.0, B 0.5
    { personId: 'y', name: 'Y', skillsOffered: [...range('s', 4), ...range('t', 2)] }, // A 0.4, B 0.2
  ];

  it('max_total: the highest total among the assignments matching the most', () => {
    const result = matchProgram({ mentees, mentors, config: skillsOnly });
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['a-x', 'b-y']);
    expect(result.objective).toEqual({ kind: 'max_total', matched: 2, totalScore: 1.2, minScore: 0.2 });
  });

  it('max_min: the highest lowest score, then the highest total', () => {
    const result = matchProgram({ mentees, mentors, config: { ...skillsOnly, objective: 'max_min' } });
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['a-y', 'b-x']);
    expect(result.objective).toEqual({ kind: 'max_min', matched: 2, totalScore: 0.9, minScore: 0.4 });
  });

  it('matching one more person beats any gain in score', () => {
    // Best pairs first would give A to X (1.0) and leave B without a mentor: B can only have X.
    const result = matchProgram({ mentees, mentors, config: skillsOnly, constraints: { excludedPairs: [pair('b', 'y')] } });
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['a-y', 'b-x']);
    expect(result.objective.matched).toBe(2);
  });

  it('spreads ties: identical profiles are matched in one round, not one mentor at a time', () => {
    const same = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => person(`${prefix}${String(k).padStart(3, '0')}`, `${prefix}${k}`));
    for (const [mentees, mentors] of [[300, 100], [100, 300]] as const) {
      const result = matchProgram({ mentees: same('e', mentees), mentors: same('m', mentors) });
      expect(result.objective.matched).toBe(100);
      expect(result.proof.rounds).toBe(1);
    }
  });

  it('is deterministic, whatever the order of the input', () => {
    const twins = [{ personId: 'p2', name: 'P2', skillsWanted: ['s0'] }, { personId: 'p1', name: 'P1', skillsWanted: ['s0'] }];
    const one = matchProgram({ mentees: twins, mentors: [mentors[0]!], config: skillsOnly });
    const other = matchProgram({ mentees: [...twins].reverse(), mentors: [mentors[0]!], config: skillsOnly });
    expect(other).toEqual(one);
    expect(one.pairs).toHaveLength(1);
  });
});

describe('self-match suggestions', () => {
  const mentors = Array.from({ length: 8 }, (_, k) => person(`m${k}`, `Mentor ${k}`, { skillsOffered: ['hiring', 'sql', 'design'].slice(0, 1 + (k % 3)), yearsOfExperience: 5 + k }));
  const mentee = person('ana', 'Ana', { skillsWanted: ['hiring', 'sql', 'design'], yearsOfExperience: 2 });

  it('lists the five best with the reasons, speaking to the mentee', () => {
    const { suggestions, shortfall } = suggestMentors({ mentees: [mentee], mentors }, 'ana');
    expect(suggestions).toHaveLength(5);
    expect(shortfall).toBeNull();
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(suggestions[0]!.reasons[0]).toBe('offers all 3 skills you want: hiring, sql and design');
    expect(suggestions[0]!.explanation).toMatch(/^Mentor \d offers all 3 skills you want/);
  });

  it('leaves out mentors who cannot take her and says why when fewer than five remain', () => {
    const constraints = { pausedMentorIds: ['m0'], managerOf: new Map([['m1', 'ana']]) };
    const admin = suggestMentors({ mentees: [mentee], mentors: mentors.slice(0, 3), constraints }, 'ana', { voice: 'admin' });
    expect(admin.suggestions.map((s) => s.mentorId)).toEqual(['m2']);
    expect(admin.shortfall).toBe('only 1 mentor fits; of the others, 1 has paused, 1 is in Ana’s reporting line');
    // The mentee reads the same about herself.
    expect(suggestMentors({ mentees: [mentee], mentors: mentors.slice(0, 3), constraints }, 'ana').shortfall)
      .toBe('only 1 mentor fits; of the others, 1 has paused, 1 is in your reporting line');
    const none = suggestMentors({ mentees: [person('ana', 'Ana', { languages: ['en'] })], mentors: mentors.slice(0, 3), config: { requiredLanguage: 'pt' }, constraints }, 'ana');
    expect(none.suggestions).toEqual([]);
    expect(none.shortfall).toBe('no mentor can take you now: 1 has paused, 1 is in your reporting line, 1 needs Portuguese, which you do not speak');
  });

  it('is not short when every mentor of the program is suggested, however few they are', () => {
    for (const count of [1, 3]) {
      const { suggestions, shortfall } = suggestMentors({ mentees: [mentee], mentors: mentors.slice(0, count) }, 'ana', { voice: 'admin' });
      expect(suggestions).toHaveLength(count);
      expect(shortfall).toBeNull();
    }
    // Her own mentor enrollment is not a mentor she missed.
    const alsoMentor = person('ana', 'Ana', { skillsWanted: ['hiring'], skillsOffered: ['sql'] });
    expect(suggestMentors({ mentees: [alsoMentor], mentors: [...mentors.slice(0, 2), alsoMentor] }, 'ana').shortfall).toBeNull();
    expect(suggestMentors({ mentees: [alsoMentor], mentors: [alsoMentor] }, 'ana').shortfall).toBe('the program has no other mentors yet');
    expect(suggestMentors({ mentees: [mentee], mentors: [] }, 'ana').shortfall).toBe('the program has no mentors yet');
  });

  it('has nothing to suggest to a mentee who already has a mentor', () => {
    const input = { mentees: [mentee], mentors, constraints: { publishedPairs: [pair('ana', 'm3')] } };
    expect(suggestMentors(input, 'ana').shortfall).toBe('you already have a mentor in this program');
    expect(suggestMentors(input, 'ana', { voice: 'admin' }).shortfall).toBe('Ana already has a mentor in this program');
  });
});

describe('input the engine refuses', () => {
  it.each<[string, MatchingInput, RegExp]>([
    ['a mentee twice', { mentees: [ana, ana], mentors: [] }, /mentee ana appears twice/],
    ['a weight out of range', { mentees: [], mentors: [], config: { weights: { skills: -1 } } }, /weight of skills must be a number from 0 to 100/],
    ['an unknown criterion', { mentees: [], mentors: [], config: { weights: { charisma: 1 } as never } }, /unknown criterion "charisma"/],
    ['a fractional capacity', { mentees: [], mentors: [bruno], constraints: { capacities: { bruno: 1.5 } } }, /capacity of mentor bruno must be a whole number/],
    ['an upside-down experience range', { mentees: [], mentors: [], config: { experienceGap: { min: 10, max: 2 } } }, /experienceGap.max/],
    ['an unknown objective', { mentees: [], mentors: [], config: { objective: 'max_fun' as never } }, /objective must be max_total or max_min/],
    ['a list too long to count', { mentees: [person('ana', 'Ana', { skillsWanted: Array.from({ length: 1001 }, (_, k) => `skill ${k}`) })], mentors: [] }, /lists 1001 items; at most 1000/],
  ])('%s', (_name, input, message) => {
    expect(() => matchProgram(input)).toThrow(MatchingInputError);
    expect(() => matchProgram(input)).toThrow(message);
  });

  it('handles empty programs', () => {
    expect(matchProgram({ mentees: [], mentors: [] }).objective).toEqual({ kind: 'max_total', matched: 0, totalScore: 0, minScore: null });
    expect(matchProgram({ mentees: [ana], mentors: [] }).unmatchedMentees[0]!.explanation).toBe('the program has no mentors yet');
    expect(matchProgram({ mentees: [], mentors: [bruno] }).unmatchedMentors[0]!.explanation).toBe('no mentee is waiting for a mentor');
  });
});
