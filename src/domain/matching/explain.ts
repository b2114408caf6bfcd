/**
 * Words for scores and for absences: each criterion's contribution as a phrase about the mentor
 * ("shares 3 of the 4 skills Ana wants: negotiation, hiring, public speaking"), a pair's
 * explanation from its top contributions, and why someone was left unmatched ("no mentor with
 * capacity speaks Portuguese").
 *
 * Self-identification is confidential: an inclusion contribution says that a preference the mentee
 * opted into is met, never which identity it is.
 */
import { type CompiledMatching, SCALE } from './compile.ts';
import { type CriterionDetail, pairContributions } from './kernel.ts';
import { type Blocker, CRITERIA, type Contribution, type Criterion, type ScoredPair } from './types.ts';
import { hours, joinWords, languageName, plural } from './words.ts';

/** Who the sentences speak about: the admin reads "Ana wants", the mentee reads "you want". */
export interface Voice {
  /** "Ana" / "you" */
  mentee: string;
  /** "Ana's" / "your" */
  possessive: string;
  /** "wants" / "want" */
  wants: string;
  /** "is" / "are" */
  is: string;
  /** "has" / "have" */
  has: string;
  /** "does" / "do" */
  does: string;
}

export function adminVoice(menteeName: string): Voice {
  return { mentee: menteeName, possessive: `${menteeName}’s`, wants: 'wants', is: 'is', has: 'has', does: 'does' };
}

export const MENTEE_VOICE: Voice = { mentee: 'you', possessive: 'your', wants: 'want', is: 'are', has: 'have', does: 'do' };

const MAX_REASONS = 3;

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function zoneLabel(c: CompiledMatching, side: 'mentee' | 'mentor', index: number): string {
  const person = side === 'mentee' ? c.mentees[index]! : c.mentors[index]!;
  if (person.timeZone) return person.timeZone;
  const offset = person.utcOffsetMinutes ?? 0;
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "both", "all 3": every one of several. */
const all = (count: number) => (count === 2 ? 'both' : `all ${count}`);

/** The phrase for one criterion of a pair, or null when it adds nothing. */
export function criterionText(c: CompiledMatching, criterion: Criterion, detail: CriterionDetail, i: number, j: number, voice: Voice): string | null {
  if (detail.units <= 0) return null;
  const k = detail.items.length;
  const words = (labels: readonly string[]) => joinWords(detail.items.map((id) => labels[id]!));
  switch (criterion) {
    case 'skills': {
      const list = words(c.vocab.skills.labels);
      if (detail.outOf === 1) return `offers the skill ${voice.mentee} ${voice.wants}: ${list}`;
      if (k === detail.outOf) return `offers ${all(k)} skills ${voice.mentee} ${voice.wants}: ${list}`;
      return `shares ${k} of the ${detail.outOf} skills ${voice.mentee} ${voice.wants}: ${list}`;
    }
    case 'goals': {
      const list = words(c.vocab.goals.labels);
      if (detail.outOf === 1) return `can help with ${voice.possessive} goal: ${list}`;
      if (k === detail.outOf) return `can help with ${all(k)} of ${voice.possessive} goals: ${list}`;
      return `can help with ${k} of ${voice.possessive} ${detail.outOf} goals: ${list}`;
    }
    case 'interests':
      return `shares ${plural(k, 'interest')} with ${voice.mentee}: ${words(c.vocab.interests.labels)}`;
    case 'experience': {
      const mentorYears = c.mentorYears[j]!;
      const gap = mentorYears - c.menteeYears[i]!;
      const relation = gap >= 0 ? `${plural(Number(number(gap)), 'year')} more than ${voice.mentee}` : `${plural(Number(number(-gap)), 'year')} fewer than ${voice.mentee}`;
      const range = c.config.experienceGap;
      const within = detail.value >= 1 ? '' : ` (the program looks for ${number(range.min)}–${number(range.max)} more)`;
      return `has ${plural(Number(number(mentorYears)), 'year')} of experience, ${relation}${within}`;
    }
    case 'department': {
      const mine = c.vocab.departments.labels[c.menteeDepartment[i]!]!;
      const theirs = c.vocab.departments.labels[c.mentorDepartment[j]!]!;
      return c.config.departmentPreference === 'same'
        ? `works in the same function as ${voice.mentee} (${theirs})`
        : `brings another function’s view (${theirs}; ${voice.mentee} ${voice.is} in ${mine})`;
    }
    case 'timeZone': {
      const length = (c.config.workingHours.end - c.config.workingHours.start) * 60;
      const mine = zoneLabel(c, 'mentee', i);
      const theirs = zoneLabel(c, 'mentor', j);
      const where = mine === theirs ? '' : ` (${theirs} and ${mine})`;
      return `shares ${hours(detail.value * length)} of ${hours(length)} working hours with ${voice.mentee}${where}`;
    }
    case 'language':
      return `shares a language with ${voice.mentee}: ${joinWords(detail.items.map((id) => languageName(c.vocab.languages.labels[id]!)))}`;
    case 'preferences': {
      const parts: string[] = [];
      for (let s = c.namedMentors.start[i]!; s < c.namedMentors.start[i + 1]!; s++) {
        if (c.namedMentors.mentor[s] !== j) continue;
        parts.push(c.namedMentors.value[s] === 1 ? `is ${voice.possessive} first choice of mentor` : `is one of the mentors ${voice.mentee} asked for`);
      }
      if (detail.items.length > 0) parts.push(`comes from a function ${voice.mentee} asked for (${c.vocab.departments.labels[detail.items[0]!]})`);
      const minYears = c.preferredMinYears[i]!;
      if (c.mentorYears[j]! >= minYears) parts.push(`has the ${number(minYears)}+ years of experience ${voice.mentee} asked for`);
      return parts.length > 0 ? joinWords(parts) : null;
    }
    case 'inclusion': {
      const which = detail.outOf === 1 ? 'the inclusion preference' : k === detail.outOf ? `${all(k)} inclusion preferences` : `${k} of the ${detail.outOf} inclusion preferences`;
      return `matches ${which} ${voice.mentee} opted into`;
    }
  }
}

/** A pair scored and explained (hard constraints are not looked at here). */
export function explainPair(c: CompiledMatching, i: number, j: number, voice: Voice = adminVoice(c.mentees[i]!.name)): ScoredPair {
  const details = pairContributions(c, i, j);
  const contributions: Contribution[] = CRITERIA.map((criterion, k) => {
    const detail = details[k]!;
    return {
      criterion, value: detail.value, weight: c.config.weights[criterion], points: detail.units / SCALE,
      text: criterionText(c, criterion, detail, i, j, voice),
    };
  });
  const units = details.reduce((sum, d) => sum + d.units, 0);
  // Best first; on a tie, the criterion listed first in CRITERIA.
  const reasons = contributions
    .map((contribution, k) => ({ contribution, units: details[k]!.units, k }))
    .filter((x) => x.contribution.text !== null)
    .sort((a, b) => b.units - a.units || a.k - b.k)
    .slice(0, MAX_REASONS)
    .map((x) => x.contribution.text!);
  const mentor = c.mentors[j]!.name;
  const explanation = reasons.length === 0
    ? `${mentor} and ${voice.mentee} have nothing in common that the program weighs.`
    : `${mentor} ${reasons.length === 1 ? reasons[0] : `${reasons.slice(0, -1).join('; ')}; and ${reasons[reasons.length - 1]}`}.`;
  return {
    menteeId: c.mentees[i]!.personId, mentorId: c.mentors[j]!.personId,
    score: units / SCALE, fit: c.maxUnits > 0 ? units / c.maxUnits : 0, contributions, reasons, explanation,
  };
}

/** How people on the other side were ruled out, as counted by their first blocker. */
export type BlockerCounts = Partial<Record<Blocker, number>>;

/** A blocker's phrase about mentors, for a mentee: [one, several]. */
function mentorPhrase(c: CompiledMatching, blocker: Blocker, i: number, voice: Voice): [string, string] {
  const name = voice.mentee;
  switch (blocker) {
    case 'self': return [`is ${name} themself`, `are ${name} themself`];
    case 'paused': return ['has paused', 'have paused'];
    case 'full': return ['is full', 'are full'];
    case 'excluded': return [`was excluded for ${name} by an admin`, `were excluded for ${name} by an admin`];
    case 'declined': return [`declined or was declined by ${name} before`, `declined or were declined by ${name} before`];
    case 'reporting_line': return [`is in ${voice.possessive} reporting line`, `are in ${voice.possessive} reporting line`];
    case 'program_language': {
      const language = languageName(c.vocab.languages.labels[c.programLanguage]!);
      return c.menteeSpeaksProgram[i]
        ? [`does not speak ${language}`, `do not speak ${language}`]
        : [`needs ${language}, which ${name} ${voice.does} not speak`, `need ${language}, which ${name} ${voice.does} not speak`];
    }
    case 'mentee_language': {
      const language = languageName(c.vocab.languages.labels[c.menteeRequiredLanguage[i]!]!);
      return [`does not speak ${language}`, `do not speak ${language}`];
    }
    case 'no_common_ground': return [`has nothing in common with ${name}`, `have nothing in common with ${name}`];
    case 'below_minimum': return [`scores under the program’s minimum with ${name}`, `score under the program’s minimum with ${name}`];
  }
}

/** How mentors were ruled out for mentee `i`, most common first: "2 are full, 1 has paused" ('' when none were). */
export function mentorBreakdown(c: CompiledMatching, i: number, counts: BlockerCounts, voice: Voice): string {
  return breakdown(counts, (blocker) => mentorPhrase(c, blocker, i, voice));
}

/** A blocker's phrase about mentees, for a mentor: [one, several]. */
function menteePhrase(c: CompiledMatching, blocker: Blocker, name: string, languages: ReadonlySet<number>): [string, string] {
  switch (blocker) {
    case 'self': return [`is ${name} themself`, `are ${name} themself`];
    case 'excluded': return [`was excluded for ${name} by an admin`, `were excluded for ${name} by an admin`];
    case 'declined': return [`declined or was declined by ${name} before`, `declined or were declined by ${name} before`];
    case 'reporting_line': return [`is in ${name}’s reporting line`, `are in ${name}’s reporting line`];
    case 'program_language': {
      const language = languageName(c.vocab.languages.labels[c.programLanguage]!);
      return [`does not speak ${language}`, `do not speak ${language}`];
    }
    case 'mentee_language': {
      const language = languages.size === 1 ? languageName(c.vocab.languages.labels[[...languages][0]!]!) : 'another language';
      return [`needs a mentor who speaks ${language}`, `need a mentor who speaks ${language}`];
    }
    case 'no_common_ground': return [`has nothing in common with ${name}`, `have nothing in common with ${name}`];
    case 'below_minimum': return [`scores under the program’s minimum with ${name}`, `score under the program’s minimum with ${name}`];
    default: return ['cannot be paired', 'cannot be paired'];
  }
}

function breakdown(counts: BlockerCounts, phrase: (blocker: Blocker) => [string, string]): string {
  return (Object.entries(counts) as Array<[Blocker, number]>)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([blocker, count]) => `${count.toLocaleString('en-US')} ${phrase(blocker)[count === 1 ? 0 : 1]}`)
    .join(', ');
}

/**
 * Why a mentee has no mentor. `taken`: mentors who could take them, all full by the end. `roomy`:
 * how the mentors who still had room were ruled out. `all`: how every mentor was ruled out (when
 * none could take them at all).
 */
export function menteeReason(c: CompiledMatching, i: number, taken: number, roomy: BlockerCounts, all: BlockerCounts): string {
  const name = c.mentees[i]!.name;
  const voice = adminVoice(name);
  const phrase = (blocker: Blocker) => mentorPhrase(c, blocker, i, voice);
  if (c.m === 0) return 'the program has no mentors yet';
  const roomyKinds = Object.keys(roomy) as Blocker[];
  const roomyTotal = Object.values(roomy).reduce((a, b) => a + b, 0);
  const single = roomyKinds.length === 1 ? roomyKinds[0]! : null;
  const specific = (blocker: Blocker): string | null => {
    switch (blocker) {
      case 'program_language':
        if (!c.menteeSpeaksProgram[i]) return `${name} does not speak ${languageName(c.vocab.languages.labels[c.programLanguage]!)}, which the program requires`;
        return `no mentor with capacity speaks ${languageName(c.vocab.languages.labels[c.programLanguage]!)}`;
      case 'mentee_language': return `no mentor with capacity speaks ${languageName(c.vocab.languages.labels[c.menteeRequiredLanguage[i]!]!)}`;
      case 'reporting_line': return `the only mentors with capacity are in ${name}’s reporting line`;
      case 'excluded': return `an admin excluded every mentor with capacity for ${name}`;
      case 'declined': return `${name} and every mentor with capacity declined each other before`;
      case 'no_common_ground': return `${name} has nothing in common with any mentor with capacity`;
      case 'below_minimum': return `no mentor with capacity reaches the program’s minimum score of ${number(c.config.minimumScore)} with ${name}`;
      case 'self': return `the only mentor with capacity is ${name}`;
      default: return null;
    }
  };
  // Not speaking the program's language rules out every mentor, whatever else also stands in the way.
  if (!c.menteeSpeaksProgram[i]) return specific('program_language')!;
  if (taken > 0) {
    const full = taken === 1 ? `the one mentor who could take ${name} is full` : `all ${taken.toLocaleString('en-US')} mentors who could take ${name} are full`;
    if (roomyTotal === 0) return full;
    return `${full}; ${single ? specific(single) : `of the ${roomyTotal} with room, ${breakdown(roomy, phrase)}`}`;
  }
  // Nobody could take them at all: name the one reason when there is one, else count them.
  const kinds = (Object.keys(all) as Blocker[]).filter((blocker) => (all[blocker] ?? 0) > 0);
  const only = roomyTotal > 0 && single ? single : kinds.length === 1 ? kinds[0]! : null;
  if (only === 'paused') return 'every mentor has paused';
  if (only === 'full') return 'no mentor has capacity left';
  if (only) return specific(only)!;
  return `no mentor can take ${name}: ${breakdown(all, phrase)}`;
}

/** Why a mentor has no mentee (`taken`: mentees who could have been theirs, all matched elsewhere). */
export function mentorReason(c: CompiledMatching, j: number, poolSize: number, taken: number, counts: BlockerCounts, languages: ReadonlySet<number>): { reason: 'paused' | 'no_capacity' | 'no_mentees' | 'taken' | 'blocked'; text: string } {
  const name = c.mentors[j]!.name;
  if (c.mentorPaused[j]) return { reason: 'paused', text: `${name} has paused mentoring` };
  if (c.mentorRemaining[j]! <= 0) return { reason: 'no_capacity', text: `${name} has no capacity in this program` };
  if (!c.mentorSpeaksProgram[j]) {
    return { reason: 'blocked', text: `${name} does not speak ${languageName(c.vocab.languages.labels[c.programLanguage]!)}, which the program requires` };
  }
  if (poolSize === 0) return { reason: 'no_mentees', text: 'no mentee is waiting for a mentor' };
  if (taken > 0) {
    const who = taken === 1 ? `the one mentee who could be paired with ${name} was` : `all ${taken.toLocaleString('en-US')} mentees who could be paired with ${name} were`;
    return { reason: 'taken', text: `${who} matched with other mentors, which made the whole assignment better` };
  }
  return { reason: 'blocked', text: `no mentee can be paired with ${name}: ${breakdown(counts, (blocker) => menteePhrase(c, blocker, name, languages))}` };
}
