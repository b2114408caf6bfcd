/**
 * Generated mentoring programs with realistic profiles for the matching benchmark: an organization
 * of twelve functions, each a reporting tree (head → directors → managers → individual
 * contributors); mentors are its senior people (some manage mentees, so the reporting-line
 * constraint bites), mentees its juniors. Skills are partly general (leadership, public speaking),
 * partly of their function, with a few very popular ones; languages follow where people live;
 * some mentees name mentors they would like (a popular few get most of the requests), some opted
 * into inclusion preferences. Seeded: the same size and seed always give the same program.
 */
import type { MatchingInput, MatchingProfile, PairRef } from '../../src/domain/matching/index.ts';
import { Random } from '../lib/random.ts';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES } from '../lib/vocabulary.ts';

const GENERAL_SKILLS = [
  'leadership', 'public speaking', 'negotiation', 'hiring', 'giving feedback', 'delegation', 'stakeholder management', 'time management',
  'career planning', 'presenting to executives', 'conflict resolution', 'coaching others', 'strategic thinking', 'project management',
  'writing', 'networking', 'budgeting', 'change management', 'decision making', 'managing up',
];

const FUNCTION_SKILLS: Record<string, string[]> = {
  Engineering: ['system design', 'code review', 'python', 'cloud architecture', 'incident response', 'testing strategy', 'technical writing', 'performance tuning'],
  Product: ['roadmapping', 'user research', 'prioritization', 'product discovery', 'metrics', 'pricing'],
  Sales: ['prospecting', 'closing deals', 'account planning', 'forecasting', 'enterprise sales', 'sales engineering'],
  Marketing: ['brand strategy', 'content marketing', 'growth experiments', 'events', 'seo', 'positioning'],
  'Customer Success': ['onboarding customers', 'renewals', 'escalation handling', 'customer health', 'support operations'],
  Operations: ['process improvement', 'vendor management', 'logistics', 'lean', 'procurement'],
  Finance: ['financial modelling', 'fp&a', 'accounting', 'audit', 'treasury', 'investor relations'],
  People: ['talent acquisition', 'compensation', 'learning design', 'employee relations', 'org design', 'dei programs'],
  Legal: ['contract negotiation', 'compliance', 'privacy law', 'employment law', 'intellectual property'],
  Research: ['experimental design', 'statistics', 'machine learning', 'grant writing', 'scientific publishing'],
  Manufacturing: ['quality systems', 'six sigma', 'plant safety', 'supply planning', 'automation'],
  Clinical: ['patient safety', 'clinical trials', 'care pathways', 'clinical leadership', 'regulatory submissions'],
};

const INTERESTS = [
  'running', 'cycling', 'hiking', 'climbing', 'yoga', 'football', 'basketball', 'tennis', 'chess', 'board games', 'video games', 'cooking',
  'baking', 'gardening', 'photography', 'painting', 'drawing', 'jazz', 'classical music', 'playing guitar', 'singing', 'theatre', 'film',
  'reading fiction', 'history', 'science fiction', 'podcasts', 'travel', 'languages', 'volunteering', 'parenting', 'dogs', 'cats',
  'sustainability', 'startups', 'investing', 'writing', 'poetry', 'dance', 'swimming',
];

const GOALS = [
  'first management role', 'promotion to senior', 'move into a new function', 'build confidence', 'grow my network', 'lead a larger team',
  'become a technical expert', 'improve work-life balance', 'return from a career break', 'prepare for a director role',
  'start speaking at conferences', 'understand the business better', 'build an international career', 'find a sponsor', 'change career',
];

const IDENTITIES = ['woman', 'LGBTQ+', 'first-generation professional', 'person with a disability', 'parent or caregiver', 'veteran', 'underrepresented ethnicity', 'immigrant'];

/** Where people live, how many live there, and the local language besides English. */
const PLACES: Array<{ zone: string; weight: number; language: string | null }> = [
  { zone: 'Europe/London', weight: 12, language: null }, { zone: 'Europe/Lisbon', weight: 4, language: 'pt' }, { zone: 'Europe/Paris', weight: 6, language: 'fr' },
  { zone: 'Europe/Berlin', weight: 7, language: 'de' }, { zone: 'Europe/Madrid', weight: 4, language: 'es' }, { zone: 'Europe/Warsaw', weight: 3, language: 'pl' },
  { zone: 'Europe/Stockholm', weight: 2, language: 'sv' }, { zone: 'Africa/Lagos', weight: 3, language: 'yo' }, { zone: 'Africa/Nairobi', weight: 2, language: 'sw' },
  { zone: 'Asia/Dubai', weight: 2, language: 'ar' }, { zone: 'Asia/Kolkata', weight: 6, language: 'hi' }, { zone: 'Asia/Singapore', weight: 3, language: 'zh' },
  { zone: 'Asia/Tokyo', weight: 3, language: 'ja' }, { zone: 'Australia/Sydney', weight: 3, language: null }, { zone: 'America/New_York', weight: 14, language: null },
  { zone: 'America/Chicago', weight: 6, language: null }, { zone: 'America/Denver', weight: 2, language: null }, { zone: 'America/Los_Angeles', weight: 8, language: null },
  { zone: 'America/Sao_Paulo', weight: 5, language: 'pt' }, { zone: 'America/Mexico_City', weight: 4, language: 'es' },
];

export interface ProgramSize {
  mentees: number;
  mentors: number;
  /** Every mentor's capacity: one number, or an inclusive range drawn uniformly. */
  capacity: number | [number, number];
}

export interface GeneratedProgram {
  input: MatchingInput;
  /** People in the organization's reporting tree (participants and managers around them). */
  organizationSize: number;
}

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let x = random.next() * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
}

/** Zipf-like pick: the first items are chosen far more often than the last. */
function popular<T>(random: Random, items: readonly T[], skew = 1.1): T {
  const u = random.next();
  const index = Math.floor(items.length * u ** (1 + skew));
  return items[Math.min(items.length - 1, index)]!;
}

function distinct<T>(random: Random, count: number, draw: () => T): T[] {
  const out = new Set<T>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) out.add(draw());
  void random;
  return [...out];
}

export function generateProgram(size: ProgramSize, seed = 42): GeneratedProgram {
  const random = new Random(seed);
  const managerOf = new Map<string, string | null>();
  let people = 0;
  const newId = (prefix: string) => `${prefix}${String(people++).padStart(6, '0')}`;

  // The organization: a CEO, a head per function, directors under each head.
  const ceo = newId('p');
  managerOf.set(ceo, null);
  const heads = new Map<string, string>();
  const directors = new Map<string, string[]>();
  for (const department of DEPARTMENTS) {
    const head = newId('p');
    managerOf.set(head, ceo);
    heads.set(department.name, head);
    const count = Math.max(2, Math.round((size.mentors / DEPARTMENTS.length) / 10));
    directors.set(department.name, Array.from({ length: count }, () => {
      const director = newId('p');
      managerOf.set(director, head);
      return director;
    }));
  }
  const departmentWeights = DEPARTMENTS.map((d, k) => ({ name: d.name, weight: 12 - k * 0.6 }));

  const place = () => weighted(random, PLACES);
  const languagesFor = (where: (typeof PLACES)[number]) => {
    const languages = random.chance(0.93) ? ['en'] : [];
    if (where.language && random.chance(0.85)) languages.push(where.language);
    if (random.chance(0.12)) languages.push(random.pick(['es', 'fr', 'de', 'pt', 'zh', 'ar']));
    return languages.length > 0 ? [...new Set(languages)] : ['en'];
  };
  const name = () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const identity = () => (random.chance(0.35) ? distinct(random, random.int(1, 2), () => popular(random, IDENTITIES, 0.6)) : undefined);

  // Mentors: senior people; about a third manage a team (directly under a director).
  const managers = new Map<string, string[]>(DEPARTMENTS.map((d) => [d.name, []]));
  const mentors: MatchingProfile[] = [];
  for (let k = 0; k < size.mentors; k++) {
    const department = weighted(random, departmentWeights).name;
    const personId = newId('p');
    const isManager = random.chance(0.35);
    if (isManager) {
      managerOf.set(personId, random.pick(directors.get(department)!));
      managers.get(department)!.push(personId);
    }
    const where = place();
    const own = FUNCTION_SKILLS[department]!;
    const self = identity();
    mentors.push({
      personId, name: name(), department,
      skillsOffered: distinct(random, random.int(3, 8), () => (random.chance(0.55) ? popular(random, GENERAL_SKILLS, 0.4) : random.pick(own))),
      interests: distinct(random, random.int(1, 4), () => popular(random, INTERESTS, 0.5)),
      goals: distinct(random, random.int(2, 6), () => popular(random, GOALS, 0.3)),
      yearsOfExperience: random.int(6, 32),
      languages: languagesFor(where), timeZone: where.zone,
      ...(self ? { selfIdentification: self } : {}),
    });
  }
  // Senior individual contributors report to a manager (a mentor-manager or one from outside the program).
  const managerIn = (department: string) => {
    const list = managers.get(department)!;
    if (list.length === 0 || random.chance(0.4)) {
      const outside = newId('p');
      managerOf.set(outside, random.pick(directors.get(department)!));
      list.push(outside);
      return outside;
    }
    return random.pick(list);
  };
  for (const mentor of mentors) if (!managerOf.has(mentor.personId)) managerOf.set(mentor.personId, managerIn(mentor.department!));

  // A few popular mentors attract most named requests.
  const famous = random.sample(mentors, Math.max(3, Math.round(mentors.length * 0.04))).map((m) => m.personId);
  const mentees: MatchingProfile[] = [];
  for (let k = 0; k < size.mentees; k++) {
    const department = weighted(random, departmentWeights).name;
    const personId = newId('p');
    managerOf.set(personId, managerIn(department));
    const where = place();
    const own = FUNCTION_SKILLS[department]!;
    const self = identity();
    const preferences = random.chance(0.3) ? {
      ...(random.chance(0.5) ? { mentorIds: distinct(random, random.int(1, 3), () => (random.chance(0.6) ? random.pick(famous) : random.pick(mentors).personId)) } : {}),
      ...(random.chance(0.5) ? { departments: distinct(random, random.int(1, 2), () => weighted(random, departmentWeights).name) } : {}),
      ...(random.chance(0.4) ? { minYearsOfExperience: random.int(8, 20) } : {}),
    } : undefined;
    mentees.push({
      personId, name: name(), department,
      skillsWanted: distinct(random, random.int(2, 5), () => (random.chance(0.6) ? popular(random, GENERAL_SKILLS, 1.2) : random.pick(own))),
      interests: distinct(random, random.int(1, 4), () => popular(random, INTERESTS, 0.5)),
      goals: distinct(random, random.int(1, 3), () => popular(random, GOALS, 0.8)),
      yearsOfExperience: Math.min(15, Math.floor(random.next() ** 1.6 * 14)),
      languages: languagesFor(where), timeZone: where.zone,
      ...(preferences ? { preferences } : {}),
      ...(self ? { selfIdentification: self } : {}),
      ...(self && random.chance(0.4) ? { inclusionPreferences: [self[0]!] } : {}),
      ...(where.language && random.chance(0.04) ? { requiredLanguage: where.language } : {}),
    });
  }

  const capacities: Record<string, number> = {};
  for (const mentor of mentors) capacities[mentor.personId] = typeof size.capacity === 'number' ? size.capacity : random.int(size.capacity[0], size.capacity[1]);
  const randomPairs = (count: number): PairRef[] => Array.from({ length: count }, () => ({ menteeId: random.pick(mentees).personId, mentorId: random.pick(mentors).personId }));
  return {
    input: {
      mentees, mentors,
      config: {}, // the defaults a new program starts from
      constraints: {
        capacities,
        pausedMentorIds: mentors.filter(() => random.chance(0.03)).map((m) => m.personId),
        excludedPairs: randomPairs(Math.round(size.mentees * 0.1)),
        declinedPairs: randomPairs(Math.round(size.mentees * 0.2)),
        locks: randomPairs(Math.round(size.mentees * 0.01)),
        managerOf,
      },
    },
    organizationSize: people,
  };
}
