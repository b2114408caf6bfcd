import { describe, expect, it } from 'vitest';
import { cadenceMarks, healthConditions, healthFromMarks } from './cadence.ts';
import { nextCheckInDue, relationshipHealth, type RelationshipHealth } from './health.ts';

const plus = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('cadence marks', () => {
  it.each([
    // cadence, last check-in, started, → due, stalled after
    [14, '2026-03-01', '2026-01-10', '2026-03-15', '2026-03-29'],
    [14, null, '2026-01-10', '2026-01-24', '2026-02-07'],
    [30, '2026-12-20', '2026-01-01', '2027-01-19', '2027-02-18'],
    [7, '2028-02-25', '2028-01-01', '2028-03-03', '2028-03-10'],
  ] as const)('cadence %d, last check-in %s, started %s → due %s, stalled after %s', (cadenceDays, lastCheckInOn, startedOn, due, stalled) => {
    const marks = cadenceMarks({ cadenceDays, lastCheckInOn, startedOn });
    expect(marks).toEqual({ lastContactOn: lastCheckInOn ?? startedOn, checkInDueOn: due, stalledAfterOn: stalled });
    expect(marks.checkInDueOn).toBe(nextCheckInDue({ cadenceDays, lastContactOn: marks.lastContactOn }));
  });

  it.each([
    [0, 'on_track'], [13, 'on_track'], [14, 'on_track'], [15, 'slipping'], [28, 'slipping'], [29, 'stalled'], [400, 'stalled'],
  ] as const)('%d days after the last contact with a 14-day cadence: %s', (days, health) => {
    const marks = cadenceMarks({ cadenceDays: 14, lastCheckInOn: '2026-01-31', startedOn: '2026-01-01' });
    expect(healthFromMarks(marks, plus('2026-01-31', days))).toBe(health);
  });

  it('agrees with relationshipHealth, and the query conditions pick exactly that health, for every day and cadence', () => {
    const holds = (c: { column: string; op: string; value: string }, marks: { checkInDueOn: string; stalledAfterOn: string }) => {
      const stored = c.column === 'check_in_due_on' ? marks.checkInDueOn : marks.stalledAfterOn;
      return c.op === '>=' ? stored >= c.value : stored < c.value;
    };
    for (const cadenceDays of [1, 7, 14, 30, 90]) {
      const marks = cadenceMarks({ cadenceDays, lastCheckInOn: '2027-12-20', startedOn: '2027-06-01' });
      for (let day = -3; day < 3 * cadenceDays + 5; day += 1) {
        const today = plus('2027-12-20', day);
        const expected = relationshipHealth({ cadenceDays, lastContactOn: '2027-12-20', today });
        expect(healthFromMarks(marks, today)).toBe(expected);
        for (const health of ['on_track', 'slipping', 'stalled'] as RelationshipHealth[]) {
          expect(healthConditions(health, today).every((c) => holds(c, marks)), `${cadenceDays} days, ${today}, ${health}`).toBe(health === expected);
        }
      }
    }
  });
});
