/**
 * The authors index (`authors/index.html`: by pinyin, in groups by the surname's initial letter, as Chinese
 * contact lists are, see name-order.ts) and each author's article list (`authors/{name}.html`, then `_2`, `_3`, …).
 */
import { groupByInitial } from '../name-order.js';
import { href, routes } from '../routes.js';
import { listCrumbs, listPageData, listItem, listPager, listPageTitle, paginate, templated, type ListPageData } from './shared.js';

/** What the authors index shows. */
export interface AuthorsData {
  readonly authors: ReadonlyArray<{ readonly name: string; readonly path: string; readonly count: number }>;
}

export const authorsKind = templated<AuthorsData>(
  'authors',
  function* plan(model) {
    yield { path: routes.authors(), data: { authors: model.authors.map((author) => ({ name: author.name, path: author.path, count: author.items.length })) } };
  },
  (data, path, { config, nameKeys }) => ({
    pageTitle: `作者 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(path, routes.home()) }, { label: '作者' }],
    groups: groupByInitial(data.authors, (author) => author.name, nameKeys).map((group) => ({
      initial: group.initial,
      id: group.initial === '#' ? 'other' : group.initial,
      authors: group.entries.map((author) => ({ name: author.name, href: href(path, author.path), count: author.count })),
    })),
  }),
);

/** What one page of an author's list shows. */
export interface AuthorListData extends ListPageData {
  readonly name: string;
  /** Path of the list's own page (page 1). */
  readonly first: string;
}

export const authorListKind = templated<AuthorListData>(
  'author',
  function* plan(model, context) {
    const scope = context.scope?.authors;
    for (const author of model.authors) {
      if (scope !== undefined && !scope.has(author.name)) continue;
      for (const page of paginate(author.items)) {
        yield {
          path: routes.listPage(author.path, page.slot),
          data: {
            name: author.name,
            first: author.path,
            ...listPageData(author.items.length, page, context),
          },
        };
      }
    }
  },
  (data, path, { config, words }) => ({
    pageTitle: `${listPageTitle(data.name, data.page)} - ${config.title}`,
    heading: data.name,
    countLine: data.countLine,
    breadcrumbs: [{ label: '首页', href: href(path, routes.home()) }, { label: '作者', href: href(path, routes.authors()) }, ...listCrumbs(path, data.name, data.page, data.first)],
    items: data.items.map((item) => listItem(words, path, item.entry, item.source)),
    listPager: listPager(path, data.page, (k) => routes.listPage(data.first, k)),
  }),
  undefined,
  true,
);
