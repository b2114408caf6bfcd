import { FIT_GUIDE_VERSION, QUESTIONS, REASONS, type FitQuestion, type ReasonId, type ReasonSupport } from './questions.ts';

/**
 * The fit guide's rule: a pure function from answers to a recommendation, its confidence, the
 * reasons (each traced to the questions that produced it) and the next steps.
 *
 * How it decides, in plain words:
 * - add up the evidence of the chosen options: C toward coaching, M toward mentoring, S toward a
 *   coaching style;
 * - the lean is (C − M) / (C + M), from −1 (all mentoring) to +1 (all coaching);
 * - a lean of at least +0.25 recommends coaching; at most −0.25 mentoring, or "mentoring with a
 *   coach-like mentor" when S reaches 3 (the person wants to set the focus and be asked, not told);
 *   in between, both (typically: a coach for a goal now, a mentor for the longer road);
 * - with little evidence (C + M under 6: mostly "not sure") it says both, with low confidence,
 *   and suggests reading what each involves first.
 * The confidence grows with how far the lean is from the boundary (or, for "both", how balanced it
 * is) and with how many questions were answered with something other than "not sure".
 */
export type Answers = Readonly<Record<string, string>>;

export type Recommendation = 'coaching' | 'mentoring' | 'both' | 'mentoring_with_coaching_style';
export const RECOMMENDATIONS: readonly Recommendation[] = ['coaching', 'mentoring', 'both', 'mentoring_with_coaching_style'];

export type ConfidenceLabel = 'high' | 'medium' | 'low';

export interface FitReason {
  id: ReasonId | 'unclear';
  text: string;
  supports: ReasonSupport;
  /** The evidence these answers gave toward what the reason supports. */
  weight: number;
  /** The questions whose answers produced this reason, in the guide's order. */
  fromQuestions: string[];
}

export type NextStepId = 'request_coach' | 'join_mentoring_program' | 'browse_mentors' | 'read_about_coaching' | 'read_about_mentoring';

export interface NextStep {
  id: NextStepId;
  label: string;
  description: string;
  /** Needs an account in an organization (the visitor is asked to sign in first). */
  requiresSignIn: boolean;
}

export interface FitResult {
  version: number;
  recommendation: Recommendation;
  headline: string;
  summary: string;
  confidence: { value: number; label: ConfidenceLabel };
  /** What points toward the recommendation, strongest first. */
  reasons: FitReason[];
  /** What points the other way: worth weighing, and why the confidence is not higher. */
  considerations: FitReason[];
  nextSteps: NextStep[];
  totals: { coaching: number; mentoring: number; coachingStyle: number };
  questionCount: number;
  /** Questions answered with something that carries evidence (not "not sure", not skipped). */
  informativeAnswers: number;
}

export const LEAN_THRESHOLD = 0.25;
export const STYLE_THRESHOLD = 3;
export const MIN_EVIDENCE = 6;

export interface AnswerProblem {
  questionId: string;
  message: string;
}

/** Unknown questions and options; an empty list means the answers can be scored. */
export function checkAnswers(answers: Answers, questions: readonly FitQuestion[] = QUESTIONS): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const [questionId, optionId] of Object.entries(answers)) {
    const question = questions.find((q) => q.id === questionId);
    if (!question) problems.push({ questionId, message: 'is not a question of the fit guide' });
    else if (!question.options.some((o) => o.id === optionId)) {
      problems.push({ questionId, message: `must be one of: ${question.options.map((o) => o.id).join(', ')}` });
    }
  }
  return problems;
}

const HEADLINES: Record<Recommendation, { headline: string; summary: string }> = {
  coaching: {
    headline: 'Coaching looks like the better fit',
    summary: 'A structured engagement with a trained coach, around specific goals you set, measured from a baseline to a target and ending when they are met.',
  },
  mentoring: {
    headline: 'Mentoring looks like the better fit',
    summary: 'An open-ended relationship with someone who has walked the path, for your longer-term growth: conversation, experience, advice and introductions.',
  },
  both: {
    headline: 'Both: coaching and mentoring',
    summary: 'Your answers point both ways. Many people do both: a coach for a specific goal now, and a mentor for the longer road.',
  },
  mentoring_with_coaching_style: {
    headline: 'Mentoring, with a mentor who uses a coaching style',
    summary: 'A mentoring relationship, with a mentor who lets you set the focus and helps you find your own answers with good questions, not only advice.',
  },
};

const STEPS: Record<NextStepId, Omit<NextStep, 'id'>> = {
  request_coach: { label: 'Request a coach', description: 'Ask for coaching in your organization; a program manager assigns a coach and you agree the goals together.', requiresSignIn: true },
  join_mentoring_program: { label: 'Join a mentoring program', description: 'Enroll in one of your organization’s mentoring programs to be matched with a mentor.', requiresSignIn: true },
  browse_mentors: { label: 'Browse mentors', description: 'See who offers mentoring in your organization and ask one of them.', requiresSignIn: true },
  read_about_coaching: { label: 'Read what coaching involves', description: 'How a coaching engagement works, from the agreement to the measured outcome.', requiresSignIn: false },
  read_about_mentoring: { label: 'Read what mentoring involves', description: 'How a mentoring relationship works, and how it differs from coaching.', requiresSignIn: false },
};

const STEP_ORDER: Record<Recommendation, NextStepId[]> = {
  coaching: ['request_coach', 'read_about_coaching'],
  mentoring: ['join_mentoring_program', 'browse_mentors', 'read_about_mentoring'],
  both: ['request_coach', 'join_mentoring_program', 'browse_mentors', 'read_about_coaching', 'read_about_mentoring'],
  mentoring_with_coaching_style: ['browse_mentors', 'join_mentoring_program', 'read_about_mentoring', 'read_about_coaching'],
};

/** Which reasons count as "for" each recommendation; the rest are considerations. */
const SUPPORTING: Record<Recommendation, readonly ReasonSupport[]> = {
  coaching: ['coaching', 'coaching_style'],
  mentoring: ['mentoring'],
  both: ['coaching', 'mentoring', 'coaching_style', 'either'],
  mentoring_with_coaching_style: ['mentoring', 'coaching_style'],
};

const round2 = (value: number) => Math.round(value * 100) / 100;

function evidenceToward(direction: ReasonSupport, evidence: { coaching?: number; mentoring?: number; coachingStyle?: number }): number {
  if (direction === 'either') return (evidence.coaching ?? 0) + (evidence.mentoring ?? 0);
  if (direction === 'coaching') return evidence.coaching ?? 0;
  if (direction === 'mentoring') return evidence.mentoring ?? 0;
  return evidence.coachingStyle ?? 0;
}

export function confidenceLabel(value: number): ConfidenceLabel {
  if (value >= 0.7) return 'high';
  if (value >= 0.45) return 'medium';
  return 'low';
}

/** Scores answers that passed checkAnswers (unknown ids are ignored here). */
export function recommend(answers: Answers, questions: readonly FitQuestion[] = QUESTIONS): FitResult {
  let coaching = 0;
  let mentoring = 0;
  let coachingStyle = 0;
  let informative = 0;
  const unclearFrom: string[] = [];
  const byReason = new Map<ReasonId, { weight: number; fromQuestions: string[] }>();

  for (const question of questions) {
    const option = question.options.find((o) => o.id === answers[question.id]);
    const evidence = option?.evidence ?? {};
    const total = (evidence.coaching ?? 0) + (evidence.mentoring ?? 0) + (evidence.coachingStyle ?? 0);
    if (total === 0) {
      unclearFrom.push(question.id);
      continue;
    }
    informative += 1;
    coaching += evidence.coaching ?? 0;
    mentoring += evidence.mentoring ?? 0;
    coachingStyle += evidence.coachingStyle ?? 0;
    if (option?.reason) {
      const entry = byReason.get(option.reason) ?? { weight: 0, fromQuestions: [] };
      entry.weight += evidenceToward(REASONS[option.reason].supports, evidence);
      entry.fromQuestions.push(question.id);
      byReason.set(option.reason, entry);
    }
  }

  const lean = coaching + mentoring > 0 ? (coaching - mentoring) / (coaching + mentoring) : 0;
  const coverage = questions.length ? informative / questions.length : 0;
  const unclear = coaching + mentoring < MIN_EVIDENCE;

  let recommendation: Recommendation;
  let strength: number;
  if (unclear) {
    recommendation = 'both';
    strength = 0;
  } else if (lean >= LEAN_THRESHOLD) {
    recommendation = 'coaching';
    strength = Math.min(1, (lean - LEAN_THRESHOLD) / 0.5);
  } else if (lean <= -LEAN_THRESHOLD) {
    recommendation = coachingStyle >= STYLE_THRESHOLD ? 'mentoring_with_coaching_style' : 'mentoring';
    strength = Math.min(1, (-lean - LEAN_THRESHOLD) / 0.5);
  } else {
    recommendation = 'both';
    strength = 1 - Math.abs(lean) / LEAN_THRESHOLD;
  }
  let value = round2((0.35 + 0.6 * strength) * (0.4 + 0.6 * coverage));
  if (unclear) value = Math.min(value, 0.3);
  const label = confidenceLabel(value);

  const order = (id: string) => questions.findIndex((q) => q.id === id);
  const all: FitReason[] = [...byReason.entries()].map(([id, entry]) => ({
    id, text: REASONS[id].text, supports: REASONS[id].supports, weight: entry.weight, fromQuestions: entry.fromQuestions,
  }));
  all.sort((a, b) => b.weight - a.weight || order(a.fromQuestions[0]!) - order(b.fromQuestions[0]!));
  const supporting = SUPPORTING[recommendation];
  const reasons = all.filter((reason) => supporting.includes(reason.supports));
  const considerations = all.filter((reason) => !reasons.includes(reason));
  if (unclear) {
    reasons.unshift({
      id: 'unclear', supports: 'either', weight: 0, fromQuestions: unclearFrom,
      text: 'Most of your answers do not point one way or the other yet. Reading what each involves may help you decide; both are open to you.',
    });
  }

  // With low confidence, reading comes first: the person is still deciding.
  const steps = [...STEP_ORDER[recommendation]];
  if (label === 'low') steps.sort((a, b) => Number(b.startsWith('read_')) - Number(a.startsWith('read_')));
  return {
    version: FIT_GUIDE_VERSION,
    recommendation,
    ...HEADLINES[recommendation],
    confidence: { value, label },
    reasons,
    considerations,
    nextSteps: steps.map((id) => ({ id, ...STEPS[id] })),
    totals: { coaching, mentoring, coachingStyle },
    questionCount: questions.length,
    informativeAnswers: informative,
  };
}
