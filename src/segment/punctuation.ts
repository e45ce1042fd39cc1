/**
 * Punctuation classes of Chinese newspaper text, full-width and half-width alike.
 * Pure string predicates; no state.
 */

/** Closing quotes and brackets that may follow a sentence-final mark (`。”`, `！）`). */
const CLOSERS = '”’」』）)】》〉"\'';
/** Sentence-final marks: 。！？ and their half-width forms, the ellipsis …… and the full stop variants ．｡. */
const FINALS = '。！？!?…．｡';

/** A `.` after a Chinese character or a full-width mark, at the end: a sentence end typed half-width (tested on a text's last three code units). */
const HALF_WIDTH_STOP_AT_END = /(?<=[\p{Script=Han}。！？”’」』）》])\.$/u;
const FINAL_INSIDE = new RegExp(`[${escapeClass(FINALS)}][${escapeClass(CLOSERS)}]*(?=[^${escapeClass(FINALS + CLOSERS)}\\s])`, 'u');
/** Marks a heading never ends with: a clause is still open (comma, enumeration comma, semicolon, opening bracket or quote). */
const OPEN_AT_END = /[，,、；;（(“‘《「『【]$/u;
/** Marks a paragraph never starts with: the line continues one above it. */
const CONTINUATION_AT_START = /^[，,。．、；;：:！!？?）)】》」』”’…]/u;

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * True when `text` ends a sentence: `。` `！` `？` `……` (half-width too), optionally followed by closing quotes or
 * brackets, or a `.` after a Chinese character or a full-width mark. Looks at the end of the text only (the
 * closers there, then the mark before them), not at every position of it as an unanchored pattern would.
 */
export function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSERS.includes(text[end - 1] as string)) end--;
  if (end > 0 && FINALS.includes(text[end - 1] as string)) return true;
  // The code point before a final `.` is at most two code units long.
  return text.endsWith('.') && HALF_WIDTH_STOP_AT_END.test(text.slice(-3));
}

/** True when a sentence ends inside `text` and more text follows it (`…安全。7月下旬…`). */
export function hasSentenceInside(text: string): boolean {
  return FINAL_INSIDE.test(text);
}

/** True when `text` ends with a mark that leaves a clause open (`，` `、` `；` an opening bracket or quote). */
export function endsOpenClause(text: string): boolean {
  return OPEN_AT_END.test(text);
}

/** True when `text` starts with a mark that can only continue the line before it (`，` `。` a closing quote…). */
export function startsAsContinuation(text: string): boolean {
  return CONTINUATION_AT_START.test(text);
}

/** True for a kicker line (引题): it ends with `——` (or `—`, `--`) or a colon `：`/`:`. */
export function isKickerMarked(text: string): boolean {
  return /(?:—|--|[:：])$/u.test(text);
}

/** True for a subheadline line (副题): it starts with a dash `——` (or `—`, `--`). */
export function isSubheadlineMarked(text: string): boolean {
  return /^(?:—|--)/u.test(text);
}

/** Whitespace as printed pages use it: ASCII spaces and tabs, U+3000 ideographic space, no-break space. */
export const SPACE = /[\s\u3000\u00a0]+/gu;

/** `text` with leading and trailing whitespace (ideographic spaces included) removed. */
export function trimSpace(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/gu, '');
}
