/**
 * The authors index in pinyin order, grouped by the surname's initial letter (issue 15, item 8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePinyin, groupByInitial, nameInitial } from '../../src/site/name-order.js';
import { buildFixtureSite } from './fixture-site.js';

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
