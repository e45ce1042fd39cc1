/**
 * The one module that imports nodejieba (cppjieba 5.x through Node-API), behind one {@link Jieba} instance that
 * the build context holds (build-context.ts) and passes to whatever cuts words: the place tagger and the
 * segmenter's column-break joins. nodejieba keeps one dictionary per thread, so a thread has one Jieba: the
 * instance knows which dictionary it loaded, and a second instance that loaded another one would change the
 * first one's words.
 *
 * nodejieba facts this wrapper designs around (3.5.8, read from its index.js and lib/nodejieba.cpp):
 * - `load()` is NOT a no-op when called again: every call builds a new cppjieba instance from the
 *   dictionary files (about 1.5–2 s) and replaces the old one, so words of an earlier user
 *   dictionary are gone. Calling any cut function before `load()` loads the default dictionaries.
 * - A missing or unreadable dictionary file makes cppjieba `abort()` the whole process; this wrapper
 *   reads the file first so the caller gets an exception instead.
 * - Before segmenting, cppjieba splits its input at five separators, space, tab, `\n`, `，` (U+FF0C) and `。`
 *   (U+3002) (`SPECIAL_SEPARATORS`, cppjieba/SegmentBase.hpp line 11; nodejieba never resets them), makes each
 *   separator a word of its own and segments every stretch between them on its own (PreFilter.hpp; MixSegment.hpp
 *   `Cut`). So a clause, a maximal stretch without a separator, gets the same words whether it is cut alone or
 *   inside a longer text: {@link wordBoundariesWithin} and {@link spansJoin} cut only the clauses they need.
 *   (Checked on every line and paragraph of the seeds: bench/jieba-clauses.ts.)
 * So: {@link Jieba.useUserDict} loads once, and again only when the dictionary's bytes differ from the
 * loaded one; every cut function loads the default dictionaries first if nothing is loaded (jieba's dictionary
 * takes 1.3–2 s and about 280 MB to load: nothing is loaded before the first cut or useUserDict).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startThread } from '../start-thread.js';
import nodejieba from 'nodejieba';
import type { JiebaReply, JiebaRequest } from './jieba-thread.js';
import { loadOptions } from './jieba-load-options.js';
import { writeIfChanged } from './write-if-changed.js';

/** A word of {@link tagWords}: the word and its part-of-speech tag (`ns`, `v`..., or a tag from the user dictionary). */
export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
}

/**
 * jieba's segmenter in this thread: its dictionaries, loaded on first use, and the cut functions. Methods are
 * bound (they may be passed around alone, e.g. `{ spansJoin: jieba.spansJoin }`).
 */
export class Jieba {
  /** Hash of the user dictionary loaded, `''` for the default dictionaries, null before any load. */
  #loaded: string | null = null;
  #loadedPath: string | null = null;
  /** The thread of its own that holds the dictionary ({@link inWorker}), or null: nodejieba in this thread. */
  #thread: { readonly worker: Worker; readonly port: MessagePort; readonly flag: Int32Array } | null = null;

  #ensureLoaded(): void {
    if (this.#loaded === null) {
      this.#call('load', undefined, false);
      this.#loaded = '';
    }
  }

  /** Runs one nodejieba call, in this thread or, waiting for its answer when `reply`, in the jieba thread. */
  #call(op: JiebaRequest['op'], arg: string | undefined, reply = true, keywords?: string): unknown {
    const thread = this.#thread;
    if (thread === null) {
      switch (op) {
        case 'load':
          return void (arg === undefined ? nodejieba.load() : nodejieba.load(loadOptions(arg, keywords)));
        case 'cut':
          return nodejieba.cut(arg ?? '', true);
        case 'cutForSearch':
          return nodejieba.cutForSearch(arg ?? '', true);
        case 'tag':
          return nodejieba.tag(arg ?? '').map(({ word, tag }) => ({ word, tag }));
      }
    }
    Atomics.store(thread.flag, 0, 0);
    thread.port.postMessage({ op, arg, reply, ...(keywords === undefined ? {} : { keywords }) } satisfies JiebaRequest);
    if (!reply) return undefined;
    // The thread answers every request in order, posting the answer before it sets the flag and notifies. A wake-up
    // with no answer on the port is the previous answer's notify arriving late (the thread was preempted between
    // setting the flag and notifying, while this thread took that answer and sent this request): wait again.
    // Two minutes without an answer means the thread is gone.
    const deadline = performance.now() + 120_000;
    let answer: JiebaReply;
    for (;;) {
      const received = receiveMessageOnPort(thread.port);
      if (received !== undefined) {
        answer = received.message as JiebaReply;
        break;
      }
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(thread.flag, 0, 0, left) === 'timed-out') throw new Error('jieba thread did not answer in 120 s');
    }
    if (!answer.ok) throw new Error(answer.message);
    return answer.value;
  }

  /**
   * Keep the dictionary in a thread of its own from now on: loads (useUserDict) return at once and the dictionary
   * is read there while this thread goes on; each cut then waits for its answer (about 20–50 µs a call, so meant for
   * builds that segment a few seeds). Only before anything is loaded; a no-op after. {@link close} ends the thread.
   */
  readonly inWorker = (): void => {
    if (this.#loaded !== null || this.#thread !== null) return;
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const worker = startThread(import.meta.url, 'jieba-thread', { workerData: { port: port2, flag }, transferList: [port2] });
    worker.unref();
    port1.unref();
    this.#thread = { worker, port: port1, flag };
  };

  /** Whether the dictionary is in a thread of its own ({@link inWorker}). */
  get inOwnThread(): boolean {
    return this.#thread !== null;
  }

  /** End the jieba thread, if there is one (its dictionary is gone: the next cut loads it again in this thread). */
  readonly close = async (): Promise<void> => {
    const thread = this.#thread;
    if (thread === null) return;
    this.#thread = null;
    this.#loaded = null;
    this.#loadedPath = null;
    thread.port.close();
    await thread.worker.terminate();
  };

  /**
   * Makes jieba segment with the default dictionaries plus the user dictionary at `path` (cppjieba
   * format: `word freq tag` lines, UTF-8). A no-op when a dictionary with the same bytes is loaded
   * already; otherwise (re)loads jieba, which takes 1.5–2 s and replaces any earlier user dictionary
   * for every caller in this thread.
   *
   * @throws Error (ENOENT...) when the file cannot be read.
   */
  readonly useUserDict = (path: string): void => {
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (this.#loaded === hash) return;
    this.#call('load', path, false, writeKeywordsStandIn(dirname(path)));
    this.#loaded = hash;
    this.#loadedPath = path;
  };

  /** Path of the user dictionary loaded by {@link useUserDict}, or null when none is. */
  readonly loadedUserDict = (): string | null => this.#loadedPath;

  /** Segments `text` into words (jieba's mixed mode: dictionary + HMM for unknown words); the words concatenate back to `text`. */
  readonly cut = (text: string): string[] => {
    if (text === '') return [];
    this.#ensureLoaded();
    return this.#call('cut', text) as string[];
  };

  /** Segments `text` for a search index: like {@link cut}, plus the shorter dictionary words inside long words (overlapping). */
  readonly cutForSearch = (text: string): string[] => {
    if (text === '') return [];
    this.#ensureLoaded();
    return this.#call('cutForSearch', text) as string[];
  };

  /** Segments `text` like {@link cut} (same words) and gives each word's part-of-speech tag. */
  readonly tagWords = (text: string): TaggedWord[] => {
    if (text === '') return [];
    this.#ensureLoaded();
    return this.#call('tag', text) as TaggedWord[];
  };

  /**
   * Offsets (UTF-16 code units, 0 and `text.length` included, ascending) where a word of {@link cut} starts or ends.
   * Should jieba ever return words that do not spell `text` back, every offset from there on counts as a boundary.
   */
  readonly wordBoundaries = (text: string): number[] => wordBoundariesOf(this.cut, text);

  /** See {@link wordBoundariesWithin}, with this segmenter. */
  readonly wordBoundariesWithin = (text: string, spans: readonly (readonly [number, number])[]): number[] => wordBoundariesWithin(this.cut, text, spans);

  /** See {@link spansJoin}, with this segmenter. */
  readonly spansJoin = (left: string, right: string): boolean => spansJoin(this.cut, left, right);
}

/**
 * What {@link KEYWORDS_STAND_IN} holds: one line, which cppjieba reads as an IDF table of one word and as a list of
 * one stop word (a table it needs to be non-empty).
 */
const KEYWORDS_STAND_IN_TEXT = '的 1.0\n';

/** File name of the stand-in, beside the user dictionary. */
export const KEYWORDS_STAND_IN = 'keywords-unused.utf8';

/**
 * nodejieba's `load` also reads the keyword extractor's tables, the IDF table (`idf.utf8`, 6 MB, about 260,000
 * lines) and the stop words, which only its `extract` reads; `cut`, `cutForSearch` and `tag` never do (cppjieba
 * Jieba.hpp: the tables feed KeywordExtractor alone), and this project does not extract keywords. Loading a
 * one-line stand-in instead saves about 0.15 CPU s of every load and gives the same words and tags. Writes
 * `{dir}/keywords-unused.utf8` unless it holds the stand-in already (a temporary file, then a rename; a folder in
 * its place is removed).
 * @returns the file's path
 * @throws Error from the file system
 */
export function writeKeywordsStandIn(dir: string): string {
  const file = join(dir, KEYWORDS_STAND_IN);
  writeIfChanged(file, KEYWORDS_STAND_IN_TEXT);
  return file;
}


/** Cuts text into words that concatenate back to it ({@link Jieba.cut}). */
export type Cut = (text: string) => string[];

/**
 * Offsets (UTF-16 code units, 0 and `text.length` included, ascending) where a word of `cut(text)` starts or ends.
 * Should jieba ever return words that do not spell `text` back, every offset from there on counts as a boundary.
 */
export function wordBoundariesOf(cut: Cut, text: string): number[] {
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

/** The separators cppjieba splits its input at (see the module comment), as UTF-16 code units: ` \t\n，。`. */
export const JIEBA_SEPARATORS = ' \t\n\uFF0C\u3002';

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0xff0c || code === 0x3002;
}

/** A lone (unpaired) surrogate: nodejieba gets U+FFFD for it, so the words stop spelling the text back from there on. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The clauses of `text`: the stretches jieba segments independently, as [start, end) offsets (UTF-16 code units,
 * ascending, disjoint, none empty). Cutting a clause alone gives the same word boundaries inside it as cutting
 * `text` whole. They are the maximal stretches without a {@link JIEBA_SEPARATORS} character (the separators
 * themselves, each a word of its own, are left out: `[]` for `''` or a text of separators only), except that a
 * text with a lone surrogate is one clause `[0, text.length]` (jieba's words stop spelling it back there, and
 * every offset after that counts as a boundary, see {@link wordBoundariesOf}).
 */
export function jiebaClauses(text: string): [number, number][] {
  if (LONE_SURROGATE.test(text)) return [[0, text.length]];
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSeparator(text.charCodeAt(i))) continue;
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  if (text.length > start) out.push([start, text.length]);
  return out;
}

/**
 * The offsets of {@link wordBoundariesOf}`(cut, text)` that lie in at least one of `spans` (each `[from, to]`, both
 * included, UTF-16 code units, 0 ≤ from ≤ to ≤ text.length, in any order, may overlap), ascending, without
 * duplicates: exactly `wordBoundariesOf(cut, text).filter(o => spans.some(([f, t]) => f <= o && o <= t))`.
 *
 * Cuts only the clauses that hold the spans (from the separator before `from` to the separator after `to`;
 * clauses one separator apart in one call), so the cost follows the spans, not the text. A text with a lone
 * surrogate is cut whole (jieba's words stop matching it there, which makes every later offset a boundary).
 *
 * @throws RangeError when a span is outside the text or has from > to.
 */
export function wordBoundariesWithin(cut: Cut, text: string, spans: readonly (readonly [number, number])[]): number[] {
  const n = text.length;
  for (const [from, to] of spans) {
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= n)) {
      throw new RangeError(`span [${from}, ${to}] is not inside a text of length ${n}`);
    }
  }
  if (spans.length === 0) return [];
  // The spans as disjoint [from, to] ranges, ascending.
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  let offsets: number[];
  if (LONE_SURROGATE.test(text)) {
    offsets = wordBoundariesOf(cut, text);
  } else {
    // Windows [start, end) whose edges are edges of jieba's stretches: 0, n, or either side of a separator.
    // Each character is scanned at most once: a range that starts inside the last window only extends its end,
    // from its own end on (scanning back to the clause start for each of k mentions in one long clause made a
    // 1 MB paragraph take k × 1 MB steps).
    const windows: [number, number][] = [];
    for (const [from, to] of ranges) {
      const open = windows[windows.length - 1];
      if (open !== undefined && from <= open[1]) {
        let end = to;
        if (end > open[1] && !isSeparator(text.charCodeAt(end - 1))) while (end < n && !isSeparator(text.charCodeAt(end))) end++;
        open[1] = Math.max(open[1], end);
        continue;
      }
      let start = from;
      if (start < n && !isSeparator(text.charCodeAt(start))) while (start > 0 && !isSeparator(text.charCodeAt(start - 1))) start--;
      let end = to;
      if (end > 0 && !isSeparator(text.charCodeAt(end - 1))) while (end < n && !isSeparator(text.charCodeAt(end))) end++;
      const last = windows[windows.length - 1];
      if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
      else windows.push([start, end]);
    }
    offsets = [];
    for (const [start, end] of windows) {
      let onlySeparators = true;
      for (let i = start; i < end && onlySeparators; i++) onlySeparators = isSeparator(text.charCodeAt(i));
      if (onlySeparators) {
        // Each separator is a word of its own: every offset is a boundary, nothing to cut.
        for (let at = start; at <= end; at++) if (offsets.length === 0 || offsets[offsets.length - 1]! < at) offsets.push(at);
        continue;
      }
      for (const offset of wordBoundariesOf(cut, text.slice(start, end))) {
        const at = start + offset;
        if (offsets.length === 0 || offsets[offsets.length - 1]! < at) offsets.push(at);
      }
    }
  }
  const out: number[] = [];
  let r = 0;
  for (const offset of offsets) {
    while (r < ranges.length && ranges[r]![1] < offset) r++;
    if (r === ranges.length) break;
    if (ranges[r]![0] <= offset) out.push(offset);
  }
  return out;
}

/**
 * Whether jieba, segmenting `left + right`, puts a word across the join (a word starts before
 * `left.length` and ends after it), e.g. `spansJoin('南通市崇', '川区')` is true and `spansJoin('南通市', '崇川区')`
 * is false. False when either side is empty. Cuts only the clause of `left` that touches its end and the
 * clause of `right` that touches its start (none when a separator is at the join): see {@link wordBoundariesWithin}.
 */
export function spansJoin(cut: Cut, left: string, right: string): boolean {
  if (left === '' || right === '') return false;
  const join = left.length;
  return wordBoundariesWithin(cut, left + right, [[join, join]]).length === 0;
}
