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

test('a second user dictionary replaces the first (a new segmenter); the same bytes again are a no-op', () => {
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
  // A load takes 0.15–0.25 s; reading and hashing the file, well under a millisecond.
  const started = performance.now();
  useUserDict(a2);
  assert.ok(performance.now() - started < 60, 'same bytes: no reload');
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

test('with a user dictionary, a Jieba in a thread of its own cuts, search-cuts and tags every line of the seed as one in this thread', async () => {
  const { readFileSync: read, readdirSync } = await import('node:fs');
  const fixtures = join(import.meta.dirname, '../fixtures/seed');
  const lines = readdirSync(fixtures).flatMap((name) => read(join(fixtures, name), 'utf8').split('\n')).filter((line) => line.trim() !== '');
  const dir = mkdtempSync(join(root, 'thread-'));
  const dict = join(dir, 'places.dict.utf8');
  writeFileSync(dict, '张芝山镇 20000 nst\n崇川区 20000 nsd\n');
  const here = new Jieba();
  const there = new Jieba();
  there.inWorker();
  there.useUserDict(dict);
  here.useUserDict(dict);
  assert.ok(lines.length > 100);
  for (const line of [...lines, '张芝山镇的崇川区']) {
    assert.deepEqual(there.cut(line), here.cut(line), line);
    assert.deepEqual(there.cutForSearch(line), here.cutForSearch(line), line);
    assert.deepEqual(there.tagWords(line), here.tagWords(line), line);
  }
  assert.deepEqual(there.tagWords('张芝山镇的崇川区'), [
    { word: '张芝山镇', tag: 'nst' },
    { word: '的', tag: 'uj' },
    { word: '崇川区', tag: 'nsd' },
  ]);
  await there.close();
});

test('a user word the default dictionary has gets the user dictionary\u2019s tag and frequency', () => {
  const jieba = new Jieba();
  // The default dictionary: 两国 3 ns, 龙马潭区 3 ns.
  assert.deepEqual(jieba.cut('两国元首'), ['两', '国', '元首']);
  assert.deepEqual(jieba.tagWords('龙马潭区'), [{ word: '龙马潭区', tag: 'ns' }]);
  const dict = join(mkdtempSync(join(root, 'retag-')), 'places.dict.utf8');
  writeFileSync(dict, '两国 20000 nsx\n龙马潭区 20000 nsx\n');
  jieba.useUserDict(dict);
  assert.deepEqual(jieba.cut('两国元首'), ['两国', '元首']);
  assert.deepEqual(jieba.tagWords('龙马潭区'), [{ word: '龙马潭区', tag: 'nsx' }]);
});

test('the separators are words of their own, CR LF included: each LF is a word, the CR the word before it', () => {
  const jieba = new Jieba();
  assert.deepEqual(jieba.cut('沿海\r\n安全\t中华人民共和国。'), ['沿海', '\r', '\n', '安全', '\t', '中华人民共和国', '。']);
  assert.deepEqual(jieba.cut('\r\n\r\n'), ['\r', '\n', '\r', '\n']);
  assert.deepEqual(jieba.tagWords('沿海\r\n'), [
    { word: '沿海', tag: 'f' },
    { word: '\r', tag: 'x' },
    { word: '\n', tag: 'x' },
  ]);
  assert.deepEqual(jieba.cutForSearch('中华人民共和国\r\n'), ['中华', '华人', '人民', '共和', '共和国', '中华人民共和国', '\r', '\n']);
});
