/**
 * Tagged articles + their pages → the site's structure: editions (by date), pages (版) in print order,
 * items in page order, authors. Pure; sorting by code point so the output never depends on the locale.
 */
import { lazyField } from '../lazy-fields.js';
import { compareCodePoints } from '../compare-code-points.js';
import type { PageMeta, PlaceRef, SeedPageInfo, TaggedArticle } from '../types.js';
import { displayArticle } from './display-text.js';
import { EVERY_CHARACTER, type WordBoundaries } from './line-breaks.js';
import { nameSegment, pageSlug, routes, uniqueSegments } from './routes.js';

/** One item as the site shows it. */
export interface SiteItem {
  /** Stable id `{page-slug}/{NN}`. */
  readonly id: string;
  /** Output path of its page, e.g. `pages/000_b18dfdda09c05dd9/01.html`. */
  readonly path: string;
  /** The item as segmented: the text exactly as extracted from the seed. */
  readonly article: TaggedArticle;
  /**
   * The item as readers see it (display-text.ts): `article` with half-width punctuation between Chinese
   * characters shown full-width; the same object when that changes nothing. Pages, lists and the feed show this.
   */
  readonly shown: TaggedArticle;
  /** Title for lists and `<title>`, as shown: the headline, or for a photo or unsorted text the start of its text. */
  readonly title: string;
  /** The first sentence of the first paragraph as shown (at most 80 characters, `…` when cut). */
  readonly opening: string;
  /** Subheads, and paragraphs, in order, as extracted (not mapped for display: see `shown`). */
  readonly subheads: readonly string[];
  readonly paragraphs: readonly string[];
  /** Characters of text (no spaces), for reading time. */
  readonly characters: number;
  /**
   * False for an item without text (a stray byline or credit: no kicker, headline, subheadline, paragraph or
   * subhead): it gets no page and is listed nowhere, only in `data/articles.json` (SiteModel.records).
   */
  readonly published: boolean;
}

/** One printed page (版). */
export interface SitePage {
  readonly slug: string;
  readonly path: string;
  readonly seed: string;
  readonly meta: PageMeta;
  /** How the page is named to readers: `A3版 要闻`, `第3版`, or by its lead item (see pageLabel); never the file name. */
  readonly label: string;
  readonly items: readonly SiteItem[];
}

/** One edition: the pages of one date (or of no date). */
export interface SiteEdition {
  /** `YYYY-MM-DD`, or null for pages whose seed gives no date. */
  readonly date: string | null;
  readonly paper: string | null;
  readonly pages: readonly SitePage[];
}

/** A person named in bylines or photo credits, with their items in site order. */
export interface SiteAuthor {
  readonly name: string;
  readonly path: string;
  readonly items: readonly SiteItem[];
}

/** A place with the items tagged with it. */
export interface SitePlace {
  readonly place: PlaceRef;
  readonly items: readonly SiteItem[];
}

/** The whole site's structure. */
export interface SiteModel {
  /** Editions, newest date first; the undated edition (if any) last. */
  readonly editions: readonly SiteEdition[];
  /** Every page in reading order (editions newest first, pages in print order). */
  readonly pages: readonly SitePage[];
  /** Every published item in reading order (see SiteItem.published). */
  readonly items: readonly SiteItem[];
  /** Every item in reading order, published or not: what `data/articles.json` lists. */
  readonly records: readonly SiteItem[];
  /** Authors sorted by name (code point). */
  readonly authors: readonly SiteAuthor[];
  /** Tagged places sorted by code. */
  readonly places: readonly SitePlace[];
  /** Output path of each author's page (page 1), by name: unique among the site's authors (see routes.ts uniqueSegments). */
  readonly authorPaths: ReadonlyMap<string, string>;
  /** Every item of each page, published or not, in page order, by seed file (SitePage.seed): `records` page by page. */
  readonly pageRecords: ReadonlyMap<string, readonly SiteItem[]>;
}


/** Print order of page numbers: `A2` < `A10` < `B1`; `3` < `12`. */
export function comparePageNumbers(a: string, b: string): number {
  const split = (value: string): [string, number, string] => {
    const match = /^([^\d]*)(\d+)(.*)$/u.exec(value);
    return match ? [match[1] ?? '', Number(match[2]), match[3] ?? ''] : [value, Number.MAX_SAFE_INTEGER, ''];
  };
  const [pa, na, ra] = split(a);
  const [pb, nb, rb] = split(b);
  return compareCodePoints(pa, pb) || na - nb || compareCodePoints(ra, rb);
}

/**
 * How a page is named to readers: `A3版 要闻`, `第3版`, `要闻` from its front matter; a page whose front matter
 * names neither number nor name is named by its lead item, `版面「积极行动 凝聚起抗疫强大合力」` (its first
 * headline, or the first item's title when no item has one), never by its file name, which is for editors;
 * `未命名版面` for a page without items.
 */
function pageLabel(page: SeedPageInfo, items: readonly SiteItem[]): string {
  const { page: number, pageName } = page.meta;
  const numberLabel = number === null ? null : pageNumberLabel(number);
  const parts = [numberLabel, pageName].filter((part): part is string => part !== null);
  if (parts.length > 0) return parts.join(' ');
  const lead = items.find((item) => item.article.headline !== null) ?? items[0];
  return lead === undefined ? '未命名版面' : `版面「${lead.title}」`;
}

/**
 * The front matter's `page` (版次) as readers see it: `3` → `第3版`, `A3` → `A3版`; a value the editor wrote with
 * its `版` already (`第五版`, `A3版`, `5版`) gets no second one (`第五版`, `A3版`, `第5版`). Surrounding spaces dropped.
 */
export function pageNumberLabel(page: string): string {
  const core = page.trim().replace(/\s*版$/u, '').trim();
  return /^\d+$/u.test(core) ? `第${core}版` : `${core}版`;
}

/** A space character (what {@link countCharacters} leaves out). */
const SPACE = /[\s\u3000]/u;
const SPACES = /[\s\u3000]/gu;

/**
 * Non-space characters of a text (UTF-16 code units that are not `\s` or U+3000). A text without a space (most of
 * a Chinese archive's) is counted by one test, not copied without its spaces.
 */
export function countCharacters(text: string): number {
  return SPACE.test(text) ? text.replace(SPACES, '').length : text.length;
}

/** Marks after which a clause ends: a cut there reads as a pause, never inside a word. */
const CLAUSE_END = /[，。；：！？、,;:!?\s]/u;
/** Marks that end a sentence, and the closing quotes and brackets that may follow them. */
const SENTENCE = /^.*?[。！？!?][”’」』）)]*/u;
const PAIRS: ReadonlyArray<readonly [string, string]> = [['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['《', '》'], ['（', '）'], ['(', ')']];

/**
 * `text` cut to at most `max` UTF-16 code units, at a boundary a reader does not notice: after the last clause mark
 * (`，` `。` `、` …, or a space) in the second half of the allowance, else at the last word boundary, else (one word
 * longer than `max`) after `max` units. Trailing clause marks are dropped, `…` is added, and quotes or brackets
 * left open are closed after it (`“陈馨…”`). `text` itself when it fits.
 */
export function cutText(text: string, max: number, words: WordBoundaries): string {
  if (text.length <= max) return text;
  let cut = -1;
  for (let i = max; i >= Math.ceil(max / 2); i--) {
    if (CLAUSE_END.test(text[i - 1] as string)) { cut = i; break; }
  }
  if (cut < 0) cut = words(text).filter((offset) => offset > 0 && offset <= max).at(-1) ?? max;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--;
  const kept = text.slice(0, cut).replace(/[，。；：、,;:\s]+$/u, '');
  let closers = '';
  for (const [open, close] of PAIRS) {
    const missing = kept.split(open).length - kept.split(close).length;
    for (let k = 0; k < missing; k++) closers = close + closers;
  }
  return `${kept}…${closers}`;
}

/** Whether `text` leaves a quote or bracket open (more `“` than `”`, …). */
function leavesOpen(text: string): boolean {
  return PAIRS.some(([open, close]) => text.split(open).length > text.split(close).length);
}

/**
 * The opening of a text for lists: its first sentence with its closing quotes (`“大娘，您别起身了，躺着就好。”`);
 * when that sentence leaves a quote open (`“儿女们天天忙，……功能。` goes on `现在好了……”`), up to the end of the
 * sentence that closes it; at most 80 units (longer: cut by {@link cutText}, which closes what it leaves open).
 */
export function firstSentence(text: string, words: WordBoundaries): string {
  let end = 0;
  let sentence = '';
  do {
    const match = SENTENCE.exec(text.slice(end));
    if (match === null) { sentence = text; break; }
    end += match[0].length;
    sentence = text.slice(0, end);
  } while (leavesOpen(sentence) && end < text.length && end <= 80);
  return cutText(sentence, 80, words);
}

/** The title of an item: its headline, or `图片：` / `未归类文本：` and the start of its text cut by {@link cutText}. */
function itemTitle(article: TaggedArticle, paragraphs: readonly string[], words: WordBoundaries): string {
  if (article.headline !== null) return article.headline;
  const start = paragraphs[0] ?? '';
  const label = article.kind === 'photo' ? '图片' : '未归类文本';
  return start === '' ? label : `${label}：${cutText(start, 24, words)}`;
}

/**
 * Items already made, by article object: a session's rebuild (build.ts BuildSession) keeps unchanged articles'
 * objects, so their items are not made again. Kept in the build context (build-context.ts).
 */
export type ItemMemo = WeakMap<TaggedArticle, { readonly slug: string; readonly item: SiteItem }>;

/**
 * What a site item shows of its article besides its text, as readers see it: the header lines through
 * display-text.ts (full-width punctuation), the title and opening for lists, the characters for reading time,
 * and whether it is published. Made once with the article's page entry (build.ts) and kept in the cache
 * (cache/build-cache.ts PageEntry.views), so that a rerun makes the site items of unchanged pages without reading
 * their text (the text is read only for the pages it renders). Depends on the article and the word boundaries
 * alone (jieba with the gazetteer's dictionary: the generator and the home region, which the entry's key holds).
 */
export interface ItemView {
  /** SiteItem.shown's kicker, headline and subheadline. */
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
  /** SiteItem.title. */
  readonly title: string;
  /** SiteItem.opening. */
  readonly opening: string;
  /** SiteItem.characters. */
  readonly characters: number;
  /** SiteItem.published. */
  readonly published: boolean;
}

/** Items' views by article object (see {@link ItemView}): from their page entries. */
export type ItemViews = Pick<ReadonlyMap<TaggedArticle, ItemView>, 'get'>;

function toItem(article: TaggedArticle, slug: string, memo: ItemMemo | undefined, words: WordBoundaries, views: ItemViews | undefined): SiteItem {
  const made = memo?.get(article);
  if (made !== undefined && made.slug === slug) return made.item;
  const item = makeItem(article, slug, words, views?.get(article));
  memo?.set(article, { slug, item });
  return item;
}

/** Body parts that are text of their own; bylines, credits, datelines and signatures are not. */
export const TEXT_PARTS: ReadonlySet<string> = new Set(['paragraph', 'subhead', 'deck']);

/** True when an item has text a reader would read: a header line, or a paragraph, subhead or deck. */
export function hasText(article: TaggedArticle): boolean {
  const blank = (text: string | null): boolean => text === null || text.trim() === '';
  return !blank(article.kicker) || !blank(article.headline) || !blank(article.subheadline) || article.body.some((part) => TEXT_PARTS.has(part.type) && !blank(part.text));
}

/** The {@link ItemView} of an article whose displayed form is `shown` (display-text.ts displayArticle). */
function viewOf(article: TaggedArticle, shown: TaggedArticle, words: WordBoundaries): ItemView {
  const shownParagraphs = shown.body.filter((part) => part.type === 'paragraph').map((part) => part.text);
  const texts = [article.kicker, article.headline, article.subheadline, ...article.body.filter((part) => TEXT_PARTS.has(part.type)).map((part) => part.text)];
  return {
    kicker: shown.kicker,
    headline: shown.headline,
    subheadline: shown.subheadline,
    title: itemTitle(shown, shownParagraphs, words),
    opening: firstSentence(shownParagraphs[0] ?? '', words),
    characters: texts.reduce((sum, text) => sum + (text === null ? 0 : countCharacters(text)), 0),
    published: hasText(article),
  };
}

/**
 * The {@link ItemView} of an article: what its site item shows besides its text.
 * @param wordBoundaries as for {@link buildSiteModel} (the same function gives the same view)
 */
export function itemView(article: TaggedArticle, wordBoundaries: WordBoundaries = EVERY_CHARACTER): ItemView {
  return viewOf(article, displayArticle(article), wordBoundaries);
}

/**
 * The article as readers see it, made from its view without reading its text (see {@link ItemView}): the header
 * lines are the view's, and the body is the article's through display-text.ts, mapped when it is first read.
 */
function shownOf(article: TaggedArticle, view: ItemView): TaggedArticle {
  const shown: Record<string, unknown> = { seed: article.seed, index: article.index, kind: article.kind, kicker: view.kicker, headline: view.headline, subheadline: view.subheadline };
  SHOWN_BODY.define(shown, article);
  shown.bylines = article.bylines;
  shown.photoCredit = article.photoCredit;
  shown.continued = article.continued;
  shown.sourceLines = article.sourceLines;
  if (article.opening !== undefined) shown.opening = article.opening;
  shown.places = article.places;
  return shown as unknown as TaggedArticle;
}

/** The body of an article as shown (display-text.ts), worked out when first read (see {@link shownOf}). */
const SHOWN_BODY = lazyField('body', (article: TaggedArticle) => displayArticle(article).body);

/** A site item's subheads and paragraphs, worked out from its article's body when first read (see {@link makeItem}). */
const ITEM_SUBHEADS = lazyField('subheads', (article: TaggedArticle) => article.body.filter((part) => part.type === 'subhead').map((part) => part.text));
const ITEM_PARAGRAPHS = lazyField('paragraphs', (article: TaggedArticle) => article.body.filter((part) => part.type === 'paragraph').map((part) => part.text));

/**
 * The site item of an article. With its view (from its page entry), its text is not read here: `shown.body`,
 * `subheads` and `paragraphs` read it when they are first read (a rerun reads the text only of what it renders).
 */
function makeItem(article: TaggedArticle, slug: string, words: WordBoundaries, stored: ItemView | undefined): SiteItem {
  let shown: TaggedArticle;
  let view: ItemView;
  if (stored !== undefined) {
    view = stored;
    shown = shownOf(article, view);
  } else {
    shown = displayArticle(article);
    view = viewOf(article, shown, words);
  }
  const item: Record<string, unknown> = { id: routes.itemId(slug, article.index), path: routes.item(slug, article.index), article, shown, title: view.title, opening: view.opening };
  ITEM_SUBHEADS.define(item, article);
  ITEM_PARAGRAPHS.define(item, article);
  item.characters = view.characters;
  item.published = view.published;
  return item as unknown as SiteItem;
}

/** Order of pages: dated pages newest first, then by page number; undated pages after them, by file name. */
function comparePages(a: SeedPageInfo, b: SeedPageInfo): number {
  const da = a.meta.date;
  const db = b.meta.date;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return compareCodePoints(db, da);
  }
  const pa = a.meta.page;
  const pb = b.meta.page;
  if (pa !== null && pb !== null && pa !== pb) return comparePageNumbers(pa, pb);
  if (pa !== pb) return pa === null ? 1 : -1;
  return compareCodePoints(a.name, b.name);
}

/** The seed file name of a page (the key of its slug). */
function fileName(page: SeedPageInfo): string {
  return page.file.slice(page.file.lastIndexOf('/') + 1);
}

/**
 * Slugs of the site's pages by seed file name: unique among them, also on disks that ignore case or width
 * (`x.txt` and `x.TXT`, `A1`, `a1`).
 */
function pageSlugs(pages: readonly SeedPageInfo[]): Map<string, string> {
  return uniqueSegments(pages.map((page) => ({ key: fileName(page), name: page.name })), pageSlug);
}

/**
 * Make the site items of `articles` into `memo` ahead of {@link buildSiteModel}, which then takes them from the
 * memo: for a build that can do this work while it waits for something else (jieba's dictionary loading in its
 * thread before a new seed is segmented, build.ts). Each item gets the slug its page has among `pages`; should
 * its page's slug differ among the pages `buildSiteModel` is given (a page added whose name differs only in case
 * or width), that item is made again there, so the model is the same either way.
 * @param pages the pages known so far (their articles among `articles`; an article of another page is skipped)
 * @param wordBoundaries as for {@link buildSiteModel}, with the same memo
 * @param views as for {@link buildSiteModel}
 */
export function prepareItems(pages: readonly SeedPageInfo[], articles: readonly TaggedArticle[], memo: ItemMemo, wordBoundaries: WordBoundaries, views?: ItemViews): void {
  const slugs = pageSlugs(pages);
  const slugBySeed = new Map(pages.map((page) => [page.file, slugs.get(fileName(page))]));
  for (const article of articles) {
    const slug = slugBySeed.get(article.seed);
    if (slug !== undefined) toItem(article, slug, memo, wordBoundaries, views);
  }
}

/**
 * Build the site structure.
 * @param pages every seed page that was read
 * @param articles the tagged items of those pages (any order; each names its seed and index)
 * @param memo items made by an earlier call, reused for the same article objects (see {@link ItemMemo}); a memo
 *   must always be used with the same `wordBoundaries`
 * @param wordBoundaries word boundaries of a text (jieba with the gazetteer's dictionary in a build): photo titles
 *   and openings are cut between words (default: every character)
 * @param views the articles' views from their page entries (see {@link ItemView}), made with the same
 *   `wordBoundaries`: an item whose article has one is made without reading its text; default none
 */
export function buildSiteModel(
  pages: readonly SeedPageInfo[],
  articles: readonly TaggedArticle[],
  memo?: ItemMemo,
  wordBoundaries: WordBoundaries = EVERY_CHARACTER,
  views?: ItemViews,
): SiteModel {
  const bySeed = articlesBySeed(articles);
  const slugs = pageSlugs(pages);
  const records = new Map<string, SiteItem[]>();
  const sitePages: SitePage[] = [...pages].sort(comparePages).map((page) => {
    const all = pageItems(bySeed.get(page.file) ?? [], slugs.get(fileName(page)) as string, memo, wordBoundaries, views);
    records.set(page.file, all);
    return sitePage(page, slugs.get(fileName(page)) as string, all);
  });
  return assembleModel(sitePages, records);
}

/** Articles by seed file. */
function articlesBySeed(articles: readonly TaggedArticle[]): Map<string, TaggedArticle[]> {
  const bySeed = new Map<string, TaggedArticle[]>();
  for (const article of articles) {
    const list = bySeed.get(article.seed);
    if (list === undefined) bySeed.set(article.seed, [article]);
    else list.push(article);
  }
  return bySeed;
}

/** The site items of a page's articles (any order), in page order. */
function pageItems(articles: readonly TaggedArticle[], slug: string, memo: ItemMemo | undefined, wordBoundaries: WordBoundaries, views?: ItemViews): SiteItem[] {
  return articles.slice().sort((a, b) => a.index - b.index).map((article) => toItem(article, slug, memo, wordBoundaries, views));
}

/** The site page of a seed page, with every item of it (`all`, published or not, in page order). */
function sitePage(page: SeedPageInfo, slug: string, all: readonly SiteItem[]): SitePage {
  const items = all.filter((item) => item.published);
  return { slug, path: routes.page(slug), seed: page.file, meta: page.meta, label: pageLabel(page, items), items };
}

/**
 * The model of a site whose pages are those of `previous` with the same names and front matter, only the articles of
 * the pages in `changed` (seed files) changed: those pages are made again, every other page (and its items) is
 * `previous`'s own object, and editions, items, authors and places are assembled as {@link buildSiteModel} does
 * (the same model it would make). For a `dev` session's rebuild after an edit: the pages are not sorted and
 * their slugs not made again.
 * @param pages every seed page of the build (as for {@link buildSiteModel})
 * @param articles the articles of the pages in `changed` (others are ignored)
 * @param views as for {@link buildSiteModel}
 * @returns null when the pages are not those of `previous` (a page added or removed, or a changed page whose front
 *   matter differs): then the whole model is to be made by {@link buildSiteModel}
 */
export function patchSiteModel(
  previous: SiteModel,
  pages: readonly SeedPageInfo[],
  articles: readonly TaggedArticle[],
  changed: ReadonlySet<string>,
  memo?: ItemMemo,
  wordBoundaries: WordBoundaries = EVERY_CHARACTER,
  views?: ItemViews,
): SiteModel | null {
  if (pages.length !== previous.pages.length) return null;
  const before = new Map(previous.pages.map((page) => [page.seed, page]));
  const info = new Map<string, SeedPageInfo>();
  for (const page of pages) {
    const old = before.get(page.file);
    if (old === undefined) return null;
    if (!changed.has(page.file)) continue;
    // The same files give the same names (a page's name is its file name) and so the same slugs.
    if (!sameMeta(old.meta, page.meta)) return null;
    info.set(page.file, page);
  }
  const bySeed = articlesBySeed(articles);
  const records = new Map(previous.pageRecords);
  const sitePages = previous.pages.map((old) => {
    const page = info.get(old.seed);
    if (page === undefined) return old;
    const all = pageItems(bySeed.get(page.file) ?? [], old.slug, memo, wordBoundaries, views);
    records.set(page.file, all);
    return sitePage(page, old.slug, all);
  });
  const lastPlaces = new Map(previous.places.map((entry) => [entry.place.code, entry]));
  return assembleModel(sitePages, records, { previous, changed: new Set(info.keys()), lastPlaces, ...touchedLists(previous, records, info.keys()) });
}

/**
 * The model of the last build made from this build's (`next`), for a plain rerun that added, edited or removed the
 * pages `changed` (seed files; build.ts renderFiles compares the two to plan what those can have changed): the
 * pages of `next` not in `changed` are `next`'s own objects, the last versions of the changed pages it had are made
 * again from `lastArticles`, and only the author and place lists their items name are made again (see
 * {@link assembleModel}), so the model is the one {@link buildSiteModel} makes of the last build's pages and
 * articles, without a pass over every article.
 * @param pages every seed page of the last build (those of `next` not in `changed`, and the last versions of the changed ones it had)
 * @param lastArticles the last build's articles of the pages in `changed` (others are ignored)
 * @param memo, wordBoundaries, views as for {@link buildSiteModel}
 * @returns null when a page of `next` not in `changed` has another slug among the last build's pages (a page added
 *   or gone can change another's: routes.ts uniqueSegments): then the model is to be made by {@link buildSiteModel}
 */
export function lastSiteModel(
  next: SiteModel,
  pages: readonly SeedPageInfo[],
  lastArticles: readonly TaggedArticle[],
  changed: ReadonlySet<string>,
  memo?: ItemMemo,
  wordBoundaries: WordBoundaries = EVERY_CHARACTER,
  views?: ItemViews,
): SiteModel | null {
  const slugs = pageSlugs(pages);
  const kept = new Map<string, SitePage>();
  for (const page of next.pages) {
    if (changed.has(page.seed)) continue;
    kept.set(page.seed, page);
  }
  const bySeed = articlesBySeed(lastArticles);
  const records = new Map(next.pageRecords);
  for (const seed of changed) records.delete(seed);
  const sitePages: SitePage[] = [];
  for (const page of [...pages].sort(comparePages)) {
    const slug = slugs.get(fileName(page)) as string;
    const same = kept.get(page.file);
    if (same !== undefined) {
      if (same.slug !== slug) return null;
      sitePages.push(same);
      continue;
    }
    const all = pageItems(bySeed.get(page.file) ?? [], slug, memo, wordBoundaries, views);
    records.set(page.file, all);
    sitePages.push(sitePage(page, slug, all));
  }
  // Every page of `next` not changed is one of the last build's.
  if (kept.size + [...changed].filter((seed) => records.has(seed)).length !== sitePages.length) return null;
  const lastPlaces = new Map(next.places.map((entry) => [entry.place.code, entry]));
  return assembleModel(sitePages, records, { previous: next, changed, lastPlaces, ...touchedLists(next, records, changed) });
}

/**
 * The items of `last` (a list of the last model, in reading order) not on the pages `changed` (seed files), with
 * `fresh` (the changed pages' items of the same list, in reading order) put in by page: the list as a pass over
 * the whole archive makes it. `pageIndex` gives each seed's page its place in reading order.
 */
function mergeByPage(last: readonly SiteItem[], fresh: readonly SiteItem[], changed: ReadonlySet<string>, pageIndex: ReadonlyMap<string, number>): SiteItem[] {
  const merged: SiteItem[] = [];
  let next = 0;
  for (const item of last) {
    if (changed.has(item.article.seed)) continue;
    const at = pageIndex.get(item.article.seed) ?? -1;
    while (next < fresh.length && (pageIndex.get((fresh[next] as SiteItem).article.seed) ?? -1) < at) merged.push(fresh[next++] as SiteItem);
    merged.push(item);
  }
  while (next < fresh.length) merged.push(fresh[next++] as SiteItem);
  return merged;
}

/** Whether two pages' front matter is the same. */
function sameMeta(a: PageMeta, b: PageMeta): boolean {
  return a.paper === b.paper && a.date === b.date && a.page === b.page && a.pageName === b.pageName;
}

/**
 * The authors and places whose lists an edit of the pages `changed` (seed files) can change, from `previous`'s
 * items of those pages and `records`' (every item of each page, after the edit): the names in their bylines and
 * credits, and the places they are tagged with.
 */
function touchedLists(previous: SiteModel, records: ReadonlyMap<string, readonly SiteItem[]>, changed: Iterable<string>): { authors: Set<string>; places: Set<string> } {
  const authors = new Set<string>();
  const places = new Set<string>();
  for (const seed of changed) {
    for (const item of [...(previous.pageRecords.get(seed) ?? []), ...(records.get(seed) ?? [])]) {
      const { bylines, photoCredit, places: tagged } = item.article;
      for (const name of bylines) authors.add(name);
      if (photoCredit) authors.add(photoCredit);
      for (const place of tagged.districts) places.add(place.code);
      for (const place of tagged.towns) places.add(place.code);
    }
  }
  return { authors, places };
}

/**
 * Editions, items, authors and places of pages in reading order, and every item of each page (by seed file). With
 * `reuse` (a model patched from `previous` where only the pages `changed` (seed files) were made again, so only the
 * lists of the authors and places named can differ): the lists named are `previous`'s merged with the changed
 * pages' items, the others are `previous`'s, and when no author's list is new or gone, so are the authors' paths.
 */
function assembleModel(
  sitePages: SitePage[],
  records: ReadonlyMap<string, readonly SiteItem[]>,
  reuse?: {
    readonly previous: SiteModel;
    readonly changed: ReadonlySet<string>;
    readonly authors: ReadonlySet<string>;
    readonly places: ReadonlySet<string>;
    /** `previous.places` by code, a copy this call may change. */
    readonly lastPlaces: Map<string, SitePlace>;
  },
): SiteModel {
  const editions: SiteEdition[] = [];
  for (const page of sitePages) {
    const last = editions.at(-1);
    if (last && last.date === page.meta.date) (last.pages as SitePage[]).push(page);
    else editions.push({ date: page.meta.date, paper: page.meta.paper, pages: [page] });
  }

  const items = sitePages.flatMap((page) => page.items);
  const authorItems = new Map<string, SiteItem[]>();
  const placeItems = new Map<string, { place: PlaceRef; items: SiteItem[] }>();
  // Plain loops, no spread arrays: a session's rebuild runs this over the whole archive every time.
  const addAuthor = (name: string, item: SiteItem): void => {
    if (reuse !== undefined && !reuse.authors.has(name)) return;
    const list = authorItems.get(name);
    if (list === undefined) authorItems.set(name, [item]);
    else if (list.at(-1) !== item) list.push(item);
  };
  const addPlace = (place: PlaceRef, item: SiteItem): void => {
    if (reuse !== undefined && !reuse.places.has(place.code)) return;
    const entry = placeItems.get(place.code);
    if (entry === undefined) placeItems.set(place.code, { place, items: [item] });
    else entry.items.push(item);
  };
  const addItem = (item: SiteItem): void => {
    const { bylines, photoCredit, places } = item.article;
    for (const name of bylines) addAuthor(name, item);
    if (photoCredit) addAuthor(photoCredit, item);
    for (const place of places.districts) addPlace(place, item);
    for (const place of places.towns) addPlace(place, item);
  };
  if (reuse === undefined) {
    for (const item of items) addItem(item);
  } else {
    // Only the named lists are made, each from its last version (items of the pages not changed, in reading order)
    // merged with the changed pages' items: not a pass over the whole archive (40,000 items) at each rebuild.
    const { previous, changed } = reuse;
    for (const page of sitePages) if (changed.has(page.seed)) for (const item of page.items) addItem(item);
    const pageIndex = new Map(sitePages.map((page, index) => [page.seed, index]));
    const lastAuthors = new Map(previous.authors.map((author) => [author.name, author.items]));
    for (const name of reuse.authors) {
      const merged = mergeByPage(lastAuthors.get(name) ?? [], authorItems.get(name) ?? [], changed, pageIndex);
      if (merged.length === 0) authorItems.delete(name);
      else authorItems.set(name, merged);
    }
    for (const code of reuse.places) {
      const last = reuse.lastPlaces.get(code);
      const fresh = placeItems.get(code);
      const merged = mergeByPage(last?.items ?? [], fresh?.items ?? [], changed, pageIndex);
      const place = last?.place ?? fresh?.place;
      if (merged.length === 0 || place === undefined) placeItems.delete(code);
      else placeItems.set(code, { place, items: merged });
    }
  }
  const pageRecords = records;
  const allRecords = sitePages.flatMap((page) => records.get(page.seed) ?? []);
  if (reuse !== undefined) {
    const { previous } = reuse;
    // The last model's lists by code, the named ones replaced (read above before they are).
    const byCode = reuse.lastPlaces;
    for (const code of reuse.places) {
      const entry = placeItems.get(code);
      if (entry === undefined) byCode.delete(code);
      else byCode.set(code, entry);
    }
    const places = [...byCode.keys()].sort(compareCodePoints).map((code) => byCode.get(code) as SitePlace);
    // The same names (none new, none gone): the same paths; only the named authors' lists are made again.
    if ([...reuse.authors].every((name) => authorItems.has(name) === previous.authorPaths.has(name))) {
      const authors = previous.authors.map((author) => (reuse.authors.has(author.name) ? { ...author, items: authorItems.get(author.name) ?? [] } : author));
      return { editions, pages: sitePages, items, records: allRecords, authors, places, authorPaths: previous.authorPaths, pageRecords };
    }
    // Names new or gone: every list again (their paths can change, routes.ts uniqueSegments).
    return assembleModel(sitePages, records);
  }
  const names = [...authorItems.keys()].sort(compareCodePoints);
  const segments = uniqueSegments(names.map((name) => ({ key: name, name })), nameSegment);
  const authorPaths = new Map(names.map((name) => [name, routes.authorFile(segments.get(name) as string)]));
  const authors = names.map((name) => ({
    name,
    path: authorPaths.get(name) as string,
    items: authorItems.get(name) ?? [],
  }));
  const places = [...placeItems.keys()].sort(compareCodePoints).map((code) => placeItems.get(code) as SitePlace);
  return { editions, pages: sitePages, items, records: allRecords, authors, places, authorPaths, pageRecords };
}
