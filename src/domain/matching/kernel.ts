/**
 * The score of a pair, two ways that must agree to the unit: `scoreRow` scores one mentee against
 * every mentor (the hot loop: at 20,000 × 5,000 it runs 100 million times), `pairContributions`
 * scores one pair criterion by criterion for explanations. A property test holds them equal.
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
  private readonly stamp: Int32Array;
  private readonly named: Float64Array;
  private tag = 0;

  constructor(private readonly c: CompiledMatching) {
    this.stamp = new Int32Array(c.m);
    this.named = new Float64Array(c.m);
  }

  /**
   * out[j] = units of the pair (mentee i, mentor j) when it may be proposed, -1 when not: a hard
   * constraint, a mentor paused or without capacity left, or a score under the minimum.
   */
  row(i: number, out: Int32Array): void {
    const c = this.c;
    const m = c.m;
    if (!c.menteeSpeaksProgram[i]) {
      out.fill(-1, 0, m);
      return;
    }
    const tag = ++this.tag;
    const stamp = this.stamp;
    for (let k = c.blocked.start[i]!; k < c.blocked.start[i + 1]!; k++) stamp[c.blocked.mentor[k]!] = tag;
    const named = this.named;
    const namedFrom = c.namedMentors.start[i]!, namedTo = c.namedMentors.start[i + 1]!;
    for (let k = namedFrom; k < namedTo; k++) named[c.namedMentors.mentor[k]!] = c.namedMentors.value[k]!;

    const skillItems = c.skills.items, skillBits = c.skills.bits, skillWords = c.skills.words;
    const skillFrom = c.skills.start[i]!, skillTo = c.skills.start[i + 1]!, skillTable = c.skillUnits, skillBase = skillFrom + i;
    const goalItems = c.goals.items, goalBits = c.goals.bits, goalWords = c.goals.words;
    const goalFrom = c.goals.start[i]!, goalTo = c.goals.start[i + 1]!, goalTable = c.goalUnits, goalBase = goalFrom + i;
    const interestItems = c.interests.items, interestBits = c.interests.bits, interestWords = c.interests.words, interestCount = c.interests.mentorCount;
    const interestFrom = c.interests.start[i]!, interestTo = c.interests.start[i + 1]!, interestLength = interestTo - interestFrom;
    const wInterests = c.weightUnits[INTERESTS]!;
    const languageItems = c.languages.items, languageBits = c.languages.bits, languageWords = c.languages.words;
    const languageFrom = c.languages.start[i]!, languageTo = c.languages.start[i + 1]!;
    const wLanguage = Math.round(c.weightUnits[LANGUAGE]!);
    const inclusionItems = c.inclusion.items, inclusionBits = c.inclusion.bits, inclusionWords = c.inclusion.words;
    const inclusionFrom = c.inclusion.start[i]!, inclusionTo = c.inclusion.start[i + 1]!, inclusionTable = c.inclusionUnits, inclusionBase = inclusionFrom + i;
    const required = c.menteeRequiredLanguage[i]!;
    const department = c.menteeDepartment[i]!, mentorDepartment = c.mentorDepartment;
    const departmentMode = c.config.departmentPreference === 'same' ? 1 : c.config.departmentPreference === 'different' ? 2 : 0;
    const wDepartment = Math.round(c.weightUnits[DEPARTMENT]!);
    const menteeYears = c.menteeYears[i]!, mentorYears = c.mentorYears;
    const range = c.config.experienceGap, wExperience = c.weightUnits[EXPERIENCE]!;
    const zone = c.menteeZone[i]!, zoneRow = zone * c.zoneClasses, zoneUnits = c.zoneUnits, mentorZone = c.mentorZone;
    const preferences = c.preferenceCount[i]!, wPreferences = c.weightUnits[PREFERENCES]!;
    const preferredFrom = c.preferredDepartments.start[i]!, preferredTo = c.preferredDepartments.start[i + 1]!, preferredItems = c.preferredDepartments.items;
    const minYears = c.preferredMinYears[i]!;
    const paused = c.mentorPaused, remaining = c.mentorRemaining, speaksProgram = c.mentorSpeaksProgram;
    const minimum = c.minimumUnits;

    for (let j = 0; j < m; j++) {
      if (paused[j] || remaining[j]! <= 0 || !speaksProgram[j] || stamp[j] === tag) {
        out[j] = -1;
        continue;
      }
      if (required >= 0 && !(languageBits[j * languageWords + (required >> 5)]! & (1 << (required & 31)))) {
        out[j] = -1;
        continue;
      }
      let units = 0;
      if (skillTo > skillFrom) {
        let k = 0;
        const base = j * skillWords;
        for (let s = skillFrom; s < skillTo; s++) {
          const id = skillItems[s]!;
          if (skillBits[base + (id >> 5)]! & (1 << (id & 31))) k++;
        }
        units += skillTable[skillBase + k]!;
      }
      if (goalTo > goalFrom) {
        let k = 0;
        const base = j * goalWords;
        for (let s = goalFrom; s < goalTo; s++) {
          const id = goalItems[s]!;
          if (goalBits[base + (id >> 5)]! & (1 << (id & 31))) k++;
        }
        units += goalTable[goalBase + k]!;
      }
      if (interestLength > 0) {
        let k = 0;
        const base = j * interestWords;
        for (let s = interestFrom; s < interestTo; s++) {
          const id = interestItems[s]!;
          if (interestBits[base + (id >> 5)]! & (1 << (id & 31))) k++;
        }
        if (k > 0) units += Math.round((wInterests * k) / Math.min(interestLength, interestCount[j]!));
      }
      units += Math.round(wExperience * experienceValue(mentorYears[j]! - menteeYears, range));
      if (departmentMode !== 0 && department >= 0) {
        const theirs = mentorDepartment[j]!;
        if (theirs >= 0 && (departmentMode === 1 ? theirs === department : theirs !== department)) units += wDepartment;
      }
      if (zone >= 0 && mentorZone[j]! >= 0) units += zoneUnits[zoneRow + mentorZone[j]!]!;
      if (languageTo > languageFrom) {
        const base = j * languageWords;
        for (let s = languageFrom; s < languageTo; s++) {
          const id = languageItems[s]!;
          if (languageBits[base + (id >> 5)]! & (1 << (id & 31))) {
            units += wLanguage;
            break;
          }
        }
      }
      if (preferences > 0) {
        let met = named[j]!;
        if (preferredTo > preferredFrom) {
          const theirs = mentorDepartment[j]!;
          for (let s = preferredFrom; s < preferredTo; s++) {
            if (preferredItems[s] === theirs) {
              met += 1;
              break;
            }
          }
        }
        if (mentorYears[j]! >= minYears) met += 1; // false when either is NaN
        units += Math.round(wPreferences * (met / preferences));
      }
      if (inclusionTo > inclusionFrom) {
        let k = 0;
        const base = j * inclusionWords;
        for (let s = inclusionFrom; s < inclusionTo; s++) {
          const id = inclusionItems[s]!;
          if (inclusionBits[base + (id >> 5)]! & (1 << (id & 31))) k++;
        }
        units += inclusionTable[inclusionBase + k]!;
      }
      out[j] = units >= minimum ? units : -1;
    }
    for (let k = namedFrom; k < namedTo; k++) named[c.namedMentors.mentor[k]!] = 0;
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
