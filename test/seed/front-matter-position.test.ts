/**
 * Front matter that does not start on the first line (after blank lines, or after a second byte order mark) is
 * not published as kicker, headline and subheadline: it is read, with a warning that names the line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { readSeedBytes } from '../../src/seed/load-seeds.js';

const FRONT = '---\npaper: 南通日报\ndate: 2021-08-18\npage: A1\n---\n';
const BODY = '新闻标题\n\n这是文章的正文。\n';

test('front matter after two blank lines: read, with a warning at its line', () => {
  const read = readSeedBytes(Buffer.from(`\n\n${FRONT}${BODY}`), 'late.txt', 'seeds');
  assert.deepEqual(read.page?.meta, { paper: '南通日报', date: '2021-08-18', page: 'A1', pageName: null });
  assert.equal(read.page?.text, BODY);
  assert.equal(read.page?.firstLine, 8);
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [
    'seeds/late.txt:3: warning: Unexpected front matter on line 3: front matter must start on the first line; read all the same (delete the blank lines before it) [seed/front-matter-position]',
  ]);
});

test('a bad date in late front matter is reported at its own seed line', () => {
  const read = readSeedBytes(Buffer.from(`\n${FRONT.replace('2021-08-18', '2021-02-30')}${BODY}`), 'late.txt', 'seeds');
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [
    'seeds/late.txt:2: warning: Unexpected front matter on line 2: front matter must start on the first line; read all the same (delete the blank lines before it) [seed/front-matter-position]',
    'seeds/late.txt:4: warning: Unexpected date `2021-02-30`: that day does not exist: February 2021 has 28 days; ignored [seed/front-matter-date]',
  ]);
});

test('a doubled byte order mark: the second one removed with a warning, the front matter read', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(FRONT + BODY)]);
  const read = readSeedBytes(bytes, 'boms.txt', 'seeds');
  assert.equal(read.page?.meta.date, '2021-08-18');
  assert.equal(read.page?.text, BODY);
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [
    'seeds/boms.txt:1: warning: Unexpected byte order mark at the start of the text (the file has 2 of them): removed [seed/byte-order-mark]',
  ]);
});

test('a `---` rule after blank lines that names no front matter key stays text', () => {
  const text = '\n---\n这不是元数据\n---\n新闻标题\n\n正文。\n';
  const read = readSeedBytes(Buffer.from(text), 'rule.txt', 'seeds');
  assert.equal(read.page?.text, text);
  assert.deepEqual(read.diagnostics, []);
});
