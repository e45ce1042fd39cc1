/**
 * Every output path is unique by construction, also on disks that ignore case or width: byline names that clean
 * to one author file, seed names that differ only by the case of `.txt` or of a letter, a name that looks like
 * another's slug with its hash. The same names give the same paths at every build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { foldKey, nameSegment, pageSlug, uniqueSegments } from '../../src/site/routes.js';
import { writeOutput } from '../../src/write.js';
import { listFileTree } from '../../src/list-file-tree.js';
import { compareCodePoints } from '../../src/compare-code-points.js';
import { tempDir } from '../temp-dir.js';

const BYLINES = ['*', '_', 'index', 'index_', '陈静_2', '陈静_2_', '..', '.', 'APP', 'App'];
const PAGE_TEXT = BYLINES.map((name, i) => `第${i + 1}条新闻标题\n\n这是第${i + 1}篇文章的正文，讲述了城市里发生的事情。\n\n·${name}·\n`).join('\n');
const SEEDS = ['x.txt', 'x.TXT', '第 3 版.txt', '第-3-版-9fa90b.txt', 'A1.txt', 'a1.txt', 'Ａ1.txt'];

function config(): Config {
  const work = tempDir('news-archive-paths-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  // Each seed a little different, so that no duplicate warnings crowd the result.
  SEEDS.forEach((name, i) => writeFileSync(path.join(seedsDir, name), PAGE_TEXT.replace('这是第1篇', `这是${i}号第1篇`)));
  return { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
}

test('names that clean to one segment get the plain one first, the others a hash of their key', () => {
  const segments = uniqueSegments(BYLINES.map((name) => ({ key: name, name })), nameSegment);
  assert.deepEqual(Object.fromEntries(segments), {
    '*': '_-684888',
    _: '_',
    index: 'index_-1bc04b',
    index_: 'index_',
    陈静_2: '陈静_2_-c8e80d',
    陈静_2_: '陈静_2_',
    '..': '_-5ec1f7',
    '.': '_-cdb4ee',
    APP: 'APP',
    App: 'App-0d04bf',
  });
  // Any order of the same names gives the same segments.
  assert.deepEqual(uniqueSegments([...BYLINES].reverse().map((name) => ({ key: name, name })), nameSegment), segments);
});

test('a name of 250 bytes gets a segment of at most 200 bytes, ending in a hash', () => {
  const long = '报'.repeat(83) + 'a';
  assert.equal(Buffer.byteLength(long), 250);
  const slug = pageSlug(long);
  assert.match(slug, /^报{64}-[0-9a-f]{6}$/u);
  assert.ok(Buffer.byteLength(`${nameSegment(long)}_99.html`) < 255);
  assert.equal(pageSlug('第 3 版'), '第-3-版-9fa90b');
});

test('colliding seed names and bylines build and write, every path unique also ignoring case and width', async () => {
  const cfg = config();
  const result = await build({ config: cfg });
  assert.deepEqual(result.diagnostics, []);
  const paths = result.files.map((file) => file.path);
  assert.equal(new Set(paths.map(foldKey)).size, paths.length);
  assert.deepEqual(
    paths.filter((file) => file.startsWith('authors/')),
    [
      'authors/APP.html',
      'authors/App-0d04bf.html',
      'authors/_-5ec1f7.html',
      'authors/_-684888.html',
      'authors/_-cdb4ee.html',
      'authors/_.html',
      'authors/index.html',
      'authors/index_-1bc04b.html',
      'authors/index_.html',
      'authors/陈静_2_-c8e80d.html',
      'authors/陈静_2_.html',
    ],
  );
  assert.deepEqual(
    paths.filter((file) => /^pages\/[^/]+\/index\.html$/.test(file)),
    [
      'pages/1-ea8f14/index.html',
      'pages/A1/index.html',
      'pages/a1-0cabf1/index.html',
      'pages/x-8a6dcb/index.html',
      'pages/x/index.html',
      'pages/第-3-版-9fa90b-e47e36/index.html',
      'pages/第-3-版-9fa90b/index.html',
    ],
  );
  // An item's byline links to its own author's page.
  const item = result.files.find((file) => file.path === 'pages/x/01.html');
  assert.match(String(item?.content), /href="\.\.\/\.\.\/authors\/_-684888\.html"/);
  await writeOutput(cfg.outDir, result.files);
  assert.deepEqual(listFileTree(cfg.outDir), ['.news-archive', ...paths].sort(compareCodePoints));
});
