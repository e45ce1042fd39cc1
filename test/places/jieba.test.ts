import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Jieba } from '../../src/places/jieba.js';

const { cut, cutForSearch, loadedUserDict, spansJoin, tagWords, useUserDict, wordBoundaries } = new Jieba();

const root = mkdtempSync(join(tmpdir(), 'places-jieba-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('cut works before any dictionary is chosen (default dictionaries) and spells the text back', () => {
  assert.equal(loadedUserDict(), null);
  const text = '南通市崇川区人大常委会, 2021年8月。';
  assert.equal(cut(text).join(''), text);
  assert.deepEqual(cut(''), []);
});

test('cutForSearch adds the shorter words inside long ones', () => {
  assert.deepEqual(cut('中华人民共和国'), ['中华人民共和国']);
  assert.deepEqual(cutForSearch('中华人民共和国'), ['中华', '华人', '人民', '共和', '共和国', '中华人民共和国']);
});

test('wordBoundaries gives 0, every word end, and the length', () => {
  assert.deepEqual(cut('沿海安全'), ['沿海', '安全']);
  assert.deepEqual(wordBoundaries('沿海安全'), [0, 2, 4]);
  assert.deepEqual(wordBoundaries(''), [0]);
});

test('spansJoin: true when a jieba word crosses the join', () => {
  assert.equal(spansJoin('沿海', '安全'), false);
  assert.equal(spansJoin('沿', '海安全'), true);
  assert.equal(spansJoin('中华人民', '共和国成立'), true);
  assert.equal(spansJoin('中华人民共和国', '成立'), false);
  assert.equal(spansJoin('', '成立'), false);
});

test('a second user dictionary replaces the first (nodejieba load() reloads); the same bytes again are a no-op', () => {
  const a = join(root, 'a.utf8');
  const b = join(root, 'b.utf8');
  const a2 = join(root, 'a2.utf8');
  writeFileSync(a, '张芝山镇 20000 nst\n');
  writeFileSync(b, '苏锡通园区 20000 nst\n');
  writeFileSync(a2, '张芝山镇 20000 nst\n');
  useUserDict(a);
  assert.deepEqual(tagWords('张芝山镇'), [{ word: '张芝山镇', tag: 'nst' }]);
  useUserDict(b);
  assert.equal(loadedUserDict(), b);
  assert.deepEqual(tagWords('苏锡通园区'), [{ word: '苏锡通园区', tag: 'nst' }]);
  assert.notDeepEqual(tagWords('张芝山镇'), [{ word: '张芝山镇', tag: 'nst' }]);
  useUserDict(a);
  const started = performance.now();
  useUserDict(a2);
  assert.ok(performance.now() - started < 200, 'same bytes: no reload');
  assert.equal(loadedUserDict(), a);
});

test('a missing dictionary throws instead of aborting the process', () => {
  assert.throws(() => useUserDict(join(root, 'missing.utf8')), { code: 'ENOENT' });
});

test('a Jieba whose dictionary is in a thread of its own cuts exactly as this thread does; close ends the thread', async () => {
  const { readFileSync: read, readdirSync } = await import('node:fs');
  const fixtures = join(import.meta.dirname, '../fixtures/seed');
  const lines = readdirSync(fixtures).flatMap((name) => read(join(fixtures, name), 'utf8').split('\n')).filter((line) => line.trim() !== '');
  const here = new Jieba();
  const there = new Jieba();
  there.inWorker();
  assert.equal(there.inOwnThread, true);
  for (const line of lines) {
    assert.deepEqual(there.cut(line), here.cut(line), line);
    assert.deepEqual(there.tagWords(line), here.tagWords(line), line);
  }
  assert.deepEqual(there.cutForSearch('中华人民共和国'), here.cutForSearch('中华人民共和国'));
  assert.equal(there.spansJoin('南通市崇', '川区'), true);
  await there.close();
  assert.equal(there.inOwnThread, false);
});

test('with a user dictionary the keyword tables are a one-line stand-in beside it, and every cut, search cut and tag is the same as with nodejieba’s own tables', async () => {
  const { readFileSync: read, readdirSync } = await import('node:fs');
  const nodejieba = (await import('nodejieba')).default;
  const fixtures = join(import.meta.dirname, '../fixtures/seed');
  const lines = readdirSync(fixtures).flatMap((name) => read(join(fixtures, name), 'utf8').split('\n')).filter((line) => line.trim() !== '');
  const dir = mkdtempSync(join(root, 'stand-in-'));
  const dict = join(dir, 'places.dict.utf8');
  writeFileSync(dict, '张芝山镇 20000 nst\n崇川区 20000 nsd\n');
  // The stand-in's Jieba in a thread of its own; nodejieba's own tables (its defaults) in this one.
  const there = new Jieba();
  there.inWorker();
  there.useUserDict(dict);
  nodejieba.load({ userDict: dict });
  assert.equal(read(join(dir, 'keywords-unused.utf8'), 'utf8'), '的 1.0\n');
  assert.ok(lines.length > 100);
  for (const line of [...lines, '张芝山镇的崇川区']) {
    assert.deepEqual(there.cut(line), nodejieba.cut(line, true), line);
    assert.deepEqual(there.cutForSearch(line), nodejieba.cutForSearch(line, true), line);
    assert.deepEqual(there.tagWords(line), nodejieba.tag(line).map(({ word, tag }) => ({ word, tag })), line);
  }
  assert.deepEqual(there.tagWords('张芝山镇'), [{ word: '张芝山镇', tag: 'nst' }]);
  await there.close();
});
