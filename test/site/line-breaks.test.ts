/**
 * Where headlines may break (issue 15, items 1 and 9): the rule on jieba's words, exact offsets and HTML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakableHtml, EVERY_CHARACTER, lineBreaks } from '../../src/site/line-breaks.js';

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
