import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownString, ownStrings } from '../src/own-strings.js';

test('ownString: the same characters, short and long, Chinese and surrogate pairs', () => {
  const page = `${'南通日报 2021年8月18日 第1版 '.repeat(40)}𠀀尾`;
  for (const text of ['', '张', page.slice(3, 15), page.slice(5, 400), page.slice(-30)]) assert.equal(ownString(text), text);
});

test('ownStrings: every string of nested plain objects and arrays is replaced by an equal one, in place; other values stay', () => {
  const text = '引题：张芝山镇开展“美丽乡村”建设，全镇二十个村（社区）参与。正文第一段。';
  class Kept {
    constructor(readonly value: string) {}
  }
  const kept = new Kept(text.slice(2, 20));
  const items = [
    { kicker: text.slice(3, 30), headline: null, count: 3, body: [{ type: 'paragraph', text: text.slice(10) }], tags: [text.slice(0, 14), 'x'], kept },
  ];
  const before = JSON.stringify(items);
  const out = ownStrings(items);
  assert.equal(out, items);
  assert.equal(JSON.stringify(out), before);
  assert.equal(out[0]!.kept, kept);
  assert.equal(kept.value, text.slice(2, 20));
});
