/**
 * A Markdown body's memo key is made once when the prerender's walk made it (src/render/markdown-to-html.ts
 * bodyKeys): the renderer takes the walk's key, renders the same HTML and records it under the same key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyKeys, createMarkdownRenderer, mapMemo, markdownKey } from '../../src/render/markdown-to-html.js';

test('bodyKeys: the key the walk made is the one the renderer takes, once; a body not walked is hashed when taken', () => {
  const keys = bodyKeys();
  const body = '## 小标题\n\n第一段 3\\+6\n';
  const key = keys.of(body);
  assert.equal(key, 'f8478d8b94decb630842fd7f29934785fa462db5ac5cb84f2d424daa85185764');
  assert.equal(keys.of(body), key);
  assert.equal(keys.take(body), key);
  assert.equal(keys.take(body), key);
  assert.equal(keys.take('别的正文\n'), markdownKey('别的正文\n'));

  const stored = new Map<string, string>();
  const renderer = createMarkdownRenderer(mapMemo(stored), keys);
  keys.of(body);
  assert.equal(renderer.body(body), '<h2>小标题</h2>\n<p>第一段 3+6</p>\n');
  assert.deepEqual([...stored], [[markdownKey(body), '<h2>小标题</h2>\n<p>第一段 3+6</p>\n']]);
});
