import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createPlaceTagger, Jieba, loadGazetteer, type Gazetteer } from '../../src/places/index.js';

interface GoldenArticle {
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
  readonly subheads: readonly string[];
  readonly paragraphs: readonly string[];
  readonly places: { readonly districts: readonly string[]; readonly towns: readonly string[]; readonly also_acceptable: readonly string[] };
}

const golden = JSON.parse(
  readFileSync(new URL('../fixtures/golden/000_b18dfdda09c05dd9.expected.json', import.meta.url), 'utf8'),
) as { articles: GoldenArticle[] };

const dir = mkdtempSync(join(tmpdir(), 'places-golden-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const gazetteer = loadGazetteer({ homeRegion: '3206' });
const tagger = createPlaceTagger(gazetteer, dir, new Jieba());

/** The code of the home place a golden name means: the golden uses statistical names, or display names where the overlay has one. */
function codeOf(g: Gazetteer, name: string): string {
  const hits = [...g.districts, ...g.towns].filter((p) => p.name === name || p.statName === name);
  assert.equal(hits.length, 1, `golden name ${name} should name exactly one place of 3206`);
  return hits[0]!.code;
}

test('the golden page has 11 items with places', () => {
  assert.equal(golden.articles.length, 11);
});

golden.articles.forEach((article, i) => {
  test(`golden item ${i} (${article.headline ?? article.kicker ?? 'photo'}): required places tagged, nothing else`, () => {
    const texts = [article.kicker, article.headline, article.subheadline, ...article.subheads, ...article.paragraphs].filter(
      (t): t is string => t !== null,
    );
    const got = tagger.tag(texts);
    const gotCodes = [...got.districts, ...got.towns].map((p) => p.code);
    const required = [...article.places.districts, ...article.places.towns].map((n) => codeOf(gazetteer, n));
    const allowed = new Set([...required, ...article.places.also_acceptable.map((n) => codeOf(gazetteer, n))]);
    for (const code of required) assert.ok(gotCodes.includes(code), `missing ${code}; got ${gotCodes.join(',')}`);
    for (const code of gotCodes) {
      assert.ok(code.startsWith('3206'), `${code} is outside 3206`);
      assert.ok(allowed.has(code), `unexpected ${code}; allowed ${[...allowed].join(',')}`);
    }
    assert.deepEqual(got.districts.map((p) => p.level), got.districts.map(() => 'district'));
    assert.deepEqual(got.towns.map((p) => p.level), got.towns.map(() => 'town'));
  });
});

test('golden item 7 (苏锡通园区张芝山镇) is tagged exactly with the park, 张芝山镇 and their districts', () => {
  const a = golden.articles[7]!;
  const got = tagger.tag([a.kicker ?? '', ...a.paragraphs]);
  assert.deepEqual(got, {
    districts: [
      { code: '320612', name: '通州区', level: 'district', districtCode: '320612' },
      { code: '320671', name: '南通经济技术开发区', level: 'district', districtCode: '320671' },
    ],
    towns: [
      { code: '320612119', name: '张芝山镇', level: 'town', districtCode: '320612' },
      { code: '320671403', name: '苏锡通科技产业园区', level: 'town', districtCode: '320671' },
    ],
  });
});
