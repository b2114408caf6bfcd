/**
 * Relationship health from the check-in cadence: on track while check-ins keep the agreed rhythm,
 * slipping once the next one is late, stalled after more than twice the cadence without one.
 */
export type RelationshipHealth = 'on_track' | 'slipping' | 'stalled';

const DAY_MS = 86_400_000;

export function daysBetween(fromDate: string, toDate: string): number {
  return Math.floor((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

export interface HealthInput {
  cadenceDays: number;
  /** The last check-in's date, or the day the relationship began when there is none yet. */
  lastContactOn: string;
  today: string;
}

export function relationshipHealth({ cadenceDays, lastContactOn, today }: HealthInput): RelationshipHealth {
  const since = daysBetween(lastContactOn, today);
  if (since > 2 * cadenceDays) return 'stalled';
  if (since > cadenceDays) return 'slipping';
  return 'on_track';
}

/** When the next check-in is due: one cadence after the last contact. */
export function nextCheckInDue({ cadenceDays, lastContactOn }: Omit<HealthInput, 'today'>): string {
  const next = new Date(`${lastContactOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + cadenceDays);
  return next.toISOString().slice(0, 10);
}
