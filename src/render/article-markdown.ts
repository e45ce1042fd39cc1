/**
 * Article → Markdown document with YAML front matter, written by gray-matter's stringify.
 * Newspaper text is plain text: every ASCII punctuation character is backslash-escaped, so `*`, `_`, `#`,
 * `>`, `-`, `1.`, backquotes, brackets, `<` and `&` stay literal and HTML in a seed is shown, never run.
 */
import matter from 'gray-matter';
import type { Article } from '../types.js';

/** Backslash-escape every ASCII punctuation character (CommonMark allows escaping all of them, and only them). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Front matter fields of an article's Markdown, in this fixed order. */
export interface ArticleFrontMatter {
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

/**
 * The Markdown document of an article: front matter (see ArticleFrontMatter) and a body of escaped
 * paragraphs, with subheads as `##` headings.
 * @param id the article's stable id (see site/routes.ts)
 */
export function articleToMarkdown(article: Article, id: string): string {
  const data: ArticleFrontMatter = {
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
  const body = article.body
    .map((part) => (part.type === 'subhead' ? `## ${escapeMarkdown(part.text)}` : escapeMarkdown(part.text)))
    .join('\n\n');
  return matter.stringify(`${body}\n`, data as unknown as Record<string, unknown>);
}
