/**
 * feed.xml, sitemap.xml and the search index: encoded URLs, no clock, XML-safe text, same bytes every build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { renderFeed, xmlSafe } from '../../src/site/render-feed.js';
import { renderSearchIndex, scratchRoot } from '../../src/search/search-index.js';
import { buildSiteModel } from '../../src/site/site-model.js';
import { sitemapFiles } from '../../src/site/render-extras.js';
import type { SeedPage, TaggedArticle } from '../../src/types.js';
import { buildFixtureSite } from './fixture-site.js';

const site = await buildFixtureSite({ baseUrl: 'https://example.org/archive/', feedSize: 3 });
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] as string);

test('the feed carries the feedSize newest items, dated by their edition, never the clock', () => {
  const feed = site.read('feed.xml');
  assert.match(feed, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.deepEqual([...feed.matchAll(/<id>([^<]*)<\/id>/g)].map((m) => m[1]), [
    'https://example.org/archive/',
    'https://example.org/archive/pages/2021-08-19_A1/01.html',
    'https://example.org/archive/pages/2021-08-19_A1/02.html',
    'https://example.org/archive/pages/2021-08-19_A2/01.html',
  ]);
  assert.deepEqual([...new Set([...feed.matchAll(/<updated>([^<]*)<\/updated>/g)].map((m) => m[1]))], ['2021-08-18T16:00:00.000Z']);
  assert.ok(feed.includes('<link rel="self" href="https://example.org/archive/feed.xml"/>'));
  assert.ok(feed.includes('<uri>https://example.org/archive/authors/%E5%BC%A0%E6%B5%B7%E6%B6%9B.html</uri>'));
  assert.ok(!feed.includes(String(new Date().getUTCFullYear())), 'no build year in the feed');
});

test('the feed lists dated items only, in edition order, each with its own edition date', async () => {
  const all = await buildFixtureSite({ baseUrl: 'https://example.org/archive/' });
  const feed = all.read('feed.xml');
  const entries = [...feed.matchAll(/<entry>[\s\S]*?<id>([^<]*)<\/id>[\s\S]*?<updated>([^<]*)<\/updated>[\s\S]*?<\/entry>/g)].map((m) => `${m[1]?.replace('https://example.org/archive/', '')} ${m[2]}`);
  // The seed has no date: its 11 items are on the site but not in the feed (no entry claims a date it lacks).
  assert.deepEqual(entries, [
    'pages/2021-08-19_A1/01.html 2021-08-18T16:00:00.000Z',
    'pages/2021-08-19_A1/02.html 2021-08-18T16:00:00.000Z',
    'pages/2021-08-19_A2/01.html 2021-08-18T16:00:00.000Z',
    'pages/2021-08-18_A3/01.html 2021-08-17T16:00:00.000Z',
  ]);
  assert.deepEqual([...feed.matchAll(/<published>([^<]*)<\/published>/g)].map((m) => m[1]), [
    '2021-08-18T16:00:00.000Z',
    '2021-08-18T16:00:00.000Z',
    '2021-08-18T16:00:00.000Z',
    '2021-08-17T16:00:00.000Z',
  ]);
  assert.ok(!feed.includes('1970'), 'no epoch date');
  // The feed's own date is the newest edition's.
  assert.equal(/<feed[^>]*>[\s\S]*?<updated>([^<]*)<\/updated>/.exec(feed)?.[1], '2021-08-18T16:00:00.000Z');
});

const page: SeedPage = { file: 'seeds/x.txt', name: 'x', text: '', firstLine: 1, meta: { paper: null, date: null, page: null, pageName: null } };
const nasty: TaggedArticle = {
  seed: 'seeds/x.txt',
  index: 0,
  kind: 'article',
  kicker: null,
  headline: 'A\u0001B\u000bC]]>D<&\ufffe\ud800E',
  subheadline: null,
  body: [{ type: 'paragraph', text: '正文\u0008结束]]><script>', lines: [1, 1] }],
  bylines: ['陈\u001f馨'],
  photoCredit: null,
  continued: false,
  sourceLines: [1, 1],
  places: { districts: [], towns: [] },
};

test('xmlSafe removes what XML 1.0 forbids and keeps tab, newline, CJK and astral characters', () => {
  assert.equal(xmlSafe('a\u0000b\u0008c\td\ne\u000bf\u001fg\ufffeh\uffffi\ud800j\udc00k𠀀l中'), 'abc\td\nefghijk𠀀l中');
});

test('a feed of text with control characters, "]]>" and "<&" has none of them raw', () => {
  const xml = renderFeed(buildSiteModel([{ ...page, meta: { ...page.meta, date: '2021-08-18' } }], [nasty]), DEFAULT_CONFIG);
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u);
  assert.doesNotMatch(xml, /[\ud800-\udfff]/u);
  assert.ok(xml.includes('<title type="html"><![CDATA[ABC]]&gt;D&lt;&amp;E]]></title>'));
  assert.ok(xml.includes('<content type="html"><![CDATA[<p>正文结束]]&gt;&lt;script&gt;</p>]]></content>'));
  assert.ok(xml.includes('<name>陈馨</name>'));
  assert.deepEqual([...new Set([...xml.matchAll(/<updated>([^<]*)<\/updated>/g)].map((m) => m[1]))], ['2021-08-17T16:00:00.000Z']);
});

test('a site with no dated page has an empty feed dated by the epoch, not the clock', () => {
  const xml = renderFeed(buildSiteModel([page], [nasty]), DEFAULT_CONFIG);
  assert.equal(xml.match(/<entry>/g), null);
  assert.deepEqual([...xml.matchAll(/<updated>([^<]*)<\/updated>/g)].map((m) => m[1]), ['1970-01-01T00:00:00.000Z']);
});

test('the sitemap lists every page but 404 and search, each URL encoded once, as the pages link it', () => {
  const xml = site.read('sitemap.xml');
  const urls = locs(xml);
  const pages = site.result.files.filter((f) => f.path.endsWith('.html') && f.path !== '404.html' && f.path !== 'search.html');
  assert.equal(urls.length, pages.length);
  assert.ok(urls.includes('https://example.org/archive/authors/%E9%99%88%E9%A6%A8.html'), '陈馨 encoded once');
  assert.ok(urls.includes('https://example.org/archive/'), 'the home page as the base URL');
  assert.ok(!xml.includes('%25'), 'nothing encoded twice');
  assert.doesNotMatch(xml, /[\u3400-\u9fff]/u, 'no raw Chinese in URLs');
  // Every author link on the authors page, resolved against the page's own URL, is in the sitemap.
  const authorsPage = site.read('authors/index.html');
  const links = [...authorsPage.matchAll(/<a class="headline" href="([^"]*)">/g)].map((m) => new URL(m[1] as string, 'https://example.org/archive/authors/index.html').href);
  assert.equal(links.length, site.result.files.filter((f) => /^authors\/.+\.html$/.test(f.path) && f.path !== 'authors/index.html').length);
  for (const link of links) assert.ok(urls.includes(link), link);
  // Dated pages carry their edition date; undated ones nothing; no other date.
  assert.ok(xml.includes('<url><loc>https://example.org/archive/pages/2021-08-19_A1/01.html</loc><lastmod>2021-08-19</lastmod></url>'));
  assert.ok(xml.includes('<url><loc>https://example.org/archive/pages/000_b18dfdda09c05dd9/01.html</loc></url>'));
  assert.deepEqual([...new Set([...xml.matchAll(/<lastmod>([^<]*)<\/lastmod>/g)].map((m) => m[1]))].sort(), ['2021-08-18', '2021-08-19']);
});

test('a site of more URLs than one sitemap may list gets a sitemap index of one file an edition year, undated pages and the rest', async () => {
  const entries = [
    { path: 'about.html', lastmod: null },
    { path: 'authors/陈馨.html', lastmod: null },
    { path: 'editions/2020-01-02.html', lastmod: '2020-01-02' },
    { path: 'editions/2021-08-18.html', lastmod: '2021-08-18' },
    { path: 'index.html', lastmod: null },
    { path: 'pages/000_b1/01.html', lastmod: null },
    { path: 'pages/2020-01-02_A1/01.html', lastmod: '2020-01-02' },
    { path: 'pages/2021-08-18_A1/01.html', lastmod: '2021-08-18' },
    { path: 'pages/2021-08-18_A1/index.html', lastmod: '2021-08-18' },
    { path: 'pages/2021-08-19_A1/index.html', lastmod: '2021-08-19' },
  ];
  const config = { ...DEFAULT_CONFIG, baseUrl: 'https://example.org/archive/' };
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const urlset = (...urls: string[]): string => `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`;
  const url = (path: string, lastmod?: string): string => `<url><loc>https://example.org/archive/${path}</loc>${lastmod === undefined ? '' : `<lastmod>${lastmod}</lastmod>`}</url>`;
  const part = (name: string, lastmod?: string): string => `<sitemap><loc>https://example.org/archive/sitemaps/${name}.xml</loc>${lastmod === undefined ? '' : `<lastmod>${lastmod}</lastmod>`}</sitemap>`;
  // Up to the limit: one sitemap.xml, as for any site of fewer than 50,000 pages.
  const small = await sitemapFiles(entries, config, 10);
  assert.deepEqual(small.map((f) => f.path), ['sitemap.xml']);
  assert.equal(small[0]?.content, urlset(...entries.map((e) => url(e.path === 'index.html' ? '' : e.path.replace('陈馨', '%E9%99%88%E9%A6%A8'), e.lastmod ?? undefined))));
  // Over it (3 here; 50,000 in a build): an index, and 2021's four URLs in two parts of at most 3.
  const files = await sitemapFiles(entries, config, 3);
  assert.deepEqual(
    files.map((f) => [f.path, f.content]),
    [
      ['sitemap.xml', `${head}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${part('2020', '2020-01-02')}${part('2021-1', '2021-08-18')}${part('2021-2', '2021-08-19')}${part('site')}${part('undated')}</sitemapindex>\n`],
      ['sitemaps/2020.xml', urlset(url('editions/2020-01-02.html', '2020-01-02'), url('pages/2020-01-02_A1/01.html', '2020-01-02'))],
      ['sitemaps/2021-1.xml', urlset(url('editions/2021-08-18.html', '2021-08-18'), url('pages/2021-08-18_A1/01.html', '2021-08-18'), url('pages/2021-08-18_A1/index.html', '2021-08-18'))],
      ['sitemaps/2021-2.xml', urlset(url('pages/2021-08-19_A1/index.html', '2021-08-19'))],
      ['sitemaps/site.xml', urlset(url('about.html'), url('authors/%E9%99%88%E9%A6%A8.html'), url(''))],
      ['sitemaps/undated.xml', urlset(url('pages/000_b1/01.html'))],
    ],
  );
});

test('a part of a large sitemap is kept, not rendered, when the last build made it from the same entries', async () => {
  const entries = [
    { path: 'about.html', lastmod: null },
    { path: 'editions/2020-01-02.html', lastmod: '2020-01-02' },
    { path: 'pages/2020-01-02_A1/01.html', lastmod: '2020-01-02' },
    { path: 'pages/2021-08-18_A1/01.html', lastmod: '2021-08-18' },
  ];
  const config = { ...DEFAULT_CONFIG, baseUrl: 'https://example.org/archive/' };
  const asked: string[] = [];
  const first = await sitemapFiles(entries, config, 3, async (file) => (asked.push(file), false));
  // Every part is asked about and rendered; the index (sitemap.xml) is always rendered and has no key.
  assert.deepEqual(asked, ['sitemaps/2020.xml', 'sitemaps/2021.xml', 'sitemaps/site.xml']);
  assert.deepEqual(first.map((f) => [f.path, f.content === null, typeof f.key]), [
    ['sitemap.xml', false, 'undefined'],
    ['sitemaps/2020.xml', false, 'string'],
    ['sitemaps/2021.xml', false, 'string'],
    ['sitemaps/site.xml', false, 'string'],
  ]);
  const keyOf = (files: typeof first, file: string): string | undefined => files.find((f) => f.path === file)?.key;
  // Without a keep, the same files and bytes, and no keys.
  const plain = await sitemapFiles(entries, config, 3);
  assert.deepEqual(plain.map((f) => [f.path, f.content, f.key]), first.map((f) => [f.path, f.content, undefined]));
  // A newer page of 2021: 2020's part has the same key and is kept; 2021's has another and is rendered.
  const added = [...entries, { path: 'pages/2021-08-19_A1/01.html', lastmod: '2021-08-19' }];
  const known = new Map(first.map((f) => [f.path, f.key]));
  const second = await sitemapFiles(added, config, 3, async (file, key) => known.get(file) === key);
  assert.deepEqual(second.map((f) => [f.path, f.content === null]), [
    ['sitemap.xml', false],
    ['sitemaps/2020.xml', true],
    ['sitemaps/2021.xml', false],
    ['sitemaps/site.xml', true],
  ]);
  assert.equal(keyOf(second, 'sitemaps/2020.xml'), keyOf(first, 'sitemaps/2020.xml'));
  assert.notEqual(keyOf(second, 'sitemaps/2021.xml'), keyOf(first, 'sitemaps/2021.xml'));
  assert.match(second.find((f) => f.path === 'sitemaps/2021.xml')?.content ?? '', /2021-08-19_A1\/01\.html/);
  // Another base URL gives every part another key.
  const moved = await sitemapFiles(entries, { ...config, baseUrl: 'https://example.org/other/' }, 3, async () => false);
  for (const file of ['sitemaps/2020.xml', 'sitemaps/2021.xml', 'sitemaps/site.xml']) assert.notEqual(keyOf(moved, file), keyOf(first, file), file);
});

test('the search index covers the article pages only, a shard a day of the newest month, and is byte-identical when built again', async () => {
  const index = site.result.files.filter((f) => f.path.startsWith('pagefind/'));
  const names = index.map((f) => f.path.replace(/_[0-9a-f]+\./, '_#.'));
  // The fixtures are of two days of August 2021, the newest month: a shard each, the newest day's (2021-08-19) the
  // primary bundle, with Pagefind's runtime; the seed is undated (merged).
  assert.deepEqual([...new Set(names)], [
    'pagefind/2021-08-18/fragment/zh-cn_#.pf_fragment',
    'pagefind/2021-08-18/index/zh-cn_#.pf_index',
    'pagefind/2021-08-18/pagefind-entry.json',
    'pagefind/2021-08-18/pagefind.zh-cn_#.pf_meta',
    'pagefind/fragment/zh-cn_#.pf_fragment',
    'pagefind/index/zh-cn_#.pf_index',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind.js',
    'pagefind/pagefind.zh-cn_#.pf_meta',
    'pagefind/shards.json',
    'pagefind/undated/fragment/zh-cn_#.pf_fragment',
    'pagefind/undated/index/zh-cn_#.pf_index',
    'pagefind/undated/pagefind-entry.json',
    'pagefind/undated/pagefind.zh-cn_#.pf_meta',
    'pagefind/wasm.unknown.pagefind',
  ]);
  // The shards merged in the browser, with the pages of each (2021-08-18's 1, the seed's 11 items) and of the
  // primary bundle (2021-08-19's 3).
  assert.equal(site.read('pagefind/shards.json'), '{"primary":3,"shards":[["2021-08-18",1],["undated",11]]}\n');
  const articles = site.result.files.filter((f) => /^pages\/.+\/\d\d\.html$/.test(f.path));
  const undated = articles.filter((f) => f.path.startsWith('pages/000_')).length;
  const earlier = articles.filter((f) => f.path.startsWith('pages/2021-08-18_')).length;
  assert.equal(index.filter((f) => /^pagefind\/(?:undated\/|2021-08-18\/)?fragment\//.test(f.path)).length, articles.length);
  const pageCount = (file: string): number | undefined =>
    (JSON.parse(site.read(file)) as { languages: Record<string, { page_count: number }> }).languages['zh-cn']?.page_count;
  assert.equal(pageCount('pagefind/pagefind-entry.json'), articles.length - undated - earlier);
  assert.equal(pageCount('pagefind/2021-08-18/pagefind-entry.json'), earlier);
  assert.equal(pageCount('pagefind/undated/pagefind-entry.json'), undated);
  const digest = (files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): string[] =>
    files.map((f) => `${f.path} ${createHash('sha256').update(f.content).digest('hex')}`);
  const html = site.result.files.filter((f) => !f.path.startsWith('pagefind/'));
  const shardOf = (path: string): string => (path.startsWith('pages/000_') ? 'undated' : path.startsWith('pages/2021-08-18_') ? '2021-08-18' : '2021-08-19');
  assert.deepEqual(digest(await renderSearchIndex(html, { shardOf })), digest(index));
  // Offered in another order, the pages give the same index.
  assert.deepEqual(digest(await renderSearchIndex([...html].reverse(), { shardOf })), digest(index));
});

test("Pagefind's runtime, as written out, waits for its WebAssembly and index in 5 ms steps, not 50 ms ones", () => {
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js']) {
    const text = site.read(file);
    assert.equal(text.split('await asyncSleep(5)').length - 1, 2, file);
    assert.equal(text.split('asyncSleep(50)').length - 1, 0, file);
    assert.ok(text.startsWith('const pagefind_version="1.6.0";'), file);
  }
});

test('a shard whose indexed text is unchanged comes from the store, not from Pagefind', async () => {
  const html = site.result.files.filter((f) => !f.path.startsWith('pagefind/'));
  const shardOf = (path: string): string => (path.startsWith('pages/000_') ? 'undated' : '2021');
  const kept = new Map<string, readonly { path: string; content: string | Uint8Array }[]>();
  const calls: string[] = [];
  const store = {
    get: async (key: string) => {
      calls.push(`get ${kept.has(key) ? 'hit' : 'miss'}`);
      return (kept.get(key) as never) ?? null;
    },
    put: async (key: string, files: readonly { path: string; content: string | Uint8Array }[]) => {
      calls.push('put');
      kept.set(key, files);
    },
  };
  const first = await renderSearchIndex(html, { shardOf, store });
  // Shards are looked up as they complete and indexed one at a time: two misses, two puts.
  assert.deepEqual(calls.sort(), ['get miss', 'get miss', 'put', 'put']);
  calls.length = 0;
  // A pager link outside the searchable article changes nothing the index reads.
  const touched = html.map((f) => (f.path === 'pages/000_b18dfdda09c05dd9/02.html' ? { ...f, content: String(f.content).replace('上一篇', '上一篇文章') } : f));
  const second = await renderSearchIndex(touched, { shardOf, store });
  assert.deepEqual(calls, ['get hit', 'get hit']);
  assert.deepEqual(second, first);
});

test('the store is asked for one shard at a time, so a site of many shards never opens all their files at once', async () => {
  const html = site.result.files.filter((f) => !f.path.startsWith('pagefind/'));
  // One shard per article page: many shards closed at once by index().
  const shardOf = (path: string): string => path.replace(/\.html$/, '').replace(/[^A-Za-z0-9]+/g, '-');
  let running = 0;
  let most = 0;
  const kept = new Map<string, readonly { path: string; content: string | Uint8Array }[]>();
  const store = {
    get: async (key: string) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return (kept.get(key) as never) ?? null;
    },
    put: async (key: string, files: readonly { path: string; content: string | Uint8Array }[]) => void kept.set(key, files),
  };
  const first = await renderSearchIndex(html, { shardOf, store });
  const second = await renderSearchIndex(html, { shardOf, store });
  assert.ok(kept.size > 10, `${kept.size} shards`);
  assert.equal(most, 1);
  assert.ok(second.some((file) => file.path === 'pagefind/shards.json'));
  // More shards than Pagefind lanes: every one indexed, each of exactly its one page.
  const entries = first.filter((file) => file.path.endsWith('/pagefind-entry.json'));
  assert.equal(entries.length, kept.size);
  const counts = entries.map((file) => (JSON.parse(Buffer.from(file.content).toString('utf8')) as { languages: Record<string, { page_count: number }> }).languages['zh-cn']?.page_count);
  assert.deepEqual(new Set(counts), new Set([1]));
  // Every shard but the primary listed, each with its one page.
  const listed = JSON.parse(String(first.find((file) => file.path === 'pagefind/shards.json')?.content)) as { primary: number; shards: Array<[string, number]> };
  assert.equal(listed.primary, 1);
  assert.equal(listed.shards.length, kept.size - 1);
  assert.deepEqual(new Set(listed.shards.map(([, pages]) => pages)), new Set([1]));
});

test('search documents wait in the memory-backed folder when it can be written, else in the system temporary folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-archive-scratch-'));
  try {
    assert.equal(scratchRoot(dir), dir);
    assert.equal(scratchRoot(path.join(dir, 'missing')), os.tmpdir());
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    assert.equal(scratchRoot(file), os.tmpdir());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
