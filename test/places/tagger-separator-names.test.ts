/**
 * A gazetteer with a name that holds one of jieba's separators (`，`): the tagger cannot skip clauses then (the
 * name spans two of them) and takes each text whole. A file of its own: it loads jieba with another dictionary.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createPlaceTagger, Jieba, loadGazetteer, type Gazetteer, type GazetteerPlace } from '../../src/places/index.js';
import { wholeText } from './whole-text-reference.js';

const dir = mkdtempSync(join(tmpdir(), 'places-separator-names-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A gazetteer whose only places are districts with these names (codes 990001, 990002...). */
function fakeGazetteer(placeNames: readonly string[]): Gazetteer {
  const real = loadGazetteer({ homeRegion: '3206' });
  const districts: GazetteerPlace[] = placeNames.map((name, i) => {
    const code = String(990001 + i);
    return { code, name, level: 'district', districtCode: code, statName: name, names: [name] };
  });
  return { ...real, districts, towns: [], parentNames: [], others: [], byCode: new Map(districts.map((p) => [p.code, p])) };
}

test('a home name with a separator in it is found, as when every text is cut whole', () => {
  const gazetteer = fakeGazetteer(['南通，崇川', '海门']);
  const jieba = new Jieba();
  const { wholeTextTagger } = wholeText(jieba);
  const tagger = createPlaceTagger(gazetteer, dir, jieba);
  const whole = wholeTextTagger(gazetteer);
  assert.deepEqual(tagger.mentions('到南通，崇川去').map((m) => [m.start, m.end, m.text, m.reading]), [[1, 6, '南通，崇川', 'home']]);
  const cases: [string[], string[]][] = [
    [['到南通，崇川去'], ['南通，崇川']],
    [['到南通，崇川去，海门'], ['南通，崇川', '海门']],
    [['到南通。崇川去'], []],
    [['到南通', '崇川去'], []],
  ];
  for (const [texts, expected] of cases) {
    assert.deepEqual(tagger.tag(texts), whole.tag(texts), texts.join('|'));
    assert.deepEqual(tagger.tag(texts).districts.map((p) => p.name), expected, texts.join('|'));
  }
});
