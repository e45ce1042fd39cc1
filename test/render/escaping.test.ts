/**
 * Newspaper text is plain text: Markdown and HTML characters in a seed stay literal, escaped once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articleToMarkdown } from '../../src/render/article-markdown.js';
import { createMarkdownRenderer } from '../../src/render/markdown-to-html.js';
import { segmentPage } from '../../src/segment/segment-page.js';
import { tempDir } from '../temp-dir.js';
import { unbreak } from '../site/plain-html.js';

const text = readFileSync(new URL('../fixtures/render/escaping.txt', import.meta.url), 'utf8');
const { items, diagnostics } = segmentPage({ file: 'test/escaping.txt', text, firstLine: 1 });
const item = items[0];
const render = createMarkdownRenderer();

test('the escaping fixture is one article with a kicker that has ": " in it', () => {
  assert.equal(items.length, 1);
  assert.deepEqual(diagnostics, []);
  assert.equal(item?.kicker, '关于“A: B”的说明:');
  assert.equal(item?.headline, '<i>标题</i> & 符号');
  assert.deepEqual(item?.bylines, ['张三', '李四']);
});

test('Markdown and HTML characters of the body come out as literal text, escaped once', () => {
  assert.ok(item);
  const { data, html } = render(articleToMarkdown(item, 'escaping/01'));
  assert.equal(
    html,
    [
      '<p>&#x3C;script>alert("x")&#x3C;/script>正文里的脚本只是文字。</p>',
      '<p>**这不是粗体**,# 这不是标题,1. 这不是列表。</p>',
      '<p># 井号开头的一段话也只是正文。</p>',
      '<p>1. 数字加点开头的一段话也只是正文。</p>',
      '<p>四个空格开头的一段话不是代码块。</p>',
      '<p>---</p>',
      '<p>A&#x26;B公司与C&#x26;amp;D公司签约,价格&#x3C;100元>。</p>',
      '',
    ].join('\n'),
  );
  assert.equal(data.kicker, '关于“A: B”的说明:');
  assert.equal(data.headline, '<i>标题</i> & 符号');
});

test('the built page shows the HTML of a seed as text and runs none of it', async () => {
  const { copyFileSync, mkdirSync } = await import('node:fs');
  const path = await import('node:path');
  const { build } = await import('../../src/build.js');
  const { DEFAULT_CONFIG } = await import('../../src/config.js');
  const dir = tempDir('news-archive-escaping-');
  mkdirSync(path.join(dir, 'seeds'));
  copyFileSync(new URL('../fixtures/render/escaping.txt', import.meta.url), path.join(dir, 'seeds', 'escaping.txt'));
  const result = await build({ config: { ...DEFAULT_CONFIG, seedsDir: path.join(dir, 'seeds'), outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache') } });
  const page = result.files.find((file) => file.path === 'pages/escaping/01.html');
  assert.ok(page);
  // Title lines carry word-wrap spans (site/line-breaks.ts); the text is read without them.
  const html = String(page.content).replace(/<\/?span[^>]*>/g, '');
  const text = unbreak(html);
  assert.ok(/<h1[^>]*>&lt;i&gt;标题&lt;\/i&gt; &amp; 符号<\/h1>/.test(text));
  // The colon after 明 ends the text: shown full-width (site/display-text.ts); the one between A and B stays.
  assert.ok(text.includes('<p class="kicker">关于“A: B”的说明：</p>'));
  assert.ok(html.includes('<title>关于“A: B”的说明： &lt;i&gt;标题&lt;/i&gt; &amp; 符号 - '));
  assert.equal(/<script|<i>|&amp;amp;/.test(html), false);
});
