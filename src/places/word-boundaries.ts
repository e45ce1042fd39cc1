/**
 * Word boundaries of display text (headlines, kickers, titles, openings: site/line-breaks.ts, site/site-model.ts)
 * from a memo of the clauses cut before, so that a build whose texts were all seen before needs no jieba at all
 * (its dictionary takes 0.15–0.25 s to load). Exact: jieba cuts each clause on its own (see jieba.ts), so a text's
 * boundaries are its clauses' boundaries, shifted, plus both sides of each separator between them.
 */
import { jiebaClauses, wordBoundariesOf, type Cut } from './jieba.js';

/** Boundaries of clauses by clause text: {@link wordBoundariesOf} of the clause alone (0 and its length included). */
export type ClauseWords = Map<string, readonly number[]>;

/**
 * A word boundaries function ({@link wordBoundariesOf} of `text`, the same offsets) that looks each clause up in
 * `memo` and cuts only the clauses it lacks, adding them to it.
 * @param cut jieba's cut, asked for only on a miss (so a caller may load the dictionary in it)
 */
export function memoWordBoundaries(memo: ClauseWords, cut: () => Cut): (text: string) => number[] {
  const clauseWords = (clause: string): readonly number[] => {
    let offsets = memo.get(clause);
    if (offsets === undefined) {
      offsets = wordBoundariesOf(cut(), clause);
      memo.set(clause, offsets);
    }
    return offsets;
  };
  return (text) => {
    const out = [0];
    let at = 0;
    for (const [start, end] of jiebaClauses(text)) {
      // Each separator before the clause is a word of its own.
      for (let i = at + 1; i <= start; i++) out.push(i);
      for (const offset of clauseWords(text.slice(start, end))) if (offset > 0) out.push(start + offset);
      at = end;
    }
    for (let i = at + 1; i <= text.length; i++) out.push(i);
    return out;
  };
}
