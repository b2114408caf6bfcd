import { describe, expect, it } from 'vitest';
import bigFiveJson from './instruments/ipip-big-five-50.v1.json' with { type: 'json' };
import leadershipJson from './instruments/leadership-competencies.v1.json' with { type: 'json' };
import wheelJson from './instruments/wheel-of-life.v1.json' with { type: 'json' };
import { InstrumentError, parseInstrument } from './instrument.ts';

const minimal = () => ({
  id: 'tiny', version: 1, name: 'Tiny', description: 'A test instrument.', instructions: 'Answer.', chart: 'bars',
  source: { citation: 'Test', license: 'CC0' },
  scale: { min: 1, max: 5 },
  items: [{ id: 'a', text: 'A', subscale: 's' }, { id: 'b', text: 'B', subscale: 's', reverse: true }],
  subscales: [{ id: 's', name: 'S', scoring: 'sum', bands: [{ from: 2, label: 'Low' }, { from: 6, label: 'High' }] }],
});

function errorOf(mutate: (raw: any) => void): string {
  const raw = minimal();
  mutate(raw);
  try {
    parseInstrument(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InstrumentError);
    return (error as Error).message;
  }
  return 'no error';
}

describe('instrument definitions', () => {
  it('reads the three built-in instruments', () => {
    expect([bigFiveJson, wheelJson, leadershipJson].map((raw) => {
      const instrument = parseInstrument(raw);
      return [instrument.id, instrument.version, instrument.items.length, instrument.subscales.length, instrument.chart];
    })).toEqual([['ipip-big-five-50', 1, 50, 5, 'bars'], ['wheel-of-life', 1, 8, 8, 'wheel'], ['leadership-competencies', 1, 26, 8, 'radar']]);
  });

  it('fills in defaults: not reverse-keyed, no total, minutes from the item count', () => {
    const instrument = parseInstrument(minimal());
    expect(instrument.items[0]!.reverse).toBe(false);
    expect(instrument.items[1]!.reverse).toBe(true);
    expect(instrument).toMatchObject({ total: null, customizableItemLabels: false, usableIn360: false, minutes: 1, raterInstructions: null });
  });

  it('names the path of each mistake', () => {
    expect(errorOf((raw) => { raw.id = 'Big Five'; })).toBe('instrument.id must be lower-case letters, digits and dashes');
    expect(errorOf((raw) => { raw.version = 0; })).toBe('instrument.version must be at least 1');
    expect(errorOf((raw) => { raw.scale.max = 1; })).toBe('instrument.scale.max must be above min, by at most 20');
    expect(errorOf((raw) => { raw.items[1].id = 'a'; })).toBe('instrument.items[1].id repeats "a"');
    expect(errorOf((raw) => { raw.items.push({ id: 'c', text: 'C', subscale: 'nope' }); })).toBe('instrument.items[2].subscale names no subscale ("nope")');
    expect(errorOf((raw) => { raw.items[0].reverse = 'yes'; })).toBe('instrument.items[0].reverse must be true or false');
    expect(errorOf((raw) => { raw.subscales[0].scoring = 'median'; })).toBe('instrument.subscales[0].scoring must be "sum" or "mean"');
    expect(errorOf((raw) => { raw.subscales[0].bands[1].from = 2; })).toBe('instrument.subscales[0].bands[1].from must be above the previous band');
    expect(errorOf((raw) => { raw.subscales[0].bands[1].from = 11; })).toBe('instrument.subscales[0].bands[1].from must not be above the highest possible score, 10');
    expect(errorOf((raw) => { raw.subscales.push({ id: 'empty', name: 'E', scoring: 'mean', bands: [{ from: 1, label: 'x' }] }); })).toBe('instrument.subscales[1].id has no items ("empty")');
    expect(errorOf((raw) => { raw.chart = 'pie'; })).toBe('instrument.chart must be one of bars, radar, wheel');
    expect(errorOf((raw) => { raw.scale.labels = [{ value: 9, label: 'Nine' }]; })).toBe('instrument.scale.labels[0].value must be on the scale');
    expect(errorOf((raw) => { delete raw.source; })).toBe('instrument.source must be an object');
    expect(errorOf((raw) => { raw.total = { name: 'T', scoring: 'mean', bands: [{ from: 2, label: 'x' }] }; })).toBe('instrument.total.bands[0].from must be the lowest possible score, 1');
  });
});
