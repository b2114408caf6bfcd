import { relationshipHealth, type RelationshipHealth } from './health.ts';

/**
 * The two dates a relationship's health turns on, worked out once per contact instead of on every
 * read: after `checkInDueOn` it is slipping, after `stalledAfterOn` it is stalled (health.ts says
 * the same in words). Stored on the relationship, they let a program's pairs be counted and
 * listed by health straight off an index.
 */
export interface CadenceMarks {
  /** The last contact: the last check-in's date, or the day the relationship began. */
  lastContactOn: string;
  checkInDueOn: string;
  stalledAfterOn: string;
}

const plusDays = (date: string, days: number): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

export function cadenceMarks(input: { cadenceDays: number; lastCheckInOn: string | null; startedOn: string }): CadenceMarks {
  // As summarizeRelationships reads it: the last check-in, else the start.
  const lastContactOn = input.lastCheckInOn ?? input.startedOn;
  return { lastContactOn, checkInDueOn: plusDays(lastContactOn, input.cadenceDays), stalledAfterOn: plusDays(lastContactOn, 2 * input.cadenceDays) };
}

/** Health read off the marks: the same answer as relationshipHealth on the same contact. */
export function healthFromMarks(marks: Pick<CadenceMarks, 'checkInDueOn' | 'stalledAfterOn'>, today: string): RelationshipHealth {
  if (today > marks.stalledAfterOn) return 'stalled';
  if (today > marks.checkInDueOn) return 'slipping';
  return 'on_track';
}

/**
 * The same rule as ranges over the stored marks, for queries that count and page pairs by health:
 * `{ column, op, value }` conditions that all hold for exactly the pairs in that health today.
 */
export type MarkCondition = { column: 'check_in_due_on' | 'stalled_after_on'; op: '>=' | '<'; value: string };

export function healthConditions(health: RelationshipHealth, today: string): MarkCondition[] {
  switch (health) {
    case 'on_track': return [{ column: 'check_in_due_on', op: '>=', value: today }];
    case 'slipping': return [{ column: 'check_in_due_on', op: '<', value: today }, { column: 'stalled_after_on', op: '>=', value: today }];
    case 'stalled': return [{ column: 'stalled_after_on', op: '<', value: today }];
  }
}

export { relationshipHealth };
