/**
 * The output interface's in-place and in-memory implementations (the staged swap: write-output.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openInPlaceWriter, openMemoryOutput } from '../../src/write.js';
import { tempDir } from '../temp-dir.js';

test('in place: changed files written, unchanged ones and kept ones left, files not added deleted with their empty folders', async () => {
  const out = tempDir('news-archive-in-place-');
  mkdirSync(path.join(out, 'pages', 'a'), { recursive: true });
  mkdirSync(path.join(out, 'pages', 'gone'), { recursive: true });
  const previous = new Map<string, string>([
    ['index.html', 'old'],
    ['pages/a/01.html', 'same'],
    ['pages/a/02.html', 'kept'],
    ['pages/gone/01.html', 'bye'],
  ]);
  for (const [file, content] of previous) writeFileSync(path.join(out, file), content);
  const writer = openInPlaceWriter(out, previous);
  await writer.add({ path: 'index.html', content: 'new' });
  await writer.add({ path: 'pages/a/01.html', content: 'same' });
  await writer.addChunks('data/new.json', [Buffer.from('[1,'), Buffer.from('2]')]);
  assert.equal(await writer.keep('pages/a/02.html', 4), true);
  assert.equal(await writer.keep('pages/a/03.html', 4), false, 'not in the previous output');
  assert.deepEqual(await writer.keepAll([{ path: 'pages/gone/01.html', size: 9 }, { path: 'pages/a/04.html', size: 1 }]), [false, false], 'another size; not there');
  await assert.rejects(writer.add({ path: 'index.html', content: 'again' }), TypeError);
  const report = await writer.finish();
  assert.deepEqual(
    { written: report.written, unchanged: report.unchanged, removed: report.removed },
    { written: ['data/new.json', 'index.html'], unchanged: ['pages/a/01.html', 'pages/a/02.html'], removed: ['pages/gone/01.html'] },
  );
  assert.deepEqual(report.sizes, [
    { path: 'data/new.json', size: 5 },
    { path: 'index.html', size: 3 },
    { path: 'pages/a/01.html', size: 4 },
    { path: 'pages/a/02.html', size: 4 },
  ]);
  assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'new');
  assert.equal(readFileSync(path.join(out, 'data', 'new.json'), 'utf8'), '[1,2]');
  assert.equal(existsSync(path.join(out, 'pages', 'gone')), false);
});

test('in memory: the whole site as path and content, nothing written', async () => {
  const memory = openMemoryOutput();
  await memory.add({ path: 'b.html', content: 'b' });
  await memory.add({ path: 'a.html', content: new Uint8Array([1, 2]) });
  // Chunks of one buffer filled again: copied as they come.
  const buffer = Buffer.from('xy');
  await memory.addChunks('c.json', (function* () {
    yield buffer;
    buffer.write('z!');
    yield buffer;
  })());
  assert.equal(await memory.keep('c.html', 1), false);
  assert.deepEqual(await memory.keepAll([{ path: 'd.html', size: 1 }]), [false]);
  assert.deepEqual(memory.files.map((file) => file.path), ['b.html', 'a.html', 'c.json']);
  assert.equal(Buffer.from(memory.files[2]?.content as Uint8Array).toString('utf8'), 'xyz!');
  const report = await memory.finish();
  assert.deepEqual(report.written, ['a.html', 'b.html', 'c.json']);
  assert.deepEqual(report.sizes, [{ path: 'a.html', size: 2 }, { path: 'b.html', size: 1 }, { path: 'c.json', size: 4 }]);
});
