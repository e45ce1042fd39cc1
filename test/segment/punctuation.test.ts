/**
 * Sentence ends (src/segment/punctuation.ts endsSentence), which column breaks, decks and kickers are read by: the
 * exact answer for each form at the end of a text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endsSentence } from '../../src/segment/punctuation.js';

test('endsSentence: a final mark with any closers after it, or a half-width stop after Han or a full-width mark, at the very end', () => {
  const ends = ['好。', '好！', '好？', '好!', '好?', '好……', '好．', '好｡', '好。”', '他说：“好。”）', "ok!'", '好.', '𠀀.', '。.', '”.', '）.', '。', '”。”'];
  const open = ['', '好', '好，', '好。 ', '好。a', 'a.', '1.', '好”', '）', '”', '.', '..', '好。”a', '\udc00.', 'ab.', '好、', '好。\n'];
  assert.deepEqual(ends.map(endsSentence), ends.map(() => true));
  assert.deepEqual(open.map(endsSentence), open.map(() => false));
});
