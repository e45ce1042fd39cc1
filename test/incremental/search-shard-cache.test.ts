/**
 * Search index shards in the build cache: kept byte for byte, and pruned when the last build did not use them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { tempDir } from '../temp-dir.js';

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
