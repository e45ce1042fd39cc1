/**
 * Property tests of the segmenter: pages recombined from the real blocks of the seed page, with random column
 * breaks, bylines, photo credits, BOM, CRLF or CR, ideographic spaces, and HTML and Markdown characters.
 * Whatever the page, segmentation does not throw and every non-space character of the input ends up in
 * exactly one item. The fast-check seed is fixed (FC_SEED overrides it) so a failure can be replayed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { readSeedBytes } from '../../src/seed/load-seeds.js';
import { segmentPage } from '../../src/segment/segment-page.js';
import { checkNothingLost, itemSourceText } from '../../src/segment/source-characters.js';

const SEED = Number(process.env.FC_SEED ?? 20210818);
const RUNS = Number(process.env.FC_RUNS ?? 150);

const seedText = readFileSync(new URL('../fixtures/seeds/000_b18dfdda09c05dd9.txt', import.meta.url), 'utf8');
/** The seed's blocks: runs of non-blank lines. */
const blocks = seedText.split(/\n[ \t\u3000]*\n/).map((block) => block.trim()).filter((block) => block.length > 0);

const MARKUP = ['<', '>', '&', '&amp;', '<script>alert(1)</script>', '*', '**', '_', '#', '## ', '[', ']', '(', ')', '`', '|', '\\', '---', '> ', '1. ', '- ', '<!--', '{{x}}'];
const NAMES = ['陈馨', '王铁荣', '黄艳鸣', '杜俊烨', '阚天峰', '本报记者 张三'];

/** One block, transformed. */
const blockArb = fc
  .record({
    block: fc.constantFrom(...blocks),
    breakAt: fc.option(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { nil: null }),
    breakBlank: fc.boolean(),
    markup: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...MARKUP)), { maxLength: 3 }),
    indent: fc.constantFrom('', '', '\u3000\u3000', '  ', '\t'),
    trailing: fc.constantFrom('', '', '\u3000', ' '),
    byline: fc.constantFrom(null, null, 'line', 'trailing', 'spaced'),
    credit: fc.constantFrom(null, null, null, 'line', 'trailing'),
    names: fc.subarray(NAMES, { minLength: 1, maxLength: 3 }),
  })
  .map(({ block, breakAt, breakBlank, markup, indent, trailing, byline, credit, names }) => {
    let text = block;
    for (const [at, mark] of markup) {
      const i = Math.floor(at * text.length);
      text = text.slice(0, i) + mark + text.slice(i);
    }
    if (breakAt !== null) {
      const i = Math.max(1, Math.floor(breakAt * text.length));
      text = `${text.slice(0, i)}${breakBlank ? '\n\n' : '\n'}${text.slice(i)}`;
    }
    text = text.split('\n').map((line) => indent + line + trailing).join('\n');
    const who = names.join(' ');
    if (byline === 'line') text += `\n·${who}·`;
    if (byline === 'trailing') text += ` ·${who}·`;
    if (byline === 'spaced') text += `\n\n· ${who} ·`;
    if (credit === 'line') text += `\n${names[0]}摄`;
    if (credit === 'trailing') text += ` ${names[0]}摄`;
    return text;
  });

const pageArb = fc.record({
  parts: fc.array(blockArb, { minLength: 1, maxLength: 12 }),
  separators: fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\n\u3000\n'), { minLength: 12, maxLength: 12 }),
  bom: fc.boolean(),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
});

function pageBytes(page: fc.Arbitrary<unknown> extends never ? never : { parts: string[]; separators: string[]; bom: boolean; newline: string }): Uint8Array {
  let text = page.parts.map((part, i) => (i === 0 ? '' : page.separators[i - 1] ?? '\n\n') + part).join('');
  text = text.replace(/\n/g, page.newline);
  return Buffer.from((page.bom ? '\ufeff' : '') + text, 'utf8');
}

/** A deterministic stand-in for jieba's word oracle: joins some pairs, by a hash of the two sides. */
function fakeSpansJoin(left: string, right: string): boolean {
  let hash = 0;
  for (const c of left.slice(-2) + right.slice(0, 2)) hash = (hash * 31 + (c.codePointAt(0) ?? 0)) | 0;
  return (hash & 3) === 0;
}

test(`random pages from the seed's blocks lose no text (fast-check seed ${SEED}, ${RUNS} runs)`, () => {
  fc.assert(
    fc.property(pageArb, fc.boolean(), (page, withOracle) => {
      const read = readSeedBytes(pageBytes(page), 'random.txt', 'seeds');
      assert.ok(read.page, 'the page is read');
      const { items } = segmentPage(read.page, withOracle ? { spansJoin: fakeSpansJoin } : {});
      assert.deepEqual(checkNothingLost(read.page, items), []);
      items.forEach((item, i) => {
        assert.equal(item.index, i);
        assert.ok(item.sourceLines[0] <= item.sourceLines[1]);
        assert.ok(itemSourceText(item).trim().length > 0, `item ${i + 1} has text`);
      });
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('regression: a second caption with a trailing credit in one item keeps its credit, as a credit part of its own', () => {
  const long = '很长'.repeat(20);
  const text = `标题行\n\n第一段${long}。 杜俊烨摄\n\n第二段${long}。 陈馨摄\n`;
  const { items, diagnostics } = segmentPage({ file: 'seeds/x.txt', text, firstLine: 1 });
  assert.deepEqual(
    items.map((item) => [item.kind, item.headline, item.body.map((part) => `${part.type}:${part.text}`), item.photoCredit, item.bylines, item.continued]),
    [['article', '标题行', [`paragraph:第一段${long}。`, 'credit:杜俊烨摄', `paragraph:第二段${long}。`, 'credit:陈馨摄'], '杜俊烨', ['陈馨'], false]],
  );
  assert.deepEqual(checkNothingLost({ file: 'seeds/x.txt', text }, items), []);
  assert.deepEqual(diagnostics, []);
});
