/**
 * The cache's checksums: CRC-32 (8 hex digits) where Node has zlib.crc32, and entries an earlier version stored
 * with MD5 (32 digits: a search shard outlives the generator) still read; a wrong sum of either kind is a miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checksum, matchesChecksum, openBuildCache, pageKey } from '../../src/cache/build-cache.js';
import { tempDir } from '../temp-dir.js';

const md5 = (text: string | Uint8Array): string => createHash('md5').update(text).digest('hex');

test('checksum is CRC-32 in hex (the standard check value of 123456789), of a string its UTF-8', () => {
  assert.equal(checksum('123456789'), 'cbf43926');
  assert.equal(checksum('防控'), checksum(Buffer.from('防控', 'utf8')));
  assert.equal(checksum(''), '00000000');
  assert.equal(matchesChecksum('123456789', 'cbf43926'), true);
  assert.equal(matchesChecksum('123456780', 'cbf43926'), false);
  assert.equal(matchesChecksum('123456789', md5('123456789')), true);
  assert.equal(matchesChecksum('123456780', md5('123456789')), false);
  assert.equal(matchesChecksum('123456789', 'CBF43926'), false);
});

test('an entry and a search shard stored with MD5 sums are read; a wrong sum is a miss', async () => {
  const dir = tempDir('news-archive-checksums-');
  const cache = openBuildCache(dir);
  const key = pageKey('g', 's', 'seeds/x.txt', 'h');
  await cache.putPage(key, { page: null, articles: [], diagnostics: [{ file: 'seeds/x.txt', line: 1, rule: 'r', severity: 'warning', message: '防控' }] });
  const file = path.join(dir, 'build', 'pages', `${key}.json`);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^\{"sum":"[0-9a-f]{8}","value":/);
  const json = text.slice(text.indexOf('"value":') + 8, -1);
  writeFileSync(file, `{"sum":"${md5(json)}","value":${json}}`);
  assert.equal((await cache.getPage(key))?.diagnostics[0]?.message, '防控');
  writeFileSync(file, `{"sum":"${md5(`${json} `)}","value":${json}}`);
  assert.equal(await cache.getPage(key), null);

  await cache.putSearchShard('k', [{ path: 'pagefind/a.pf', content: new Uint8Array([1, 2, 3]) }]);
  const list = path.join(dir, 'build', 'search', 'k', 'files.json');
  const stored = JSON.parse(readFileSync(list, 'utf8').replace(/^\{"sum":"[0-9a-f]+","value":/, '').slice(0, -1)) as { contents: string };
  assert.equal(stored.contents, checksum(new Uint8Array([1, 2, 3])));
  const old = JSON.stringify({ ...stored, contents: md5(new Uint8Array([1, 2, 3])) });
  writeFileSync(list, `{"sum":"${md5(old)}","value":${old}}`);
  assert.deepEqual((await cache.getSearchShard('k'))?.map((f) => [f.path, [...f.content as Uint8Array]]), [['pagefind/a.pf', [1, 2, 3]]]);
  const wrong = JSON.stringify({ ...stored, contents: md5(new Uint8Array([1, 2, 4])) });
  writeFileSync(list, `{"sum":"${md5(wrong)}","value":${wrong}}`);
  assert.equal(await cache.getSearchShard('k'), null);
});
