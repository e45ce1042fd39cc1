/**
 * Search shards: bounded whatever the dates, and stable as pages are added.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newestShardFirst, SEARCH_SHARD_LIMIT, searchShardOf } from '../../src/search/shards.js';
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
  assert.deepEqual([...sizes(shards)].sort(), [['2020', 10], ['2021', 10], ['undated', 10]]);
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

test('adding pages moves no page of another shard', () => {
  const random = (() => {
    let x = 7;
    return () => (x = (x * 48271) % 2147483647) / 2147483647;
  })();
  const pages: SitePage[] = [];
  let before = shardsOf(pages);
  for (let i = 0; i < 600; i++) {
    const dated = random() < 0.5;
    const added = dated
      ? page(`p${i}`, `20${10 + Math.floor(random() * 3)}-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`, 5 + Math.floor(random() * 20))
      : page(`${Math.floor(random() * 1000)}_${i}`, null, 5 + Math.floor(random() * 20));
    pages.push(added);
    const after = shardsOf(pages);
    const target = after.get(added.items[0]?.path as string) as string;
    // Every page that changed shard was in one shard before: the one the new page fell into.
    const left = new Set<string>();
    for (const [path, shard] of before) if (after.get(path) !== shard) left.add(shard);
    assert.ok(left.size <= 1, `page ${i}: pages left ${[...left].join(', ')}`);
    if (left.size === 1) assert.ok(target.startsWith([...left][0] as string), `page ${i}: ${target} from ${[...left][0]}`);
    before = after;
  }
  assert.ok(sizes(before).size > 8);
});

test('shards in the order the search page loads them: newest edition first, pages without a date last', () => {
  const names = ['undated-31', '2019', '2021-08-18-41', 'undated-30', '2021-07', '2021-08-19', 'other', '2020'];
  assert.deepEqual([...names].sort(newestShardFirst), ['2021-08-19', '2021-08-18-41', '2021-07', '2020', '2019', 'other', 'undated-30', 'undated-31']);
  assert.equal(newestShardFirst('2021', '2021'), 0);
});
