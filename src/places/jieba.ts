/**
 * The one module that owns jieba (jieba-rs through npm `@node-rs/jieba`: jieba-segmenter.ts loads it, here or in
 * jieba-thread.ts), behind one {@link Jieba} instance that the build context holds (build-context.ts) and passes to
 * whatever cuts words: the place tagger and the segmenter's column-break joins. The instance knows which user
 * dictionary it loaded; cutting with another one takes another instance.
 *
 * Facts this wrapper designs around (@node-rs/jieba 2.0.3):
 * - Loading builds a segmenter from the default dictionary (5 MB, in the package) and the user dictionary: about
 *   0.15–0.25 s and 46 MB. Words added to a segmenter stay, so another user dictionary means a new segmenter.
 * - Before segmenting, jieba-rs splits its input into stretches of Han characters, ASCII letters, digits and
 *   `+#&._%-`; every other character is a word of its own (one whitespace character a word, `\r\n` aside, which
 *   jieba-segmenter.ts cuts line by line). So the five separators of {@link JIEBA_SEPARATORS}, space, tab, `\n`, `，`
 *   (U+FF0C) and `。` (U+3002), are each a word of its own, and a clause, a maximal stretch without a separator,
 *   gets the same words whether it is cut alone or inside a longer text: {@link wordBoundariesWithin} and
 *   {@link spansJoin} cut only the clauses they need. (Checked on every line and paragraph of the seeds:
 *   bench/jieba-clauses.ts, test/places/clauses.test.ts.) The five are the separators of cppjieba (nodejieba), which
 *   this project used before: the clauses, and the words memoised by clause (word-boundaries.ts), kept their meaning.
 * So: {@link Jieba.useUserDict} loads once, and again only when the dictionary's bytes differ from the
 * loaded one; every cut function loads the default dictionary first if nothing is loaded (nothing is loaded before
 * the first cut or useUserDict).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startThread } from '../start-thread.js';
import type { JiebaReply, JiebaRequest } from './jieba-thread.js';
import { loadSegmenter, type Segmenter, type TaggedWord } from './jieba-segmenter.js';

export type { TaggedWord } from './jieba-segmenter.js';

/**
 * jieba's segmenter in this thread: its dictionaries, loaded on first use, and the cut functions. Methods are
 * bound (they may be passed around alone, e.g. `{ spansJoin: jieba.spansJoin }`).
 */
export class Jieba {
  /** Hash of the user dictionary loaded, `''` for the default dictionaries, null before any load. */
  #loaded: string | null = null;
  #loadedPath: string | null = null;
  /** The thread of its own that holds the dictionary ({@link inWorker}), or null: the dictionary is in this thread. */
  #thread: { readonly worker: Worker; readonly port: MessagePort; readonly flag: Int32Array } | null = null;
  /** The segmenter in this thread (null before a load, or while the dictionary is in its own thread). */
  #here: Segmenter | null = null;

  #ensureLoaded(): void {
    if (this.#loaded === null) {
      this.#call('load', undefined, false);
      this.#loaded = '';
    }
  }

  /** Runs one segmenter call, in this thread or, waiting for its answer when `reply`, in the jieba thread. */
  #call(op: JiebaRequest['op'], arg: string | undefined, reply = true): unknown {
    const thread = this.#thread;
    if (thread === null) {
      if (op === 'load') return void (this.#here = loadSegmenter(arg));
      const here = (this.#here ??= loadSegmenter());
      return here[op](arg ?? '');
    }
    Atomics.store(thread.flag, 0, 0);
    thread.port.postMessage({ op, arg, reply } satisfies JiebaRequest);
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
    this.#here = null;
    thread.port.close();
    await thread.worker.terminate();
  };

  /**
   * Makes jieba segment with the default dictionary plus the user dictionary at `path` (`word freq tag` lines,
   * UTF-8; a user word's frequency and tag replace the default dictionary's). A no-op when a dictionary with the
   * same bytes is loaded already; otherwise loads a new segmenter (0.15–0.25 s) in place of the one loaded.
   *
   * @throws Error (ENOENT...) when the file cannot be read.
   */
  readonly useUserDict = (path: string): void => {
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (this.#loaded === hash) return;
    this.#call('load', path, false);
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

/** The separators that are always words of their own (see the module comment), as UTF-16 code units: ` \t\n，。`. */
export const JIEBA_SEPARATORS = ' \t\n\uFF0C\u3002';

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0xff0c || code === 0x3002;
}

/** A lone (unpaired) surrogate: jieba gets U+FFFD for it, so the words stop spelling the text back from there on. */
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
