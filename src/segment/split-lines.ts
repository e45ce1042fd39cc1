/**
 * Page text → blocks with their seed line numbers. Blank lines separate blocks in extracted print text. Where a
 * page uses blank lines, the lines of one block are one block (a paragraph saved hard-wrapped, with line breaks
 * inside it): CJK joined with nothing, Latin words with a space. A line that is only a byline or a photo credit
 * stays a block of its own even without a blank line before it (`…阻击战。` then `·黄艳鸣 杜俊烨·`). Where a page
 * has no blank line between its lines at all, every line is a block.
 */
import { parseBylineLine, parseCreditLine } from './marks.js';
import { trimSpace } from './punctuation.js';

/** One block of a seed: its text trimmed of surrounding whitespace, and the seed lines it was read from. */
export interface TextLine {
  readonly text: string;
  /** 1-based seed line number of the block's first line. */
  readonly line: number;
  /** 1-based seed line number of the block's last line (the same as `line` for a one-line block). */
  readonly lastLine: number;
}

/** True when the join of two lines of one block needs a space: Latin letters or digits on both sides. */
function needsSpace(left: string, right: string): boolean {
  return /[A-Za-z0-9.,;:!?%)\]'"-]$/u.test(left) && /^[A-Za-z0-9(\['"]/u.test(right);
}

/**
 * Split page text (lines separated by `\n`) into blocks.
 * @param text page body, `\n` line endings
 * @param firstLine seed line number of the first line of `text` (after front matter)
 * @returns the blocks in order; blank lines give none
 */
export function splitLines(text: string, firstLine = 1): TextLine[] {
  const lines = text.split('\n').map((raw, i) => ({ text: trimSpace(raw), line: firstLine + i }));
  let blank = false;
  let seenText = false;
  let blankBetween = false;
  for (const line of lines) {
    if (line.text === '') blank = seenText;
    else {
      if (blank) blankBetween = true;
      seenText = true;
    }
  }
  const out: TextLine[] = [];
  let open: { parts: string[]; line: number; lastLine: number } | null = null;
  const flush = (): void => {
    if (open === null) return;
    let joined = '';
    for (const part of open.parts) joined = joined === '' ? part : joined + (needsSpace(joined, part) ? ' ' : '') + part;
    out.push({ text: joined, line: open.line, lastLine: open.lastLine });
    open = null;
  };
  for (const line of lines) {
    if (line.text === '') {
      flush();
      continue;
    }
    const standalone = !blankBetween || parseBylineLine(line.text) !== null || parseCreditLine(line.text) !== null;
    if (standalone || open === null) {
      flush();
      if (standalone) {
        out.push({ text: line.text, line: line.line, lastLine: line.line });
        continue;
      }
      open = { parts: [line.text], line: line.line, lastLine: line.line };
    } else {
      open.parts.push(line.text);
      open.lastLine = line.line;
    }
  }
  flush();
  return out;
}
