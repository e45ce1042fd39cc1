/**
 * The pages that show no articles: the search page, the about page, the 404 page; and the templates' static
 * assets (stylesheet, search script), copied as they are.
 */
import { href, routes } from '../routes.js';
import { noBreakLatin, templated, type PageKind } from './shared.js';

/**
 * Search: the form and the script that reads the Pagefind index (see search/search-index.ts). Without search
 * (`search: false`) neither the page nor its script is made, and no page links to them.
 */
export const searchKind = templated<null>(
  'search',
  function* plan(_model, { config }) {
    if (config.search) yield { path: routes.search(), data: null };
  },
  (_data, path, { config }) => ({
    pageTitle: `搜索 - ${config.title}`,
    searchScript: href(path, routes.searchScript()),
    // Fetched while the page loads, before the search script asks for them (templates/search.js). Not Pagefind's
    // own files: its worker fetches those, and a preload from the page would fetch them twice.
    preloads: [
      { rel: 'modulepreload', href: href(path, 'pagefind/pagefind.js'), as: null },
      { rel: 'preload', href: href(path, 'pagefind/shards.json'), as: 'fetch' },
    ],
  }),
);

/** About: what the archive holds and where its data comes from (kept off the pages readers read). */
export const aboutKind = templated<{ readonly regionNote: string }>(
  'about',
  function* plan(_model, { regionNote }) {
    yield { path: routes.about(), data: { regionNote } };
  },
  (data, path, { config }) => ({
    pageTitle: `关于本站 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(path, routes.home()) }, { label: '关于本站' }],
    regionNote: noBreakLatin(data.regionNote),
  }),
);

/** The 404 page: its links are rooted at the base URL's path (it is served at any depth). */
export const notFoundKind = templated<null>(
  'not-found',
  function* plan() {
    yield { path: routes.notFound(), data: null };
  },
  (_data, _path, { config }) => ({ pageTitle: `找不到页面 - ${config.title}` }),
);

/** The templates' assets (`assets/{name}`), in name order; the search script only with search. */
export const assetKind: PageKind<{ readonly content: string }> = {
  name: 'asset',
  *plan(_model, { config, assets }) {
    for (const [name, content] of [...assets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!config.search && `assets/${name}` === routes.searchScript()) continue;
      yield { path: `assets/${name}`, data: { content } };
    }
  },
  render: (data) => data.content,
};
