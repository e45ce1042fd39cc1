/**
 * The page vocabulary's similarity (segment/boundary.ts pageVocabulary), which boundary features are made of: exact
 * values, so a change of how the counts are kept cannot move a feature (and a segmentation) unnoticed. The values
 * are those of the implementation with 2^15-bucket arrays (before 2026-12-04); the compact slots give the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageVocabulary } from '../../src/segment/boundary.js';

const TEXTS = ['本报讯 全市防控工作会议昨日召开', '会议强调，要做好防控工作，确保群众安全。', '市民 李明 说，社区服务很周到。', '春节期间，各地文艺演出丰富多彩', 'abc 123'];

test('similarity: IDF-weighted bigram cosine of two stretches of a page, exact', () => {
  const vocabulary = pageVocabulary(TEXTS);
  assert.equal(vocabulary.similarity([TEXTS[1]!], [TEXTS[0]!]), 0.14392441334425007);
  assert.equal(vocabulary.similarity([TEXTS[0]!], [TEXTS[1]!]), 0.14392441334425007, 'symmetric');
  // A text that is not one of the page's blocks: its bigrams have no document frequency on the page.
  assert.equal(vocabulary.similarity(['不在页面上的文字防控'], [TEXTS[1]!]), 0.022923834672812365);
  // Asked again after other questions: the counts were reset.
  assert.equal(vocabulary.similarity([TEXTS[1]!], [TEXTS[0]!]), 0.14392441334425007);
  assert.equal(vocabulary.similarity([TEXTS[0]!, TEXTS[1]!], [TEXTS[2]!]), 0, 'no shared bigram');
  assert.equal(vocabulary.similarity([TEXTS[3]!], [TEXTS[4]!]), 0, 'no Han text on one side');
  assert.equal(vocabulary.similarity([], [TEXTS[0]!]), 0);
});
