/**
 * The matching engine's vocabulary: what a program hands in (profiles, its configuration, the hard
 * constraints) and what comes back (pairs with their explanations, unmatched people with the
 * reason, the proof that the assignment is optimal). Plain data only, so a feature can build the
 * input from its tables and store or present the output without knowing how the engine works.
 */
import type { ManagerOf } from '../reporting-line.ts';

/** The weighted criteria, in the order they are listed and explained when contributions tie. */
export const CRITERIA = ['skills', 'goals', 'interests', 'experience', 'department', 'timeZone', 'language', 'preferences', 'inclusion'] as const;
export type Criterion = (typeof CRITERIA)[number];

/**
 * Defaults a program starts from. Skills and goals weigh most (they are why people join a
 * program); the mentee's own preferences next; time zones and experience decide whether the pair
 * can meet and has something to pass on; shared interests and language help the relationship start.
 * Inclusion preferences count only for mentees who opted in, so their weight costs others nothing.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Criterion, number>> = {
  skills: 3,
  goals: 2,
  interests: 1,
  experience: 1.5,
  department: 1,
  timeZone: 1.5,
  language: 1,
  preferences: 2,
  inclusion: 2,
};

/** A weight is a number of points between 0 (criterion off) and this. */
export const MAX_WEIGHT = 100;

/**
 * One person as the engine sees them, mentee or mentor. Lists are compared case-insensitively and
 * ignoring surrounding spaces ("Public speaking" = "public speaking"); the mentee's spelling is
 * the one explanations use.
 */
export interface MatchingProfile {
  personId: string;
  /** The name explanations use ("Ana"). */
  name: string;
  /** Mentors: what they can teach. */
  skillsOffered?: readonly string[];
  /** Mentees: what they want to learn. */
  skillsWanted?: readonly string[];
  interests?: readonly string[];
  /** Mentees: their goals; mentors: the goals they can help with. Same vocabulary on both sides. */
  goals?: readonly string[];
  /** The function or department (the enrollment's "function" answer). */
  department?: string | null;
  yearsOfExperience?: number | null;
  /** ISO 639-1 codes ("pt") or names ("Portuguese"); codes are shown as English names. */
  languages?: readonly string[];
  /** IANA zone ("Europe/Lisbon"). Daylight saving is taken into account (see the time-zone criterion). */
  timeZone?: string | null;
  /** For people whose IANA zone is unknown: minutes east of UTC. Ignored when `timeZone` is valid. */
  utcOffsetMinutes?: number | null;
  /** Mentees: what they said they want in a mentor. */
  preferences?: MentorPreferences;
  /**
   * Only answers the person consented to use for matching (the feature reads them through the
   * identity policy). Used for nothing but the inclusion preferences a mentee opted into, and never
   * named in an explanation.
   */
  selfIdentification?: readonly string[];
  /**
   * Mentees: identities (from their own self-identification) they asked their mentor to share.
   * Entries that are not in the mentee's own self-identification are ignored.
   */
  inclusionPreferences?: readonly string[];
  /** Mentees: a language the mentor must speak (a hard constraint, like the program's). */
  requiredLanguage?: string | null;
}

export interface MentorPreferences {
  /** Mentors the mentee asked for, most wanted first (person ids). */
  mentorIds?: readonly string[];
  /** Functions or departments the mentee would like the mentor to come from. */
  departments?: readonly string[];
  /** Experience the mentee would like the mentor to have, at least. */
  minYearsOfExperience?: number | null;
}

export type DepartmentPreference = 'same' | 'different' | 'none';
export type MatchingObjective = 'max_total' | 'max_min';

export interface ProgramMatchingConfig {
  /** Points per criterion (0–100); missing ones take DEFAULT_WEIGHTS. */
  weights?: Partial<Record<Criterion, number>>;
  /** Whether the program wants mentor and mentee from the same function, a different one, or does not mind. */
  departmentPreference?: DepartmentPreference;
  /**
   * How many more years of experience the mentor should have than the mentee: full points inside
   * [min, max], falling linearly to none `tolerance` years outside it.
   */
  experienceGap?: { min: number; max: number; tolerance?: number };
  /** A language every pair must share (both speak it). */
  requiredLanguage?: string | null;
  /** 'max_total' (default): the most mentees matched, then the highest total score. 'max_min': the most matched, then the highest lowest score, then the highest total. */
  objective?: MatchingObjective;
  /** Pairs scoring below this are never proposed. Pairs with nothing in common (score 0) never are. */
  minimumScore?: number;
  /** Capacity of mentors the constraints give none (the program's default). */
  defaultCapacity?: number;
  /** Local working hours used for the time-zone overlap, [start, end) in hours. */
  workingHours?: { start: number; end: number };
}

export const DEFAULT_CONFIG = {
  departmentPreference: 'different' as DepartmentPreference,
  experienceGap: { min: 3, max: 15, tolerance: 4 },
  objective: 'max_total' as MatchingObjective,
  minimumScore: 0,
  defaultCapacity: 1,
  workingHours: { start: 9, end: 17 },
};

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

/** What no weight can override. */
export interface MatchingConstraints {
  /** Mentor person id → how many mentees at most (published pairs and locks count). */
  capacities?: Readonly<Record<string, number>>;
  /** Mentors who paused: no new mentee (their published pairs stay). */
  pausedMentorIds?: readonly string[];
  /** Pairs an admin ruled out. */
  excludedPairs?: readonly PairRef[];
  /** Pairs where one side declined the other before. */
  declinedPairs?: readonly PairRef[];
  /** Pairs an admin fixed: kept as they are when they break no hard constraint, reported otherwise. */
  locks?: readonly PairRef[];
  /** Pairs already published: never disturbed; they use their mentor's capacity and their mentee is not matched again. */
  publishedPairs?: readonly PairRef[];
  /** The organization's reporting line: nobody is matched with someone above or below them in it. */
  managerOf?: ManagerOf;
}

export interface MatchingInput {
  mentees: readonly MatchingProfile[];
  mentors: readonly MatchingProfile[];
  config?: ProgramMatchingConfig;
  constraints?: MatchingConstraints;
}

/** One criterion's part in a pair's score. */
export interface Contribution {
  criterion: Criterion;
  /** How well the pair meets the criterion, 0–1. */
  value: number;
  weight: number;
  /** value × weight, rounded to the engine's resolution (1e-6 point). The pair's score is their sum. */
  points: number;
  /** The contribution in words, or null when it adds nothing. */
  text: string | null;
}

export interface ScoredPair {
  menteeId: string;
  mentorId: string;
  score: number;
  /** The score as a share of the most a pair could score under this configuration (0–1). */
  fit: number;
  /** Every criterion, in CRITERIA order. */
  contributions: Contribution[];
  /** The top contributing criteria in words, best first (at most three). */
  reasons: string[];
  /** One sentence: "Bruno shares 3 of the 4 skills Ana wants: …; …". */
  explanation: string;
}

export interface MatchedPair extends ScoredPair {
  source: 'proposed' | 'locked' | 'published';
}

/** Why a pair cannot be made, whatever the weights. */
export type Blocker =
  | 'self'
  | 'paused'
  | 'full'
  | 'excluded'
  | 'declined'
  | 'reporting_line'
  | 'program_language'
  | 'mentee_language'
  | 'no_common_ground'
  | 'below_minimum';

export type UnmatchedReason = 'no_mentors' | 'no_mentees' | 'paused' | 'no_capacity' | 'taken' | 'blocked';

export interface UnmatchedPerson {
  personId: string;
  name: string;
  side: 'mentee' | 'mentor';
  reason: UnmatchedReason;
  /** For people: "no mentor with capacity speaks Portuguese". */
  explanation: string;
  /** How many people on the other side each blocker ruled out (each counted once, by its first blocker). */
  blockers: Partial<Record<Blocker, number>>;
  /** Candidates who could have been paired but went to others (all full, or all matched elsewhere). */
  takenCandidates: number;
}

export interface RejectedLock extends PairRef {
  blocker: Blocker | 'unknown_person' | 'mentee_already_matched';
  explanation: string;
}

export interface MatchingResult {
  /** Published pairs, then locks, then proposals; each group by mentee id, then mentor id. */
  pairs: MatchedPair[];
  unmatchedMentees: UnmatchedPerson[];
  /** Mentors left without any mentee. */
  unmatchedMentors: UnmatchedPerson[];
  rejectedLocks: RejectedLock[];
  /** Of the proposals only (published pairs and locks are given, not chosen). */
  objective: {
    kind: MatchingObjective;
    matched: number;
    totalScore: number;
    /** The lowest proposal's score; null without proposals. */
    minScore: number | null;
  };
  proof: MatchingProof;
}

/**
 * How the engine knows the assignment is optimal: the solver's dual prices were checked against
 * every allowed pair, not only the candidates it kept (see solve.ts).
 */
export interface MatchingProof {
  certified: true;
  /** Allowed pairs (hard constraints and minimum score passed) among the people still to match. */
  allowedPairs: number;
  /** Pairs the solver looked at in its last round. */
  candidatePairs: number;
  /** Solver runs: 1 when the first candidates were enough; each further run added pairs the check found. */
  rounds: number;
  /** Checks against every allowed pair (the other rounds checked the candidates and reserves only). */
  fullChecks: number;
  /** Pairs the checks had to score again because no bound settled them. */
  rescoredPairs: number;
  /** Which side the solver grew its paths from: the smaller one. */
  orientation: 'mentees' | 'mentors';
}

/** The engine's phases, in the order they run; the optimality checks run inside 'solve', round by round. */
export const MATCHING_PHASES = ['compile', 'candidates', 'solve', 'explain'] as const;
export type MatchingPhase = (typeof MATCHING_PHASES)[number];

export interface MatchingOptions {
  /** Candidates kept per mentee before the optimality check (more when the check asks). Default 12. */
  candidatesPerMentee?: number;
  /** Candidates kept per mentor on top of that, as a multiple of its free capacity plus 4. Default 2. */
  candidatesPerMentorSlot?: number;
  /** Called as each phase starts (MATCHING_PHASES, in order), e.g. to time them or show progress. */
  onPhase?: (phase: MatchingPhase) => void;
}

/** Input the engine refuses (a programming error in the caller, or data that breaks its rules). */
export class MatchingInputError extends Error {
  override name = 'MatchingInputError';
}
