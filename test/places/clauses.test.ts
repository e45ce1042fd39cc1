/**
 * Clause-level jieba cutting (jiebaClauses, wordBoundariesWithin, spansJoin, findPlaceMentions, tagger.tag) gives
 * exactly what cutting whole texts gives (test/places/whole-text-reference.ts, the code before), on the seed's
 * real paragraphs and on edge cases, and cuts only what it needs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildPlaceNameIndex, createPlaceTagger, findPlaceMentions, loadGazetteer, type Gazetteer, type GazetteerPlace } from '../../src/places/index.js';
import { Jieba, jiebaClauses, JIEBA_SEPARATORS, type Cut } from '../../src/places/jieba.js';
import { segmentPage } from '../../src/segment/segment-page.js';
import { wholeText } from './whole-text-reference.js';

const dir = mkdtempSync(join(tmpdir(), 'places-clauses-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const gazetteer = loadGazetteer({ homeRegion: '3206' });
const jieba = new Jieba();
const { spansJoin, wordBoundaries, wordBoundariesWithin } = jieba;
const { wholeFindPlaceMentions, wholeSpansJoin, wholeTextTagger } = wholeText(jieba);
const tagger = createPlaceTagger(gazetteer, dir, jieba);
const whole = wholeTextTagger(gazetteer);

const seedsDir = new URL('../fixtures/seeds/', import.meta.url);
const seedTexts = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(new URL(name, seedsDir), 'utf8').replace(/^\uFEFF/, ''));
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden/000_b18dfdda09c05dd9.expected.json', import.meta.url), 'utf8')) as {
  articles: { kicker: string | null; headline: string | null; subheadline: string | null; subheads: string[]; paragraphs: string[] }[];
};
const goldenTexts = golden.articles.map((a) => [a.kicker, a.headline, a.subheadline, ...a.subheads, ...a.paragraphs].filter((t): t is string => t !== null));
/** Every line of the seeds and every text of the golden articles (column breaks joined). */
const realTexts = [...new Set([...seedTexts.flatMap((text) => text.split('\n')), ...goldenTexts.flat()])].filter((t) => t !== '');

/** Edge cases: separators at the ends, none at all, ASCII and full-width spaces, surrogate pairs, lone surrogates. */
const tricky = [
  '',
  '，',
  '。。',
  ' \t\n',
  '南通市崇川区，沿海安全。',
  '。南通市崇川区。',
  '  沿海安全  ',
  '南通 市崇川区',
  '南通\u3000市崇川区',
  '南通市崇，川区',
  '南通市崇\n川区',
  '北京市，通州区',
  '北京市通州区',
  '来到狼山镇督查，海门悦来镇。北京市通州区',
  '天津市滨海新区 海门',
  '𠀾南通市崇川区，𠀾沿海安全',
  '南通市𠀾崇川区𠀾',
  '\uD800沿海安全，南通市崇川区',
  '\uD800，沿海安全',
  '沿海安全，南通\uDC00市崇川区',
  '今天我们去南通市崇川区参观,然后回家:海门区、海安市和如东县的代表也来了',
  '崇川区\r\n海门区\t通州区',
];

test('the seeds give enough real texts with separators to mean something', () => {
  assert.ok(realTexts.length >= 100, `${realTexts.length} texts`);
  const multi = realTexts.filter((t) => jiebaClauses(t).length > 1).length;
  assert.ok(multi >= 40, `${multi} texts of several clauses`);
});

test('jiebaClauses: maximal stretches between space, tab, newline, ，and 。; one clause when a surrogate is lone', () => {
  assert.equal(JIEBA_SEPARATORS, ' \t\n，。');
  assert.deepEqual(jiebaClauses(''), []);
  assert.deepEqual(jiebaClauses('。，\n'), []);
  assert.deepEqual(jiebaClauses('南通市崇川区，沿海安全。'), [[0, 6], [7, 11]]);
  assert.deepEqual(jiebaClauses('。南通市崇川区。'), [[1, 7]]);
  assert.deepEqual(jiebaClauses(' a\tb\nc d '), [[1, 2], [3, 4], [5, 6], [7, 8]]);
  // Not separators: the full-width space, the ASCII comma, 、, \r, ！ and ？.
  assert.deepEqual(jiebaClauses('南通\u3000市,崇川、区\r海门！海安？'), [[0, 16]]);
  assert.deepEqual(jiebaClauses('𠀾南通，𠀾'), [[0, 4], [5, 7]]);
  assert.deepEqual(jiebaClauses('\uD800，沿海安全'), [[0, 6]]);
});

test('jieba segments each clause alone: boundaries inside a clause equal those of the clause cut alone (real and tricky texts)', () => {
  let clauses = 0;
  for (const text of [...realTexts, ...tricky]) {
    const all = wordBoundaries(text);
    for (const [start, end] of jiebaClauses(text)) {
      clauses++;
      const alone = wordBoundaries(text.slice(start, end)).map((o) => o + start);
      assert.deepEqual(all.filter((o) => o >= start && o <= end), alone, `${JSON.stringify(text)} [${start}, ${end})`);
    }
    // Either side of every separator is a boundary (each separator is a word of its own).
    if (!/[\uD800-\uDFFF]/.test(text)) {
      for (let i = 0; i < text.length; i++) {
        if (JIEBA_SEPARATORS.includes(text[i]!)) assert.ok(all.includes(i) && all.includes(i + 1), `${JSON.stringify(text)} at ${i}`);
      }
    }
  }
  assert.ok(clauses >= 200, `${clauses} clauses`);
});

test('wordBoundariesWithin: exact values on small texts', () => {
  const text = '南通市崇川区，沿海安全。';
  assert.deepEqual(wordBoundaries(text), [0, 3, 6, 7, 9, 11, 12]);
  assert.deepEqual(wordBoundariesWithin(text, [[8, 10]]), [9]);
  assert.deepEqual(wordBoundariesWithin(text, [[2, 4], [9, 12]]), [3, 9, 11, 12]);
  assert.deepEqual(wordBoundariesWithin(text, [[9, 12], [0, 0], [2, 4], [3, 3]]), [0, 3, 9, 11, 12]);
  assert.deepEqual(wordBoundariesWithin(text, [[5, 5]]), []);
  assert.deepEqual(wordBoundariesWithin(text, []), []);
  assert.deepEqual(wordBoundariesWithin('', [[0, 0]]), [0]);
  // A surrogate pair is never split; a lone surrogate makes every offset from its word on a boundary, in every clause.
  assert.deepEqual(wordBoundariesWithin('𠀾南通市崇川区，𠀾沿海安全', [[0, 15]]), [0, 2, 5, 8, 9, 11, 13, 15]);
  assert.deepEqual(wordBoundariesWithin('\uD800，沿海安全', [[2, 6]]), [2, 3, 4, 5, 6]);
  assert.deepEqual(wordBoundariesWithin('沿海安全，\uD800', [[0, 4]]), [0, 2, 4]);
  assert.throws(() => wordBoundariesWithin(text, [[3, 2]]), RangeError);
  assert.throws(() => wordBoundariesWithin(text, [[0, 13]]), RangeError);
  assert.throws(() => wordBoundariesWithin(text, [[-1, 0]]), RangeError);
});

test('wordBoundariesWithin equals wordBoundaries filtered to the spans, for every offset and clause of real and tricky texts', () => {
  for (const text of [...realTexts, ...tricky]) {
    const all = wordBoundaries(text);
    const within = (from: number, to: number): number[] => all.filter((o) => o >= from && o <= to);
    for (let at = 0; at <= text.length; at++) assert.deepEqual(wordBoundariesWithin(text, [[at, at]]), within(at, at), `${JSON.stringify(text)} at ${at}`);
    for (const [start, end] of jiebaClauses(text)) {
      assert.deepEqual(wordBoundariesWithin(text, [[start + 1, Math.max(start + 1, end - 1)]]), within(start + 1, Math.max(start + 1, end - 1)));
    }
    assert.deepEqual(wordBoundariesWithin(text, [[0, text.length]]), all, JSON.stringify(text));
  }
});

/** Runs `fn` and returns the texts it gave the cut of `jieba` (every cut function of the instance calls its `cut`). */
function cutsOf(fn: () => unknown): string[] {
  const seen: string[] = [];
  const original = jieba.cut;
  (jieba as { cut: Cut }).cut = (text: string) => {
    seen.push(text);
    return original(text);
  };
  try {
    fn();
  } finally {
    (jieba as { cut: Cut }).cut = original;
  }
  return seen;
}

test('only the clauses that hold the spans are cut; neighbouring clauses one separator apart in one call', () => {
  const text = '今天我们去南通市崇川区参观，然后回家。明天去海门';
  assert.deepEqual(cutsOf(() => wordBoundariesWithin(text, [[9, 9]])), ['今天我们去南通市崇川区参观']);
  assert.deepEqual(cutsOf(() => wordBoundariesWithin(text, [[9, 9], [15, 15]])), ['今天我们去南通市崇川区参观，然后回家']);
  assert.deepEqual(cutsOf(() => wordBoundariesWithin(text, [[9, 9], [23, 24]])), ['今天我们去南通市崇川区参观', '明天去海门']);
  assert.deepEqual(cutsOf(() => wordBoundariesWithin(text, [[13, 14]])), []);
  assert.deepEqual(cutsOf(() => spansJoin('今天我们去南通市崇', '川区参观，然后回家。')), ['今天我们去南通市崇川区参观']);
  assert.deepEqual(cutsOf(() => spansJoin('然后回家。', '明天去海门')), []);
  assert.deepEqual(cutsOf(() => tagger.tag(['然后回家。明天去海门，今天我们去'])), ['明天去海门']);
  assert.deepEqual(cutsOf(() => findPlaceMentions(buildPlaceNameIndex(gazetteer), '然后回家。', jieba)), []);
});

test('spansJoin: exact answers at separators, spaces and surrogates, the same as cutting left + right whole', () => {
  const cases: [string, string, boolean][] = [
    ['南通市崇', '川区', true],
    ['南通市', '崇川区', false],
    ['今天我们去南通市崇', '川区参观，然后回家。', true],
    ['南通 市崇', '川区', true],
    ['南通市崇，', '川区', false],
    ['南通市崇', '，川区', false],
    ['南通市崇\n', '川区', false],
    ['南通市崇', ' 川区', false],
    ['南通市崇', '\u3000川区', false],
    ['沿', '海安全', true],
    ['沿海', '安全', false],
    ['南通\uD840', '\uDC3E市', true],
    ['\uD800沿', '海安全', false],
    ['', '川区', false],
    ['南通市崇', '', false],
  ];
  for (const [left, right, expected] of cases) {
    assert.equal(spansJoin(left, right), expected, `${JSON.stringify(left)} + ${JSON.stringify(right)}`);
    assert.equal(wholeSpansJoin(left, right), expected, `reference ${JSON.stringify(left)} + ${JSON.stringify(right)}`);
  }
});

test('spansJoin equals the whole-text answer at every split of real and tricky texts, and on the joins the segmenter asks about', () => {
  let splits = 0;
  for (const text of [...realTexts, ...tricky]) {
    for (let at = 0; at <= text.length; at++) {
      splits++;
      const [left, right] = [text.slice(0, at), text.slice(at)];
      assert.equal(spansJoin(left, right), wholeSpansJoin(left, right), `${JSON.stringify(left)} + ${JSON.stringify(right)}`);
    }
  }
  assert.ok(splits >= 8000, `${splits} splits`);
  const joins: [string, string][] = [];
  for (const text of seedTexts) {
    segmentPage({ file: 'seeds/x.txt', text, firstLine: 1 }, { spansJoin: (l, r) => (joins.push([l, r]), wholeSpansJoin(l, r)) });
  }
  assert.ok(joins.length > 5);
  for (const [left, right] of joins) assert.equal(spansJoin(left, right), wholeSpansJoin(left, right));
});

test('findPlaceMentions and tagger.mentions: exact values on tricky texts', () => {
  const mentions = (text: string): string[] => tagger.mentions(text).map((m) => `${m.start}-${m.end}:${m.text}:${m.reading}`);
  assert.deepEqual(mentions('南通市崇，川区'), ['0-3:南通市:parent']);
  assert.deepEqual(mentions('北京市，通州区'), ['0-3:北京市:other', '4-7:通州区:home']);
  assert.deepEqual(mentions('北京市通州区'), ['0-3:北京市:other', '3-6:通州区:other']);
  assert.deepEqual(mentions('𠀾南通市崇川区，𠀾沿海安全'), ['2-5:南通市:parent', '5-8:崇川区:home']);
  assert.deepEqual(mentions('南通 市崇川区'), ['0-2:南通:parent', '4-7:崇川区:home']);
  assert.deepEqual(mentions('南通\u3000市崇川区'), ['0-2:南通:parent', '4-7:崇川区:home']);
  // A lone surrogate makes every later offset a boundary (as before): 海安 inside 沿海安全 is then found.
  assert.deepEqual(mentions('\uD800，沿海安全'), ['3-5:海安:home']);
  assert.deepEqual(mentions('沿海安全，\uD800'), []);
});

test('findPlaceMentions equals the whole-text version on real and tricky texts', () => {
  let found = 0;
  for (const text of [...realTexts, ...tricky]) {
    const expected = whole.mentions(text);
    found += expected.length;
    assert.deepEqual(tagger.mentions(text), expected, JSON.stringify(text));
  }
  assert.ok(found > 100, `${found} mentions`);
});

test('findPlaceMentions: a name that straddles a separator is found as when cutting the whole text', () => {
  const index = buildPlaceNameIndex(fakeGazetteer(['南通，崇川', '崇川区 海门', '通州']));
  for (const text of ['到南通，崇川去，崇川区 海门', '崇川区 海门', '去通州，南通，崇川区 海门。', '南通，崇', '，崇川']) {
    assert.deepEqual(findPlaceMentions(index, text, jieba), wholeFindPlaceMentions(index, text), text);
  }
  assert.deepEqual(
    findPlaceMentions(index, '到南通，崇川去，崇川区 海门', jieba).map((m) => [m.start, m.end, m.text]),
    [
      [1, 6, '南通，崇川'],
      [8, 14, '崇川区 海门'],
    ],
  );
});

test('tagger.tag equals the whole-text tagger on every golden article, every real text and the tricky texts', () => {
  const lists = [...goldenTexts, ...realTexts.map((t) => [t]), ...tricky.map((t) => [t]), tricky];
  let tagged = 0;
  for (const texts of lists) {
    const expected = whole.tag(texts);
    if (expected.districts.length > 0) tagged++;
    assert.deepEqual(tagger.tag(texts), expected, JSON.stringify(texts).slice(0, 200));
  }
  assert.ok(tagged > 50, `${tagged} lists with places`);
});

test('tagger.tag: exact values across clauses and with a lone surrogate', () => {
  const names = (texts: string[]): string[][] => {
    const { districts, towns } = tagger.tag(texts);
    return [districts.map((p) => p.name), towns.map((p) => p.name)];
  };
  assert.deepEqual(names(['来到狼山镇督查，海门悦来镇。北京市通州区']), [['崇川区', '海门区'], ['狼山镇街道', '悦来镇']]);
  assert.deepEqual(names(['北京市，通州区']), [['通州区'], []]);
  assert.deepEqual(names(['沿海安全，南通\uDC00市']), [[], []]);
  assert.deepEqual(names(['\uD800，沿海安全']), [['海安市'], []]);
});

/** A gazetteer whose only places are districts with these names (codes 990001, 990002...). */
function fakeGazetteer(placeNames: readonly string[]): Gazetteer {
  const districts: GazetteerPlace[] = placeNames.map((name, i) => {
    const code = String(990001 + i);
    return { code, name, level: 'district', districtCode: code, statName: name, names: [name] };
  });
  return { ...gazetteer, districts, towns: [], parentNames: [], others: [], byCode: new Map(districts.map((p) => [p.code, p])) };
}
