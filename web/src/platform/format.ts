import { useMemo } from 'react';
import { useMe } from './api/queries';

/** Dates and times in the signed-in person's own time zone (their profile), else the browser's. */
export function useFormat() {
  const me = useMe();
  const timeZone = me.data?.person.timeZone;
  return useMemo(() => {
    const safeZone = timeZone && isKnownTimeZone(timeZone) ? timeZone : undefined;
    const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone });
    const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: safeZone });
    const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: safeZone });
    const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: safeZone });
    // A calendar date (YYYY-MM-DD) is the same day everywhere: formatted as UTC, never shifted by a zone.
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      timeZone: safeZone ?? browserTimeZone(),
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—'),
      time: (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : '—'),
      /** "Thu, 27 Nov 2026" in the person's zone. */
      weekdayDate: (iso: string | null | undefined) => (iso ? weekday.format(new Date(iso)) : '—'),
      /** A calendar date such as an agreement's start date (YYYY-MM-DD). */
      day: (ymd: string | null | undefined) => (ymd ? day.format(new Date(`${ymd.slice(0, 10)}T00:00:00Z`)) : '—'),
    };
  }, [timeZone]);
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | null = null;

/** Every IANA time zone this browser knows, for pickers; always includes UTC and `extra`. */
export function timeZoneOptions(extra?: string): string[] {
  zones ??= (() => {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return [...new Set(['UTC', ...list])];
  })();
  return extra && !zones.includes(extra) ? [extra, ...zones] : zones;
}
