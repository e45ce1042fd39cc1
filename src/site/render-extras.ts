/**
 * Files derived from the rendered site: the Atom feed, the sitemap and the search index.
 */
import type { Config } from '../config.js';
import type { OutputFile } from '../types.js';
import { renderFeed } from './render-feed.js';
import { renderSitemap, type SitemapEntry } from './render-sitemap.js';
import { routes } from './routes.js';
import type { SiteModel } from './site-model.js';

/** Pages left out of the sitemap: they are not content (the 404 page, the search page). */
const NOT_IN_SITEMAP = new Set([routes.notFound(), routes.search()]);

/**
 * The sitemap entries of the rendered pages: every `.html` file but the 404 and search pages, in path order;
 * pages (版) and items carry their edition date, edition pages their own date.
 */
export function sitemapEntries(model: SiteModel, files: ReadonlyArray<{ readonly path: string }>): SitemapEntry[] {
  const dates = new Map<string, string>();
  for (const page of model.pages) {
    if (page.meta.date === null) continue;
    dates.set(page.path, page.meta.date);
    for (const item of page.items) dates.set(item.path, page.meta.date);
    dates.set(routes.edition(page.meta.date), page.meta.date);
  }
  return files
    .filter((file) => file.path.endsWith('.html') && !NOT_IN_SITEMAP.has(file.path))
    .map((file) => file.path)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => ({ path, lastmod: dates.get(path) ?? null }));
}

/** Most articles one search shard takes before its year is split by month (Pagefind needs ~330 KB a page). */
export const SEARCH_SHARD_LIMIT = 1500;

/**
 * The search shard of each article page: its edition year (`2021`), or `undated`; a year with more than
 * SEARCH_SHARD_LIMIT articles is split by month (`2021-08`). Shards follow editions, so adding an edition
 * re-indexes only its own shard.
 * @returns a function from an output path to its shard (pages not in the model: `other`)
 */
export function searchShardOf(model: SiteModel): (path: string) => string {
  const perYear = new Map<string, number>();
  for (const page of model.pages) {
    const year = page.meta.date?.slice(0, 4) ?? 'undated';
    perYear.set(year, (perYear.get(year) ?? 0) + page.items.length);
  }
  const shards = new Map<string, string>();
  for (const page of model.pages) {
    const year = page.meta.date?.slice(0, 4) ?? 'undated';
    const shard = year !== 'undated' && (perYear.get(year) ?? 0) > SEARCH_SHARD_LIMIT ? (page.meta.date ?? '').slice(0, 7) : year;
    for (const item of page.items) shards.set(item.path, shard);
  }
  return (path) => shards.get(path) ?? 'other';
}

/**
 * Extra output files computed from the site model and the pages already rendered (the search index is
 * rendered apart: see render-search-index.ts and {@link searchShardOf}).
 * @param files the rendered site files (HTML pages, assets, articles.json): only their paths are read
 * @returns `feed.xml` and `sitemap.xml`
 */
export async function renderExtras(model: SiteModel, files: ReadonlyArray<{ readonly path: string }>, config: Config): Promise<OutputFile[]> {
  return [
    { path: routes.feed(), content: renderFeed(model, config) },
    { path: routes.sitemap(), content: await renderSitemap(sitemapEntries(model, files), config) },
  ];
}
