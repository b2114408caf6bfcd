import { FIT_GUIDE_VERSION, QUESTIONS, type FitQuestion } from './questions.ts';
import type { Answers } from './recommend.ts';

/**
 * A shareable fit guide result is its answers, written in the base64url alphabet: one character
 * for the guide's version, then one per question (0 = not answered, n = the n-th option). A link
 * holding the code lets anyone see the same result, recomputed, with nothing stored on the server
 * and nothing about the person in it. The code is short (14 characters for 13 questions) and
 * checked strictly on the way back: the right version, length and options, or it is refused.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const SHARE_CODE_PATTERN = '^[A-Za-z0-9_-]{2,64}$';

export function encodeShareCode(answers: Answers, questions: readonly FitQuestion[] = QUESTIONS, version = FIT_GUIDE_VERSION): string {
  let code = ALPHABET[version]!;
  for (const question of questions) {
    const index = question.options.findIndex((option) => option.id === answers[question.id]);
    code += ALPHABET[index + 1]!;
  }
  return code;
}

export type DecodedShareCode =
  | { ok: true; answers: Record<string, string> }
  | { ok: false; reason: 'malformed' | 'other_version'; message: string };

export function decodeShareCode(code: string, questions: readonly FitQuestion[] = QUESTIONS, version = FIT_GUIDE_VERSION): DecodedShareCode {
  if (!new RegExp(SHARE_CODE_PATTERN).test(code)) return { ok: false, reason: 'malformed', message: 'is not a fit guide result code' };
  const codeVersion = ALPHABET.indexOf(code[0]!);
  if (codeVersion !== version) {
    return codeVersion > 0 && codeVersion < version
      ? { ok: false, reason: 'other_version', message: 'was made with an earlier version of the fit guide; take the guide again to see a current result' }
      : { ok: false, reason: 'malformed', message: 'is not a fit guide result code' };
  }
  if (code.length !== questions.length + 1) return { ok: false, reason: 'malformed', message: 'is not a fit guide result code' };
  const answers: Record<string, string> = {};
  for (const [position, question] of questions.entries()) {
    const index = ALPHABET.indexOf(code[position + 1]!);
    if (index > question.options.length) return { ok: false, reason: 'malformed', message: 'is not a fit guide result code' };
    if (index > 0) answers[question.id] = question.options[index - 1]!.id;
  }
  return { ok: true, answers };
}
