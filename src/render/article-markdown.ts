/**
 * Article → Markdown document with YAML front matter, written by gray-matter's stringify.
 * Newspaper text is plain text: every ASCII punctuation character with a meaning in CommonMark is
 * backslash-escaped, so `*`, `_`, `#`, `>`, `-`, `1.`, backquotes, brackets, `<` and `&` stay literal and HTML
 * in a seed is shown, never run.
 */
import matter from 'gray-matter';
import type { Article, BodyPart } from '../types.js';

/**
 * ASCII punctuation that starts or ends a CommonMark construct (remark-parse without extensions: no GFM):
 * `\` escapes, `&` character references, `<` autolinks and HTML, `` ` `` and `~` code, `*` `_` emphasis,
 * `[` `]` links, and at the start of a line `#` headings, `>` quotes, `-` `+` `*` `=` `_` lists, breaks and
 * setext underlines, `1.` `1)` ordered lists (so `.` `(` `)` too).
 * The rest, `! " $ % ' , / : ; ? @ ^ { | }`, means nothing on its own: `!` only before an (escaped) `[`,
 * `:` `"` `'` only inside a link or definition (they need `[`). Escaping them gives the same HTML but costs
 * micromark a token each, and the seeds are full of ASCII commas: leaving them out halves the parse time.
 */
const MARKDOWN_PUNCTUATION = /[#&()*+\-.<=>[\\\]_`~]/g;

/**
 * Backslash-escape every ASCII punctuation character that Markdown could read as syntax (see
 * MARKDOWN_PUNCTUATION), so the text renders as exactly itself.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, '\\$&');
}

/**
 * Front matter fields of an article's Markdown, in this fixed order. `title` to `places` come with the export
 * (data/markdown/, see {@link ArticleExportInfo}); `date` is left out for a page without a date.
 */
export interface ArticleFrontMatter {
  readonly title?: string;
  readonly date?: string;
  readonly paper?: string | null;
  readonly page?: string;
  readonly url?: string;
  readonly places?: readonly string[];
  readonly id: string;
  readonly kind: string;
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
  readonly bylines: readonly string[];
  readonly photo_credit: string | null;
  readonly continued: boolean;
  readonly seed: string;
  readonly source_lines: readonly number[];
}

/** Where an exported item ran and how the archive names it: what another generator needs to list it. */
export interface ArticleExportInfo {
  /** The item's title as the archive shows it (SiteItem.title). */
  readonly title: string;
  /** Edition date `YYYY-MM-DD`, null for a page without a date. */
  readonly date: string | null;
  readonly paper: string | null;
  /** The page's label (`A3版 要闻`). */
  readonly page: string;
  /** The item's page in the archive, from the site's root (`/pages/2021-08-18_A1/01.html`). */
  readonly url: string;
  /** Names of the districts and towns it is tagged with, districts first. */
  readonly places: readonly string[];
}

/** The fields of an article its Markdown reads. */
export type MarkdownArticle = Pick<Article, 'kind' | 'kicker' | 'headline' | 'subheadline' | 'bylines' | 'photoCredit' | 'continued' | 'seed' | 'sourceLines' | 'body'>;

/**
 * The Markdown block of one body part: a paragraph, byline as printed, credit, tail or signature as a paragraph of
 * escaped text (every character of the seed is shown), a subhead as a `##` heading, a deck as a block quote.
 */
function markdownOf(part: BodyPart): string {
  switch (part.type) {
    case 'subhead':
      return `## ${escapeMarkdown(part.text)}`;
    case 'deck':
      return `> ${escapeMarkdown(part.text)}`;
    default:
      return escapeMarkdown(part.text);
  }
}

/**
 * True for a body part that the page shows elsewhere, exactly: a `·name name·` byline mark (the header's byline
 * links the same names) or a bare photo credit `name摄` (the credit line under the text links the same name).
 * A byline or credit with more in it (`本报记者 王明峰`, `新华社记者 方喆摄`) stays in the text as printed.
 */
export function shownInHeader(part: BodyPart, article: Pick<Article, 'bylines' | 'photoCredit'>): boolean {
  // Only a byline or a credit can be; the other parts (most of a body's text) are not looked at.
  if (part.type !== 'byline' && (part.type !== 'credit' || article.photoCredit === null)) return false;
  const compact = part.text.replace(/[\s\u3000]+/gu, ' ').trim();
  if (part.type === 'byline') {
    const dot = /^·\s*(.+?)\s*·$/u.exec(compact);
    return dot?.[1] !== undefined && dot[1].split(' ').every((name) => article.bylines.includes(name));
  }
  if (part.type === 'credit' && article.photoCredit !== null) return compact.replace(/\s/gu, '') === `${article.photoCredit}摄`;
  return false;
}

/**
 * The Markdown body of an article: its body parts as escaped paragraphs, subheads as `##` headings, decks as block
 * quotes, separated by blank lines, without the byline marks and credits its page shows in the header
 * ({@link shownInHeader}); no trailing newline.
 */
export function articleMarkdownBody(article: Pick<Article, 'body' | 'bylines' | 'photoCredit'>): string {
  return article.body
    .filter((part) => !shownInHeader(part, article))
    .map((part) => markdownOf(part))
    .join('\n\n');
}

/**
 * The Markdown document of an article: front matter (see ArticleFrontMatter, written by gray-matter's stringify
 * with js-yaml) and its body ({@link articleMarkdownBody}) followed by a newline.
 * @param id the article's stable id (see site/routes.ts)
 * @param about where it ran, for the export (data/markdown/): adds `title`, `date`, `paper`, `page`, `url` and `places` first
 * @param body the article's body ({@link articleMarkdownBody}) followed by a newline, when the caller has made it
 *   already (the item page renders the same body); default: made here
 */
export function articleToMarkdown(article: MarkdownArticle, id: string, about?: ArticleExportInfo, body = `${articleMarkdownBody(article)}\n`): string {
  const data: ArticleFrontMatter = {
    ...(about === undefined
      ? {}
      : { title: about.title, ...(about.date === null ? {} : { date: about.date }), paper: about.paper, page: about.page, url: about.url, places: [...about.places] }),
    id,
    kind: article.kind,
    kicker: article.kicker,
    headline: article.headline,
    subheadline: article.subheadline,
    bylines: [...article.bylines],
    photo_credit: article.photoCredit,
    continued: article.continued,
    seed: article.seed,
    source_lines: [...article.sourceLines],
  };
  // Options given (even empty, same output): gray-matter's stringify then skips its module-level cache, which
  // otherwise keeps every body it is given for the life of the process (hundreds of MB at archive scale).
  // The body as a file object, not a string: given a string, gray-matter parses it for front matter first (it has
  // none: its `-` are escaped) and keeps the body with a leading BOM removed, as here, at a fifth of the export's cost.
  const content = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  return matter.stringify({ content }, data as unknown as Record<string, unknown>, {});
}
