/**
 * Headlines break between words only (issue 15, item 1), measured in Chromium at 375 px: the line boxes of every
 * headline, kicker and subheadline of the seed's article pages and of its page view (版), and the words jieba
 * (with the gazetteer's dictionary) finds in them. Also the small breaks of item 9: no line of a kicker is only
 * its "——", no line starts with "·", and "订阅（Atom）" stays whole. And the openings of list items break between
 * words too (they read as running text: `三大课 / 堂` before).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createBuildContext } from '../../src/build-context.js';
import { openPage } from './inspect-page.js';
import { useFixtureSession } from './fixture-session.js';

const session = useFixtureSession();

let boundaries: ((text: string) => number[]) | null = null;

/** The word boundaries the build breaks headlines at: jieba with the gazetteer's dictionary (loaded once). */
function wordBoundaries(text: string): number[] {
  if (boundaries === null) {
    const { site } = session();
    boundaries = createBuildContext().places(site.config.homeRegion, site.config.cacheDir).tagger.jieba.wordBoundaries;
  }
  return boundaries(text);
}

/**
 * The lines each element matching `selector` is drawn in: its text (textContent, spaces included) split before each
 * character that starts a new line box (its top at or below the bottom of the line so far).
 */
async function drawnLines(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const lines: string[] = [];
      let line = '';
      let bottom = -Infinity;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (rect !== undefined && /\S/.test(text[i] as string)) {
            if (rect.top >= bottom - 1 && line.trim() !== '') {
              lines.push(line);
              line = '';
            }
            bottom = rect.top >= bottom - 1 ? rect.bottom : Math.max(bottom, rect.bottom);
          }
          line += text[i];
        }
      }
      if (line !== '') lines.push(line);
      return lines;
    }),
  );
}

/** The lines as a reader reads them: spaces at their ends dropped. */
const trimmed = (lines: readonly string[]): string[] => lines.map((line) => line.trim()).filter((line) => line !== '');

/**
 * The line breaks of `lines` (an element's text split) that fall inside a word of the whole text, as
 * `before / after`: a break next to a space is between words; any other must be a word boundary of jieba's.
 */
function breaksInsideWords(lines: readonly string[]): string[] {
  const text = lines.join('');
  const words = new Set(wordBoundaries(text));
  const bad: string[] = [];
  let at = 0;
  for (const line of lines.slice(0, -1)) {
    at += line.length;
    const nextToSpace = /\s/.test(text[at - 1] ?? '') || /\s/.test(text[at] ?? '');
    if (!nextToSpace && !words.has(at)) bad.push(`${text.slice(0, at)} / ${text.slice(at)}`);
  }
  return bad;
}

const seedItems = Array.from({ length: 11 }, (_, i) => `pages/000_b18dfdda09c05dd9/${String(i + 1).padStart(2, '0')}.html`);
const HEADLINES = 'article h1, article .kicker, article .subheadline';

for (const width of [375, 1280]) test(`at ${width} px no headline, kicker or subheadline of the seed breaks inside a word`, async () => {
  const { page, errors } = await openPage(session().browser, width);
  const seen: string[] = [];
  for (const path of [...seedItems, 'pages/000_b18dfdda09c05dd9/index.html', 'index.html']) {
    await page.goto(`${session().server.url}${path}`);
    const selector = path.endsWith('index.html') ? '.items .headline, .items .kicker, .items .subheadline, h1' : HEADLINES;
    for (const lines of await drawnLines(page, selector)) {
      const shown = trimmed(lines);
      seen.push(shown.join(' / '));
      assert.deepEqual(breaksInsideWords(lines), [], `${path}: ${shown.join(' / ')}`);
      for (const line of shown.slice(1)) assert.doesNotMatch(line, /^[，。、；：！？”’）》—…·]/u, `${path}: a line starts with a mark: ${shown.join(' / ')}`);
    }
  }
  assert.ok(seen.length > 40, `${seen.length} headlines measured`);
  if (width === 375) assert.ok(seen.some((lines) => lines.includes(' / ')), 'some headlines take two lines');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const width of [375, 1280]) test(`at ${width} px no opening in a list of items breaks inside a word`, async () => {
  const { page, errors } = await openPage(session().browser, width);
  const seen: string[] = [];
  for (const path of ['pages/000_b18dfdda09c05dd9/index.html', 'index.html', 'pages/2021-08-19_A2/index.html']) {
    await page.goto(`${session().server.url}${path}`);
    for (const lines of await drawnLines(page, '.items .opening')) {
      const shown = trimmed(lines);
      seen.push(shown.join(' / '));
      assert.deepEqual(breaksInsideWords(lines), [], `${path}: ${shown.join(' / ')}`);
      for (const line of shown.slice(1)) assert.doesNotMatch(line, /^[，。、；：！？”’）》—…·]/u, `${path}: a line starts with a mark: ${shown.join(' / ')}`);
    }
  }
  assert.ok(seen.length > 15, `${seen.length} openings measured`);
  // The example (`…等三大课 / 堂…` before); words jieba does not know (三|大, 好|了) stay whole too.
  if (width === 375) {
    assert.ok(seen.includes('今年以来，海门区悦来镇始终坚持把党史学习教育与 / 总结经验、指导实践、推动工作结合起来，创新打造 / “固定课堂”“流动课堂”“实践课堂”等三大 / 课堂…'), seen.join('\n'));
    assert.ok(seen.filter((lines) => lines.includes(' / ')).length > 10, 'openings take several lines');
  }
  for (const lines of seen) assert.ok(!/三 \/ 大|好 \/ 了/.test(lines), lines);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 375 px the excerpts of search results break between words only (the browser\'s word segmenter)', async () => {
  const { page, errors } = await openPage(session().browser, 375);
  const seen: string[] = [];
  for (const query of ['核酸检测', '志愿者', '张芝山镇']) {
    await page.goto(`${session().server.url}search.html?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.getElementById('search-status')?.dataset.state === 'done');
    const excerpts = await drawnLines(page, '#search-results .opening');
    assert.ok(excerpts.length > 0, query);
    for (const lines of excerpts) {
      const text = lines.join('');
      // Chromium's own word boundaries (ICU), as the search page finds them.
      const words = new Set(await page.evaluate((t) => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(t)].map((s) => s.index).concat(t.length), text));
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        const nextToSpace = /\s/.test(text[at - 1] ?? '') || /\s/.test(text[at] ?? '');
        assert.ok(nextToSpace || words.has(at), `${query}: ${text.slice(0, at)} / ${text.slice(at)}`);
      }
      const shown = trimmed(lines);
      for (const line of shown.slice(1)) assert.doesNotMatch(line, /^[，。、；：！？”’）》—…·]/u, `${query}: a line starts with a mark: ${shown.join(' / ')}`);
      seen.push(shown.join(' / '));
    }
  }
  assert.ok(seen.filter((lines) => lines.includes(' / ')).length >= 5, seen.join('\n'));
  assert.ok(seen.includes('…至16日张芝山镇接种疫苗人次达49802人，全镇 / 人员均完成核酸检测。疫情防控依靠的不是一类人， / 而且所有人。7月29日，张芝山镇通过微信公众号发布 / “志愿者招募令”。…'), seen.join('\n'));
  // A one-character word stays with the word before it (`网格 / 员`, `扫 / 码` with the segmenter's words alone).
  for (const lines of seen) assert.ok(!/网格 \/ 员|扫 \/ 码/.test(lines), lines);
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 375 px the search status, while it grows, breaks at its commas and not inside 更早', async () => {
  const { page } = await openPage(session().browser, 375);
  await page.goto(`${session().server.url}search.html`);
  await page.$eval('#search-status', (status) => {
    status.textContent = '“张芝山镇”：已找到 78 篇，显示前 30 篇，正在查找更早的版面……';
  });
  assert.deepEqual(trimmed((await drawnLines(page, '#search-status'))[0] ?? []), ['“张芝山镇”：已找到 78 篇，显示前 30 篇，', '正在查找更早的版面……']);
  await page.close();
});

test('at 375 px the seed\'s couplet headlines break at their space, and long ones between words', async () => {
  const { page } = await openPage(session().browser, 375);
  const lines = async (path: string): Promise<string[]> => {
    await page.goto(`${session().server.url}${path}`);
    return trimmed((await drawnLines(page, 'article h1'))[0] ?? []);
  };
  // The examples of the issue: "党建引领 筑牢基 / 层防控铜墙铁壁" and "积极行动 凝聚 / 起抗疫强大合力" before.
  assert.deepEqual(await lines('pages/000_b18dfdda09c05dd9/01.html'), ['积极行动', '凝聚起抗疫强大合力']);
  assert.deepEqual(await lines('pages/000_b18dfdda09c05dd9/07.html'), ['党建引领', '筑牢基层防控铜墙铁壁']);
  assert.deepEqual(await lines('pages/000_b18dfdda09c05dd9/03.html'), ['延伸监督触角', '筑牢拒腐防线']);
  // The kicker's dash stays with its last word.
  await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/01.html`);
  const kicker = trimmed((await drawnLines(page, 'article .kicker'))[0] ?? []);
  assert.equal(kicker.join(''), '崇川区人大机关全员下沉社区，参与疫情防控——');
  for (const line of kicker) assert.notEqual(line.replace(/—/g, ''), '', `a line of dashes alone: ${kicker.join(' / ')}`);
  // The photo item's title in the page view: whole words, cut at one.
  await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/index.html`);
  const photo = (await drawnLines(page, '.items a.headline[href="06.html"]'))[0] ?? [];
  assert.equal(photo.join(''), '图片：昨天，市民在位于崇川经济开发区的铺港河河道公园…');
  assert.deepEqual(breaksInsideWords(photo), []);
  await page.close();
});

test('at 375 px the meta line never starts with "·" and the feed link is one piece', async () => {
  const { page } = await openPage(session().browser, 375);
  await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/01.html`);
  for (const line of trimmed((await drawnLines(page, '.story-meta'))[0] ?? [])) assert.doesNotMatch(line, /^·/u, line);
  const foot = trimmed((await drawnLines(page, '.site-footer p'))[0] ?? []);
  assert.ok(foot.some((line) => line.includes('订阅（Atom）')), foot.join(' / '));
  await page.close();
});

test('at 375 px the names under a list item never break inside a name', async () => {
  const { page, errors } = await openPage(session().browser, 375);
  const seen: string[] = [];
  // A place's list shows each item's page and names on one meta line, which takes two lines at 375 px.
  await page.goto(`${session().server.url}places/index.html`);
  const places = (await page.$$eval('a', (links) => links.map((a) => (a as HTMLAnchorElement).href))).filter((href) => /\/places\/\d+\.html$/.test(href)).slice(0, 6);
  for (const url of ['pages/000_b18dfdda09c05dd9/index.html', 'index.html', ...places]) {
    const path = url.startsWith('http') ? new URL(url).pathname.slice(1) : url;
    await page.goto(`${session().server.url}${path}`);
    for (const lines of await drawnLines(page, '.items .meta')) {
      seen.push(trimmed(lines).join(' / '));
      // Every break falls at a space: the line before ends with one, or the line after starts with one.
      for (let k = 1; k < lines.length; k++) assert.ok(/\s$/u.test(lines[k - 1] as string) || /^\s/u.test(lines[k] as string), `${path}: ${trimmed(lines).join(' / ')}`);
    }
  }
  assert.ok(seen.filter((lines) => lines.includes(' / ')).length >= 3, `${places.length} places; ${seen.join('\n')}`);
  assert.deepEqual(errors, []);
  await page.close();
});
