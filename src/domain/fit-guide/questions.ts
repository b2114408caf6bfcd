/**
 * The fit guide's questions, as data. Each one asks about a distinction in the table of the two
 * kinds of help (DESIGN.md §1); each option carries weighted evidence toward coaching, toward
 * mentoring, and toward a coaching *style* (which a mentor can use: "coaching can be a style used
 * inside mentoring"), and names the reason it gives, so a result can say which answers produced it.
 *
 * Changing a question, an option or their order changes what a share code means: bump
 * FIT_GUIDE_VERSION (codes of an older version are then refused with a clear message, not
 * silently misread).
 */
export const FIT_GUIDE_VERSION = 1;

export type Direction = 'coaching' | 'mentoring' | 'coaching_style';
/** What a reason argues for: one direction, or 'either' for answers that point both ways. */
export type ReasonSupport = Direction | 'either';

/** The row of the §1 table a question is drawn from. */
export type Distinction = 'aim' | 'outcome' | 'time' | 'shape' | 'who' | 'each_meeting' | 'tools' | 'organization';

export interface Evidence {
  coaching?: number;
  mentoring?: number;
  coachingStyle?: number;
}

export interface FitOption {
  id: string;
  label: string;
  evidence: Evidence;
  /** The reason this answer gives (REASONS); neutral answers give none. */
  reason?: ReasonId;
}

export interface FitQuestion {
  id: string;
  distinction: Distinction;
  prompt: string;
  help: string;
  options: FitOption[];
}

/**
 * Reasons are written once and shared by the options that give them: two answers pointing the same
 * way for the same cause (a deadline within months, and an end when the goals are met) become one
 * reason traced to both questions. Each text reads true whichever of its answers produced it.
 */
export const REASONS = {
  specific_goal: { supports: 'coaching', text: 'You want help with a specific skill or goal. Coaching is built around specific goals, each with a baseline and a target.' },
  career_growth: { supports: 'mentoring', text: 'You are thinking about your broader career and personal growth. That long view is what mentoring is for.' },
  goal_and_growth: { supports: 'either', text: 'You have a specific goal now as well as longer-term growth in mind: a coach can take the goal while a mentor walks the longer road.' },
  measurable_change: { supports: 'coaching', text: 'You want a change others can observe and you can measure. Coaching tracks progress from a baseline to a target.' },
  perspective: { supports: 'mentoring', text: 'Success for you is confidence, perspective and direction, which grow in a mentoring relationship over time.' },
  time_bound: { supports: 'coaching', text: 'You want it time-bound. A coaching engagement runs to a timeline with milestones, and ends when its goals are met.' },
  open_ended: { supports: 'mentoring', text: 'You see this as open-ended. Mentoring has no deadline and lasts while both find it worthwhile, with a regular, no-fault "shall we continue?".' },
  structure: { supports: 'coaching', text: 'You want structure: agreed goals, regular sessions and milestones. That is the shape of a coaching engagement, with a written agreement.' },
  informal: { supports: 'mentoring', text: 'You prefer an informal relationship, talking when it is useful. Mentoring is relationship-first.' },
  same_path: { supports: 'mentoring', text: 'You value someone who has walked the same path in your field or organization, including its politics. That is what a mentor brings.' },
  outside_view: { supports: 'coaching', text: 'You would rather have a neutral outside view than someone from your own field. A coach does not need to share your path.' },
  network: { supports: 'mentoring', text: 'Introductions, networks and advice on the unwritten rules would help you. Mentors share these; coaches usually do not.' },
  certified: { supports: 'coaching', text: 'It matters to you that the person is trained and certified and bound by a code of ethics, as professional coaches are.' },
  experience_over_certification: { supports: 'mentoring', text: 'Relevant experience matters more to you than a certificate. Mentors need no certification.' },
  formal_confidentiality: { supports: 'coaching', text: 'You want a written agreement on confidentiality. Coaching engagements have one, with its limits spelled out.' },
  trust_enough: { supports: 'mentoring', text: 'Trust between you is enough; you do not need a formal contract, which suits mentoring.' },
  own_focus: { supports: 'coaching_style', text: 'You want to set the focus of each conversation yourself. In coaching the client always chooses the focus; a mentor can work this way too.' },
  shared_experience: { supports: 'mentoring', text: 'You want the other person to bring their experience: stories, advice and topics from their own path. That is the heart of mentoring.' },
  challenged_with_questions: { supports: 'coaching_style', text: 'You want to be challenged with questions that help you find your own answers. That is the coaching approach, whether from a coach or a mentor who coaches.' },
  questions_and_advice: { supports: 'coaching_style', text: 'You want both good questions and shared experience: a mentor who uses a coaching style offers both.' },
  tools: { supports: 'coaching', text: 'You would value tools such as a personality profile, 360° feedback or a wheel of life. These are coaching tools.' },
  tools_sometimes: { supports: 'coaching_style', text: 'You would use tools such as a wheel of life now and then. A mentor may borrow coaching tools.' },
  just_talk: { supports: 'mentoring', text: 'You would rather just talk than use assessments, which suits mentoring.' },
  org_leadership: { supports: 'coaching', text: 'This is part of a leadership development program, where organizations usually offer coaching.' },
  org_performance: { supports: 'coaching', text: 'This is about performance in your current role, which organizations usually support with coaching.' },
  org_onboarding: { supports: 'mentoring', text: 'You are new to the organization or the role. Organizations use mentoring for onboarding.' },
  org_inclusion: { supports: 'mentoring', text: 'This is part of an inclusion or career development program, where organizations usually use mentoring.' },
  org_knowledge: { supports: 'mentoring', text: 'The aim is to pass on knowledge from experienced colleagues, which is what mentoring is for.' },
} as const satisfies Record<string, { supports: ReasonSupport; text: string }>;

export type ReasonId = keyof typeof REASONS;

const notSure = (label = 'I am not sure'): FitOption => ({ id: 'unsure', label, evidence: {} });

export const QUESTIONS: readonly FitQuestion[] = [
  {
    id: 'aim', distinction: 'aim', prompt: 'What do you most want help with?',
    help: 'Coaching aims at specific goals and observable change; mentoring at long-term career and personal growth.',
    options: [
      { id: 'specific_goal', label: 'A specific skill or goal, such as leading meetings, delegating or presenting', evidence: { coaching: 3 }, reason: 'specific_goal' },
      { id: 'career_growth', label: 'My broader career and personal growth over the years ahead', evidence: { mentoring: 3 }, reason: 'career_growth' },
      { id: 'both', label: 'A specific goal now, and my longer-term career too', evidence: { coaching: 2, mentoring: 2 }, reason: 'goal_and_growth' },
      notSure(),
    ],
  },
  {
    id: 'measure', distinction: 'outcome', prompt: 'How will you know it has worked?',
    help: 'Coaching measures each goal from a baseline to a target; mentoring is judged by growth both people see over time.',
    options: [
      { id: 'measurable', label: 'A change others can observe and I can measure', evidence: { coaching: 2 }, reason: 'measurable_change' },
      { id: 'perspective', label: 'I will feel more confident, with a wider perspective and a clearer direction', evidence: { mentoring: 2 }, reason: 'perspective' },
      notSure(),
    ],
  },
  {
    id: 'timing', distinction: 'time', prompt: 'How soon does the change need to happen?',
    help: 'Coaching is short-term, with a timeline and milestones; mentoring is open-ended.',
    options: [
      { id: 'months', label: 'Within the next few months', evidence: { coaching: 2 }, reason: 'time_bound' },
      { id: 'no_deadline', label: 'There is no deadline; this is about the long run', evidence: { mentoring: 2 }, reason: 'open_ended' },
      notSure(),
    ],
  },
  {
    id: 'structure', distinction: 'shape', prompt: 'What kind of arrangement suits you?',
    help: 'Coaching is structured and contracted; mentoring is informal and relationship-first.',
    options: [
      { id: 'structured', label: 'Structured: agreed goals, regular sessions and a timeline with milestones', evidence: { coaching: 3 }, reason: 'structure' },
      { id: 'informal', label: 'Informal: a relationship in which we talk when it is useful', evidence: { mentoring: 3 }, reason: 'informal' },
      { id: 'light', label: 'Some structure, but relaxed', evidence: { coaching: 1, mentoring: 1 } },
      notSure(),
    ],
  },
  {
    id: 'ending', distinction: 'time', prompt: 'When should it end?',
    help: 'A coaching engagement ends when its goals are met; a mentoring relationship lasts while both find it worthwhile.',
    options: [
      { id: 'goals_met', label: 'When my goals are met', evidence: { coaching: 2 }, reason: 'time_bound' },
      { id: 'while_worthwhile', label: 'It can go on as long as we both find it worthwhile', evidence: { mentoring: 2 }, reason: 'open_ended' },
      notSure(),
    ],
  },
  {
    id: 'same_path', distinction: 'who', prompt: 'Do you want someone who has walked the same path, in your field or your organization?',
    help: 'Mentors are colleagues or practitioners with relevant experience, including of how an organization really works.',
    options: [
      { id: 'essential', label: 'Yes: someone who knows my field or organization from the inside, including its politics', evidence: { mentoring: 3 }, reason: 'same_path' },
      { id: 'helpful', label: 'It would help, but it is not essential', evidence: { mentoring: 1 }, reason: 'same_path' },
      { id: 'outside_view', label: 'No: I would rather have a neutral outside view', evidence: { coaching: 2 }, reason: 'outside_view' },
      notSure(),
    ],
  },
  {
    id: 'network', distinction: 'each_meeting', prompt: 'Would introductions, networks and advice on the unwritten rules help you?',
    help: 'Mentoring conversations include stories, advice and introductions.',
    options: [
      { id: 'yes', label: 'Yes, a lot', evidence: { mentoring: 2 }, reason: 'network' },
      { id: 'somewhat', label: 'Somewhat', evidence: { mentoring: 1 }, reason: 'network' },
      { id: 'no', label: 'Not really', evidence: {} },
    ],
  },
  {
    id: 'certified', distinction: 'who', prompt: 'Does it matter that the person is a trained, certified professional?',
    help: 'Coaches are usually certified (for example by the ICF) and bound by a code of ethics; mentors need no certification.',
    options: [
      { id: 'yes', label: 'Yes: trained and certified, bound by a code of ethics', evidence: { coaching: 3 }, reason: 'certified' },
      { id: 'experience', label: 'No: relevant experience matters more than a certificate', evidence: { mentoring: 2 }, reason: 'experience_over_certification' },
      { id: 'no_preference', label: 'I have no preference', evidence: {} },
    ],
  },
  {
    id: 'confidentiality', distinction: 'who', prompt: 'How much does formal confidentiality matter to you?',
    help: 'Coaching engagements have a written agreement that states what stays confidential, and its limits.',
    options: [
      { id: 'formal', label: 'I want a written agreement on what stays confidential', evidence: { coaching: 2 }, reason: 'formal_confidentiality' },
      { id: 'trust', label: 'Trust between us is enough', evidence: { mentoring: 1 }, reason: 'trust_enough' },
      { id: 'no_preference', label: 'I have no preference', evidence: {} },
    ],
  },
  {
    id: 'focus', distinction: 'each_meeting', prompt: 'In each conversation, who should set the focus?',
    help: 'In coaching the client chooses the focus of every session; a mentor often brings topics from experience.',
    options: [
      { id: 'me', label: 'I do: I bring what matters to me that day', evidence: { coaching: 2, coachingStyle: 2 }, reason: 'own_focus' },
      { id: 'them', label: 'The other person: I would like them to bring topics from their experience', evidence: { mentoring: 2 }, reason: 'shared_experience' },
      { id: 'together', label: 'We decide together', evidence: { mentoring: 1, coachingStyle: 1 } },
    ],
  },
  {
    id: 'approach', distinction: 'each_meeting', prompt: 'What would help you more?',
    help: 'A coach listens, observes and asks; a mentor shares experience and advice. Some mentors do both.',
    options: [
      { id: 'questions', label: 'Being challenged with questions that help me find my own answers', evidence: { coaching: 2, coachingStyle: 3 }, reason: 'challenged_with_questions' },
      { id: 'advice', label: 'Hearing experience, stories and advice from someone who has done it', evidence: { mentoring: 3 }, reason: 'shared_experience' },
      { id: 'both', label: 'Both', evidence: { coaching: 1, mentoring: 1, coachingStyle: 2 }, reason: 'questions_and_advice' },
    ],
  },
  {
    id: 'tools', distinction: 'tools', prompt: 'Would you value tools such as a personality profile, 360° feedback or a wheel of life?',
    help: 'Assessments and feedback are coaching tools; a mentor may borrow them.',
    options: [
      { id: 'yes', label: 'Yes', evidence: { coaching: 2 }, reason: 'tools' },
      { id: 'sometimes', label: 'Now and then, if they help', evidence: { coachingStyle: 1 }, reason: 'tools_sometimes' },
      { id: 'no', label: 'No, I would rather just talk', evidence: { mentoring: 1 }, reason: 'just_talk' },
    ],
  },
  {
    id: 'context', distinction: 'organization', prompt: 'Is this part of something your organization offers?',
    help: 'Organizations use coaching for leadership development and performance, mentoring for onboarding, careers, knowledge transfer and inclusion.',
    options: [
      { id: 'leadership', label: 'A leadership development program', evidence: { coaching: 2 }, reason: 'org_leadership' },
      { id: 'performance', label: 'Improving performance in my current role', evidence: { coaching: 2 }, reason: 'org_performance' },
      { id: 'onboarding', label: 'Onboarding: I am new to the organization or the role', evidence: { mentoring: 2 }, reason: 'org_onboarding' },
      { id: 'inclusion', label: 'An inclusion, diversity or career development program', evidence: { mentoring: 2 }, reason: 'org_inclusion' },
      { id: 'knowledge', label: 'Passing on knowledge from experienced colleagues', evidence: { mentoring: 2 }, reason: 'org_knowledge' },
      { id: 'none', label: 'None of these: it is my own initiative', evidence: {} },
    ],
  },
];

/** "Read what each involves": the §1 table, for the guide's explainer. */
export const EXPLAINERS = [
  {
    kind: 'coaching' as const,
    title: 'Coaching',
    summary: 'A structured, time-bound engagement with a trained coach, aimed at specific goals and measurable change.',
    rows: [
      { aspect: 'Aim', text: 'Specific goals and skills; observable change in behaviour and performance.' },
      { aspect: 'Shape', text: 'Structured and contracted: coach, client and often a sponsor agree in writing.' },
      { aspect: 'Time', text: 'Short-term, with a timeline and milestones; ends when the goals are met.' },
      { aspect: 'Each meeting', text: 'You choose the focus; the coach listens, adds observations and questions; you commit to actions.' },
      { aspect: 'Tools', text: 'Assessments (personality, 360° feedback, wheel of life), goal worksheets, progress measures.' },
      { aspect: 'Who', text: 'Trained, usually certified coaches, bound by a code of ethics and confidentiality.' },
      { aspect: 'Outcome', text: 'Measured: a baseline and a target for each goal.' },
    ],
  },
  {
    kind: 'mentoring' as const,
    title: 'Mentoring',
    summary: 'An informal, open-ended relationship with someone who has walked the path, for long-term growth.',
    rows: [
      { aspect: 'Aim', text: 'Long-term career and personal growth, competence and perspective.' },
      { aspect: 'Shape', text: 'Informal and relationship-first; formed organically or through a program.' },
      { aspect: 'Time', text: 'Open-ended; lasts while both find it worthwhile, with a regular no-fault "shall we continue?".' },
      { aspect: 'Each meeting', text: 'Conversation, stories, advice and introductions; the mentor shares experience.' },
      { aspect: 'Tools', text: 'Shared goals are optional; resources and check-ins. A mentor may borrow coaching tools.' },
      { aspect: 'Who', text: 'Colleagues or practitioners with relevant experience; no certification needed.' },
      { aspect: 'Outcome', text: 'A healthy relationship and growth both people report.' },
    ],
  },
];
