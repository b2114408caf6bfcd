/*
 * Wall-clock times in a named time zone, without a date library: a session is picked as a date and
 * a time in the person's own zone, and stored as a UTC instant.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClock(instant: number, zone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsIn(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return { year: values.year!, month: values.month!, day: values.day!, hour: values.hour! % 24, minute: values.minute!, second: values.second! };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const clock = wallClock(instant, zone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-05-04" + "09:30" in "Europe/Lisbon" → the UTC instant, as ISO 8601. */
export function zonedToIso(date: string, time: string, zone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const naive = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  // The offset can differ on either side of a daylight-saving change: settle on the one that round-trips.
  let instant = naive - offsetAt(naive, zone);
  const second = naive - offsetAt(instant, zone);
  if (second !== instant) instant = second;
  return new Date(instant).toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the date and time on the zone's wall clock: { date: "2026-05-04", time: "09:30" }. */
export function isoToZoned(iso: string, zone: string): { date: string; time: string } {
  const clock = wallClock(new Date(iso).getTime(), zone);
  return { date: `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`, time: `${pad(clock.hour)}:${pad(clock.minute)}` };
}

/** Today's date on the zone's wall clock. */
export function todayIn(zone: string, now = new Date()): string {
  return isoToZoned(now.toISOString(), zone).date;
}

export function addDays(ymd: string, days: number): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
