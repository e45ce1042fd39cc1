/**
 * Markdown → HTML with unified + remark-parse + remark-html. The only module that imports unified.
 */
import matter from 'gray-matter';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A Markdown document split into its front matter and its body rendered to HTML. */
export interface RenderedMarkdown {
  readonly data: Record<string, unknown>;
  readonly html: string;
}

/** Renders Markdown documents; create one per build (the processor is frozen on creation). */
export type MarkdownRenderer = (markdown: string) => RenderedMarkdown;

/**
 * Create a renderer: gray-matter splits the front matter off, a frozen unified processor turns the body
 * into HTML (remark-html sanitises by default, so no raw HTML or script can pass).
 */
export function createMarkdownRenderer(): MarkdownRenderer {
  const processor = unified().use(remarkParse).use(remarkHtml).freeze();
  return (markdown) => {
    // Options given: gray-matter then skips its module-level cache (no state shared across builds).
    const { data, content } = matter(markdown, {});
    return { data, html: String(processor.processSync(content)) };
  };
}
