/**
 * Titles of photo items and openings in lists (issue 15, items 5 and 6): cut at a clause or a word, never inside
 * one, with quotes closed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuildContext } from '../../src/build-context.js';
import { cutText, firstSentence } from '../../src/site/site-model.js';
import { buildSiteModel } from '../../src/site/site-model.js';
import { buildFixtureSite } from './fixture-site.js';

const site = await buildFixtureSite();
const { wordBoundaries } = createBuildContext().places(site.config.homeRegion, site.config.cacheDir).tagger.jieba;
const model = buildSiteModel(site.result.pages, site.result.articles, undefined, wordBoundaries);
const item = (id: string) => model.items.find((i) => i.id === id);

test('a photo item is titled by its caption cut at a word, in lists, on its page and in the feed', () => {
  // Before: "图片：昨天,市民在位于崇川经济开发区的铺港河河道公园戏…" (cut inside 戏水).
  assert.equal(item('000_b18dfdda09c05dd9/06')?.title, '图片：昨天，市民在位于崇川经济开发区的铺港河河道公园…');
  assert.ok(site.read('pages/000_b18dfdda09c05dd9/06.html').includes('<title>图片：昨天，市民在位于崇川经济开发区的铺港河河道公园… - 地方报纸数字档案</title>'));
});

test('openings end at a sentence with its quotes closed, or are cut at a clause', () => {
  const openings = Object.fromEntries(model.items.map((i) => [i.id, i.opening]));
  assert.equal(openings['000_b18dfdda09c05dd9/08'], '“大娘，您别起身了，躺着就好。”');
  assert.equal(openings['000_b18dfdda09c05dd9/10'], '“儿女们天天忙，就盼着有人能教一下我们怎么用这些手机功能。现在好了，待在家里还能听听书，既能消遣时光又能学到知识。”');
  assert.equal(openings['000_b18dfdda09c05dd9/01'], '面对当前疫情防控严峻形势，近期，崇川区人大常委会机关迅速行动，常委会领导深入一线，机关干部全员参与，人大代表积极行动，凝聚起强有力的抗疫合力…');
  for (const opening of Object.values(openings)) {
    assert.equal(opening.split('“').length, opening.split('”').length, `quotes balanced: ${opening}`);
    assert.ok(opening.length <= 81, opening);
  }
});

test('cutText: a clause mark in the second half, else a word boundary; quotes and brackets closed after the ellipsis', () => {
  const every = (text: string): number[] => Array.from({ length: text.length + 1 }, (_, i) => i);
  assert.equal(cutText('短标题', 24, every), '短标题');
  assert.equal(cutText('甲乙丙丁，戊己庚辛壬癸子丑', 8, every), '甲乙丙丁…');
  assert.equal(cutText('“陈馨 王铁荣采写的报道', 6, every), '“陈馨…”');
  assert.equal(cutText('市民在位于崇川经济开发区的公园', 10, (t) => (t === '市民在位于崇川经济开发区的公园' ? [0, 2, 3, 5, 12, 13, 15] : every(t))), '市民在位于…');
  assert.equal(cutText('《西安桥村告全村居民书》发放', 6, every), '《西安桥村告…》');
  assert.equal(firstSentence('他说：“好。”然后走了。', every), '他说：“好。”');
});
