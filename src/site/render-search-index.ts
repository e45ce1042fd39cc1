/**
 * The full-text search index under `pagefind/`, built in memory by Pagefind (the only module that imports it).
 * Pagefind reads each page's `data-pagefind-body` region, segments Chinese into words (the page language is
 * `zh-CN`), and returns the index as files; the search page loads `pagefind/pagefind.js` in the browser.
 */
import * as pagefind from 'pagefind';
import type { OutputFile } from '../types.js';

/** Folder of the index in the output. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Pagefind's files the search page needs: the search API, its worker and WebAssembly, the entry, metadata,
 * index, fragment and filter files. Its ready-made UIs (`pagefind-ui.js` and others, about 430 KB) are left out:
 * the search page has its own small script.
 */
function needed(file: string): boolean {
  return (
    file === 'pagefind.js' ||
    file === 'pagefind-worker.js' ||
    file === 'pagefind-entry.json' ||
    /^wasm\.[\w-]+\.pagefind$/.test(file) ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(file) ||
    /^(?:index|fragment|filter)\/[\w-]+\.pf_(?:index|fragment|filter)$/.test(file)
  );
}

/**
 * Index the HTML pages among `files` that mark a `data-pagefind-body` region (Pagefind skips the others).
 * Same input → same bytes: pages are added in path order and Pagefind names its files by content hash
 * (checked by test/site/render-extras.test.ts).
 * @param files rendered site files; `.html` ones are offered to Pagefind with URL `/{path}`
 * @returns the index files, paths under `pagefind/`, sorted
 * @throws Error with Pagefind's messages when it cannot start or rejects a page
 */
export async function renderSearchIndex(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const pages = files
    .filter((file) => file.path.endsWith('.html') && typeof file.content === 'string' && file.content.includes('data-pagefind-body'))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: cannot create the search index: ${errors.join('; ')}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: `/${page.path}`, content: page.content as string });
      if (added.errors.length > 0) throw new Error(`pagefind: ${page.path}: ${added.errors.join('; ')}`);
    }
    const result = await index.getFiles();
    if (result.errors.length > 0) throw new Error(`pagefind: cannot write the search index: ${result.errors.join('; ')}`);
    return result.files
      .filter((file) => needed(file.path))
      .map((file) => ({ path: `${SEARCH_INDEX_DIR}/${file.path}`, content: Uint8Array.from(file.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
