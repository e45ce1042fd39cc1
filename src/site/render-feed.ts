/**
 * The Atom feed (`feed.xml`) of the newest items, written by the `feed` package (the only module that
 * imports it). Deterministic: entry and feed dates come from edition dates, never from the clock.
 */
import { Feed } from 'feed';
import type { Config } from '../config.js';
import { absoluteUrl, routes } from './routes.js';
import type { SiteItem, SiteModel, SitePage } from './site-model.js';

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates), and
 * `]]>`, which would end the CDATA sections the feed package writes titles and content in.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** Text with every character XML 1.0 forbids removed (see NOT_XML), so it can go into any XML document. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** `&`, `<`, `>`, `"` as entities (the text of HTML carried in the feed's CDATA), and `]]>` never left whole. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The item's body as HTML: paragraphs as `<p>`, subheads as `<h2>`, every character escaped. */
function itemHtml(item: SiteItem): string {
  return item.shown.body
    .map((part) => (part.type === 'subhead' ? `<h2>${escapeHtml(xmlSafe(part.text))}</h2>` : `<p>${escapeHtml(xmlSafe(part.text))}</p>`))
    .join('\n');
}

/**
 * Midnight of an edition date in China (UTC+8): `2021-08-18` → 2021-08-17T16:00:00Z.
 * The date is the printed edition's; no clock is read.
 */
export function editionInstant(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * The Atom 1.0 document of the `config.feedSize` newest dated items, in edition order (site order: newest edition
 * first, then print order of pages and items). Each entry is dated by its edition (`updated` and `published`,
 * midnight in China). Items of pages without a date are left out: Atom needs a date for every entry and an
 * entry never claims one it does not have (they are on the site, under 未注明日期的版面). The feed's own date is
 * the newest edition's; a site with no dated page has an empty feed dated 1970-01-01 (the clock is never used).
 * @returns XML text, UTF-8, every text passed through xmlSafe
 */
export function renderFeed(model: SiteModel, config: Config): string {
  const pageOf = new Map<string, SitePage>();
  for (const page of model.pages) for (const item of page.items) pageOf.set(item.id, page);
  const newest = model.editions.find((edition) => edition.date !== null)?.date ?? null;
  const updated = newest === null ? new Date(0) : editionInstant(newest);
  const dated = model.items.filter((item) => (pageOf.get(item.id)?.meta.date ?? null) !== null).slice(0, config.feedSize);
  const title = xmlSafe(config.title);
  const feed = new Feed({
    id: absoluteUrl(config.baseUrl, routes.home()),
    title,
    link: absoluteUrl(config.baseUrl, routes.home()),
    feed: absoluteUrl(config.baseUrl, routes.feed()),
    language: 'zh-CN',
    updated,
    generator: 'news-archive',
    copyright: title,
  });
  for (const item of dated) {
    const page = pageOf.get(item.id) as SitePage;
    const date = editionInstant(page.meta.date as string);
    const a = item.shown;
    const names = [...a.bylines, ...(a.photoCredit === null ? [] : [a.photoCredit])];
    const source = [page.meta.paper, page.label].filter((part): part is string => typeof part === 'string').join(' ');
    const link = absoluteUrl(config.baseUrl, item.path);
    feed.addItem({
      title: escapeHtml(xmlSafe([a.kicker, item.title].filter(Boolean).join(' '))),
      id: link,
      link,
      date,
      published: date,
      description: escapeHtml(xmlSafe([source, item.opening].filter(Boolean).join('：'))),
      content: itemHtml(item),
      author: names.map((name) => ({ name: xmlSafe(name), link: absoluteUrl(config.baseUrl, model.authorPaths.get(name) ?? routes.author(name)) })),
    });
  }
  return `${feed.atom1()}\n`;
}
