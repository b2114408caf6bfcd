/**
 * The score of a pair, three ways that must agree to the unit: `RowScorer.row` scores one mentee
 * against every mentor (the hot loop: at 20,000 × 5,000 it covers 100 million pairs),
 * `RowScorer.score` one pair at a time (for the optimality check), `pairContributions` one pair
 * criterion by criterion (for explanations). A test holds them equal on random programs.
 *
 * Criteria (each a value in [0, 1] times its weight, rounded to a unit):
 *   skills       skills the mentee wants that the mentor offers / skills the mentee wants
 *   goals        the mentee's goals the mentor can help with / the mentee's goals
 *   interests    shared interests / the shorter of the two lists
 *   experience   1 when mentor − mentee years is within the program's range, falling to 0 `tolerance` years outside
 *   department   1 when the pair is as the program prefers (same or different function; both known)
 *   timeZone     working hours in common / working hours (January and July averaged)
 *   language     1 when they share a language
 *   preferences  mean of the preferences the mentee stated: named this mentor (1 for the first named,
 *                1/k for the k-th of k), a department they asked for, at least the years they asked for
 *   inclusion    identities the mentee opted to share with a mentor that the mentor shares / those identities
 */
import { type CompiledMatching, experienceValue, hardBlocker, hasBit } from './compile.ts';
import type { Blocker } from './types.ts';

/** Criterion indices, in CRITERIA order. */
const SKILLS = 0, GOALS = 1, INTERESTS = 2, EXPERIENCE = 3, DEPARTMENT = 4, TIME_ZONE = 5, LANGUAGE = 6, PREFERENCES = 7, INCLUSION = 8;

export class RowScorer {
  private readonly c: CompiledMatching;
  private readonly stamp: Int32Array;
  private readonly named: Float64Array;
  /** Shared-item counts per mentor for row(): skills, goals, interests, identities (4 × m). */
  private readonly counts: Uint16Array;
  private tag = 0;
  private mentee = -1;
  // The current mentee's data, read once by begin() so that score() touches only the mentor's.
  private speaks = false;
  private skillFrom = 0; private skillTo = 0; private skillBase = 0;
  private goalFrom = 0; private goalTo = 0; private goalBase = 0;
  private interestFrom = 0; private interestTo = 0;
  private languageFrom = 0; private languageTo = 0;
  private inclusionFrom = 0; private inclusionTo = 0; private inclusionBase = 0;
  private required = -1;
  private department = -1;
  private years = 0;
  private zoneRow = -1;
  private preferences = 0; private preferredFrom = 0; private preferredTo = 0; private minYears = 0;
  private readonly departmentMode: number;
  private readonly wInterests: number;
  private readonly wLanguage: number;
  private readonly wDepartment: number;
  private readonly wExperience: number;
  private readonly wPreferences: number;
  private readonly gapMin: number; private readonly gapMax: number; private readonly gapTolerance: number;

  constructor(c: CompiledMatching) {
    this.c = c;
    this.stamp = new Int32Array(c.m);
    this.named = new Float64Array(c.m);
    this.counts = new Uint16Array(4 * c.m);
    this.departmentMode = c.config.departmentPreference === 'same' ? 1 : c.config.departmentPreference === 'different' ? 2 : 0;
    this.wInterests = c.weightUnits[INTERESTS]!;
    this.wLanguage = Math.round(c.weightUnits[LANGUAGE]!);
    this.wDepartment = Math.round(c.weightUnits[DEPARTMENT]!);
    this.wExperience = c.weightUnits[EXPERIENCE]!;
    this.wPreferences = c.weightUnits[PREFERENCES]!;
    this.gapMin = c.config.experienceGap.min;
    this.gapMax = c.config.experienceGap.max;
    this.gapTolerance = c.config.experienceGap.tolerance;
  }

  /** Prepares scoring mentee i against mentors (call end() after). */
  begin(i: number): void {
    const c = this.c;
    this.mentee = i;
    const tag = ++this.tag;
    for (let k = c.blocked.start[i]!; k < c.blocked.start[i + 1]!; k++) this.stamp[c.blocked.mentor[k]!] = tag;
    for (let k = c.namedMentors.start[i]!; k < c.namedMentors.start[i + 1]!; k++) this.named[c.namedMentors.mentor[k]!] = c.namedMentors.value[k]!;
    this.speaks = c.menteeSpeaksProgram[i] === 1;
    this.skillFrom = c.skills.start[i]!; this.skillTo = c.skills.start[i + 1]!; this.skillBase = this.skillFrom + i;
    this.goalFrom = c.goals.start[i]!; this.goalTo = c.goals.start[i + 1]!; this.goalBase = this.goalFrom + i;
    this.interestFrom = c.interests.start[i]!; this.interestTo = c.interests.start[i + 1]!;
    this.languageFrom = c.languages.start[i]!; this.languageTo = c.languages.start[i + 1]!;
    this.inclusionFrom = c.inclusion.start[i]!; this.inclusionTo = c.inclusion.start[i + 1]!; this.inclusionBase = this.inclusionFrom + i;
    this.required = c.menteeRequiredLanguage[i]!;
    this.department = c.menteeDepartment[i]!;
    this.years = c.menteeYears[i]!;
    this.zoneRow = c.menteeZone[i]! >= 0 ? c.menteeZone[i]! * c.zoneClasses : -1;
    this.preferences = c.preferenceCount[i]!;
    this.preferredFrom = c.preferredDepartments.start[i]!; this.preferredTo = c.preferredDepartments.start[i + 1]!;
    this.minYears = c.preferredMinYears[i]!;
  }

  end(): void {
    const c = this.c, i = this.mentee;
    for (let k = c.namedMentors.start[i]!; k < c.namedMentors.start[i + 1]!; k++) this.named[c.namedMentors.mentor[k]!] = 0;
    this.mentee = -1;
  }

  /**
   * Units of the pair (current mentee, mentor j) when it may be proposed, -1 when not: a hard
   * constraint, a mentor paused or without capacity left, or a score under the minimum.
   */
  score(j: number): number {
    const c = this.c;
    if (!this.speaks || c.mentorPaused[j] || c.mentorRemaining[j]! <= 0 || !c.mentorSpeaksProgram[j] || this.stamp[j] === this.tag) return -1;
    const required = this.required;
    if (required >= 0 && !(c.languages.bits[j * c.languages.words + (required >> 5)]! & (1 << (required & 31)))) return -1;
    const units = this.units(j);
    return units >= c.minimumUnits ? units : -1;
  }

  /**
   * The current mentee's first blocker with mentor j, or null when the pair may be proposed: the
   * same order and meaning as pairBlocker(), without building the explanation's details.
   */
  blocker(j: number): Blocker | null {
    const c = this.c;
    const hard = hardBlocker(c, this.mentee, j);
    if (hard === 'self' || hard === 'paused') return hard;
    if (c.mentorRemaining[j]! <= 0) return 'full';
    if (hard) return hard;
    const units = this.units(j);
    return units <= 0 ? 'no_common_ground' : units < c.minimumUnits ? 'below_minimum' : null;
  }

  /** The pair's score in units, hard constraints and the minimum aside. */
  private units(j: number): number {
    const c = this.c;
    let units = 0;
    if (this.skillTo > this.skillFrom) {
      const items = c.skills.items, bits = c.skills.bits, base = j * c.skills.words;
      let k = 0;
      for (let s = this.skillFrom; s < this.skillTo; s++) {
        const id = items[s]!;
        if (bits[base + (id >> 5)]! & (1 << (id & 31))) k++;
      }
      units += c.skillUnits[this.skillBase + k]!;
    }
    if (this.goalTo > this.goalFrom) {
      const items = c.goals.items, bits = c.goals.bits, base = j * c.goals.words;
      let k = 0;
      for (let s = this.goalFrom; s < this.goalTo; s++) {
        const id = items[s]!;
        if (bits[base + (id >> 5)]! & (1 << (id & 31))) k++;
      }
      units += c.goalUnits[this.goalBase + k]!;
    }
    if (this.interestTo > this.interestFrom) {
      const items = c.interests.items, bits = c.interests.bits, base = j * c.interests.words;
      let k = 0;
      for (let s = this.interestFrom; s < this.interestTo; s++) {
        const id = items[s]!;
        if (bits[base + (id >> 5)]! & (1 << (id & 31))) k++;
      }
      if (k > 0) units += Math.round((this.wInterests * k) / Math.min(this.interestTo - this.interestFrom, c.interests.mentorCount[j]!));
    }
    // Experience (experienceValue, inlined: NaN gaps fail every comparison and score 0).
    const gap = c.mentorYears[j]! - this.years;
    if (gap >= this.gapMin && gap <= this.gapMax) units += Math.round(this.wExperience);
    else if (this.gapTolerance > 0 && gap === gap) {
      const value = 1 - (gap < this.gapMin ? this.gapMin - gap : gap - this.gapMax) / this.gapTolerance;
      if (value > 0) units += Math.round(this.wExperience * value);
    }
    if (this.departmentMode !== 0 && this.department >= 0) {
      const theirs = c.mentorDepartment[j]!;
      if (theirs >= 0 && (this.departmentMode === 1 ? theirs === this.department : theirs !== this.department)) units += this.wDepartment;
    }
    if (this.zoneRow >= 0 && c.mentorZone[j]! >= 0) units += c.zoneUnits[this.zoneRow + c.mentorZone[j]!]!;
    if (this.languageTo > this.languageFrom) {
      const items = c.languages.items, bits = c.languages.bits, base = j * c.languages.words;
      for (let s = this.languageFrom; s < this.languageTo; s++) {
        const id = items[s]!;
        if (bits[base + (id >> 5)]! & (1 << (id & 31))) {
          units += this.wLanguage;
          break;
        }
      }
    }
    if (this.preferences > 0) {
      let met = this.named[j]!;
      const theirs = c.mentorDepartment[j]!;
      for (let s = this.preferredFrom; s < this.preferredTo; s++) {
        if (c.preferredDepartments.items[s] === theirs) {
          met += 1;
          break;
        }
      }
      if (c.mentorYears[j]! >= this.minYears) met += 1; // false when either is NaN
      units += Math.round(this.wPreferences * (met / this.preferences));
    }
    if (this.inclusionTo > this.inclusionFrom) {
      const items = c.inclusion.items, bits = c.inclusion.bits, base = j * c.inclusion.words;
      let k = 0;
      for (let s = this.inclusionFrom; s < this.inclusionTo; s++) {
        const id = items[s]!;
        if (bits[base + (id >> 5)]! & (1 << (id & 31))) k++;
      }
      units += c.inclusionUnits[this.inclusionBase + k]!;
    }
    return units;
  }

  /**
   * out[j] = score(j) for every mentor j, faster: shared skills, goals, interests and identities
   * are counted by walking each of the mentee's items' mentors (an inverted index) instead of
   * testing every mentor's bits, then one pass adds up the criteria. A test holds it equal to score().
   */
  row(i: number, out: Int32Array): void {
    const c = this.c, m = c.m;
    const counts = this.counts;
    this.begin(i);
    const scatter = (feature: CompiledMatching['skills'], from: number, to: number, offset: number) => {
      for (let s = from; s < to; s++) {
        const id = feature.items[s]!;
        for (let h = feature.holderStart[id]!, end = feature.holderStart[id + 1]!; h < end; h++) counts[offset + feature.holders[h]!]!++;
      }
    };
    scatter(c.skills, this.skillFrom, this.skillTo, 0);
    scatter(c.goals, this.goalFrom, this.goalTo, m);
    scatter(c.interests, this.interestFrom, this.interestTo, 2 * m);
    scatter(c.inclusion, this.inclusionFrom, this.inclusionTo, 3 * m);
    const paused = c.mentorPaused, remaining = c.mentorRemaining, speaksProgram = c.mentorSpeaksProgram, stamp = this.stamp, tag = this.tag;
    const required = this.required, languageBits = c.languages.bits, languageWords = c.languages.words;
    const skillUnits = c.skillUnits, skillBase = this.skillBase, goalUnits = c.goalUnits, goalBase = this.goalBase;
    const inclusionUnits = c.inclusionUnits, inclusionBase = this.inclusionBase;
    const interestLength = this.interestTo - this.interestFrom, interestCount = c.interests.mentorCount, wInterests = this.wInterests;
    const mentorYears = c.mentorYears, years = this.years, gapMin = this.gapMin, gapMax = this.gapMax, gapTolerance = this.gapTolerance, wExperience = this.wExperience;
    const wExperienceFull = Math.round(wExperience);
    const departmentMode = this.departmentMode, department = this.department, mentorDepartment = c.mentorDepartment, wDepartment = this.wDepartment;
    const zoneRow = this.zoneRow, mentorZone = c.mentorZone, zoneUnits = c.zoneUnits;
    const languageItems = c.languages.items, languageFrom = this.languageFrom, languageTo = this.languageTo, wLanguage = this.wLanguage;
    const preferences = this.preferences, named = this.named, preferredItems = c.preferredDepartments.items, preferredFrom = this.preferredFrom, preferredTo = this.preferredTo;
    const minYears = this.minYears, wPreferences = this.wPreferences, minimum = c.minimumUnits;
    const canSpeak = this.speaks;
    for (let j = 0; j < m; j++) {
      if (!canSpeak || paused[j] || remaining[j]! <= 0 || !speaksProgram[j] || stamp[j] === tag
        || (required >= 0 && !(languageBits[j * languageWords + (required >> 5)]! & (1 << (required & 31))))) {
        out[j] = -1;
        continue;
      }
      let units = skillUnits[skillBase + counts[j]!]! + goalUnits[goalBase + counts[m + j]!]! + inclusionUnits[inclusionBase + counts[3 * m + j]!]!;
      const k = counts[2 * m + j]!;
      if (k > 0) units += Math.round((wInterests * k) / Math.min(interestLength, interestCount[j]!));
      const gap = mentorYears[j]! - years;
      if (gap >= gapMin && gap <= gapMax) units += wExperienceFull;
      else if (gapTolerance > 0 && gap === gap) {
        const value = 1 - (gap < gapMin ? gapMin - gap : gap - gapMax) / gapTolerance;
        if (value > 0) units += Math.round(wExperience * value);
      }
      if (departmentMode !== 0 && department >= 0) {
        const theirs = mentorDepartment[j]!;
        if (theirs >= 0 && (departmentMode === 1 ? theirs === department : theirs !== department)) units += wDepartment;
      }
      if (zoneRow >= 0 && mentorZone[j]! >= 0) units += zoneUnits[zoneRow + mentorZone[j]!]!;
      const base = j * languageWords;
      for (let s = languageFrom; s < languageTo; s++) {
        const id = languageItems[s]!;
        if (languageBits[base + (id >> 5)]! & (1 << (id & 31))) {
          units += wLanguage;
          break;
        }
      }
      if (preferences > 0) {
        let met = named[j]!;
        const theirs = mentorDepartment[j]!;
        for (let s = preferredFrom; s < preferredTo; s++) {
          if (preferredItems[s] === theirs) {
            met += 1;
            break;
          }
        }
        if (mentorYears[j]! >= minYears) met += 1;
        units += Math.round(wPreferences * (met / preferences));
      }
      out[j] = units >= minimum ? units : -1;
    }
    counts.fill(0);
    this.end();
  }

}

/** What one criterion found for a pair: its value, its units and the items behind it (interned ids). */
export interface CriterionDetail {
  value: number;
  units: number;
  /** Ids of matched items (skills, goals, interests, languages, inclusion) or preferred departments met. */
  items: number[];
  /** The list the value is a share of (skills wanted, goals, …), when there is one. */
  outOf: number;
}

const ids = (items: Int32Array, from: number, to: number) => Array.from(items.subarray(from, to));

/** Every criterion of one pair, scored exactly as `RowScorer.row` scores it (hard constraints aside). */
export function pairContributions(c: CompiledMatching, i: number, j: number): CriterionDetail[] {
  const shared = (feature: CompiledMatching['skills']) => ids(feature.items, feature.start[i]!, feature.start[i + 1]!).filter((id) => hasBit(feature, j, id));
  const details: CriterionDetail[] = [];
  const fraction = (feature: CompiledMatching['skills'], table: Float64Array): CriterionDetail => {
    const items = shared(feature);
    const outOf = feature.start[i + 1]! - feature.start[i]!;
    return { value: outOf === 0 ? 0 : items.length / outOf, units: outOf === 0 ? 0 : table[feature.start[i]! + i + items.length]!, items, outOf };
  };
  details[SKILLS] = fraction(c.skills, c.skillUnits);
  details[GOALS] = fraction(c.goals, c.goalUnits);
  {
    const items = shared(c.interests);
    const outOf = Math.min(c.interests.start[i + 1]! - c.interests.start[i]!, c.interests.mentorCount[j]!);
    const units = items.length > 0 ? Math.round((c.weightUnits[INTERESTS]! * items.length) / outOf) : 0;
    details[INTERESTS] = { value: items.length > 0 ? items.length / outOf : 0, units, items, outOf };
  }
  {
    const value = experienceValue(c.mentorYears[j]! - c.menteeYears[i]!, c.config.experienceGap);
    details[EXPERIENCE] = { value, units: Math.round(c.weightUnits[EXPERIENCE]! * value), items: [], outOf: 0 };
  }
  {
    const mine = c.menteeDepartment[i]!, theirs = c.mentorDepartment[j]!, mode = c.config.departmentPreference;
    const met = mode !== 'none' && mine >= 0 && theirs >= 0 && (mode === 'same' ? mine === theirs : mine !== theirs);
    details[DEPARTMENT] = { value: met ? 1 : 0, units: met ? Math.round(c.weightUnits[DEPARTMENT]!) : 0, items: [], outOf: 0 };
  }
  {
    const a = c.menteeZone[i]!, b = c.mentorZone[j]!;
    const known = a >= 0 && b >= 0;
    const minutes = known ? c.zoneOverlapMinutes[a * c.zoneClasses + b]! : 0;
    const length = (c.config.workingHours.end - c.config.workingHours.start) * 60;
    details[TIME_ZONE] = { value: minutes / length, units: known ? c.zoneUnits[a * c.zoneClasses + b]! : 0, items: [], outOf: 0 };
  }
  {
    const items = shared(c.languages);
    details[LANGUAGE] = { value: items.length > 0 ? 1 : 0, units: items.length > 0 ? Math.round(c.weightUnits[LANGUAGE]!) : 0, items, outOf: 0 };
  }
  {
    const count = c.preferenceCount[i]!;
    let met = 0;
    const items: number[] = [];
    for (let k = c.namedMentors.start[i]!; k < c.namedMentors.start[i + 1]!; k++) if (c.namedMentors.mentor[k] === j) met += c.namedMentors.value[k]!;
    const theirs = c.mentorDepartment[j]!;
    if (theirs >= 0 && ids(c.preferredDepartments.items, c.preferredDepartments.start[i]!, c.preferredDepartments.start[i + 1]!).includes(theirs)) {
      met += 1;
      items.push(theirs);
    }
    if (c.mentorYears[j]! >= c.preferredMinYears[i]!) met += 1;
    details[PREFERENCES] = { value: count > 0 ? met / count : 0, units: count > 0 ? Math.round(c.weightUnits[PREFERENCES]! * (met / count)) : 0, items, outOf: count };
  }
  details[INCLUSION] = fraction(c.inclusion, c.inclusionUnits);
  return details;
}

/** Units of a pair (the sum of its contributions). */
export function pairUnits(c: CompiledMatching, i: number, j: number): number {
  return pairContributions(c, i, j).reduce((sum, d) => sum + d.units, 0);
}

/**
 * The first reason the pair cannot be proposed, or null when it can. `full` means the mentor has
 * no capacity left for new pairs (published pairs and locks used it).
 */
export function pairBlocker(c: CompiledMatching, i: number, j: number): Blocker | null {
  const hard = hardBlocker(c, i, j);
  if (hard === 'self' || hard === 'paused') return hard;
  if (c.mentorRemaining[j]! <= 0) return 'full';
  if (hard) return hard;
  const units = pairUnits(c, i, j);
  if (units <= 0) return 'no_common_ground';
  if (units < c.minimumUnits) return 'below_minimum';
  return null;
}
