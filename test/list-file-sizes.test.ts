/**
 * The output's files with their sizes (list-file-tree.ts listFileSizes): listed by GNU `find` in a process of its
 * own, or in this process when `find` is missing or fails, with the same result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFileSizes, listFileTree } from '../src/list-file-tree.js';
import { tempDir } from './temp-dir.js';

/** A folder of files of known sizes, names odd to a shell or a line-based listing among them. */
function tree(): { dir: string; expected: Array<[string, number]> } {
  const dir = tempDir('news-archive-sizes-');
  mkdirSync(path.join(dir, 'pages', '2021-03-26'), { recursive: true });
  mkdirSync(path.join(dir, 'empty', 'deeper'), { recursive: true });
  writeFileSync(path.join(dir, '.news-archive'), 'x');
  writeFileSync(path.join(dir, 'index.html'), '首页');
  writeFileSync(path.join(dir, 'pages', '2021-03-26', '01.html'), '');
  writeFileSync(path.join(dir, 'pages', '2021-03-26', 'a b\nc.html'), 'line\nbreak');
  writeFileSync(path.join(dir, 'pages', '张芝山镇 1%s.html'), 'x'.repeat(70_000));
  symlinkSync('index.html', path.join(dir, 'link.html'));
  return {
    dir,
    expected: [
      ['.news-archive', 1],
      ['index.html', 6],
      ['link.html', -1],
      ['pages/2021-03-26/01.html', 0],
      ['pages/2021-03-26/a b\nc.html', 10],
      ['pages/张芝山镇 1%s.html', 70_000],
    ],
  };
}

const sorted = (sizes: ReadonlyMap<string, number>): Array<[string, number]> => [...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

test('every entry that is not a folder, by path, with its size in bytes (-1 for a symbolic link), by find and in this process alike', async () => {
  const { dir, expected } = tree();
  assert.deepEqual(sorted(await listFileSizes(dir)), expected);
  // find not there: listed in this process, the same.
  assert.deepEqual(sorted(await listFileSizes(dir, path.join(dir, 'no-such-find'))), expected);
  // A find that fails (`false` exits 1): the same.
  assert.deepEqual(sorted(await listFileSizes(dir, 'false')), expected);
  // The paths are those listFileTree lists.
  assert.deepEqual(sorted(await listFileSizes(dir)).map(([file]) => file), listFileTree(dir));
});

test('a folder that is not there has no files; a file that is not a folder is an error, in this process', async () => {
  const dir = tempDir('news-archive-sizes-');
  assert.deepEqual(sorted(await listFileSizes(path.join(dir, 'missing'))), []);
  assert.deepEqual(sorted(await listFileSizes(path.join(dir, 'missing'), 'false')), []);
  writeFileSync(path.join(dir, 'file'), 'x');
  await assert.rejects(listFileSizes(path.join(dir, 'file')), { code: 'ENOTDIR' });
});

test("find's listing is the one taken when it is well formed; one that is not is listed again in this process", async () => {
  const { dir, expected } = tree();
  const bin = tempDir('news-archive-find-');
  // A `find` that writes a listing of its own to the file it is given (`-fprintf FILE FORMAT`: the 8th argument).
  const fake = (name: string, listing: string): string => {
    const script = path.join(bin, name);
    writeFileSync(script, `#!/bin/sh\nprintf '${listing}' > "$8"\n`, { mode: 0o755 });
    return script;
  };
  assert.deepEqual(sorted(await listFileSizes(dir, fake('find-ok', 'f 5 fake.html\\000l 3 fake-link\\000f 12 a/b c.html\\000'))), [
    ['a/b c.html', 12],
    ['fake-link', -1],
    ['fake.html', 5],
  ]);
  for (const [name, listing] of [
    ['find-no-size', 'f x fake.html\\000'],
    ['find-empty-size', 'f  fake.html\\000'],
    ['find-cut', 'f 5 fake.html'],
    ['find-no-type', '5 fake.html\\000'],
  ]) {
    assert.deepEqual(sorted(await listFileSizes(dir, fake(name as string, listing as string))), expected, name);
  }
});

test('the listings that killed builds left in the temporary folder are removed, those of running builds kept', async () => {
  const temporary = tempDir('news-archive-tmp-');
  // A process that has ended: its pid names a build that was killed.
  const ended = spawnSync(process.execPath, ['-e', '']).pid as number;
  const stale = `news-archive-listing-${ended}-0f8e`;
  const running = `news-archive-listing-${process.ppid}-1a2b`;
  const other = `news-archive-other-${ended}-3c4d`;
  for (const name of [stale, running, other]) writeFileSync(path.join(temporary, name), 'f 1 a\0');
  const { dir, expected } = tree();
  const given = process.env.TMPDIR;
  process.env.TMPDIR = temporary;
  try {
    assert.deepEqual(sorted(await listFileSizes(dir)), expected);
  } finally {
    if (given === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = given;
  }
  assert.deepEqual(readdirSync(temporary).sort(), [other, running].sort());
});
