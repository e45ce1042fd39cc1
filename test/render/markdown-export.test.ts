/**
 * The Markdown export: every published item as `data/markdown/{page-slug}/{NN}.md`, Markdown with YAML front
 * matter that another generator can read; its body is what the item's page is rendered from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { createMarkdownRenderer } from '../../src/render/markdown-to-html.js';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempDir('news-archive-export-');
mkdirSync(path.join(work, 'seeds'));
for (const name of ['test/fixtures/site/2021-08-19_A1.txt', 'test/fixtures/seeds/000_b18dfdda09c05dd9.txt']) {
  copyFileSync(path.join(root, name), path.join(work, 'seeds', path.basename(name)));
}
const config = { ...DEFAULT_CONFIG, search: false, seedsDir: path.join(work, 'seeds'), outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') };
const built = await build({ config });
const file = (name: string): string => {
  const found = built.files.find((f) => f.path === name);
  assert.ok(found, `${name} is built`);
  return String(found.content);
};

test('an item of a dated page is exported byte for byte as the golden file', () => {
  assert.equal(file('data/markdown/2021-08-19_A1/01.md'), readFileSync(path.join(root, 'test/fixtures/render/2021-08-19_A1_01.md'), 'utf8'));
});

test('every published item is exported, and nothing else is under data/markdown/', () => {
  const exported = built.files.filter((f) => f.path.startsWith('data/markdown/')).map((f) => f.path);
  const items = built.files.filter((f) => /^pages\/.+\/\d\d\.html$/.test(f.path)).map((f) => f.path.replace(/^pages\//, 'data/markdown/').replace(/\.html$/, '.md'));
  assert.equal(exported.length, 13);
  assert.deepEqual(exported, items);
});

test('another reader gets the front matter back and the body renders as the item page shows it', () => {
  const text = file('data/markdown/000_b18dfdda09c05dd9/01.md');
  const { data, content } = matter(text, {});
  // A page without front matter has no date: the field is left out, not written as null.
  assert.deepEqual(Object.keys(data), ['title', 'paper', 'page', 'url', 'places', 'id', 'kind', 'kicker', 'headline', 'subheadline', 'bylines', 'photo_credit', 'continued', 'seed', 'source_lines']);
  assert.equal(data.title, '积极行动 凝聚起抗疫强大合力');
  assert.equal(data.url, '/pages/000_b18dfdda09c05dd9/01.html');
  assert.equal(data.page, '版面「积极行动 凝聚起抗疫强大合力」');
  assert.equal(data.paper, null);
  assert.deepEqual(data.source_lines, [3, 39], "the golden segmentation's first article");
  const html = createMarkdownRenderer().body(content);
  assert.ok(html.length > 1000);
  assert.ok(file('pages/000_b18dfdda09c05dd9/01.html').includes(html.trimEnd()), 'the page shows the rendered body');
});
