/**
 * Item pages (`pages/{slug}/{NN}.html`): the article as readers see it, its bylines, credit and places linked,
 * a citation, and the articles before and after it in reading order. The text is rendered from the item's
 * Markdown body (render/article-markdown.ts), the same Markdown the export in `data/markdown/` carries.
 */
import { absoluteUrl, href, routes } from '../routes.js';
import type { SiteItem, SiteModel, SitePage } from '../site-model.js';
import { CHARACTERS_PER_MINUTE, editionLabel, escapeHtml, formatDate, itemMarkdownBody, pageCrumbs, pageRef, templated, type ArticleText, type PageRef } from './shared.js';
import { editionsOf } from './page.js';

/** The article before or after this one in reading order, as its pager shows it. */
export interface Neighbour {
  readonly path: string;
  readonly title: string;
  /** Where it ran when not on this page: `A2 要闻` in the same edition, `2021年8月18日 A3 社会` in another; '' on this page. */
  readonly where: string;
  readonly sameEdition: boolean;
}

/** What an item page shows. */
export interface ArticleData {
  readonly text: ArticleText;
  readonly title: string;
  readonly opening: string;
  readonly characters: number;
  readonly page: PageRef;
  /** Bylines and the photo credit with the paths of their author pages. */
  readonly bylines: ReadonlyArray<{ readonly name: string; readonly path: string }>;
  readonly credit: { readonly name: string; readonly path: string } | null;
  readonly places: ReadonlyArray<{ readonly name: string; readonly code: string }>;
  readonly previous: Neighbour | null;
  readonly next: Neighbour | null;
}

export const articleKind = templated<ArticleData>(
  'article',
  function* plan(model, context) {
    const editionOf = editionsOf(model);
    const authorOf = (name: string): string => model.authorPaths.get(name) ?? routes.author(name);
    const neighbour = (page: SitePage, other: SiteItem | undefined): Neighbour | null => {
      if (other === undefined) return null;
      const otherPage = context.pageOf(other) as SitePage;
      const sameEdition = editionOf.get(otherPage) === editionOf.get(page);
      let where = '';
      if (otherPage !== page) {
        const meta = otherPage.meta;
        const short = meta.page !== null && !/^\d+$/.test(meta.page) ? [meta.page, meta.pageName].filter(Boolean).join(' ') : otherPage.label;
        where = sameEdition ? short : [meta.date === null ? null : formatDate(meta.date), short].filter(Boolean).join(' ');
      }
      return { path: other.path, title: other.title, where, sameEdition };
    };
    for (const i of scopedItems(model, context.scope?.itemsOf)) {
      const item = model.items[i] as SiteItem;
      const page = context.pageOf(item) as SitePage;
      const a = item.article;
      yield {
        path: item.path,
        data: {
          text: context.text(item),
          title: item.title,
          opening: item.opening,
          characters: item.characters,
          page: pageRef(page),
          bylines: a.bylines.map((name) => ({ name, path: authorOf(name) })),
          credit: a.photoCredit ? { name: a.photoCredit, path: authorOf(a.photoCredit) } : null,
          places: [...a.places.districts, ...a.places.towns].map((place) => ({ name: place.name, code: place.code })),
          previous: neighbour(page, model.items[i - 1]),
          next: neighbour(page, model.items[i + 1]),
        },
      };
    }
  },
  (data, path, context) => {
    const { config, words, markdown } = context;
    const { text, page } = data;
    const permalink = absoluteUrl(config.baseUrl, path);
    const heading = [text.kicker, data.title].filter(Boolean).join(' ');
    const citation = [
      page.paper ?? config.title,
      page.date ? formatDate(page.date) : null,
      page.label,
      `《${data.title}》`,
      data.bylines.length > 0 ? data.bylines.map((byline) => byline.name).join('、') : null,
    ].filter(Boolean).join('，');
    /**
     * The pager link to the article before (`上`) or after (`下`) this one in reading order: `下一篇：标题` on the same
     * page, `下一版 A2 要闻 · 标题` on another page of the edition, `下一篇 2021年8月18日 A3 社会 · 标题` in another
     * edition (reading order runs from the newest edition back, so no 上一期/下一期 that could read the wrong way).
     */
    const link = (side: '上' | '下', other: Neighbour | null): object | null => {
      if (other === null) return null;
      const label = other.where === '' ? `${side}一篇：` : other.sameEdition ? `${side}一版 ${escapeHtml(other.where)} · ` : `${side}一篇 ${escapeHtml(other.where)} · `;
      return { href: href(path, other.path), label, title: words.html(other.title) };
    };
    return {
      pageTitle: `${heading} - ${config.title}`,
      description: data.opening,
      canonical: permalink,
      breadcrumbs: pageCrumbs(path, page, data.title),
      kicker: words.html(text.kicker),
      title: words.html(data.title),
      titleBreaks: words.breaks(data.title),
      subheadline: words.html(text.subheadline),
      bylines: data.bylines.map((byline) => ({ name: byline.name, href: href(path, byline.path) })),
      credit: data.credit ? { name: data.credit.name, href: href(path, data.credit.path) } : null,
      edition: editionLabel(page),
      pageHref: href(path, page.path),
      pageLabel: page.label,
      characters: data.characters,
      minutes: Math.max(1, Math.round(data.characters / CHARACTERS_PER_MINUTE)),
      places: data.places.map((place) => ({ name: place.name, href: href(path, routes.place(place.code)) })),
      // The body's last use in the plan: the memo lets go of it (40,000 bodies held to the end of rendering otherwise).
      body: markdown.body(itemMarkdownBody(context, text, true)),
      continued: text.continued,
      citation,
      permalink,
      pager: { label: '文章', previous: link('上', data.previous), next: link('下', data.next) },
    };
  },
  (data, context) => [itemMarkdownBody(context, data.text)],
  true,
);

/**
 * Positions in `model.items` of the item pages a plan makes: every item, or with a scope (`pages`, seed files) the
 * items of those pages and the item before and after each run of them (whose pagers name these items).
 */
function* scopedItems(model: SiteModel, pages: ReadonlySet<string> | undefined): Iterable<number> {
  if (pages === undefined) {
    for (let i = 0; i < model.items.length; i++) yield i;
    return;
  }
  let start = 0;
  let last = -1;
  for (const page of model.pages) {
    const end = start + page.items.length;
    if (pages.has(page.seed)) {
      for (let i = Math.max(start - 1, last + 1); i <= end && i < model.items.length; i++) yield (last = i);
    }
    start = end;
  }
}
