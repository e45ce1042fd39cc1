/**
 * Site items made ahead of the model (site-model.ts prepareItems, which a build of a few new seeds runs while
 * jieba's dictionary loads) give the same model as items made by the model itself, also when a page added later
 * takes the slug a prepared page had (seed names that differ only by case): that page's items are made again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EVERY_CHARACTER } from '../../src/site/line-breaks.js';
import { buildSiteModel, prepareItems, type ItemMemo } from '../../src/site/site-model.js';
import { segmentedSeeds } from './segmented-seeds.js';

const PAGE_TEXT = '第一条新闻标题\n\n这是第一篇文章的正文，讲述了城市里发生的事情。\n\n·陈静·\n\n第二条新闻标题\n\n这是第二篇文章的正文,讲述了乡村里发生的事情。\n\n·王明·\n';

const segmented = (): ReturnType<typeof segmentedSeeds> =>
  segmentedSeeds('news-archive-prepare-', (seedsDir) => {
    writeFileSync(path.join(seedsDir, 'x.TXT'), PAGE_TEXT.replace('第一篇', '甲篇'));
    writeFileSync(path.join(seedsDir, 'x.txt'), PAGE_TEXT);
    writeFileSync(path.join(seedsDir, 'y.txt'), PAGE_TEXT.replace('第一篇', '乙篇'));
  });

test('items prepared ahead give the model the same items, made once; a page whose slug changed gets its items made again', async () => {
  const { pages, articles } = await segmented();
  assert.deepEqual(pages.map((page) => page.file), ['seeds/x.TXT', 'seeds/x.txt', 'seeds/y.txt']);
  const plain = buildSiteModel(pages, articles, new WeakMap(), EVERY_CHARACTER);
  // Prepared without x.TXT: x.txt takes the plain slug `x` there, which x.TXT takes in the whole site.
  const memo: ItemMemo = new WeakMap();
  const known = pages.filter((page) => page.file !== 'seeds/x.TXT');
  prepareItems(known, articles, memo, EVERY_CHARACTER);
  const prepared = new Map(articles.filter((article) => article.seed !== 'seeds/x.TXT').map((article) => [article, memo.get(article)?.item]));
  assert.deepEqual(
    [...prepared].map(([article, item]) => `${article.seed} ${item?.path}`),
    ['seeds/x.txt pages/x/01.html', 'seeds/x.txt pages/x/02.html', 'seeds/y.txt pages/y/01.html', 'seeds/y.txt pages/y/02.html'],
  );
  const model = buildSiteModel(pages, articles, memo, EVERY_CHARACTER);
  assert.deepEqual(model, plain);
  assert.deepEqual(
    model.records.map((item) => `${item.article.seed} ${item.path} ${prepared.get(item.article) === item ? 'prepared' : 'made'}`),
    [
      'seeds/x.TXT pages/x/01.html made',
      'seeds/x.TXT pages/x/02.html made',
      'seeds/x.txt pages/x-8a6dcb/01.html made',
      'seeds/x.txt pages/x-8a6dcb/02.html made',
      'seeds/y.txt pages/y/01.html prepared',
      'seeds/y.txt pages/y/02.html prepared',
    ],
  );
  // The shown text maps the comma between Chinese characters (display-text.ts), prepared or not.
  assert.equal(model.records[1]?.opening, '这是第二篇文章的正文，讲述了乡村里发生的事情。');
});
