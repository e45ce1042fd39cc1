/**
 * The gazetteer's copy in the cache (cache/build-cache.ts storedGazetteer): it comes back equal to the one loaded
 * from the division codes (byCode in the same order), is a miss under another key, damaged or with a folder in
 * its place, and a `--clean` build's context never reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBuildContext } from '../../src/build-context.js';
import { checksum, storedGazetteer } from '../../src/cache/build-cache.js';
import { loadGazetteer } from '../../src/places/index.js';
import { tempDir } from '../temp-dir.js';

const fresh = loadGazetteer({ homeRegion: '3206' });

test('a stored gazetteer comes back equal to the loaded one; another key, damage or a folder is a miss', () => {
  const cacheDir = tempDir('news-archive-gazetteer-');
  const store = storedGazetteer(cacheDir);
  assert.equal(store.get('3206', 'k1'), null);
  store.put('k1', fresh);
  const back = store.get('3206', 'k1');
  assert.deepEqual(back, fresh);
  assert.deepEqual([...(back?.byCode.keys() ?? [])], [...fresh.byCode.keys()]);
  assert.equal(back?.byCode.get(fresh.towns[0]!.code), back?.towns[0], 'byCode holds the same objects as the lists');
  assert.equal(store.get('3206', 'k2'), null, 'another generator');
  assert.equal(store.get('3201', 'k1'), null, 'another region');

  const file = path.join(cacheDir, 'build', 'gazetteer-3206.json');
  const bytes = readFileSync(file, 'utf8');
  writeFileSync(file, bytes.replace(fresh.homeName, '南京市'));
  assert.equal(store.get('3206', 'k1'), null, 'a changed byte fails the checksum');
  writeFileSync(file, bytes.slice(0, -10));
  assert.equal(store.get('3206', 'k1'), null, 'cut short');

  const folder = tempDir('news-archive-gazetteer-');
  mkdirSync(path.join(folder, 'build', 'gazetteer-3206.json', 'inside'), { recursive: true });
  const blocked = storedGazetteer(folder);
  assert.equal(blocked.get('3206', 'k1'), null);
  blocked.put('k1', fresh);
  assert.deepEqual(blocked.get('3206', 'k1'), fresh);
});

test('a build context stores the gazetteer once and reads it after; a clean build’s context never reads it', () => {
  const cacheDir = tempDir('news-archive-gazetteer-');
  const first = createBuildContext().gazetteer('3206', cacheDir);
  assert.deepEqual(first, fresh);
  const file = path.join(cacheDir, 'build', 'gazetteer-3206.json');
  // A forged copy with a good checksum: read by a plain build's context, never by a clean one's.
  const text = readFileSync(file, 'utf8');
  const json = text.slice(text.indexOf('"value":') + '"value":'.length, -1).replace(`"homeName":"${fresh.homeName}"`, '"homeName":"伪造市"');
  writeFileSync(file, `{"sum":"${checksum(json)}","value":${json}}`);
  assert.equal(createBuildContext().gazetteer('3206', cacheDir).homeName, '伪造市');
  assert.deepEqual(createBuildContext(undefined, { readStoredGazetteer: false }).gazetteer('3206', cacheDir), fresh);
});
