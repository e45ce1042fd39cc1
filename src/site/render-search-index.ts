/**
 * The full-text search index under `pagefind/`, built in memory by Pagefind (the only module that imports it).
 * Pagefind reads each page's `data-pagefind-body` region, segments Chinese into words (the page language is
 * `zh-CN`), and returns the index as files; the search page loads `pagefind/pagefind.js` in the browser.
 *
 * The index is split into shards (one per edition year by default, see render-extras.ts), each a Pagefind
 * index of its own: Pagefind's memory grows by about 330 KB per page indexed, and a shard whose pages did not
 * change is taken from the store instead of being indexed again. The first shard (code point order) is the
 * primary bundle in `pagefind/` with Pagefind's runtime; every other shard's index files are in
 * `pagefind/{shard}/`, listed in `pagefind/shards.json`, and merged in the browser (`mergeIndex`).
 */
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { hashParts } from '../cache/input-hashes.js';
import { compareCodePoints } from '../compare-code-points.js';
import type { OutputFile } from '../types.js';

/** Folder of the index in the output. */
export const SEARCH_INDEX_DIR = 'pagefind';
/** The list of merged shards, relative to SEARCH_INDEX_DIR: a JSON array of folder names. */
export const SHARDS_FILE = 'shards.json';

/** Pagefind's version (its package.json is not exported: read beside its entry module). Part of every shard key. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;

/** Shard files kept between builds, by a key that hashes the shard's indexed documents. */
export interface SearchShardStore {
  get(key: string): Promise<OutputFile[] | null>;
  put(key: string, files: readonly OutputFile[]): Promise<void>;
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

const byPath = (a: { path: string }, b: { path: string }): number => compareCodePoints(a.path, b.path);

/**
 * Index the HTML pages among `files` that mark a `data-pagefind-body` article, shard by shard.
 * Same input → same bytes: pages are added in path order and Pagefind names its files by content hash
 * (checked by test/site/render-extras.test.ts).
 * @param files rendered site files; `.html` ones are offered to Pagefind with URL `/{path}`
 * @returns the index files, paths under `pagefind/`, sorted
 * @throws Error with Pagefind's messages when it cannot start or rejects a page
 */
export async function renderSearchIndex(files: readonly OutputFile[], options: SearchIndexOptions = {}): Promise<OutputFile[]> {
  const documents: SearchDocument[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.html') || typeof file.content !== 'string') continue;
    const document = searchDocument(file.content);
    if (document !== null) documents.push({ path: file.path, document });
  }
  return indexSearchDocuments(documents, options);
}

/** A page as Pagefind indexes it: its output path and {@link searchDocument} of its HTML. */
export interface SearchDocument {
  readonly path: string;
  readonly document: string;
}

/**
 * Like {@link renderSearchIndex}, from the documents already taken out of the pages (a build that writes pages
 * as it renders them keeps only these).
 * @throws Error with Pagefind's messages when it cannot start or rejects a page
 */
export async function indexSearchDocuments(documents: readonly SearchDocument[], options: SearchIndexOptions = {}): Promise<OutputFile[]> {
  const shardOf = options.shardOf ?? (() => 'all');
  const shards = new Map<string, { path: string; document: string }[]>();
  for (const { path, document } of documents) {
    const shard = shardOf(path);
    if (!/^[A-Za-z0-9-]+$/.test(shard)) throw new TypeError(`search shard ${JSON.stringify(shard)} of ${path}: expected letters, digits and -`);
    const list = shards.get(shard);
    if (list) list.push({ path, document });
    else shards.set(shard, [{ path, document }]);
  }
  const names = [...shards.keys()].sort(compareCodePoints);
  let started = false;
  const out: OutputFile[] = [];
  try {
    for (const [i, name] of names.entries()) {
      const pages = (shards.get(name) ?? []).sort(byPath);
      const key = hashParts(['pagefind', PAGEFIND_VERSION, name, ...pages.flatMap((page) => [page.path, page.document])]);
      let shardFiles = await options.store?.get(key);
      if (!shardFiles) {
        started = true;
        shardFiles = await indexShard(pages);
        await options.store?.put(key, shardFiles);
      }
      const prefix = i === 0 ? SEARCH_INDEX_DIR : `${SEARCH_INDEX_DIR}/${name}`;
      for (const file of shardFiles) {
        if (i > 0 && isRuntime(file.path)) continue;
        out.push({ path: `${prefix}/${file.path}`, content: file.content });
      }
    }
  } finally {
    if (started) await pagefind.close();
  }
  if (names.length > 0) out.push({ path: `${SEARCH_INDEX_DIR}/${SHARDS_FILE}`, content: `${JSON.stringify(names.slice(1))}\n` });
  return out.sort(byPath);
}

/** One Pagefind index of `pages` (sorted by path): its needed files, paths relative to the bundle, sorted. */
async function indexShard(pages: readonly { path: string; document: string }[]): Promise<OutputFile[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: cannot create the search index: ${errors.join('; ')}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: `/${page.path}`, content: page.document });
      if (added.errors.length > 0) throw new Error(`pagefind: ${page.path}: ${added.errors.join('; ')}`);
    }
    const result = await index.getFiles();
    if (result.errors.length > 0) throw new Error(`pagefind: cannot write the search index: ${result.errors.join('; ')}`);
    return result.files
      .filter((file) => needed(file.path))
      .map((file) => ({ path: file.path, content: Uint8Array.from(file.content) }))
      .sort(byPath);
  } finally {
    await index.deleteIndex();
  }
}
