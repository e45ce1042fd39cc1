/**
 * A model patched after an edit of a page (site-model.ts patchSiteModel, what a `dev` session's rebuild makes) is
 * the model made whole from the same pages and articles, and keeps every unchanged page's own object; pages added,
 * removed or moved by their front matter are refused (null: the whole model is made).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { buildSiteModel, patchSiteModel, type ItemMemo } from '../../src/site/site-model.js';
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
