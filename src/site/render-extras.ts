/**
 * Files derived from the rendered site: the Atom feed, the sitemap and the search index.
 */
import type { Config } from '../config.js';
import { renderFeed } from './render-feed.js';
import { renderSitemap, renderSitemapIndex, SITEMAP_URL_LIMIT, type SitemapEntry } from './render-sitemap.js';
import { routes } from './routes.js';
import type { SiteModel } from './site-model.js';
import { compareCodePoints } from '../compare-code-points.js';
import { hashParts } from '../hash-parts.js';

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
 * Whether the output's file at `path`, which the last build made from data of hash `key` (with the same render
 * key), is kept as it is (write.ts OutputWriter.keep), in which case it is not rendered again.
 */
export type KeepExtra = (path: string, key: string) => Promise<boolean>;

/**
 * A derived file: rendered (`content`), or kept as the output holds it (`content` null, after `keep` said so).
 * `key` is the hash of the data it was made from, when it has one (the parts of a large sitemap), for the next build.
 */
export type ExtraFile =
  | { readonly path: string; readonly content: string; readonly key?: string }
  | { readonly path: string; readonly content: null; readonly key: string };

/**
 * Which sitemap file of a large site lists an entry: its edition year (a dated page (版), its items and its
 * edition), `undated` for the other pages and items, `site` for the rest (home, lists, places, authors). So an
 * added edition changes its year's file and `site`'s, and the other years' files keep their bytes.
 */
function sitemapGroup(entry: SitemapEntry): string {
  if (entry.lastmod !== null) return entry.lastmod.slice(0, 4);
  return entry.path.startsWith('pages/') ? 'undated' : 'site';
}

/**
 * Most URLs `sitemap.xml` lists itself; a site with more gets a sitemap index of parts (see {@link sitemapFiles}),
 * long before the protocol's {@link SITEMAP_URL_LIMIT}: an edition added to the archive then changes the parts of
 * its year and of the site's lists, and the other years' parts are kept as they are, not made again (the sitemap
 * package takes ~7 µs a URL: ~0.1 s of every rerun at 15,000 pages, ~1 s at 140,000).
 */
export const SITEMAP_SPLIT_AT = 5_000;

/**
 * The sitemap files of `entries` (in path order, as {@link sitemapEntries} gives them). Up to `limit` URLs and
 * {@link SITEMAP_SPLIT_AT}: `sitemap.xml` lists them all. More: `sitemap.xml` is a sitemap index of `sitemaps/{group}.xml` files, one a
 * {@link sitemapGroup} (a group of more than `limit` URLs in parts `{group}-1`, `{group}-2`, … of `limit` each, in
 * path order), listed in name order, each with the newest lastmod of its URLs.
 * @param limit URLs a file may list, default {@link SITEMAP_URL_LIMIT} (a test passes a small one)
 * @param keep when given, asked for each part whether the output's file is kept (see {@link KeepExtra}): then the
 *   part is not rendered, and comes back with `content` null
 * @returns `sitemap.xml`, then the parts in path order
 */
export async function sitemapFiles(entries: readonly SitemapEntry[], config: Config, limit = SITEMAP_URL_LIMIT, keep?: KeepExtra): Promise<ExtraFile[]> {
  if (entries.length <= Math.min(limit, SITEMAP_SPLIT_AT)) return [{ path: routes.sitemap(), content: await renderSitemap(entries, config) }];
  const groups = new Map<string, SitemapEntry[]>();
  for (const entry of entries) {
    const group = sitemapGroup(entry);
    const list = groups.get(group);
    if (list) list.push(entry);
    else groups.set(group, [entry]);
  }
  const parts: ExtraFile[] = [];
  const index: SitemapEntry[] = [];
  for (const group of [...groups.keys()].sort(compareCodePoints)) {
    const list = groups.get(group) as SitemapEntry[];
    const count = Math.ceil(list.length / limit);
    for (let part = 0; part < count; part++) {
      const slice = list.slice(part * limit, (part + 1) * limit);
      const path = routes.sitemapPart(count === 1 ? group : `${group}-${part + 1}`);
      const newest = slice.reduce<string | null>((max, entry) => (entry.lastmod !== null && (max === null || entry.lastmod > max) ? entry.lastmod : max), null);
      // A part's bytes follow from its entries, the base URL and the code that writes it (`keep`'s key, with the render key).
      const key = keep === undefined ? null : hashParts(['sitemap', config.baseUrl ?? '', ...slice.flatMap((entry) => [entry.path, entry.lastmod ?? ''])]);
      if (key !== null && keep !== undefined && (await keep(path, key))) parts.push({ path, content: null, key });
      else parts.push({ path, content: await renderSitemap(slice, config), ...(key === null ? {} : { key }) });
      index.push({ path, lastmod: newest });
    }
  }
  return [{ path: routes.sitemap(), content: await renderSitemapIndex(index, config) }, ...parts];
}

/**
 * Extra output files computed from the site model and the pages already rendered (the search index is
 * rendered apart: see search/search-index.ts and search/shards.ts).
 * @param files the rendered site files (HTML pages, assets, articles.json): only their paths are read
 * @param keep when given, asked for each part of a split sitemap whether the output's file is kept (see {@link KeepExtra})
 * @returns `feed.xml`, `sitemap.xml` and, for a site of more than {@link SITEMAP_SPLIT_AT} pages, the sitemap
 *   files it indexes (`sitemaps/…`)
 */
export async function renderExtras(model: SiteModel, files: ReadonlyArray<{ readonly path: string }>, config: Config, keep?: KeepExtra): Promise<ExtraFile[]> {
  return [
    { path: routes.feed(), content: renderFeed(model, config) },
    ...(await sitemapFiles(sitemapEntries(model, files), config, SITEMAP_URL_LIMIT, keep)),
  ];
}
