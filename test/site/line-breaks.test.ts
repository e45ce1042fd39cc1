/**
 * Where headlines and list openings may break (issue 15, items 1 and 9): the rule on jieba's words, exact offsets
 * and HTML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakableHtml, EVERY_CHARACTER, lineBreaks, wrappableHtml } from '../../src/site/line-breaks.js';

/** Word boundaries of words written with `|`. */
const split = (words: string): { text: string; boundaries: number[] } => {
  const parts = words.split('|');
  const boundaries = [0];
  for (const part of parts) boundaries.push((boundaries.at(-1) as number) + part.length);
  return { text: parts.join(''), boundaries };
};
const pieces = (words: string): string => {
  const { text, boundaries } = split(words);
  const breaks = [0, ...lineBreaks(text, boundaries), text.length];
  return breaks.slice(1).map((end, i) => text.slice(breaks[i], end)).join('/');
};

test('lines break at spaces and between words; one-character words, punctuation and Latin runs stay attached', () => {
  assert.equal(pieces('党建|引领| |筑牢|基层|防控|铜墙铁壁'), '党建/引领/ /筑牢/基层/防控/铜墙铁壁');
  assert.equal(pieces('积极行动| |凝聚|起|抗疫|强大|合力'), '积极行动/ /凝聚起/抗疫/强大/合力');
  assert.equal(pieces('海安|建立|“|3|+|6|+|15|”|防疫|大|督查|机制'), '海安/建立/“3+6+15”/防疫大/督查/机制');
  assert.equal(pieces('崇川区|人大|机关|全员|下沉|社区|，|参与|疫情|防控|—|—'), '崇川区/人大/机关/全员/下沉/社区，/参与/疫情/防控——');
  assert.equal(pieces('让|党史|学习|教育|更|生动|鲜活'), '让党史/学习/教育更/生动/鲜活');
  assert.equal(pieces('苏锡通园区|张芝山镇|：'), '苏锡通园区/张芝山镇：');
  assert.equal(pieces('临江新区|举办|“|智慧|老人|”|阅读'), '临江新区/举办/“智慧/老人”/阅读');
  assert.deepEqual(lineBreaks('', [0]), []);
  // Without words every character may break, as in a browser, but marks still stay attached.
  assert.deepEqual(lineBreaks('防控——', EVERY_CHARACTER('防控——')), [1]);
  assert.equal(pieces('防|疫|大|督|查'), '防/疫/大/督/查');
});

test('breakableHtml: parts at spaces, units inside, every character escaped', () => {
  const { text, boundaries } = split('积极行动| |凝聚|起|抗疫');
  assert.equal(breakableHtml(text, boundaries), '<span class="w"><span class="u">积极行动</span></span> <span class="w"><span class="u">凝聚起</span><span class="u">抗疫</span></span>');
  assert.equal(breakableHtml('A<B>&"', EVERY_CHARACTER('A<B>&"')), '<span class="w"><span class="u">A&lt;B&gt;&amp;&quot;</span></span>');
  assert.equal(breakableHtml('', [0]), '');
});

test('wrappableHtml: running text with a <wbr> at each break between words, none next to a space, every character escaped', () => {
  const opening = split('创新|打造|“|固定|课堂|”|等|三大|课堂|，|让|党史|学习|教育');
  assert.equal(wrappableHtml(opening.text, opening.boundaries), '创新<wbr>打造<wbr>“固定<wbr>课堂”等<wbr>三大<wbr>课堂，让<wbr>党史<wbr>学习<wbr>教育');
  // Never between two one-character words: 三|大 and 好|了 read as one.
  const run = split('等|三|大|课堂|。|现在|好|了|，|待在家里');
  assert.deepEqual(lineBreaks(run.text, run.boundaries), [1, 2, 3, 6, 9, 11]);
  assert.equal(wrappableHtml(run.text, run.boundaries), '等三大<wbr>课堂。<wbr>现在好了，<wbr>待在家里');
  const names = split('陈馨| |王铁荣|：|A<B>');
  assert.equal(wrappableHtml(names.text, names.boundaries), '陈馨 王铁荣：<wbr>A&lt;B&gt;');
  assert.equal(wrappableHtml('', [0]), '');
});
