/**
 * The rendered-Markdown memo: a body rendered by an earlier build is taken from the memo, and the memo kept in
 * the cache belongs to one generator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { createMarkdownRenderer } from '../../src/render/markdown-to-html.js';
import { tempDir } from '../temp-dir.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

test('a body found in the memo is not rendered again, and every body returned is recorded', () => {
  const document = '---\nid: p/01\n---\n第一段。\n';
  const previous = new Map([[sha('第一段。\n'), '<p>kept from the last build</p>\n']]);
  const current = new Map<string, string>();
  const render = createMarkdownRenderer({ previous, current });
  assert.deepEqual(render(document), { data: { id: 'p/01' }, html: '<p>kept from the last build</p>\n' });
  assert.deepEqual(render('第二段。\n'), { data: {}, html: '<p>第二段。</p>\n' });
  assert.deepEqual([...current], [
    [sha('第一段。\n'), '<p>kept from the last build</p>\n'],
    [sha('第二段。\n'), '<p>第二段。</p>\n'],
  ]);
});

test('the cache gives back the rendered bodies only to the generator that stored them', async () => {
  const cache = openBuildCache(tempDir('news-archive-memo-'));
  await cache.putRenderedMarkdown('generator-a', new Map([['k', '<p>x</p>\n']]));
  assert.deepEqual([...(await cache.getRenderedMarkdown('generator-a'))], [['k', '<p>x</p>\n']]);
  assert.deepEqual([...(await cache.getRenderedMarkdown('generator-b'))], []);
});
