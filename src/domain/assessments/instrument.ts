/**
 * An instrument is data: its items, response scale, reverse-keyed items, subscales with their
 * scoring rule and interpretation bands. Instruments live as JSON files in ./instruments/, one file
 * per version (`<id>.v<version>.json`); adding one (or a new version of one) needs no code. A
 * version, once people have taken it, is never edited: their scores were computed with it, and
 * their history keeps pointing at it.
 *
 * parseInstrument checks a definition completely, so a broken file stops Cairn at start with the
 * path of the mistake instead of misscoring someone later.
 */
export type ChartKind = 'bars' | 'radar' | 'wheel';
export type Scoring = 'sum' | 'mean';

export interface ScaleLabel {
  value: number;
  label: string;
}

/** Applies from `from` up to the next band's `from` (the last one up to the maximum). */
export interface Band {
  from: number;
  label: string;
  description: string;
}

export interface InstrumentItem {
  id: string;
  text: string;
  subscale: string;
  /** Scored as (min + max) − answer. */
  reverse: boolean;
}

export interface Subscale {
  id: string;
  name: string;
  description: string;
  scoring: Scoring;
  bands: Band[];
}

export interface Instrument {
  id: string;
  version: number;
  name: string;
  description: string;
  /** Shown before the items when a person rates themselves. */
  instructions: string;
  /** For 360 raters: how the items are introduced; "{name}" is replaced by the person's name. */
  raterInstructions: string | null;
  source: { citation: string; license: string; url: string | null };
  chart: ChartKind;
  scale: { min: number; max: number; labels: ScaleLabel[] };
  items: InstrumentItem[];
  subscales: Subscale[];
  total: { name: string; scoring: Scoring; bands: Band[] } | null;
  /** A person may rename the items (the areas of a wheel of life) for themselves. */
  customizableItemLabels: boolean;
  /** Can be the competency set of a 360 feedback round. */
  usableIn360: boolean;
  /** Rough minutes to complete, for the list. */
  minutes: number;
}

export class InstrumentError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path} ${message}`);
  }
}

export const INSTRUMENT_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,79}$';
const ITEM_ID = /^[a-z0-9_]{1,40}$/;
const CHARTS: readonly ChartKind[] = ['bars', 'radar', 'wheel'];
const SCORINGS: readonly Scoring[] = ['sum', 'mean'];

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(raw: Raw, key: string, path: string, options: { optional?: boolean; max?: number } = {}): string {
  const value = raw[key];
  if (value === undefined && options.optional) return '';
  if (typeof value !== 'string' || value.trim() === '') throw new InstrumentError(`${path}.${key}`, 'must be a non-empty string');
  if (value.length > (options.max ?? 2000)) throw new InstrumentError(`${path}.${key}`, `must be at most ${options.max ?? 2000} characters`);
  return value;
}

function integer(raw: Raw, key: string, path: string): number {
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new InstrumentError(`${path}.${key}`, 'must be an integer');
  return value;
}

function list(raw: Raw, key: string, path: string): unknown[] {
  const value = raw[key];
  if (!Array.isArray(value) || value.length === 0) throw new InstrumentError(`${path}.${key}`, 'must be a non-empty array');
  return value;
}

function bands(raw: unknown, path: string, low: number, high: number): Band[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new InstrumentError(path, 'must be a non-empty array');
  const parsed = raw.map((band, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(band)) throw new InstrumentError(at, 'must be an object');
    if (typeof band.from !== 'number' || !Number.isFinite(band.from)) throw new InstrumentError(`${at}.from`, 'must be a number');
    return { from: band.from, label: text(band, 'label', at, { max: 80 }), description: text(band, 'description', at, { optional: true }) };
  });
  if (parsed[0]!.from !== low) throw new InstrumentError(`${path}[0].from`, `must be the lowest possible score, ${low}`);
  for (const [index, band] of parsed.entries()) {
    if (index > 0 && band.from <= parsed[index - 1]!.from) throw new InstrumentError(`${path}[${index}].from`, 'must be above the previous band');
    if (band.from > high) throw new InstrumentError(`${path}[${index}].from`, `must not be above the highest possible score, ${high}`);
  }
  return parsed;
}

/** The lowest and highest score a subscale (or the total) can take. */
export function scoreRange(scale: { min: number; max: number }, scoring: Scoring, itemCount: number): { min: number; max: number } {
  return scoring === 'sum' ? { min: scale.min * itemCount, max: scale.max * itemCount } : { min: scale.min, max: scale.max };
}

export function parseInstrument(raw: unknown, path = 'instrument'): Instrument {
  if (!isObject(raw)) throw new InstrumentError(path, 'must be an object');
  const id = text(raw, 'id', path, { max: 80 });
  if (!new RegExp(INSTRUMENT_ID_PATTERN).test(id)) throw new InstrumentError(`${path}.id`, 'must be lower-case letters, digits and dashes');
  const version = integer(raw, 'version', path);
  if (version < 1) throw new InstrumentError(`${path}.version`, 'must be at least 1');

  if (!isObject(raw.scale)) throw new InstrumentError(`${path}.scale`, 'must be an object');
  const min = integer(raw.scale, 'min', `${path}.scale`);
  const max = integer(raw.scale, 'max', `${path}.scale`);
  if (max <= min || max - min > 20) throw new InstrumentError(`${path}.scale.max`, 'must be above min, by at most 20');
  const labels = (Array.isArray(raw.scale.labels) ? raw.scale.labels : []).map((label, index) => {
    const at = `${path}.scale.labels[${index}]`;
    if (!isObject(label)) throw new InstrumentError(at, 'must be an object');
    const value = integer(label, 'value', at);
    if (value < min || value > max) throw new InstrumentError(`${at}.value`, 'must be on the scale');
    return { value, label: text(label, 'label', at, { max: 80 }) };
  });

  const subscaleIds = new Set<string>();
  const rawSubscales = list(raw, 'subscales', path);
  const items = list(raw, 'items', path).map((item, index) => {
    const at = `${path}.items[${index}]`;
    if (!isObject(item)) throw new InstrumentError(at, 'must be an object');
    const itemId = text(item, 'id', at, { max: 40 });
    if (!ITEM_ID.test(itemId)) throw new InstrumentError(`${at}.id`, 'must be lower-case letters, digits and underscores');
    if (item.reverse !== undefined && typeof item.reverse !== 'boolean') throw new InstrumentError(`${at}.reverse`, 'must be true or false');
    return { id: itemId, text: text(item, 'text', at, { max: 300 }), subscale: text(item, 'subscale', at, { max: 40 }), reverse: item.reverse === true };
  });
  const seenItems = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seenItems.has(item.id)) throw new InstrumentError(`${path}.items[${index}].id`, `repeats "${item.id}"`);
    seenItems.add(item.id);
  }

  const subscales = rawSubscales.map((subscale, index) => {
    const at = `${path}.subscales[${index}]`;
    if (!isObject(subscale)) throw new InstrumentError(at, 'must be an object');
    const subscaleId = text(subscale, 'id', at, { max: 40 });
    if (subscaleIds.has(subscaleId)) throw new InstrumentError(`${at}.id`, `repeats "${subscaleId}"`);
    subscaleIds.add(subscaleId);
    const scoring = subscale.scoring as Scoring;
    if (!SCORINGS.includes(scoring)) throw new InstrumentError(`${at}.scoring`, 'must be "sum" or "mean"');
    const count = items.filter((item) => item.subscale === subscaleId).length;
    if (count === 0) throw new InstrumentError(`${at}.id`, `has no items ("${subscaleId}")`);
    const range = scoreRange({ min, max }, scoring, count);
    return {
      id: subscaleId, name: text(subscale, 'name', at, { max: 80 }), description: text(subscale, 'description', at, { optional: true }),
      scoring, bands: bands(subscale.bands, `${at}.bands`, range.min, range.max),
    };
  });
  for (const [index, item] of items.entries()) {
    if (!subscaleIds.has(item.subscale)) throw new InstrumentError(`${path}.items[${index}].subscale`, `names no subscale ("${item.subscale}")`);
  }

  let total: Instrument['total'] = null;
  if (raw.total !== undefined && raw.total !== null) {
    if (!isObject(raw.total)) throw new InstrumentError(`${path}.total`, 'must be an object');
    const scoring = raw.total.scoring as Scoring;
    if (!SCORINGS.includes(scoring)) throw new InstrumentError(`${path}.total.scoring`, 'must be "sum" or "mean"');
    const range = scoreRange({ min, max }, scoring, items.length);
    total = { name: text(raw.total, 'name', `${path}.total`, { max: 80 }), scoring, bands: bands(raw.total.bands, `${path}.total.bands`, range.min, range.max) };
  }

  const chart = raw.chart as ChartKind;
  if (!CHARTS.includes(chart)) throw new InstrumentError(`${path}.chart`, `must be one of ${CHARTS.join(', ')}`);
  if (!isObject(raw.source)) throw new InstrumentError(`${path}.source`, 'must be an object');
  const minutes = raw.minutes === undefined ? Math.max(1, Math.round(items.length / 6)) : integer(raw, 'minutes', path);
  for (const flag of ['customizableItemLabels', 'usableIn360'] as const) {
    if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') throw new InstrumentError(`${path}.${flag}`, 'must be true or false');
  }
  return {
    id, version,
    name: text(raw, 'name', path, { max: 120 }),
    description: text(raw, 'description', path),
    instructions: text(raw, 'instructions', path),
    raterInstructions: raw.raterInstructions === undefined ? null : text(raw, 'raterInstructions', path),
    source: {
      citation: text(raw.source, 'citation', `${path}.source`),
      license: text(raw.source, 'license', `${path}.source`, { max: 200 }),
      url: raw.source.url === undefined ? null : text(raw.source, 'url', `${path}.source`, { max: 300 }),
    },
    chart,
    scale: { min, max, labels },
    items,
    subscales,
    total,
    customizableItemLabels: raw.customizableItemLabels === true,
    usableIn360: raw.usableIn360 === true,
    minutes,
  };
}

/** What a file name must say about the definition inside it: `<id>.v<version>.json`. */
export function expectedFileName(instrument: Pick<Instrument, 'id' | 'version'>): string {
  return `${instrument.id}.v${instrument.version}.json`;
}
