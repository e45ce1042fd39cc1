/**
 * Page text → text lines with their seed line numbers. Blank lines separate blocks in the extracted
 * print text; every non-blank line is one block here (a byline or a credit may follow its paragraph
 * on the next line without a blank line between).
 */
import { trimSpace } from './punctuation.js';

/** One non-blank line of a seed, trimmed of surrounding whitespace. */
export interface TextLine {
  readonly text: string;
  /** 1-based seed line number. */
  readonly line: number;
}

/**
 * Split page text (lines separated by `\n`) into its non-blank lines.
 * @param text page body, `\n` line endings
 * @param firstLine seed line number of the first line of `text` (after front matter)
 */
export function splitLines(text: string, firstLine = 1): TextLine[] {
  const out: TextLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const trimmed = trimSpace(lines[i] ?? '');
    if (trimmed.length > 0) out.push({ text: trimmed, line: firstLine + i });
  }
  return out;
}
