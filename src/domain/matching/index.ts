/**
 * Cairn's matching engine: weighted, explainable, capacity-aware, exactly optimal assignment of
 * mentees to mentors for a whole program, and suggestions for self-matching. Pure: no I/O.
 *
 *   matchProgram(input)              the assignment, its explanations, the reasons for people left out, its proof
 *   suggestMentors(input, menteeId)  a mentee's top five mentors with the reasons (self-match mode)
 *   previewPair(input, mentee, mentor)  one pair scored under a configuration (the admin's live preview)
 *   compileMatching + RowScorer      the scorer itself, for baselines and tools
 */
export * from './types.ts';
export { matchProgram } from './solve.ts';
export { previewPair, suggestMentors, type Suggestions } from './suggest.ts';
export { compileMatching, SCALE, type CompiledMatching } from './compile.ts';
export { RowScorer, pairBlocker } from './kernel.ts';
