/**
 * The output folder is never half-written: a write that fails leaves the old site, an update in place cut short
 * is rolled back and a crash between the two renames of the swap is repaired by the next write, and an
 * unchanged write touches nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openOutputWriter, outputMatches, outputSidecars, recoverOutput, writeOutput } from '../../src/write.js';
import { listFileSizes } from '../../src/list-file-tree.js';
import { tempDir } from '../temp-dir.js';

/** Every output folder a write made carries the marker file (write.ts OUTPUT_MARKER) besides the site's files. */
function site(): { out: string; list(): string[]; read(file: string): string } {
  const out = path.join(tempDir('news-archive-write-'), 'dist');
  const list = (dir = out, prefix = ''): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
  return { out, list: () => list(), read: (file) => readFileSync(path.join(out, file), 'utf8') };
}

const v1 = [
  { path: 'index.html', content: 'home v1' },
  { path: 'pages/a/01.html', content: 'a1' },
  { path: 'pages/b/01.html', content: 'b1' },
];

test('a write reports written, unchanged and removed files, and leaves no staging folder', async () => {
  const s = site();
  assert.deepEqual(await writeOutput(s.out, v1), { written: ['index.html', 'pages/a/01.html', 'pages/b/01.html'], unchanged: [], removed: [] });
  const v2 = [{ path: 'index.html', content: 'home v2' }, { path: 'pages/a/01.html', content: 'a1' }];
  assert.deepEqual(await writeOutput(s.out, v2), { written: ['index.html'], unchanged: ['pages/a/01.html'], removed: ['pages/b/01.html'] });
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a/01.html']);
  assert.equal(s.read('index.html'), 'home v2');
  const { staging, previous } = outputSidecars(s.out);
  assert.equal(existsSync(staging) || existsSync(previous), false);
});

test('a write that fails part-way leaves the previous site whole', async () => {
  const s = site();
  await writeOutput(s.out, v1);
  // `pages/a` cannot be both a file and a folder: the write fails after some files were staged.
  const broken = [{ path: 'index.html', content: 'home v2' }, { path: 'pages/a', content: 'x' }, { path: 'pages/a/01.html', content: 'a2' }];
  await assert.rejects(writeOutput(s.out, broken));
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a/01.html', 'pages/b/01.html']);
  assert.equal(s.read('index.html'), 'home v1');
  // The next write cleans up the staging folder the failed one left.
  await writeOutput(s.out, v1);
  assert.equal(existsSync(outputSidecars(s.out).staging), false);
});

test('a crash between the two renames of the swap is finished by the next write', async () => {
  const s = site();
  await writeOutput(s.out, v1);
  const { staging, previous } = outputSidecars(s.out);
  // The state a crash leaves: the new site complete in staging, the old one moved aside, no output folder.
  mkdirSync(path.join(staging, 'pages/a'), { recursive: true });
  writeFileSync(path.join(staging, 'index.html'), 'home v2');
  writeFileSync(path.join(staging, 'pages/a/01.html'), 'a1');
  renameSync(s.out, previous);
  await recoverOutput(s.out);
  assert.deepEqual(s.list(), ['index.html', 'pages/a/01.html']);
  assert.equal(s.read('index.html'), 'home v2');
  assert.equal(existsSync(previous), false);

  // Without a staging folder, the previous site comes back.
  renameSync(s.out, previous);
  await recoverOutput(s.out);
  assert.deepEqual(s.list(), ['index.html', 'pages/a/01.html']);
});

test('a rerun changes only the files whose bytes change, in place: the others keep their inode, and no sidecar is left', async () => {
  const s = site();
  await writeOutput(s.out, v1);
  const inode = (file: string): number => statSync(path.join(s.out, file)).ino;
  const before = { a: inode('pages/a/01.html'), b: inode('pages/b/01.html'), marker: inode('.news-archive') };
  const v2 = [{ path: 'index.html', content: 'home v2' }, { path: 'pages/a/01.html', content: 'a1' }, { path: 'pages/c/01.html', content: 'c1' }];
  assert.deepEqual(await writeOutput(s.out, v2), { written: ['index.html', 'pages/c/01.html'], unchanged: ['pages/a/01.html'], removed: ['pages/b/01.html'] });
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a/01.html', 'pages/c/01.html']);
  assert.deepEqual({ a: inode('pages/a/01.html'), marker: inode('.news-archive') }, { a: before.a, marker: before.marker });
  assert.equal(s.read('index.html'), 'home v2');
  assert.equal(s.read('pages/c/01.html'), 'c1');
  assert.deepEqual(readdirSync(path.dirname(s.out)), ['dist']);
});

test('an update in place cut short is rolled back by the next write: the old site, whole', async () => {
  const s = site();
  await writeOutput(s.out, v1);
  const { previous, journal } = outputSidecars(s.out);
  // The state a crash leaves half-way through an update to index.html v2, a new pages/c/01.html and pages/b removed:
  // the journal, the old index.html linked aside and replaced, the new page in place, pages/b/01.html moved aside.
  writeFileSync(journal, JSON.stringify({ format: 'news-archive-output-journal-1', written: [['pages/c/01.html', false], ['index.html', true]], removed: ['pages/b/01.html'] }));
  mkdirSync(path.join(previous, 'pages/b'), { recursive: true });
  linkSync(path.join(s.out, 'index.html'), path.join(previous, 'index.html'));
  linkSync(path.join(s.out, 'pages/b/01.html'), path.join(previous, 'pages/b/01.html'));
  writeFileSync(path.join(s.out, 'index.html.new'), 'home v2');
  renameSync(path.join(s.out, 'index.html.new'), path.join(s.out, 'index.html'));
  mkdirSync(path.join(s.out, 'pages/c'));
  writeFileSync(path.join(s.out, 'pages/c/01.html'), 'c1');
  rmSync(path.join(s.out, 'pages/b'), { recursive: true });
  await recoverOutput(s.out);
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a/01.html', 'pages/b/01.html']);
  assert.deepEqual([s.read('index.html'), s.read('pages/b/01.html')], ['home v1', 'b1']);
  assert.deepEqual(readdirSync(path.dirname(s.out)), ['dist']);

  // Cut short before its first change (only the journal written): nothing to undo, and nothing is lost.
  writeFileSync(journal, JSON.stringify({ format: 'news-archive-output-journal-1', written: [['index.html', true]], removed: ['pages/a/01.html'] }));
  await writeOutput(s.out, v1);
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a/01.html', 'pages/b/01.html']);
  assert.equal(s.read('index.html'), 'home v1');
  assert.deepEqual(readdirSync(path.dirname(s.out)), ['dist']);
});

test('a file where a folder of the output was: the update in place gives way to a swap of the whole site', async () => {
  const s = site();
  await writeOutput(s.out, v1);
  const v2 = [{ path: 'index.html', content: 'home v2' }, { path: 'pages/a', content: 'now a file' }, { path: 'pages/b/01.html', content: 'b1' }];
  assert.deepEqual(await writeOutput(s.out, v2), { written: ['index.html', 'pages/a'], unchanged: ['pages/b/01.html'], removed: ['pages/a/01.html'] });
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a', 'pages/b/01.html']);
  assert.deepEqual([s.read('index.html'), s.read('pages/a')], ['home v2', 'now a file']);
  assert.deepEqual(readdirSync(path.dirname(s.out)), ['dist']);
});

test('a file added in chunks (one buffer filled again for each) is written, or left when its bytes are the same; sizes in bytes', async () => {
  const s = site();
  await writeOutput(s.out, [
    { path: 'data/a.json', content: '[1,2,3]' },
    { path: 'data/b.json', content: '[1,2,3]' },
    { path: 'data/c.json', content: '[1,2,3]' },
    { path: 'data/d.json', content: '[1,2,3]' },
  ]);
  const inode = statSync(path.join(s.out, 'data/a.json')).ino;
  /** `text` as chunks of `size` bytes, each in the same buffer. */
  function* chunks(text: string, size: number): Generator<Uint8Array> {
    const bytes = Buffer.from(text, 'utf8');
    const buffer = Buffer.alloc(size);
    for (let at = 0; at < bytes.length; at += size) {
      const n = bytes.copy(buffer, 0, at, Math.min(at + size, bytes.length));
      yield buffer.subarray(0, n);
      buffer.fill(0);
    }
  }
  const writer = await openOutputWriter(s.out);
  await writer.addChunks('data/a.json', chunks('[1,2,3]', 2)); // the same bytes
  await writer.addChunks('data/b.json', chunks('[1,2,4]', 2)); // the same size, the last byte differs
  await writer.addChunks('data/c.json', chunks('[1,2,3,4]', 3)); // the same bytes and more
  await writer.addChunks('data/d.json', chunks('[1]', 2)); // fewer
  await writer.addChunks('data/新.json', chunks('["南通"]', 4)); // new, a character cut between chunks
  await assert.rejects(writer.addChunks('data/a.json', chunks('x', 1)), { name: 'TypeError', message: 'output file data/a.json added twice' });
  await assert.rejects(writer.add({ path: 'data/b.json', content: 'x' }), { name: 'TypeError', message: 'output file data/b.json added twice' });
  const report = await writer.finish();
  assert.deepEqual(report, {
    written: ['data/b.json', 'data/c.json', 'data/d.json', 'data/新.json'],
    unchanged: ['data/a.json'],
    removed: [],
    sizes: [
      { path: 'data/a.json', size: 7 },
      { path: 'data/b.json', size: 7 },
      { path: 'data/c.json', size: 9 },
      { path: 'data/d.json', size: 3 },
      { path: 'data/新.json', size: 10 },
    ],
  });
  assert.deepEqual(
    ['a', 'b', 'c', 'd', '新'].map((name) => s.read(`data/${name}.json`)),
    ['[1,2,3]', '[1,2,4]', '[1,2,3,4]', '[1]', '["南通"]'],
  );
  assert.equal(statSync(path.join(s.out, 'data/a.json')).ino, inode, 'the unchanged file is the same file');
  assert.deepEqual(readdirSync(path.dirname(s.out)), ['dist']);

  // Into a new output folder (nothing to compare with) and with `clean`: written.
  const fresh = site();
  const first = await openOutputWriter(fresh.out);
  await first.addChunks('a.json', chunks('[1]', 1));
  assert.deepEqual((await first.finish()).written, ['a.json']);
  const clean = await openOutputWriter(fresh.out, true);
  await clean.addChunks('a.json', chunks('[1]', 1));
  assert.deepEqual((await clean.finish()).written, ['a.json']);
  assert.equal(fresh.read('a.json'), '[1]');
});

test('with the listing taken as the build began, keep and finish go by it: sizes as listed, removals of files still there', async () => {
  const s = site();
  await writeOutput(s.out, [
    { path: 'a.html', content: 'aaa' },
    { path: 'b.html', content: 'bbb' },
    { path: 'c.html', content: 'ccc' },
    { path: 'gone.html', content: 'ggg' },
    { path: 'old/x.html', content: 'xxx' },
  ]);
  // Listed, then changed by hand: a.html resized (the listing's size is kept: the next build finds it), gone.html deleted.
  const listing = listFileSizes(s.out);
  const listed = await listing;
  writeFileSync(path.join(s.out, 'a.html'), 'resized by hand');
  rmSync(path.join(s.out, 'gone.html'));
  const writer = await openOutputWriter(s.out, false, listing);
  assert.equal(await writer.keep('a.html', 3), true, 'by the listing');
  assert.equal(await writer.keep('b.html', 4), false, 'another size than listed');
  await writer.add({ path: 'b.html', content: 'bbbb' });
  assert.equal(await writer.keep('missing.html', 3), false, 'not listed');
  // Many at once, each as keep would: listed with its size, another size, not listed.
  assert.deepEqual(await writer.keepAll([{ path: 'old/x.html', size: 3 }, { path: 'c.html', size: 9 }, { path: 'missing.html', size: 3 }]), [true, false, false]);
  await assert.rejects(writer.keepAll([{ path: 'a.html', size: 3 }]), TypeError, 'kept twice');
  const report = await writer.finish();
  assert.deepEqual(report, {
    written: ['b.html'],
    unchanged: ['a.html', 'old/x.html'],
    removed: ['c.html'],
    sizes: [
      { path: 'a.html', size: 3 },
      { path: 'b.html', size: 4 },
      { path: 'old/x.html', size: 3 },
    ],
  });
  assert.deepEqual(s.list(), ['.news-archive', 'a.html', 'b.html', 'old/x.html']);
  assert.equal(listed.get('gone.html'), 3);
  // The up-to-date check by a listing: the same files and sizes, or not.
  const now = [{ path: 'a.html', size: 15 }, { path: 'b.html', size: 4 }, { path: 'old/x.html', size: 3 }];
  assert.equal(await outputMatches(s.out, now, listFileSizes(s.out)), true);
  assert.equal(await outputMatches(s.out, now), true);
  assert.equal(await outputMatches(s.out, [{ path: 'a.html', size: 3 }, ...now.slice(1)], listFileSizes(s.out)), false);
  assert.equal(await outputMatches(s.out, [now[0] as { path: string; size: number }], listFileSizes(s.out)), false, 'a file more than recorded');
  writeFileSync(path.join(s.out, 'stray.html'), '');
  assert.equal(await outputMatches(s.out, now, listFileSizes(s.out)), false, 'a file added by hand');
});

test('a file whose name is not UTF-8, put in the output by hand, is listed and removed by the next write', async () => {
  const s = site();
  await writeOutput(s.out, [{ path: 'a.html', content: 'aaa' }]);
  // `stray-` and the GBK bytes of 张, a name Node can list (as U+FFFD) but not name back.
  const stray = Buffer.concat([Buffer.from(`${s.out}/stray-`), Buffer.from([0xd5, 0xc5]), Buffer.from('.html')]);
  writeFileSync(stray, 'x');
  const mangled = 'stray-\uFFFD\uFFFD.html';
  assert.equal((await listFileSizes(s.out)).get(mangled), 1, 'find: its size');
  assert.equal((await listFileSizes(s.out, 'false')).get(mangled), -1, 'in this process: no lstat finds it');
  assert.equal(await outputMatches(s.out, [{ path: 'a.html', size: 3 }], listFileSizes(s.out)), false);
  const writer = await openOutputWriter(s.out, false, listFileSizes(s.out));
  assert.equal(await writer.keep('a.html', 3), true);
  const report = await writer.finish();
  assert.deepEqual(report.removed, [mangled]);
  assert.deepEqual(readdirSync(s.out).sort(), ['.news-archive', 'a.html']);
  assert.equal(await outputMatches(s.out, [{ path: 'a.html', size: 3 }], listFileSizes(s.out)), true);
});

test('a streamed write reports sizes in bytes, refuses a path twice, and an aborted one leaves the site as it was', async () => {
  const s = site();
  await writeOutput(s.out, v1);
  const writer = await openOutputWriter(s.out);
  await writer.add({ path: 'pages/a/01.html', content: 'a1' });
  await writer.add({ path: 'index.html', content: '首页 v2' });
  await assert.rejects(writer.add({ path: 'index.html', content: 'again' }), { name: 'TypeError', message: 'output file index.html added twice' });
  const report = await writer.finish();
  assert.deepEqual(report, {
    written: ['index.html'],
    unchanged: ['pages/a/01.html'],
    removed: ['pages/b/01.html'],
    sizes: [
      { path: 'index.html', size: 9 },
      { path: 'pages/a/01.html', size: 2 },
    ],
  });
  assert.equal(s.read('index.html'), '首页 v2');

  const aborted = await openOutputWriter(s.out);
  await aborted.add({ path: 'index.html', content: 'never' });
  await aborted.abort();
  assert.deepEqual(s.list(), ['.news-archive', 'index.html', 'pages/a/01.html']);
  assert.equal(s.read('index.html'), '首页 v2');
  assert.equal(existsSync(outputSidecars(s.out).staging), false);
});
