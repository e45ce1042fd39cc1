/**
 * Edition pages (`editions/{date}.html`): the page list (版面目录) of one date, each page with its headlines,
 * and the previous and next edition.
 */
import { href, routes } from '../routes.js';
import { escapeHtml, formatDate, listItem, templated, type ListEntry } from './shared.js';

/** What an edition page shows. */
export interface EditionData {
  readonly date: string;
  readonly paper: string | null;
  /** Dates of the next newer and older editions. */
  readonly newer: string | null;
  readonly older: string | null;
  readonly pages: ReadonlyArray<{ readonly path: string; readonly label: string; readonly slug: string; readonly items: readonly ListEntry[] }>;
}

export const editionKind = templated<EditionData>(
  'edition',
  function* plan(model, context) {
    const dated = model.editions.filter((edition) => edition.date !== null);
    const scope = context.scope?.editions;
    for (const [i, edition] of dated.entries()) {
      const date = edition.date as string;
      if (scope !== undefined && !scope.has(date)) continue;
      yield {
        path: routes.edition(date),
        data: {
          date,
          paper: edition.paper,
          newer: dated[i - 1]?.date ?? null,
          older: dated[i + 1]?.date ?? null,
          pages: edition.pages.map((page) => ({ path: page.path, label: page.label, slug: page.slug, items: page.items.map((item) => context.entry(item)) })),
        },
      };
    }
  },
  // 版面导航 (the pages, as a row of links to their headlines below) and 标题导航 (each page with its headlines).
  (data, path, { config, words }) => {
    const label = [data.paper, formatDate(data.date)].filter(Boolean).join(' ');
    const link = (date: string | null): object | null => (date === null ? null : { href: href(path, routes.edition(date)), title: escapeHtml(formatDate(date)) });
    return {
      pageTitle: `${label} - ${config.title}`,
      heading: label,
      breadcrumbs: [{ label: '首页', href: href(path, routes.home()) }, { label }],
      pages: data.pages.map((page) => ({
        label: page.label,
        anchor: `page-${page.slug}`,
        href: href(path, page.path),
        count: page.items.length,
        items: page.items.map((item) => listItem(words, path, item)),
      })),
      pager: { label: '往期', previousLabel: '上一期', nextLabel: '下一期', previous: link(data.older), next: link(data.newer) },
    };
  },
  undefined,
  true,
);
