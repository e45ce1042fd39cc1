/**
 * Markdown → HTML with unified + remark-parse + remark-html. The only module that imports unified.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A Markdown document split into its front matter and its body rendered to HTML. */
export interface RenderedMarkdown {
  readonly data: Record<string, unknown>;
  readonly html: string;
}

/**
 * Renders Markdown documents (front matter split off by gray-matter, the body to HTML), and with `body` a
 * Markdown body without front matter to HTML; create one per build (the processor is frozen on creation).
 */
export interface MarkdownRenderer {
  (markdown: string): RenderedMarkdown;
  /** The HTML of a Markdown body (no front matter). */
  body(markdown: string): string;
}

/**
 * HTML of Markdown bodies rendered before, by SHA-256 of the body (hex): what a build can reuse instead of
 * running unified again (kept by cache/build-cache.ts between builds, and in memory by a `dev` session).
 */
export interface MarkdownMemo {
  /** The HTML of the body with this hash, rendered before, or undefined. */
  get(key: string): string | undefined;
  /** Record the HTML this renderer returned for the body with this hash. */
  set(key: string, html: string): void;
}

/** A memo kept in a map (a `dev` session's); every body set stays in it. */
export function mapMemo(map: Map<string, string>): MarkdownMemo {
  return { get: (key) => map.get(key), set: (key, html) => void map.set(key, html) };
}

/**
 * Create a renderer: gray-matter splits the front matter off, a frozen unified processor turns the body
 * into HTML (remark-html sanitises by default, so no raw HTML or script can pass).
 * @param memo bodies rendered by an earlier build of the same generator (see cache/build-cache.ts); a body
 *   found there is not rendered again
 */
export function createMarkdownRenderer(memo?: MarkdownMemo): MarkdownRenderer {
  const processor = unified().use(remarkParse).use(remarkHtml).freeze();
  const html = (content: string): string => {
    if (memo === undefined) return String(processor.processSync(content));
    const key = createHash('sha256').update(content).digest('hex');
    const rendered = memo.get(key) ?? String(processor.processSync(content));
    memo.set(key, rendered);
    return rendered;
  };
  // Options given: gray-matter then skips its module-level cache (no state shared across builds).
  const render = (markdown: string): RenderedMarkdown => {
    const { data, content } = matter(markdown, {});
    return { data, html: html(content) };
  };
  return Object.assign(render, { body: html });
}
