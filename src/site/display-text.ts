/**
 * How the archive shows Chinese text: the half-width punctuation that text extraction leaves between Chinese
 * characters (`近日,如皋市`) as the full-width marks the paper printed (`近日，如皋市`). A display mapping only:
 * the segmenter's text, `data/articles.json` and the nothing-lost check keep every character as extracted; the
 * pages, the feed and the search index show the mapped text, which differs from it in exactly these characters.
 *
 * The rule ({@link fullWidthPunctuation}): a `,` `:` `;` `!` `?` becomes `，` `：` `；` `！` `？` when the character
 * before it is CJK and the character after it is CJK, a digit, or nothing (the end of the text: `西禅寺村:`), or when
 * the character before it is a digit or `%` and the one after it a Han character (`提高了15%,菜农`, `2021年,今年`).
 * CJK here: Han characters, CJK symbols and punctuation (U+3000–U+303F, `、。「」《》`), full-width forms
 * (U+FF00–U+FFEF), the quotes `“ ” ‘ ’`, `…` and `—`. So `WIFI,扫码`, `12:30`, `1,000` and `Time: 9` stay as
 * they are. A pair of half-width parentheses on one line around text with a Han character in it is shown as the
 * full-width pair first (`村(社区),开展` → `村（社区），开展`, the comma then after a full-width mark); `(2021)` and
 * `(WIFI)` stay.
 */
import type { BodyPart, TaggedArticle } from '../types.js';

/** The half-width marks mapped (five marks and the parentheses), and their full-width forms, position for position. */
export const HALF_WIDTH = ',:;!?()';
export const FULL_WIDTH = '，：；！？（）';

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—';
const MAPPED = new RegExp(`(?<=[${CJK}])[,:;!?](?=[${CJK}0-9]|$)|(?<=[0-9%％])[,:;!?](?=\\p{Script=Han})`, 'gu');
/** A half-width pair of parentheses with no parenthesis or line break inside and a Han character among its text. */
const PARENTHESES = /\(([^()\n]*\p{Script=Han}[^()\n]*)\)/gu;
/**
 * A character either pattern above needs (`(` or one of the five marks): a text without one is shown as it is. Most
 * texts have none (108 of 65,000 texts of a 950-page archive), and this test costs a fraction of the two patterns'
 * lookbehinds, which every site item's texts went through at every build.
 */
const ANY_MAPPED = /[,:;!?(]/;

/**
 * `text` with each half-width pair of parentheses around Chinese text as `（` `）`, then each half-width `,` `:` `;`
 * `!` `?` between CJK neighbours (see the module comment) replaced by its full-width form. Same length (UTF-16 and
 * code points); every other character unchanged.
 */
export function fullWidthPunctuation(text: string): string {
  if (!ANY_MAPPED.test(text)) return text;
  return text.replace(PARENTHESES, '（$1）').replace(MAPPED, (mark) => FULL_WIDTH[HALF_WIDTH.indexOf(mark)] as string);
}

/** `text` with the mapped full-width marks as half-width: two texts that differ only by the mapping fold alike. */
export function foldPunctuation(text: string): string {
  return text.replace(/[，：；！？（）]/gu, (mark) => HALF_WIDTH[FULL_WIDTH.indexOf(mark)] as string);
}

const nullable = (text: string | null): string | null => (text === null ? null : fullWidthPunctuation(text));

/**
 * The article as readers see it: kicker, headline, subheadline and every body part through
 * {@link fullWidthPunctuation}; names, lines and places unchanged. The same object when nothing changes.
 */
export function displayArticle(article: TaggedArticle): TaggedArticle {
  const body = article.body.map((part): BodyPart => {
    const text = fullWidthPunctuation(part.text);
    return text === part.text ? part : { ...part, text };
  });
  const kicker = nullable(article.kicker);
  const headline = nullable(article.headline);
  const subheadline = nullable(article.subheadline);
  const same = kicker === article.kicker && headline === article.headline && subheadline === article.subheadline && body.every((part, i) => part === article.body[i]);
  return same ? article : { ...article, kicker, headline, subheadline, body };
}
