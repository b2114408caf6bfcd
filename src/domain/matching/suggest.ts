/**
 * Self-match mode and the admin's live preview: a mentee's best mentors with the reasons, and one
 * pair scored under a configuration being edited. Same scores as the whole-program assignment.
 */
import { compileMatching } from './compile.ts';
import { adminVoice, type BlockerCounts, explainPair, mentorBreakdown, MENTEE_VOICE } from './explain.ts';
import { pairBlocker, RowScorer } from './kernel.ts';
import { type Blocker, MatchingInputError, type MatchingInput, type ScoredPair } from './types.ts';

export interface Suggestions {
  menteeId: string;
  /** Best first; ties by mentor person id. */
  suggestions: ScoredPair[];
  /**
   * Why there are none, or fewer than asked, in words: how the other mentors were ruled out. Null
   * when the list is full, or when it is short only because the program has no more mentors.
   */
  shortfall: string | null;
}

/**
 * The mentee's top `limit` (default 5) mentors among those who could take them now: hard
 * constraints pass, the mentor has room, the score reaches the program's minimum. Sentences speak
 * to the mentee ("shares 3 of the 4 skills you want") unless `voice` is 'admin'.
 */
export function suggestMentors(input: MatchingInput, menteeId: string, options: { limit?: number; voice?: 'mentee' | 'admin' } = {}): Suggestions {
  const limit = options.limit ?? 5;
  const c = compileMatching(input);
  const i = c.menteeIndex.get(menteeId);
  if (i === undefined) throw new MatchingInputError(`mentee ${menteeId} is not in this program`);
  const voice = options.voice === 'admin' ? adminVoice(c.mentees[i]!.name) : MENTEE_VOICE;
  if (!c.menteeInPool[i]) return { menteeId, suggestions: [], shortfall: `${voice.mentee} already ${voice.has} a mentor in this program` };
  const row = new Int32Array(c.m);
  new RowScorer(c).row(i, row);
  const ranked: number[] = [];
  for (let j = 0; j < c.m; j++) if (row[j]! >= 0) ranked.push(j);
  ranked.sort((a, b) => row[b]! - row[a]! || a - b);
  const suggestions = ranked.slice(0, limit).map((j) => explainPair(c, i, j, voice));
  let shortfall: string | null = null;
  if (suggestions.length < limit) {
    // The mentee's own mentor enrollment is no candidate they missed: it is not counted.
    const ruledOut: BlockerCounts = {};
    for (let j = 0; j < c.m; j++) {
      if (row[j]! >= 0) continue;
      const blocker = pairBlocker(c, i, j) ?? 'full';
      if (blocker !== 'self') ruledOut[blocker] = (ruledOut[blocker] ?? 0) + 1;
    }
    const others = mentorBreakdown(c, i, ruledOut, voice);
    if (suggestions.length === 0) shortfall = others ? `no mentor can take ${voice.mentee} now: ${others}` : `the program has no ${c.m === 0 ? '' : 'other '}mentors yet`;
    else if (others) shortfall = `only ${suggestions.length} ${suggestions.length === 1 ? 'mentor fits' : 'mentors fit'}; of the others, ${others}`;
  }
  return { menteeId, suggestions, shortfall };
}

/**
 * One pair scored and explained, for the admin's live preview while weights are edited; `blocker`
 * says which hard constraint (or the minimum score, or capacity) would keep it from being proposed.
 */
export function previewPair(input: MatchingInput, menteeId: string, mentorId: string): ScoredPair & { blocker: Blocker | null } {
  const c = compileMatching(input);
  const i = c.menteeIndex.get(menteeId);
  const j = c.mentorIndex.get(mentorId);
  if (i === undefined) throw new MatchingInputError(`mentee ${menteeId} is not in this program`);
  if (j === undefined) throw new MatchingInputError(`mentor ${mentorId} is not in this program`);
  return { ...explainPair(c, i, j), blocker: pairBlocker(c, i, j) };
}
