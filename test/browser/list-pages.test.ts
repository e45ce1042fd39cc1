/**
 * A reader pages through a district's articles in real Chromium at 375 px and 1280 px (the 163-edition archive
 * of test/site/list-archive.ts, served on 127.0.0.1): page 1 → 较旧 → 最后一页 → 第一页, with the page
 * navigation on one row at 1280 px and its position line above the links at 375 px, no sideways scrolling and no
 * serious or critical axe-core violations. Screenshots go to test-output/browser/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { buildListArchive } from '../site/list-archive.js';
import { inspect, launchBrowser, openPage } from './inspect-page.js';
import { serveSite, type SiteServer } from './serve-site.js';

let server: SiteServer;
let browser: Browser;

before(async () => {
  const archive = await buildListArchive();
  server = await serveSite(archive.out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The vertical centres (px) of the pager's position line and of each of its links. */
async function pagerCentres(page: Page): Promise<{ position: number; links: number[] }> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const [position, ...links] = await page.$eval('.list-pager', (nav) =>
    [nav.querySelector('.position') as Element, ...nav.querySelectorAll('a')].map((element) => (element.getBoundingClientRect().top + element.getBoundingClientRect().bottom) / 2),
  );
  return { position: position as number, links };
}

/** Whether the pager's links sit on the position line's row (at 1280 px) or all below it (at 375 px). */
async function assertPagerLayout(page: Page, width: number): Promise<void> {
  const { position, links } = await pagerCentres(page);
  assert.ok(links.length > 0);
  const [first] = links as [number];
  if (width >= 480) assert.ok(links.every((y) => Math.abs(y - position) < 2), `one row at ${width}px: ${position} vs ${links.join(', ')}`);
  else assert.ok(links.every((y) => y - position > 15 && Math.abs(y - first) < 2), `the links in one row below the position at ${width}px: ${position} vs ${links.join(', ')}`);
}

for (const width of [375, 1280]) {
  test(`a reader at ${width}px pages through a district's articles`, async () => {
    const { page, errors } = await openPage(browser, width);
    await page.goto(`${server.url}places/320614.html`);
    assert.equal(await page.textContent('h1'), '海门区');
    assert.equal(await page.textContent('.place-towns'), '悦来镇 163 篇');
    assert.equal(await page.locator('.items > li').count(), 63);
    assert.equal(await page.textContent('.list-pager .position'), '第 1 页 / 共 3 页');
    await assertPagerLayout(page, width);
    await inspect(page, 'district-list-1', width);

    await page.click('.list-pager a[rel="next"]');
    // (The click starts the navigation; measure once the next page's stylesheet has loaded, on a busy machine too.)
    await page.waitForLoadState('load');
    // 第 2 页 is the newer of the two archived blocks of 50: slot 3 (see site/render-site.ts paginate).
    assert.equal(new URL(page.url()).pathname, '/places/320614_3.html');
    assert.equal(await page.title(), '海门区（第 2 页） - 地方报纸数字档案');
    assert.deepEqual(await page.$$eval('.breadcrumbs li', (items) => items.map((li) => li.textContent)), ['首页', '地区', '海门区', '第 2 页']);
    assert.equal(await page.locator('.items > li').count(), 50);
    assert.deepEqual(await page.$$eval('.list-pager a', (links) => links.map((a) => a.textContent)), ['较新', '较旧']);
    await assertPagerLayout(page, width);
    await inspect(page, 'district-list-2', width);

    await page.click('.list-pager a[rel="next"]');
    // (The click starts the navigation; measure once the next page's stylesheet has loaded, on a busy machine too.)
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, '/places/320614_2.html');
    assert.equal(await page.locator('.items > li').count(), 50);
    assert.deepEqual(await page.$$eval('.list-pager a', (links) => links.map((a) => a.textContent)), ['第一页', '较新']);
    await assertPagerLayout(page, width);
    await inspect(page, 'district-list-3', width);
    await page.click('.list-pager a:has-text("第一页")');
    assert.equal(new URL(page.url()).pathname, '/places/320614.html');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
