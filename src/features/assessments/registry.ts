import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedFileName, InstrumentError, parseInstrument, type Instrument } from '../../domain/assessments/instrument.ts';

/**
 * The instruments Cairn offers: every `<id>.v<version>.json` in src/domain/assessments/instruments.
 * Adding an instrument, or a new version of one, is adding a file. Every version stays loadable,
 * so an attempt is always shown and compared with the definition it was taken with; new attempts
 * use the latest version. A file that does not parse stops Cairn at start, naming the file and
 * the mistake.
 */
export const INSTRUMENTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../domain/assessments/instruments');

export interface InstrumentRegistry {
  /** The latest version of each instrument, in a stable order (by name). */
  list(): Instrument[];
  latest(id: string): Instrument | null;
  version(id: string, version: number): Instrument | null;
}

export function loadInstruments(dir: string = INSTRUMENTS_DIR): InstrumentRegistry {
  const byId = new Map<string, Map<number, Instrument>>();
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`Instrument file ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    let instrument: Instrument;
    try {
      instrument = parseInstrument(raw);
    } catch (error) {
      if (error instanceof InstrumentError) throw new Error(`Instrument file ${file}: ${error.message}`, { cause: error });
      throw error;
    }
    if (file !== expectedFileName(instrument)) throw new Error(`Instrument file ${file} holds ${instrument.id} version ${instrument.version}: name it ${expectedFileName(instrument)}`);
    const versions = byId.get(instrument.id) ?? new Map<number, Instrument>();
    versions.set(instrument.version, instrument);
    byId.set(instrument.id, versions);
  }
  const latestOf = (versions: Map<number, Instrument>) => versions.get(Math.max(...versions.keys()))!;
  const all = [...byId.values()].map(latestOf).sort((a, b) => a.name.localeCompare(b.name));
  return {
    list: () => all,
    latest: (id) => (byId.has(id) ? latestOf(byId.get(id)!) : null),
    version: (id, version) => byId.get(id)?.get(version) ?? null,
  };
}

let shared: InstrumentRegistry | null = null;

/** The built-in registry, read once per process. */
export function instruments(): InstrumentRegistry {
  shared ??= loadInstruments();
  return shared;
}
