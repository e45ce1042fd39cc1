/**
 * The "nothing lost" check: every non-space character of a page's text must end up in exactly one item.
 */
import type { Article, Diagnostic, SeedPage } from '../types.js';
import { BYLINE_MARK } from './byline.js';

/** Non-space characters of a text, sorted by code point: a multiset to compare. */
function characterBag(text: string): string[] {
  return [...text.replace(/[\s\u3000\u00a0\ufeff]/gu, '')].sort();
}

/**
 * The text an item accounts for, with its markup written back: header lines, body parts, the byline as
 * `·name name·` and the credit as `name摄`.
 */
export function itemSourceText(item: Article): string {
  const parts: string[] = [item.kicker ?? '', item.headline ?? '', item.subheadline ?? '', ...item.body.map((part) => part.text)];
  if (item.bylines.length > 0) parts.push(`${BYLINE_MARK}${item.bylines.join(' ')}${BYLINE_MARK}`);
  if (item.photoCredit !== null) parts.push(`${item.photoCredit}摄`);
  return parts.join('\n');
}

/**
 * Compare the characters of a page with those of its items.
 * @returns an error diagnostic per page whose items lose or duplicate characters (none when all is kept)
 */
export function checkNothingLost(page: Pick<SeedPage, 'file' | 'text'>, items: readonly Article[]): Diagnostic[] {
  const expected = characterBag(page.text);
  const actual = characterBag(items.map(itemSourceText).join('\n'));
  if (expected.length === actual.length && expected.every((c, i) => c === actual[i])) return [];
  const count = (bag: string[]): Map<string, number> => {
    const map = new Map<string, number>();
    for (const c of bag) map.set(c, (map.get(c) ?? 0) + 1);
    return map;
  };
  const want = count(expected);
  const have = count(actual);
  const lost = [...want].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c]) => c);
  const extra = [...have].filter(([c, n]) => (want.get(c) ?? 0) < n).map(([c]) => c);
  return [{
    file: page.file,
    line: null,
    rule: 'segment/lost-text',
    severity: 'error',
    message: `Segmentation lost or duplicated text (lost: ${JSON.stringify(lost.slice(0, 10).join(''))}, extra: ${JSON.stringify(extra.slice(0, 10).join(''))}); this is a bug, please report it with the page`,
  }];
}
