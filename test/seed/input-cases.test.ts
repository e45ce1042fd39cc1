/**
 * The seed files editors save by mistake or in odd shapes: each gives one exact message at the right line,
 * and the page (when it can be read) loses no text. Diagnostics are shown as the build prints them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { readSeedBytes } from '../../src/seed/load-seeds.js';
import { segmentPage } from '../../src/segment/segment-page.js';
import { checkNothingLost } from '../../src/segment/source-characters.js';

const seedText = readFileSync(new URL('../fixtures/seeds/000_b18dfdda09c05dd9.txt', import.meta.url), 'utf8');

function read(bytes: Uint8Array, name = 'page.txt'): { text: string | null; messages: string[]; firstLine: number | null } {
  const result = readSeedBytes(bytes, name, 'seeds');
  return {
    text: result.page?.text ?? null,
    firstLine: result.page?.firstLine ?? null,
    messages: result.diagnostics.map(formatDiagnostic).sort(),
  };
}

const PAGE = '海安建立防疫大督查机制\n\n为全面压实疫情防控责任,海安市建立“3+6+15”防疫大督查机制。\n·王铁荣·\n';

test('UTF-8 without and with a BOM read the same text, with no message', () => {
  assert.deepEqual(read(Buffer.from(PAGE, 'utf8')), { text: PAGE, messages: [], firstLine: 1 });
  assert.deepEqual(read(Buffer.from(`\ufeff${PAGE}`, 'utf8')), { text: PAGE, messages: [], firstLine: 1 });
});

test('UTF-16 LE and BE with a BOM read the same text', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe;
  be[1] = 0xff;
  assert.deepEqual(read(le), { text: PAGE, messages: [], firstLine: 1 });
  assert.deepEqual(read(be), { text: PAGE, messages: [], firstLine: 1 });
});

test('GB18030 (and so GBK and GB2312) bytes decode, 埇 and 镕 included', () => {
  const text = '埇桥区与朱镕基\n\n这是一段正文。\n';
  const bytes = iconv.encode(text, 'gb18030');
  assert.deepEqual([...bytes.subarray(0, 2)], [0x88, 0xac], '埇 is 0x88AC in GBK/GB18030');
  assert.deepEqual(read(bytes), { text, messages: [], firstLine: 1 });
  assert.deepEqual(read(iconv.encode(text, 'gbk')), { text, messages: [], firstLine: 1 });
});

test('a file in none of the encodings is refused with a message, never decoded to U+FFFD', () => {
  const latin1 = Buffer.from('Caf\u00e9 na\u00efve \u00ff\n', 'latin1');
  assert.deepEqual(read(latin1, 'latin1.txt'), {
    text: null,
    firstLine: null,
    messages: ['seeds/latin1.txt: error: Unexpected encoding: the file is neither UTF-8, UTF-16 with a byte order mark, nor GB18030/GBK; save it as UTF-8; page skipped [seed/decode]'],
  });
  const utf16NoBom = Buffer.from('Breaking news\n', 'utf16le');
  assert.deepEqual(read(utf16NoBom, 'u16.txt').messages, [
    'seeds/u16.txt: error: Unexpected encoding: this looks like UTF-16 without a byte order mark; save it as UTF-8; page skipped [seed/decode]',
  ]);
  const badUtf8AfterBom = Buffer.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0x41]);
  assert.deepEqual(read(badUtf8AfterBom, 'bom.txt').messages, [
    'seeds/bom.txt: error: Unexpected bytes: the file starts with a UTF-8 byte order mark but is not valid UTF-8; page skipped [seed/decode]',
  ]);
});

test('a PDF and a PNG saved as .txt are refused as binary files', () => {
  assert.deepEqual(read(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', 'latin1'), 'scan.txt').messages, [
    'seeds/scan.txt: error: Unexpected binary file: this looks like a PDF file, expected plain text; page skipped [seed/decode]',
  ]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.deepEqual(read(png, 'photo.txt').messages, [
    'seeds/photo.txt: error: Unexpected binary file: this looks like a PNG image, expected plain text; page skipped [seed/decode]',
  ]);
  assert.deepEqual(read(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), 'elf.txt').messages, [
    'seeds/elf.txt: error: Unexpected binary content: the file has NUL characters, expected plain text; page skipped [seed/decode]',
  ]);
});

test('CRLF and CR line endings become LF and keep line numbers', () => {
  const body = '很长'.repeat(15);
  const lf = `标题一\n\n第一段${body}。\n·陈馨·\n\n标题二\n\n第二段${body}，没有结束\n`;
  for (const newline of ['\r\n', '\r']) {
    const result = readSeedBytes(Buffer.from(lf.replace(/\n/g, newline)), 'crlf.txt', 'seeds');
    assert.equal(result.page?.text, lf);
    const { items, diagnostics } = segmentPage(result.page!);
    assert.deepEqual(items.map((item) => [item.headline, item.sourceLines]), [['标题一', [1, 4]], ['标题二', [6, 8]]]);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'seeds/crlf.txt:8: warning: Article runs off the page: it ends mid-sentence with no byline; marked as continued [segment/continued]',
    ]);
  }
});

test('ideographic-space indents and full-width or half-width punctuation segment alike and lose nothing', () => {
  const base = segmentPage({ file: 'seeds/a.txt', text: seedText, firstLine: 1 });
  const indented = seedText.split('\n').map((line) => (line.length > 40 ? `\u3000\u3000${line}\u3000` : line)).join('\n');
  const fullWidth = seedText.replace(/,/g, '，').replace(/:/g, '：');
  for (const text of [indented, fullWidth]) {
    const other = segmentPage({ file: 'seeds/a.txt', text, firstLine: 1 });
    assert.deepEqual(other.items.map((i) => [i.kind, i.headline === null ? null : i.headline.replace(/，/g, ','), i.sourceLines, i.bylines]), base.items.map((i) => [i.kind, i.headline, i.sourceLines, i.bylines]));
    assert.deepEqual(checkNothingLost({ file: 'seeds/a.txt', text }, other.items), []);
  }
});

test('stray control characters are removed with a warning at their line', () => {
  const result = read(Buffer.from('标题\n\n正文\u0007有铃声\u000c。\n·陈馨·\n'), 'ctrl.txt');
  assert.equal(result.text, '标题\n\n正文有铃声。\n·陈馨·\n');
  assert.deepEqual(result.messages, ['seeds/ctrl.txt:3: warning: Unexpected control character U+0007, U+000C: removed [seed/control-character]']);
});

test('an empty file, and a file with only front matter, are skipped with a warning', () => {
  const message = (name: string): string => `seeds/${name}: warning: Unexpected empty page: no text; page skipped [seed/empty]`;
  assert.deepEqual(read(Buffer.alloc(0), 'empty.txt'), { text: null, firstLine: null, messages: [message('empty.txt')] });
  assert.deepEqual(read(Buffer.from('\ufeff \r\n\u3000\n'), 'blank.txt').messages, [message('blank.txt')]);
  assert.deepEqual(read(Buffer.from('---\npaper: 南通日报\n---\n'), 'meta.txt').messages, [message('meta.txt')]);
});

test('a file larger than the limit is refused with its size', () => {
  const result = readSeedBytes(Buffer.alloc(3000, 0x41), 'big.txt', 'seeds', { maxBytes: 2048 });
  assert.equal(result.page, null);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/big.txt: error: Unexpected size: 0.0 MB, expected at most 0.0 MB for one printed page (split the file into one file a page, or raise `maxSeedBytes` in news-archive.config.json); page skipped [seed/too-large]',
  ]);
});

test('front matter: invalid YAML, an unknown key and a bad date each get a warning at their line', () => {
  assert.deepEqual(read(Buffer.from('---\npaper: 南通日报\n  page: A3\n---\n标题\n'), 'yaml.txt'), {
    text: '标题\n',
    firstLine: 5,
    messages: ['seeds/yaml.txt:3: warning: Unexpected front matter: bad indentation of a mapping entry; front matter ignored [seed/front-matter]'],
  });
  assert.deepEqual(read(Buffer.from('---\npaper: 南通日报\nauthor: 陈馨\ndate: 2021-02-30\n---\n标题\n'), 'keys.txt').messages, [
    'seeds/keys.txt:3: warning: Unexpected front matter key `author`, expected one of paper, date, page, page_name; ignored [seed/front-matter-key]',
    'seeds/keys.txt:4: warning: Unexpected date `2021-02-30`: that day does not exist: February 2021 has 28 days; ignored [seed/front-matter-date]',
  ]);
  assert.deepEqual(read(Buffer.from('---\ndate: 2021/08/18\n---\n标题\n'), 'slash.txt').messages, [
    'seeds/slash.txt:2: warning: Unexpected date `2021/08/18`, expected YYYY-MM-DD; ignored [seed/front-matter-date]',
  ]);
  // A date in the right form that names no day says so (before: "expected YYYY-MM-DD", the form it has).
  assert.deepEqual(read(Buffer.from('---\npaper: 南通日报\ndate: 2021-13-01\n---\n标题\n'), 'month.txt').messages, [
    'seeds/month.txt:3: warning: Unexpected date `2021-13-01`: that day does not exist: there is no month 13 (months are 01 to 12); ignored [seed/front-matter-date]',
  ]);
  assert.deepEqual(read(Buffer.from('---\ndate: 2100-02-29\n---\n标题\n'), 'leap.txt').messages, [
    'seeds/leap.txt:2: warning: Unexpected date `2100-02-29`: that day does not exist: February 2100 has 28 days; ignored [seed/front-matter-date]',
  ]);
  assert.deepEqual(read(Buffer.from('---\ndate: 2021-04-31\n---\n标题\n'), 'april.txt').messages, [
    'seeds/april.txt:2: warning: Unexpected date `2021-04-31`: that day does not exist: April 2021 has 30 days; ignored [seed/front-matter-date]',
  ]);
  assert.deepEqual(read(Buffer.from('---\ndate: 2020-02-29\n---\n标题\n'), 'leap2020.txt').messages, []);
  assert.deepEqual(read(Buffer.from('---\npaper: 南通日报\n标题\n'), 'open.txt').messages, [
    'seeds/open.txt:1: warning: Unexpected `---` on the first line with no closing `---`: read as text [seed/front-matter]',
  ]);
});
