/**
 * Pages (版, `pages/{slug}/index.html`): a printed page's items in page order, the other pages of its edition,
 * and the previous and next page of the archive.
 */
import type { SiteEdition, SiteModel, SitePage } from '../site-model.js';
import { absoluteUrl, href } from '../routes.js';
import { editionLabel, listItem, pageCrumbs, pageRef, templated, type ListEntry, type PageRef } from './shared.js';

/** The edition of each page of the model. */
export function editionsOf(model: SiteModel): Map<SitePage, SiteEdition> {
  const editionOf = new Map<SitePage, SiteEdition>();
  for (const edition of model.editions) for (const page of edition.pages) editionOf.set(page, edition);
  return editionOf;
}

/** What a page (版) shows. */
export interface PageData {
  readonly page: PageRef;
  /** The seed file the page comes from (shown to editors in a comment). */
  readonly seed: string;
  /** The pages of its edition in print order (`self` for this one); empty when it is the edition's only page. */
  readonly siblings: ReadonlyArray<{ readonly path: string; readonly label: string; readonly self: boolean }>;
  /** The previous and next page in reading order, named with their edition when it is another one. */
  readonly previous: { readonly path: string; readonly title: string } | null;
  readonly next: { readonly path: string; readonly title: string } | null;
  readonly items: readonly ListEntry[];
}

export const pageKind = templated<PageData>(
  'page',
  function* plan(model, context) {
    const editionOf = editionsOf(model);
    /** A neighbour page's name in a pager: with its edition when it belongs to another one. */
    const neighbour = (page: SitePage, other: SitePage | undefined): PageData['previous'] => {
      if (other === undefined) return null;
      const title = editionOf.get(page) === editionOf.get(other) ? other.label : [editionLabel(other.meta), other.label].filter(Boolean).join(' ');
      return { path: other.path, title };
    };
    for (const [i, page] of model.pages.entries()) {
      const siblings = editionOf.get(page)?.pages ?? [];
      yield {
        path: page.path,
        data: {
          page: pageRef(page),
          seed: page.seed,
          siblings: siblings.length > 1 ? siblings.map((sibling) => ({ path: sibling.path, label: sibling.label, self: sibling === page })) : [],
          previous: neighbour(page, model.pages[i - 1]),
          next: neighbour(page, model.pages[i + 1]),
          items: page.items.map((item) => context.entry(item)),
        },
      };
    }
  },
  (data, path, { config, words }) => {
    const edition = editionLabel(data.page);
    const link = (other: PageData['previous']): object | null => (other === null ? null : { href: href(path, other.path), title: words.html(other.title) });
    return {
      pageTitle: `${edition ? `${edition} ` : ''}${data.page.label} - ${config.title}`,
      heading: words.html(data.page.label),
      edition,
      seed: data.seed,
      count: data.items.length,
      canonical: absoluteUrl(config.baseUrl, path),
      breadcrumbs: pageCrumbs(path, data.page, null),
      items: data.items.map((item) => listItem(words, path, item)),
      siblings: data.siblings.length > 0 ? data.siblings.map((sibling) => ({ label: sibling.label, href: sibling.self ? null : href(path, sibling.path) })) : null,
      pager: { label: '版面', previousLabel: '上一版', nextLabel: '下一版', previous: link(data.previous), next: link(data.next) },
    };
  },
);
