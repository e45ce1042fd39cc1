/**
 * Search shards: bounded whatever the dates, and stable as pages are added.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEWEST_SHARD_LIMIT, newestShardFirst, SEARCH_SHARD_LIMIT, searchShardOf } from '../../src/search/shards.js';
import type { SitePage } from '../../src/site/site-model.js';

/** A page with `items` article pages, as much of a SitePage as the shards read. */
function page(slug: string, date: string | null, items = 10): SitePage {
  return {
    slug,
    meta: { date },
    items: Array.from({ length: items }, (_, i) => ({ path: `pages/${slug}/${String(i + 1).padStart(2, '0')}.html` })),
  } as unknown as SitePage;
}

function shardsOf(pages: readonly SitePage[]): Map<string, string> {
  const shardOf = searchShardOf({ pages });
  return new Map(pages.flatMap((p) => p.items.map((item) => [item.path, shardOf(item.path)] as const)));
}

function sizes(shards: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const shard of shards.values()) out.set(shard, (out.get(shard) ?? 0) + 1);
  return out;
}

test('a small archive has a shard a year and one for the pages without a date', () => {
  const shards = shardsOf([page('2021-08-18_01', '2021-08-18'), page('2020-01-02_01', '2020-01-02'), page('000_abc', null)]);
  // The newest edition's year is split by month and its month by day, even for one page.
  assert.deepEqual([...sizes(shards)].sort(), [['2020', 10], ['2021-08-18', 10], ['undated', 10]]);
  assert.equal(searchShardOf({ pages: [] })('pages/x/01.html'), 'other');
});

test('pages without front matter are split by file name into shards of at most the limit', () => {
  const pages = Array.from({ length: 400 }, (_, i) => page(`${String(i).padStart(3, '0')}_seed`, null));
  const shards = shardsOf(pages);
  const counts = sizes(shards);
  assert.ok(counts.size > 2, `${counts.size} shards`);
  for (const [name, count] of counts) {
    assert.match(name, /^undated(?:-[0-9a-fx]+)+$/);
    assert.ok(count <= SEARCH_SHARD_LIMIT, `${name}: ${count}`);
  }
  // The items of one page share a shard; names follow the file names' first characters (4,000 articles: a first
  // character's 1,000 are more than the limit, so the second splits them into tens of pages, 100 articles).
  assert.equal(shards.get('pages/000_seed/01.html'), shards.get('pages/000_seed/10.html'));
  assert.equal(shards.get('pages/000_seed/01.html'), 'undated-30-30');
  assert.equal(shards.get('pages/123_seed/01.html'), 'undated-31-32');
  assert.equal(counts.get('undated-31-32'), 100);
});

test('a year or a day of many articles is split, a single large page is not', () => {
  const pages = [
    ...Array.from({ length: 200 }, (_, i) => page(`d${i}`, `2021-${String((i % 12) + 1).padStart(2, '0')}-01`)),
    ...Array.from({ length: 160 }, (_, i) => page(`big${i}`, '2022-03-04')),
    page('huge', '2019-05-05', SEARCH_SHARD_LIMIT + 5),
  ];
  const counts = sizes(shardsOf(pages));
  assert.equal(counts.get('2021-01'), 170);
  assert.equal(counts.get('2019'), SEARCH_SHARD_LIMIT + 5);
  assert.ok([...counts.keys()].some((name) => name.startsWith('2022-03-04-')), [...counts.keys()].join(' '));
  for (const [name, count] of counts) if (name !== '2019') assert.ok(count <= SEARCH_SHARD_LIMIT, `${name}: ${count}`);
});

test('the newest year is split by month, its month by day, its day above NEWEST_SHARD_LIMIT; they merge back when a newer edition comes', () => {
  assert.equal(NEWEST_SHARD_LIMIT, 50);
  const pages = [
    page('2020-03-01_01', '2020-03-01'),
    page('2020-06-01_01', '2020-06-01'),
    ...[1, 2, 3].map((n) => page(`2021-01-05_0${n}`, '2021-01-05')),
    ...[1, 2].map((n) => page(`2021-02-07_0${n}`, '2021-02-07')),
    page('2021-03-01_01', '2021-03-01'),
    ...[1, 2].map((n) => page(`2021-03-09_0${n}`, '2021-03-09')),
  ];
  const table = (): Array<[string, number]> => [...sizes(shardsOf(pages))].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  // 2021 is the newest edition's year: a shard a month; its newest month (March) a shard a day.
  assert.deepEqual(table(), [['2020', 20], ['2021-01', 30], ['2021-02', 20], ['2021-03-01', 10], ['2021-03-09', 20]]);
  // A newer day of the same month is a shard of its own: no other shard changes.
  pages.push(...[1, 2, 3].map((n) => page(`2021-03-10_0${n}`, '2021-03-10')));
  assert.deepEqual(table(), [['2020', 20], ['2021-01', 30], ['2021-02', 20], ['2021-03-01', 10], ['2021-03-09', 20], ['2021-03-10', 30]]);
  // The newest day of more than NEWEST_SHARD_LIMIT articles is split by its pages.
  pages.push(...[4, 5, 6].map((n) => page(`2021-03-10_0${n}`, '2021-03-10')));
  const split = table().filter(([name]) => name.startsWith('2021-03-10'));
  assert.ok(split.length > 1 && split.every(([name, count]) => name.startsWith('2021-03-10-') && count <= NEWEST_SHARD_LIMIT), JSON.stringify(split));
  // A new month: March leaves the newest month, its day's page groups and its days merge back into one shard.
  pages.push(page('2021-04-02_01', '2021-04-02'));
  assert.deepEqual(table(), [['2020', 20], ['2021-01', 30], ['2021-02', 20], ['2021-03', 90], ['2021-04-02', 10]]);
  // A new year: 2021's months merge into the year, as any year of at most SEARCH_SHARD_LIMIT articles.
  pages.push(page('2022-01-01_01', '2022-01-01'));
  assert.deepEqual(table(), [['2020', 20], ['2021', 150], ['2022-01-01', 10]]);
});

test('one page alone in the newest year is named by its day; a newest day of one page above NEWEST_SHARD_LIMIT is not split', () => {
  const table = (pages: SitePage[]): Array<[string, number]> => [...sizes(shardsOf(pages))].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  assert.deepEqual(table([page('2020-01-01_01', '2020-01-01'), page('2022-05-05_01', '2022-05-05', NEWEST_SHARD_LIMIT + 30)]), [
    ['2020', 10],
    ['2022-05-05', NEWEST_SHARD_LIMIT + 30],
  ]);
  // Pages without a date beside it keep their own shard; a newest edition whose one page has no items changes nothing.
  assert.deepEqual(table([page('000_a', null), page('2022-05-05_01', '2022-05-05', 0), page('2022-05-04_01', '2022-05-04')]), [
    ['2022-05-04', 10],
    ['undated', 10],
  ]);
});

/** The date `days` days after 2010-01-01, as `YYYY-MM-DD`. */
function dayAfter2010(days: number): string {
  return new Date(Date.UTC(2010, 0, 1 + days)).toISOString().slice(0, 10);
}

test('adding pages moves no page of another shard, except the newest path\'s shards merging up', () => {
  const random = (() => {
    let x = 7;
    return () => (x = (x * 48271) % 2147483647) / 2147483647;
  })();
  const pages: SitePage[] = [];
  let before = shardsOf(pages);
  let newest: string | null = null;
  let merged = 0;
  for (let i = 0; i < 600; i++) {
    const dated = random() < 0.5;
    const added = dated
      ? page(`p${i}`, dayAfter2010(Math.floor(i * 1.5 + random() * 60)), 5 + Math.floor(random() * 20))
      : page(`${Math.floor(random() * 1000)}_${i}`, null, 5 + Math.floor(random() * 20));
    pages.push(added);
    const after = shardsOf(pages);
    const target = after.get(added.items[0]?.path as string) as string;
    const newer = added.meta.date !== null && (newest === null || added.meta.date > newest);
    // Every page that changed shard was in one shard before, the one the new page fell into; or, when the page's
    // edition is newer than all, it moved up into a shard of the old newest edition's year that merged its own.
    const left = new Set<string>();
    for (const [path, shard] of before) {
      const now = after.get(path) as string;
      if (now === shard) continue;
      if (newer && newest !== null && shard.startsWith(`${now}-`) && now.startsWith(newest.slice(0, 4))) {
        merged++;
        continue;
      }
      left.add(shard);
    }
    assert.ok(left.size <= 1, `page ${i}: pages left ${[...left].join(', ')}`);
    if (left.size === 1) assert.ok(target.startsWith([...left][0] as string), `page ${i}: ${target} from ${[...left][0]}`);
    if (added.meta.date !== null && (newest === null || added.meta.date > newest)) newest = added.meta.date;
    before = after;
  }
  assert.ok(sizes(before).size > 8);
  assert.ok(merged > 0, 'no addition merged the shards of the path it left');
});

test('shards in the order the search page loads them: newest edition first, pages without a date last', () => {
  const names = ['undated-31', '2019', '2021-08-18-41', 'undated-30', '2021-07', '2021-08-19', 'other', '2020'];
  assert.deepEqual([...names].sort(newestShardFirst), ['2021-08-19', '2021-08-18-41', '2021-07', '2020', '2019', 'other', 'undated-30', 'undated-31']);
  assert.equal(newestShardFirst('2021', '2021'), 0);
});
