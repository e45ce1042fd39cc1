/**
 * How a page's front matter `page` (版次) is named to readers: one `版`, whether or not the editor wrote it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageNumberLabel } from '../../src/site/site-model.js';

test('a page number gets 第…版 and a page code gets 版', () => {
  assert.equal(pageNumberLabel('3'), '第3版');
  assert.equal(pageNumberLabel('A3'), 'A3版');
});

test('a page written with its 版 already gets no second one', () => {
  assert.equal(pageNumberLabel('第五版'), '第五版');
  assert.equal(pageNumberLabel('第5版'), '第5版');
  assert.equal(pageNumberLabel('A3版'), 'A3版');
  assert.equal(pageNumberLabel('5版'), '第5版');
});
