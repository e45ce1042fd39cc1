/**
 * A stray byline (no text before it) is no public article: it gets no page and is listed nowhere (home, edition,
 * 版 page, author page, feed, search), while data/articles.json keeps it and the warning says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { tempDir } from '../temp-dir.js';

const SEED = [
  '---',
  'paper: 南通日报',
  'date: 2021-08-18',
  'page: A2',
  '---',
  '·王明·',
  '',
  '新闻标题',
  '',
  '这是文章的正文，讲述了城市里发生的事情。',
  '',
  '·李红·',
  '',
  '·张三·',
  '',
].join('\n');

test('stray bylines: warned about, kept in articles.json, published nowhere', async () => {
  const work = tempDir('news-archive-empty-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeFileSync(path.join(seedsDir, 'a2.txt'), SEED);
  const result = await build({ config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') } });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/a2.txt:6: warning: Unexpected byline: no article text before it; not published (no text), kept in data/articles.json [segment/unsorted]',
    'seeds/a2.txt:14: warning: Unexpected byline: no article text before it; not published (no text), kept in data/articles.json [segment/unsorted]',
  ]);
  const file = (name: string): string => {
    const found = result.files.find((f) => f.path === name);
    assert.ok(found, name);
    return Buffer.from(found.content).toString('utf8');
  };
  const paths = result.files.map((f) => f.path);
  assert.deepEqual(paths.filter((p) => p.startsWith('pages/')), ['pages/a2/02.html', 'pages/a2/index.html']);
  assert.deepEqual(paths.filter((p) => p.startsWith('authors/') && p !== 'authors/index.html'), ['authors/李红.html']);
  for (const name of ['index.html', 'pages/a2/index.html', 'editions/2021-08-18.html', 'feed.xml', 'sitemap.xml', 'authors/index.html']) {
    const text = file(name);
    assert.equal(text.includes('未归类文本'), false, name);
    assert.equal(text.includes('王明') || text.includes('张三'), false, name);
    assert.equal(text.includes('01.html') || text.includes('03.html'), false, name);
  }
  const records = JSON.parse(file('data/articles.json')) as { id: string; url: string | null; bylines: string[] }[];
  assert.deepEqual(
    records.map((r) => [r.id, r.url, r.bylines]),
    [
      ['a2/01', null, ['王明']],
      ['a2/02', 'pages/a2/02.html', ['李红']],
      ['a2/03', null, ['张三']],
    ],
  );
});
