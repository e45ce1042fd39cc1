/**
 * `news-archive check`'s table: one row per item whose columns line up in a terminal, whatever the seed's titles hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCheck } from '../../src/dev/format-check.js';
import type { TaggedArticle } from '../../src/types.js';

const item = (index: number, headline: string, lines: [number, number]): TaggedArticle => ({
  seed: 'seeds/a.txt',
  index,
  kind: 'article',
  kicker: null,
  headline,
  subheadline: null,
  body: [{ type: 'paragraph', text: '正文。', lines }],
  bylines: ['王明'],
  photoCredit: null,
  continued: false,
  sourceLines: lines,
  opening: `line ${lines[0]}: title\tlines`,
  places: { districts: [], towns: [] },
} as TaggedArticle);

test('a tab or a newline in a title is shown escaped and leaves the columns of the check table in line', () => {
  const text = formatCheck('seeds/a.txt', [item(0, '海安\t建立机制', [1, 3]), item(1, '如皋\n新闻', [5, 7])], []);
  assert.equal(
    text,
    [
      'seeds/a.txt: 2 item(s) (2 article), 0 error(s), 0 warning(s)',
      '',
      '#  lines  kind     kicker 引题  headline 主题   subheadline 副题  ¶  byline  places  warnings',
      '-  -----  -------  -----------  --------------  ----------------  -  ------  ------  --------',
      '1  1-3    article  -            海安\\t建立机制  -                 1  王明    -       -',
      '2  5-7    article  -            如皋\\n新闻      -                 1  王明    -       -',
      '',
      'Where each item starts, and the roles of its lines:',
      '1. line 1: title\\tlines',
      '   headline 主题: 海安\\t建立机制',
      '2. line 5: title\\tlines',
      '   headline 主题: 如皋\\n新闻',
      '',
    ].join('\n'),
  );
});
