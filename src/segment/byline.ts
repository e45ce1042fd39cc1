/**
 * Bylines (`·陈馨 王铁荣·`) and photo credits (`阚天峰摄`) as this paper prints them.
 * Pure functions of one line of text.
 */
import { endsSentence, SPACE, trimSpace } from './punctuation.js';

/** The middle dot U+00B7 that brackets a byline. */
export const BYLINE_MARK = '·';

/** One name: 2 to 6 characters, no punctuation, no spaces (Han names are 2 to 4; minority names run longer). */
const NAME = String.raw`[^\s\u3000·。，,、；;：:！!？?“”"（）()]{1,6}`;
const NAMES = String.raw`${NAME}(?:[ \u3000\t]+${NAME}){0,7}`;
const BYLINE_LINE = new RegExp(String.raw`^·[ \u3000]*(${NAMES})[ \u3000]*·$`, 'u');
const TRAILING_BYLINE = new RegExp(String.raw`^(.*\S)[ \u3000\t]+·[ \u3000]*(${NAMES})[ \u3000]*·$`, 'u');
const CREDIT_LINE = new RegExp(String.raw`^(${NAMES})[ \u3000]*摄$`, 'u');
const TRAILING_CREDIT = new RegExp(String.raw`^(.*\S)[ \u3000\t]+(${NAMES})[ \u3000]*摄$`, 'u');

/** Split a byline's inner text into names: `陈馨 王铁荣` → `['陈馨', '王铁荣']`. */
export function splitNames(inner: string): string[] {
  return trimSpace(inner).split(SPACE).filter((name) => name.length > 0);
}

/** Names of a line that is only a byline (`·陈馨 王铁荣·`), or null. */
export function parseBylineLine(line: string): string[] | null {
  const match = BYLINE_LINE.exec(line);
  return match?.[1] === undefined ? null : splitNames(match[1]);
}

/**
 * A paragraph with a byline appended after a space (`…阻击战。 ·黄艳鸣 杜俊烨·`):
 * `{ text: '…阻击战。', names: ['黄艳鸣', '杜俊烨'] }`, or null when the line has none.
 * The text before the byline must end a sentence, so a middle dot inside a sentence is never taken for a byline.
 */
export function splitTrailingByline(line: string): { text: string; names: string[] } | null {
  const match = TRAILING_BYLINE.exec(line);
  if (match?.[1] === undefined || match[2] === undefined || !endsSentence(match[1])) return null;
  return { text: match[1], names: splitNames(match[2]) };
}

/** The photographer of a credit line (`阚天峰摄`, `本报记者 阚天峰 摄` → `本报记者 阚天峰`), or null. */
export function parseCreditLine(line: string): string | null {
  if (line.length > 24) return null;
  const match = CREDIT_LINE.exec(line);
  return match?.[1] === undefined ? null : trimSpace(match[1]);
}

/** A caption with its credit appended after a space (`…戏水。 阚天峰摄`), or null. */
export function splitTrailingCredit(line: string): { text: string; name: string } | null {
  const match = TRAILING_CREDIT.exec(line);
  if (match?.[1] === undefined || match[2] === undefined || !endsSentence(match[1])) return null;
  return { text: match[1], name: trimSpace(match[2]) };
}
