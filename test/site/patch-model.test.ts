/**
 * A model patched after an edit of a page (site-model.ts patchSiteModel, what a `dev` session's rebuild makes) is
 * the model made whole from the same pages and articles, and keeps every unchanged page's own object; pages added,
 * removed or moved by their front matter are refused (null: the whole model is made).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { buildSiteModel, lastSiteModel, patchSiteModel, type ItemMemo } from '../../src/site/site-model.js';
import type { TaggedArticle } from '../../src/types.js';
import { segmentedSeeds } from './segmented-seeds.js';

const root = path.resolve(import.meta.dirname, '../..');

const segmented = (): ReturnType<typeof segmentedSeeds> =>
  segmentedSeeds('news-archive-patch-', (seedsDir) => {
    for (const name of ['2021-08-18_A1.txt', '2021-08-18_A2.txt', '2021-08-19_A1.txt']) copyFileSync(path.join(root, 'test/fixtures/seed', name), path.join(seedsDir, name));
  });

test('a model patched after edits of a page equals the model made whole, with the other pages as they were', async () => {
  const { pages, articles } = await segmented();
  const memo: ItemMemo = new WeakMap();
  const before = buildSiteModel(pages, articles, memo);
  const seed = 'seeds/2021-08-18_A2.txt';
  const others = articles.filter((article) => article.seed !== seed);
  const own = articles.filter((article) => article.seed === seed);
  assert.equal(own.length, 3);
  const edits: ReadonlyArray<readonly [string, (items: readonly TaggedArticle[]) => TaggedArticle[]]> = [
    ['a headline', (items) => items.map((a, i) => (i === 0 ? { ...a, headline: `${a.headline}（更正）` } : a))],
    // A name another page's item carries: that author's list changes, no name is new.
    ['a byline of a known author', (items) => items.map((a, i) => (i === 0 ? { ...a, bylines: [...a.bylines, '陈馨'] } : a))],
    // A name no item carried: the authors' paths are made again.
    ['a new author', (items) => items.map((a, i) => (i === 1 ? { ...a, bylines: ['新作者'] } : a))],
    ['a place tag gone', (items) => items.map((a) => ({ ...a, places: { districts: [], towns: [] } }))],
    ['an item fewer', (items) => items.slice(0, 2)],
  ];
  for (const [name, change] of edits) {
    const edited = change(own);
    const patched = patchSiteModel(before, pages, edited, new Set([seed]), memo);
    assert.ok(patched !== null, name);
    assert.deepEqual(patched, buildSiteModel(pages, [...others, ...edited], memo), `${name}: the same model`);
    assert.deepEqual(
      patched.pages.map((page) => page === before.pages.find((p) => p.seed === page.seed)),
      patched.pages.map((page) => page.seed !== seed),
      `${name}: every other page is the last model's own object`,
    );
  }
  // The same pages are required: one removed, or one whose front matter moved it, are refused.
  assert.equal(patchSiteModel(before, pages.slice(1), [], new Set(), memo), null);
  const moved = pages.map((page) => (page.file === seed ? { ...page, meta: { ...page.meta, date: '2021-08-17' } } : page));
  assert.equal(patchSiteModel(before, moved, own, new Set([seed]), memo), null);
});

test('a patched list of an author and of a place that run across the pages before and after the edited one keeps reading order', async () => {
  const { pages, articles } = await segmented();
  // In reading order (newest edition first) the pages are 2021-08-19 A1, 2021-08-18 A1, 2021-08-18 A2: the middle one is edited.
  const seed = 'seeds/2021-08-18_A1.txt';
  const town = articles.flatMap((a) => a.places.towns)[0];
  assert.ok(town !== undefined, 'the fixture has a town tag');
  // The same name and town on an item of the first and of the last page: their lists run around the edited page.
  const marked = new Set(['seeds/2021-08-18_A2.txt', 'seeds/2021-08-19_A1.txt'].map((file) => articles.findIndex((a) => a.seed === file)));
  const base = articles.map((a, i) => (marked.has(i) ? { ...a, bylines: [...a.bylines, '跨版作者'], places: { ...a.places, towns: [...a.places.towns.filter((t) => t.code !== town.code), town] } } : a));
  const memo: ItemMemo = new WeakMap();
  const before = buildSiteModel(pages, base, memo);
  assert.equal(before.authors.find((author) => author.name === '跨版作者')?.items.length, 2);
  const others = base.filter((article) => article.seed !== seed);
  const own = base.filter((article) => article.seed === seed);
  const edits: ReadonlyArray<readonly [string, TaggedArticle[]]> = [
    ['name and town added to two items', own.map((a, i) => (i === 0 || i === 2 ? { ...a, bylines: [...a.bylines, '跨版作者'], places: { ...a.places, towns: [...a.places.towns.filter((t) => t.code !== town.code), town] } } : a))],
    ['name and town taken from every item', own.map((a) => ({ ...a, bylines: a.bylines.filter((name) => name !== '跨版作者'), places: { ...a.places, towns: a.places.towns.filter((t) => t.code !== town.code) } }))],
  ];
  let model = before;
  let current = own;
  for (const [name, edited] of edits) {
    const patched = patchSiteModel(model, pages, edited, new Set([seed]), memo);
    assert.ok(patched !== null, name);
    assert.deepEqual(patched, buildSiteModel(pages, [...others, ...edited], memo), `${name}: the same model`);
    const expected = name.startsWith('name and town added') ? ['2021-08-19_A1/01', '2021-08-18_A1/01', '2021-08-18_A1/03', '2021-08-18_A2/01'] : ['2021-08-19_A1/01', '2021-08-18_A2/01'];
    assert.deepEqual(patched.authors.find((author) => author.name === '跨版作者')?.items.map((item) => item.id), expected, name);
    model = patched;
    current = edited;
  }
  assert.equal(current.length, own.length);
});

test('two pages edited at once (a checkout): the lists that run across them are those of the model made whole', async () => {
  const { pages, articles } = await segmented();
  const memo: ItemMemo = new WeakMap();
  const middle = 'seeds/2021-08-18_A1.txt';
  const base = articles.map((a) => (a.seed === middle && a.index === articles.find((b) => b.seed === middle)?.index ? { ...a, bylines: [...a.bylines, '跨版作者'] } : a));
  const before = buildSiteModel(pages, base, memo);
  // The first and the last page in reading order change; the name goes on to an item of each, beside the middle page's.
  const changed = new Set(['seeds/2021-08-19_A1.txt', 'seeds/2021-08-18_A2.txt']);
  const edited = base.filter((a) => changed.has(a.seed)).map((a) => (a.index === base.find((b) => b.seed === a.seed)?.index ? { ...a, bylines: [...a.bylines, '跨版作者'] } : a));
  const patched = patchSiteModel(before, pages, edited, changed, memo);
  assert.ok(patched !== null);
  assert.deepEqual(patched, buildSiteModel(pages, [...base.filter((a) => !changed.has(a.seed)), ...edited], memo));
  assert.deepEqual(patched.authors.find((author) => author.name === '跨版作者')?.items.map((item) => item.id), ['2021-08-19_A1/01', '2021-08-18_A1/01', '2021-08-18_A2/01']);
});

test('the last build’s model made from this one’s (site-model.ts lastSiteModel) equals the model made whole of the last build’s pages', async () => {
  const { pages, articles } = await segmented();
  const memo: ItemMemo = new WeakMap();
  const added = 'seeds/2021-08-19_A1.txt';
  const edited = 'seeds/2021-08-18_A2.txt';
  const removed = 'seeds/2021-08-18_A1.txt';
  // The last build had the edited page as it was (a byline no other item carries, a headline) and the removed one; not the added one.
  const lastEdited = articles.filter((a) => a.seed === edited).map((a, i) => (i === 0 ? { ...a, headline: `${a.headline}（旧）`, bylines: ['旧作者'] } : a));
  const lastPages = pages.filter((page) => page.file !== added);
  const lastArticles = [...articles.filter((a) => a.seed !== added && a.seed !== edited), ...lastEdited];
  const cases: ReadonlyArray<readonly [string, ReadonlySet<string>, readonly TaggedArticle[]]> = [
    ['a page added', new Set([added]), []],
    ['a page added and one edited', new Set([added, edited]), lastEdited],
  ];
  for (const [name, changed, last] of cases) {
    // This build: every page; the edited page as it is now only where it is among the changed.
    const nowArticles = changed.has(edited) ? articles : [...articles.filter((a) => a.seed !== edited), ...lastEdited];
    const next = buildSiteModel(pages, nowArticles, memo);
    const made = lastSiteModel(next, lastPages, last, changed, memo);
    assert.ok(made !== null, name);
    assert.deepEqual(made, buildSiteModel(lastPages, lastArticles, memo), `${name}: the same model`);
    assert.ok(made.pages.every((page) => changed.has(page.seed) || next.pages.includes(page)), `${name}: the other pages are this model's own`);
  }
  // A page moved by its front matter to another edition since (2021-08-18 A2 now of 2021-08-20): the last model has
  // it where it was, before the other page of its old edition in the lists that run across them.
  const movedNow = pages.map((page) => (page.file === edited ? { ...page, meta: { ...page.meta, date: '2021-08-20' } } : page));
  const movedNext = buildSiteModel(movedNow, articles, memo);
  assert.notDeepEqual(movedNext.pages.map((page) => page.seed), buildSiteModel(pages, articles, memo).pages.map((page) => page.seed));
  assert.deepEqual(lastSiteModel(movedNext, pages, articles.filter((a) => a.seed === edited), new Set([edited]), memo), buildSiteModel(pages, articles, memo), 'a page moved');
  // A page removed since (this build lacks it): made again from the last build's articles.
  const next = buildSiteModel(pages.filter((page) => page.file !== removed), articles.filter((a) => a.seed !== removed), memo);
  const made = lastSiteModel(next, pages, articles.filter((a) => a.seed === removed), new Set([removed]), memo);
  assert.deepEqual(made, buildSiteModel(pages, articles, memo), 'a page removed');
  // A page added whose name differs from another's only in case: where it takes that page's slug, refused.
  const first = pages.find((page) => page.file === removed) as (typeof pages)[number];
  for (const [file, refused] of [['seeds/2021-08-18_A1.TXT', true], ['seeds/2021-08-18_a1.txt', false]] as const) {
    const twin = { ...first, file };
    const withTwin = buildSiteModel([...pages, twin], articles, memo);
    const slugOf = (model: typeof withTwin): string | undefined => model.pages.find((page) => page.seed === removed)?.slug;
    assert.equal(slugOf(withTwin) !== slugOf(buildSiteModel(pages, articles, memo)), refused, `${file}: the other page's slug changes`);
    const fromNext = lastSiteModel(withTwin, pages, [], new Set([twin.file]), memo);
    if (refused) assert.equal(fromNext, null, file);
    else assert.deepEqual(fromNext, buildSiteModel(pages, articles, memo), file);
  }
});
