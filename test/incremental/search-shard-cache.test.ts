/**
 * Search index shards in the build cache: kept byte for byte, and pruned when the last build did not use them; a
 * rerun keeps an unchanged shard's files in the output without reading them back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { openBuildCache, type BuildCache } from '../../src/cache/build-cache.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { listFileTree } from '../../src/list-file-tree.js';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');

test('a stored shard comes back byte for byte; shards the last build did not touch are pruned', async () => {
  const dir = tempDir('news-archive-shards-');
  const cache = openBuildCache(dir);
  const files = [
    { path: 'pagefind-entry.json', content: new TextEncoder().encode('{"version":"x"}') },
    { path: 'index/zh-cn_1.pf_index', content: new Uint8Array([0, 1, 2, 255]) },
  ];
  await cache.putSearchShard('aaa', files);
  await cache.putSearchShard('bbb', files);
  assert.equal(await cache.pruneSearchShards(), 0);
  assert.deepEqual(await cache.getSearchShard('aaa'), files);
  assert.equal(await cache.getSearchShard('ccc'), null);
  // The next build reads only aaa: bbb goes.
  assert.equal(await cache.pruneSearchShards(), 1);
  assert.deepEqual(readdirSync(path.join(dir, 'build', 'search')), ['aaa']);
});

test('a stored shard whose contents were cut short or padded is a miss, never wrong bytes', async () => {
  const dir = tempDir('news-archive-shards-');
  const cache = openBuildCache(dir);
  const files = [
    { path: 'pagefind-entry.json', content: new TextEncoder().encode('{"version":"x"}') },
    { path: 'fragment/zh-cn_1.pf_fragment', content: new Uint8Array([9, 8, 7]) },
  ];
  await cache.putSearchShard('aaa', files);
  const contents = path.join(dir, 'build', 'search', 'aaa', 'contents.bin');
  const whole = readFileSync(contents);
  assert.equal(whole.length, 18, 'the two files one after another');
  writeFileSync(contents, whole.subarray(0, 17));
  assert.equal(await cache.getSearchShard('aaa'), null, 'cut short');
  writeFileSync(contents, Buffer.concat([whole, Buffer.from([0])]));
  assert.equal(await cache.getSearchShard('aaa'), null, 'padded');
  writeFileSync(contents, whole);
  assert.deepEqual(await cache.getSearchShard('aaa'), files, 'whole again');
});

test('a rerun keeps the index files of an unchanged shard where they are, without reading them back, and the site equals a cold build', async () => {
  const work = tempDir('news-archive-shard-keep-');
  const seeds = path.join(work, 'seeds');
  mkdirSync(seeds);
  const fixtures = path.join(root, 'test/fixtures/seed');
  copyFileSync(path.join(fixtures, '2021-08-19_A1.txt'), path.join(seeds, '2021-08-19_A1.txt'));
  // A page two years earlier: a shard of its own (2019), and the newer one (2021-08-19) the primary bundle.
  writeFileSync(path.join(seeds, '2019-08-18_A2.txt'), readFileSync(path.join(fixtures, '2021-08-18_A2.txt'), 'utf8').replace('date: 2021-08-18', 'date: 2019-08-18'));
  const config = { ...DEFAULT_CONFIG, seedsDir: seeds, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
  await buildIncremental({ config });
  assert.ok(readdirSync(path.join(config.outDir, 'pagefind')).includes('2019'), 'two shards');

  // A page of an earlier day of the newest month: a shard of its own, indexed; the others are neither read back nor
  // indexed, their files kept in the output (2019's in its folder, 2021-08-19's, the primary bundle, in pagefind/).
  copyFileSync(path.join(fixtures, '2021-08-18_A1.txt'), path.join(seeds, '2021-08-18_A1.txt'));
  const real = openBuildCache(config.cacheDir);
  const read: string[] = [];
  const cache: BuildCache = {
    ...real,
    getSearchShard: async (key) => {
      const files = await real.getSearchShard(key);
      if (files !== null) read.push(key);
      return files;
    },
  };
  const result = await buildIncremental({ config, cache });
  assert.deepEqual(read, [], 'no shard read back: 2021-08-18 new (a miss, indexed), 2019 and 2021-08-19 kept in place');
  assert.ok(result.report.unchanged.some((file) => file.startsWith('pagefind/2019/')));
  assert.equal(result.report.written.some((file) => file.startsWith('pagefind/2019/')), false);
  assert.ok(result.report.unchanged.includes('pagefind/pagefind-entry.json'), 'the primary bundle kept');
  assert.ok(result.report.written.some((file) => file.startsWith('pagefind/2021-08-18/')), 'the new shard written');

  const fresh = { ...config, outDir: path.join(work, 'cold'), cacheDir: path.join(work, '.cache-cold') };
  await buildIncremental({ config: fresh });
  assert.deepEqual(tree(config.outDir), tree(fresh.outDir));
});

/** Every file under `dir` with its bytes (base64), by path. */
function tree(dir: string): Map<string, string> {
  return new Map(listFileTree(dir).map((file) => [file, readFileSync(path.join(dir, ...file.split('/'))).toString('base64')]));
}
