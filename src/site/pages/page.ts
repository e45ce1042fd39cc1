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

/**
 * Most pages (版) a page lists of its edition: all of them up to this many. A printed edition has 4 to ~100 pages;
 * the undated edition of an archive without front matter can have thousands (9,000 at 40,000 articles), and
 * listing them all on each page made the plan quadratic (81 million list entries: a 40,000-article build ran out
 * of memory), put thousands of links above the page's items, and changed every page's list when a page was added.
 */
export const SIBLING_LIMIT = 100;

/** How many pages a page of a larger edition lists: itself and 10 on either side (the edition page lists them all). */
export const SIBLING_WINDOW = 21;

/**
 * The pages of an edition that the page at `index` lists: all of them, or, in an edition of more than `limit`
 * pages, the `window` pages around it (as many before as after it, shifted to stay within the edition at its ends).
 * @param pages the edition's pages in print order
 * @param index the page's position in `pages`
 */
export function siblingWindow<T>(pages: readonly T[], index: number, limit = SIBLING_LIMIT, window = SIBLING_WINDOW): readonly T[] {
  if (pages.length <= limit) return pages;
  const start = Math.min(Math.max(0, index - Math.floor(window / 2)), pages.length - window);
  return pages.slice(start, start + window);
}

/** A page (版) as the pages of its edition list it. */
export interface SiblingEntry {
  readonly path: string;
  readonly label: string;
}

/** What a page (版) shows. */
export interface PageData {
  readonly page: PageRef;
  /** The seed file the page comes from (shown to editors in a comment). */
  readonly seed: string;
  /**
   * The pages of its edition in print order (this one among them: the one of its path), or in an edition of more
   * than SIBLING_LIMIT the SIBLING_WINDOW around it (see siblingWindow); empty when it is the edition's only page.
   * One list for all the pages of an edition of up to SIBLING_LIMIT (PlanContext.share).
   */
  readonly siblings: readonly SiblingEntry[];
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
    const positionOf = new Map<SitePage, number>();
    // One entry a page, and one list an edition (of up to SIBLING_LIMIT pages), that the pages which list them share.
    const entries = new Map<SitePage, SiblingEntry>();
    const lists = new Map<SiteEdition, readonly SiblingEntry[]>();
    for (const edition of model.editions) {
      edition.pages.forEach((page, i) => {
        positionOf.set(page, i);
        entries.set(page, { path: page.path, label: page.label });
      });
    }
    const entryOf = (page: SitePage): SiblingEntry => entries.get(page) as SiblingEntry;
    const scope = context.scope?.pages;
    for (const [i, page] of model.pages.entries()) {
      if (scope !== undefined && !scope.has(page.seed)) continue;
      const edition = editionOf.get(page);
      const pages = edition?.pages ?? [];
      const window = siblingWindow(pages, positionOf.get(page) ?? 0);
      let siblings: readonly SiblingEntry[] = [];
      if (window.length > 1 && window !== pages) siblings = window.map(entryOf);
      else if (window.length > 1 && edition !== undefined) {
        siblings = lists.get(edition) ?? context.share(pages.map(entryOf));
        lists.set(edition, siblings);
      }
      yield {
        path: page.path,
        data: {
          page: pageRef(page),
          seed: page.seed,
          siblings,
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
      siblings: data.siblings.length > 0 ? data.siblings.map((sibling) => ({ label: sibling.label, href: sibling.path === data.page.path ? null : href(path, sibling.path) })) : null,
      pager: { label: '版面', previousLabel: '上一版', nextLabel: '下一版', previous: link(data.previous), next: link(data.next) },
    };
  },
  undefined,
  true,
);
