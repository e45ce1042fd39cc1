/**
 * The build state as the cache stores it: a base list of the output's files and, in the state file, the changes
 * since that list. A rerun that changes a few files writes those few; many changes, another store, a base gone
 * or damaged: the list is written whole, and the state read back is always the one put.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache, type BuildState, type OutputRecord } from '../../src/cache/build-cache.js';
import { tempDir } from '../temp-dir.js';

/** `n` records `page/00000.html`… of 100 bytes each, with a unit hash. */
function records(n: number): OutputRecord[] {
  return Array.from({ length: n }, (_, i) => ({ path: `page/${String(i).padStart(5, '0')}.html`, size: 100, unit: `u${i}` }));
}

function stateOf(outDir: string, files: readonly OutputRecord[], key = 'k'): BuildState {
  return { key, outDir, files, diagnostics: [{ file: 'seeds/a.txt', line: 3, rule: 'r', severity: 'warning', message: '无署名' }], pageCount: 1, itemCount: 2, pageKeys: [['seeds/a.txt', 'p']], renderKey: 'r' };
}

/** The cache's state files of the build folder: `[name, value]` with the checked wrapper taken off. */
function stateFiles(cacheDir: string): Array<[string, Record<string, unknown>]> {
  const build = path.join(cacheDir, 'build');
  return readdirSync(build)
    .filter((name) => name.startsWith('state-'))
    .sort()
    .map((name) => [name, (JSON.parse(readFileSync(path.join(build, name), 'utf8')) as { value: Record<string, unknown> }).value]);
}

/** A cache in a new folder, and an output folder beside it. */
function freshCache(): { cacheDir: string; outDir: string; cache: ReturnType<typeof openBuildCache> } {
  const cacheDir = tempDir('news-archive-state-');
  return { cacheDir, outDir: path.join(cacheDir, 'dist'), cache: openBuildCache(cacheDir) };
}

test('a state put and read back is the same; a rerun that changes two files stores those two beside the base list', async () => {
  const { cacheDir, outDir, cache } = freshCache();
  const first = records(1000);
  await cache.putState(stateOf(outDir, first));
  const [[baseName, base], [headName, head]] = stateFiles(cacheDir) as [[string, Record<string, unknown>], [string, Record<string, unknown>]];
  assert.match(baseName, /^state-[0-9a-f]{16}\.files-[0-9a-f]{8}\.json$/);
  assert.equal(headName, `${baseName.slice(0, 'state-'.length + 16)}.json`);
  assert.equal((base.files as unknown[]).length, 1000);
  assert.deepEqual([head.base, head.changed, head.removed, head.key, head.pageCount], [baseName, [], [], 'k', 1]);

  const read = await cache.getState(outDir);
  assert.deepEqual(read, { ...stateOf(outDir, first), files: first });

  // Kept files are the records read (the build keeps them as they are); one changed, one removed, one added.
  const kept = (read as BuildState).files;
  const next = [...kept.slice(0, 10), { path: 'page/00010.html', size: 120, unit: 'v' }, ...kept.slice(12), { path: 'zz/new.html', size: 7 }];
  await cache.putState(stateOf(outDir, next, 'k2'));
  const after = stateFiles(cacheDir);
  assert.deepEqual(
    after.map(([name]) => name),
    [baseName, headName],
  );
  assert.deepEqual([after[1]?.[1].base, after[1]?.[1].changed, after[1]?.[1].removed, after[1]?.[1].key], [
    baseName,
    [
      { path: 'page/00010.html', size: 120, unit: 'v' },
      { path: 'zz/new.html', size: 7 },
    ],
    ['page/00011.html'],
    'k2',
  ]);
  // Another store (another process) reads the same state.
  assert.deepEqual((await openBuildCache(cacheDir).getState(outDir))?.files, next);
  assert.deepEqual((await cache.getState(outDir))?.files, next);

  // A record equal to the base's but made anew (a page rendered to the same bytes) is no change.
  const again = next.map((record) => ({ ...record }));
  await cache.putState(stateOf(outDir, again, 'k3'));
  assert.equal((stateFiles(cacheDir)[1]?.[1].changed as unknown[]).length, 2);
  assert.deepEqual((await openBuildCache(cacheDir).getState(outDir))?.files, next);
});

test('more changes than a sixteenth of the list, or a store that read no base, write the list whole and remove the old one', async () => {
  const { cacheDir, outDir, cache } = freshCache();
  const first = records(8000);
  await cache.putState(stateOf(outDir, first));
  const [baseName] = stateFiles(cacheDir)[0] as [string, unknown];
  // 500 changes of 8,000: the limit (8,000 / 16).
  const changed = first.map((record, i) => (i < 500 ? { ...record, size: 1 } : record));
  await cache.putState(stateOf(outDir, changed));
  assert.equal(stateFiles(cacheDir)[0]?.[0], baseName);
  assert.equal((stateFiles(cacheDir)[1]?.[1].changed as unknown[]).length, 500);
  const more = first.map((record, i) => (i <= 500 ? { ...record, size: 1 } : record));
  await cache.putState(stateOf(outDir, more));
  const files = stateFiles(cacheDir);
  assert.equal(files.length, 2);
  assert.notEqual(files[0]?.[0], baseName);
  assert.deepEqual([(files[0]?.[1].files as unknown[]).length, files[1]?.[1].changed, files[1]?.[1].base], [8000, [], files[0]?.[0]]);
  assert.deepEqual((await openBuildCache(cacheDir).getState(outDir))?.files, more);

  // A store that has read no state writes the list whole (it has no base to write changes against).
  const other = openBuildCache(cacheDir);
  const fewer = more.slice(1);
  await other.putState(stateOf(outDir, fewer));
  const rewritten = stateFiles(cacheDir);
  assert.equal(rewritten.length, 2);
  assert.deepEqual([(rewritten[0]?.[1].files as unknown[]).length, rewritten[1]?.[1].changed], [7999, []]);
  // Unsorted files (no caller puts them so) are written whole, not as changes.
  const unsorted = [...fewer.slice(1), fewer[0] as OutputRecord];
  await other.putState(stateOf(outDir, unsorted));
  assert.deepEqual(stateFiles(cacheDir)[1]?.[1].changed, []);
});

test('a state whose base list is gone or damaged is no state; dropState forgets it, and the next putState writes changes again', async () => {
  const { cacheDir, outDir, cache } = freshCache();
  const first = records(300);
  await cache.putState(stateOf(outDir, first));
  const read = (await cache.getState(outDir)) as BuildState;
  await cache.dropState(outDir);
  assert.equal(await cache.getState(outDir), null);
  const next = [...read.files.slice(1)];
  await cache.putState(stateOf(outDir, next));
  const [[baseName, base], [, head]] = stateFiles(cacheDir) as [[string, Record<string, unknown>], [string, Record<string, unknown>]];
  assert.deepEqual([(base.files as unknown[]).length, head.removed], [300, ['page/00000.html']]);
  assert.deepEqual((await openBuildCache(cacheDir).getState(outDir))?.files, next);

  // A flipped byte in the base: the state is a miss, never other records.
  const file = path.join(cacheDir, 'build', baseName);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"size":100', '"size":101'));
  assert.equal(await openBuildCache(cacheDir).getState(outDir), null);
  // Another output folder's state is its own.
  const otherOut = path.join(cacheDir, 'other');
  await cache.putState(stateOf(otherOut, first));
  assert.deepEqual((await openBuildCache(cacheDir).getState(otherOut))?.files, first);
  assert.equal(await openBuildCache(cacheDir).getState(outDir), null);
});
