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
 * The {@link markdownKey} of bodies that are hashed twice, made once: by the walk of {@link prerenderMarkdown} ahead
 * of a file, then by the renderer when the file is rendered (one build's; see build.ts renderFiles).
 */
export interface BodyKeys {
  /** The key of `body`, kept until {@link BodyKeys.take} asks for it. */
  of(body: string): string;
  /** The key of `body`: the one {@link BodyKeys.of} kept (which is then let go), else made now. */
  take(body: string): string;
}

/** An empty {@link BodyKeys}: a key is kept from `of` to `take`, so it holds only the bodies walked ahead and not yet rendered. */
export function bodyKeys(): BodyKeys {
  const kept = new Map<string, string>();
  return {
    of(body) {
      let key = kept.get(body);
      if (key === undefined) kept.set(body, (key = markdownKey(body)));
      return key;
    },
    take(body) {
      const key = kept.get(body);
      if (key === undefined) return markdownKey(body);
      kept.delete(body);
      return key;
    },
  };
}

/**
 * Create a renderer: gray-matter splits the front matter off, a frozen unified processor turns the body
 * into HTML (remark-html sanitises by default, so no raw HTML or script can pass).
 * @param memo bodies rendered by an earlier build of the same generator (see cache/build-cache.ts); a body
 *   found there is not rendered again
 * @param keys where a body's key may have been made already (the prerender's walk: {@link BodyKeys}); default:
 *   each key is made here
 */
export function createMarkdownRenderer(memo?: MarkdownMemo, keys?: Pick<BodyKeys, 'take'>): MarkdownRenderer {
  const processor = unified().use(remarkParse).use(remarkHtml).freeze();
  const html = (content: string): string => {
    if (memo === undefined) return String(processor.processSync(content));
    const key = keys === undefined ? markdownKey(content) : keys.take(content);
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

/** A batch of bodies for the Markdown thread (markdown-thread.ts) to render. */
export interface MarkdownBatch {
  readonly id: number;
  readonly bodies: readonly string[];
}

/** The Markdown thread's answer to a {@link MarkdownBatch}: the bodies' HTML in order, or why it failed. */
export type MarkdownBatchReply = { readonly id: number; readonly html: readonly string[] } | { readonly id: number; readonly error: string };

/** Bodies rendered ahead in a thread of their own (see {@link prerenderMarkdown}). */
export interface MarkdownPrerender {
  /** The memo to render with: the bodies rendered ahead for the files from the last `ready` on, else `memo`'s. */
  readonly memo: MarkdownMemo;
  /**
   * Resolves when the bodies of file `index` are rendered (at once when it has none, or when they were not sent);
   * never rejects. Lets go of the bodies of the files before it, and sends the next ones: call it for each file
   * rendered, in order.
   */
  ready(index: number): Promise<void>;
  /** End the thread; bodies not rendered by then are rendered in this thread when asked for. */
  close(): Promise<void>;
}

/** Files a build renders at least before a thread of their own may pay for itself (it loads unified first, ~0.1 s). */
export const PRERENDER_MIN_FILES = 256;

/** Bodies a message to the thread carries. */
const PRERENDER_BATCH = 32;

/**
 * Bodies sent to the thread and not yet let go: enough for the thread to run ahead while the build renders the
 * files before the first article page (the Markdown export, lists), and small (a body and its HTML are a few KB,
 * so some 20 MB) however large the archive.
 */
const PRERENDER_WINDOW = 128 * PRERENDER_BATCH;

/**
 * Render the Markdown bodies of `files` (in order: the order the build renders them in) ahead, in a thread of
 * their own (markdown-thread.ts, the same renderer), so that a build rendering many files has its Markdown
 * rendered on another core while it renders templates and writes. The bodies are asked of each file as the
 * build comes near it ({@link PRERENDER_WINDOW} ahead at most), never all at once; bodies `memo` has are not
 * sent, and the thread starts only when there is a batch to send. Returns null, starting nothing, for fewer
 * than {@link PRERENDER_MIN_FILES} files. A failure of the thread is not an error: what it did not render is
 * rendered when asked for, as without it.
 * @param keys where the walk makes each body's key (so that the renderer given the same {@link BodyKeys} does not
 *   make it again); default: made here and not kept
 */
export function prerenderMarkdown(
  files: ReadonlyArray<{ markdownBodies(): readonly string[] }>,
  memo: MarkdownMemo | undefined,
  keys: Pick<BodyKeys, 'of'> = { of: markdownKey },
): MarkdownPrerender | null {
  if (files.length < PRERENDER_MIN_FILES) return null;
  /** HTML of bodies rendered ahead, by key. */
  const rendered = new Map<string, string>();
  /** Bodies sent and not yet rendered: the answer of their batch. */
  const inFlight = new Map<string, Promise<void>>();
  /** Bodies sent and not let go, with how many files walked so far ask for each. */
  const uses = new Map<string, number>();
  /** The keys of each file walked and not yet passed. */
  const fileKeys = new Map<number, string[]>();
  const settle = new Map<number, () => void>();
  let batch: { bodies: string[]; keys: string[] } = { bodies: [], keys: [] };
  let batchId = 0;
  let next = 0;
  let passed = 0;
  let thread: Worker | null = null;
  let broken = false;
  const stop = (): void => {
    broken = true;
    for (const done of settle.values()) done();
    settle.clear();
    inFlight.clear();
  };
  const flush = (): void => {
    if (batch.bodies.length === 0 || broken) return;
    if (thread === null) {
      try {
        thread = startThread(import.meta.url, 'markdown-thread');
      } catch {
        return stop();
      }
      const started = thread;
      started.on('message', (reply: MarkdownBatchReply & { keys?: never }) => {
        const keys = sent.get(reply.id) ?? [];
        sent.delete(reply.id);
        if ('html' in reply) keys.forEach((key, i) => uses.has(key) && rendered.set(key, reply.html[i] as string));
        for (const key of keys) inFlight.delete(key);
        settle.get(reply.id)?.();
        settle.delete(reply.id);
      });
      started.on('error', stop);
      started.on('exit', stop);
    }
    const id = batchId++;
    const done = new Promise<void>((resolve) => settle.set(id, resolve));
    for (const key of batch.keys) inFlight.set(key, done);
    sent.set(id, batch.keys);
    thread.postMessage({ id, bodies: batch.bodies } satisfies MarkdownBatch);
    batch = { bodies: [], keys: [] };
  };
  /** The keys of each batch sent, by id, until it is answered. */
  const sent = new Map<number, string[]>();
  /** Walk the files from `next`: through `index` at least, and on while fewer than the window's bodies are held. */
  const walk = (index: number): void => {
    while (next < files.length && (next <= index || uses.size < PRERENDER_WINDOW)) {
      const walked: string[] = [];
      for (const body of (files[next] as { markdownBodies(): readonly string[] }).markdownBodies()) {
        const key = keys.of(body);
        walked.push(key);
        const used = uses.get(key);
        if (used !== undefined) uses.set(key, used + 1);
        else if (memo?.has?.(key) !== true) {
          uses.set(key, 1);
          batch.bodies.push(body);
          batch.keys.push(key);
          if (batch.bodies.length === PRERENDER_BATCH) flush();
        }
      }
      fileKeys.set(next, walked);
      next++;
    }
  };
  /** Let go of the bodies of the files before `index`. */
  const pass = (index: number): void => {
    for (; passed < Math.min(index, next); passed++) {
      for (const key of fileKeys.get(passed) ?? []) {
        const left = (uses.get(key) ?? 0) - 1;
        if (left > 0) uses.set(key, left);
        else if (uses.delete(key)) rendered.delete(key);
      }
      fileKeys.delete(passed);
    }
  };
  return {
    memo: {
      get: (key) => rendered.get(key) ?? memo?.get(key),
      has: (key) => rendered.has(key) || memo?.has?.(key) === true,
      set: (key, html) => memo?.set(key, html),
    },
    async ready(index) {
      pass(index);
      walk(index);
      const keys = fileKeys.get(index) ?? [];
      if (keys.some((key) => batch.keys.includes(key))) flush();
      for (const key of keys) await inFlight.get(key);
    },
    async close() {
      const running = thread;
      thread = null;
      stop();
      rendered.clear();
      uses.clear();
      fileKeys.clear();
      await running?.terminate();
    },
  };
}
