import { GROUP_LABELS, type Relationship } from '../../domain/assessments/feedback-report.ts';

export interface RaterMailInput {
  raterName: string;
  subjectName: string;
  relationship: Relationship;
  closesOn: string;
  minGroupSize: number;
  /** This rater is a manager and the round shows the manager group on its own. */
  shownAlone: boolean;
  competencies: number;
  minutes: number;
  link: string;
}

const AS: Record<Relationship, string> = { manager: 'their manager', peer: 'a peer', direct_report: 'someone who reports to them', other: 'a colleague' };

export function anonymityPromise(input: Pick<RaterMailInput, 'subjectName' | 'minGroupSize' | 'shownAlone'>): string {
  if (input.shownAlone) {
    return `As ${input.subjectName}'s manager, your ratings may be shown on their own (your organization allows this for managers), so they are not anonymous. Your comment is shown without your name, mixed with the others.`;
  }
  return `Your answers are anonymous. They are shown only as an average with those of at least ${input.minGroupSize - 1} other people in your group (or in smaller groups combined), never on their own, and if there are not enough, they are held back. Nobody, not ${input.subjectName}, their coach or an administrator, can see what you answered. Your comment is shown without your name, mixed with the others.`;
}

export function invitationMail(input: RaterMailInput) {
  const greeting = input.raterName ? `Hello ${input.raterName},` : 'Hello,';
  return {
    subject: `${input.subjectName} asked for your feedback`,
    text: `${greeting}\n\n${input.subjectName} is asking colleagues for feedback on ${input.competencies} leadership competencies, and asked you as ${AS[input.relationship]} (${GROUP_LABELS[input.relationship].toLowerCase()}). It takes about ${input.minutes} minutes; you need no account.\n\n`
      + `${anonymityPromise(input)}\n\nPlease answer by ${input.closesOn}:\n\n${input.link}\n\nThe link is yours alone: please do not forward it.\n`,
  };
}

export function reminderMail(input: RaterMailInput) {
  const greeting = input.raterName ? `Hello ${input.raterName},` : 'Hello,';
  return {
    subject: `Reminder: ${input.subjectName} would value your feedback`,
    text: `${greeting}\n\nA reminder that ${input.subjectName} asked for your feedback; the round closes on ${input.closesOn}. It takes about ${input.minutes} minutes, and anything you already saved is kept.\n\n`
      + `${anonymityPromise(input)}\n\n${input.link}\n\nThis link replaces the one in our earlier message.\n`,
  };
}
