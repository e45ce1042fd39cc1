/**
 * U+FFFE and U+FFFF (and the other noncharacters) are removed from every output with a warning naming their line,
 * not kept in HTML and JSON while the feed drops them. A `baseUrl` that would break feed.xml is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEFAULT_CONFIG, validateConfig } from '../../src/config.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { readSeedBytes } from '../../src/seed/load-seeds.js';

test('noncharacters are removed with a warning at their line', () => {
  const read = readSeedBytes(Buffer.from('新闻\uFFFE标题\n\n正文\uFFFF内容。\u{10FFFF}\n'), 'non.txt', 'seeds');
  assert.equal(read.page?.text, '新闻标题\n\n正文内容。\n');
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [
    'seeds/non.txt:1: warning: Unexpected noncharacter U+FFFE: removed [seed/noncharacter]',
    'seeds/non.txt:3: warning: Unexpected noncharacter U+FFFF, U+10FFFF: removed [seed/noncharacter]',
  ]);
});

test('a baseUrl with `<`, a space or a quote is refused; a plain one is kept', () => {
  for (const baseUrl of ['https://example.org/<archive>/', 'https://example.org/a b/', 'https://example.org/"x"/']) {
    assert.throws(() => validateConfig({ ...DEFAULT_CONFIG, baseUrl }, 'news-archive.config.json'), {
      name: ConfigError.name,
      message: `news-archive.config.json: field \`baseUrl\`: expected a URL without spaces, quotes, \`<\`, \`>\` or other characters to percent-encode (write them as %XX), got ${JSON.stringify(baseUrl)}`,
    });
  }
  assert.throws(() => validateConfig({ ...DEFAULT_CONFIG, baseUrl: 'https://example.org/?a=1' }, 'c.json'), /expected a URL without `\?` query or `#` fragment/);
  assert.equal(validateConfig({ ...DEFAULT_CONFIG, baseUrl: 'https://example.org/%E6%A1%A3%E6%A1%88/' }, 'c.json').baseUrl, 'https://example.org/%E6%A1%A3%E6%A1%88/');
});
