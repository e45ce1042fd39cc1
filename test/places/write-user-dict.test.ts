import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Jieba, loadGazetteer, userDictEntries, writeUserDict } from '../../src/places/index.js';

const { tagWords, useUserDict } = new Jieba();

const root = mkdtempSync(join(tmpdir(), 'places-dict-'));
after(() => rmSync(root, { recursive: true, force: true }));
const gazetteer = loadGazetteer();

test('the dictionary is `word freq tag` lines, sorted by code point, no BOM, no CR, newline-terminated', () => {
  const path = writeUserDict(gazetteer, join(root, 'a'));
  assert.equal(path, join(root, 'a', 'places-3206.dict.utf8'));
  const bytes = readFileSync(path);
  assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.includes(0x0d), false);
  const text = bytes.toString('utf8');
  assert.equal(text.endsWith('\n'), true);
  const lines = text.slice(0, -1).split('\n');
  assert.equal(lines.length, 3393);
  for (const line of lines) assert.match(line, /^\S+ (?:2000|20000) ns[dtpx]$/u);
  const words = lines.map((l) => l.split(' ')[0]!);
  assert.deepEqual(words, [...new Set(words)].sort((a, b) => (a < b ? -1 : 1)));
  assert.equal(lines[0], '丁堰镇 20000 nst');
  assert.equal(lines[lines.length - 1], '龙马潭区 20000 nsx');
  assert.ok(lines.includes('崇川区 20000 nsd'));
  assert.ok(lines.includes('崇川 2000 nsd'));
  assert.ok(lines.includes('狼山镇 20000 nst'));
  assert.ok(lines.includes('南通市 20000 nsp'));
  assert.ok(lines.includes('通州区 20000 nsd'), '通州区 of 南通 wins over Beijing’s');
  assert.ok(!lines.includes('环本农场 20000 nst'), 'farms are not places');
});

test('two generations give the same bytes', () => {
  const a = readFileSync(writeUserDict(gazetteer, join(root, 'b')));
  const b = readFileSync(writeUserDict(loadGazetteer(), join(root, 'c')));
  assert.deepEqual(a, b);
});

test('jieba tags the first and the last entry of the dictionary with their place tags', () => {
  const path = writeUserDict(gazetteer, join(root, 'd'));
  useUserDict(path);
  const entries = userDictEntries(gazetteer);
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  assert.deepEqual(tagWords(first.word), [{ word: '丁堰镇', tag: 'nst' }]);
  assert.deepEqual(tagWords(last.word), [{ word: '龙马潭区', tag: 'nsx' }]);
  assert.deepEqual(tagWords('来到狼山镇督查'), [
    { word: '来到', tag: 'v' },
    { word: '狼山镇', tag: 'nst' },
    { word: '督查', tag: 'vn' },
  ]);
});
