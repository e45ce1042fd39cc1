/**
 * A page entry's text (`{key}.text.json`) is read only when an item's text is first read: a rerun that adds a page
 * reads the text of the pages it renders, not of the others; a text found missing or damaged then makes the build
 * run once more with every text checked (that entry a miss, segmented again), and the output is that of a fresh build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { checkedTextCache, DamagedEntryError, openBuildCache, pageKey } from '../../src/cache/build-cache.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { listFileTree } from '../../src/list-file-tree.js';
import type { TaggedArticle } from '../../src/types.js';
import { tempDir } from '../temp-dir.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/seed');
const A1 = '2021-08-18_A1.txt';
const A2 = '2021-08-18_A2.txt';
const B1 = '2021-08-19_A1.txt';

/** A project with `seeds` copied from the fixtures; the feed shows one item (so it reads the newest item's text only). */
function project(seeds: readonly string[]): { config: Config; seedsDir: string } {
  const work = tempDir('news-archive-entry-text-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const name of seeds) copyFileSync(path.join(fixtures, name), path.join(seedsDir, name));
  return { seedsDir, config: { ...DEFAULT_CONFIG, feedSize: 1, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') } };
}

function tree(dir: string): Map<string, string> {
  return new Map(listFileTree(dir).map((file) => [file, readFileSync(path.join(dir, ...file.split('/'))).toString('base64')]));
}

/** The text file of the entry of `seed` (the only `.text.json` whose entry names it). */
function textFileOf(config: Config, seed: string): string {
  const dir = path.join(config.cacheDir, 'build', 'pages');
  const names = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.endsWith('.text.json'));
  const entry = names.find((name) => readFileSync(path.join(dir, name), 'utf8').includes(`"file":"seeds/${seed}"`));
  assert.ok(entry !== undefined, seed);
  return path.join(dir, entry.replace(/\.json$/, '.text.json'));
}

test('an entry read back: its text is read when first read, and the article serialises as it was stored', async () => {
  const dir = tempDir('news-archive-entry-text-');
  const cache = openBuildCache(dir);
  const article: TaggedArticle = {
    seed: 'seeds/x.txt',
    index: 0,
    kind: 'article',
    kicker: null,
    headline: '标题',
    subheadline: null,
    body: [{ type: 'paragraph', text: '正文。', lines: [3, 3] }],
    bylines: ['陈馨'],
    photoCredit: null,
    continued: false,
    sourceLines: [2, 3],
    places: { districts: [], towns: [] },
  };
  const key = pageKey('g', 's', 'seeds/x.txt', 'h');
  await cache.putPage(key, { page: null, articles: [article], diagnostics: [], hashes: ['a'.repeat(32)] });
  assert.deepEqual(readdirSync(path.join(dir, 'build', 'pages')).sort(), [`${key}.json`, `${key}.text.json`]);
  // The entry file holds no text.
  assert.equal(readFileSync(path.join(dir, 'build', 'pages', `${key}.json`), 'utf8').includes('正文'), false);
  const entry = await cache.getPage(key);
  assert.equal(JSON.stringify(entry?.articles[0]), JSON.stringify(article));
  assert.deepEqual(entry?.hashes, ['a'.repeat(32)]);

  // Read after its text file is gone: the entry is there, its text throws when read; a checked read is a miss.
  const again = await cache.getPage(key);
  rmSync(path.join(dir, 'build', 'pages', `${key}.text.json`));
  assert.equal(again?.articles[0]?.headline, '标题');
  assert.throws(() => again?.articles[0]?.body, (error: unknown) => error instanceof DamagedEntryError && error.key === key);
  assert.equal(await checkedTextCache(cache).getPage(key), null);
  // An entry pruned goes with its text; one kept keeps it.
  await cache.putPage(key, { page: null, articles: [article], diagnostics: [] });
  assert.equal(await cache.prunePages(new Set([key])), 0);
  assert.equal(await cache.prunePages(new Set()), 2);
  assert.deepEqual(readdirSync(path.join(dir, 'build', 'pages')), []);
});

test('adding a page reads no text of a page it does not render: that entry’s text can be gone, the output is a fresh build’s', async () => {
  const { config, seedsDir } = project([A1, A2]);
  await buildIncremental({ config });
  // A2's items are neither neighbours of the new page's nor in the one-item feed: nothing renders their text.
  const text = textFileOf(config, A2);
  rmSync(text);
  copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
  const added = await buildIncremental({ config });
  assert.deepEqual([added.stats?.processed, added.stats?.cached], [1, 2]);
  assert.equal(existsSync(text), false, 'A2 was not segmented again');
  const fresh = project([A1, A2, B1]);
  await buildIncremental({ config: fresh.config });
  assert.deepEqual(tree(config.outDir), tree(fresh.config.outDir));
});

test('a text that the rerun reads, found missing or damaged: the build runs again with every text checked, that page is segmented again, same bytes', async () => {
  for (const damage of ['missing', 'garbled'] as const) {
    const { config, seedsDir } = project([A1, A2]);
    await buildIncremental({ config });
    // A1's first item is the new page's last item's neighbour: its page is rendered again, from its text.
    const text = textFileOf(config, A1);
    if (damage === 'missing') rmSync(text);
    else writeFileSync(text, readFileSync(text, 'utf8').replace('防控', '禯控'));
    copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
    const added = await buildIncremental({ config });
    // The build that ran again segmented A1 (its entry written again) and took the new page's entry, which the
    // first run made, from the cache.
    assert.deepEqual([added.stats?.processed, added.stats?.cached], [1, 2], damage);
    assert.equal(existsSync(text), true, damage);
    assert.ok(readFileSync(text, 'utf8').includes('防控'), damage);
    const fresh = project([A1, A2, B1]);
    await buildIncremental({ config: fresh.config });
    assert.deepEqual(tree(config.outDir), tree(fresh.config.outDir), damage);
    assert.equal((await buildIncremental({ config })).upToDate, true);
  }
});
