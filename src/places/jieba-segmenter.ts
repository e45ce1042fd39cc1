/**
 * jieba-rs (npm `@node-rs/jieba`, prebuilt Node-API binaries) with its default dictionary plus a user dictionary,
 * as a {@link Segmenter} of plain functions. Shared by this thread's jieba (jieba.ts) and the dictionary's own
 * thread (jieba-thread.ts), which cannot import each other: the thread's module runs as a worker's entry.
 *
 * Two things jieba-rs does that this module evens out, so that a user dictionary and the separators mean what
 * jieba.ts documents:
 * - A user dictionary line for a word the default dictionary has already (2,761 of 3,393 for 3206: `龙马潭区 3 ns`)
 *   takes its frequency but keeps the default tag; {@link Segmenter.tag} gives the user dictionary's tag.
 * - jieba-rs makes `\r\n` one word, across the `\n` that jieba.ts's clauses stop at; a text with `\r\n` is cut line
 *   by line (each `\n` a word of its own). Every other separator (space, tab, `\n`, `，`, `。`) is always a word of
 *   its own: jieba-rs cuts each stretch of Han characters, ASCII letters, digits and `+#&._%-` (and each whitespace
 *   character) alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba as JiebaRs } from '@node-rs/jieba';

/** A word of {@link Segmenter.tag}: the word and its part-of-speech tag (`ns`, `v`..., or a tag from the user dictionary). */
export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
}

/** jieba's cut functions with one set of dictionaries loaded. Every result's words concatenate back to the text. */
export interface Segmenter {
  /** jieba's mixed mode: dictionary words, then the HMM for runs of single characters it does not know. */
  cut(text: string): string[];
  /** Like `cut`, plus the shorter dictionary words inside long words (overlapping). */
  cutForSearch(text: string): string[];
  /** The words of `cut`, each with its part-of-speech tag. */
  tag(text: string): TaggedWord[];
}

/** Path of the default dictionary shipped in `@node-rs/jieba` (`dict.txt`, 5 MB, 349,045 `word freq tag` lines). */
const DEFAULT_DICT = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

/** `cut(text)`, but line by line when `text` holds `\r\n` (see the module comment). */
function byLine<T>(text: string, cut: (text: string) => T[], newline: T): T[] {
  if (!text.includes('\r\n')) return cut(text);
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(newline);
    if (line !== '') out.push(...cut(line));
  });
  return out;
}

/**
 * A segmenter with jieba-rs's default dictionary and, when given, the user dictionary at `userDict` (`word freq tag`
 * lines, UTF-8) added to it: a user word's frequency and tag replace those of the same word in the default
 * dictionary. Takes about 0.15–0.25 s and 46 MB (the default dictionary's trie).
 * @throws Error (ENOENT...) when the user dictionary cannot be read; Error from jieba-rs for a line it cannot read
 */
export function loadSegmenter(userDict?: string): Segmenter {
  const user = userDict === undefined ? '' : readFileSync(userDict, 'utf8');
  const jieba = JiebaRs.withDict(readFileSync(DEFAULT_DICT));
  const userTags = new Map<string, string>();
  if (user !== '') {
    jieba.loadDict(Buffer.from(user, 'utf8'));
    for (const line of user.split('\n')) {
      const [word, , tag] = line.trim().split(/\s+/);
      if (word !== undefined && word !== '' && tag !== undefined) userTags.set(word, tag);
    }
  }
  return {
    cut: (text) => byLine(text, (part) => jieba.cut(part, true), '\n'),
    cutForSearch: (text) => byLine(text, (part) => jieba.cutForSearch(part, true), '\n'),
    tag: (text) =>
      byLine(text, (part) => jieba.tag(part, true).map(({ word, tag }) => ({ word, tag: userTags.get(word) ?? tag })), { word: '\n', tag: 'x' }),
  };
}
