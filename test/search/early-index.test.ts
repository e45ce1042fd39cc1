/**
 * A shard complete while the build renders goes to Pagefind at once: its documents are written without waiting
 * for the event loop's I/O phase, which a build that renders between awaits of promises already settled reaches
 * only at its end. The stored shards looked up before it (cache hits) must not hold it back either.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { stageSearchDocuments } from '../../src/search/search-index.js';
import { tempDir } from '../temp-dir.js';

const html = (text: string): string => `<html lang="zh-CN"><body><article data-pagefind-body><h1>${text}</h1><p>南通的新闻正文，${text}。</p></article></body></html>`;

test('a complete shard’s documents are written for Pagefind before the I/O phase, after a stored shard was looked up', async () => {
  const cache = openBuildCache(tempDir('news-archive-early-cache-'));
  const scratch = tempDir('news-archive-early-scratch-');
  const store = { get: (key: string) => cache.getSearchShard(key), put: (key: string, files: Parameters<typeof cache.putSearchShard>[1]) => cache.putSearchShard(key, files) };
  const shardOf = (file: string): string => file.split('/')[1] as string;
  // The last build indexed and stored shard a.
  const first = stageSearchDocuments({ store, shardOf, scratch });
  first.add('pages/a/01.html', html('甲'));
  try {
    await first.index();
  } finally {
    await first.discard();
  }
  // This build: shard a as stored (a hit, looked up first), shard b new.
  const written: string[] = [];
  const writeDocument = (file: string, document: string): void => {
    written.push(path.relative(scratch, file).split(path.sep).slice(1).join('/'));
    writeFileSync(file, document);
  };
  const stage = stageSearchDocuments({ store, shardOf, scratch, writeDocument, expected: ['pages/a/01.html', 'pages/b/01.html'] });
  try {
    stage.add('pages/a/01.html', html('甲'));
    stage.add('pages/b/01.html', html('乙'));
    // Promises only, as between a build's renders: no timer, no I/O phase.
    for (let i = 0; i < 1000; i++) await Promise.resolve();
    assert.deepEqual(written, ['b/pages/b/01.html']);
    const files = await stage.index();
    assert.ok(files.some((file) => file.path === 'pagefind/pagefind-entry.json'));
    // Both shards are in the index: one the primary bundle in pagefind/, the other in a folder of its own.
    assert.deepEqual(files.map((file) => file.path).filter((file) => file.endsWith('pagefind-entry.json')), ['pagefind/b/pagefind-entry.json', 'pagefind/pagefind-entry.json']);
  } finally {
    await stage.discard();
  }
});
