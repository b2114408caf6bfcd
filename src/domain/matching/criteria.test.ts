import { describe, expect, it } from 'vitest';
import { circularOverlap, experienceValue, normalizeWord } from './compile.ts';
import { compileMatching, previewPair, RowScorer, type Criterion, type MatchingProfile, type ProgramMatchingConfig } from './index.ts';
import { pairContributions } from './kernel.ts';
import { hours, joinWords, languageName } from './words.ts';

const ana: MatchingProfile = { personId: 'ana', name: 'Ana' };
const bruno: MatchingProfile = { personId: 'bruno', name: 'Bruno' };

/** One mentee, one mentor, every weight 0 but the criterion under test (weight 1): its contribution. */
function contribution(criterion: Criterion, mentee: Partial<MatchingProfile>, mentor: Partial<MatchingProfile>, config: ProgramMatchingConfig = {}) {
  const weights = Object.fromEntries(['skills', 'goals', 'interests', 'experience', 'department', 'timeZone', 'language', 'preferences', 'inclusion'].map((c) => [c, c === criterion ? 1 : 0]));
  const pair = previewPair({ mentees: [{ ...ana, ...mentee }], mentors: [{ ...bruno, ...mentor }], config: { weights, ...config } }, 'ana', 'bruno');
  const found = pair.contributions.find((c) => c.criterion === criterion)!;
  expect(pair.score).toBe(found.points); // the others weigh nothing
  return found;
}

describe('skills: wanted skills the mentor offers, out of those wanted', () => {
  it.each<[string[], string[], number, string | null]>([
    [['negotiation', 'hiring', 'public speaking', 'budgeting'], ['Negotiation', 'hiring', 'public  speaking'], 0.75, 'shares 3 of the 4 skills Ana wants: negotiation, hiring and public speaking'],
    [['hiring'], ['hiring', 'sql'], 1, 'offers the skill Ana wants: hiring'],
    [['hiring', 'sql'], ['sql', 'hiring'], 1, 'offers both skills Ana wants: hiring and sql'],
    [['hiring'], ['sql'], 0, null],
    [[], ['sql'], 0, null],
    [['hiring', 'hiring', ' Hiring '], ['hiring'], 1, 'offers the skill Ana wants: hiring'],
  ])('wants %j, offers %j → %d', (wanted, offered, value, text) => {
    const c = contribution('skills', { skillsWanted: wanted }, { skillsOffered: offered });
    expect(c.value).toBe(value);
    expect(c.points).toBe(value);
    expect(c.text).toBe(text);
  });
});

describe('goals: the mentee’s goals the mentor can help with', () => {
  it.each<[string[], string[], number, string | null]>([
    [['promotion', 'career change', 'visibility'], ['promotion', 'visibility', 'chess'], 2 / 3, 'can help with 2 of Ana’s 3 goals: promotion and visibility'],
    [['promotion'], ['promotion'], 1, 'can help with Ana’s goal: promotion'],
    [['promotion', 'visibility'], ['visibility', 'promotion'], 1, 'can help with both of Ana’s goals: promotion and visibility'],
    [['promotion'], [], 0, null],
  ])('%j / %j → %d', (mine, theirs, value, text) => {
    const c = contribution('goals', { goals: mine }, { goals: theirs });
    expect(c.value).toBeCloseTo(value, 12);
    expect(c.points).toBe(Math.round(value * 1e6) / 1e6);
    expect(c.text).toBe(text);
  });
});

describe('interests: shared, out of the shorter list', () => {
  it.each<[string[], string[], number, string | null]>([
    [['jazz', 'chess', 'film'], ['jazz'], 1, 'shares 1 interest with Ana: jazz'],
    [['jazz', 'chess'], ['jazz', 'chess', 'film', 'hiking'], 1, 'shares 2 interests with Ana: jazz and chess'],
    [['jazz', 'chess', 'film', 'hiking'], ['jazz', 'cooking', 'cycling', 'dance'], 0.25, 'shares 1 interest with Ana: jazz'],
    [['jazz'], ['chess'], 0, null],
  ])('%j / %j → %d', (mine, theirs, value, text) => {
    const c = contribution('interests', { interests: mine }, { interests: theirs });
    expect(c.value).toBe(value);
    expect(c.text).toBe(text);
  });
});

describe('experience: mentor minus mentee years within the range, fading outside it', () => {
  const range = { min: 3, max: 15, tolerance: 4 };
  it.each<[number, number]>([
    [3, 1], [15, 1], [9, 1], [2, 0.75], [1, 0.5], [-1, 0], [17, 0.5], [19, 0], [25, 0], [Number.NaN, 0],
  ])('gap %d → %d', (gap, value) => {
    expect(experienceValue(gap, range)).toBe(value);
  });

  it('is 0 outside the range without tolerance, and unknown years count for nothing', () => {
    expect(experienceValue(2.9, { min: 3, max: 15, tolerance: 0 })).toBe(0);
    expect(contribution('experience', { yearsOfExperience: null }, { yearsOfExperience: 12 }).points).toBe(0);
  });

  it.each<[number, number, number, string | null]>([
    [2, 10, 1, 'has 10 years of experience, 8 years more than Ana'],
    [4, 5, 0.5, 'has 5 years of experience, 1 year more than Ana (the program looks for 3–15 more)'],
    [10, 8, 0, null],
  ])('mentee %d years, mentor %d years → %d', (mine, theirs, value, text) => {
    const c = contribution('experience', { yearsOfExperience: mine }, { yearsOfExperience: theirs });
    expect(c.value).toBe(value);
    expect(c.text).toBe(text);
  });
});

describe('department: as the program prefers', () => {
  it.each<[ProgramMatchingConfig['departmentPreference'], string | null, string | null, number, string | null]>([
    ['different', 'Sales', 'Finance', 1, 'brings another function’s view (Finance; Ana is in Sales)'],
    ['different', 'Sales', 'sales', 0, null],
    ['same', 'Sales', 'sales', 1, 'works in the same function as Ana (Sales)'],
    ['same', 'Sales', 'Finance', 0, null],
    ['none', 'Sales', 'Finance', 0, null],
    ['different', null, 'Finance', 0, null],
  ])('%s: %s / %s → %d', (preference, mine, theirs, value, text) => {
    const c = contribution('department', { department: mine }, { department: theirs }, { departmentPreference: preference });
    expect(c.value).toBe(value);
    expect(c.text).toBe(text);
  });
});

describe('time zones: working hours in common, winter and summer averaged', () => {
  it.each<[number, number, number, number]>([
    [540, 540, 480, 480], [540, 600, 480, 420], [540, 1020, 480, 0], [0, 1380, 480, 420], [1380, 0, 480, 420], [540, 540 + 1440, 480, 480],
  ])('windows at %d and %d minutes, %d long → %d minutes', (a, b, length, overlap) => {
    expect(circularOverlap(a, b, length)).toBe(overlap);
  });

  it.each<[MatchingProfile['timeZone'], MatchingProfile['timeZone'], number, string | null]>([
    ['Europe/Lisbon', 'Europe/Lisbon', 1, 'shares 8 of 8 working hours with Ana'],
    // Lisbon and Berlin are an hour apart all year.
    ['Europe/Lisbon', 'Europe/Berlin', 7 / 8, 'shares 7 of 8 working hours with Ana (Europe/Berlin and Europe/Lisbon)'],
    // London and New York: 5 hours in winter and summer (both move), São Paulo does not move: 3 then 4 hours.
    ['Europe/London', 'America/Sao_Paulo', 4.5 / 8, 'shares 4.5 of 8 working hours with Ana (America/Sao_Paulo and Europe/London)'],
    ['Asia/Tokyo', 'America/New_York', 0, null],
    ['Europe/Lisbon', 'Mars/Olympus', 0, null],
  ])('%s / %s → %d', (mine, theirs, value, text) => {
    const c = contribution('timeZone', { timeZone: mine }, { timeZone: theirs });
    expect(c.value).toBeCloseTo(value, 12);
    expect(c.text).toBe(text);
  });

  it('uses a UTC offset when no IANA zone is known, and the program’s working hours', () => {
    const c = contribution('timeZone', { utcOffsetMinutes: 0 }, { utcOffsetMinutes: 120 }, { workingHours: { start: 8, end: 18 } });
    expect(c.value).toBe(0.8);
    expect(c.text).toBe('shares 8 of 10 working hours with Ana (UTC+02:00 and UTC+00:00)');
  });
});

describe('language and preferences', () => {
  it.each<[string[], string[], number, string | null]>([
    [['pt', 'en'], ['PT'], 1, 'shares a language with Ana: Portuguese'],
    [['en', 'pt'], ['pt', 'en'], 1, 'shares a language with Ana: English and Portuguese'],
    [['ja'], ['en'], 0, null],
    [['Klingon'], ['klingon'], 1, 'shares a language with Ana: Klingon'],
  ])('%j / %j → %d', (mine, theirs, value, text) => {
    const c = contribution('language', { languages: mine }, { languages: theirs });
    expect(c.value).toBe(value);
    expect(c.text).toBe(text);
  });

  it.each<[MatchingProfile['preferences'], Partial<MatchingProfile>, number, string | null]>([
    [{ mentorIds: ['bruno', 'carla'] }, {}, 1, 'is Ana’s first choice of mentor'],
    [{ mentorIds: ['carla', 'bruno'] }, {}, 0.5, 'is one of the mentors Ana asked for'],
    [{ departments: ['Finance'] }, { department: 'finance' }, 1, 'comes from a function Ana asked for (Finance)'],
    [{ minYearsOfExperience: 10 }, { yearsOfExperience: 12 }, 1, 'has the 10+ years of experience Ana asked for'],
    [{ minYearsOfExperience: 10, departments: ['Finance'] }, { yearsOfExperience: 12, department: 'Legal' }, 0.5, 'has the 10+ years of experience Ana asked for'],
    [{ mentorIds: ['bruno'], minYearsOfExperience: 10, departments: ['Legal'] }, { yearsOfExperience: 12, department: 'Legal' }, 1,
      'is Ana’s first choice of mentor, comes from a function Ana asked for (Legal) and has the 10+ years of experience Ana asked for'],
    [undefined, { yearsOfExperience: 30 }, 0, null],
  ])('%j with %j → %d', (preferences, mentor, value, text) => {
    const c = contribution('preferences', { ...(preferences ? { preferences } : {}) }, mentor);
    expect(c.value).toBe(value);
    expect(c.text).toBe(text);
  });
});

describe('inclusion: only what the mentee self-identified with and opted into, never named', () => {
  it.each<[Partial<MatchingProfile>, Partial<MatchingProfile>, number, string | null]>([
    [{ selfIdentification: ['woman'], inclusionPreferences: ['woman'] }, { selfIdentification: ['Woman'] }, 1, 'matches the inclusion preference Ana opted into'],
    [{ selfIdentification: ['woman', 'parent'], inclusionPreferences: ['woman', 'parent'] }, { selfIdentification: ['parent'] }, 0.5, 'matches 1 of the 2 inclusion preferences Ana opted into'],
    [{ selfIdentification: ['woman', 'parent'], inclusionPreferences: ['woman', 'parent'] }, { selfIdentification: ['parent', 'woman'] }, 1, 'matches both inclusion preferences Ana opted into'],
    // Asking for an identity one did not self-identify with is ignored.
    [{ selfIdentification: ['parent'], inclusionPreferences: ['woman'] }, { selfIdentification: ['woman'] }, 0, null],
    // Self-identification alone (no opt-in) is never used.
    [{ selfIdentification: ['woman'] }, { selfIdentification: ['woman'] }, 0, null],
    // A mentor who did not consent has no identities.
    [{ selfIdentification: ['woman'], inclusionPreferences: ['woman'] }, {}, 0, null],
  ])('%j / %j → %d', (mentee, mentor, value, text) => {
    const c = contribution('inclusion', mentee, mentor);
    expect(c.value).toBe(value);
    expect(c.text).toBe(text);
  });
});

describe('a pair’s explanation', () => {
  const mentee: MatchingProfile = {
    ...ana, skillsWanted: ['negotiation', 'hiring', 'public speaking', 'budgeting'], goals: ['first management role'], interests: ['jazz'],
    yearsOfExperience: 4, department: 'Sales', languages: ['pt', 'en'], timeZone: 'Europe/Lisbon',
  };
  const mentor: MatchingProfile = {
    ...bruno, skillsOffered: ['negotiation', 'hiring', 'public speaking'], goals: ['first management role'], interests: ['jazz', 'chess'],
    yearsOfExperience: 12, department: 'Finance', languages: ['pt'], timeZone: 'Europe/Lisbon',
  };

  it('names the top three contributions, best first, in the admin’s words', () => {
    const pair = previewPair({ mentees: [mentee], mentors: [mentor] }, 'ana', 'bruno');
    expect(pair.reasons).toEqual([
      'shares 3 of the 4 skills Ana wants: negotiation, hiring and public speaking',
      'can help with Ana’s goal: first management role',
      'has 12 years of experience, 8 years more than Ana',
    ]);
    expect(pair.explanation).toBe(
      'Bruno shares 3 of the 4 skills Ana wants: negotiation, hiring and public speaking; can help with Ana’s goal: first management role; and has 12 years of experience, 8 years more than Ana.',
    );
    // Default weights: 2.25 + 2 + 1 (interests) + 1.5 + 1 (another function) + 1.5 (same zone) + 1 (language).
    expect(pair.score).toBe(10.25);
    expect(pair.fit).toBeCloseTo(10.25 / 15, 12);
    expect(pair.contributions.map((c) => c.points).reduce((a, b) => a + b, 0)).toBeCloseTo(pair.score, 9);
  });

  it('breaks ties between criteria in their listed order and says so when nothing is shared', () => {
    const tied = previewPair({ mentees: [{ ...ana, interests: ['jazz'], languages: ['en'] }], mentors: [{ ...bruno, interests: ['jazz'], languages: ['en'] }] }, 'ana', 'bruno');
    expect(tied.reasons).toEqual(['shares 1 interest with Ana: jazz', 'shares a language with Ana: English']);
    expect(tied.explanation).toBe('Bruno shares 1 interest with Ana: jazz; and shares a language with Ana: English.');
    const nothing = previewPair({ mentees: [ana], mentors: [bruno] }, 'ana', 'bruno');
    expect(nothing.score).toBe(0);
    expect(nothing.blocker).toBe('no_common_ground');
    expect(nothing.explanation).toBe('Bruno and Ana have nothing in common that the program weighs.');
  });
});

describe('words', () => {
  it.each([['pt', 'Portuguese'], ['en', 'English'], ['zh', 'Chinese'], ['Portuguese', 'Portuguese'], ['xx-not-a-tag!', 'xx-not-a-tag!']])('%s → %s', (code, name) => {
    expect(languageName(code)).toBe(name);
  });
  it.each<[string[], string]>([[[], ''], [['a'], 'a'], [['a', 'b'], 'a and b'], [['a', 'b', 'c'], 'a, b and c']])('%j → %s', (items, text) => {
    expect(joinWords(items)).toBe(text);
  });
  it('normalizes words and rounds hours', () => {
    expect(normalizeWord('  Public   Speaking ')).toBe('public speaking');
    expect([hours(360), hours(390), hours(375)]).toEqual(['6', '6.5', '6.3']);
  });
});

describe('the fast row scorer agrees with the per-pair scorer and the explanation', () => {
  it('unit for unit on a program with every criterion in play', async () => {
    const { randomProgram } = await import('./test-programs.ts');
    for (let seed = 1; seed <= 40; seed++) {
      const c = compileMatching(randomProgram(seed, { mentees: 12, mentors: 9, randomWeights: seed % 2 === 0, constraintRate: 0.3 }));
      const scorer = new RowScorer(c);
      const row = new Int32Array(c.m);
      for (let i = 0; i < c.n; i++) {
        scorer.row(i, row);
        scorer.begin(i);
        for (let j = 0; j < c.m; j++) {
          expect(scorer.score(j)).toBe(row[j]);
          if (row[j]! >= 0) expect(pairContributions(c, i, j).reduce((sum, d) => sum + d.units, 0)).toBe(row[j]);
        }
        scorer.end();
      }
    }
  });
});
