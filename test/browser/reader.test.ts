/**
 * A reader in real Chromium (/usr/bin/chromium, driven by playwright-core): the seed plus the fixture pages
 * with front matter, served on 127.0.0.1. Home → edition → page → article → its town's place page; search
 * for 张芝山镇 and open the hit; at 375 px and 1280 px, with no horizontal scrolling and no serious or critical
 * axe-core violations. Screenshots go to test-output/browser/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { inspect, openPage, SHOTS_DIR } from './inspect-page.js';
import { useFixtureSession } from './fixture-session.js';

const session = useFixtureSession();

const newPage = (width: number): Promise<{ page: Page; errors: string[] }> => openPage(session().browser, width);

async function searchFor(page: Page, query: string): Promise<Array<{ href: string; title: string; excerpt: string }>> {
  await page.fill('#search-input', query);
  await page.click('.search-form button');
  // Results come shard by shard; the status says `done` when every shard is searched.
  await page.waitForFunction(() => document.getElementById('search-status')?.dataset.state === 'done');
  return page.$$eval('#search-results li', (items) =>
    items.map((li) => ({
      href: new URL(li.querySelector('a')?.href ?? '').pathname,
      title: li.querySelector('a')?.textContent ?? '',
      excerpt: li.querySelector('.opening')?.textContent ?? '',
    })),
  );
}

for (const width of [375, 1280]) {
  test(`a reader at ${width}px goes home → edition → page → article → town, and searches 张芝山镇`, async () => {
    const { page, errors } = await newPage(width);
    await page.goto(session().server.url);
    assert.equal(await page.textContent('h1'), '往期回顾');
    await inspect(page, 'home', width);

    await page.click('text=南通日报 2021年8月19日');
    assert.equal(new URL(page.url()).pathname, '/editions/2021-08-19.html');
    await inspect(page, 'edition', width);

    await page.click('.page-block h3 a:has-text("A1版 要闻")');
    assert.equal(new URL(page.url()).pathname, '/pages/2021-08-19_A1/index.html');
    assert.equal(await page.textContent('h1'), 'A1版 要闻');
    await inspect(page, 'page', width);

    await page.click('a.headline:has-text("延伸监督触角 筑牢拒腐防线")');
    assert.equal(new URL(page.url()).pathname, '/pages/2021-08-19_A1/02.html');
    assert.equal(await page.textContent('article h1'), '延伸监督触角 筑牢拒腐防线');
    assert.deepEqual(await page.$$eval('.breadcrumbs li', (items) => items.map((li) => li.textContent)), ['首页', '南通日报 2021年8月19日', 'A1版 要闻', '延伸监督触角 筑牢拒腐防线']);
    // Kicker and subheadline are visibly smaller than the headline.
    const sizes = await page.$eval('article header', (header) => ['.kicker', 'h1'].map((s) => parseFloat(getComputedStyle(header.querySelector(s) as Element).fontSize)));
    assert.ok((sizes[0] as number) < (sizes[1] as number) * 0.75, `kicker ${sizes[0]}px vs headline ${sizes[1]}px`);
    await inspect(page, 'article', width);

    await page.click('.places a:has-text("九华镇")');
    assert.equal(new URL(page.url()).pathname, '/places/320682108.html');
    assert.equal(await page.textContent('h1'), '九华镇');
    assert.ok(await page.isVisible('a.headline:has-text("延伸监督触角 筑牢拒腐防线")'));
    await inspect(page, 'place', width);

    await page.click('.site-nav a:has-text("搜索")');
    const hits = await searchFor(page, '张芝山镇');
    assert.deepEqual(hits.map((hit) => `${hit.href} ${hit.title}`), ['/pages/000_b18dfdda09c05dd9/08.html 拧成一股绳 打赢防疫阻击战']);
    assert.ok(hits[0]?.excerpt.includes('张芝山镇'), 'the excerpt shows the match');
    // The excerpt is of the text after the headline (the kicker 苏锡通园区张芝山镇 is above it), the query marked.
    assert.deepEqual(await page.$eval('#search-results li', (li) => [...li.querySelectorAll('mark')].map((m) => m.textContent)), ['张芝山镇']);
    assert.equal(await page.textContent('#search-status'), '“张芝山镇”：找到 1 篇。');
    assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent('张芝山镇')}`);
    await inspect(page, 'search', width);
    await page.click('#search-results a');
    assert.equal(await page.textContent('article h1'), '拧成一股绳 打赢防疫阻击战');

    await page.goto(`${session().server.url}editions/index.html`);
    await inspect(page, 'calendar', width);
    await page.goto(`${session().server.url}authors/index.html`);
    assert.deepEqual(await page.$$eval('.letter-index a', (links) => links.map((a) => a.textContent)), ['C', 'D', 'G', 'H', 'K', 'L', 'R', 'W', 'X', 'Y', 'Z']);
    await inspect(page, 'authors', width);
    await page.click('.site-footer a:has-text("关于本站")');
    assert.equal(await page.textContent('h1'), '关于本站');
    await inspect(page, 'about', width);
    await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/06.html`);
    await inspect(page, 'photo', width);
    await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/index.html`);
    await inspect(page, 'page-undated', width);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('search lists only pages that contain the query, with an exact count, headline and phrase hits first', async () => {
  const { page, errors } = await newPage(1280);
  await page.goto(`${session().server.url}search.html`);
  const top = async (query: string): Promise<string[]> => (await searchFor(page, query)).map((hit) => `${hit.href} ${hit.excerpt.includes(query.split(' ')[0] as string) ? 'shows' : 'hides'}`);
  const count = async (): Promise<string> => (await page.textContent('#search-status')) ?? '';
  // 01 has 核酸监测 and 体温检测 but not 核酸检测: Pagefind offers it, the page leaves it out and does not count it.
  assert.deepEqual(await top('核酸检测'), ['/pages/000_b18dfdda09c05dd9/08.html shows', '/pages/000_b18dfdda09c05dd9/05.html shows', '/pages/2021-08-19_A2/01.html shows']);
  assert.equal(await count(), '“核酸检测”：找到 3 篇。');
  // 陈馨's article only: 07 has 陈 (陈可) and 馨 (菊馨社) apart.
  assert.deepEqual(await top('陈馨'), ['/pages/000_b18dfdda09c05dd9/01.html shows']);
  assert.equal(await count(), '“陈馨”：找到 1 篇。');
  // The headline hit before the page that has the phrase in its text (07's excerpt is its opening: the headline
  // itself is the link).
  assert.deepEqual(await top('党建引领'), ['/pages/000_b18dfdda09c05dd9/07.html hides', '/pages/000_b18dfdda09c05dd9/09.html shows']);
  // Half-width punctuation as extracted finds the full-width text the site shows.
  assert.deepEqual((await top('近日,如皋市')).map((hit) => hit.split(' ')[0]).sort(), ['/pages/000_b18dfdda09c05dd9/03.html', '/pages/2021-08-19_A1/02.html']);
  assert.equal(await count(), '“近日,如皋市”：找到 2 篇。');
  // Several words: pages with every one of them.
  assert.deepEqual((await top('核酸 志愿者')).map((hit) => hit.split(' ')[0]).sort(), ['/pages/000_b18dfdda09c05dd9/01.html', '/pages/000_b18dfdda09c05dd9/08.html']);
  const volunteers = await searchFor(page, '志愿者');
  assert.deepEqual(volunteers.map((hit) => hit.href).sort(), [
    '/pages/000_b18dfdda09c05dd9/01.html',
    '/pages/000_b18dfdda09c05dd9/04.html',
    '/pages/000_b18dfdda09c05dd9/07.html',
    '/pages/000_b18dfdda09c05dd9/08.html',
    '/pages/000_b18dfdda09c05dd9/10.html',
    '/pages/000_b18dfdda09c05dd9/11.html',
    '/pages/2021-08-18_A3/01.html',
  ]);
  assert.equal(await count(), '“志愿者”：找到 7 篇。');
  for (const hit of volunteers) assert.ok(hit.excerpt.includes('志愿者'), `${hit.href}: ${hit.excerpt}`);
  // An excerpt across two paragraphs reads as Chinese text, with no space after the 。 (before: `个人。 防疫`).
  assert.deepEqual((await searchFor(page, '细化到个人')).map((hit) => hit.excerpt), [
    '…细化到个人。防疫事关全局，方方面面都要考虑到。普通志愿者虽然甘于奉献，但囿于工作、能力等原因，无法做到时时待命、事事到位。…',
  ]);
  assert.deepEqual(await searchFor(page, '火星探测器'), []);
  assert.equal(await count(), '没有找到与“火星探测器”相关的文章。');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the search page opened from disk tells the reader, in a reader\'s words, instead of doing nothing', async () => {
  const { page } = await newPage(375);
  await page.goto(pathToFileURL(path.join(session().site.out, 'search.html')).href);
  assert.equal(
    await page.textContent('#search-status'),
    '这是保存在本地的网页，浏览器不允许在这里使用全文搜索，请在网站上搜索。也可以按日期、地区或作者浏览。',
  );
  await page.close();
});

test('feed.xml and sitemap.xml parse as XML in the browser', async () => {
  const { page } = await newPage(1280);
  await page.goto(session().server.url);
  // A string, not a function: tsx would wrap a nested named function in a helper the page does not have.
  const parsed = await page.evaluate(`Promise.all([['feed.xml', 'entry'], ['sitemap.xml', 'url']].map(async ([file, tag]) => {
    const doc = new DOMParser().parseFromString(await (await fetch(file)).text(), 'application/xml');
    return [doc.documentElement.nodeName, doc.getElementsByTagName('parsererror').length, doc.getElementsByTagName(tag).length];
  }))`);
  const pages = session().site.result.files.filter((f) => f.path.endsWith('.html') && f.path !== '404.html' && f.path !== 'search.html').length;
  // 4 entries: the dated items (of the fixtures; the seed is undated), fewer than feedSize (50).
  assert.deepEqual(parsed, [['feed', 0, 4], ['urlset', 0, pages]]);
  await page.close();
});

test('an unknown address gets the 404 page, styled, with working links', async () => {
  const { page } = await newPage(375);
  const response = await page.goto(`${session().server.url}pages/nope/99.html`);
  assert.equal(response?.status(), 404);
  assert.equal(await page.textContent('h1'), '找不到这个页面');
  assert.equal(await page.$eval('.masthead', (el) => getComputedStyle(el).borderBottomStyle), 'double');
  await inspect(page, '404', 375);
  await page.click('main a:has-text("回到往期回顾")');
  assert.equal(await page.textContent('h1'), '往期回顾');
  await page.close();
});

test('the print stylesheet hides navigation and keeps the article and its citation', async () => {
  const { page } = await newPage(1280);
  await page.goto(`${session().server.url}pages/2021-08-19_A1/01.html`);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() =>
    ['.site-nav', '.breadcrumbs', '.pager', '.site-footer', 'article h1', '.citation'].map((s) => getComputedStyle(document.querySelector(s) as Element).display !== 'none'),
  );
  assert.deepEqual(shown, [false, false, false, false, true, true]);
  // The citation's link text is the permalink: printed once.
  assert.equal(await page.$eval('.citation a', (a) => getComputedStyle(a, '::after').content), 'none');
  await page.screenshot({ path: path.join(SHOTS_DIR, 'article-print.png'), fullPage: true });
  await page.close();
});
