/**
 * The one module that imports nodejieba (cppjieba 5.x through Node-API). Holds the only global
 * state of the project: the segmenter loaded in this process (or worker thread).
 *
 * nodejieba facts this wrapper designs around (3.5.8, read from its index.js and lib/nodejieba.cpp):
 * - `load()` is NOT a no-op when called again: every call builds a new cppjieba instance from the
 *   dictionary files (about 1.5–2 s) and replaces the old one, so words of an earlier user
 *   dictionary are gone. Calling any cut function before `load()` loads the default dictionaries.
 * - A missing or unreadable dictionary file makes cppjieba `abort()` the whole process; this wrapper
 *   reads the file first so the caller gets an exception instead.
 * So: {@link useUserDict} loads once, and again only when the dictionary's bytes differ from the
 * loaded one; every cut function loads the default dictionaries first if nothing is loaded.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

/** A word of {@link tagWords}: the word and its part-of-speech tag (`ns`, `v`..., or a tag from the user dictionary). */
export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
}

/** Hash of the user dictionary loaded, `''` for the default dictionaries, null before any load. */
let loaded: string | null = null;
let loadedPath: string | null = null;

function ensureLoaded(): void {
  if (loaded === null) {
    nodejieba.load();
    loaded = '';
  }
}

/**
 * Makes jieba segment with the default dictionaries plus the user dictionary at `path` (cppjieba
 * format: `word freq tag` lines, UTF-8). A no-op when a dictionary with the same bytes is loaded
 * already; otherwise (re)loads jieba, which takes 1.5–2 s and replaces any earlier user dictionary
 * for every caller in this thread.
 *
 * @throws Error (ENOENT...) when the file cannot be read.
 */
export function useUserDict(path: string): void {
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (loaded === hash) return;
  nodejieba.load({ userDict: path });
  loaded = hash;
  loadedPath = path;
}

/** Path of the user dictionary loaded by {@link useUserDict}, or null when none is. */
export function loadedUserDict(): string | null {
  return loadedPath;
}

/** Segments `text` into words (jieba's mixed mode: dictionary + HMM for unknown words); the words concatenate back to `text`. */
export function cut(text: string): string[] {
  if (text === '') return [];
  ensureLoaded();
  return nodejieba.cut(text, true);
}

/** Segments `text` for a search index: like {@link cut}, plus the shorter dictionary words inside long words (overlapping). */
export function cutForSearch(text: string): string[] {
  if (text === '') return [];
  ensureLoaded();
  return nodejieba.cutForSearch(text, true);
}

/** Segments `text` like {@link cut} (same words) and gives each word's part-of-speech tag. */
export function tagWords(text: string): TaggedWord[] {
  if (text === '') return [];
  ensureLoaded();
  return nodejieba.tag(text).map(({ word, tag }) => ({ word, tag }));
}

/**
 * Offsets (UTF-16 code units, 0 and `text.length` included, ascending) where a word of {@link cut} starts or ends.
 * Should jieba ever return words that do not spell `text` back, every offset from there on counts as a boundary.
 */
export function wordBoundaries(text: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const word of cut(text)) {
    if (text.startsWith(word, at)) {
      at += word.length;
      offsets.push(at);
    } else {
      for (let i = at + 1; i <= text.length; i++) offsets.push(i);
      return offsets;
    }
  }
  if (at !== text.length) for (let i = at + 1; i <= text.length; i++) offsets.push(i);
  return offsets;
}

/**
 * Whether jieba, segmenting `left + right`, puts a word across the join (a word starts before
 * `left.length` and ends after it), e.g. `spansJoin('南通市崇', '川区')` is true and `spansJoin('南通市', '崇川区')`
 * is false. False when either side is empty.
 */
export function spansJoin(left: string, right: string): boolean {
  if (left === '' || right === '') return false;
  return !wordBoundaries(left + right).includes(left.length);
}
