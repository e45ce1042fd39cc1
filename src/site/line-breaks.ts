/**
 * Where a headline may break across lines: between words, never inside one (a place name is one word), and the
 * space of a couplet headline (`党建引领 筑牢基层防控铜墙铁壁`) before any word boundary. Pure: the word
 * boundaries come from the caller (jieba with the gazetteer's user dictionary in a build, see build.ts).
 *
 * The HTML ({@link breakableHtml}): each space-separated part is a `<span class="w">` (CSS: inline-block, so a part
 * that fits on a line is never broken and one that does not moves to the next line whole), made of
 * `<span class="u">` units (CSS: nowrap) that end where a line may break. A unit is one or more words: a
 * one-character word stays with a longer word before it (`凝聚起`, `位于崇川经济开发区的`; first in its part, with a
 * longer one after it: `让党史`), punctuation with its word
 * (no line starts with `，` `”` `——` or ends with `“` `《`), and a run of Latin letters, digits and signs stays
 * whole (`3+6+15`).
 *
 * Running text (a list item's opening, several lines long: {@link wrappableHtml}) breaks at the same places, marked
 * by `<wbr>` in text whose CSS (`word-break: keep-all`) breaks Chinese nowhere else: lines stay full, as a
 * paragraph's do, instead of a part moving whole to the next line.
 */

/** Characters a line never starts with: closing brackets and quotes, pause and stop marks, dashes, ellipses. */
const NO_START: ReadonlySet<string> = new Set([...'，。、；：！？,.;:!?）)]}》」』】〉”’…—–-·・~～%％']);
/** Characters a line never ends with: opening brackets and quotes. */
const NO_END: ReadonlySet<string> = new Set([...'（([{《「『【〈“‘']);
const HAN = /\p{Script=Han}/u;
const ASCII_WORD = /[!-~]/;
const SPACE = /[ \u3000]/;

/** Word boundaries of a text: offsets (UTF-16 code units, 0 and `text.length` included, ascending). */
export type WordBoundaries = (text: string) => readonly number[];

/** Every offset is a boundary: what a browser does with Chinese text when it knows no words (the default). */
export const EVERY_CHARACTER: WordBoundaries = (text) => Array.from({ length: text.length + 1 }, (_, i) => i);

/**
 * The offsets where a line may break inside `text` (0 < offset < text.length, ascending), by the rules of the
 * module comment: the edges of the space-separated parts, and those word boundaries inside a part where a line
 * may end and the next begin. A space itself is a break (the offsets either side of a space run are listed).
 * @param boundaries word boundaries of `text` (see {@link WordBoundaries}); offsets outside 1…length−1 are ignored
 */
export function lineBreaks(text: string, boundaries: readonly number[]): number[] {
  const words = new Set(boundaries);
  const out: number[] = [];
  let wordStart = 0;
  for (let i = 1; i < text.length; i++) {
    const left = text[i - 1] as string;
    const right = text[i] as string;
    if (SPACE.test(left) || SPACE.test(right)) {
      if (SPACE.test(left) !== SPACE.test(right)) out.push(i);
      wordStart = i;
      continue;
    }
    if (!words.has(i)) continue;
    const previousWord = text.slice(wordStart, i);
    wordStart = i;
    // The next word: up to the next boundary (or space).
    let end = i + 1;
    while (end < text.length && !words.has(end) && !SPACE.test(text[end] as string)) end++;
    const nextWord = text.slice(i, end);
    if (NO_START.has(right) || NO_END.has(left)) continue;
    if (ASCII_WORD.test(left) && ASCII_WORD.test(right)) continue;
    const single = (word: string): boolean => [...word].length === 1 && HAN.test(word);
    // A one-character word goes with a longer word before it, or (first in its part) with a longer one after it.
    if (single(nextWord) && !single(previousWord)) continue;
    const partStart = i - previousWord.length === 0 || SPACE.test(text[i - previousWord.length - 1] as string);
    if (single(previousWord) && partStart && !single(nextWord)) continue;
    out.push(i);
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * `text` as HTML whose lines break only at {@link lineBreaks}: parts (`<span class="w">`) at spaces, units
 * (`<span class="u">`) inside them; every character escaped, spaces kept as they are. `''` for `''`.
 */
export function breakableHtml(text: string, boundaries: readonly number[]): string {
  const breaks = [0, ...lineBreaks(text, boundaries), text.length];
  let html = '';
  let part = '';
  for (let k = 0; k + 1 < breaks.length; k++) {
    const piece = text.slice(breaks[k], breaks[k + 1]);
    if (piece === '') continue;
    if (SPACE.test(piece[0] as string)) {
      if (part !== '') html += `<span class="w">${part}</span>`;
      part = '';
      html += escapeHtml(piece);
    } else {
      part += `<span class="u">${escapeHtml(piece)}</span>`;
    }
  }
  if (part !== '') html += `<span class="w">${part}</span>`;
  return html;
}

/**
 * `text` as HTML for running text whose lines break only at {@link lineBreaks} (and its spaces), and never between
 * two one-character words (jieba's `三|大|课堂`, `好|了`: words it does not know, read as one): every character
 * escaped, a `<wbr>` at each break that is not next to a space. Needs CSS `word-break: keep-all` (no other break
 * between Chinese characters; `overflow-wrap: anywhere` for a unit wider than the line). `''` for `''`.
 * @example wrappableHtml('等三大课堂，让', [0, 1, 2, 3, 5, 6, 7]) === '等三大<wbr>课堂，让'
 */
export function wrappableHtml(text: string, boundaries: readonly number[]): string {
  const words = new Set(boundaries);
  const single = (from: number): boolean => words.has(from) && words.has(from + 1) && HAN.test(text[from] as string);
  let html = '';
  let from = 0;
  for (const at of lineBreaks(text, boundaries)) {
    if (single(at - 1) && single(at)) continue;
    html += escapeHtml(text.slice(from, at));
    if (!SPACE.test(text[at - 1] as string) && !SPACE.test(text[at] as string)) html += '<wbr>';
    from = at;
  }
  return html + escapeHtml(text.slice(from));
}
