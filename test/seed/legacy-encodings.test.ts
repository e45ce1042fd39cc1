/**
 * Big5 and Shift-JIS seeds, which GB18030 decodes without an error into mojibake, are detected (chardet) and
 * decoded as what they are, with a warning; GB18030 pages and their single lines stay GB18030.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { decodeSeed } from '../../src/seed/decode-seed.js';
import { readSeedBytes } from '../../src/seed/load-seeds.js';
import { Jieba } from '../../src/places/jieba.js';
import { segmentPage } from '../../src/segment/segment-page.js';

const TRADITIONAL = '本報訊 臺灣地區今年經濟發展情況良好\n\n記者從有關部門獲悉，當地政府將繼續推動產業轉型，學校開學典禮於昨日舉行，師生共同參與。\n';
const JAPANESE = '東京都が新しい経済対策\n\n東京都は昨日、新しい経済対策を発表しました。記者会見では、知事が今後の方針について説明しました。\n';

test('a Big5 page is decoded as Big5, with a warning', () => {
  const read = readSeedBytes(iconv.encode(TRADITIONAL, 'big5'), 'big5.txt', 'seeds');
  assert.equal(read.page?.text, TRADITIONAL);
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [
    'seeds/big5.txt: warning: Unexpected encoding Big5 (traditional Chinese): decoded as Big5; save the file as UTF-8 [seed/encoding]',
  ]);
});

test('a Shift-JIS page is decoded as Shift-JIS, with a warning', () => {
  const read = readSeedBytes(iconv.encode(JAPANESE, 'shift_jis'), 'sjis.txt', 'seeds');
  assert.equal(read.page?.text, JAPANESE);
  assert.deepEqual(read.diagnostics.map(formatDiagnostic), [
    'seeds/sjis.txt: warning: Unexpected encoding Shift-JIS (Japanese): decoded as Shift-JIS; save the file as UTF-8 [seed/encoding]',
  ]);
});

test('every fixture page, and every line of them with Chinese, saved as GB18030 stays GB18030', () => {
  const root = path.resolve(import.meta.dirname, '../fixtures');
  const wrong: string[] = [];
  for (const dir of ['seeds', 'seed', 'site']) {
    for (const name of readdirSync(path.join(root, dir))) {
      const text = readFileSync(path.join(root, dir, name), 'utf8').replace(/^\uFEFF/, '');
      for (const sample of [text, ...text.split('\n').filter((line) => /[^\x00-\x7f]/.test(line))]) {
        const decoded = decodeSeed(iconv.encode(sample, 'gb18030'));
        if (!decoded.ok || decoded.encoding !== 'gb18030' || decoded.text !== sample) wrong.push(sample);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('a page saved as GB18030 with CRLF line endings reads as the same items as in UTF-8, bylines and all', () => {
  const lines = ['如东县掘港镇多措并举', '筑牢疫情防控“防火墙”', '本报记者 王明峰', '连日来，掘港镇迅速行动，全面落实各项疫情防控措施。', '海安市曲塘镇', '“小板凳”议事会解民忧', '文/王明峰 图/李四', '今年以来，曲塘镇推行“小板凳”议事会。', '·陈馨 王铁荣·'];
  const { spansJoin } = new Jieba();
  const itemsOf = (bytes: Buffer): unknown => {
    const read = readSeedBytes(bytes, 'page.txt', 'seeds');
    assert.ok(read.page);
    return segmentPage(read.page, { spansJoin }).items.map((item) => [item.kicker, item.headline, item.body.filter((part) => part.type === 'paragraph').map((part) => part.text), item.bylines, item.sourceLines]);
  };
  const expected = [
    ['如东县掘港镇多措并举', '筑牢疫情防控“防火墙”', ['连日来，掘港镇迅速行动，全面落实各项疫情防控措施。'], ['王明峰'], [1, 7]],
    ['海安市曲塘镇', '“小板凳”议事会解民忧', ['今年以来，曲塘镇推行“小板凳”议事会。'], ['王明峰', '李四', '陈馨', '王铁荣'], [9, 17]],
  ];
  assert.deepEqual(itemsOf(Buffer.from(lines.join('\n\n'), 'utf8')), expected);
  assert.deepEqual(itemsOf(iconv.encode(lines.join('\r\n\r\n'), 'gb18030')), expected);
});
