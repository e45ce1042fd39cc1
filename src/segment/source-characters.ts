/**
 * The "nothing lost" check: every non-space character of a page's text must end up in exactly one item.
 */
import type { Article, Diagnostic, SeedPage } from '../types.js';

/** Whitespace the check ignores: what `\s` matches, plus the ideographic space, no-break space and BOM. */
const IGNORED = /[\s\u3000\u00a0\ufeff]+/gu;

/**
 * Non-space characters of a text with their counts: a multiset to compare. Linear in the text's length
 * (a 50 MB page takes about a second; sorting every character, as this once did, took minutes).
 */
function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of text.replace(IGNORED, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/**
 * The text an item accounts for: its title lines and every body part as printed (bylines, credits, tails and the
 * rest are body parts of their own).
 */
export function itemSourceText(item: Article): string {
  return [item.kicker ?? '', item.headline ?? '', item.subheadline ?? '', ...item.body.map((part) => part.text)].join('\n');
}

/** IGNORED as a table of UTF-16 code units (every character it matches is a single code unit). */
const IGNORED_UNIT = (() => {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit < 0xd800 || unit > 0xdfff) table[unit] = IGNORED.test(String.fromCharCode(unit)) ? 1 : 0;
    IGNORED.lastIndex = 0;
  }
  return table;
})();

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Fast path of the check: true when the non-space code units of `text` and of the item texts are the same
 * multiset. Only used when no text has a surrogate, where code units are code points; else (or when it
 * says no) the exact comparison by code point runs and words the message.
 */
function sameCodeUnits(text: string, itemTexts: readonly string[]): boolean {
  const counts = new Int32Array(0x10000);
  let pending = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (IGNORED_UNIT[unit] === 0) {
      const before = counts[unit]!;
      counts[unit] = before + 1;
      if (before === 0) pending++;
    }
  }
  for (const itemText of itemTexts) {
    for (let i = 0; i < itemText.length; i++) {
      const unit = itemText.charCodeAt(i);
      if (IGNORED_UNIT[unit] === 0) {
        const before = counts[unit]!;
        counts[unit] = before - 1;
        if (before === 1) pending--;
        else if (before === 0) return false;
      }
    }
  }
  return pending === 0;
}

/**
 * Compare the characters of a page with those of its items.
 * @returns an error diagnostic per page whose items lose or duplicate characters (none when all is kept)
 */
export function checkNothingLost(page: Pick<SeedPage, 'file' | 'text'>, items: readonly Article[]): Diagnostic[] {
  const itemTexts = items.map(itemSourceText);
  if (!SURROGATE.test(page.text) && !itemTexts.some((text) => SURROGATE.test(text)) && sameCodeUnits(page.text, itemTexts)) return [];
  const want = characterCounts(page.text);
  const have = characterCounts(itemTexts.join('\n'));
  if (want.size === have.size && [...want].every(([c, n]) => have.get(c) === n)) return [];
  const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const lost = [...want].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c]) => c).sort(byCodeUnit);
  const extra = [...have].filter(([c, n]) => (want.get(c) ?? 0) < n).map(([c]) => c).sort(byCodeUnit);
  return [{
    file: page.file,
    line: null,
    rule: 'segment/lost-text',
    severity: 'error',
    message: `Segmentation lost or duplicated text (lost: ${JSON.stringify(lost.slice(0, 10).join(''))}, extra: ${JSON.stringify(extra.slice(0, 10).join(''))}); this is a bug, please report it with the page`,
  }];
}
