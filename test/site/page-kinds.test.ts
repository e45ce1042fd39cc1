/**
 * A page's dependencies come from its data: every file of the site is planned by its page kind (src/site/pages/)
 * with the plain data its view reads, renders from that data alone, and its hash changes exactly when that data
 * does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build, regionNote } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { loadGazetteer } from '../../src/places/index.js';
import { createMarkdownRenderer } from '../../src/render/markdown-to-html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { articleHash, PAGE_KINDS, planSite, sameViewData, viewHash, type RenderContext } from '../../src/site/render-site.js';
import { buildSiteModel } from '../../src/site/site-model.js';
import { EVERY_CHARACTER } from '../../src/site/line-breaks.js';
import { makeWords } from '../../src/site/pages/shared.js';
import type { TaggedArticle } from '../../src/types.js';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempDir('news-archive-kinds-');
mkdirSync(path.join(work, 'seeds'));
for (const name of readdirSync(path.join(root, 'test/fixtures/site'))) copyFileSync(path.join(root, 'test/fixtures/site', name), path.join(work, 'seeds', name));
const config = { ...DEFAULT_CONFIG, search: false, seedsDir: path.join(work, 'seeds'), outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') };
const built = await build({ config });
const gazetteer = loadGazetteer({ homeRegion: config.homeRegion });
const context: RenderContext = {
  config,
  templates: loadTemplates(),
  markdown: createMarkdownRenderer(),
  placeIndex: new Map([...gazetteer.byCode].map(([code, p]) => [code, { code: p.code, name: p.name, level: p.level, districtCode: p.districtCode }])),
  regionNote: regionNote(gazetteer),
};

/** Hash of every unit of the site planned from `articles`, by path. */
function hashes(articles: readonly TaggedArticle[]): Map<string, string> {
  const units = planSite(buildSiteModel(built.pages, articles), context);
  return new Map(units.map((unit) => [unit.path, viewHash('render-key', unit, new WeakMap())]));
}

/** The paths whose hash differs between two plans. */
function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

test('every file renders from its data alone: plain JSON, and a copy of it renders the same bytes', () => {
  const units = planSite(buildSiteModel(built.pages, built.articles), context);
  const kinds = new Map(PAGE_KINDS.map((kind) => [kind.name, kind]));
  const view = { config, words: makeWords(EVERY_CHARACTER), markdown: context.markdown };
  assert.deepEqual([...new Set(units.map((unit) => unit.kind))].sort(), ['about', 'article', 'asset', 'author', 'authors', 'edition', 'editions', 'home', 'markdown', 'not-found', 'page', 'place', 'places']);
  for (const unit of units) {
    const copy: unknown = JSON.parse(JSON.stringify(unit.data ?? null));
    assert.deepEqual(copy, unit.data ?? null, `${unit.path}: its data is plain JSON`);
    const kind = kinds.get(unit.kind);
    assert.ok(kind, unit.kind);
    assert.equal(kind.render(copy as never, unit.path, view, context.templates), kind.render(unit.data as never, unit.path, view, context.templates), unit.path);
  }
  // A file whose view breaks no headline between words (see line-breaks.ts) renders as the build wrote it.
  const about = units.find((unit) => unit.path === 'about.html');
  assert.equal(about?.render(), built.files.find((file) => file.path === 'about.html')?.content);
});

test('an edit of a text no list shows changes the hash of its item page and its Markdown export only', () => {
  const before = hashes(built.articles);
  const target = built.articles.find((a) => a.seed === 'seeds/2021-08-19_A1.txt' && a.index === 0) as TaggedArticle;
  const last = target.body.findLastIndex((part) => part.type === 'paragraph');
  assert.ok(last > 0, 'the item has a paragraph after its first');
  const body = target.body.map((part, i) => (i === last ? { ...part, text: `${part.text}（补记）` } : part));
  const after = hashes(built.articles.map((a) => (a === target ? { ...a, body } : a)));
  assert.deepEqual(changed(before, after), ['data/markdown/2021-08-19_A1/01.md', 'pages/2021-08-19_A1/01.html']);
});

test('an edit of a headline changes the hash of every file that shows it, and of no other', () => {
  const before = hashes(built.articles);
  const target = built.articles.find((a) => a.seed === 'seeds/2021-08-19_A2.txt' && a.index === 0) as TaggedArticle;
  const after = hashes(built.articles.map((a) => (a === target ? { ...a, headline: `${a.headline}（更正）` } : a)));
  // Its page and export; its neighbours in reading order, whose pagers show its title (the last item of
  // 2021-08-19_A1 before it, the first of the older edition after it); the page (版), edition and home page that
  // list it; the lists of its two authors and of the district and town it is tagged with.
  assert.deepEqual(changed(before, after), [
    'authors/郁经纬.html',
    'authors/陈静.html',
    'data/markdown/2021-08-19_A2/01.md',
    'editions/2021-08-19.html',
    'index.html',
    'pages/2021-08-18_A3/01.html',
    'pages/2021-08-19_A1/02.html',
    'pages/2021-08-19_A2/01.html',
    'pages/2021-08-19_A2/index.html',
    'places/320614.html',
    'places/320614104.html',
  ]);
});

/** Hash of every unit planned from `articles` with each article's hash given (as a build gives its page entries' hashes). */
function hashesByArticle(articles: readonly TaggedArticle[]): Map<string, string> {
  const articleHashes = new Map(articles.map((article) => [article, articleHash(article)]));
  // The plan records the shared objects' hashes in the memo that hashing the units then reads, as a build does.
  const memo = new WeakMap<object, string>();
  const units = planSite(buildSiteModel(built.pages, articles), { ...context, articleHashes }, memo);
  return new Map(units.map((unit) => [unit.path, viewHash('render-key', unit, memo)]));
}

test("with each article's hash given, an item's text is hashed by it and an edit changes the hashes of the same files", () => {
  const before = hashesByArticle(built.articles);
  // A text no list shows: its page and its export only, as without the articles' hashes.
  const target = built.articles.find((a) => a.seed === 'seeds/2021-08-19_A1.txt' && a.index === 0) as TaggedArticle;
  const last = target.body.findLastIndex((part) => part.type === 'paragraph');
  const body = target.body.map((part, i) => (i === last ? { ...part, text: `${part.text}（补记）` } : part));
  const edited = built.articles.map((a) => (a === target ? { ...a, body } : a));
  assert.deepEqual(changed(before, hashesByArticle(edited)), ['data/markdown/2021-08-19_A1/01.md', 'pages/2021-08-19_A1/01.html']);
  assert.deepEqual(changed(before, hashesByArticle(edited)), changed(hashes(built.articles), hashes(edited)));
  // A headline: every file that shows it, the same files as without the articles' hashes.
  const titled = built.articles.find((a) => a.seed === 'seeds/2021-08-19_A2.txt' && a.index === 0) as TaggedArticle;
  const retitled = built.articles.map((a) => (a === titled ? { ...a, headline: `${a.headline}（更正）` } : a));
  const files = changed(before, hashesByArticle(retitled));
  assert.equal(files.length, 11);
  assert.deepEqual(files, changed(hashes(built.articles), hashes(retitled)));
  // The hashes themselves differ from those of serialised texts (the text stands for its article's hash).
  assert.notEqual(before.get('pages/2021-08-19_A1/01.html'), hashes(built.articles).get('pages/2021-08-19_A1/01.html'));
  assert.equal(before.get('about.html'), hashes(built.articles).get('about.html'));
});

test('sameViewData: the same plain values, whatever the order of keys; arrays in order', () => {
  const shared = { path: 'pages/a/01.html', title: '标题' };
  assert.equal(sameViewData({ a: 1, b: [shared, null] }, { a: 1, b: [shared, null] }), true);
  assert.equal(sameViewData({ a: 1, b: { c: '文' } }, { b: { c: '文' }, a: 1 }), true);
  assert.equal(sameViewData({ a: 1 }, { a: 1, b: null }), false);
  assert.equal(sameViewData({ a: 1, b: null }, { a: 1 }), false);
  assert.equal(sameViewData([1, 2], [2, 1]), false);
  assert.equal(sameViewData([1, 2], [1, 2, 3]), false);
  assert.equal(sameViewData({ 0: 1 }, [1]), false);
  assert.equal(sameViewData({ a: { b: { c: 'x' } } }, { a: { b: { c: 'y' } } }), false);
  assert.equal(sameViewData(null, {}), false);
  assert.equal(sameViewData('1', 1), false);
  assert.equal(sameViewData(null, null), true);
});
