/** Whether a name is an IANA time zone this runtime knows (Intl carries the tz database). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/*
 * Making an Intl.DateTimeFormat loads the zone's rules: about 0.1–0.5 ms each, ten times a coach
 * home (npm run bench). Formatting with one is cheap, so each zone keeps its two formatters.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    // Zone names come from stored profiles: bounded, but not trusted to be few.
    if (cache.size >= 1000) cache.clear();
    cache.set(timeZone, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatter(dateFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The zone's offset from UTC at an instant, in minutes (Lisbon in summer: +60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatter(instantFormats, timeZone, () => new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  })).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instants at which a local calendar day starts and ends in a time zone. */
export function localDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  const startOf = (day: string) => {
    const midnightUtc = new Date(`${day}T00:00:00Z`);
    // Two passes settle days on which the offset changes (daylight saving).
    let guess = new Date(midnightUtc.getTime() - zoneOffsetMinutes(midnightUtc, timeZone) * 60000);
    guess = new Date(midnightUtc.getTime() - zoneOffsetMinutes(guess, timeZone) * 60000);
    return guess;
  };
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { start: startOf(date), end: startOf(next.toISOString().slice(0, 10)) };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
