/**
 * Seed stamps (seed/load-seeds.ts SeedStamps): a plain build takes a seed whose stat is the one the last build
 * recorded by its hash, without reading it; any write (even one that keeps the size and puts the modification
 * time back) reads it again, and a file changed just before it was read gets no stamp.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIncremental } from '../../src/build-incremental.js';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { duplicateSeedDiagnostics, readSeedSources, STAMP_SETTLED_MS } from '../../src/seed/load-seeds.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { tempDir } from '../temp-dir.js';
import { fileTree, seedProject } from '../incremental/seed-project.js';

/** Write `text` to `file`, then put its modification time back to what it was (the change time still moves). */
function rewriteKeepingTime(file: string, text: string): void {
  const before = statSync(file);
  writeFileSync(file, text);
  utimesSync(file, before.atime, before.mtime);
}

test('a seed whose stat is the recorded one is not read; a rewrite of the same size and time is; a fresh file gets no stamp', async () => {
  const dir = tempDir('news-archive-seed-stamps-');
  writeFileSync(path.join(dir, 'a.txt'), '甲版');
  writeFileSync(path.join(dir, 'b.txt'), '乙版');
  await sleep(STAMP_SETTLED_MS + 100);
  const reads: string[] = [];
  const readBytes = async (file: string): Promise<Buffer> => (reads.push(path.basename(file)), readFileSync(file));
  const first = await readSeedSources(dir, undefined, readBytes, null);
  assert.deepEqual(reads, ['a.txt', 'b.txt']);
  assert.deepEqual([...(first.stamps?.files.keys() ?? [])].sort(), ['a.txt', 'b.txt']);

  // Same stats: nothing read, the same hashes; the bytes come when asked for.
  reads.length = 0;
  const second = await readSeedSources(dir, undefined, readBytes, first.stamps);
  assert.deepEqual(reads, []);
  assert.deepEqual(second.sources.map((s) => s.hash), first.sources.map((s) => s.hash));
  assert.equal(Buffer.from(second.sources[1]!.bytes).toString('utf8'), '乙版');
  assert.equal(second.stamps?.files.get('a.txt'), first.stamps?.files.get('a.txt'), 'a stamp taken is kept as it was');

  // b rewritten with the same size and its modification time put back: its change time moved, so it is read, and
  // (written just now) it gets no stamp; a new file c neither.
  rewriteKeepingTime(path.join(dir, 'b.txt'), '丙版');
  writeFileSync(path.join(dir, 'c.txt'), '丁版');
  reads.length = 0;
  const third = await readSeedSources(dir, undefined, readBytes, second.stamps);
  assert.deepEqual(reads, ['b.txt', 'c.txt']);
  assert.equal(Buffer.from(third.sources[1]!.bytes).toString('utf8'), '丙版');
  assert.notEqual(third.sources[1]!.hash, first.sources[1]!.hash);
  assert.deepEqual([...(third.stamps?.files.keys() ?? [])].sort(), ['a.txt']);

  // A seed replaced (renamed over) by another file of the same size and modification time: another inode and change time, so read again.
  const c = path.join(dir, 'c.txt');
  const cStat = statSync(c);
  writeFileSync(`${c}.new`, '戊版');
  utimesSync(`${c}.new`, cStat.atime, cStat.mtime);
  renameSync(`${c}.new`, c);
  reads.length = 0;
  const replaced = await readSeedSources(dir, undefined, readBytes, { files: new Map([['c.txt', { mtimeMs: cStat.mtimeMs, ctimeMs: cStat.ctimeMs, size: cStat.size, ino: cStat.ino, hash: third.sources[2]!.hash }]]) });
  assert.deepEqual(reads, ['a.txt', 'b.txt', 'c.txt']);
  assert.equal(Buffer.from(replaced.sources[2]!.bytes).toString('utf8'), '戊版');

  // A seed taken by its stamp and deleted before its bytes are asked for: a clear error naming it, no ENOENT.
  const stamped = (await readSeedSources(dir, undefined, readBytes, third.stamps)).sources[0]!;
  unlinkSync(path.join(dir, 'a.txt'));
  assert.throws(() => stamped.bytes, { message: `${path.join(dir, 'a.txt')}: changed while the build ran; build again` });
  writeFileSync(path.join(dir, 'a.txt'), '甲版');

  // A seed gone: reported, and its stamp dropped.
  unlinkSync(path.join(dir, 'a.txt'));
  const fourth = await readSeedSources(dir, undefined, readBytes, third.stamps);
  assert.deepEqual(fourth.sources.map((s) => s.fileName), ['b.txt', 'c.txt']);
  assert.deepEqual([...(fourth.stamps?.files.keys() ?? [])], []);
});

test('a build records the stamps, a rewrite keeping size and time is built, and a stamped seed whose entry is gone is read then', async () => {
  const fixtures = path.resolve(import.meta.dirname, '../fixtures/seed');
  const names = ['2021-08-18_A1.txt', '2021-08-19_A1.txt'];
  const { config, seedsDir } = seedProject('news-archive-stamps-build-', Object.fromEntries(names.map((name) => [name, readFileSync(path.join(fixtures, name), 'utf8')])));
  await sleep(STAMP_SETTLED_MS + 100);
  await buildIncremental({ config });
  const cache = openBuildCache(config.cacheDir);
  assert.deepEqual([...((await cache.getSeedStamps?.(seedsDir))?.files.keys() ?? [])], names);

  // The same size and modification time, another word: built, and the page shows it.
  const file = path.join(seedsDir, names[1] as string);
  const edited = readFileSync(file, 'utf8').replace('金沙街道强化食品安全监管', '金沙街道加强食品安全监管');
  assert.notEqual(edited, readFileSync(file, 'utf8'));
  rewriteKeepingTime(file, edited);
  const rebuilt = await buildIncremental({ config });
  assert.equal(rebuilt.upToDate, false);
  const articles = readFileSync(path.join(config.outDir, 'data/articles.json'), 'utf8');
  assert.ok(articles.includes('金沙街道加强食品安全监管') && !articles.includes('金沙街道强化食品安全监管'));

  // Every page entry gone and a page added: the seeds taken by their stamps are read when segmented, and the
  // output is that of a build from scratch.
  await sleep(STAMP_SETTLED_MS + 100);
  await buildIncremental({ config });
  assert.equal((await cache.getSeedStamps?.(seedsDir))?.files.size, 2);
  const pagesDir = path.join(config.cacheDir, 'build', 'pages');
  for (const entry of readdirSync(pagesDir)) rmSync(path.join(pagesDir, entry));
  // The pack holds copies of them (cache/build-cache.ts packPages): gone too.
  for (const pack of readdirSync(path.join(config.cacheDir, 'build')).filter((name) => name.startsWith('pages-'))) rmSync(path.join(config.cacheDir, 'build', pack));
  const added = '2021-08-18_A2.txt';
  writeFileSync(path.join(seedsDir, added), readFileSync(path.join(fixtures, added), 'utf8'));
  const again = await buildIncremental({ config });
  assert.equal(again.stats?.processed, 3);
  const built = fileTree(config.outDir);
  const all = [...names, added];
  const fresh = seedProject('news-archive-stamps-fresh-', Object.fromEntries(all.map((name) => [name, readFileSync(path.join(seedsDir, name), 'utf8')])));
  await buildIncremental({ config: fresh.config });
  assert.deepEqual(built, fileTree(fresh.config.outDir));
});

test('seeds taken by their stamps are compared by hash: two empty seeds are no copies, two equal ones are, and no seed is read for it', async () => {
  const dir = tempDir('news-archive-stamps-dup-');
  for (const [name, text] of [['a.txt', '甲版'], ['b.txt', '甲版'], ['e.txt', ''], ['f.txt', '']]) writeFileSync(path.join(dir, name as string), text as string);
  await sleep(STAMP_SETTLED_MS + 100);
  const first = await readSeedSources(dir, undefined, undefined, null);
  const reads: string[] = [];
  const second = await readSeedSources(dir, undefined, async (file) => (reads.push(path.basename(file)), readFileSync(file)), first.stamps);
  assert.deepEqual(reads, []);
  // The files gone: a stamped seed's bytes asked for now would throw, so the comparison shows it reads none.
  for (const name of ['a.txt', 'b.txt', 'e.txt', 'f.txt']) unlinkSync(path.join(dir, name));
  assert.deepEqual(duplicateSeedDiagnostics(second.sources, 'seeds').map(formatDiagnostic), [
    'seeds/b.txt: warning: Unexpected duplicate: this file and seeds/a.txt have the same bytes; both are built, each as a page of its own (if the page was saved twice, delete one of the two) [seed/duplicate]',
  ]);
});
