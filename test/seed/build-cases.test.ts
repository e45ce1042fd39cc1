/**
 * Whole-folder cases: odd file names, two seeds with the same bytes, a page without bylines, and a 50 MB
 * file. Each gives its exact message, and the rest of the archive is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { readSeedBytes } from '../../src/seed/load-seeds.js';
import { segmentPage } from '../../src/segment/segment-page.js';
import { checkNothingLost } from '../../src/segment/source-characters.js';
import { tempDir } from '../temp-dir.js';

const seedText = readFileSync(new URL('../fixtures/seeds/000_b18dfdda09c05dd9.txt', import.meta.url), 'utf8');
const CONTINUED = 'warning: Article runs off the page: it ends mid-sentence with no byline; marked as continued [segment/continued]';

function seeds(files: Record<string, string | Uint8Array>): Config {
  const work = tempDir('news-archive-cases-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(seedsDir, name), content);
  return { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
}

test('file names with spaces or Chinese characters build, with messages naming the file', async () => {
  const result = await build({ config: seeds({ '第 3 版.txt': seedText, '要闻.txt': `${seedText}\n` }) });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    `seeds/第 3 版.txt:199: ${CONTINUED}`,
    `seeds/要闻.txt:199: ${CONTINUED}`,
  ]);
  const paths = new Set(result.files.map((file) => file.path));
  assert.ok(paths.has('pages/要闻/index.html'));
  assert.ok(paths.has('pages/要闻/11.html'));
  const spaced = [...paths].find((file) => /^pages\/第-3-版-[0-9a-f]{6}\/index\.html$/.test(file));
  assert.ok(spaced, 'the page with spaces in its name has a slug without spaces');
});

test('two seeds with the same bytes: both built, the one saved later warned about, naming the one it repeats', async () => {
  const config = seeds({ 'a.txt': seedText, 'b.txt': seedText });
  const saved = (name: string, iso: string): void => utimesSync(path.join(config.seedsDir, name), new Date(iso), new Date(iso));
  // b.txt saved after a.txt: b.txt is the copy.
  saved('a.txt', '2021-08-18T08:00:00Z');
  saved('b.txt', '2021-08-19T08:00:00Z');
  const copy = (name: string, of: string): string =>
    `seeds/${name}: warning: Unexpected duplicate: this file has the same bytes as seeds/${of}, which was saved before it; both are built, each as a page of its own (if the page was saved twice, delete this file) [seed/duplicate]`;
  const result = await build({ config });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [`seeds/a.txt:199: ${CONTINUED}`, copy('b.txt', 'a.txt'), `seeds/b.txt:199: ${CONTINUED}`]);
  assert.equal(result.pages.length, 2);
  assert.equal(result.articles.length, 22);
  // a.txt saved after b.txt (before: the warning was on b.txt, the page, whatever the order they were saved in).
  saved('a.txt', '2021-08-20T08:00:00Z');
  assert.deepEqual((await build({ config })).diagnostics.filter((d) => d.rule === 'seed/duplicate').map(formatDiagnostic), [copy('a.txt', 'b.txt')]);
  // Saved at the same moment (a copy that kept its time): both named, neither called the copy.
  saved('a.txt', '2021-08-19T08:00:00Z');
  assert.deepEqual((await build({ config })).diagnostics.filter((d) => d.rule === 'seed/duplicate').map(formatDiagnostic), [
    'seeds/b.txt: warning: Unexpected duplicate: this file and seeds/a.txt have the same bytes; both are built, each as a page of its own (if the page was saved twice, delete one of the two) [seed/duplicate]',
  ]);
});

test('a page of titles only gets the title-only warning, not the no-bylines one (there are no article ends to guess)', async () => {
  const result = await build({ config: seeds({ 'titles.txt': '---\ndate: 2021-08-20\npage: A5\n---\n\n只有标题的版面\n' }) });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/titles.txt:6: warning: Unexpected title at the end of the page with no text after it (a picture or a graphic, or text printed elsewhere?); published as an item with its title only [segment/title-only]',
  ]);
  assert.deepEqual(result.articles.map((a) => [a.kind, a.headline, a.body.length]), [['article', '只有标题的版面', 0]]);
  // One article with text and no byline still gets it: where it ends is guessed.
  const text = await build({ config: seeds({ 'one.txt': '只有一篇的版面\n\n正文写的是城里的一件事，写完了。\n' }) });
  assert.deepEqual(text.diagnostics.map(formatDiagnostic), [
    'seeds/one.txt: warning: Unexpected page without bylines: where one article ends and the next begins is read from its headings, datelines and words alone; check it with `news-archive check` [segment/no-bylines]',
  ]);
});

// Known gap (issue 12): with the boundary weights fitted on 人民日报, whose articles carry datelines, the seed page
// stripped of its ·bylines· reads as 2 articles with subheads; the build and the warning are right, the count is not.
test('a page without any byline is built, with a warning that article ends are guessed', { todo: 'article ends on a page with neither bylines nor datelines (issue 12)' }, async () => {
  const text = seedText.replace(/^·[^\n]*·$/gmu, '').replace(/ ·[^·\n]+·$/gmu, '');
  assert.equal(text.includes('·'), false);
  const result = await build({ config: seeds({ 'nobyline.txt': text }) });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/nobyline.txt: warning: Unexpected page without bylines: where one article ends and the next begins is read from its headings, datelines and words alone; check it with `news-archive check` [segment/no-bylines]',
    `seeds/nobyline.txt:199: ${CONTINUED}`,
  ]);
  assert.ok(result.articles.length >= 10);
  assert.ok(result.articles.every((article) => article.bylines.length === 0));
});

/** About 50 MB of page text: the seed's blocks, repeated. */
function hugeText(): string {
  const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(seedText));
  return `${seedText}\n\n`.repeat(copies);
}

test('a 50 MB seed is refused quickly with its size; the rest of the archive is built', async () => {
  const started = performance.now();
  const result = await build({ config: seeds({ 'huge.txt': hugeText(), 'page.txt': seedText }) });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/huge.txt: error: Unexpected size: 50.0 MB, expected at most 4.0 MB for one printed page (split the file into one file a page, or raise `maxSeedBytes` in news-archive.config.json); page skipped [seed/too-large]',
    `seeds/page.txt:199: ${CONTINUED}`,
  ]);
  assert.deepEqual(result.pages.map((page) => page.file), ['seeds/page.txt']);
  assert.ok(performance.now() - started < 60_000, 'well under a minute');
});

test('a 50 MB page segments in linear time and loses nothing', () => {
  const text = hugeText();
  const started = performance.now();
  const read = readSeedBytes(Buffer.from(text, 'utf8'), 'huge.txt', 'seeds', { maxBytes: 64 * 1024 * 1024 });
  assert.ok(read.page);
  const { items } = segmentPage(read.page);
  assert.deepEqual(checkNothingLost(read.page, items), []);
  // 11 items in one copy; in each later copy the first article is read as the rest of the previous copy's
  // last one, which runs off its page: 10 more items a copy.
  assert.equal(items.length, 10 * Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(seedText)) + 1);
  const seconds = (performance.now() - started) / 1000;
  assert.ok(seconds < 90, `took ${seconds.toFixed(1)} s`);
});
