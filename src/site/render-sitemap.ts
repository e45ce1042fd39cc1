/**
 * `sitemap.xml`, written by the `sitemap` package (the only module that imports it).
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import type { Config } from '../config.js';
import { absoluteUrl } from './routes.js';

/**
 * Most URLs one sitemap file may list (the sitemaps.org protocol: 50,000 URLs and 50 MB; search engines refuse a
 * larger file). A site with more is listed by a sitemap index (see {@link renderSitemapIndex}).
 */
export const SITEMAP_URL_LIMIT = 50_000;

/** One URL of the sitemap: an output path and, when known, the date of the edition it belongs to. */
export interface SitemapEntry {
  /** Output path, e.g. `authors/陈馨.html` (not encoded: encoded here, once). */
  readonly path: string;
  /** Edition date `YYYY-MM-DD`, or null (no `<lastmod>`; the build time is never used). */
  readonly lastmod: string | null;
}

/**
 * The sitemap of `entries`, in the order given. URLs are `absoluteUrl(config.baseUrl, path)`: percent-encoded
 * once, exactly as the pages link them (the sitemap package keeps an already-encoded URL as it is).
 * @returns XML text
 */
export async function renderSitemap(entries: readonly SitemapEntry[], config: Config): Promise<string> {
  const stream = new SitemapStream({ lastmodDateOnly: true, xmlns: { news: false, xhtml: false, image: false, video: false } });
  const items = entries.map((entry) => ({
    url: absoluteUrl(config.baseUrl, entry.path),
    ...(entry.lastmod === null ? {} : { lastmod: entry.lastmod }),
  }));
  const xml = await streamToPromise(Readable.from(items).pipe(stream));
  return `${xml.toString('utf8')}\n`;
}

/**
 * A sitemap index (`<sitemapindex>`) of the sitemap files at `parts`, in the order given: each an output path
 * (`sitemaps/2021.xml`) and the newest `<lastmod>` of the URLs it lists, or null.
 * @returns XML text
 */
export async function renderSitemapIndex(parts: readonly SitemapEntry[], config: Config): Promise<string> {
  const stream = new SitemapIndexStream({ lastmodDateOnly: true });
  const items = parts.map((part) => ({
    url: absoluteUrl(config.baseUrl, part.path),
    ...(part.lastmod === null ? {} : { lastmod: part.lastmod }),
  }));
  const xml = await streamToPromise(Readable.from(items).pipe(stream));
  return `${xml.toString('utf8')}\n`;
}
