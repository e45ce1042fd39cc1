/**
 * Incremental builds as editors run them: nothing changed → nothing parsed or written; one seed added → only
 * it is segmented and only changed files are written; a removed seed leaves no stale file; output is
 * byte-identical to a fresh build; URLs survive added and edited seeds; two builds cannot share the output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { createBuildContext } from '../../src/build-context.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { lockOutput } from '../../src/write.js';
import { tempDir } from '../temp-dir.js';
import { PAGES_RENDERED_ADDING_A1_19 } from './added-page.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/seed');

function project(seeds: readonly string[]): { config: Config; seedsDir: string } {
  const work = tempDir('news-archive-incremental-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const name of seeds) copyFileSync(path.join(fixtures, name), path.join(seedsDir, name));
  return { seedsDir, config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') } };
}

function tree(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of tree(path.join(dir, entry.name), `${relative}/`)) out.set(k, v);
    else out.set(relative, readFileSync(path.join(dir, entry.name)));
  }
  return out;
}

const A1 = '2021-08-18_A1.txt';
const A2 = '2021-08-18_A2.txt';
const B1 = '2021-08-19_A1.txt';

test('a rerun with nothing changed parses nothing and writes nothing; a template change re-renders from the cache', async () => {
  const { config } = project([A1, A2]);
  const first = await buildIncremental({ config });
  assert.equal(first.upToDate, false);
  assert.deepEqual(first.stats, { seeds: 2, processed: 2, cached: 0, placesUsed: true, rendered: 42, pagesOfSite: 42 });
  assert.equal(first.report.unchanged.length, 0);
  const before = tree(config.outDir);
  const inode = statSync(path.join(config.outDir, 'index.html')).ino;

  const second = await buildIncremental({ config });
  assert.equal(second.upToDate, true);
  assert.equal(second.stats, null);
  assert.deepEqual(second.report.written, []);
  assert.deepEqual(second.diagnostics, first.diagnostics);
  assert.equal(statSync(path.join(config.outDir, 'index.html')).ino, inode);
  assert.deepEqual(tree(config.outDir), before);

  // Same inputs but a different templates folder: every page from the cache, no dictionary.
  const templatesDir = tempDir('news-archive-templates-');
  for (const entry of readdirSync(path.join(root, 'templates'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(path.join(root, 'templates'), path.join(entry.parentPath, entry.name));
    mkdirSync(path.dirname(path.join(templatesDir, relative)), { recursive: true });
    copyFileSync(path.join(entry.parentPath, entry.name), path.join(templatesDir, relative));
  }
  writeFileSync(path.join(templatesDir, 'style.css'), `${readFileSync(path.join(templatesDir, 'style.css'), 'utf8')}\n/* edited */\n`);
  const third = await buildIncremental({ config, templatesDir });
  assert.deepEqual(third.stats, { seeds: 2, processed: 0, cached: 2, placesUsed: false, rendered: 42, pagesOfSite: 42 });
  assert.deepEqual(third.report.written, ['assets/style.css']);
});

test('adding a seed segments only it and rewrites only files whose bytes change; removing it leaves no stale file', async () => {
  const { config, seedsDir } = project([A1, A2]);
  await buildIncremental({ config });
  const before = tree(config.outDir);
  const inodes = new Map([...before.keys()].map((file) => [file, statSync(path.join(config.outDir, file)).ino]));

  copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
  // One seed to segment: jieba's dictionary loads in a thread of its own while the cache is read.
  const addContext = createBuildContext();
  const added = await buildIncremental({ config, context: addContext });
  assert.equal(addContext.jiebaInOwnThread, true, 'the dictionary was loaded beside the build');
  await addContext.close();
  assert.deepEqual(added.stats, { seeds: 3, processed: 1, cached: 2, placesUsed: true, rendered: 26, pagesOfSite: 59 });
  // The 26 (see added-page.ts): the new page and its items, the editions, calendar and home page, the page and item
  // read before it, the authors and places of its items and their indexes.
  assert.deepEqual(added.renderedPaths, PAGES_RENDERED_ADDING_A1_19);
  const after = tree(config.outDir);
  assert.ok(after.has('pages/2021-08-19_A1/index.html'));
  assert.ok(after.has('pages/2021-08-19_A1/01.html'));
  for (const file of added.report.unchanged) {
    assert.deepEqual(after.get(file), before.get(file), file);
    assert.equal(statSync(path.join(config.outDir, file)).ino, inodes.get(file), `${file} not rewritten`);
  }
  for (const file of added.report.written) assert.notDeepEqual(after.get(file), before.get(file), `${file} written although unchanged`);
  assert.ok(added.report.unchanged.includes('pages/2021-08-18_A2/02.html'), 'an item page far from the new page is untouched');

  rmSync(path.join(seedsDir, B1));
  // No seed is segmented, and the headlines of the pages rendered were cut by the builds before (their clauses'
  // word boundaries are in the cache): jieba's dictionary is not loaded.
  const context = createBuildContext();
  const removed = await buildIncremental({ config, context });
  assert.equal(context.placesLoaded, false, 'no dictionary loaded');
  assert.deepEqual(removed.stats, { seeds: 2, processed: 0, cached: 2, placesUsed: false, rendered: 9, pagesOfSite: 42 });
  // The 9 files that stay and showed the removed page: the edition before it (its 下一期), the calendar, the home
  // page, the page and item after it (上一版 / 上一篇), the author and place indexes, and the two districts that keep
  // other articles. Its 7 authors and its other 5 places had only its items: their files are removed.
  assert.deepEqual(removed.renderedPaths, [
    'authors/index.html', 'editions/2021-08-18.html', 'editions/index.html', 'index.html',
    'pages/2021-08-18_A1/01.html', 'pages/2021-08-18_A1/index.html', 'places/320612.html', 'places/320613.html', 'places/index.html',
  ]);
  assert.ok(removed.report.removed.includes('pages/2021-08-19_A1/index.html'));
  assert.deepEqual(tree(config.outDir), before, 'the output is exactly the two-seed site again');
});

test('two fresh builds, and a cached rebuild, are byte-identical', async () => {
  const one = project([A1, A2, B1]);
  const two = project([A1, A2, B1]);
  await buildIncremental({ config: one.config });
  await buildIncremental({ config: two.config });
  const expected = tree(one.config.outDir);
  assert.deepEqual(tree(two.config.outDir), expected);
  // The same seeds again, output folder deleted: built from the cache, same bytes.
  rmSync(one.config.outDir, { recursive: true });
  const again = await buildIncremental({ config: one.config });
  assert.equal(again.stats?.processed, 0);
  assert.deepEqual(tree(one.config.outDir), expected);
});

test('URLs stay stable when a seed is added before the others and a typo is fixed in another', async () => {
  const { config, seedsDir } = project([A2, B1]);
  await buildIncremental({ config });
  const before = tree(config.outDir);
  const itemPages = [...before.keys()].filter((file) => /^pages\/.+\/\d\d\.html$/.test(file)).sort();
  assert.equal(itemPages.length, 6);

  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  const typo = readFileSync(path.join(seedsDir, B1), 'utf8');
  assert.ok(typo.includes('金沙街道'));
  writeFileSync(path.join(seedsDir, B1), typo.replace('金沙街道强化食品安全监管', '金沙街道加强食品安全监管'));
  const result = await buildIncremental({ config });
  assert.deepEqual(result.stats, { seeds: 3, processed: 2, cached: 1, placesUsed: true, rendered: 32, pagesOfSite: 59 });
  // The 32: the new page 2021-08-18_A1 (版) and its 3 items; the page and item after it in reading order (A2's page
  // and first item: 上一版 / 上一篇); the item with the fixed headline (2021-08-19_A1/03), the item before it (its
  // 下一篇 shows the headline) and their page; both editions (标题导航 lists the headlines) and the home page (the
  // calendar keeps its dates); the author index, and the authors and places (with the place index) of the new
  // page's items and of the fixed item. No file of A2's second item, of 2021-08-19_A1/01 or of the calendar.
  assert.deepEqual(result.renderedPaths, [
    'authors/index.html', 'authors/吴霜.html', 'authors/夏新明.html', 'authors/张海涛.html', 'authors/徐爱银.html', 'authors/曹丁丁.html', 'authors/李世芬.html',
    'authors/王铁荣.html', 'authors/邢董明.html', 'authors/陆争峰.html', 'authors/陈馨.html',
    'editions/2021-08-18.html', 'editions/2021-08-19.html', 'index.html',
    'pages/2021-08-18_A1/01.html', 'pages/2021-08-18_A1/02.html', 'pages/2021-08-18_A1/03.html', 'pages/2021-08-18_A1/index.html',
    'pages/2021-08-18_A2/01.html', 'pages/2021-08-18_A2/index.html',
    'pages/2021-08-19_A1/02.html', 'pages/2021-08-19_A1/03.html', 'pages/2021-08-19_A1/index.html',
    'places/320612.html', 'places/320612001.html', 'places/320613.html', 'places/320613010.html', 'places/320613019.html',
    'places/320682.html', 'places/320682108.html', 'places/320685.html', 'places/index.html',
  ]);
  const after = tree(config.outDir);
  // The headline's text (without the markup that says where its lines may break).
  const h1 = (html: Buffer | undefined): string => (/<h1[^>]*>(.*?)<\/h1>/s.exec(html?.toString('utf8') ?? '')?.[1] ?? '').replace(/<[^>]*>/g, '');
  const paragraphs = (html: Buffer | undefined): string[] => [...(html?.toString('utf8') ?? '').matchAll(/<p>(.*?)<\/p>/gs)].map((m) => m[1] ?? '');
  for (const file of itemPages) {
    assert.ok(after.has(file), `${file} still exists`);
    const expectedTitle = h1(before.get(file)).replace('金沙街道强化', '金沙街道加强');
    assert.equal(h1(after.get(file)), expectedTitle, `${file} has the same article`);
    assert.deepEqual(paragraphs(after.get(file)), paragraphs(before.get(file)), `${file} has the same paragraphs`);
  }
  assert.ok(itemPages.some((file) => h1(after.get(file)) === '金沙街道加强食品安全监管'), 'the typo fix is published');
});

test('a second build while one holds the output folder stops with a clear message', async () => {
  const { config } = project([A1]);
  const release = await lockOutput(config.outDir);
  try {
    await assert.rejects(buildIncremental({ config }), {
      name: 'OutputLockedError',
      message: `${config.outDir}: another build is writing this folder (lock ${path.relative(process.cwd(), path.join(path.dirname(config.outDir), '.dist.lock'))}, process ${process.pid}); wait for it to finish, or stop the other \`news-archive build\` or \`news-archive dev\``,
    });
  } finally {
    await release();
  }
  assert.equal((await buildIncremental({ config })).upToDate, false);
});
