/**
 * Markdown bodies rendered ahead in a thread of their own (render/markdown-to-html.ts prerenderMarkdown): the same
 * HTML as the build's own renderer, a repeated body for each file that asks for it, bodies let go once their file
 * is passed, nothing started for a few files or when the memo has every body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMarkdownRenderer, mapMemo, markdownKey, prerenderMarkdown, PRERENDER_MIN_FILES } from '../../src/render/markdown-to-html.js';
import { escapeMarkdown } from '../../src/render/article-markdown.js';

/** Bodies of our own: paragraphs, a subhead, a deck, escaped ASCII punctuation. */
function bodies(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i % 7 === 0 ? `## 第${i}个小标题\n\n` : ''}> 提要${i}\n\n${escapeMarkdown(`第${i}段：村(社区)里 *不是* 强调，1. 也不是列表 <b>${i}</b>`)}\n`);
}

/** Files of a site: every third has no body (a list page), the others one each; `asked` counts the calls. */
function files(list: readonly string[]): { files: { markdownBodies(): readonly string[] }[]; asked: number[] } {
  const asked: number[] = [];
  const out = list.flatMap((body, i) => [
    { markdownBodies: () => (asked.push(i), [body]) },
    ...(i % 3 === 0 ? [{ markdownBodies: () => [] as string[] }] : []),
  ]);
  return { files: out, asked };
}

test('bodies rendered ahead give the same HTML as the renderer itself, a repeated body for each file that has it', async () => {
  const given = bodies(PRERENDER_MIN_FILES + 40);
  // The first body again at the end: a page and its copy elsewhere.
  const site = files([...given, given[0] as string]);
  const prerender = prerenderMarkdown(site.files, undefined);
  assert.notEqual(prerender, null);
  const direct = createMarkdownRenderer();
  try {
    for (const [i, file] of site.files.entries()) {
      await prerender!.ready(i);
      for (const body of file.markdownBodies()) assert.equal(prerender!.memo.get(markdownKey(body)), direct.body(body));
    }
    // Passed files' bodies are let go: the first body was asked for by the first and the last file.
    await prerender!.ready(site.files.length);
    assert.equal(prerender!.memo.get(markdownKey(given[5] as string)), undefined);
    assert.equal(direct.body(given[5] as string), '<blockquote>\n<p>提要5</p>\n</blockquote>\n<p>第5段：村(社区)里 *不是* 强调，1. 也不是列表 &#x3C;b>5&#x3C;/b></p>\n');
  } finally {
    await prerender!.close();
  }
});

test('odd text crosses to the thread and back unchanged: a lone surrogate, a NUL, a BOM, escaped HTML, full-width and half-width marks', async () => {
  const odd = ['断开的\ud800字', '空\u0000字', '\ufeff开头', escapeMarkdown('<script>alert(1)</script> & 1. *强调*'), '全角，半角, 混排！?'].map((text) => `${text}\n`);
  const given = [...odd, ...bodies(PRERENDER_MIN_FILES)];
  const site = files(given);
  const prerender = prerenderMarkdown(site.files, undefined);
  const direct = createMarkdownRenderer();
  try {
    await prerender!.ready(0);
    for (const body of odd) assert.equal(prerender!.memo.get(markdownKey(body)), direct.body(body));
    assert.equal(prerender!.memo.get(markdownKey(odd[3] as string)), '<p>&#x3C;script>alert(1)&#x3C;/script> &#x26; 1. *强调*</p>\n');
  } finally {
    await prerender!.close();
  }
});

test('the bodies of a file are asked for as the build comes near it, not all at once', async () => {
  const site = files(bodies(6000));
  const prerender = prerenderMarkdown(site.files, undefined);
  try {
    await prerender!.ready(0);
    // The walk stops once 4,096 bodies are held (128 batches of 32), far from the 6,000.
    assert.equal(Math.max(...site.asked) + 1, 4096);
  } finally {
    await prerender!.close();
  }
});

test('bodies the memo has already are not rendered again; for fewer files than the minimum nothing is started', async () => {
  assert.equal(prerenderMarkdown(files(bodies(10)).files.slice(0, PRERENDER_MIN_FILES - 1), undefined), null);
  const more = bodies(PRERENDER_MIN_FILES + 30);
  const known = new Map(more.slice(0, 20).map((body) => [markdownKey(body), 'known'] as const));
  const site = files(more);
  const prerender = prerenderMarkdown(site.files, mapMemo(known));
  assert.notEqual(prerender, null);
  try {
    await prerender!.ready(0);
    // The memo's own body comes from the memo; the rest from the thread.
    assert.equal(prerender!.memo.get(markdownKey(more[0] as string)), 'known');
    const at = site.files.findIndex((file) => file.markdownBodies()[0] === more[40]);
    await prerender!.ready(at);
    assert.equal(prerender!.memo.get(markdownKey(more[40] as string)), createMarkdownRenderer().body(more[40] as string));
  } finally {
    await prerender!.close();
  }
});
