/**
 * Place and author pages list their articles newest first: the place's or author's own page holds the newest
 * (50 to 99), then archived blocks of LIST_PAGE_SIZE counted from the oldest, each at `…_{slot}.html` for good,
 * with 较新/较旧, 第一页/最后一页 and "第 k 页 / 共 K 页" below the list. Built from 163 one-article editions
 * (test/site/list-archive.ts): 海门区, 悦来镇, 郁经纬 and 陈静 have 63 + 50 + 50 items.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBuildSession } from '../../src/build.js';
import { buildIncremental } from '../../src/build-incremental.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { listFileTree } from '../../src/list-file-tree.js';
import { LIST_PAGE_SIZE, listSlot, paginate } from '../../src/site/render-site.js';
import { routes } from '../../src/site/routes.js';
import { tempDir } from '../temp-dir.js';
import { unbreak } from './plain-html.js';
import { buildListArchive, LIST_ARCHIVE_EDITIONS, listArchiveDate, writeListArchiveSeed, writeListArchiveSeeds } from './list-archive.js';

const archive = await buildListArchive();
const main = (file: string): string => {
  const html = unbreak(archive.read(file));
  return html.slice(html.indexOf('<main id="main">'), html.indexOf('</main>'));
};
/** The item links of a list page, as `YYYY-MM-DD` of their edition (every edition has one item, `01.html`). */
const itemDates = (file: string): string[] =>
  [...main(file).matchAll(/<a class="headline" href="\.\.\/pages\/([\d-]+)_A2\/01\.html">/g)].map((m) => m[1] as string);
const pagerOf = (file: string): string => /<nav class="list-pager"[\s\S]*?<\/nav>/.exec(main(file))?.[0] ?? '';
const crumbsOf = (file: string): string => /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(main(file))?.[0] ?? '';
const countOf = (file: string): string => /<p class="count">.*<\/p>/.exec(main(file))?.[0] ?? '';
const titleOf = (file: string): string => /<title>(.*)<\/title>/.exec(archive.read(file))?.[1] ?? '';
/** Dates of editions i … j − 1 (0-based, oldest first), newest first. */
const datesNewestFirst = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, k) => listArchiveDate(to - 1 - k));

test('LIST_PAGE_SIZE is 50; paginate keeps every full block of 50 but the newest for good, counted from the oldest', () => {
  assert.equal(LIST_PAGE_SIZE, 50);
  // Items newest first: 0 is the newest.
  const numbers = Array.from({ length: 163 }, (_, i) => i);
  const pages = (list: number[]): number[][] => paginate(list).map((page) => [page.number, page.total, page.slot, page.items.length, page.items[0] ?? -1]);
  assert.deepEqual(pages(numbers), [
    [1, 3, 1, 63, 0],
    [2, 3, 3, 50, 63],
    [3, 3, 2, 50, 113],
  ]);
  // One more item changes only the list's own page: the blocks keep their items and slots.
  assert.deepEqual(pages([-1, ...numbers]), [
    [1, 3, 1, 64, -1],
    [2, 3, 3, 50, 63],
    [3, 3, 2, 50, 113],
  ]);
  assert.deepEqual(pages(numbers.slice(0, 99)), [[1, 1, 1, 99, 0]]);
  assert.deepEqual(pages(numbers.slice(0, 100)), [[1, 2, 1, 50, 0], [2, 2, 2, 50, 50]]);
  assert.deepEqual(pages([]), [[1, 1, 1, 0, -1]], 'an empty list is one empty page');
  assert.deepEqual([1, 2, 3].map((k) => listSlot(k, 3)), [1, 3, 2]);
  assert.throws(() => paginate(numbers, 0), RangeError);
});

test('page 1 of a list keeps the place or author URL; page k is …_k.html in the same folder', () => {
  assert.equal(routes.placeListPage('320614', 1), 'places/320614.html');
  assert.equal(routes.placeListPage('320614', 2), 'places/320614_2.html');
  assert.equal(routes.placeListPage('320614104', 12), 'places/320614104_12.html');
  assert.equal(routes.authorListPage('陈静', 1), 'authors/陈静.html');
  assert.equal(routes.authorListPage('陈静', 3), 'authors/陈静_3.html');
  assert.equal(routes.authorListPage('a/b', 2), 'authors/a_b_2.html');
  assert.throws(() => routes.placeListPage('320614', 0), RangeError);
  assert.throws(() => routes.authorListPage('陈静', 1.5), RangeError);
});

test('each place and author with 163 items has exactly three list pages, and the sitemap lists them', () => {
  const lists = archive.result.files.map((f) => f.path).filter((p) => /^(places|authors)\//.test(p));
  assert.deepEqual(lists, [
    'authors/index.html',
    'authors/郁经纬.html',
    'authors/郁经纬_2.html',
    'authors/郁经纬_3.html',
    'authors/陈静.html',
    'authors/陈静_2.html',
    'authors/陈静_3.html',
    'places/320614.html',
    'places/320614104.html',
    'places/320614104_2.html',
    'places/320614104_3.html',
    'places/320614_2.html',
    'places/320614_3.html',
    'places/index.html',
  ]);
  const urls = [...archive.read('sitemap.xml').matchAll(/<loc>([^<]*(?:places|authors)\/[^<]*)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(urls, [
    'http://localhost:8080/authors/index.html',
    'http://localhost:8080/authors/%E9%83%81%E7%BB%8F%E7%BA%AC.html',
    'http://localhost:8080/authors/%E9%83%81%E7%BB%8F%E7%BA%AC_2.html',
    'http://localhost:8080/authors/%E9%83%81%E7%BB%8F%E7%BA%AC_3.html',
    'http://localhost:8080/authors/%E9%99%88%E9%9D%99.html',
    'http://localhost:8080/authors/%E9%99%88%E9%9D%99_2.html',
    'http://localhost:8080/authors/%E9%99%88%E9%9D%99_3.html',
    'http://localhost:8080/places/320614.html',
    'http://localhost:8080/places/320614104.html',
    'http://localhost:8080/places/320614104_2.html',
    'http://localhost:8080/places/320614104_3.html',
    'http://localhost:8080/places/320614_2.html',
    'http://localhost:8080/places/320614_3.html',
    'http://localhost:8080/places/index.html',
  ]);
});

test('district page 1: its towns with counts, then its 63 newest items and the way to pages 2 and 3', () => {
  const file = 'places/320614.html';
  assert.equal(titleOf(file), '海门区 - 地方报纸数字档案');
  assert.equal(crumbsOf(file), '<nav class="breadcrumbs" aria-label="位置"><ol><li><a href="../index.html">首页</a></li><li><a href="index.html">地区</a></li><li><span aria-current="page">海门区</span></li></ol></nav>');
  assert.equal(countOf(file), '<p class="count">163 篇 · 第 1 / 3 页</p>');
  assert.ok(main(file).includes('<h2>下辖镇街</h2>\n<ul class="place-towns"><li><a href="320614104.html">悦来镇</a> <span class="count">163 篇</span></li></ul>\n<h2>相关文章</h2>\n<ul class="items">'));
  assert.deepEqual(itemDates(file), datesNewestFirst(100, LIST_ARCHIVE_EDITIONS));
  assert.equal(itemDates(file)[0], '2021-06-12');
  assert.equal(
    pagerOf(file),
    '<nav class="list-pager" aria-label="分页">\n<span class="newer"></span>\n<span class="position">第 1 页 / 共 3 页</span>\n' +
      '<span class="older"><a rel="next" href="320614_3.html">较旧</a> <a href="320614_2.html">最后一页</a></span>\n</nav>',
  );
});

test('district page 2 (slot 3, the newer block): title and breadcrumbs name the page, no town list, the next 50 items, 较新 and 较旧', () => {
  const file = 'places/320614_3.html';
  assert.equal(titleOf(file), '海门区（第 2 页） - 地方报纸数字档案');
  assert.equal(
    crumbsOf(file),
    '<nav class="breadcrumbs" aria-label="位置"><ol><li><a href="../index.html">首页</a></li><li><a href="index.html">地区</a></li><li><a href="320614.html">海门区</a></li><li><span aria-current="page">第 2 页</span></li></ol></nav>',
  );
  // No total on an archived block: it would change with every new item.
  assert.equal(countOf(file), '<p class="count">第 2 / 3 页</p>');
  assert.equal(main(file).includes('下辖镇街'), false, 'the towns are on page 1 only');
  assert.deepEqual(itemDates(file), datesNewestFirst(50, 100));
  assert.equal(
    pagerOf(file),
    '<nav class="list-pager" aria-label="分页">\n<span class="newer"><a rel="prev" href="320614.html">较新</a></span>\n<span class="position">第 2 页 / 共 3 页</span>\n' +
      '<span class="older"><a rel="next" href="320614_2.html">较旧</a></span>\n</nav>',
  );
});

test('the last district page (slot 2) holds the 50 oldest items, oldest last, and links back to 第一页', () => {
  const file = 'places/320614_2.html';
  assert.equal(titleOf(file), '海门区（第 3 页） - 地方报纸数字档案');
  assert.deepEqual(itemDates(file), datesNewestFirst(0, 50));
  assert.equal(itemDates(file).at(-1), '2021-01-01');
  assert.equal(
    pagerOf(file),
    '<nav class="list-pager" aria-label="分页">\n<span class="newer"><a href="320614.html">第一页</a> <a rel="prev" href="320614_3.html">较新</a></span>\n' +
      '<span class="position">第 3 页 / 共 3 页</span>\n<span class="older"></span>\n</nav>',
  );
});

test('town pages are paginated the same way and keep the link to their district', () => {
  // A list of many editions says when and where each item ran.
  assert.ok(main('places/320614104.html').includes('<a class="headline" href="../pages/2021-06-12_A2/01.html">让党史学习教育更生动鲜活</a>\n\n<span class="meta">2021年6月12日 A2版 区县新闻 · 郁经纬 陈静</span>'));
  assert.equal(countOf('places/320614104.html'), '<p class="count">163 篇 · 第 1 / 3 页 · 属 <a href="320614.html">海门区</a></p>');
  assert.equal(countOf('places/320614104_3.html'), '<p class="count">第 2 / 3 页 · 属 <a href="320614.html">海门区</a></p>');
  assert.equal(titleOf('places/320614104_3.html'), '悦来镇（第 2 页） - 地方报纸数字档案');
  assert.equal(
    crumbsOf('places/320614104_3.html'),
    '<nav class="breadcrumbs" aria-label="位置"><ol><li><a href="../index.html">首页</a></li><li><a href="index.html">地区</a></li><li><a href="320614.html">海门区</a></li><li><a href="320614104.html">悦来镇</a></li><li><span aria-current="page">第 2 页</span></li></ol></nav>',
  );
  assert.deepEqual([1, 2, 3].map((slot) => itemDates(routes.placeListPage('320614104', slot)).length), [63, 50, 50]);
  assert.deepEqual(itemDates('places/320614104_3.html'), itemDates('places/320614_3.html'));
});

test('author pages: paged like places, each item with its date and 版, the page number in title and breadcrumbs', () => {
  const first = 'authors/陈静.html';
  assert.equal(titleOf(first), '陈静 - 地方报纸数字档案');
  assert.equal(countOf(first), '<p class="count">163 篇 · 第 1 / 3 页</p>');
  assert.equal(itemDates(first).length, 63);
  assert.ok(main(first).includes('<a class="headline" href="../pages/2021-06-12_A2/01.html">让党史学习教育更生动鲜活</a>\n\n<span class="meta">2021年6月12日 A2版 区县新闻 · 郁经纬 陈静</span>'));
  assert.equal(
    pagerOf(first),
    '<nav class="list-pager" aria-label="分页">\n<span class="newer"></span>\n<span class="position">第 1 页 / 共 3 页</span>\n' +
      '<span class="older"><a rel="next" href="%E9%99%88%E9%9D%99_3.html">较旧</a> <a href="%E9%99%88%E9%9D%99_2.html">最后一页</a></span>\n</nav>',
  );
  const second = 'authors/陈静_3.html';
  assert.equal(titleOf(second), '陈静（第 2 页） - 地方报纸数字档案');
  assert.equal(
    crumbsOf(second),
    '<nav class="breadcrumbs" aria-label="位置"><ol><li><a href="../index.html">首页</a></li><li><a href="index.html">作者</a></li><li><a href="%E9%99%88%E9%9D%99.html">陈静</a></li><li><span aria-current="page">第 2 页</span></li></ol></nav>',
  );
  assert.deepEqual(itemDates(second), datesNewestFirst(50, 100));
  assert.deepEqual(itemDates('authors/陈静_2.html'), datesNewestFirst(0, 50));
  // The authors index still lists each author once, with the whole count.
  assert.ok(main('authors/index.html').includes('<li><a class="headline" href="%E9%99%88%E9%9D%99.html">陈静</a> <span class="count">163 篇</span></li>'));
});

test('a list of one page has no pager and no page number', async () => {
  const work = tempDir('news-archive-short-list-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeListArchiveSeeds(seedsDir);
  // Keep the 99 newest editions: fewer than two blocks, so all on one page.
  for (let i = 0; i < LIST_ARCHIVE_EDITIONS - 99; i++) unlinkSync(path.join(seedsDir, `${listArchiveDate(i)}_A2.txt`));
  const config: Config = { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') };
  await buildIncremental({ config });
  const district = readFileSync(path.join(config.outDir, 'places', '320614.html'), 'utf8');
  assert.ok(district.includes('<p class="count">99 篇</p>'));
  assert.equal([...district.matchAll(/class="headline"/g)].length, 99);
  assert.equal(district.includes('list-pager'), false);
  assert.deepEqual(listFileTree(path.join(config.outDir, 'places')), ['320614.html', '320614104.html', 'index.html']);
});

test('under dev, a headline edit re-renders only the list pages that show the item; a shorter list loses its last page', async () => {
  const work = tempDir('news-archive-list-session-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeListArchiveSeeds(seedsDir);
  const config: Config = { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') };
  const session = createBuildSession();
  await buildIncremental({ config, session });

  // 2021-02-01 is the 32nd edition: in the oldest block (slot 2) of every list.
  const seed = path.join(seedsDir, '2021-02-01_A2.txt');
  writeFileSync(seed, readFileSync(seed, 'utf8').replace('让党史学习教育更生动鲜活', '让党史学习教育更加生动鲜活'));
  const edited = await buildIncremental({ config, session });
  // The item, its two neighbours (上一篇/下一篇 show its title), its page (版), its edition (标题导航), and page 2 of
  // 海门区, 悦来镇, 郁经纬 and 陈静: 9 files. The other pages of each list, the home page (not among the 7 newest
  // editions) stay.
  assert.equal(edited.stats?.rendered, 9);
  assert.deepEqual(edited.report.written.filter((file) => /^(places|authors)\//.test(file)), [
    'authors/郁经纬_2.html',
    'authors/陈静_2.html',
    'places/320614104_2.html',
    'places/320614_2.html',
  ]);
  assert.ok(unbreak(readFileSync(path.join(config.outDir, 'places', '320614_2.html'), 'utf8')).includes('<a class="headline" href="../pages/2021-02-01_A2/01.html">让党史学习教育更加生动鲜活</a>'));
  await edited.updateDeferred?.();

  // Remove the oldest edition: 162 items, still three pages, but every block moves up by one item.
  unlinkSync(path.join(seedsDir, `${listArchiveDate(0)}_A2.txt`));
  const oneLess = await buildIncremental({ config, session });
  assert.deepEqual(oneLess.report.written.filter((file) => /^places\/320614(_\d+)?\.html$/.test(file)), ['places/320614.html', 'places/320614_2.html', 'places/320614_3.html']);
  assert.ok(readFileSync(path.join(config.outDir, 'places', '320614.html'), 'utf8').includes('<p class="count">162 篇 · 第 1 / 3 页</p>'));
  assert.ok(readFileSync(path.join(config.outDir, 'authors', '陈静.html'), 'utf8').includes('<p class="count">162 篇 · 第 1 / 3 页</p>'));
  await oneLess.updateDeferred?.();

  // Remove the next 29: 133 items, two pages (83 and one block of 50); the newer blocks (slot 3) go.
  for (let i = 1; i < 30; i++) unlinkSync(path.join(seedsDir, `${listArchiveDate(i)}_A2.txt`));
  const shorter = await buildIncremental({ config, session });
  assert.deepEqual(shorter.report.removed.filter((file) => /^(places|authors)\//.test(file)), [
    'authors/郁经纬_3.html',
    'authors/陈静_3.html',
    'places/320614104_3.html',
    'places/320614_3.html',
  ]);
  const page2 = readFileSync(path.join(config.outDir, 'places', '320614_2.html'), 'utf8');
  assert.ok(page2.includes('<p class="count">第 2 / 2 页</p>'));
  assert.equal([...page2.matchAll(/class="headline"/g)].length, 50);
  await shorter.updateDeferred?.();

  // A new edition: each list's own page shows it, the indexes their new counts; the archived blocks stay as they are.
  writeListArchiveSeed(seedsDir, LIST_ARCHIVE_EDITIONS);
  const added = await buildIncremental({ config, session });
  assert.deepEqual(added.report.written.filter((file) => /^(places|authors)\//.test(file)), [
    'authors/index.html',
    'authors/郁经纬.html',
    'authors/陈静.html',
    'places/320614.html',
    'places/320614104.html',
    'places/index.html',
  ]);
  assert.ok(readFileSync(path.join(config.outDir, 'places', '320614.html'), 'utf8').includes('<p class="count">134 篇 · 第 1 / 2 页</p>'));
  await added.updateDeferred?.();
  // The session's output equals a fresh build of the same seeds.
  const fresh = { ...config, outDir: path.join(work, 'fresh'), cacheDir: path.join(work, 'fresh-cache') };
  await buildIncremental({ config: fresh });
  const files = listFileTree(config.outDir);
  assert.deepEqual(files, listFileTree(fresh.outDir));
  const differing = files.filter((file) => !readFileSync(path.join(config.outDir, file)).equals(readFileSync(path.join(fresh.outDir, file))));
  assert.deepEqual(differing, []);
});

test('an author whose name ends like a list page (·陈静_2·) or is "index" gets a page of their own, apart from 陈静 page 2', async () => {
  assert.equal(routes.author('陈静_2'), 'authors/陈静_2_.html');
  assert.equal(routes.author('index'), 'authors/index_.html');
  assert.equal(routes.authorListPage('陈静', 2), 'authors/陈静_2.html');
  const work = tempDir('news-archive-author-clash-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeListArchiveSeeds(seedsDir);
  const odd = path.join(seedsDir, `${listArchiveDate(LIST_ARCHIVE_EDITIONS)}_A2.txt`);
  writeListArchiveSeed(seedsDir, LIST_ARCHIVE_EDITIONS);
  writeFileSync(odd, readFileSync(odd, 'utf8').replace('·郁经纬 陈静·', '·陈静_2 index·'));
  const config: Config = { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') };
  await buildIncremental({ config });
  const read = (file: string): string => unbreak(readFileSync(path.join(config.outDir, ...file.split('/')), 'utf8'));
  assert.ok(read('authors/陈静_2_.html').includes('<h1 class="page-title">陈静_2</h1>\n<p class="count">1 篇</p>'));
  assert.ok(read('authors/index_.html').includes('<h1 class="page-title">index</h1>\n<p class="count">1 篇</p>'));
  assert.ok(read('authors/陈静_2.html').includes('<p class="count">第 3 / 3 页</p>'));
  assert.ok(read('authors/index.html').includes('<a class="headline" href="%E9%99%88%E9%9D%99_2_.html">陈静_2</a> <span class="count">1 篇</span>'));
});
