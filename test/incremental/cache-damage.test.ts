/**
 * A damaged cache is never published: a flipped byte in a page entry, same-length garbage in the rendered
 * Markdown store or a search shard, a folder where a cache file should be. Each is a miss (the entries carry a
 * checksum of their content), the build makes the same bytes as without a cache, and `--clean` reads nothing
 * from the cache. A cache that cannot be written fails the build with its error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { build } from '../../src/build.js';
import { checksum, openBuildCache, type BuildCache } from '../../src/cache/build-cache.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { listFileTree } from '../../src/list-file-tree.js';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A project with two fixture seeds; `out(name)` is a config writing to a new output folder, sharing the cache. */
function project(): { out: (name: string) => Config; cacheDir: string } {
  const dir = tempDir('news-archive-damage-');
  mkdirSync(path.join(dir, 'seeds'));
  for (const name of ['2021-08-18_A1.txt', '2021-08-18_A2.txt']) copyFileSync(path.join(root, 'test/fixtures/seed', name), path.join(dir, 'seeds', name));
  const cacheDir = path.join(dir, '.cache');
  return { cacheDir, out: (name) => ({ ...DEFAULT_CONFIG, seedsDir: path.join(dir, 'seeds'), outDir: path.join(dir, name), cacheDir }) };
}

function tree(dir: string): Map<string, string> {
  return new Map(listFileTree(dir).map((file) => [file, readFileSync(path.join(dir, ...file.split('/'))).toString('base64')]));
}

function textOf(dir: string): string {
  return listFileTree(dir).map((file) => readFileSync(path.join(dir, ...file.split('/')), 'utf8')).join('\n');
}

function files(dir: string, ending: string): string[] {
  return listFileTree(dir).filter((file) => file.endsWith(ending)).map((file) => path.join(dir, ...file.split('/')));
}

/** Overwrite `length` bytes in the middle of a file with `x`: same length, other content. */
function garble(file: string, length: number): void {
  const at = Math.floor(statSync(file).size / 2);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 'x'), 0, length, at);
  closeSync(fd);
}

test('a flipped character in a page entry, garbage in the Markdown store and in a search shard: misses, same bytes as a fresh build', async () => {
  const p = project();
  await buildIncremental({ config: p.out('dist') });
  const reference = tree(path.join(path.dirname(p.cacheDir), 'dist'));
  const build = path.join(p.cacheDir, 'build');

  let flipped = 0;
  for (const file of files(path.join(build, 'pages'), '.json')) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('防控')) continue;
    writeFileSync(file, text.replace('防控', '禯控'));
    flipped++;
  }
  assert.ok(flipped > 0);
  garble(path.join(build, 'markdown', 'bodies.html'), 40);
  const shards = files(path.join(build, 'search'), 'contents.bin');
  assert.ok(shards.length > 0);
  for (const shard of shards) garble(shard, 64);

  const result = await buildIncremental({ config: p.out('again') });
  assert.equal(result.stats?.cached, 0, 'the damaged page entry is a miss');
  const again = path.join(path.dirname(p.cacheDir), 'again');
  assert.deepEqual(tree(again), reference);
  assert.equal(textOf(again).includes('禯'), false);
});

test('folders where cache files should be: no crash, the same bytes', async () => {
  const p = project();
  await buildIncremental({ config: p.out('dist') });
  const reference = tree(path.join(path.dirname(p.cacheDir), 'dist'));
  const build = path.join(p.cacheDir, 'build');
  const blocked = [
    ...files(path.join(build, 'pages'), '.json'),
    ...files(build, '.json').filter((file) => path.basename(file).startsWith('state-')),
    ...files(build, '.pack'),
    path.join(build, 'pages-pack.json'),
    path.join(build, 'markdown', 'index.json'),
    path.join(build, 'markdown', 'bodies.html'),
    ...files(path.join(build, 'search'), 'contents.bin'),
    path.join(p.cacheDir, 'jieba', 'places-3206.dict.utf8'),
  ];
  for (const file of blocked) {
    rmSync(file);
    mkdirSync(path.join(file, 'inside'), { recursive: true });
  }
  await buildIncremental({ config: p.out('dist') });
  assert.deepEqual(tree(path.join(path.dirname(p.cacheDir), 'dist')), reference);
  // And the cache works again after it: a rerun is up to date.
  assert.equal((await buildIncremental({ config: p.out('dist') })).upToDate, true);
});

test('--clean reads nothing from the cache: a forged entry with a good checksum is used by a plain build, never by a clean one', async () => {
  const p = project();
  await buildIncremental({ config: p.out('dist') });
  const reference = tree(path.join(path.dirname(p.cacheDir), 'dist'));
  for (const file of files(path.join(p.cacheDir, 'build', 'pages'), '.json')) {
    const text = readFileSync(file, 'utf8');
    const json = text.slice(text.indexOf('"value":') + '"value":'.length, -1).replaceAll('防控', '伪造');
    writeFileSync(file, `{"sum":"${checksum(json)}","value":${json}}`);
  }
  await buildIncremental({ config: p.out('plain') });
  assert.ok(textOf(path.join(path.dirname(p.cacheDir), 'plain')).includes('伪造'), 'a plain build reads the (forged) cache');
  const clean = await buildIncremental({ config: p.out('clean'), clean: true });
  assert.equal(clean.stats?.cached, 0);
  assert.deepEqual(tree(path.join(path.dirname(p.cacheDir), 'clean')), reference);
  assert.ok(readdirSync(path.join(p.cacheDir, 'build', 'pages')).length > 0);
});

test('scratch a killed build left in the cache is removed by the next build; a running build’s is kept', async () => {
  const p = project();
  await buildIncremental({ config: p.out('dist') });
  const build = path.join(p.cacheDir, 'build');
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
  const left = [`markdown.${dead}.tmp/bodies.html`, `search/abc.${dead}.tmp/contents.bin`, `pages/k.json.${dead}.tmp`, `state-x.json.${dead}.tmp`];
  const running = [`markdown.${process.ppid}.tmp/bodies.html`, `search/def.${process.ppid}.tmp/contents.bin`];
  for (const file of [...left, ...running]) {
    mkdirSync(path.dirname(path.join(build, file)), { recursive: true });
    writeFileSync(path.join(build, file), 'x');
  }
  await buildIncremental({ config: p.out('other') });
  for (const file of left) assert.equal(existsSync(path.join(build, file)), false, file);
  for (const file of running) assert.equal(existsSync(path.join(build, file)), true, file);
});

test('a page entry the cache cannot write (a full disk) fails the build with that error, after every seed was segmented and tried', async () => {
  const p = project();
  const real = openBuildCache(p.cacheDir);
  const tried: string[] = [];
  const cache: BuildCache = {
    ...real,
    putPage: async (key) => {
      tried.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  await assert.rejects(build({ config: p.out('dist'), cache }), /^Error: ENOSPC: no space left on device, write$/);
  // Both seeds' entries were handed to the cache: the writes run beside segmenting, and the first failure is reported.
  assert.equal(tried.length, 2);
  assert.equal(existsSync(path.join(path.dirname(p.cacheDir), 'dist')), false);
});

test('a page entry is written while the next seed is segmented, not after the last one (a stopped build keeps what it finished)', async () => {
  const p = project();
  const real = openBuildCache(p.cacheDir);
  let segmented = 0;
  const writtenAfter: number[] = [];
  const cache: BuildCache = {
    ...real,
    // A write that takes one turn of the event loop (a real one takes several calls through the thread pool).
    putPage: async (key, entry) => {
      await new Promise((resolve) => setImmediate(resolve));
      writtenAfter.push(segmented);
      await real.putPage(key, entry);
    },
  };
  await build({ config: p.out('dist'), cache, onProgress: (progress) => void (progress.phase === 'segment' && (segmented = progress.done)) });
  // The first seed's write went on before the second seed was segmented: the loop gives the event loop a turn
  // after each seed (before, no write went on until the last seed was segmented: [2, 2]).
  assert.deepEqual(writtenAfter, [1, 2]);
});
