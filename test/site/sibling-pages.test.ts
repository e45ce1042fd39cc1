/**
 * The pages a page (版) lists of its edition: all of a printed edition's, and a window around the page in an
 * edition of thousands (the undated pages of an archive without front matter).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIBLING_LIMIT, SIBLING_WINDOW, siblingWindow } from '../../src/site/pages/page.js';

const pages = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

test('an edition of up to SIBLING_LIMIT pages: every page lists them all', () => {
  assert.equal(SIBLING_LIMIT, 100);
  for (const count of [1, 2, 24, 100]) {
    const edition = pages(count);
    for (const index of [0, count - 1]) assert.deepEqual(siblingWindow(edition, index), edition, `${count} pages, page ${index + 1}`);
  }
});

test('a larger edition: the SIBLING_WINDOW pages around the page (10 on either side), shifted at the ends', () => {
  assert.equal(SIBLING_WINDOW, 21);
  const edition = pages(9000);
  assert.deepEqual(siblingWindow(edition, 0), pages(21));
  assert.deepEqual(siblingWindow(edition, 10), pages(21));
  assert.deepEqual(siblingWindow(edition, 11), pages(22).slice(1));
  assert.deepEqual(siblingWindow(edition, 4999), pages(5010).slice(4989));
  assert.deepEqual(siblingWindow(edition, 8999), pages(9000).slice(8979));
  assert.deepEqual(siblingWindow(pages(101), 100), pages(101).slice(80));
  assert.deepEqual(siblingWindow(pages(7), 3, 4, 3), [3, 4, 5]);
  for (const index of [0, 50, 4999, 8999]) {
    const window = siblingWindow(edition, index);
    assert.equal(window.length, 21);
    assert.ok(window.includes(index + 1), `page ${index + 1} is in its own list`);
  }
});
