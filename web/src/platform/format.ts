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
    return {
      timeZone: safeZone ?? browserTimeZone(),
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—'),
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
