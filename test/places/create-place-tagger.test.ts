import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  buildPlaceNameIndex,
  createPlaceTagger,
  Jieba,
  findPlaceMentions,
  loadGazetteer,
  type Gazetteer,
  type GazetteerPlace,
} from '../../src/places/index.js';

const dir = mkdtempSync(join(tmpdir(), 'places-tagger-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const gazetteer = loadGazetteer();
const jieba = new Jieba();
const { cut } = jieba;
const tagger = createPlaceTagger(gazetteer, dir, jieba);

const names = (text: string): string[][] => {
  const { districts, towns } = tagger.tag([text]);
  return [districts.map((p) => p.name), towns.map((p) => p.name)];
};
const mentions = (text: string): string[] => tagger.mentions(text).map((m) => `${m.text}:${m.reading}`);

test('天津市滨海新区: 天津市 and 滨海新区 of Tianjin, never 津市, nothing tagged', () => {
  assert.deepEqual(mentions('天津市滨海新区'), ['天津市:other', '滨海新区:other']);
  assert.deepEqual(names('天津市滨海新区'), [[], []]);
});

test('a town under its former name (掘港镇, a 镇 in the 2016 codes, 掘港街道 now) is tagged as the town it is now', () => {
  // Before: only 如东县 (掘港街道 alone matched).
  assert.deepEqual(names('8月19日，如东县掘港镇召开疫情防控工作会议'), [['如东县'], ['掘港街道']]);
  assert.deepEqual(names('掘港镇的群众'), [['如东县'], ['掘港街道']]);
  assert.deepEqual(names('掘港街道'), [['如东县'], ['掘港街道']]);
});

/** A gazetteer whose only places are districts with these names (codes 990001, 990002...). */
function fakeGazetteer(placeNames: readonly string[]): Gazetteer {
  const districts: GazetteerPlace[] = placeNames.map((name, i) => {
    const code = String(990001 + i);
    return { code, name, level: 'district', districtCode: code, statName: name, names: [name] };
  });
  return { ...gazetteer, districts, towns: [], parentNames: [], others: [], byCode: new Map(districts.map((p) => [p.code, p])) };
}

test('a name starting inside a jieba word is not found (津市 in 天津市)', () => {
  const index = buildPlaceNameIndex(fakeGazetteer(['津市']));
  assert.deepEqual(findPlaceMentions(index, '天津市滨海新区', jieba), []);
  assert.deepEqual(
    findPlaceMentions(index, '去津市', jieba).map((m) => [m.start, m.end, m.text, m.reading, m.places.map((p) => p.code)]),
    [[1, 3, '津市', 'home', ['990001']]],
  );
});

test('names that together make up one jieba word are all found; a name ending inside the word is not', () => {
  assert.deepEqual(cut('中华人民共和国成立'), ['中华人民共和国', '成立']);
  const both = buildPlaceNameIndex(fakeGazetteer(['中华人民', '共和国']));
  assert.deepEqual(findPlaceMentions(both, '中华人民共和国成立', jieba).map((m) => m.text), ['中华人民', '共和国']);
  const prefixOnly = buildPlaceNameIndex(fakeGazetteer(['中华']));
  assert.deepEqual(findPlaceMentions(prefixOnly, '中华人民共和国成立', jieba), []);
});

test('北京市通州区 is Beijing’s 通州区, not 南通’s', () => {
  assert.deepEqual(mentions('北京市通州区'), ['北京市:other', '通州区:other']);
  assert.deepEqual(names('北京市通州区'), [[], []]);
  assert.deepEqual(names('北京通州'), [[], []]);
});

test('泰州市海陵区城东街道 is not 崇川区城东街道', () => {
  assert.deepEqual(mentions('泰州市海陵区城东街道'), ['泰州市:other', '海陵区:other', '城东街道:other']);
  assert.deepEqual(names('泰州市海陵区城东街道'), [[], []]);
});

test('a bare name shared with other regions is the home place (城东街道, 通州区), also after 南通市', () => {
  assert.deepEqual(names('城东街道'), [['崇川区'], ['城东街道']]);
  assert.deepEqual(names('南通市通州区'), [['通州区'], []]);
});

test('来到狼山镇督查: 狼山镇 is 狼山镇街道', () => {
  assert.deepEqual(tagger.tag(['来到狼山镇督查']), {
    districts: [{ code: '320613', name: '崇川区', level: 'district', districtCode: '320613' }],
    towns: [{ code: '320613010', name: '狼山镇街道', level: 'town', districtCode: '320613' }],
  });
});

test('海门悦来镇: short form 海门 and 悦来镇', () => {
  assert.deepEqual(tagger.tag(['海门悦来镇']), {
    districts: [{ code: '320614', name: '海门区', level: 'district', districtCode: '320614' }],
    towns: [{ code: '320614104', name: '悦来镇', level: 'town', districtCode: '320614' }],
  });
});

test('former names: 港闸区 → 崇川区, 海门市 → 海门区, 海安县 → 海安市, 通州市 → 通州区', () => {
  assert.deepEqual(tagger.tag(['港闸区']), {
    districts: [{ code: '320613', name: '崇川区', level: 'district', districtCode: '320613' }],
    towns: [],
  });
  assert.deepEqual(names('海门市、海安县和通州市'), [['通州区', '海门区', '海安市'], []]);
});

test('崇川区城东街道 gives both names', () => {
  assert.deepEqual(mentions('崇川区城东街道'), ['崇川区:home', '城东街道:home']);
  assert.deepEqual(names('崇川区城东街道'), [['崇川区'], ['城东街道']]);
});

test('short forms only on word boundaries: 沿海安全, 比如东部, 上海门户 tag nothing', () => {
  assert.deepEqual(names('沿海安全'), [[], []]);
  assert.deepEqual(names('比如东部'), [[], []]);
  assert.deepEqual(names('上海门户'), [[], []]);
  assert.deepEqual(names('海安建立机制'), [['海安市'], []]);
});

test('overlay display names and full statistical names', () => {
  assert.deepEqual(names('南通市海门区临江新区'), [['海门区'], ['临江新区']]);
  assert.deepEqual(names('南通崇川经济开发区'), [['崇川区'], ['崇川经济开发区']]);
  assert.deepEqual(names('位于崇川经济开发区的公园'), [['崇川区'], ['崇川经济开发区']]);
  assert.deepEqual(names('三星镇（叠石桥家纺产业园区）'), [['海门区'], ['三星镇']]);
  assert.deepEqual(names('叠石桥家纺产业园区'), [['海门区'], ['三星镇']]);
});

test('villages, farms and the bare city name are never tagged', () => {
  assert.deepEqual(names('西禅寺村和南通市'), [[], []]);
  assert.deepEqual(names('环本农场'), [[], []]);
  assert.deepEqual(names('如皋市农科所'), [['如皋市'], []]);
});

test('towns sorted by code, deduplicated, each bringing its district', () => {
  assert.deepEqual(names('虹桥街道、天生港镇街道和虹桥街道,还有九华镇'), [['崇川区', '如皋市'], ['虹桥街道', '天生港镇街道', '九华镇']]);
  assert.deepEqual(
    tagger.tag(['虹桥街道', '九华镇', '虹桥街道']).towns.map((p) => p.code),
    ['320613005', '320682108'],
  );
});

test('no texts, empty texts: no places', () => {
  assert.deepEqual(tagger.tag([]), { districts: [], towns: [] });
  assert.deepEqual(tagger.tag(['', ' ']), { districts: [], towns: [] });
});

test('the tag result round-trips through JSON unchanged', () => {
  const got = tagger.tag(['海门悦来镇']);
  assert.deepEqual(JSON.parse(JSON.stringify(got)), got);
});

test('a town name two home districts share resolves by the district named right before it or in the article', () => {
  const district = (code: string, name: string): GazetteerPlace => ({ code, name, level: 'district', districtCode: code, statName: name, names: [name] });
  const town = (code: string, districtCode: string): GazetteerPlace => ({ code, name: '新街口街道', level: 'town', districtCode, statName: '新街口街道', names: ['新街口街道'] });
  const places = [district('990101', '鼓楼区'), district('990102', '玄武区'), town('990101001', '990101'), town('990102001', '990102')];
  const fake: Gazetteer = {
    ...gazetteer,
    homeRegion: '9901',
    districts: places.slice(0, 2),
    towns: places.slice(2),
    parentNames: [],
    others: [],
    byCode: new Map(places.map((p) => [p.code, p])),
  };
  const fakeTagger = createPlaceTagger(fake, dir, jieba);
  const codes = (texts: string[]): string[] => {
    const got = fakeTagger.tag(texts);
    return [...got.districts, ...got.towns].map((p) => p.code);
  };
  assert.deepEqual(codes(['玄武区新街口街道']), ['990102', '990102001']);
  assert.deepEqual(codes(['新街口街道']), []);
  assert.deepEqual(codes(['鼓楼区召开会议', '新街口街道']), ['990101', '990101001']);
  assert.deepEqual(codes(['鼓楼区和玄武区', '新街口街道']), ['990101', '990102']);
  createPlaceTagger(gazetteer, dir, jieba); // the other tests' dictionary back
});
