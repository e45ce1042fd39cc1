/**
 * Word boundaries from a memo of clauses (src/places/word-boundaries.ts) equal jieba's on the whole text, and a
 * text whose clauses are all known needs no cut at all.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Jieba } from '../../src/places/jieba.js';
import { memoWordBoundaries, type ClauseWords } from '../../src/places/word-boundaries.js';

const jieba = new Jieba();
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const lines = ['seed', 'seeds', 'site']
  .flatMap((dir) => readdirSync(path.join(fixtures, dir)).filter((name) => name.endsWith('.txt')).map((name) => path.join(fixtures, dir, name)))
  .flatMap((file) => readFileSync(file, 'utf8').split('\n'));

test('on every line of the fixtures, and on lines joined by spaces, the memo gives jieba\'s boundaries', () => {
  const memo: ClauseWords = new Map();
  let cuts = 0;
  const words = memoWordBoundaries(memo, () => {
    cuts++;
    return jieba.cut;
  });
  const texts = [...lines, '', '  ', '南通日报 2021年8月18日 A3版 要闻', '版面「积极行动 凝聚起抗疫强大合力」', '近日，如皋市。。九华镇 ', '\ud800孤'];
  for (let i = 0; i + 1 < lines.length; i += 7) texts.push(`${lines[i]} ${lines[i + 1]}`);
  for (const text of texts) assert.deepEqual(words(text), jieba.wordBoundaries(text), JSON.stringify(text));
  assert.ok(cuts > 100, `${cuts} clauses cut`);
  // Asked again, every clause is known: nothing is cut.
  const again = memoWordBoundaries(memo, () => assert.fail('no clause should be cut again'));
  for (const text of texts) assert.deepEqual(again(text), jieba.wordBoundaries(text));
});
