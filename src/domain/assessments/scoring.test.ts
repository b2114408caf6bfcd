import { describe, expect, it } from 'vitest';
import bigFiveJson from './instruments/ipip-big-five-50.v1.json' with { type: 'json' };
import leadershipJson from './instruments/leadership-competencies.v1.json' with { type: 'json' };
import wheelJson from './instruments/wheel-of-life.v1.json' with { type: 'json' };
import { parseInstrument } from './instrument.ts';
import { bandFor, checkItemLabels, checkResponses, missingItems, scoreResponses } from './scoring.ts';

const bigFive = parseInstrument(bigFiveJson);
const wheel = parseInstrument(wheelJson);
const leadership = parseInstrument(leadershipJson);

const sheet = (values: number[], prefix = 'q') => Object.fromEntries(values.map((value, index) => [`${prefix}${index + 1}`, value]));
const bySubscale = (scores: ReturnType<typeof scoreResponses>) => Object.fromEntries(scores.subscales.map((s) => [s.id, [s.score, s.band?.label]]));

describe('IPIP Big Five (50 items) against hand-scored answer sheets', () => {
  it('keys the published items: 5+/5− extraversion, 6+/4− agreeableness and conscientiousness, 2+/8− emotional stability, 7+/3− intellect', () => {
    const keys = Object.fromEntries(bigFive.subscales.map((s) => [s.id, bigFive.items.filter((i) => i.subscale === s.id).map((i) => `${i.reverse ? '-' : '+'}${i.id.slice(1)}`).join(' ')]));
    expect(keys).toEqual({
      extraversion: '+1 -6 +11 -16 +21 -26 +31 -36 +41 -46',
      agreeableness: '-2 +7 -12 +17 -22 +27 -32 +37 +42 +47',
      conscientiousness: '+3 -8 +13 -18 +23 -28 +33 -38 +43 +48',
      emotional_stability: '-4 +9 -14 +19 -24 -29 -34 -39 -44 -49',
      intellect: '+5 -10 +15 -20 +25 -30 +35 +40 +45 +50',
    });
    expect(bigFive.items.find((i) => i.id === 'q1')!.text).toBe('Am the life of the party.');
    expect(bigFive.items.find((i) => i.id === 'q50')!.text).toBe('Am full of ideas.');
  });

  it('scores a sheet of all 5s: positive items count 5, reversed ones 1', () => {
    // E 5×5 + 5×1 = 30; A and C 6×5 + 4×1 = 34; ES 2×5 + 8×1 = 18; I 7×5 + 3×1 = 38.
    const scores = scoreResponses(bigFive, sheet(Array(50).fill(5)));
    expect(bySubscale(scores)).toEqual({
      extraversion: [30, 'Middle'], agreeableness: [34, 'Middle'], conscientiousness: [34, 'Middle'], emotional_stability: [18, 'Lower'], intellect: [38, 'Higher'],
    });
    expect(scores.total).toBeNull();
  });

  it('scores the floor and the ceiling of every scale', () => {
    const floor = sheet(bigFive.items.map((i) => (i.reverse ? 5 : 1)));
    const ceiling = sheet(bigFive.items.map((i) => (i.reverse ? 1 : 5)));
    expect(scoreResponses(bigFive, floor).subscales.map((s) => [s.score, s.min, s.max, s.band?.label])).toEqual(Array(5).fill([10, 10, 50, 'Lower']));
    expect(scoreResponses(bigFive, ceiling).subscales.map((s) => s.score)).toEqual([50, 50, 50, 50, 50]);
  });

  it('scores a mixed sheet, worked by hand', () => {
    const answers = sheet([
      4, 2, 5, 3, 4, 2, 4, 1, 4, 2,
      5, 1, 4, 4, 3, 2, 5, 2, 3, 1,
      4, 2, 3, 2, 4, 1, 4, 2, 3, 2,
      3, 1, 5, 2, 5, 3, 4, 1, 2, 3,
      4, 5, 4, 3, 5, 4, 4, 5, 2, 4,
    ]);
    // E: +(1,11,21,31,41) 4+5+4+3+4 = 20; −(6,16,26,36,46) answered 2,2,1,3,4 → 4+4+5+3+2 = 18; 38.
    // A: +(7,17,27,37,42,47) 4+5+4+4+5+4 = 26; −(2,12,22,32) answered 2,1,2,1 → 4+5+4+5 = 18; 44.
    // C: +(3,13,23,33,43,48) 5+4+3+5+4+5 = 26; −(8,18,28,38) answered 1,2,2,1 → 5+4+4+5 = 18; 44.
    // ES: +(9,19) 4+3 = 7; −(4,14,24,29,34,39,44,49) answered 3,4,2,3,2,2,3,2 → 3+2+4+3+4+4+3+4 = 27; 34.
    // I: +(5,15,25,35,40,45,50) 4+3+4+5+3+5+4 = 28; −(10,20,30) answered 2,1,2 → 4+5+4 = 13; 41.
    expect(bySubscale(scoreResponses(bigFive, answers))).toEqual({
      extraversion: [38, 'Higher'], agreeableness: [44, 'Higher'], conscientiousness: [44, 'Higher'], emotional_stability: [34, 'Middle'], intellect: [41, 'Higher'],
    });
  });

  it('leaves a sum unscored while items are missing, and lists them', () => {
    const partial = sheet(Array(49).fill(3));
    expect(missingItems(bigFive, partial)).toEqual(['q50']);
    const scores = scoreResponses(bigFive, partial);
    expect(scores.subscales.find((s) => s.id === 'intellect')).toMatchObject({ score: null, answered: 9, items: 10, band: null });
    expect(scores.subscales.find((s) => s.id === 'extraversion')!.score).toBe(30);
  });
});

describe('wheel of life against a hand-scored sheet', () => {
  const answers = { career: 7, money: 4, health: 3, relationships: 9, love: 6, growth: 8, fun: 2, environment: 10 };

  it('rates eight areas 0–10, each its own spoke, with the overall mean', () => {
    const scores = scoreResponses(wheel, answers);
    expect(wheel.chart).toBe('wheel');
    expect(scores.subscales.map((s) => [s.id, s.score, s.band?.label])).toEqual([
      ['career', 7, 'Going well'], ['money', 4, 'Getting by'], ['health', 3, 'Needs attention'], ['relationships', 9, 'Going well'],
      ['love', 6, 'Getting by'], ['growth', 8, 'Going well'], ['fun', 2, 'Needs attention'], ['environment', 10, 'Going well'],
    ]);
    // 49 / 8 = 6.125, rounded to 6.13: "Mixed" (from 4 to below 7).
    expect(scores.total).toMatchObject({ name: 'Overall satisfaction', score: 6.13, min: 0, max: 10, band: { label: 'Mixed' } });
  });

  it('names a renamed area with the person’s own label', () => {
    const scores = scoreResponses(wheel, answers, { love: 'Community' });
    expect(scores.subscales.find((s) => s.id === 'love')!.name).toBe('Community');
    expect(checkItemLabels(wheel, { love: 'Community' })).toEqual([]);
    expect(checkItemLabels(wheel, { pets: 'Dogs' })).toEqual([{ itemId: 'pets', message: 'is not an item of this instrument' }]);
    expect(checkItemLabels(bigFive, { q1: 'Party' })).toEqual([{ itemId: 'q1', message: 'cannot be renamed in this instrument' }]);
  });

  it('accepts 0 and 10 and refuses what is off the scale', () => {
    expect(checkResponses(wheel, { career: 0, money: 10 })).toEqual([]);
    expect(checkResponses(wheel, { career: 11, money: -1, health: 5.5, fun: '7', pets: 3 })).toEqual([
      { itemId: 'career', message: 'must be a whole number from 0 to 10' },
      { itemId: 'money', message: 'must be a whole number from 0 to 10' },
      { itemId: 'health', message: 'must be a whole number from 0 to 10' },
      { itemId: 'fun', message: 'must be a whole number from 0 to 10' },
      { itemId: 'pets', message: 'is not an item of this instrument' },
    ]);
  });
});

describe('leadership competencies against a hand-scored sheet', () => {
  it('averages each competency, reversing the two reverse-keyed behaviours', () => {
    expect(leadership.subscales).toHaveLength(8);
    expect(leadership.usableIn360).toBe(true);
    expect(leadership.items.filter((i) => i.reverse).map((i) => i.id)).toEqual(['communication_4', 'accountability_4']);
    const answers = {
      direction_1: 4, direction_2: 5, direction_3: 3,
      communication_1: 5, communication_2: 4, communication_3: 4, communication_4: 2,
      developing_1: 2, developing_2: 3, developing_3: 2,
      decisions_1: 3, decisions_2: 3, decisions_3: 2,
      accountability_1: 5, accountability_2: 4, accountability_3: 5, accountability_4: 1,
      collaboration_1: 3, collaboration_2: 4, collaboration_3: 4,
      inclusion_1: 4, inclusion_2: 4, inclusion_3: 4,
      resilience_1: 2, resilience_2: 3, resilience_3: 3,
    };
    // communication: 5 + 4 + 4 + (6 − 2) = 17 / 4 = 4.25; accountability: 5 + 4 + 5 + (6 − 1) = 19 / 4 = 4.75;
    // developing 7/3 = 2.33; decisions 8/3 = 2.67; collaboration 11/3 = 3.67; resilience 8/3 = 2.67.
    const scores = scoreResponses(leadership, answers);
    expect(bySubscale(scores)).toEqual({
      direction: [4, 'Strength'], communication: [4.25, 'Signature strength'], developing_others: [2.33, 'Development priority'],
      decision_making: [2.67, 'Developing'], accountability: [4.75, 'Signature strength'], collaboration: [3.67, 'Strength'],
      inclusion: [4, 'Strength'], resilience: [2.67, 'Developing'],
    });
    // 12 + 17 + 7 + 8 + 19 + 11 + 12 + 8 = 94 over 26 items = 3.615…
    expect(scores.total).toMatchObject({ score: 3.62, band: { label: 'Strength' } });
  });

  it('averages the answered items of a partly answered competency', () => {
    const scores = scoreResponses(leadership, { direction_1: 2, direction_2: 5 });
    expect(scores.subscales[0]).toMatchObject({ id: 'direction', score: 3.5, answered: 2, items: 3, band: { label: 'Strength' } });
    expect(scores.subscales[1]!.score).toBeNull();
  });
});

describe('interpretation bands', () => {
  const bands = [{ from: 10, label: 'Lower', description: '' }, { from: 24, label: 'Middle', description: '' }, { from: 37, label: 'Higher', description: '' }];
  it('apply from their lower bound up to the next band', () => {
    expect([10, 23, 24, 36, 37, 50].map((score) => bandFor(bands, score)?.label)).toEqual(['Lower', 'Lower', 'Middle', 'Middle', 'Higher', 'Higher']);
    expect(bandFor(bands, 9)).toBeNull();
  });
});
