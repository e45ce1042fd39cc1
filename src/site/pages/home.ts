/**
 * The home page (`index.html`): the newest HOME_EDITIONS editions, each with its pages and their items; the
 * older ones through the issue calendar.
 */
import { absoluteUrl, href, routes } from '../routes.js';
import { formatDate, HOME_EDITIONS, listItem, templated, type ListEntry } from './shared.js';

/** What the home page shows. */
export interface HomeData {
  /** Editions of the archive, the shown ones included. */
  readonly editionCount: number;
  readonly editions: ReadonlyArray<{
    readonly date: string | null;
    readonly paper: string | null;
    readonly pages: ReadonlyArray<{ readonly path: string; readonly label: string; readonly items: readonly ListEntry[] }>;
  }>;
}

export const homeKind = templated<HomeData>(
  'home',
  function* plan(model, context) {
    yield {
      path: routes.home(),
      data: {
        editionCount: model.editions.length,
        editions: model.editions.slice(0, HOME_EDITIONS).map((edition) => ({
          date: edition.date,
          paper: edition.paper,
          pages: edition.pages.map((page) => ({ path: page.path, label: page.label, items: page.items.map((item) => context.entry(item)) })),
        })),
      },
    };
  },
  (data, home, { config, words }) => ({
    pageTitle: config.title,
    description: `${config.title}：按日期、版面、地区和作者浏览。`,
    canonical: absoluteUrl(config.baseUrl, home),
    editions: data.editions.map((edition) => ({
      label: edition.date === null ? '未注明日期的版面' : [edition.paper, formatDate(edition.date)].filter(Boolean).join(' '),
      href: edition.date === null ? null : href(home, routes.edition(edition.date)),
      pages: edition.pages.map((page) => ({
        label: page.label,
        href: href(home, page.path),
        count: page.items.length,
        items: page.items.map((item) => listItem(words, home, item)),
      })),
    })),
    older: data.editionCount > data.editions.length ? { count: data.editionCount - data.editions.length, href: href(home, routes.editions()) } : null,
  }),
);
