/**
 * The rendered-Markdown memo: a body rendered by an earlier build is taken from the memo, and the memo kept in
 * the cache belongs to one generator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { createMarkdownRenderer } from '../../src/render/markdown-to-html.js';
import { tempDir } from '../temp-dir.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

test('a body found in the memo is not rendered again, and every body returned is recorded', () => {
  const document = '---\nid: p/01\n---\n第一段。\n';
  const previous = new Map([[sha('第一段。\n'), '<p>kept from the last build</p>\n']]);
  const current = new Map<string, string>();
  const render = createMarkdownRenderer({ get: (key) => previous.get(key), set: (key, html) => void current.set(key, html) });
  assert.deepEqual(render(document), { data: { id: 'p/01' }, html: '<p>kept from the last build</p>\n' });
  assert.deepEqual(render('第二段。\n'), { data: {}, html: '<p>第二段。</p>\n' });
  assert.deepEqual([...current], [
    [sha('第一段。\n'), '<p>kept from the last build</p>\n'],
    [sha('第二段。\n'), '<p>第二段。</p>\n'],
  ]);
});

test('the cache gives back the rendered bodies only to the generator that stored them', async () => {
  const cache = openBuildCache(tempDir('news-archive-memo-'));
  const first = await cache.openRenderedMarkdown('generator-a');
  assert.equal(first.get('k'), undefined);
  first.set('k', '<p>x</p>\n');
  first.set('c', '<p>陈馨 王铁荣</p>\n');
  await first.close();
  const again = await cache.openRenderedMarkdown('generator-a');
  assert.equal(again.get('c'), '<p>陈馨 王铁荣</p>\n');
  assert.equal(again.get('k'), '<p>x</p>\n');
  await again.discard();
  const other = await cache.openRenderedMarkdown('generator-b');
  assert.equal(other.get('k'), undefined);
  await other.discard();
});

test('a build keeps only the bodies it set, and a failed build keeps the last build\'s', async () => {
  const cache = openBuildCache(tempDir('news-archive-memo-'));
  const first = await cache.openRenderedMarkdown('g');
  first.set('old', '<p>旧</p>\n');
  first.set('kept', '<p>留</p>\n');
  await first.close();
  const failed = await cache.openRenderedMarkdown('g');
  failed.set('new', '<p>新</p>\n');
  await failed.discard();
  const second = await cache.openRenderedMarkdown('g');
  assert.equal(second.get('new'), undefined, 'a discarded build left nothing');
  second.set('kept', second.get('kept') ?? '');
  second.set('new', '<p>新</p>\n');
  await second.close();
  const third = await cache.openRenderedMarkdown('g');
  assert.deepEqual([third.get('old'), third.get('kept'), third.get('new')], [undefined, '<p>留</p>\n', '<p>新</p>\n']);
  await third.discard();
});

test('a cut-short or unreadable store gives no body rather than a wrong one', async () => {
  const dir = tempDir('news-archive-memo-');
  const cache = openBuildCache(dir);
  const first = await cache.openRenderedMarkdown('g');
  first.set('a', '<p>甲</p>\n');
  first.set('b', '<p>乙乙乙</p>\n');
  await first.close();
  const bodies = path.join(dir, 'build', 'markdown', 'bodies.html');
  // Cut inside the second body: the first is whole, the second is missing its end.
  truncateSync(bodies, Buffer.byteLength('<p>甲</p>\n') + 4);
  const cut = await cache.openRenderedMarkdown('g');
  assert.deepEqual([cut.get('a'), cut.get('b')], ['<p>甲</p>\n', undefined]);
  await cut.discard();
  writeFileSync(path.join(dir, 'build', 'markdown', 'index.json'), '{"format": ');
  const garbled = await cache.openRenderedMarkdown('g');
  assert.equal(garbled.get('a'), undefined);
  await garbled.discard();
});
