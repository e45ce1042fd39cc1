import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segmentPage } from '../../src/segment/segment-page.js';

interface GoldenItem {
  kind: string;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  subheads: string[];
  paragraph_count: number;
  paragraphs: string[];
  bylines: string[];
  photo_credit: string | null;
  continued: boolean;
  source_lines: [number, number];
}

const seedName = '000_b18dfdda09c05dd9';
const text = readFileSync(new URL(`../fixtures/seeds/${seedName}.txt`, import.meta.url), 'utf8');
const golden = JSON.parse(readFileSync(new URL(`../fixtures/golden/${seedName}.expected.json`, import.meta.url), 'utf8')) as {
  articles: GoldenItem[];
};

const { items, diagnostics } = segmentPage({ file: `seeds/${seedName}.txt`, text, firstLine: 1 });

test('the seed page segments into the golden number of items', () => {
  assert.equal(items.length, golden.articles.length);
});

golden.articles.forEach((expected, i) => {
  test(`golden item ${i + 1}: ${expected.headline ?? expected.kind}`, () => {
    const item = items[i];
    assert.ok(item, `item ${i + 1} missing`);
    assert.equal(item.kind, expected.kind);
    assert.equal(item.kicker, expected.kicker);
    assert.equal(item.headline, expected.headline);
    assert.equal(item.subheadline, expected.subheadline);
    assert.deepEqual(item.body.filter((p) => p.type === 'subhead').map((p) => p.text), expected.subheads);
    const paragraphs = item.body.filter((p) => p.type === 'paragraph').map((p) => p.text);
    assert.equal(paragraphs.length, expected.paragraph_count);
    assert.deepEqual(paragraphs, expected.paragraphs);
    assert.deepEqual(item.bylines, expected.bylines);
    assert.equal(item.photoCredit, expected.photo_credit);
    assert.equal(item.continued, expected.continued);
    assert.deepEqual(item.sourceLines, expected.source_lines);
  });
});

test('the seed page warns once, that its last article runs off the page at line 199', () => {
  assert.deepEqual(
    diagnostics.map((d) => `${d.file}:${d.line}: ${d.rule}`),
    [`seeds/${seedName}.txt:199: segment/continued`],
  );
});
