/**
 * A seed read memo (kept by `news-archive dev`) reads again only the seeds whose time or size changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSeedSources, type SeedReadMemo } from '../../src/seed/load-seeds.js';
import { tempDir } from '../temp-dir.js';

test('unchanged seeds come from the memo, an edited one is read again, a deleted one is forgotten', async () => {
  const dir = tempDir('news-archive-seed-memo-');
  writeFileSync(path.join(dir, 'a.txt'), '甲版');
  writeFileSync(path.join(dir, 'b.txt'), '乙版');
  const memo: SeedReadMemo = new Map();
  const first = (await readSeedSources(dir, memo)).sources;
  assert.deepEqual(first.map((s) => [s.fileName, Buffer.from(s.bytes).toString('utf8')]), [['a.txt', '甲版'], ['b.txt', '乙版']]);
  assert.deepEqual([...memo.keys()].sort(), ['a.txt', 'b.txt']);

  // Same size, later time: read again.
  writeFileSync(path.join(dir, 'b.txt'), '丙版');
  const later = new Date(Date.now() + 5_000);
  utimesSync(path.join(dir, 'b.txt'), later, later);
  const second = (await readSeedSources(dir, memo)).sources;
  assert.equal(second[0], first[0], 'a.txt is the same object: not read again');
  assert.notEqual(second[1], first[1]);
  assert.equal(Buffer.from(second[1]!.bytes).toString('utf8'), '丙版');
  assert.notEqual(second[1]!.hash, first[1]!.hash);

  unlinkSync(path.join(dir, 'a.txt'));
  const third = (await readSeedSources(dir, memo)).sources;
  assert.deepEqual(third.map((s) => s.fileName), ['b.txt']);
  assert.deepEqual([...memo.keys()], ['b.txt']);
  // Without a memo every seed is read: the same bytes and hashes.
  assert.deepEqual((await readSeedSources(dir)).sources.map((s) => s.hash), third.map((s) => s.hash));
});

test('with what the watcher reported, only the reported seeds are checked; another folder\'s report is ignored', async () => {
  const dir = tempDir('news-archive-seed-watched-');
  writeFileSync(path.join(dir, 'a.txt'), '甲版');
  writeFileSync(path.join(dir, 'b.txt'), '乙版');
  const memo: SeedReadMemo = new Map();
  const first = (await readSeedSources(dir, memo)).sources;
  const text = (sources: readonly { fileName: string; bytes: Uint8Array }[]): string[][] => sources.map((s) => [s.fileName, Buffer.from(s.bytes).toString('utf8')]);
  // Both edited, only b.txt reported: a.txt is taken from the memo without a look at the disk, b.txt read again.
  const later = new Date(Date.now() + 5_000);
  for (const [name, body] of [['a.txt', '丁版'], ['b.txt', '丙版']] as const) {
    writeFileSync(path.join(dir, name), body);
    utimesSync(path.join(dir, name), later, later);
  }
  const second = (await readSeedSources(dir, memo, undefined, undefined, { dir, fileNames: new Set(['b.txt']) })).sources;
  assert.equal(second[0], first[0]);
  assert.deepEqual(text(second), [['a.txt', '甲版'], ['b.txt', '丙版']]);
  // A report about another folder does not count: every seed is checked.
  const third = (await readSeedSources(dir, memo, undefined, undefined, { dir: path.join(dir, 'elsewhere'), fileNames: new Set() })).sources;
  assert.deepEqual(text(third), [['a.txt', '丁版'], ['b.txt', '丙版']]);
  // A new seed and a deleted one, reported: found and forgotten.
  writeFileSync(path.join(dir, 'c.txt'), '戊版');
  unlinkSync(path.join(dir, 'a.txt'));
  const fourth = (await readSeedSources(dir, memo, undefined, undefined, { dir, fileNames: new Set(['a.txt', 'c.txt']) })).sources;
  assert.deepEqual(text(fourth), [['b.txt', '丙版'], ['c.txt', '戊版']]);
  assert.deepEqual([...memo.keys()].sort(), ['b.txt', 'c.txt']);
});
