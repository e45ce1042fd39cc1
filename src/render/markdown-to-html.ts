/**
 * Markdown → HTML with unified + remark-parse + remark-html. The only module that imports unified (here, and in
 * the thread of markdown-thread.ts that renders bodies ahead for a build that renders many).
 */
import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import matter from 'gray-matter';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { startThread } from '../start-thread.js';
import type { MarkdownBatch, MarkdownBatchReply } from './markdown-thread.js';

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
  /** Whether {@link get} has the body with this hash (without reading it); absent: not known, taken as no. */
  has?(key: string): boolean;
  /** Record the HTML this renderer returned for the body with this hash. */
  set(key: string, html: string): void;
}

/** A memo kept in a map (a `dev` session's); every body set stays in it. */
export function mapMemo(map: Map<string, string>): MarkdownMemo {
  return { get: (key) => map.get(key), has: (key) => map.has(key), set: (key, html) => void map.set(key, html) };
}

/** The key of a body in a {@link MarkdownMemo}: SHA-256 of its text, lowercase hex. */
export function markdownKey(body: string): string {
  return createHash('sha256').update(body).digest('hex');
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
    const key = markdownKey(content);
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

/** Bodies rendered ahead in a thread of their own (see {@link prerenderMarkdown}). */
export interface MarkdownPrerender {
  /**
   * The memo to render with: the bodies rendered ahead (each let go once handed out as often as it was given), else
   * `memo`'s.
   */
  readonly memo: MarkdownMemo;
  /** Resolves when the bodies of `bodies` given to {@link prerenderMarkdown} are rendered (at once for any other); never rejects. */
  ready(bodies: readonly string[]): Promise<void>;
  /** End the thread; bodies not rendered by then are rendered in this thread when asked for. */
  close(): Promise<void>;
}

/** Bodies a build renders at least before a thread of their own pays for itself (it loads unified first, ~0.1 s). */
export const PRERENDER_MIN_BODIES = 256;

/** Bodies a message to the thread carries. */
const PRERENDER_BATCH = 32;

/**
 * Batches the thread may render ahead of the build's need: the HTML waiting for its page stays small (about
 * 512 bodies, 1–2 MB) however large the archive.
 */
const PRERENDER_AHEAD = 16;

/**
 * Render `bodies` to HTML ahead, in order, in a thread of their own (markdown-thread.ts, the same renderer), so
 * that a build rendering many pages has its Markdown rendered on another core while it plans, renders templates
 * and writes. Bodies `memo` has already are left out. Returns null, starting nothing, when fewer than
 * {@link PRERENDER_MIN_BODIES} are left. A failure of the thread is not an error: what it did not render is
 * rendered when asked for, as without it.
 * @param bodies Markdown bodies as the renderer's `body` is given them, in the order the build will ask for them
 */
export function prerenderMarkdown(bodies: readonly string[], memo: MarkdownMemo | undefined): MarkdownPrerender | null {
  const keys = new Map<string, string>();
  // How many times the build will ask for each body: its HTML is let go after the last.
  const uses = new Map<string, number>();
  for (const body of bodies) {
    let key = keys.get(body);
    if (key === undefined) keys.set(body, (key = markdownKey(body)));
    uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  const missing = [...keys].filter(([, key]) => memo?.has?.(key) !== true).map(([body]) => body);
  if (missing.length < PRERENDER_MIN_BODIES) return null;
  const rendered = new Map<string, string>();
  const waiting = new Map<string, Promise<void>>();
  const settle = new Map<number, () => void>();
  let thread: Worker | null = null;
  const stop = (): void => {
    for (const done of settle.values()) done();
    settle.clear();
    waiting.clear();
  };
  try {
    thread = startThread(import.meta.url, 'markdown-thread');
  } catch {
    return null;
  }
  thread.on('message', (reply: MarkdownBatchReply) => {
    const batch = batches[reply.id] ?? [];
    if ('html' in reply) batch.forEach((body, i) => rendered.set(keys.get(body) as string, reply.html[i] as string));
    for (const body of batch) waiting.delete(body);
    settle.get(reply.id)?.();
    settle.delete(reply.id);
  });
  thread.on('error', stop);
  thread.on('exit', stop);
  const batches: string[][] = [];
  for (let i = 0; i < missing.length; i += PRERENDER_BATCH) batches.push(missing.slice(i, i + PRERENDER_BATCH));
  const batchOf = new Map<string, number>();
  batches.forEach((batch, id) => {
    const done = new Promise<void>((resolve) => settle.set(id, resolve));
    for (const body of batch) {
      waiting.set(body, done);
      batchOf.set(body, id);
    }
  });
  let posted = 0;
  const postUpTo = (last: number): void => {
    for (; posted <= Math.min(last, batches.length - 1); posted++) thread?.postMessage({ id: posted, bodies: batches[posted] as string[] } satisfies MarkdownBatch);
  };
  postUpTo(PRERENDER_AHEAD - 1);
  return {
    memo: {
      get(key) {
        const html = rendered.get(key);
        if (html === undefined) return memo?.get(key);
        const left = (uses.get(key) ?? 1) - 1;
        if (left > 0) uses.set(key, left);
        else rendered.delete(key);
        return html;
      },
      has: (key) => rendered.has(key) || memo?.has?.(key) === true,
      set: (key, html) => memo?.set(key, html),
    },
    async ready(list) {
      for (const body of list) {
        const id = batchOf.get(body);
        if (id !== undefined) postUpTo(id + PRERENDER_AHEAD);
        await waiting.get(body);
      }
    },
    async close() {
      const running = thread;
      thread = null;
      stop();
      rendered.clear();
      await running?.terminate();
    },
  };
}
