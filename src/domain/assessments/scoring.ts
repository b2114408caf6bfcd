import { scoreRange, type Band, type Instrument, type InstrumentItem } from './instrument.ts';

/**
 * The scoring engine: Likert answers keyed (reverse items become (min + max) − answer), summed or
 * averaged per subscale as the instrument says, and placed in its interpretation bands.
 */
export type Responses = Readonly<Record<string, number>>;
/** A person's own names for items, where the instrument allows it (the areas of a wheel of life). */
export type ItemLabels = Readonly<Record<string, string>>;

export interface ResponseProblem {
  itemId: string;
  message: string;
}

export interface BandResult {
  label: string;
  description: string;
}

export interface SubscaleScore {
  id: string;
  name: string;
  /** Null when the subscale has no answers, or a sum is missing some (a partial sum means nothing). */
  score: number | null;
  min: number;
  max: number;
  answered: number;
  items: number;
  band: BandResult | null;
}

export interface Scores {
  instrumentId: string;
  version: number;
  subscales: SubscaleScore[];
  total: Omit<SubscaleScore, 'id'> | null;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Unknown items, values that are not whole numbers on the scale. */
export function checkResponses(instrument: Instrument, responses: Readonly<Record<string, unknown>>): ResponseProblem[] {
  const problems: ResponseProblem[] = [];
  const { min, max } = instrument.scale;
  for (const [itemId, value] of Object.entries(responses)) {
    if (!instrument.items.some((item) => item.id === itemId)) problems.push({ itemId, message: 'is not an item of this instrument' });
    else if (value === null) continue;
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push({ itemId, message: `must be a whole number from ${min} to ${max}` });
    }
  }
  return problems;
}

export function checkItemLabels(instrument: Instrument, labels: Readonly<Record<string, unknown>>): ResponseProblem[] {
  if (Object.keys(labels).length > 0 && !instrument.customizableItemLabels) {
    return Object.keys(labels).map((itemId) => ({ itemId, message: 'cannot be renamed in this instrument' }));
  }
  return Object.keys(labels)
    .filter((itemId) => !instrument.items.some((item) => item.id === itemId))
    .map((itemId) => ({ itemId, message: 'is not an item of this instrument' }));
}

export function missingItems(instrument: Instrument, responses: Responses): string[] {
  return instrument.items.filter((item) => responses[item.id] === undefined).map((item) => item.id);
}

export function keyedValue(instrument: Instrument, item: InstrumentItem, answer: number): number {
  return item.reverse ? instrument.scale.min + instrument.scale.max - answer : answer;
}

export function bandFor(bands: readonly Band[], score: number): BandResult | null {
  let found: Band | null = null;
  for (const band of bands) if (score >= band.from) found = band;
  return found ? { label: found.label, description: found.description } : null;
}

function aggregate(instrument: Instrument, items: InstrumentItem[], scoring: 'sum' | 'mean', responses: Responses) {
  const values = items.filter((item) => responses[item.id] !== undefined).map((item) => keyedValue(instrument, item, responses[item.id]!));
  const range = scoreRange(instrument.scale, scoring, items.length);
  let score: number | null = null;
  if (values.length > 0) {
    const sum = values.reduce((a, b) => a + b, 0);
    if (scoring === 'mean') score = round2(sum / values.length);
    else if (values.length === items.length) score = sum;
  }
  return { score, ...range, answered: values.length, items: items.length };
}

/** The name a person sees for a subscale: their own label for its item, when it has only one. */
export function subscaleName(instrument: Instrument, subscaleId: string, labels: ItemLabels = {}): string {
  const subscale = instrument.subscales.find((s) => s.id === subscaleId)!;
  const items = instrument.items.filter((item) => item.subscale === subscaleId);
  if (instrument.customizableItemLabels && items.length === 1 && labels[items[0]!.id]) return labels[items[0]!.id]!;
  return subscale.name;
}

export function scoreResponses(instrument: Instrument, responses: Responses, labels: ItemLabels = {}): Scores {
  const subscales = instrument.subscales.map((subscale) => {
    const result = aggregate(instrument, instrument.items.filter((item) => item.subscale === subscale.id), subscale.scoring, responses);
    return { id: subscale.id, name: subscaleName(instrument, subscale.id, labels), ...result, band: result.score === null ? null : bandFor(subscale.bands, result.score) };
  });
  let total: Scores['total'] = null;
  if (instrument.total) {
    const result = aggregate(instrument, instrument.items, instrument.total.scoring, responses);
    total = { name: instrument.total.name, ...result, band: result.score === null ? null : bandFor(instrument.total.bands, result.score) };
  }
  return { instrumentId: instrument.id, version: instrument.version, subscales, total };
}
