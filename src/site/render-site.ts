/**
 * Site model → output files: the home page, edition, page (版), item, place, author, about and 404 pages, the
 * assets and the Markdown export. Each kind of file is one module of `pages/` that says which files of its kind
 * exist and the data each one's view reads (pages/shared.ts PageKind); this module plans them all and hashes each
 * file's data, which is all a file depends on besides the render key. Pure: renders strings, writes nothing.
 */
import { lazyField } from '../lazy-fields.js';
import { hashParts } from '../hash-parts.js';
import type { Templates } from '../render/templates.js';
import type { OutputFile, TaggedArticle } from '../types.js';
import { EVERY_CHARACTER } from './line-breaks.js';
import { articleKind } from './pages/article.js';
import { authorListKind, authorsKind } from './pages/authors.js';
import { calendarKind } from './pages/calendar.js';
import { editionKind } from './pages/edition.js';
import { aboutKind, assetKind, notFoundKind, searchKind } from './pages/fixed.js';
import { homeKind } from './pages/home.js';
import { markdownExportKind } from './pages/markdown-export.js';
import { pageKind, SIBLING_LIMIT, SIBLING_WINDOW } from './pages/page.js';
import { placeListKind, placesKind } from './pages/places.js';
import { itemMarkdownBody, itemSource, listEntry, makeWords, type ArticleText, type ListEntries, type PageKind, type PlanContext, type PlanScope, type RenderContext, type ViewContext } from './pages/shared.js';
import type { SiteItem, SiteModel, SitePage } from './site-model.js';

export {
  CHARACTERS_PER_MINUTE,
  editionCalendar,
  escapeHtml,
  formatDate,
  HOME_EDITIONS,
  LIST_PAGE_SIZE,
  listSlot,
  noBreakLatin,
  paginate,
  type CalendarDay,
  type CalendarMonth,
  type ListPage,
  type PlanScope,
  type RenderContext,
} from './pages/shared.js';

/** Every kind of output file of the site, one module each in `pages/`. */
export const PAGE_KINDS: ReadonlyArray<PageKind<never>> = [
  homeKind,
  editionKind,
  calendarKind,
  searchKind,
  pageKind,
  articleKind,
  authorsKind,
  authorListKind,
  placesKind,
  placeListKind,
  aboutKind,
  notFoundKind,
  assetKind,
  markdownExportKind,
] as ReadonlyArray<PageKind<unknown>> as ReadonlyArray<PageKind<never>>;

/** Kinds whose files are not pages of the site (not counted as pages; see build.ts BuildStats). */
export const EXPORT_KINDS: ReadonlySet<string> = new Set([markdownExportKind.name]);

/**
 * One output file of the site, not yet rendered: its path, its kind, the data its view reads, and how to render
 * it. Two units of the same path and kind whose data hash the same ({@link viewHash}) render the same bytes
 * under the same render key.
 */
export interface RenderUnit {
  /** Output path, e.g. `pages/2021-08-19_A1/01.html`. */
  readonly path: string;
  /** The page kind's name (pages/shared.ts PageKind.name), e.g. `article`. */
  readonly kind: string;
  /** The data its view reads: plain JSON values. */
  readonly data: unknown;
  /** Renders the file (HTML, CSS, JavaScript or Markdown text). */
  render(): string;
  /** The Markdown bodies `render` will render, in order (pages/shared.ts PageKind.markdownBodies); empty for most kinds. */
  markdownBodies(): readonly string[];
}

/**
 * Hashes of the objects that many units' data share (list entries and article texts, one per item), by object: a
 * build context keeps them (build-context.ts), so each is serialised once per build context, not once per page
 * that shows it.
 */
export type ViewHashMemo = WeakMap<object, string>;

/**
 * A hash of what a unit's bytes depend on, comparable across processes: the render key (generator, config,
 * templates), the kind, the path and the JSON of its data, in which each object found in `memo` stands for its
 * hash. 32 lowercase hex digits.
 */
export function viewHash(renderKey: string, unit: Pick<RenderUnit, 'path' | 'kind' | 'data'>, memo: ViewHashMemo): string {
  const json = JSON.stringify(unit.data ?? null, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null) return memo.get(value) ?? value;
    return value;
  });
  return hashParts([renderKey, unit.kind, unit.path, json]).slice(0, 32);
}

/**
 * Record the hash of a shared object of units' data in `memo` (see {@link ViewHashMemo}): `derived` when given (a
 * string that names what the object is made from, see {@link ArticleHashes}), else the hash of its JSON.
 */
function shareHash<T extends object>(value: T, memo: ViewHashMemo, derived?: () => string | undefined): T {
  if (!memo.has(value)) memo.set(value, `\u0000${derived?.() ?? hashParts(['view', JSON.stringify(value)])}`);
  return value;
}

/**
 * A hash of a segmented, tagged item's JSON (32 lowercase hex digits): what its text, its list entry and
 * everything else a page shows of it are made from (besides its id and path, and the render key). Computed once,
 * when the item is made (build.ts), and kept with it in its page entry (cache/build-cache.ts PageEntry.hashes).
 */
export function articleHash(article: TaggedArticle): string {
  return hashParts(['article', JSON.stringify(article)]).slice(0, 32);
}

/**
 * The {@link articleHash} of the articles of a build, by article object, from their page entries: the text of an
 * item whose article has one (ArticleText: what its page and its Markdown export show of it) stands for that hash
 * and its id in a unit's hash ({@link viewHash}), so it is not serialised (a plain build of 4,300 articles
 * serialised ~12 MB of text for this). Any change of the article changes its hash; its page and export show its
 * places too, so they are rendered again on any change of it anyway.
 */
export type ArticleHashes = Pick<ReadonlyMap<TaggedArticle, string>, 'get'>;

/**
 * Whether two units' data are the same plain values: the same object, or arrays of the same values in the same
 * order, or objects with the same keys and the same values, compared so (a view reads fields by name, so the
 * order of an object's keys does not change what it renders). Shared objects (list entries, article texts) are
 * made once per item and never changed, so for an unchanged item they are the same object and the comparison
 * stops there: a session (build.ts BuildSession) takes the last build's hash of a unit whose data is the same
 * instead of serialising and hashing the data again.
 */
export function sameViewData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameViewData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !sameViewData(x[key], y[key])) return false;
    keys++;
  }
  for (const _key in y) keys--;
  return keys === 0;
}

/**
 * Render every page of the site.
 * @returns output files, sorted by path
 */
export function renderSite(model: SiteModel, context: RenderContext): OutputFile[] {
  return planSite(model, context).map((unit) => ({ path: unit.path, content: unit.render() }));
}

/** A render unit of a page kind: one object a file, its methods shared (a plan at 40,000 articles has ~90,000). */
class PlannedUnit implements RenderUnit {
  readonly kind: string;
  constructor(
    readonly path: string,
    private readonly of: PageKind<never>,
    readonly data: unknown,
    private readonly view: ViewContext,
    private readonly templates: Templates,
  ) {
    this.kind = of.name;
  }

  render(): string {
    return this.of.render(this.data as never, this.path, this.view, this.templates);
  }

  markdownBodies(): readonly string[] {
    return this.of.markdownBodies === undefined ? [] : this.of.markdownBodies(this.data as never, this.view);
  }
}

/** The body of an item's text (pages/shared.ts ArticleText): the shown article's, read when first read. */
const TEXT_BODY = lazyField('body', (shown: TaggedArticle) => shown.body);

/**
 * Every file of the site as render units, sorted by path: nothing is rendered until a unit's `render` is called,
 * so a caller that kept the hashes of an earlier build renders only those whose data changed.
 * @param hashes where the hashes of shared objects go (see {@link ViewHashMemo}); default a new memo. A list entry
 *   or article text is recorded there when it is made, so `hashes` must be the memo of the build context whose
 *   `context.memo` made them (else they are serialised in each unit's hash: correct, only slower)
 * @param scope with it, the kinds that take a scope plan only the files of the entities it names (pages/shared.ts
 *   PlanScope; see {@link editScope}), the others all their files
 * @param scopedOnly with a scope: leave out the kinds that take none (to list the scoped files of a model)
 */
export function planSite(model: SiteModel, context: RenderContext, hashes: ViewHashMemo = new WeakMap(), scope?: PlanScope, scopedOnly = false): RenderUnit[] {
  // By seed file (an item's page is the page of its seed): 9,000 entries at 40,000 articles, not one per item.
  const pageBySeed = new Map<string, SitePage>();
  for (const page of model.pages) pageBySeed.set(page.seed, page);
  const pageOf = (item: SiteItem): SitePage | undefined => pageBySeed.get(item.article.seed);
  const sources = new Map<SitePage, string>();
  const entries: ListEntries = context.memo?.entries ?? new WeakMap();
  const texts = context.memo?.texts ?? new WeakMap<SiteItem, ArticleText>();
  const plan: PlanContext = {
    config: context.config,
    placeIndex: context.placeIndex,
    regionNote: context.regionNote,
    assets: context.templates.assets,
    pageOf,
    sourceOf(item) {
      const page = pageOf(item);
      if (page === undefined) return '';
      let source = sources.get(page);
      if (source === undefined) sources.set(page, (source = itemSource(page)));
      return source;
    },
    share: (value) => shareHash(value, hashes),
    ...(scope === undefined ? {} : { scope }),
    // A list entry is a few fields of its item, serialised: an edit of its text that no list shows leaves it as it is.
    // Its hash is recorded when it is made (once per item and build context), not looked up at each of its uses.
    entry: (item) => entries.get(item) ?? shareHash(listEntry(item, entries), hashes),
    text(item) {
      let text = texts.get(item);
      if (text === undefined) {
        const a = item.shown;
        // `body` is read when the unit renders (or its hash is made from its JSON): a rerun reads the text only of what it renders.
        text = TEXT_BODY.define(
          {
            id: item.id,
            kind: a.kind,
            kicker: a.kicker,
            headline: a.headline,
            subheadline: a.subheadline,
            bylines: a.bylines,
            photoCredit: a.photoCredit,
            continued: a.continued,
            seed: a.seed,
            sourceLines: a.sourceLines,
          },
          a,
        ) as ArticleText;
        texts.set(item, text);
        shareHash(text, hashes, () => {
          const content = context.articleHashes?.get(item.article);
          return content === undefined ? undefined : `text ${content} ${item.id}`;
        });
      }
      return text;
    },
  };
  // An item's Markdown body is made once: its export, the Markdown thread's walk ahead of its page and the page read
  // it, and the page (the last) lets go of it. Held until the end of rendering, the bodies of a cold build were the
  // largest thing on its heap after the items' text (10.9 MB of 110 at 4,071 articles, heap snapshot).
  const bodies = new WeakMap<ArticleText, string>();
  const itemBody = (text: ArticleText, last = false): string => {
    let body = bodies.get(text);
    if (body === undefined) {
      body = itemMarkdownBody({}, text);
      if (!last) bodies.set(text, body);
    } else if (last) bodies.delete(text);
    return body;
  };
  const view: ViewContext = { config: context.config, words: makeWords(context.wordBoundaries ?? EVERY_CHARACTER), markdown: context.markdown, itemBody, ...(context.nameKeys === undefined ? {} : { nameKeys: context.nameKeys }) };
  const units: RenderUnit[] = [];
  for (const kind of PAGE_KINDS) {
    if (scopedOnly && scope !== undefined && kind.scoped !== true) continue;
    for (const { path, data } of kind.plan(model, plan)) units.push(new PlannedUnit(path, kind, data, view, context.templates));
  }
  return units.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * What an edit of the pages `changed` (seed files) can have changed in the files of the site, as a plan scope
 * (pages/shared.ts PlanScope), for a model made from `previous` by site-model.ts patchSiteModel (the same pages,
 * names and front matter; only those pages' items differ): each changed page's page (版) file, item pages and
 * Markdown exports, and the item pages before and after them (their pagers name these items); its edition's page;
 * when its label changed, the page files of its whole edition (their lists of the edition's pages name it) and of
 * the pages before and after it (their pagers name it); the list pages of every author and place its items name,
 * before or after the edit, and of the districts of those towns (a district's first page counts its towns'
 * items). The kinds that take no scope (home, issue calendar, author and place indexes, fixed pages) are planned
 * whole anyway; what any planned file shows is still decided by its data alone (a file is rendered only when its
 * data changed).
 * @returns null when the edit changed the path of an author's page (a name added or gone can change another
 *   name's segment: routes.ts uniqueSegments): then the whole site is planned
 */
export function editScope(previous: SiteModel, next: SiteModel, changed: ReadonlySet<string>): PlanScope | null {
  if (previous.authorPaths.size !== next.authorPaths.size) return null;
  for (const [name, path] of next.authorPaths) if (previous.authorPaths.get(name) !== path) return null;
  const pages = new Set<string>();
  const editions = new Set<string>();
  const authors = new Set<string>();
  const places = new Set<string>();
  const position = new Map<string, number>();
  for (const [i, page] of next.pages.entries()) if (changed.has(page.seed)) position.set(page.seed, i);
  const before = new Map<string, SitePage>();
  for (const page of previous.pages) if (changed.has(page.seed)) before.set(page.seed, page);
  const named = (items: readonly SiteItem[] | undefined): void => {
    for (const item of items ?? []) {
      const { bylines, photoCredit, places: tagged } = item.article;
      for (const name of bylines) authors.add(name);
      if (photoCredit) authors.add(photoCredit);
      for (const place of tagged.districts) places.add(place.code);
      for (const place of tagged.towns) places.add(place.code).add(place.districtCode);
    }
  };
  for (const [seed, i] of position) {
    const page = next.pages[i] as SitePage;
    pages.add(seed);
    if (page.meta.date !== null) editions.add(page.meta.date);
    if (before.get(seed)?.label !== page.label) {
      const edition = next.editions.find((e) => e.pages.includes(page));
      for (const other of edition?.pages ?? []) pages.add(other.seed);
      for (const other of [next.pages[i - 1], next.pages[i + 1]]) if (other !== undefined) pages.add(other.seed);
    }
    named(previous.pageRecords.get(seed));
    named(next.pageRecords.get(seed));
  }
  return { pages, itemsOf: new Set(position.keys()), editions, authors, places };
}

/**
 * What a plain rerun's added, edited and removed pages (`changed`, seed files) can have changed in the files of
 * the site, as a plan scope (pages/shared.ts PlanScope), from the model of the last build (`previous`) and this
 * one's (`next`): unlike {@link editScope}, pages may have come or gone. For each changed page, in either model:
 * its page (版) file, the page files before and after it in reading order (their pagers name it) and of its
 * edition (their lists of the edition's pages name it; in an edition of more than SIBLING_LIMIT pages, those
 * within SIBLING_WINDOW of it, whose windows can hold it), the item pages and Markdown exports of it and of the
 * pages before and after it (with the items before and after them: their pagers name its items, or each other
 * once it is gone), its edition's page and the editions before and after it (their pagers name its date), and the
 * list pages of every author and place its items name and of the districts of those towns. The kinds that take no
 * scope are planned whole.
 * @returns null when a page of both models has another slug, or an author of both another path (a page or name
 *   added or gone can change another one's segment: routes.ts uniqueSegments): then the whole site is planned
 */
export function rerunScope(previous: SiteModel, next: SiteModel, changed: ReadonlySet<string>): PlanScope | null {
  for (const [name, path] of next.authorPaths) {
    const before = previous.authorPaths.get(name);
    if (before !== undefined && before !== path) return null;
  }
  const slugs = new Map(previous.pages.map((page) => [page.seed, page.slug]));
  for (const page of next.pages) {
    const before = slugs.get(page.seed);
    if (before !== undefined && before !== page.slug) return null;
  }
  const pages = new Set<string>();
  const itemsOf = new Set<string>();
  const editions = new Set<string>();
  const authors = new Set<string>();
  const places = new Set<string>();
  for (const model of [previous, next]) {
    const dated = model.editions.filter((edition) => edition.date !== null);
    for (const edition of model.editions) {
      const at = edition.pages.flatMap((page, i) => (changed.has(page.seed) ? [i] : []));
      if (at.length === 0) continue;
      if (edition.date !== null) {
        const d = dated.indexOf(edition);
        for (const other of [dated[d - 1], edition, dated[d + 1]]) if (other?.date) editions.add(other.date);
      }
      edition.pages.forEach((page, i) => {
        if (edition.pages.length <= SIBLING_LIMIT || at.some((j) => Math.abs(i - j) <= SIBLING_WINDOW)) pages.add(page.seed);
      });
    }
    for (const [i, page] of model.pages.entries()) {
      if (!changed.has(page.seed)) continue;
      for (const other of [model.pages[i - 1], page, model.pages[i + 1]]) {
        if (other === undefined) continue;
        pages.add(other.seed);
        itemsOf.add(other.seed);
      }
      for (const item of model.pageRecords.get(page.seed) ?? []) {
        const { bylines, photoCredit, places: tagged } = item.article;
        for (const name of bylines) authors.add(name);
        if (photoCredit) authors.add(photoCredit);
        for (const place of tagged.districts) places.add(place.code);
        for (const place of tagged.towns) places.add(place.code).add(place.districtCode);
      }
    }
  }
  return { pages, itemsOf, editions, authors, places };
}
