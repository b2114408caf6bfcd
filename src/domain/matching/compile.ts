/**
 * Turns a program's input into flat, indexed data the scorer can walk quickly: people sorted by
 * person id (so the input's order never changes the answer), every list of words interned to
 * small integers, mentors' lists as bit sets, hard constraints as per-mentee lists, capacities
 * after published pairs and locks.
 *
 * Scores are integers: one point = SCALE units, each criterion's contribution is rounded to a
 * unit, and a pair's score is the sum of its contributions. Integer scores let the solver's
 * arithmetic be exact (every sum is an integer far below 2^53), so "optimal" means exactly
 * optimal for the scores the engine reports, not optimal up to rounding noise.
 */
import { managerChain } from '../reporting-line.ts';
import { zoneOffsetMinutes } from '../time-zones.ts';
import { languageName } from './words.ts';
import {
  CRITERIA, DEFAULT_CONFIG, DEFAULT_WEIGHTS, MatchingInputError, MAX_WEIGHT,
  type Blocker, type Criterion, type DepartmentPreference, type MatchingInput, type MatchingObjective, type MatchingProfile, type PairRef, type RejectedLock,
} from './types.ts';

/** Units per point: scores are exact multiples of a millionth of a point. */
export const SCALE = 1_000_000;

/** Blockers in the order they are reported: a pair is counted under the first that applies. */
export const BLOCKER_ORDER: readonly Blocker[] = [
  'self', 'paused', 'full', 'excluded', 'declined', 'reporting_line', 'program_language', 'mentee_language', 'no_common_ground', 'below_minimum',
];

/**
 * Daylight saving moves offsets twice a year, so a zone's offset is taken in mid-January and in
 * mid-July and the overlap averaged over the two. Fixed instants keep the score the same whatever
 * the day the engine runs (a pure function cannot read the clock).
 */
export const SEASON_INSTANTS = [new Date('2026-01-15T12:00:00Z'), new Date('2026-07-15T12:00:00Z')] as const;

/** "  Public   Speaking " → "public speaking". */
export function normalizeWord(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Words interned to 0, 1, 2, … with the first spelling seen kept for explanations. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly labels: string[] = [];

  intern(word: string): number {
    const key = normalizeWord(word);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.labels.length;
      this.ids.set(key, id);
      this.labels.push(word.trim().replace(/\s+/g, ' '));
    }
    return id;
  }

  find(word: string): number {
    return this.ids.get(normalizeWord(word)) ?? -1;
  }

  get words(): number {
    return Math.ceil(Math.max(1, this.labels.length) / 32);
  }
}

/** Mentees' lists (CSR: items of mentee i are items[start[i]] … items[start[i+1]-1], no duplicates) beside mentors' bit sets. */
export interface ListFeature {
  start: Int32Array;
  items: Int32Array;
  /** Mentor j's set: bits[j * words + (id >> 5)] & (1 << (id & 31)). */
  bits: Uint32Array;
  words: number;
  /** How many items each mentor has. */
  mentorCount: Int32Array;
  /** Mentors holding each item (CSR by item id): the inverted index row scoring walks. */
  holderStart: Int32Array;
  holders: Int32Array;
}

export interface ResolvedConfig {
  weights: Record<Criterion, number>;
  departmentPreference: DepartmentPreference;
  experienceGap: { min: number; max: number; tolerance: number };
  requiredLanguage: string | null;
  objective: MatchingObjective;
  minimumScore: number;
  defaultCapacity: number;
  workingHours: { start: number; end: number };
}

export interface CompiledMatching {
  config: ResolvedConfig;
  /** Sorted by person id. */
  mentees: MatchingProfile[];
  mentors: MatchingProfile[];
  n: number;
  m: number;
  menteeIndex: Map<string, number>;
  mentorIndex: Map<string, number>;
  /** Weight × SCALE per criterion, in CRITERIA order. */
  weightUnits: Float64Array;
  /** The most a pair can score, in units (every criterion fully met). */
  maxUnits: number;
  /** Pairs below this many units are not proposed (at least 1: a pair with nothing in common is not a match). */
  minimumUnits: number;

  vocab: { skills: Vocabulary; interests: Vocabulary; goals: Vocabulary; languages: Vocabulary; departments: Vocabulary; identities: Vocabulary };
  skills: ListFeature;
  interests: ListFeature;
  goals: ListFeature;
  languages: ListFeature;
  /** Mentees' inclusion preferences (kept only when in their own self-identification) against mentors' consented identities. */
  inclusion: ListFeature;
  /** Per mentee, units for k matched items, at tableStart[i] + k (skills, goals, inclusion: value = k / list length). */
  skillUnits: Float64Array;
  goalUnits: Float64Array;
  inclusionUnits: Float64Array;
  menteeDepartment: Int32Array;
  mentorDepartment: Int32Array;
  menteeYears: Float64Array;
  mentorYears: Float64Array;
  /** Time-zone class per person (-1 unknown) and, per pair of classes, the units and the average overlap in minutes. */
  menteeZone: Int32Array;
  mentorZone: Int32Array;
  zoneClasses: number;
  zoneUnits: Float64Array;
  zoneOverlapMinutes: Float64Array;
  /** The mentee's preferences: how many were stated (0–3), wanted departments (CSR), minimum years (NaN: none), named mentors (CSR, mentor index + value). */
  preferenceCount: Int32Array;
  preferredDepartments: { start: Int32Array; items: Int32Array };
  preferredMinYears: Float64Array;
  namedMentors: { start: Int32Array; mentor: Int32Array; value: Float64Array };

  /** Hard constraints. */
  mentorCapacity: Int32Array;
  /** Capacity left for proposals after published pairs and accepted locks. */
  mentorRemaining: Int32Array;
  mentorPaused: Uint8Array;
  /** Program language: -1 when none; per person whether they speak it. */
  programLanguage: number;
  menteeSpeaksProgram: Uint8Array;
  mentorSpeaksProgram: Uint8Array;
  /** The mentee's own required language (-1 none). */
  menteeRequiredLanguage: Int32Array;
  /** Pair-level blocks per mentee (CSR): mentor index and the blocker (self, excluded, declined, reporting line). */
  blocked: { start: Int32Array; mentor: Int32Array; blocker: Uint8Array };
  /** 1 when the mentee still needs a mentor (not in a published pair or an accepted lock). */
  menteeInPool: Uint8Array;
  published: Array<{ mentee: number; mentor: number }>;
  locked: Array<{ mentee: number; mentor: number }>;
  rejectedLocks: RejectedLock[];
}

const byPersonId = (a: MatchingProfile, b: MatchingProfile) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

function finite(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new MatchingInputError(`${name} must be a number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

export function resolveConfig(input: MatchingInput['config']): ResolvedConfig {
  const config = input ?? {};
  const weights = { ...DEFAULT_WEIGHTS };
  for (const [criterion, weight] of Object.entries(config.weights ?? {})) {
    if (!(CRITERIA as readonly string[]).includes(criterion)) throw new MatchingInputError(`unknown criterion "${criterion}"`);
    if (weight === undefined) continue;
    weights[criterion as Criterion] = finite(`weight of ${criterion}`, weight, 0, MAX_WEIGHT);
  }
  const gap = { ...DEFAULT_CONFIG.experienceGap, ...(config.experienceGap ?? {}) };
  finite('experienceGap.min', gap.min, -100, 100);
  finite('experienceGap.max', gap.max, gap.min, 100);
  finite('experienceGap.tolerance', gap.tolerance, 0, 100);
  const hours = config.workingHours ?? DEFAULT_CONFIG.workingHours;
  finite('workingHours.start', hours.start, 0, 23.5);
  finite('workingHours.end', hours.end, hours.start + 0.5, 24);
  const departmentPreference = config.departmentPreference ?? DEFAULT_CONFIG.departmentPreference;
  if (!['same', 'different', 'none'].includes(departmentPreference)) throw new MatchingInputError(`departmentPreference must be same, different or none, got "${departmentPreference}"`);
  const objective = config.objective ?? DEFAULT_CONFIG.objective;
  if (objective !== 'max_total' && objective !== 'max_min') throw new MatchingInputError(`objective must be max_total or max_min, got "${objective}"`);
  const defaultCapacity = finite('defaultCapacity', config.defaultCapacity ?? DEFAULT_CONFIG.defaultCapacity, 0, 1000);
  if (!Number.isInteger(defaultCapacity)) throw new MatchingInputError('defaultCapacity must be a whole number');
  return {
    weights,
    departmentPreference,
    experienceGap: gap,
    requiredLanguage: config.requiredLanguage?.trim() || null,
    objective,
    minimumScore: finite('minimumScore', config.minimumScore ?? DEFAULT_CONFIG.minimumScore, 0, MAX_WEIGHT * CRITERIA.length),
    defaultCapacity,
    workingHours: { start: hours.start, end: hours.end },
  };
}

/** Longest list of words a profile may give (the row scorer counts shared items in 16 bits). */
export const MAX_LIST_LENGTH = 1000;

/** Distinct ids of a list, in first-seen order. */
function internAll(vocab: Vocabulary, words: readonly string[] | undefined): number[] {
  if (words && words.length > MAX_LIST_LENGTH) throw new MatchingInputError(`a profile lists ${words.length} items; at most ${MAX_LIST_LENGTH}`);
  const out: number[] = [];
  const seen = new Set<number>();
  for (const word of words ?? []) {
    if (typeof word !== 'string' || word.trim() === '') continue;
    const id = vocab.intern(word);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

function csr(lists: number[][]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const items = new Int32Array(start[lists.length]!);
  for (let i = 0; i < lists.length; i++) items.set(lists[i]!, start[i]!);
  return { start, items };
}

function listFeature(vocab: Vocabulary, menteeLists: number[][], mentorLists: number[][]): ListFeature {
  const words = vocab.words;
  const bits = new Uint32Array(mentorLists.length * words);
  const mentorCount = new Int32Array(mentorLists.length);
  const holderStart = new Int32Array(vocab.labels.length + 1);
  mentorLists.forEach((list, j) => {
    for (const id of list) {
      bits[j * words + (id >> 5)]! |= 1 << (id & 31);
      holderStart[id + 1]!++;
    }
    mentorCount[j] = list.length;
  });
  for (let id = 0; id < vocab.labels.length; id++) holderStart[id + 1]! += holderStart[id]!;
  const holders = new Int32Array(holderStart[vocab.labels.length]!);
  const at = holderStart.slice(0, vocab.labels.length);
  mentorLists.forEach((list, j) => {
    for (const id of list) holders[at[id]!++] = j;
  });
  return { ...csr(menteeLists), bits, words, mentorCount, holderStart, holders };
}

/** Units for 0 … k matched items out of each mentee's list: round(weight × k / length). */
function fractionTable(start: Int32Array, weightUnits: number): Float64Array {
  const n = start.length - 1;
  const table = new Float64Array(start[n]! + n);
  for (let i = 0; i < n; i++) {
    const length = start[i + 1]! - start[i]!;
    for (let k = 0; k <= length; k++) table[start[i]! + i + k] = length === 0 ? 0 : Math.round((weightUnits * k) / length);
  }
  return table;
}

/** Minutes of overlap of two daily windows [a, a + length) and [b, b + length) on a 24-hour circle. */
export function circularOverlap(a: number, b: number, length: number): number {
  let total = 0;
  for (const shift of [-1440, 0, 1440]) {
    const lo = Math.max(a, b + shift);
    const hi = Math.min(a + length, b + shift + length);
    if (hi > lo) total += hi - lo;
  }
  return Math.min(total, length);
}

/**
 * A zone's (January, July) offsets, or null for a name the runtime does not know. Remembered across
 * calls: they depend on nothing but the name (the instants are fixed), and asking Intl is slow.
 */
const zoneOffsets = new Map<string, [number, number] | null>();

function seasonalOffsets(profile: MatchingProfile): [number, number] | null {
  if (profile.timeZone) {
    let offsets = zoneOffsets.get(profile.timeZone);
    if (offsets === undefined) {
      try {
        offsets = [zoneOffsetMinutes(SEASON_INSTANTS[0], profile.timeZone), zoneOffsetMinutes(SEASON_INSTANTS[1], profile.timeZone)];
      } catch {
        offsets = null; // not a zone this runtime knows: fall back to the offset, if any
      }
      if (zoneOffsets.size >= 2000) zoneOffsets.clear(); // names come from users: keep the memory bounded
      zoneOffsets.set(profile.timeZone, offsets);
    }
    if (offsets) return offsets;
  }
  const offset = profile.utcOffsetMinutes;
  return typeof offset === 'number' && Number.isFinite(offset) ? [offset, offset] : null;
}

/** The experience criterion's value for a gap in years (mentor minus mentee). */
export function experienceValue(gap: number, range: { min: number; max: number; tolerance: number }): number {
  if (Number.isNaN(gap)) return 0;
  if (gap >= range.min && gap <= range.max) return 1;
  if (range.tolerance <= 0) return 0;
  const outside = gap < range.min ? range.min - gap : gap - range.max;
  return Math.max(0, 1 - outside / range.tolerance);
}

function years(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : Number.NaN;
}

function checkIds(side: string, people: readonly MatchingProfile[]): void {
  const seen = new Set<string>();
  for (const person of people) {
    if (typeof person?.personId !== 'string' || person.personId === '') throw new MatchingInputError(`every ${side} needs a personId`);
    if (seen.has(person.personId)) throw new MatchingInputError(`${side} ${person.personId} appears twice`);
    seen.add(person.personId);
  }
}

const sortPairs = (pairs: readonly PairRef[] | undefined) =>
  [...(pairs ?? [])].sort((a, b) => (a.menteeId < b.menteeId ? -1 : a.menteeId > b.menteeId ? 1 : a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0));

export function compileMatching(input: MatchingInput): CompiledMatching {
  const config = resolveConfig(input.config);
  checkIds('mentee', input.mentees);
  checkIds('mentor', input.mentors);
  const mentees = [...input.mentees].sort(byPersonId);
  const mentors = [...input.mentors].sort(byPersonId);
  const n = mentees.length;
  const m = mentors.length;
  const menteeIndex = new Map(mentees.map((p, i) => [p.personId, i]));
  const mentorIndex = new Map(mentors.map((p, j) => [p.personId, j]));
  const constraints = input.constraints ?? {};

  const weightUnits = new Float64Array(CRITERIA.map((c) => config.weights[c] * SCALE));
  const maxUnits = weightUnits.reduce((sum, w) => sum + Math.round(w), 0);
  const minimumUnits = Math.max(1, Math.round(config.minimumScore * SCALE));
  const w = (criterion: Criterion) => weightUnits[CRITERIA.indexOf(criterion)]!;

  const vocab = {
    skills: new Vocabulary(), interests: new Vocabulary(), goals: new Vocabulary(),
    languages: new Vocabulary(), departments: new Vocabulary(), identities: new Vocabulary(),
  };
  const skills = listFeature(vocab.skills, mentees.map((p) => internAll(vocab.skills, p.skillsWanted)), mentors.map((p) => internAll(vocab.skills, p.skillsOffered)));
  const interests = listFeature(vocab.interests, mentees.map((p) => internAll(vocab.interests, p.interests)), mentors.map((p) => internAll(vocab.interests, p.interests)));
  const goals = listFeature(vocab.goals, mentees.map((p) => internAll(vocab.goals, p.goals)), mentors.map((p) => internAll(vocab.goals, p.goals)));
  const menteeLanguages = mentees.map((p) => internAll(vocab.languages, p.languages));
  const mentorLanguages = mentors.map((p) => internAll(vocab.languages, p.languages));
  const programLanguage = config.requiredLanguage ? vocab.languages.intern(config.requiredLanguage) : -1;
  const menteeRequiredLanguage = new Int32Array(mentees.map((p) => (p.requiredLanguage?.trim() ? vocab.languages.intern(p.requiredLanguage) : -1)));
  const languages = listFeature(vocab.languages, menteeLanguages, mentorLanguages);
  // Inclusion: only what the mentee opted into AND self-identified with; mentors only with consented answers.
  const inclusionLists = mentees.map((p) => {
    const own = new Set((p.selfIdentification ?? []).map(normalizeWord));
    return internAll(vocab.identities, (p.inclusionPreferences ?? []).filter((x) => own.has(normalizeWord(x))));
  });
  const inclusion = listFeature(vocab.identities, inclusionLists, mentors.map((p) => internAll(vocab.identities, p.selfIdentification)));

  const department = (p: MatchingProfile) => (p.department?.trim() ? vocab.departments.intern(p.department) : -1);
  const menteeDepartment = new Int32Array(mentees.map(department));
  // The mentees' words first, so that explanations use their spelling.
  const preferredDepartmentLists = mentees.map((p) => internAll(vocab.departments, p.preferences?.departments));
  const mentorDepartment = new Int32Array(mentors.map(department));

  // Time zones: people with the same (January, July) offsets share a class; the overlap table is per pair of classes.
  const classes = new Map<string, number>();
  const classOffsets: Array<[number, number]> = [];
  const zoneClass = (p: MatchingProfile) => {
    const offsets = seasonalOffsets(p);
    if (!offsets) return -1;
    const key = offsets.join(',');
    let id = classes.get(key);
    if (id === undefined) {
      id = classOffsets.length;
      classes.set(key, id);
      classOffsets.push(offsets);
    }
    return id;
  };
  const menteeZone = new Int32Array(mentees.map(zoneClass));
  const mentorZone = new Int32Array(mentors.map(zoneClass));
  const zoneClasses = classOffsets.length;
  const zoneUnits = new Float64Array(zoneClasses * zoneClasses);
  const zoneOverlapMinutes = new Float64Array(zoneClasses * zoneClasses);
  const windowStart = config.workingHours.start * 60;
  const windowLength = (config.workingHours.end - config.workingHours.start) * 60;
  for (let a = 0; a < zoneClasses; a++) {
    for (let b = 0; b < zoneClasses; b++) {
      // A window starting at 9:00 local starts at 9:00 − offset in UTC.
      const minutes = (circularOverlap(windowStart - classOffsets[a]![0], windowStart - classOffsets[b]![0], windowLength)
        + circularOverlap(windowStart - classOffsets[a]![1], windowStart - classOffsets[b]![1], windowLength)) / 2;
      zoneOverlapMinutes[a * zoneClasses + b] = minutes;
      zoneUnits[a * zoneClasses + b] = Math.round(w('timeZone') * (minutes / windowLength));
    }
  }

  // Preferences about the mentor.
  const preferenceCount = new Int32Array(n);
  const preferredMinYears = new Float64Array(n).fill(Number.NaN);
  const namedLists: Array<Array<[number, number]>> = [];
  mentees.forEach((p, i) => {
    const prefs = p.preferences ?? {};
    const depts = preferredDepartmentLists[i]!;
    const minYears = years(prefs.minYearsOfExperience);
    preferredMinYears[i] = minYears;
    const named = [...new Set((prefs.mentorIds ?? []).filter((id) => typeof id === 'string'))];
    // The first named mentor is worth the whole criterion, the last 1/k of it.
    namedLists.push(named.flatMap((id, rank) => (mentorIndex.has(id) ? [[mentorIndex.get(id)!, (named.length - rank) / named.length] as [number, number]] : [])));
    preferenceCount[i] = (depts.length > 0 ? 1 : 0) + (Number.isNaN(minYears) ? 0 : 1) + (named.length > 0 ? 1 : 0);
  });
  const namedStart = new Int32Array(n + 1);
  namedLists.forEach((list, i) => (namedStart[i + 1] = namedStart[i]! + list.length));
  const namedMentor = new Int32Array(namedStart[n]!);
  const namedValue = new Float64Array(namedStart[n]!);
  namedLists.forEach((list, i) => list.forEach(([j, value], k) => {
    namedMentor[namedStart[i]! + k] = j;
    namedValue[namedStart[i]! + k] = value;
  }));

  // Hard constraints.
  const mentorPaused = new Uint8Array(m);
  for (const id of constraints.pausedMentorIds ?? []) {
    const j = mentorIndex.get(id);
    if (j !== undefined) mentorPaused[j] = 1;
  }
  const mentorCapacity = new Int32Array(mentors.map((p) => {
    const capacity = constraints.capacities?.[p.personId] ?? config.defaultCapacity;
    if (!Number.isInteger(capacity) || capacity < 0) throw new MatchingInputError(`capacity of mentor ${p.personId} must be a whole number ≥ 0, got ${String(capacity)}`);
    return capacity;
  }));
  const speaks = (list: number[], language: number) => (language < 0 || list.includes(language) ? 1 : 0);
  const menteeSpeaksProgram = new Uint8Array(menteeLanguages.map((list) => speaks(list, programLanguage)));
  const mentorSpeaksProgram = new Uint8Array(mentorLanguages.map((list) => speaks(list, programLanguage)));

  // Pair-level blocks; when a pair has several, the earliest in BLOCKER_ORDER is kept.
  const blocks = new Map<number, Blocker>();
  const block = (i: number | undefined, j: number | undefined, blocker: Blocker) => {
    if (i === undefined || j === undefined) return;
    const key = i * m + j;
    const known = blocks.get(key);
    if (known === undefined || BLOCKER_ORDER.indexOf(blocker) < BLOCKER_ORDER.indexOf(known)) blocks.set(key, blocker);
  };
  mentees.forEach((p, i) => block(i, mentorIndex.get(p.personId), 'self'));
  for (const pair of constraints.excludedPairs ?? []) block(menteeIndex.get(pair.menteeId), mentorIndex.get(pair.mentorId), 'excluded');
  for (const pair of constraints.declinedPairs ?? []) block(menteeIndex.get(pair.menteeId), mentorIndex.get(pair.mentorId), 'declined');
  if (constraints.managerOf) {
    const managerOf = constraints.managerOf;
    // Above a mentee: any mentor in their chain; above a mentor: any mentee in theirs (either direction).
    mentees.forEach((p, i) => {
      for (const boss of managerChain(managerOf, p.personId)) block(i, mentorIndex.get(boss), 'reporting_line');
    });
    mentors.forEach((p, j) => {
      for (const boss of managerChain(managerOf, p.personId)) block(menteeIndex.get(boss), j, 'reporting_line');
    });
  }
  const blockLists: Array<Array<[number, Blocker]>> = Array.from({ length: n }, () => []);
  for (const [key, blocker] of [...blocks].sort((a, b) => a[0] - b[0])) blockLists[Math.floor(key / m)]!.push([key % m, blocker]);
  const blockedStart = new Int32Array(n + 1);
  blockLists.forEach((list, i) => (blockedStart[i + 1] = blockedStart[i]! + list.length));
  const blockedMentor = new Int32Array(blockedStart[n]!);
  const blockedBlocker = new Uint8Array(blockedStart[n]!);
  blockLists.forEach((list, i) => list.forEach(([j, blocker], k) => {
    blockedMentor[blockedStart[i]! + k] = j;
    blockedBlocker[blockedStart[i]! + k] = BLOCKER_ORDER.indexOf(blocker);
  }));

  const compiled: CompiledMatching = {
    config, mentees, mentors, n, m, menteeIndex, mentorIndex, weightUnits, maxUnits, minimumUnits, vocab,
    skills, interests, goals, languages, inclusion,
    skillUnits: fractionTable(skills.start, w('skills')),
    goalUnits: fractionTable(goals.start, w('goals')),
    inclusionUnits: fractionTable(inclusion.start, w('inclusion')),
    menteeDepartment, mentorDepartment,
    menteeYears: new Float64Array(mentees.map((p) => years(p.yearsOfExperience))),
    mentorYears: new Float64Array(mentors.map((p) => years(p.yearsOfExperience))),
    menteeZone, mentorZone, zoneClasses, zoneUnits, zoneOverlapMinutes,
    preferenceCount, preferredDepartments: csr(preferredDepartmentLists), preferredMinYears,
    namedMentors: { start: namedStart, mentor: namedMentor, value: namedValue },
    mentorCapacity, mentorRemaining: mentorCapacity.slice(), mentorPaused,
    programLanguage, menteeSpeaksProgram, mentorSpeaksProgram, menteeRequiredLanguage,
    blocked: { start: blockedStart, mentor: blockedMentor, blocker: blockedBlocker },
    menteeInPool: new Uint8Array(n).fill(1),
    published: [], locked: [], rejectedLocks: [],
  };
  applyFixedPairs(compiled, sortPairs(constraints.publishedPairs), sortPairs(constraints.locks));
  return compiled;
}

/** The first hard constraint a pair breaks, capacity aside (null when none). Scores are not looked at. */
export function hardBlocker(c: CompiledMatching, i: number, j: number): Blocker | null {
  let pairBlocker: Blocker | null = null;
  for (let k = c.blocked.start[i]!; k < c.blocked.start[i + 1]!; k++) {
    if (c.blocked.mentor[k] === j) pairBlocker = BLOCKER_ORDER[c.blocked.blocker[k]!]!;
  }
  if (pairBlocker === 'self') return pairBlocker;
  if (c.mentorPaused[j]) return 'paused';
  if (pairBlocker) return pairBlocker;
  if (!c.menteeSpeaksProgram[i] || !c.mentorSpeaksProgram[j]) return 'program_language';
  const required = c.menteeRequiredLanguage[i]!;
  if (required >= 0 && !hasBit(c.languages, j, required)) return 'mentee_language';
  return null;
}

/** Whether mentor j's set of a feature holds the item. */
export function hasBit(feature: ListFeature, j: number, id: number): boolean {
  return (feature.bits[j * feature.words + (id >> 5)]! & (1 << (id & 31))) !== 0;
}

/**
 * Published pairs are facts: they use capacity (even above a capacity lowered since) and take
 * their mentee out of the pool, whatever the constraints say today. Locks are admin decisions:
 * kept when they break no hard constraint and their mentor has room, in (mentee id, mentor id)
 * order, otherwise reported. A score, however low, never rejects a lock: the minimum score is a
 * preference of the program, not a hard constraint.
 */
function applyFixedPairs(c: CompiledMatching, published: PairRef[], locks: PairRef[]): void {
  for (const pair of published) {
    const i = c.menteeIndex.get(pair.menteeId);
    const j = c.mentorIndex.get(pair.mentorId);
    if (j !== undefined) c.mentorRemaining[j] = Math.max(0, c.mentorRemaining[j]! - 1);
    if (i !== undefined) c.menteeInPool[i] = 0;
    if (i !== undefined && j !== undefined) c.published.push({ mentee: i, mentor: j });
  }
  const seen = new Set<string>();
  for (const pair of locks) {
    const key = `${pair.menteeId}\u0000${pair.mentorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const i = c.menteeIndex.get(pair.menteeId);
    const j = c.mentorIndex.get(pair.mentorId);
    const reject = (blocker: RejectedLock['blocker'], explanation: string) => c.rejectedLocks.push({ menteeId: pair.menteeId, mentorId: pair.mentorId, blocker, explanation });
    if (i === undefined || j === undefined) {
      reject('unknown_person', `the lock names ${i === undefined ? `mentee ${pair.menteeId}` : `mentor ${pair.mentorId}`}, who is not in this program`);
      continue;
    }
    const mentee = c.mentees[i]!.name;
    const mentor = c.mentors[j]!.name;
    if (!c.menteeInPool[i]) {
      reject('mentee_already_matched', `${mentee} already has a mentor (a published pair or another lock)`);
      continue;
    }
    const blocker = hardBlocker(c, i, j) ?? (c.mentorRemaining[j]! <= 0 ? 'full' : null);
    if (blocker) {
      reject(blocker, lockRefusal(c, blocker, i, j, mentee, mentor));
      continue;
    }
    c.mentorRemaining[j]!--;
    c.menteeInPool[i] = 0;
    c.locked.push({ mentee: i, mentor: j });
  }
}

function lockRefusal(c: CompiledMatching, blocker: Blocker, i: number, j: number, mentee: string, mentor: string): string {
  switch (blocker) {
    case 'self': return `${mentee} cannot mentor themselves`;
    case 'paused': return `${mentor} has paused mentoring`;
    case 'full': return `${mentor} has no capacity left (${c.mentorCapacity[j]} in all)`;
    case 'excluded': return `an admin excluded ${mentee} and ${mentor} as a pair`;
    case 'declined': return `${mentee} and ${mentor} declined each other before`;
    case 'reporting_line': return `${mentee} and ${mentor} are in the same reporting line`;
    case 'program_language': return `the program requires ${languageName(c.vocab.languages.labels[c.programLanguage]!)}, which ${c.menteeSpeaksProgram[i] ? mentor : mentee} does not speak`;
    case 'mentee_language': return `${mentee} needs a mentor who speaks ${languageName(c.vocab.languages.labels[c.menteeRequiredLanguage[i]!]!)}`;
    default: return `${mentee} and ${mentor} cannot be paired`;
  }
}
