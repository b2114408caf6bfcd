import { describe, expect, it } from 'vitest';
import { EXPLAINERS, QUESTIONS, REASONS } from './questions.ts';
import { checkAnswers, recommend, type Answers, type Recommendation } from './recommend.ts';
import { decodeShareCode, encodeShareCode } from './share-code.ts';

/*
 * Each case: the answers, then what the guide must say, computed by hand from the weights in
 * questions.ts. C, M and S are the evidence toward coaching, mentoring and a coaching style; the
 * lean is (C − M)/(C + M); "informative" counts answers that carry evidence. The confidence is
 * (0.35 + 0.6·strength)·(0.4 + 0.6·informative/13), rounded to hundredths.
 */
interface Case {
  name: string;
  answers: Answers;
  recommendation: Recommendation;
  confidence: number;
  label: 'high' | 'medium' | 'low';
  reasons: string[];
  considerations: string[];
  /** Reasons whose trace to the questions is checked exactly. */
  traced?: Record<string, string[]>;
  /** Reasons in this exact order (strongest first), when the order is the point. */
  ordered?: boolean;
  nextSteps?: string[];
}

const allCoaching = {
  aim: 'specific_goal', measure: 'measurable', timing: 'months', structure: 'structured', ending: 'goals_met', same_path: 'outside_view', network: 'no',
  certified: 'yes', confidentiality: 'formal', focus: 'me', approach: 'questions', tools: 'yes', context: 'leadership',
};
const allMentoring = {
  aim: 'career_growth', measure: 'perspective', timing: 'no_deadline', structure: 'informal', ending: 'while_worthwhile', same_path: 'essential', network: 'yes',
  certified: 'experience', confidentiality: 'trust', focus: 'them', approach: 'advice', tools: 'no', context: 'onboarding',
};

const CASES: Case[] = [
  {
    // C 27, M 0: lean 1, strength 1; 12 informative (network "no" carries nothing): 0.95 × 0.954 = 0.91.
    name: 'everything points to coaching', answers: allCoaching, recommendation: 'coaching', confidence: 0.91, label: 'high', ordered: true,
    reasons: ['time_bound', 'specific_goal', 'structure', 'certified', 'challenged_with_questions', 'measurable_change', 'outside_view', 'formal_confidentiality', 'own_focus', 'tools', 'org_leadership'],
    considerations: [], traced: { time_bound: ['timing', 'ending'], specific_goal: ['aim'] }, nextSteps: ['request_coach', 'read_about_coaching'],
  },
  {
    // M 28, C 0, S 0: lean −1; 13 informative: 0.95.
    name: 'everything points to mentoring', answers: allMentoring, recommendation: 'mentoring', confidence: 0.95, label: 'high', ordered: true,
    reasons: ['shared_experience', 'open_ended', 'career_growth', 'informal', 'same_path', 'perspective', 'network', 'experience_over_certification', 'org_onboarding', 'trust_enough', 'just_talk'],
    considerations: [], traced: { shared_experience: ['focus', 'approach'], open_ended: ['timing', 'ending'] },
    nextSteps: ['join_mentoring_program', 'browse_mentors', 'read_about_mentoring'],
  },
  {
    // M 22, C 4, S 6: lean −0.69 (strength 0.885), S ≥ 3; 13 informative: 0.88.
    name: 'mentoring, but wanting to set the focus and be asked questions', recommendation: 'mentoring_with_coaching_style', confidence: 0.88, label: 'high',
    answers: { ...allMentoring, focus: 'me', approach: 'questions', tools: 'sometimes', context: 'inclusion' },
    reasons: ['career_growth', 'perspective', 'open_ended', 'informal', 'same_path', 'network', 'experience_over_certification', 'trust_enough', 'own_focus', 'challenged_with_questions', 'tools_sometimes', 'org_inclusion'],
    considerations: [], nextSteps: ['browse_mentors', 'join_mentoring_program', 'read_about_mentoring', 'read_about_coaching'],
  },
  {
    // C 11, M 10: lean 0.048 (strength 0.81); 9 informative: 0.836 × 0.815 = 0.68.
    name: 'a goal now and a career later', recommendation: 'both', confidence: 0.68, label: 'medium',
    answers: { aim: 'both', measure: 'measurable', timing: 'no_deadline', structure: 'light', ending: 'unsure', same_path: 'essential', network: 'no', certified: 'yes', confidentiality: 'no_preference', focus: 'together', approach: 'both', tools: 'yes', context: 'none' },
    reasons: ['goal_and_growth', 'measurable_change', 'open_ended', 'same_path', 'certified', 'questions_and_advice', 'tools'], considerations: [],
    traced: { open_ended: ['timing'], goal_and_growth: ['aim'] },
    nextSteps: ['request_coach', 'join_mentoring_program', 'browse_mentors', 'read_about_coaching', 'read_about_mentoring'],
  },
  {
    // C 1, M 2: under 6, unclear: both at 0.35 × (0.4 + 0.6 × 3/13) = 0.19; reading comes first.
    name: 'not sure of anything', recommendation: 'both', confidence: 0.19, label: 'low',
    answers: { aim: 'unsure', measure: 'unsure', timing: 'unsure', structure: 'unsure', ending: 'unsure', same_path: 'unsure', network: 'no', certified: 'no_preference', confidentiality: 'no_preference', focus: 'together', approach: 'both', tools: 'sometimes', context: 'none' },
    reasons: ['unclear', 'questions_and_advice', 'tools_sometimes'], considerations: [],
    traced: { unclear: ['aim', 'measure', 'timing', 'structure', 'ending', 'same_path', 'network', 'certified', 'confidentiality', 'context'] },
    nextSteps: ['read_about_coaching', 'read_about_mentoring', 'request_coach', 'join_mentoring_program', 'browse_mentors'],
  },
  {
    // Nothing answered: 0.35 × 0.4 = 0.14.
    name: 'nothing answered', answers: {}, recommendation: 'both', confidence: 0.14, label: 'low', reasons: ['unclear'], considerations: [],
    traced: { unclear: QUESTIONS.map((q) => q.id) },
  },
  {
    // C 18, M 6: lean 0.5 (strength 0.5) → 0.65 × 0.954 = 0.62.
    name: 'a performance goal, with some wish for advice', recommendation: 'coaching', confidence: 0.62, label: 'medium', ordered: true,
    answers: { aim: 'specific_goal', measure: 'measurable', timing: 'months', structure: 'light', ending: 'goals_met', same_path: 'helpful', network: 'somewhat', certified: 'no_preference', confidentiality: 'formal', focus: 'me', approach: 'advice', tools: 'yes', context: 'performance' },
    reasons: ['time_bound', 'specific_goal', 'measurable_change', 'formal_confidentiality', 'own_focus', 'tools', 'org_performance'],
    considerations: ['shared_experience', 'same_path', 'network'],
  },
  {
    // M 21, C 2, S 2 (one short of a coaching style): lean −0.83 → strength 1; 10 informative: 0.95 × 0.862 = 0.82.
    name: 'mentoring, setting one’s own focus but wanting advice', recommendation: 'mentoring', confidence: 0.82, label: 'high',
    answers: { aim: 'career_growth', measure: 'perspective', timing: 'no_deadline', structure: 'informal', ending: 'unsure', same_path: 'essential', network: 'yes', certified: 'no_preference', confidentiality: 'no_preference', focus: 'me', approach: 'advice', tools: 'no', context: 'knowledge' },
    reasons: ['career_growth', 'perspective', 'open_ended', 'informal', 'same_path', 'network', 'shared_experience', 'just_talk', 'org_knowledge'],
    considerations: ['own_focus'], traced: { shared_experience: ['approach'], open_ended: ['timing'] },
  },
  {
    // C 10, M 6: lean exactly 0.25 → coaching with strength 0; 7 informative: 0.35 × 0.723 = 0.25, low: read first.
    name: 'coaching, just at the boundary', recommendation: 'coaching', confidence: 0.25, label: 'low',
    answers: { aim: 'specific_goal', structure: 'structured', confidentiality: 'formal', tools: 'yes', same_path: 'essential', network: 'somewhat', certified: 'experience' },
    reasons: ['specific_goal', 'structure', 'formal_confidentiality', 'tools'], considerations: ['same_path', 'network', 'experience_over_certification'],
    nextSteps: ['read_about_coaching', 'request_coach'],
  },
  {
    // The same plus "we decide together" (M 7): lean 0.18 → both, strength 0.29; 8 informative: 0.526 × 0.769 = 0.40.
    name: 'one more mentoring answer tips the boundary case to both', recommendation: 'both', confidence: 0.4, label: 'low',
    answers: { aim: 'specific_goal', structure: 'structured', confidentiality: 'formal', tools: 'yes', same_path: 'essential', network: 'somewhat', certified: 'experience', focus: 'together' },
    reasons: ['specific_goal', 'structure', 'formal_confidentiality', 'tools', 'same_path', 'network', 'experience_over_certification'], considerations: [],
    nextSteps: ['read_about_coaching', 'read_about_mentoring', 'request_coach', 'join_mentoring_program', 'browse_mentors'],
  },
  {
    // C 6, M 10, S 5: lean exactly −0.25 → mentoring zone with a coaching style; 7 informative: 0.25.
    name: 'mentoring with a coaching style, at the boundary', recommendation: 'mentoring_with_coaching_style', confidence: 0.25, label: 'low',
    answers: { focus: 'me', approach: 'questions', tools: 'yes', aim: 'career_growth', structure: 'informal', same_path: 'essential', confidentiality: 'trust' },
    reasons: ['career_growth', 'informal', 'same_path', 'trust_enough', 'own_focus', 'challenged_with_questions'], considerations: ['tools'],
  },
  {
    // C 12, M 13: lean −0.04 (strength 0.84); 11 informative: 0.854 × 0.908 = 0.78.
    name: 'a newcomer with a concrete goal who wants an insider', recommendation: 'both', confidence: 0.78, label: 'high',
    answers: { ...allCoaching, same_path: 'essential', network: 'yes', certified: 'no_preference', confidentiality: 'no_preference', focus: 'them', approach: 'advice', tools: 'no', context: 'onboarding' },
    reasons: ['specific_goal', 'measurable_change', 'time_bound', 'structure', 'same_path', 'network', 'shared_experience', 'just_talk', 'org_onboarding'], considerations: [],
  },
  {
    // C 23, M 5: lean 0.64 (strength 0.79); 12 informative: 0.821 × 0.954 = 0.78.
    name: 'a leadership program participant who likes advice', recommendation: 'coaching', confidence: 0.78, label: 'high',
    answers: { ...allCoaching, focus: 'them', approach: 'advice' },
    reasons: ['specific_goal', 'measurable_change', 'time_bound', 'structure', 'outside_view', 'certified', 'formal_confidentiality', 'tools', 'org_leadership'],
    considerations: ['shared_experience'], traced: { shared_experience: ['focus', 'approach'] },
  },
  {
    // M 21, C 2, S 3 ("together" and "both" add up to a style): lean −0.83; 12 informative: 0.91.
    name: 'an inclusion program mentee who wants questions and advice', recommendation: 'mentoring_with_coaching_style', confidence: 0.91, label: 'high',
    answers: { aim: 'career_growth', measure: 'unsure', timing: 'no_deadline', structure: 'light', ending: 'while_worthwhile', same_path: 'essential', network: 'yes', certified: 'experience', confidentiality: 'trust', focus: 'together', approach: 'both', tools: 'no', context: 'inclusion' },
    reasons: ['career_growth', 'open_ended', 'same_path', 'network', 'experience_over_certification', 'trust_enough', 'questions_and_advice', 'just_talk', 'org_inclusion'], considerations: [],
  },
  {
    // As above with advice instead of both: S 1, M 23, C 1 → mentoring, 0.91.
    name: 'the same mentee, wanting advice only', recommendation: 'mentoring', confidence: 0.91, label: 'high',
    answers: { aim: 'career_growth', measure: 'unsure', timing: 'no_deadline', structure: 'light', ending: 'while_worthwhile', same_path: 'essential', network: 'yes', certified: 'experience', confidentiality: 'trust', focus: 'together', approach: 'advice', tools: 'no', context: 'inclusion' },
    reasons: ['career_growth', 'open_ended', 'same_path', 'network', 'experience_over_certification', 'trust_enough', 'shared_experience', 'just_talk', 'org_inclusion'], considerations: [],
  },
  {
    // C 13, M 3: lean 0.625 (strength 0.75); 8 informative: 0.8 × 0.769 = 0.62.
    name: 'a performance goal without wanting formality', recommendation: 'coaching', confidence: 0.62, label: 'medium',
    answers: { aim: 'specific_goal', measure: 'measurable', timing: 'months', structure: 'informal', ending: 'unsure', same_path: 'unsure', network: 'no', certified: 'no_preference', confidentiality: 'no_preference', focus: 'me', approach: 'questions', tools: 'sometimes', context: 'performance' },
    reasons: ['specific_goal', 'measurable_change', 'time_bound', 'own_focus', 'challenged_with_questions', 'tools_sometimes', 'org_performance'], considerations: ['informal'],
    traced: { time_bound: ['timing'] },
  },
  {
    // C 4, M 22: lean −0.69 (strength 0.885); 12 informative: 0.881 × 0.954 = 0.84.
    name: 'knowledge transfer with one measurable wish', recommendation: 'mentoring', confidence: 0.84, label: 'high',
    answers: { aim: 'both', measure: 'measurable', timing: 'unsure', structure: 'informal', ending: 'while_worthwhile', same_path: 'essential', network: 'somewhat', certified: 'experience', confidentiality: 'trust', focus: 'them', approach: 'advice', tools: 'no', context: 'knowledge' },
    reasons: ['informal', 'open_ended', 'same_path', 'network', 'experience_over_certification', 'trust_enough', 'shared_experience', 'just_talk', 'org_knowledge'],
    considerations: ['goal_and_growth', 'measurable_change'], ordered: false,
  },
  {
    // C 14, M 12: lean 0.077 (strength 0.69); 12 informative: 0.765 × 0.954 = 0.73.
    name: 'balanced across the board', recommendation: 'both', confidence: 0.73, label: 'high',
    answers: { aim: 'both', measure: 'measurable', timing: 'no_deadline', structure: 'structured', ending: 'while_worthwhile', same_path: 'helpful', network: 'somewhat', certified: 'yes', confidentiality: 'trust', focus: 'me', approach: 'advice', tools: 'yes', context: 'none' },
    reasons: ['goal_and_growth', 'measurable_change', 'open_ended', 'structure', 'same_path', 'network', 'certified', 'trust_enough', 'own_focus', 'shared_experience', 'tools'], considerations: [],
  },
  {
    // M 15, C 2, S 3: lean −0.76 → strength 1; 8 informative: 0.95 × 0.769 = 0.73.
    name: 'career growth, own focus, a tool now and then', recommendation: 'mentoring_with_coaching_style', confidence: 0.73, label: 'high',
    answers: { aim: 'career_growth', measure: 'perspective', timing: 'no_deadline', structure: 'informal', ending: 'while_worthwhile', same_path: 'unsure', network: 'no', certified: 'no_preference', confidentiality: 'no_preference', focus: 'me', approach: 'advice', tools: 'sometimes', context: 'none' },
    reasons: ['career_growth', 'perspective', 'open_ended', 'informal', 'own_focus', 'shared_experience', 'tools_sometimes'], considerations: [],
  },
  {
    // C 6 from two answers: lean 1, but only 2 informative: 0.95 × 0.492 = 0.47.
    name: 'two clear coaching answers and nothing else', recommendation: 'coaching', confidence: 0.47, label: 'medium',
    answers: { aim: 'specific_goal', structure: 'structured' }, reasons: ['specific_goal', 'structure'], considerations: [],
  },
  {
    // C 3: under 6, unclear: 0.35 × 0.446 = 0.16.
    name: 'one answer is not enough to decide', recommendation: 'both', confidence: 0.16, label: 'low',
    answers: { aim: 'specific_goal' }, reasons: ['unclear', 'specific_goal'], considerations: [],
    traced: { unclear: QUESTIONS.map((q) => q.id).filter((id) => id !== 'aim') },
  },
  {
    // C 14, M 14: lean 0 (strength 1); 13 informative: 0.95.
    name: 'a structured goal, and an insider’s advice on the politics', recommendation: 'both', confidence: 0.95, label: 'high',
    answers: { ...allCoaching, same_path: 'essential', network: 'yes', certified: 'experience', confidentiality: 'trust', focus: 'them', approach: 'advice', tools: 'no' },
    reasons: ['specific_goal', 'measurable_change', 'time_bound', 'structure', 'same_path', 'network', 'experience_over_certification', 'trust_enough', 'shared_experience', 'just_talk', 'org_leadership'],
    considerations: [],
  },
  {
    // C 7, M 9: lean −0.125 (strength 0.5); 7 informative: 0.65 × 0.723 = 0.47.
    name: 'wanting a certified professional who gives advice', recommendation: 'both', confidence: 0.47, label: 'medium',
    answers: { aim: 'career_growth', measure: 'unsure', timing: 'unsure', structure: 'unsure', ending: 'unsure', same_path: 'outside_view', network: 'no', certified: 'yes', confidentiality: 'formal', focus: 'them', approach: 'advice', tools: 'no', context: 'none' },
    reasons: ['career_growth', 'outside_view', 'certified', 'formal_confidentiality', 'shared_experience', 'just_talk'], considerations: [],
  },
  {
    // C 24, M 2: lean 0.85 → strength 1; 12 informative: 0.91.
    name: 'coaching, with questions and advice both welcome', recommendation: 'coaching', confidence: 0.91, label: 'high',
    answers: { ...allCoaching, same_path: 'helpful', approach: 'both', context: 'performance' },
    reasons: ['specific_goal', 'measurable_change', 'time_bound', 'structure', 'certified', 'formal_confidentiality', 'own_focus', 'questions_and_advice', 'tools', 'org_performance'],
    considerations: ['same_path'],
  },
  {
    // M 24, C 3: lean −0.78 → strength 1; 12 informative: 0.91.
    name: 'mentoring, though liking structure', recommendation: 'mentoring', confidence: 0.91, label: 'high',
    answers: { ...allMentoring, structure: 'structured', confidentiality: 'no_preference' },
    reasons: ['career_growth', 'perspective', 'open_ended', 'same_path', 'network', 'experience_over_certification', 'shared_experience', 'just_talk', 'org_onboarding'],
    considerations: ['structure'],
  },
  {
    // C 14, M 11: lean 0.12 (strength 0.52); 11 informative: 0.662 × 0.908 = 0.60.
    name: 'career growth measured with tools', recommendation: 'both', confidence: 0.6, label: 'medium',
    answers: { aim: 'career_growth', measure: 'measurable', timing: 'months', structure: 'informal', ending: 'goals_met', same_path: 'essential', network: 'no', certified: 'yes', confidentiality: 'formal', focus: 'together', approach: 'both', tools: 'yes', context: 'none' },
    reasons: ['career_growth', 'measurable_change', 'time_bound', 'informal', 'same_path', 'certified', 'formal_confidentiality', 'questions_and_advice', 'tools'], considerations: [],
  },
  {
    // C 25, M 2: lean 0.85; 12 informative: 0.91; onboarding is the one thing pointing the other way.
    name: 'coaching for someone being onboarded', recommendation: 'coaching', confidence: 0.91, label: 'high',
    answers: { ...allCoaching, context: 'onboarding' },
    reasons: ['time_bound', 'specific_goal', 'structure', 'certified', 'challenged_with_questions', 'measurable_change', 'outside_view', 'formal_confidentiality', 'own_focus', 'tools'],
    considerations: ['org_onboarding'], traced: { org_onboarding: ['context'] },
  },
];

describe('fit guide recommendations (table of answer sets)', () => {
  it('has at least 25 answer sets', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('$name', (c) => {
    expect(checkAnswers(c.answers)).toEqual([]);
    const result = recommend(c.answers);
    expect(result.recommendation).toBe(c.recommendation);
    expect(result.confidence).toEqual({ value: c.confidence, label: c.label });
    const reasonIds = result.reasons.map((r) => r.id);
    if (c.ordered) expect(reasonIds).toEqual(c.reasons);
    else expect([...reasonIds].sort()).toEqual([...c.reasons].sort());
    expect(result.considerations.map((r) => r.id).sort()).toEqual([...c.considerations].sort());
    for (const [id, questions] of Object.entries(c.traced ?? {})) {
      const reason = [...result.reasons, ...result.considerations].find((r) => r.id === id);
      expect(reason?.fromQuestions, id).toEqual(questions);
    }
    if (c.nextSteps) expect(result.nextSteps.map((s) => s.id)).toEqual(c.nextSteps);
  });

  it('traces every reason to questions whose answers give it', () => {
    for (const c of CASES) {
      const result = recommend(c.answers);
      for (const reason of [...result.reasons, ...result.considerations]) {
        expect(reason.fromQuestions.length, `${c.name}: ${reason.id}`).toBeGreaterThan(0);
        if (reason.id === 'unclear') continue;
        for (const questionId of reason.fromQuestions) {
          const option = QUESTIONS.find((q) => q.id === questionId)!.options.find((o) => o.id === c.answers[questionId]);
          expect(option?.reason, `${c.name}: ${questionId}`).toBe(reason.id);
        }
      }
    }
  });

  it('lists considerations strongest first and weighs each reason by its answers', () => {
    const result = recommend(CASES[6]!.answers);
    expect(result.considerations.map((r) => [r.id, r.weight])).toEqual([['shared_experience', 3], ['same_path', 1], ['network', 1]]);
    expect(result.totals).toEqual({ coaching: 18, mentoring: 6, coachingStyle: 2 });
  });
});

describe('fit guide questions as data', () => {
  it('asks 10 to 14 questions, each with distinct options, covering every distinction of the two kinds of help', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(10);
    expect(QUESTIONS.length).toBeLessThanOrEqual(14);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const question of QUESTIONS) expect(new Set(question.options.map((o) => o.id)).size, question.id).toBe(question.options.length);
    expect(new Set(QUESTIONS.map((q) => q.distinction))).toEqual(new Set(['aim', 'outcome', 'time', 'shape', 'who', 'each_meeting', 'tools', 'organization']));
    expect(EXPLAINERS.map((e) => e.kind)).toEqual(['coaching', 'mentoring']);
  });

  it('gives each reason from options whose evidence points the way the reason says, and uses every reason', () => {
    const used = new Set<string>();
    for (const question of QUESTIONS) {
      for (const option of question.options) {
        if (!option.reason) continue;
        used.add(option.reason);
        const supports = REASONS[option.reason].supports;
        const toward = supports === 'either' ? Math.min(option.evidence.coaching ?? 0, option.evidence.mentoring ?? 0)
          : supports === 'coaching' ? option.evidence.coaching ?? 0 : supports === 'mentoring' ? option.evidence.mentoring ?? 0 : option.evidence.coachingStyle ?? 0;
        expect(toward, `${question.id}.${option.id}`).toBeGreaterThan(0);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(REASONS).sort());
  });

  it('names unknown questions and options', () => {
    expect(checkAnswers({ aim: 'world_peace', colour: 'blue' })).toEqual([
      { questionId: 'aim', message: 'must be one of: specific_goal, career_growth, both, unsure' },
      { questionId: 'colour', message: 'is not a question of the fit guide' },
    ]);
  });
});

describe('share codes', () => {
  it('round-trips every answer set of the table, and recomputes the same result', () => {
    for (const c of CASES) {
      const code = encodeShareCode(c.answers);
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(code).toHaveLength(QUESTIONS.length + 1);
      const decoded = decodeShareCode(code);
      expect(decoded.ok && recommend(decoded.answers)).toEqual(recommend(c.answers));
    }
  });

  it('writes the version first and one option per question', () => {
    // Version 1 = "B"; not answered = "A"; the first option = "B", the second = "C".
    expect(encodeShareCode({ aim: 'specific_goal', measure: 'perspective' })).toBe('BBC' + 'A'.repeat(QUESTIONS.length - 2));
  });

  it('refuses malformed codes, options out of range and codes of another version', () => {
    for (const bad of ['', 'B', 'not-a-uuid', 'B'.repeat(QUESTIONS.length + 2), 'B' + 'Z'.repeat(QUESTIONS.length), 'B!' + 'A'.repeat(QUESTIONS.length - 1), 'A' + 'A'.repeat(QUESTIONS.length)]) {
      expect(decodeShareCode(bad), bad).toMatchObject({ ok: false, reason: 'malformed' });
    }
    const older = decodeShareCode('C' + 'A'.repeat(QUESTIONS.length), QUESTIONS, 3);
    expect(older).toMatchObject({ ok: false, reason: 'other_version' });
  });
});
