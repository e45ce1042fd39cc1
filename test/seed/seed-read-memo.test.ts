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
