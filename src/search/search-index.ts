/**
 * The full-text search index under `pagefind/`, made by Pagefind in processes this stage owns (see
 * pagefind-process.ts, the only module that starts Pagefind). Each article page's `data-pagefind-body` region is staged as a small HTML document in a temporary
 * folder (see {@link stageSearchDocuments}); Pagefind reads a shard's folder, segments Chinese into words (the
 * page language is `zh-CN`), and returns the index as files; the search page loads `pagefind/pagefind.js` in the
 * browser.
 *
 * The index is split into shards (of at most SEARCH_SHARD_LIMIT articles, see shards.ts), each a Pagefind
 * index of its own: Pagefind's memory grows by about 360 KB per page indexed, and a shard whose pages did not
 * change is taken from the store instead of being indexed again. The newest shard (see newestShardFirst) is the
 * primary bundle in `pagefind/` with Pagefind's runtime, so a reader's first search needs no merge and searches
 * the newest editions alone; every other shard's index files are in `pagefind/{shard}/`, listed in
 * `pagefind/shards.json`, and merged in the browser (`mergeIndex`). A newer shard (the next day's edition)
 * takes over `pagefind/`, and the one it replaces moves to its own folder: files moved, nothing indexed again.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashParts } from '../hash-parts.js';
import { compareCodePoints } from '../compare-code-points.js';
import { removeStaleScratch } from '../stale-scratch.js';
import { newestShardFirst } from './shards.js';
import type { OutputFile } from '../types.js';
import { PAGEFIND_VERSION, indexFolder } from './pagefind-process.js';

/** Folder of the index in the output. */
export const SEARCH_INDEX_DIR = 'pagefind';
/**
 * The list of merged shards, relative to SEARCH_INDEX_DIR: a JSON object `{"primary": N, "shards": [[NAME, N], …]}`,
 * the primary bundle's page count and each other shard's folder name and page count, names in code point order
 * (the search page sizes its merge batches by pages: templates/search.js). See {@link shardsFile}.
 */
export const SHARDS_FILE = 'shards.json';

/**
 * The text of {@link SHARDS_FILE}: `pages` gives each shard's page count (a shard not in it counts 0).
 * @param names every shard, in code point order; `primary` among them is left out of the list
 */
export function shardsFile(names: readonly string[], primary: string | undefined, pages: ReadonlyMap<string, number>): string {
  const listed = names.filter((name) => name !== primary).map((name) => [name, pages.get(name) ?? 0]);
  return `${JSON.stringify({ primary: primary === undefined ? 0 : (pages.get(primary) ?? 0), shards: listed })}\n`;
}

/** Shard files kept between builds, by a key that hashes the shard's indexed documents. */
export interface SearchShardStore {
  get(key: string): Promise<OutputFile[] | null>;
  put(key: string, files: readonly OutputFile[]): Promise<void>;
  /** The paths of a stored shard's files, without reading them (null when it is not stored); absent: not known. */
  list?(key: string): Promise<string[] | null>;
}

/** Options of {@link renderSearchIndex}. */
export interface SearchIndexOptions {
  /** Shard of a page, by output path: a folder name (letters, digits, `-`). Default: one shard, `all`. */
  readonly shardOf?: (path: string) => string;
  /** Where shards are kept between builds. Default: none (every shard is indexed). */
  readonly store?: SearchShardStore;
}

/** Pagefind's runtime files: only the primary bundle ships them. */
function isRuntime(file: string): boolean {
  return file === 'pagefind.js' || file === 'pagefind-worker.js' || /^wasm\.[\w-]+\.pagefind$/.test(file);
}

/** How often Pagefind's runtime checks whether its WebAssembly and index are ready, as shipped and as written out, in ms. */
const RUNTIME_POLL = { shipped: 'await asyncSleep(50)', written: 'await asyncSleep(5)' };

/**
 * A runtime file as the search page gets it. Pagefind 1.6 (`pagefind.js` and `pagefind-worker.js`) waits for its
 * WebAssembly (a merge, `mergeIndex`) and for an index's metadata (every search) by sleeping 50 ms at a time; a
 * search started right after `init()`, as the search page's is, so waited up to 50 ms for work done in 10–30.
 * Written out, those waits poll every 5 ms. Files without the pattern (another Pagefind version) are left as
 * they are (test/site/render-extras.test.ts checks the runtime this version ships).
 */
function runtimeFile(file: OutputFile): OutputFile {
  if (!/(?:^|\/)pagefind(?:-worker)?\.js$/.test(file.path)) return file;
  const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
  if (!text.includes(RUNTIME_POLL.shipped)) return file;
  return { path: file.path, content: text.split(RUNTIME_POLL.shipped).join(RUNTIME_POLL.written) };
}

/**
 * Pagefind's files the search page needs: the runtime, the entry, metadata, index, fragment and filter files.
 * Its ready-made UIs (`pagefind-ui.js` and others, about 430 KB) are left out: the search page has its own script.
 */
function needed(file: string): boolean {
  return (
    isRuntime(file) ||
    file === 'pagefind-entry.json' ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(file) ||
    /^(?:index|fragment|filter)\/[\w-]+\.pf_(?:index|fragment|filter)$/.test(file)
  );
}

/**
 * The document Pagefind indexes for a page: its language and its `data-pagefind-body` element, nothing else, so
 * a change outside the searchable region (a neighbour's title in the pager) leaves the shard's key unchanged.
 */
export function searchDocument(html: string): string | null {
  const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b/);
  if (start < 0) return null;
  const end = html.indexOf('</article>', start);
  if (end < 0) return null;
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? 'zh-CN';
  return `<!DOCTYPE html><html lang="${lang}"><body>${html.slice(start, end + '</article>'.length)}</body></html>`;
}

/** A page's search document as a shard key reads it: a hash, 32 lowercase hex digits. */
export function searchDocumentHash(document: string): string {
  return hashParts(['search-document', document]).slice(0, 32);
}

/** A page staged for the index: its document's hash, and the document, or how to read the page's HTML. */
interface StagedPage {
  readonly hash: string;
  readonly document: string | null;
  readonly load?: () => string;
}

const byPath = (a: { path: string }, b: { path: string }): number => compareCodePoints(a.path, b.path);

/**
 * Index the HTML pages among `files` that mark a `data-pagefind-body` article, shard by shard.
 * Same input → same bytes: Pagefind orders the pages it reads and names its files by content hash
 * (checked by test/site/render-extras.test.ts).
 * @param files rendered site files; `.html` ones are offered to Pagefind with URL `/{path}`
 * @returns the index files, paths under `pagefind/`, sorted
 * @throws Error with Pagefind's messages when it cannot start or rejects a page
 */
export async function renderSearchIndex(files: readonly OutputFile[], options: SearchIndexOptions = {}): Promise<OutputFile[]> {
  const stage = stageSearchDocuments(options);
  try {
    for (const file of files) if (typeof file.content === 'string') stage.add(file.path, file.content);
    return await stage.index();
  } finally {
    await stage.discard();
  }
}

/**
 * The search documents of a build, shard by shard. A shard's documents are kept in memory until its last
 * expected page is added ({@link SearchStageOptions.expected}); then, unless the store has the shard's index,
 * they are written to a temporary folder (under `/dev/shm` or the system's temporary folder, see scratchRoot;
 * each page at its output path), dropped from memory, and a Pagefind process indexes the folder (up to
 * SEARCH_INDEX_LANES shards at a time, one a process) while the build goes on rendering the next pages. So a build that writes pages as it renders them holds the documents of about one
 * shard, not all of them (at 40,000 articles about 250 MB of strings).
 */
export interface SearchDocumentStage {
  /**
   * Stage the search document of one rendered page ({@link searchDocument}); other files are ignored.
   * @throws TypeError when `options.shardOf` names a shard with other than letters, digits and `-`
   * @throws Error when the page's shard was already complete (a page staged twice, or not in `expected`
   *   while the rest of its shard is)
   */
  add(path: string, html: string): void;
  /**
   * Stage a page that was not rendered again (its output file is kept as it is) by the hash its search document
   * had ({@link documentHash} of the build that rendered it); `load` gives the page's current HTML, read only when
   * its shard has to be indexed again.
   * @throws as {@link add}
   */
  keep(path: string, documentHash: string, load: () => string): void;
  /** The hash of the search document staged for `path` (see {@link searchDocumentHash}), or undefined when none was. */
  documentHash(path: string): string | undefined;
  /**
   * Index every shard whose documents changed since the store last saw them; the others come from the store.
   * @returns the index files, paths under `pagefind/`, sorted; with `emit`, only `shards.json` and the files of
   *   shards of pages not expected (the others went to `emit`)
   * @throws Error with Pagefind's messages when it cannot start or rejects a page, or when a document could
   *   not be written to the staging folder
   */
  index(): Promise<OutputFile[]>;
  /** Wait for the shards being indexed, stop Pagefind and remove the staging folder (call it in a `finally`). */
  discard(): Promise<void>;
}

/** Options of {@link stageSearchDocuments}. */
export interface SearchStageOptions extends SearchIndexOptions {
  /**
   * Output paths of every page that will have a search document (the article pages). A shard is indexed early,
   * during rendering, once all of its expected pages are staged; without this list every shard waits for
   * `index()`. A page staged but not listed waits for `index()` with the rest of its shard.
   */
  readonly expected?: Iterable<string>;
  /**
   * Where a shard's index files go as soon as it is indexed (a build's output writer), instead of waiting in
   * memory for `index()`, which then returns only the files not emitted yet. Needs `expected`: the primary
   * bundle is the newest of the expected shards (newestShardFirst; a shard of pages not expected is never
   * primary).
   */
  readonly emit?: (file: OutputFile, shardKey: string) => Promise<void>;
  /**
   * With `emit`: keep a shard's files that the output holds already as the last build made them from a shard of
   * the same key (`shardKey`, which `emit` was given with them then), instead of reading them back from the store
   * and handing them to `emit`. Returns the paths kept; the others are emitted as without it.
   */
  readonly keep?: (shardKey: string, paths: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Where scratch folders are made first (default {@link scratchRoot}: `/dev/shm` when writable); tests pass their own. */
  readonly scratch?: string;
  /** How a search document is written (default fs writeFileSync; tests pass one that fails like a full disk). */
  readonly writeDocument?: (file: string, document: string) => void;
}

/**
 * Pagefind runs that index shards side by side. One Pagefind process indexes one shard on about one core, so a
 * build whose pages are all rendered waited on it with the other core idle. With two lanes the cold build of 3,981
 * articles on a 2-core machine took 23.6 / 22.1 s instead of 26.8 / 24.7 s, with byte-identical output: each shard
 * is its own index whichever run makes it. Each shard is one run of the Pagefind command ({@link indexFolder}),
 * waited for until it exits, so no process outlives `index()` or `discard()`.
 */
export const SEARCH_INDEX_LANES = 2;

/**
 * Where a shard's documents wait for Pagefind: `/dev/shm` (memory-backed, Linux) when it is a folder this process
 * may write, else the system's temporary folder. A shard's documents (at most ~500, a few KB each) are written
 * once, read once by Pagefind and removed. On this project's ext4 machines creating 4,000 small files costs about
 * 2.8 s of system time (0.05 s on /dev/shm), and Pagefind read 1,000 documents in 1.8 s from disk, 0.7 s from
 * /dev/shm.
 * @param shm the memory-backed folder to prefer (a parameter for tests)
 * @returns an absolute folder path; never throws
 */
export function scratchRoot(shm = '/dev/shm'): string {
  try {
    accessSync(shm, constants.W_OK);
    if (statSync(shm).isDirectory()) return shm;
  } catch {
    // No /dev/shm here (macOS, Windows) or not writable.
  }
  return os.tmpdir();
}

/**
 * A new scratch folder `news-archive-search-{pid}-XXXXXX` in `parent`; first removes those a killed build left
 * there (their pid is gone), so that Ctrl-C or `kill -9` leaves nothing behind for good. That removal is best
 * effort: a folder it cannot remove (another build removing it at the same moment: ENOTEMPTY, ENOENT) is left.
 * @param remove how a stale folder is removed (default recursive rmSync; tests pass one that fails)
 * @throws Error from the file system when the new folder cannot be made
 */
export async function makeScratchFolder(parent: string, remove: (folder: string) => void = (folder) => rmSync(folder, { recursive: true, force: true })): Promise<string> {
  // Synchronous, like the documents' writes below: the first shard completes while the build renders, between
  // awaits that do not reach the event loop's I/O phase, so an asynchronous readdir here held Pagefind back until
  // the build's end (adding a page: spawned at 3.7 s, 0.7 s after its shard was complete, then waited for).
  removeStaleScratch(parent, 'news-archive-search-', remove);
  return mkdtempSync(path.join(parent, `news-archive-search-${process.pid}-`));
}

/** Open a {@link SearchDocumentStage}; its temporary folder is made when a shard is first indexed. */
export function stageSearchDocuments(options: SearchStageOptions = {}): SearchDocumentStage {
  const shardOf = options.shardOf ?? (() => 'all');
  let root: Promise<string> | null = null;
  /** Scratch folders given up for `root` (a full /dev/shm), removed with it. */
  const earlier: Promise<string>[] = [];
  /** Per shard not complete yet: output path → its document's hash, and the document (or how to read it). */
  const open = new Map<string, Map<string, StagedPage>>();
  /** Every staged page's document hash, by output path. */
  const hashes = new Map<string, string>();
  /** Pages staged in each shard (for shards.json). */
  const pagesIn = new Map<string, number>();
  /** Per shard: expected pages not staged yet. */
  const missing = new Map<string, Set<string>>();
  for (const file of options.expected ?? []) {
    const shard = shardOf(file);
    const set = missing.get(shard);
    if (set) set.add(file);
    else missing.set(shard, new Set([file]));
  }
  /** The shard whose bundle carries Pagefind's runtime in `pagefind/` (the newest), when known before `index()`. */
  const early = options.expected === undefined ? null : ([...missing.keys()].sort(newestShardFirst)[0] ?? null);
  const emit = early === null ? undefined : options.emit;
  /**
   * Per complete shard: its index files, paths relative to its own bundle, being made (each promise already has
   * a handler: failures wait for `index()`); empty once they went to `emit`.
   */
  const results = new Map<string, Promise<readonly OutputFile[]>>();
  /** Store lookups run one shard at a time: `index()` without `expected` closes every shard at once. */
  let lookups: Promise<unknown> = Promise.resolve();
  /** Pagefind runs going on (at most SEARCH_INDEX_LANES), and the shards waiting for a lane. */
  let running = 0;
  const waiting: Array<() => void> = [];

  /** Run `task` on a free Pagefind lane, in about the order the shards complete (each lane indexes one shard at a time). */
  const enqueue = async <T>(task: () => Promise<T>): Promise<T> => {
    while (running >= SEARCH_INDEX_LANES) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  const close = (name: string): void => {
    const pages = [...(open.get(name) ?? new Map<string, StagedPage>())].sort(([a], [b]) => compareCodePoints(a, b));
    open.delete(name);
    const key = hashParts(['pagefind', PAGEFIND_VERSION, name, ...pages.flatMap(([file, page]) => [file, page.hash])]);
    // An unchanged shard whose files the output holds as the last build made them is kept there: its files are
    // not read back from the store (at 40,000 articles about 1 s of an addition and 100 MB read).
    const list = options.store?.list;
    /** The shard's output paths kept where they are, and whether they are all of its files. */
    const keeping: Promise<{ readonly paths: ReadonlySet<string>; readonly all: boolean }> = lookups.then(async () => {
      const listed = emit === undefined || options.keep === undefined || list === undefined ? null : await list(key);
      if (listed === null || options.keep === undefined) return { paths: new Set<string>(), all: false };
      const files = bundlePaths(name, name === early, listed);
      const paths = await options.keep(key, files);
      return { paths, all: files.every((file) => paths.has(file)) };
    });
    const kept = keeping.then(({ paths }) => paths);
    const lookup = keeping.then(async ({ all }) => (all ? KEPT : ((await options.store?.get(key)) ?? null)));
    lookups = lookup.catch(() => undefined);
    const indexed = (async (): Promise<readonly OutputFile[]> => {
      const stored = await lookup;
      if (stored === KEPT) return [];
      if (stored) return stored;
      root ??= makeScratchFolder(options.scratch ?? scratchRoot());
      let folder = path.join(await root, name);
      // Written synchronously: the build renders between awaits that rarely reach the event loop's I/O phase, so
      // asynchronous writes here finished seconds late and Pagefind started late (at 13 s instead of 7 s of a
      // 4,000-article build).
      let count = 0;
      const writeDocuments = (): void => {
        const made = new Set<string>();
        count = 0;
        for (const [file, page] of pages) {
          // A kept page's document is read from its current output file (a page edited by hand since may have none).
          const document = page.document ?? searchDocument(page.load?.() ?? '');
          if (document === null) continue;
          count++;
          const target = path.join(folder, ...file.split('/'));
          const parent = path.dirname(target);
          if (!made.has(parent)) {
            mkdirSync(parent, { recursive: true });
            made.add(parent);
          }
          (options.writeDocument ?? writeFileSync)(target, document);
        }
      };
      try {
        writeDocuments();
      } catch (error) {
        // A full (or otherwise failing) /dev/shm: the documents go to the system's temporary folder instead.
        const fallback = os.tmpdir();
        if (path.dirname(await root) === fallback) throw error;
        await rm(folder, { recursive: true, force: true });
        // The first folder may hold other shards' documents waiting for Pagefind: it goes at discard().
        earlier.push(root);
        root = makeScratchFolder(fallback);
        folder = path.join(await root, name);
        writeDocuments();
      }
      pages.length = 0;
      if (count === 0) return [];
      return enqueue(async () => {
        const files = await indexShard(folder, count);
        await options.store?.put(key, files);
        await rm(folder, { recursive: true, force: true });
        return files;
      });
    })();
    const job = indexed.then(async (files) => {
      if (emit === undefined) return files;
      const keptPaths = await kept;
      for (const file of bundleFiles(name, name === early, files)) if (!keptPaths.has(file.path)) await emit(file, key);
      return [];
    });
    job.catch(() => undefined);
    results.set(name, job);
  };

  /** Wait for the shards being indexed (each Pagefind run has exited when its shard's promise settles). */
  const stop = async (): Promise<void> => {
    await Promise.allSettled(results.values());
  };

  const stagePage = (file: string, page: StagedPage): void => {
    const shard = shardOf(file);
    if (!/^[A-Za-z0-9-]+$/.test(shard)) throw new TypeError(`search shard ${JSON.stringify(shard)} of ${file}: expected letters, digits and -`);
    if (results.has(shard)) throw new Error(`search index: ${file} staged after its shard ${shard} was complete`);
    let pages = open.get(shard);
    if (!pages) open.set(shard, (pages = new Map()));
    if (!pages.has(file)) pagesIn.set(shard, (pagesIn.get(shard) ?? 0) + 1);
    pages.set(file, page);
    hashes.set(file, page.hash);
    const left = missing.get(shard);
    if (left?.delete(file) && left.size === 0) {
      missing.delete(shard);
      close(shard);
    }
  };

  return {
    add(file, html) {
      if (!file.endsWith('.html')) return;
      const document = searchDocument(html);
      if (document === null) return;
      stagePage(file, { hash: searchDocumentHash(document), document });
    },
    keep(file, hash, load) {
      stagePage(file, { hash, document: null, load });
    },
    documentHash: (file) => hashes.get(file),
    async index() {

      for (const name of [...open.keys()]) close(name);
      const names = [...results.keys()].sort(compareCodePoints);
      const primary = early ?? [...names].sort(newestShardFirst)[0];
      const out: OutputFile[] = [];
      try {
        for (const name of names) {
          const files = await (results.get(name) as Promise<readonly OutputFile[]>);
          out.push(...(emit === undefined ? bundleFiles(name, name === primary, files) : files));
        }
      } finally {
        await stop();
      }
      if (names.length > 0) out.push({ path: `${SEARCH_INDEX_DIR}/${SHARDS_FILE}`, content: shardsFile(names, primary, pagesIn) });
      return out.sort(byPath);
    },
    async discard() {
      await stop();
      for (const folder of root === null ? earlier : [...earlier, root]) await rm(await folder, { recursive: true, force: true });
    },
  };
}

/** What a shard's lookup gives when every one of its files was kept in the output ({@link SearchStageOptions.keep}). */
const KEPT: readonly OutputFile[] = Object.freeze([]);

/** The output paths of a shard's index files (paths relative to its bundle), as {@link bundleFiles} places them. */
function bundlePaths(shard: string, primary: boolean, files: readonly string[]): string[] {
  const prefix = primary ? SEARCH_INDEX_DIR : `${SEARCH_INDEX_DIR}/${shard}`;
  return files.filter((file) => primary || !isRuntime(file)).map((file) => `${prefix}/${file}`);
}

/**
 * A shard's index files as output files: the primary bundle in `pagefind/` with the runtime (see runtimeFile),
 * others in `pagefind/{shard}/` without.
 */
function bundleFiles(shard: string, primary: boolean, files: readonly OutputFile[]): OutputFile[] {
  const prefix = primary ? SEARCH_INDEX_DIR : `${SEARCH_INDEX_DIR}/${shard}`;
  return files.filter((file) => primary || !isRuntime(file.path)).map((file) => runtimeFile({ path: `${prefix}/${file.path}`, content: file.content }));
}

/**
 * One Pagefind index of the documents staged in `folder` (URL of each: `/` + its path under the folder):
 * its needed files, paths relative to the bundle, sorted.
 * @throws Error when Pagefind reports errors or indexes other than `expected` pages
 */
async function indexShard(folder: string, expected: number): Promise<OutputFile[]> {
  // The index is written beside the shard's documents (a shard's name has no `.`), read back and removed.
  const { files, pageCount } = await indexFolder(folder, `${folder}.index`, { forceLanguage: 'zh-cn' });
  if (pageCount !== expected) throw new Error(`pagefind: ${folder}: indexed ${pageCount} page(s), expected ${expected}`);
  return files
    .filter((file) => needed(file.path))
    .map((file) => ({ path: file.path, content: file.content }))
    .sort(byPath);
}
