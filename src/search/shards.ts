/**
 * Which search shard each article page goes to. Each shard is a Pagefind index of its own (search-index.ts):
 * Pagefind's memory grows with the pages of the shard it indexes (about 330 KB a page), a shard is indexed as soon
 * as its last page is rendered, and a shard whose pages did not change comes from the cache. So shards must be
 * bounded whatever the dates are, and stay the same as pages are added.
 */
import { compareCodePoints } from '../compare-code-points.js';
import type { SiteModel, SitePage } from '../site/site-model.js';

/**
 * Orders shard names newest edition first, as the search page loads them (templates/search.js, `newestFirst`):
 * names of dated shards (they start with the year: `2021-11`, `2021`, `2021-08-18-41`) in descending code point
 * order, then the others (`undated…`, `other`) in ascending order.
 * @returns negative when `a` comes first, positive when `b` does, 0 for the same name
 */
export function newestShardFirst(a: string, b: string): number {
  const datedA = /^\d/.test(a);
  const datedB = /^\d/.test(b);
  if (datedA !== datedB) return datedA ? -1 : 1;
  return datedA ? compareCodePoints(b, a) : compareCodePoints(a, b);
}

/**
 * Most articles one search shard takes before it is split (unless they are the items of one page). A rerun that
 * adds or edits a page indexes its whole shard again, and Pagefind takes about 4.5 ms of CPU and 0.7 MB a
 * document (1,500 documents: 7.1 CPU s, 1.1 GB; 425: 2.3 s, 360 MB; 50: 0.24 s): 500 bounds that rerun's search
 * work near 2.5 CPU s and one Pagefind process near 400 MB. (It was 1,500: an addition to an archive without
 * front matter, whose pages all fall into `undated` shards, 950 pages, took 8.4 CPU s and a 1,109 MB process tree;
 * with 500, 6.1 s and 829 MB, and the cold build's tree 1,466 → 1,181 MB for 1.03× its CPU.)
 */
export const SEARCH_SHARD_LIMIT = 500;

/**
 * Most articles a shard of the newest edition's day takes before it is split into groups of its pages. The editions
 * an editor adds every day fall into the newest year and month, so there the shards are kept to what a day adds:
 * the newest year is always split by month, its newest month always by day (a new edition is a shard of its own,
 * and the earlier days of the month keep theirs), and the newest day by its pages above this limit (a dense daily
 * adding its pages one at a time). So adding a page indexes the day's shard, not its month or year: at 4,245
 * articles over ten years (an edition every few days) adding the next edition indexed its own ~5 articles instead
 * of the newest year's ~45 (Pagefind's ~0.2 s, most of it on the critical path of the rerun). When a newer edition
 * comes, the shards it leaves grow back: the old newest day's page groups merge into the day (at most
 * SEARCH_SHARD_LIMIT articles), at a new month the old month's days into the month, at a new year the months into
 * the year, each indexed once then. So the newest year's months and its newest month's days are the extra shards
 * a reader's search merges (at most 12 + 31, and the newest day's page groups).
 */
export const NEWEST_SHARD_LIMIT = 50;

/**
 * The path of a page in the shard tree: edition year, month and day (or `undated`), then the code points of its
 * slug. Each level's name is added to the shard name as `-NAME`; a slug's code points as lowercase hex.
 */
function shardPath(page: SitePage): string[] {
  const date = page.meta.date;
  const head = date === null ? ['undated'] : datePath(date);
  return [...head, ...[...page.slug].map((char) => (char.codePointAt(0) as number).toString(16))];
}

/** The shard tree's levels of an edition date `YYYY-MM-DD`: `[year, month, day]`. */
function datePath(date: string): string[] {
  return [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
}

/**
 * The search shard of each article page. Shards are the leaves of a tree whose levels are the edition year,
 * month, day and then the page slug character by character (see shardPath): a node whose pages hold at most
 * SEARCH_SHARD_LIMIT articles is one shard, a larger one is split by its next level. So an archive's shards are
 * its years (`2021`), a year of more than 500 articles its months (`2021-08`), then days (`2021-08-18`), then
 * groups of pages by slug (`2021-08-18-41`, `undated-30-31`; a page whose slug ends at a split node: `…-x`);
 * pages without a date are `undated`, split the same way by slug. A shard is never split below one page. The
 * newest edition's year is always split by month and its month by day, and its day is split above
 * NEWEST_SHARD_LIMIT articles, so the shard an editor's daily addition falls into holds that day's pages alone.
 * Adding a page to an edition that is not newer than every other only ever splits the shard it falls into, so no
 * other page changes shard and one shard is indexed again; a page of a newer edition may also merge the shards
 * of the path it leaves (see NEWEST_SHARD_LIMIT), each into the day, month or year above it.
 * @returns a function from an output path to its shard name (letters, digits and `-`; pages not in the model:
 *   `other`)
 */
export function searchShardOf(model: Pick<SiteModel, 'pages'>): (path: string) => string {
  const shards = new Map<string, string>();
  // The newest edition's date as a path ([year, month, day]), or null when no page has a date.
  let newest: string | null = null;
  for (const page of model.pages) if (page.meta.date !== null && (newest === null || page.meta.date > newest)) newest = page.meta.date;
  const newestPath = newest === null ? null : datePath(newest);
  // How many of a path's first parts (year, month, day) are the newest edition's.
  const newestParts = (path: readonly string[]): number => {
    let parts = 0;
    while (newestPath !== null && parts < newestPath.length && path[parts] === newestPath[parts]) parts++;
    return parts;
  };
  // The articles a node (pages sharing the first `depth` parts of their path) holds before it is split: the newest
  // year and its newest month are always split (-1), the newest day above NEWEST_SHARD_LIMIT (see there).
  const limitOf = (path: readonly string[], depth: number): number => {
    const newest = newestParts(path);
    if (depth <= 2 && newest >= depth) return -1;
    return depth >= 3 && newest >= 3 ? NEWEST_SHARD_LIMIT : SEARCH_SHARD_LIMIT;
  };
  const assign = (pages: ReadonlyArray<{ page: SitePage; path: string[] }>, depth: number, name: string): void => {
    const articles = pages.reduce((sum, { page }) => sum + page.items.length, 0);
    const limit = limitOf((pages[0] as { path: string[] }).path, depth);
    if (articles <= limit || pages.every(({ path }) => path.length <= depth) || (pages.length === 1 && limit >= 0)) {
      for (const { page } of pages) for (const item of page.items) shards.set(item.path, name);
      return;
    }
    const groups = new Map<string, Array<{ page: SitePage; path: string[] }>>();
    for (const entry of pages) {
      const part = entry.path[depth] ?? 'x';
      const group = groups.get(part);
      if (group) group.push(entry);
      else groups.set(part, [entry]);
    }
    for (const [part, group] of groups) assign(group, depth + 1, `${name}-${part}`);
  };
  const top = new Map<string, Array<{ page: SitePage; path: string[] }>>();
  for (const page of model.pages) {
    const path = shardPath(page);
    const first = path[0] as string;
    const group = top.get(first);
    if (group) group.push({ page, path });
    else top.set(first, [{ page, path }]);
  }
  for (const [first, group] of top) assign(group, 1, first);
  return (path) => shards.get(path) ?? 'other';
}
