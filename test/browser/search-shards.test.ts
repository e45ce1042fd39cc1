/**
 * Search loads its shards lazily, newest edition first (issue 15, item 13), and shows results as they come: the
 * fixture pages moved to three years (2019, 2020, 2021) plus the undated seed make four shards; the primary bundle
 * is the newest (2021, with Pagefind's runtime) and is searched alone first, then 2020, then 2019 and the undated
 * pages together (batches of 1, 2, 4… shards), and the count grows until it is exact.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { writeOutput } from '../../src/write.js';
import { root } from '../site/fixture-site.js';
import { tempDir } from '../temp-dir.js';
import { launchBrowser, openPage } from './inspect-page.js';
import { serveSite, type SiteServer } from './serve-site.js';

let server: SiteServer;
let browser: Browser;
let out: string;

before(async () => {
  const work = tempDir('news-archive-search-shards-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeFileSync(path.join(seedsDir, '000_b18dfdda09c05dd9.txt'), readFileSync(path.join(root, 'test/fixtures/seeds', '000_b18dfdda09c05dd9.txt')));
  const moved: Array<[string, string, string]> = [
    ['2021-08-19_A1.txt', '2021-08-19', '2019-08-19'],
    ['2021-08-19_A2.txt', '2021-08-19', '2020-08-19'],
    ['2021-08-18_A3.txt', '2021-08-18', '2021-08-18'],
  ];
  for (const [file, from, to] of moved) {
    const text = readFileSync(path.join(root, 'test/fixtures/site', file), 'utf8');
    writeFileSync(path.join(seedsDir, `${to}${file.slice(10)}`), text.replace(`date: ${from}`, `date: ${to}`));
  }
  out = path.join(work, 'dist');
  const result = await build({ config: { ...DEFAULT_CONFIG, seedsDir, outDir: out, cacheDir: path.join(work, 'cache') } });
  await writeOutput(out, result.files);
  server = await serveSite(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('shards load newest first and the count grows as each comes in, to the exact count', async () => {
  // Each shard with its pages: the primary bundle (2021) has 1, 2019 2, 2020 1, the undated seed 11.
  assert.equal(readFileSync(path.join(out, 'pagefind', 'shards.json'), 'utf8'), '{"primary":1,"shards":[["2019",2],["2020",1],["undated",11]]}\n');
  const { page, errors } = await openPage(browser, 1280);
  const entries: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/pagefind-entry.json')) entries.push(url.pathname);
  });
  await page.addInitScript(`window.__statuses = [];
    new MutationObserver(() => {
      const status = document.getElementById('search-status');
      const text = status ? status.textContent : '';
      if (text && window.__statuses.at(-1) !== text) window.__statuses.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });`);
  await page.goto(`${server.url}search.html?q=${encodeURIComponent('核酸检测')}`);
  await page.waitForFunction(() => document.getElementById('search-status')?.dataset.state === 'done');
  // The primary bundle (2021) first, then 2020, then 2019 and the pages without a date, each fetched once.
  assert.deepEqual(entries, ['/pagefind/pagefind-entry.json', '/pagefind/2020/pagefind-entry.json', '/pagefind/2019/pagefind-entry.json', '/pagefind/undated/pagefind-entry.json']);
  // 2019 and 2021 have no page with 核酸检测; 2020 has one; the undated seed two more.
  // The count grows as pages are checked (how often it is redrawn depends on timing), and ends exact.
  const statuses = (await page.evaluate('window.__statuses')) as string[];
  assert.equal(statuses[0], '正在搜索……');
  // The first shard with a hit has one; a slow machine may redraw only after the next shard's hits are in.
  assert.match(statuses[1] ?? '', /^“核酸检测”：已找到 [12] 篇，正在查找更早的版面……$/);
  assert.equal(statuses.at(-1), '“核酸检测”：找到 3 篇。');
  const counts = statuses.slice(1).map((text) => Number(/(\d+) 篇/.exec(text)?.[1]));
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b), statuses.join(' | '));
  assert.deepEqual(await page.$$eval('#search-results a.headline', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)), [
    '/pages/000_b18dfdda09c05dd9/08.html',
    '/pages/000_b18dfdda09c05dd9/05.html',
    '/pages/2020-08-19_A2/01.html',
  ]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the search page opened without a query starts Pagefind and the newest shard while idle, and a typed query is answered from them', async () => {
  const { page, errors } = await openPage(browser, 1280);
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pagefind/')) requests.push(url.pathname.replace(/_[0-9a-f]+\./, '_#.'));
  });
  const meta = page.waitForResponse((response) => /\/pagefind\/pagefind\.zh-cn_[0-9a-f]+\.pf_meta$/.test(new URL(response.url()).pathname));
  const wasm = page.waitForResponse((response) => new URL(response.url()).pathname === '/pagefind/wasm.unknown.pagefind');
  await page.goto(`${server.url}search.html`);
  // Idle, before any search: the runtime, the list of shards and the newest shard's entry and metadata, nothing else.
  await Promise.all([meta, wasm]);
  assert.equal(await page.textContent('#search-status'), '');
  assert.deepEqual([...requests].sort(), [
    '/pagefind/pagefind-entry.json',
    '/pagefind/pagefind-worker.js',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind.zh-cn_#.pf_meta',
    '/pagefind/shards.json',
    '/pagefind/wasm.unknown.pagefind',
  ]);
  await page.fill('#search-input', '核酸检测');
  await page.click('.search-form button');
  await page.waitForFunction(() => document.getElementById('search-status')?.dataset.state === 'done');
  assert.equal(await page.textContent('#search-status'), '“核酸检测”：找到 3 篇。');
  // Each file once: the typed query was answered by the Pagefind already started.
  assert.equal(requests.filter((file) => file === '/pagefind/pagefind-entry.json').length, 1);
  assert.equal(requests.filter((file) => file === '/pagefind/pagefind.js').length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});
