import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import leadershipJson from './instruments/leadership-competencies.v1.json' with { type: 'json' };
import { buildFeedbackReport, planGroups, RELATIONSHIPS, shuffleComments, type RaterResponse, type Relationship } from './feedback-report.ts';
import { parseInstrument } from './instrument.ts';

const leadership = parseInstrument(leadershipJson);
const rules = { minGroupSize: 3, managerShownAlone: false };

/** Answers that score `value` on every competency: reverse-keyed items are answered 6 − value. */
function flat(value: number, skip: string[] = []) {
  return Object.fromEntries(leadership.items.filter((i) => !skip.includes(i.subscale)).map((i) => [i.id, i.reverse ? 6 - value : value]));
}
const rater = (relationship: Relationship, value: number, comment = '', skip: string[] = []): RaterResponse => ({ relationship, answers: flat(value, skip), comment });

describe('which rater groups may be shown', () => {
  const counts = (manager: number, peer: number, direct_report: number, other: number) => ({ manager, peer, direct_report, other });
  it.each([
    ['every group large enough', counts(0, 3, 4, 3), rules, { shown: ['peer', 'direct_report', 'other'], combined: [], combinedShown: false, withheld: [] }],
    ['small groups merged into a large enough combination', counts(1, 3, 2, 1), rules, { shown: ['peer'], combined: ['manager', 'direct_report', 'other'], combinedShown: true, withheld: [] }],
    ['a single small group held back', counts(1, 3, 3, 0), rules, { shown: ['peer', 'direct_report'], combined: [], combinedShown: false, withheld: ['manager'] }],
    ['small groups held back when even combined they are too few', counts(1, 4, 1, 0), rules, { shown: ['peer'], combined: [], combinedShown: false, withheld: ['manager', 'direct_report'] }],
    ['the manager alone, where the organization allows it', counts(1, 3, 2, 0), { minGroupSize: 3, managerShownAlone: true }, { shown: ['manager', 'peer'], combined: [], combinedShown: false, withheld: ['direct_report'] }],
    ['a higher minimum', counts(0, 3, 3, 0), { minGroupSize: 4, managerShownAlone: false }, { shown: [], combined: ['peer', 'direct_report'], combinedShown: true, withheld: [] }],
    ['nobody answered', counts(0, 0, 0, 0), rules, { shown: [], combined: [], combinedShown: false, withheld: [] }],
  ])('%s', (_name, c, settings, expected) => {
    expect(planGroups(c, settings)).toEqual(expected);
  });
});

describe('the 360 report', () => {
  it('shows groups of three or more, holds back a lone manager, and leaves the manager out of the overall average', () => {
    const responses = [rater('peer', 4), rater('peer', 4), rater('peer', 5), rater('direct_report', 2), rater('direct_report', 3), rater('direct_report', 3), rater('manager', 1)];
    const report = buildFeedbackReport(leadership, rules, flat(5), responses, 'round-1');
    const row = report.competencies[0]!;
    // Peers (4 + 4 + 5) / 3 = 4.33; direct reports (2 + 3 + 3) / 3 = 2.67; everyone shown 21 / 6 = 3.5; the manager's 1 nowhere.
    expect(row.groups).toEqual([
      { group: 'peer', label: 'Peers', mean: 4.33, n: 3 },
      { group: 'direct_report', label: 'Direct reports', mean: 2.67, n: 3 },
    ]);
    expect(row).toMatchObject({ self: 5, others: { mean: 3.5, n: 6 }, withheld: 1, gap: 1.5 });
    expect(report.withheldResponses).toBe(1);
    expect(report.groups).toEqual([{ group: 'peer', label: 'Peers', responses: 3 }, { group: 'direct_report', label: 'Direct reports', responses: 3 }]);
    expect(report.notes).toContain('One response is held back: its group was too small to show, even combined (fewer than 3).');
    expect(JSON.stringify(report)).not.toMatch(/"mean":1[,}]/);
  });

  it('shows the manager on their own where the organization allows it, and counts them in the overall average', () => {
    const responses = [rater('peer', 4), rater('peer', 4), rater('peer', 5), rater('direct_report', 2), rater('direct_report', 3), rater('direct_report', 3), rater('manager', 1)];
    const report = buildFeedbackReport(leadership, { minGroupSize: 3, managerShownAlone: true }, flat(5), responses, 'round-1');
    const row = report.competencies[0]!;
    expect(row.groups[0]).toEqual({ group: 'manager', label: 'Manager', mean: 1, n: 1 });
    // (21 + 1) / 7 = 3.142…
    expect(row.others).toEqual({ mean: 3.14, n: 7 });
    expect(report.withheldResponses).toBe(0);
    expect(report.notes).toContain('As your organization allows, the manager’s ratings are shown on their own.');
  });

  it('merges small groups into "others combined" when together they reach the minimum', () => {
    const responses = [rater('peer', 4), rater('peer', 4), rater('peer', 4), rater('direct_report', 2), rater('direct_report', 2), rater('other', 3), rater('manager', 5)];
    const report = buildFeedbackReport(leadership, rules, null, responses, 'round-2');
    const row = report.competencies[3]!;
    // Combined: (2 + 2 + 3 + 5) / 4 = 3; overall (12 + 12) / 7 = 3.43.
    expect(row.groups).toEqual([{ group: 'peer', label: 'Peers', mean: 4, n: 3 }, { group: 'combined', label: 'Others (smaller groups combined)', mean: 3, n: 4 }]);
    expect(row.others).toEqual({ mean: 3.43, n: 7 });
    expect(row.self).toBeNull();
    expect(row.gap).toBeNull();
    expect(report.notes).toContain('Answers from manager, direct reports and other colleagues are combined: each group had fewer than 3 responses.');
    expect(report.notes).toContain('There is no self-assessment in this round, so there are no gaps to show.');
    expect(report.blindSpots).toEqual([]);
  });

  it('raises the threshold when the round asks for more, never lowers it below three', () => {
    const responses = [rater('peer', 4), rater('peer', 4), rater('peer', 4), rater('direct_report', 2), rater('direct_report', 2), rater('direct_report', 2)];
    const strict = buildFeedbackReport(leadership, { minGroupSize: 4, managerShownAlone: false }, null, responses, 'r');
    expect(strict.competencies[0]!.groups).toEqual([{ group: 'combined', label: 'Others (smaller groups combined)', mean: 3, n: 6 }]);
    const lax = buildFeedbackReport(leadership, { minGroupSize: 1, managerShownAlone: false }, null, [rater('peer', 4), rater('peer', 2)], 'r');
    expect(lax.minGroupSize).toBe(3);
    expect(lax.competencies[0]).toMatchObject({ groups: [], others: null, withheld: 2 });
  });

  it('holds everything back, comments included, when fewer than three answered', () => {
    const report = buildFeedbackReport(leadership, rules, flat(4), [rater('peer', 5, 'Great at standups'), rater('manager', 1, 'Needs work')], 'r');
    expect(report.competencies.every((row) => row.others === null && row.groups.length === 0 && row.withheld === 2)).toBe(true);
    expect(report.comments).toEqual([]);
    expect(report.commentsWithheld).toBe(true);
    expect(report.blindSpots).toEqual([]);
    expect(JSON.stringify(report)).not.toMatch(/Great at standups|Needs work/);
  });

  it('applies the rule per competency when a rater skipped one', () => {
    // One peer skipped "direction": for it, peers are two (too few) and nothing else is small enough to merge with.
    const responses = [rater('peer', 5, '', ['direction']), rater('peer', 4), rater('peer', 4), rater('direct_report', 2), rater('direct_report', 2), rater('direct_report', 2)];
    const report = buildFeedbackReport(leadership, rules, null, responses, 'r');
    const direction = report.competencies.find((row) => row.id === 'direction')!;
    expect(direction).toMatchObject({ groups: [{ group: 'direct_report', mean: 2, n: 3 }], others: { mean: 2, n: 3 }, withheld: 2 });
    const communication = report.competencies.find((row) => row.id === 'communication')!;
    expect(communication.groups.map((g) => [g.group, g.mean, g.n])).toEqual([['peer', 4.33, 3], ['direct_report', 2, 3]]);
    expect(report.notes.some((note) => note.startsWith('Some raters skipped items'))).toBe(true);
  });

  it('highlights the largest gaps: blind spots where self is higher, hidden strengths where others are', () => {
    const self = { ...flat(3), direction_1: 5, direction_2: 5, direction_3: 5, inclusion_1: 1, inclusion_2: 1, inclusion_3: 1, resilience_1: 4, resilience_2: 4, resilience_3: 4 };
    const responses = [rater('peer', 3), rater('peer', 3), rater('peer', 3)];
    const report = buildFeedbackReport(leadership, rules, self, responses, 'r');
    // direction: 5 vs 3 (+2); resilience 4 vs 3 (+1); inclusion 1 vs 3 (−2); others equal (0, under the 0.5 threshold).
    expect(report.blindSpots.map((g) => [g.competencyId, g.gap])).toEqual([['direction', 2], ['resilience', 1]]);
    expect(report.hiddenStrengths.map((g) => [g.competencyId, g.self, g.others, g.gap])).toEqual([['inclusion', 1, 3, -2]]);
  });

  it('lists at most three of each, largest first', () => {
    const self = flat(5);
    const report = buildFeedbackReport(leadership, rules, self, [rater('peer', 1), rater('peer', 2), rater('peer', 3)], 'r');
    expect(report.blindSpots).toHaveLength(3);
    expect(report.hiddenStrengths).toEqual([]);
  });

  it('shows comments without names or groups, in an order that depends on the round only', () => {
    const responses = [rater('peer', 4, 'alpha'), rater('peer', 4, '  '), rater('peer', 4, 'bravo'), rater('direct_report', 3, 'charlie'), rater('direct_report', 3, 'delta'), rater('direct_report', 3, 'echo'), rater('manager', 2, 'from the manager')];
    const report = buildFeedbackReport(leadership, rules, null, responses, 'round-7');
    expect([...report.comments].sort()).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(report.comments).not.toContain('from the manager');
    const reversed = buildFeedbackReport(leadership, rules, null, [...responses].reverse(), 'round-7');
    expect(reversed.comments).toEqual(report.comments);
    expect(shuffleComments(['a', 'b', 'c', 'd', 'e', 'f'], 'seed-1')).toEqual(shuffleComments(['f', 'e', 'd', 'c', 'b', 'a'], 'seed-1'));
    expect(shuffleComments(['a', 'b', 'c', 'd', 'e', 'f'], 'seed-1')).not.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('the 360 report, for any set of responses', () => {
  const responseArb = fc.record({
    relationship: fc.constantFrom(...RELATIONSHIPS),
    values: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { minLength: leadership.items.length, maxLength: leadership.items.length }),
  }).map(({ relationship, values }) => ({
    relationship,
    answers: Object.fromEntries(leadership.items.flatMap((item, index) => (values[index] === undefined ? [] : [[item.id, values[index]!]]))),
    comment: '',
  }));
  const settingsArb = fc.record({ minGroupSize: fc.integer({ min: 3, max: 5 }), managerShownAlone: fc.boolean() });

  it('shows only averages over enough raters, and an overall that is exactly the groups shown', () => {
    fc.assert(fc.property(fc.array(responseArb, { maxLength: 14 }), settingsArb, (responses, settings) => {
      const report = buildFeedbackReport(leadership, settings, null, responses, 'seed');
      for (const row of report.competencies) {
        for (const cell of row.groups) {
          const allowedAlone = cell.group === 'manager' && settings.managerShownAlone;
          if (!allowedAlone && cell.n < settings.minGroupSize) return false;
        }
        const shown = row.groups.reduce((sum, cell) => sum + cell.n, 0);
        if ((row.others?.n ?? 0) !== shown) return false;
        const rated = responses.filter((r) => leadership.items.some((i) => i.subscale === row.id && r.answers[i.id] !== undefined)).length;
        if (shown + row.withheld !== rated) return false;
      }
      return true;
    }), { numRuns: 300 });
  });

  it('is not moved by the answers it holds back', () => {
    fc.assert(fc.property(fc.array(responseArb, { maxLength: 12 }), settingsArb, fc.integer({ min: 1, max: 5 }), (responses, settings, replacement) => {
      const before = buildFeedbackReport(leadership, settings, null, responses, 'seed');
      for (const row of before.competencies) {
        if (row.withheld === 0) continue;
        const shownGroups = new Set(row.groups.flatMap((cell) => (cell.group === 'combined' ? RELATIONSHIPS.filter((r) => !row.groups.some((g) => g.group === r)) : [cell.group])));
        // Change every held-back rater's answers on this competency (keeping which items they answered).
        const changed = responses.map((response) => (shownGroups.has(response.relationship) ? response : {
          ...response,
          answers: Object.fromEntries(Object.entries(response.answers).map(([id, value]) => [id, leadership.items.find((i) => i.id === id)!.subscale === row.id ? replacement : value])),
        }));
        const after = buildFeedbackReport(leadership, settings, null, changed, 'seed').competencies.find((r) => r.id === row.id);
        expect(after).toEqual(row);
      }
    }), { numRuns: 300 });
  });
});
