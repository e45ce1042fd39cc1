/**
 * A plain rebuild keeps the pages whose unit hash did not change (no render, no comparison) and renders the
 * rest: its output, search index included, is byte for byte that of a fresh build of the same seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildIncremental } from '../../src/build-incremental.js';
import { openBuildCache } from '../../src/cache/build-cache.js';
import type { Config } from '../../src/config.js';
import { fileTree, seedProject } from './seed-project.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/seed');

function project(seeds: Record<string, string>): { config: Config; seedsDir: string } {
  return seedProject('news-archive-kept-', seeds);
}

const tree = (dir: string): Map<string, string> => fileTree(dir);

const read = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');
const A1 = '2021-08-18_A1.txt';
const A2 = '2021-08-18_A2.txt';
const B1 = '2021-08-19_A1.txt';

test('adding a page and fixing a typo renders only the pages whose data changed, and equals a fresh build', async () => {
  const { config, seedsDir } = project({ [A2]: read(A2), [B1]: read(B1) });
  const first = await buildIncremental({ config });
  assert.equal(first.stats?.rendered, first.stats?.pagesOfSite);
  const far = path.join(config.outDir, 'pages/2021-08-18_A2/02.html');
  const inode = statSync(far).ino;
  const fixed = read(B1).replace('金沙街道强化食品安全监管', '金沙街道加强食品安全监管');
  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  writeFileSync(path.join(seedsDir, B1), fixed);
  const second = await buildIncremental({ config });
  assert.ok(second.stats !== null && second.stats.rendered < second.stats.pagesOfSite, `${second.stats?.rendered} of ${second.stats?.pagesOfSite} rendered`);
  // An item page of the untouched seed, far from the changes, was kept: left where it was, not rewritten.
  assert.ok(second.report.unchanged.includes('pages/2021-08-18_A2/02.html'));
  assert.equal(statSync(far).ino, inode);

  const fresh = project({ [A1]: read(A1), [A2]: read(A2), [B1]: fixed });
  await buildIncremental({ config: fresh.config });
  assert.deepEqual(tree(config.outDir), tree(fresh.config.outDir));

  // The records name what each page was rendered from; a rerun with nothing changed is up to date.
  const state = await openBuildCache(config.cacheDir).getState(config.outDir);
  const record = state?.files.find((file) => file.path === 'pages/2021-08-18_A2/02.html');
  assert.match(record?.unit ?? '', /^[0-9a-f]{32}$/);
  assert.match(record?.search ?? '', /^[0-9a-f]{32}$/);
  assert.equal((await buildIncremental({ config })).upToDate, true);
});

test('a kept page edited by hand to another size is rendered again; --clean rewrites every page', async () => {
  const { config, seedsDir } = project({ [A2]: read(A2) });
  await buildIncremental({ config });
  const page = path.join(config.outDir, 'pages/2021-08-18_A2/02.html');
  const original = readFileSync(page, 'utf8');
  writeFileSync(page, `${original}<!-- edited -->`);
  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  const added = await buildIncremental({ config });
  assert.ok(added.report.written.includes('pages/2021-08-18_A2/02.html'));
  assert.equal(readFileSync(page, 'utf8'), original);
  const clean = await buildIncremental({ config, clean: true });
  assert.equal(clean.stats?.rendered, clean.stats?.pagesOfSite);
});

test('articles.json: a rerun copies the records of unchanged pages from the last file (each page a piece with its CRC-32), and a file garbled since is caught', async () => {
  const { config, seedsDir } = project({ [A2]: read(A2), [B1]: read(B1) });
  await buildIncremental({ config });
  const file = path.join(config.outDir, 'data/articles.json');
  const piecesOf = async (): Promise<ReadonlyArray<readonly [string, number, number, number]>> =>
    (await openBuildCache(config.cacheDir).getState(config.outDir))?.files.find((record) => record.path === 'data/articles.json')?.pieces ?? [];
  const first = await piecesOf();
  const bytes = readFileSync(file);
  // One piece a page, in site order (B1's edition is the newer), each its page's records exactly.
  assert.equal(first.length, 2);
  for (const [[key, offset, length, crc], slug] of first.map((piece, i) => [piece, ['2021-08-19_A1', '2021-08-18_A2'][i]] as const)) {
    assert.match(key, new RegExp(`^[0-9a-f]{64} ${slug}$`));
    const records = JSON.parse(`[${bytes.subarray(offset, offset + length).toString('utf8')}]`) as Array<{ id: string }>;
    assert.ok(records.length > 0 && records.every((record) => record.id.startsWith(`${slug}/`)));
    assert.equal(zlib.crc32(bytes.subarray(offset, offset + length)), crc);
  }

  // A page added: the two pages' pieces are the same bytes, at new offsets; the file equals a fresh build's.
  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  await buildIncremental({ config });
  const second = await piecesOf();
  assert.equal(second.length, 3);
  const after = readFileSync(file);
  for (const [key, offset, length, crc] of first) {
    const piece = second.find(([other]) => other === key);
    assert.ok(piece !== undefined, key);
    assert.deepEqual([piece[2], piece[3]], [length, crc]);
    assert.ok(after.subarray(piece[1], piece[1] + piece[2]).equals(bytes.subarray(offset, offset + length)));
  }
  const fresh = project({ [A1]: read(A1), [A2]: read(A2), [B1]: read(B1) });
  await buildIncremental({ config: fresh.config });
  assert.ok(after.equals(readFileSync(path.join(fresh.config.outDir, 'data/articles.json'))));

  // The file garbled in place (same size) and a page's seed edited: every piece fails its check or its key, the
  // file is made again, right.
  const garbled = Buffer.from(after);
  for (const [, offset, length] of second) garbled.fill('x', offset + Math.floor(length / 2), offset + Math.floor(length / 2) + 4);
  writeFileSync(file, garbled);
  const fixed = read(B1).replace('金沙街道强化食品安全监管', '金沙街道加强食品安全监管');
  writeFileSync(path.join(seedsDir, B1), fixed);
  writeFileSync(path.join(fresh.seedsDir, B1), fixed);
  await buildIncremental({ config });
  await buildIncremental({ config: fresh.config });
  assert.ok(readFileSync(file).equals(readFileSync(path.join(fresh.config.outDir, 'data/articles.json'))));
  assert.equal(readFileSync(file).includes('xxxx'), false);
});

test('onFewSeeds is called for a plain rerun that segments a few seeds only: not for a first build, an up-to-date rerun, a removal or --clean', async () => {
  const { config, seedsDir } = project({ [A2]: read(A2) });
  const calls: string[] = [];
  const run = async (label: string, clean = false): Promise<void> => void (await buildIncremental({ config, clean, onFewSeeds: () => calls.push(label) }));
  await run('first');
  await run('up to date');
  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  await run('added');
  writeFileSync(path.join(seedsDir, A1), read(A1).replace('防控', '防疫'));
  await run('edited');
  rmSync(path.join(seedsDir, A1));
  await run('removed');
  copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
  await run('clean', true);
  assert.deepEqual(calls, ['added', 'edited']);
});

