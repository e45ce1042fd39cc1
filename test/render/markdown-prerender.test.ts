/**
 * Markdown bodies rendered ahead in a thread of their own (render/markdown-to-html.ts prerenderMarkdown): the same
 * HTML as the build's own renderer, each body handed out as often as it was given, nothing started for a few.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMarkdownRenderer, mapMemo, markdownKey, prerenderMarkdown, PRERENDER_MIN_BODIES } from '../../src/render/markdown-to-html.js';
import { escapeMarkdown } from '../../src/render/article-markdown.js';

/** Bodies of our own: paragraphs, a subhead, a deck, escaped ASCII punctuation. */
function bodies(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i % 7 === 0 ? `## 第${i}个小标题\n\n` : ''}> 提要${i}\n\n${escapeMarkdown(`第${i}段：村(社区)里 *不是* 强调，1. 也不是列表 <b>${i}</b>`)}\n`);
}

test('bodies rendered ahead give the same HTML as the renderer itself, a repeated body as often as it is given', async () => {
  const given = bodies(PRERENDER_MIN_BODIES + 40);
  // The first body twice: a page and its copy elsewhere.
  const all = [...given, given[0] as string];
  const prerender = prerenderMarkdown(all, undefined);
  assert.notEqual(prerender, null);
  try {
    const direct = createMarkdownRenderer();
    await prerender!.ready(all);
    for (const body of all) assert.equal(prerender!.memo.get(markdownKey(body)), direct.body(body));
    // Handed out as often as given, then let go: a third request goes to the memo underneath (none here).
    assert.equal(prerender!.memo.get(markdownKey(given[0] as string)), undefined);
    assert.equal(direct.body(given[5] as string), '<blockquote>\n<p>提要5</p>\n</blockquote>\n<p>第5段：村(社区)里 *不是* 强调，1. 也不是列表 &#x3C;b>5&#x3C;/b></p>\n');
  } finally {
    await prerender!.close();
  }
});

test('bodies the memo has already are not rendered again; with fewer than the minimum left nothing is started', async () => {
  const given = bodies(PRERENDER_MIN_BODIES + 10);
  const known = new Map(given.slice(0, 20).map((body) => [markdownKey(body), 'known'] as const));
  assert.equal(prerenderMarkdown(given, mapMemo(known)), null);
  assert.equal(prerenderMarkdown(given.slice(0, PRERENDER_MIN_BODIES - 1), undefined), null);
  const more = bodies(PRERENDER_MIN_BODIES + 30);
  const prerender = prerenderMarkdown(more, mapMemo(known));
  assert.notEqual(prerender, null);
  try {
    await prerender!.ready(more);
    // The memo's own body comes from the memo; the rest from the thread.
    assert.equal(prerender!.memo.get(markdownKey(more[3] as string)), 'known');
    assert.equal(prerender!.memo.get(markdownKey(more[40] as string)), createMarkdownRenderer().body(more[40] as string));
  } finally {
    await prerender!.close();
  }
});
