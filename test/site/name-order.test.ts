/**
 * The authors index in pinyin order, grouped by the surname's initial letter (issue 15, item 8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { openBuildCache, writeOnlyCache, type BuildCache } from '../../src/cache/build-cache.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { comparePinyin, groupByInitial, nameInitial, type NameKeys } from '../../src/site/name-order.js';
import { tempDir } from '../temp-dir.js';
import { buildFixtureSite } from './fixture-site.js';

const root = path.resolve(import.meta.dirname, '../..');

test('names sort by pinyin, surnames read as surnames, and group by initial letter', () => {
  const names = ['张海涛', '任雪', '吴霜', '夏新明', '曾国藩', '陈馨', '陈可', '单雄信', '阿明', 'Li Ming', '123', '陈静'];
  assert.deepEqual([...names].sort(comparePinyin), ['阿明', '陈静', '陈可', '陈馨', 'Li Ming', '任雪', '单雄信', '吴霜', '夏新明', '曾国藩', '张海涛', '123']);
  assert.deepEqual(names.map(nameInitial), ['Z', 'R', 'W', 'X', 'Z', 'C', 'C', 'S', 'A', 'L', '#', 'C']);
  assert.deepEqual(
    groupByInitial(names, (name) => name).map((group) => `${group.initial}: ${group.entries.join(' ')}`),
    ['A: 阿明', 'C: 陈静 陈可 陈馨', 'L: Li Ming', 'R: 任雪', 'S: 单雄信', 'W: 吴霜', 'X: 夏新明', 'Z: 曾国藩 张海涛', '#: 123'],
  );
  // Same syllables: the tones decide (静 jìng after 晶 jīng), then the code point.
  assert.deepEqual(['陈静', '陈晶'].sort(comparePinyin), ['陈晶', '陈静']);
});

test('the authors page lists the fixture authors by pinyin under their initial letters, with a letter index', async () => {
  const site = await buildFixtureSite();
  const html = site.read('authors/index.html');
  assert.deepEqual([...html.matchAll(/<a href="#letter-(\w+)">(\w)<\/a>/g)].map((m) => m[2]), ['C', 'D', 'G', 'H', 'K', 'L', 'R', 'W', 'X', 'Y', 'Z']);
  const groups = [...html.matchAll(/<h2 id="letter-\w+">(\w)<\/h2>\n<ul class="names">(.*?)<\/ul>/g)].map(
    (m) => `${m[1]}: ${[...(m[2] as string).matchAll(/">([^<]+)<\/a> <span class="count">(\d+) 篇/g)].map((n) => `${n[1]}${n[2]}`).join(' ')}`,
  );
  assert.deepEqual(groups, [
    'C: 曹丁丁1 陈静4 陈可1 陈馨1',
    'D: 杜俊烨1',
    'G: 龚雪雯2',
    'H: 黄艳鸣1',
    'K: 阚天峰1',
    'L: 李世芬1 陆争峰2',
    'R: 任雪1 任溢斌1',
    'W: 王秋乐1 王铁荣1 吴霜1',
    'X: 夏新明1 邢董明1 徐爱银1 徐祥忠1',
    'Y: 郁经纬2',
    'Z: 张海涛2',
  ]);
});

test('names of other scripts, astral characters and JSON-special words get their letter, # for none', () => {
  const names = ['𠮷野', '__proto__', 'constructor', '欧阳修', ''];
  assert.deepEqual(names.map(nameInitial), ['#', '#', 'C', 'O', '#']);
  assert.deepEqual(groupByInitial(names, (name) => name).map((group) => `${group.initial}: ${group.entries.join(' ')}`), ['C: constructor', 'O: 欧阳修', '#:  __proto__ 𠮷野']);
});

test('sort keys of names come from the memo when it holds them, and the ones made are put in it', () => {
  const memo: NameKeys = new Map();
  assert.deepEqual(groupByInitial(['陈馨', '曾国藩'], (name) => name, memo).map((group) => group.initial), ['C', 'Z']);
  assert.deepEqual([...memo.keys()], ['陈馨', '曾国藩']);
  assert.deepEqual(memo.get('曾国藩'), { initial: 'Z', syllables: ['zeng', 'guo', 'fan'], tones: ['1', '2', '1'] });
  // A key in the memo is taken as it is: a made-up one for 陈馨 puts her under A.
  memo.set('陈馨', { initial: 'A', syllables: ['a'], tones: ['1'] });
  assert.deepEqual(groupByInitial(['陈馨', '曾国藩'], (name) => name, memo).map((group) => `${group.initial}: ${group.entries.join(' ')}`), ['A: 陈馨', 'Z: 曾国藩']);
});

test('the cache keeps the sort keys of names under their key: another key, a damaged file or none is an empty memo', async () => {
  const dir = tempDir('news-archive-names-');
  const cache = openBuildCache(dir);
  assert.deepEqual(await cache.getNameKeys?.('k1'), new Map());
  const names: NameKeys = new Map([
    ['陈馨', { initial: 'C', syllables: ['chen', 'xin'], tones: ['2', '1'] }],
    ['Li Ming', { initial: 'L', syllables: ['l', 'i', ' ', 'm', 'i', 'n', 'g'], tones: ['0', '0', '0', '0', '0', '0', '0'] }],
    // Names that are an object's own keys in JSON, and one outside the BMP, come back as they went.
    ['__proto__', { initial: '#', syllables: ['_'], tones: ['0'] }],
    ['constructor', { initial: 'C', syllables: ['c'], tones: ['0'] }],
    ['𠮷野', { initial: 'Y', syllables: ['𠮷', 'ye'], tones: ['0', '3'] }],
  ]);
  await cache.putNameKeys?.('k1', names);
  assert.deepEqual(await cache.getNameKeys?.('k1'), names);
  assert.deepEqual(await cache.getNameKeys?.('k2'), new Map());
  assert.deepEqual(await writeOnlyCache(cache).getNameKeys?.('k1'), new Map(), 'a clean build reads none');
  const file = path.join(dir, 'build', 'names.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('chen', 'chan'));
  assert.deepEqual(await cache.getNameKeys?.('k1'), new Map(), 'damaged');
});

test('a build keeps the sort keys of its authors in the cache, and the next build orders them by those it finds there', async () => {
  const work = tempDir('news-archive-names-site-');
  const config = { ...DEFAULT_CONFIG, seedsDir: path.join(root, 'test/fixtures/seed'), outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache'), search: false };
  await buildIncremental({ config });
  const kept = JSON.parse(readFileSync(path.join(config.cacheDir, 'build', 'names.json'), 'utf8')) as { value: { names: Record<string, unknown> } };
  assert.deepEqual(kept.value.names['陈馨'], ['C', ['chen', 'xin'], ['2', '1']]);
  const listed = [...readFileSync(path.join(config.outDir, 'authors/index.html'), 'utf8').matchAll(/<span class="count">/g)].length;
  assert.equal(Object.keys(kept.value.names).length, listed, 'every author on the index');
  // The next build (another output folder: every page rendered) takes the keys the cache gives: a made-up one for
  // 陈馨 puts her under A.
  const real = openBuildCache(config.cacheDir);
  const cache: BuildCache = {
    ...real,
    getNameKeys: async (key) => {
      const names = (await real.getNameKeys?.(key)) ?? new Map();
      assert.equal(names.size, listed, 'every author of the last build');
      return names.set('陈馨', { initial: 'A', syllables: ['a'], tones: ['1'] });
    },
  };
  await buildIncremental({ config: { ...config, outDir: path.join(work, 'again') }, cache });
  const html = readFileSync(path.join(work, 'again', 'authors/index.html'), 'utf8');
  assert.match(html, /<h2 id="letter-A">A<\/h2>\s*<ul class="names">(?:(?!<\/ul>)[^])*>陈馨<\/a>/);
});
