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
const NOT_IN_SITEMAP: ReadonlySet<string> = new Set([routes.notFound(), routes.search()]);

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

/**
 * Extra output files computed from the site model and the pages already rendered (the search index is
 * rendered apart: see search/search-index.ts and search/shards.ts).
 * @param files the rendered site files (HTML pages, assets, articles.json): only their paths are read
 * @returns `feed.xml` and `sitemap.xml`
 */
export async function renderExtras(model: SiteModel, files: ReadonlyArray<{ readonly path: string }>, config: Config): Promise<OutputFile[]> {
  return [
    { path: routes.feed(), content: renderFeed(model, config) },
    { path: routes.sitemap(), content: await renderSitemap(sitemapEntries(model, files), config) },
  ];
}
