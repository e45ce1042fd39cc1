/**
 * The pack of page entries (`build/pages-{checksum}.pack`, named by its index `pages-pack.json`): a build gathers its entries into one file, and the next reads them
 * from it instead of one file a seed. An entry the pack lacks, or whose slice of it is damaged, is read from its own
 * file; the pack is written again only when more than a sixteenth of a build's entries are not in it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache, pageKey, type PageEntry } from '../../src/cache/build-cache.js';
import { tempDir } from '../temp-dir.js';

const entry = (message: string): PageEntry => ({ page: null, articles: [], diagnostics: [{ file: 'seeds/x.txt', line: 1, rule: 'r', severity: 'warning', message }] });
const messageOf = (read: PageEntry | null): string | undefined => read?.diagnostics[0]?.message;
/** The pack the index of the cache in `dir` names. */
const packOf = (dir: string): string => {
  const index = JSON.parse(readFileSync(path.join(dir, 'build', 'pages-pack.json'), 'utf8')) as { value: { pack: string } };
  assert.match(index.value.pack, /^pages-[0-9a-f]{8}\.pack$/);
  return path.join(dir, 'build', index.value.pack);
};

test('entries packed are read from the pack; a slice damaged there, or an entry not in it, from its own file', async () => {
  const dir = tempDir('news-archive-pack-');
  const cache = openBuildCache(dir);
  const keys = ['a', 'b', 'c'].map((name) => pageKey('g', 's', `seeds/${name}.txt`, 'h'));
  for (const [i, key] of keys.entries()) await cache.putPage(key, entry(`第${i}版`));
  assert.equal(await cache.packPages?.(new Set(keys)), true);
  assert.equal(await cache.packPages?.(new Set(keys)), false, 'every entry is in it');
  const packFile = packOf(dir);
  const own = (key: string): string => path.join(dir, 'build', 'pages', `${key}.json`);
  // The pack is the entries' own bytes one after another, in key order.
  assert.equal(readFileSync(packFile, 'utf8'), [...keys].sort().map((key) => readFileSync(own(key), 'utf8')).join(''));

  // Own files garbled: the pack's copies are read.
  const [a, b, c] = keys as [string, string, string];
  for (const key of keys) writeFileSync(own(key), 'garbled');
  const fromPack = openBuildCache(dir);
  rmSync(own(c));
  assert.deepEqual([fromPack.hasPage(c), fromPack.hasPage('not-there')], [true, false], 'in the pack, its own file gone');
  assert.deepEqual([messageOf(await fromPack.getPage(a)), messageOf(await fromPack.getPage(b)), messageOf(await fromPack.getPage(c))], ['第0版', '第1版', '第2版']);

  // A flipped character in b's slice: b is read from its own file (put back), the others still from the pack.
  await cache.putPage(b, entry('第1版'));
  const text = readFileSync(packFile, 'utf8');
  writeFileSync(packFile, text.replace('第1版', '第7版'));
  const damaged = openBuildCache(dir);
  assert.equal(messageOf(await damaged.getPage(b)), '第1版');
  assert.equal(messageOf(await damaged.getPage(a)), '第0版');
  // An entry not in the pack is read from its file.
  const d = pageKey('g', 's', 'seeds/d.txt', 'h');
  await cache.putPage(d, entry('第3版'));
  assert.equal(messageOf(await openBuildCache(dir).getPage(d)), '第3版');
  // A pack cut short: the slices past its end are not there, the entries still read (from their own files).
  writeFileSync(packFile, text.slice(0, 10));
  for (const key of [a, c]) await cache.putPage(key, entry('重写'));
  assert.equal(messageOf(await openBuildCache(dir).getPage(c)), '重写');
});

test('the pack is written again when more than a sixteenth of the entries are not in it', async () => {
  const dir = tempDir('news-archive-pack-');
  const cache = openBuildCache(dir);
  const keys = Array.from({ length: 32 }, (_, i) => pageKey('g', 's', `seeds/${i}.txt`, 'h'));
  for (const key of keys) await cache.putPage(key, entry(key));
  assert.equal(await cache.packPages?.(new Set(keys)), true);
  const more = [...keys];
  for (let i = 0; i < 3; i++) {
    const key = pageKey('g', 's', `seeds/new-${i}.txt`, 'h');
    await cache.putPage(key, entry(key));
    more.push(key);
    // 1 and 2 of 33 and 34 are at most a sixteenth (2); 3 of 35 are more.
    assert.equal(await cache.packPages?.(new Set(more)), i === 2, `${i + 1} not in the pack`);
  }
  const index = JSON.parse(readFileSync(path.join(dir, 'build', 'pages-pack.json'), 'utf8')) as { value: { entries: unknown[] } };
  assert.equal(index.value.entries.length, 35);
  // Each pack written is the only one: the one its index named before is gone.
  assert.deepEqual(readdirSync(path.join(dir, 'build')).filter((name) => name.endsWith('.pack')), [path.basename(packOf(dir))]);
  // The pack deleted, or cut short, with its index left: written again at the next build's end.
  rmSync(packOf(dir));
  assert.equal(await cache.packPages?.(new Set(more)), true, 'pack gone');
  writeFileSync(packOf(dir), readFileSync(packOf(dir)).subarray(0, 100));
  assert.equal(await cache.packPages?.(new Set(more)), true, 'pack cut short');
  assert.equal(await cache.packPages?.(new Set(more)), false, 'whole again');
  // Keys without an entry file (never written) do not count, and are left out when the pack is written.
  assert.equal(existsSync(packOf(dir)), true);
  assert.equal(await cache.packPages?.(new Set([...more, 'x1', 'x2', 'x3'])), false);
  // With an entry more, the pack written leaves them out.
  for (let i = 0; i < 3; i++) await cache.putPage(`more${i}`, entry('more'));
  assert.equal(await cache.packPages?.(new Set([...more, 'more0', 'more1', 'more2', 'x1', 'x2', 'x3'])), true, '3 of 41 not in it');
  assert.equal((JSON.parse(readFileSync(path.join(dir, 'build', 'pages-pack.json'), 'utf8')) as { value: { entries: unknown[] } }).value.entries.length, 38);
  // A build stopped between the pack and its index leaves the old index, which names the old pack, never the new one:
  // an entry is read from the pack it was written in, or from its own file, never from another page's slice.
  const oldIndex = readFileSync(path.join(dir, 'build', 'pages-pack.json'));
  const first = more[0] as string;
  await cache.putPage(first, entry('改过'));
  const extra = pageKey('g', 's', 'seeds/extra.txt', 'h');
  await cache.putPage(extra, entry('新的'));
  for (let i = 0; i < 3; i++) await cache.putPage(`n${i}`, entry('新的'));
  assert.equal(await cache.packPages?.(new Set([...more, extra, 'n0', 'n1', 'n2'])), true);
  writeFileSync(path.join(dir, 'build', 'pages-pack.json'), oldIndex);
  const stale = openBuildCache(dir);
  assert.deepEqual([messageOf(await stale.getPage(first)), messageOf(await stale.getPage(more[5] as string))], ['改过', more[5]]);
});
