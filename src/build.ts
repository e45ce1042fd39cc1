/**
 * The build: seeds → segmented, tagged articles → site files, in memory. Writes nothing to the output
 * (see write.ts); with a cache (cache/build-cache.ts) it reuses what each unchanged seed became.
 * Its phases, and which of them each command runs, are named in pipeline.ts.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { Config } from './config.js';
import { createBuildContext, type BuildContext, type PlaceContext } from './build-context.js';
import type { Gazetteer } from './places/index.js';
import { memoWordBoundaries, type ClauseWords } from './places/word-boundaries.js';
import { bodyKeys, createMarkdownRenderer, mapMemo, prerenderMarkdown, type MarkdownMemo, type MarkdownPrerender } from './render/markdown-to-html.js';
import { loadTemplates, DEFAULT_TEMPLATES_DIR, type Templates } from './render/templates.js';
import { checkedTextCache, type BuildCache, type BuildState, type OutputRecord, type PageEntry } from './cache/build-cache.js';
import { hashParts } from './hash-parts.js';
import { compareCodePoints } from './compare-code-points.js';
import { duplicateSeedDiagnostics, readSeedBytes, seedPath, seedSavedAt, type SeedReadMemo, type SeedSource, type WatchedSeedChanges } from './seed/load-seeds.js';
import { segmentPage } from './segment/segment-page.js';
import { checkNothingLost } from './segment/source-characters.js';
import { articlesJsonChunks, articlesJsonPieces, type ArticlesPiece, type LastArticlesJson } from './site/articles-json.js';
import { routes } from './site/routes.js';
import { renderExtras, type ExtraFile, type KeepExtra } from './site/render-extras.js';
import { renderSearchIndex, SEARCH_INDEX_DIR, stageSearchDocuments, type SearchDocumentStage } from './search/search-index.js';
import { searchShardOf } from './search/shards.js';
import { articleHash, editScope, EXPORT_KINDS, planSite, rerunScope, sameViewData, viewHash, type ArticleHashes } from './site/render-site.js';
import { buildSiteModel, hasText, itemView, lastSiteModel, patchSiteModel, prepareItems, TEXT_PARTS, type ItemView, type ItemViews, type SiteModel, type SitePage } from './site/site-model.js';
import type { Article, Diagnostic, OutputFile, PlaceRef, SeedPage, SeedPageInfo, TaggedArticle } from './types.js';
import { openMemoryOutput, type OutputWriter } from './write.js';
import { COMMAND_PHASES, runsLater, runsNow, type Phase, type PhaseSelection } from './pipeline.js';
import { ownStrings } from './own-strings.js';
import { prepareFewSeeds, readBuildInputs, type BuildInputs } from './read-inputs.js';

export type { BuildContext, PlaceContext } from './build-context.js';
export { prepareFewSeeds, readBuildInputs, seedFileInputs, type BuildInputs } from './read-inputs.js';

/** The texts of an article that place tagging reads: header lines, paragraphs, subheads and decks (not bylines, credits or tails). */
export function articleTexts(article: Article): string[] {
  return [article.kicker, article.headline, article.subheadline, ...article.body.filter((part) => TEXT_PARTS.has(part.type)).map((part) => part.text)].filter(
    (text): text is string => text !== null,
  );
}

/**
 * Segment one page and tag its items.
 * @returns the tagged items in page order and the page's diagnostics (segmentation warnings, lost-text errors, a
 *   warning when the page has articles but no byline at all). `refused` is true, with no items and one error
 *   naming the seed, when segmenting or tagging the page failed (a fault of this code, not of the page): the
 *   page is left out and the rest of the archive is built.
 */
export function processPage(page: SeedPage, places: PlaceContext): { articles: TaggedArticle[]; diagnostics: Diagnostic[]; refused: boolean } {
  try {
    return { ...segmentAndTag(page, places), refused: false };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `Unexpected failure while segmenting this page (${reason}); page skipped (please report it with the file)`;
    return { articles: [], diagnostics: [{ file: page.file, line: null, rule: 'segment/failed', severity: 'error', message }], refused: true };
  }
}

/**
 * Phase segment: a decoded, parsed page → its items (segment/segmentPage, with `jieba` deciding column-break joins),
 * the nothing-lost check, and a warning for a page of articles with text but without any byline.
 * @throws whatever the segmenter throws (a fault of this code: {@link processPage} turns it into an error)
 */
export function segmentSeed(page: SeedPage, jieba: Pick<PlaceContext['tagger']['jieba'], 'spansJoin'>): { items: Article[]; diagnostics: Diagnostic[] } {
  const { items, diagnostics } = segmentPage(page, { spansJoin: jieba.spansJoin });
  diagnostics.push(...checkNothingLost(page, items));
  // Only where there are article ends to find: a page of titles with no text after them (a picture page, its
  // text printed elsewhere) gets the title-only warnings alone.
  const paragraphs = (item: Article): boolean => item.body.some((part) => part.type === 'paragraph');
  if (items.some((item) => item.kind === 'article' && paragraphs(item)) && items.every((item) => item.bylines.length === 0)) {
    diagnostics.push({
      file: page.file,
      line: null,
      rule: 'segment/no-bylines',
      severity: 'warning',
      message: 'Unexpected page without bylines: where one article ends and the next begins is read from its headings, datelines and words alone; check it with `news-archive check`',
    });
  }
  return { items, diagnostics };
}

/** Phase tag: each item with the districts and towns of the home region its texts name (places/ tagger). */
export function tagItems(items: readonly Article[], tagger: Pick<PlaceContext['tagger'], 'tag'>): TaggedArticle[] {
  return items.map((item): TaggedArticle => ({ ...item, places: tagger.tag(articleTexts(item)) }));
}

function segmentAndTag(page: SeedPage, places: PlaceContext): { articles: TaggedArticle[]; diagnostics: Diagnostic[] } {
  const { items, diagnostics } = segmentSeed(page, places.tagger.jieba);
  const articles = tagItems(items, places.tagger);
  // An item without text (a stray byline) gets no page (site/site-model.ts hasText): its warning says so.
  const published = '; published as unsorted text';
  for (const article of articles) {
    if (hasText(article)) continue;
    const [first, last] = article.sourceLines;
    diagnostics.forEach((d, i) => {
      if (d.line !== null && d.line >= first && d.line <= last && d.message.endsWith(published)) {
        diagnostics[i] = { ...d, message: `${d.message.slice(0, -published.length)}; not published (no text), kept in data/articles.json` };
      }
    });
  }
  return { articles, diagnostics };
}

/**
 * `next` with each item equal (as JSON) to the item of the same index in `previous` replaced by that earlier
 * object, so that the site items, list entries and view hashes made from it are reused (build-context.ts memos).
 */
export function keepUnchanged(previous: readonly TaggedArticle[], next: readonly TaggedArticle[]): TaggedArticle[] {
  return next.map((article, i) => {
    const old = previous[i];
    return old !== undefined && JSON.stringify(old) === JSON.stringify(article) ? old : article;
  });
}

/** A seed page without its text, as the page cache and the site keep it (see types.ts SeedPageInfo). */
function pageInfo(page: SeedPage): SeedPageInfo {
  return { file: page.file, name: page.name, firstLine: page.firstLine, meta: page.meta };
}

/** Diagnostics in a stable order: by file, then line (file-level first), then rule. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** The places note of the place index: which data the tags come from. */
export function regionNote(gazetteer: Gazetteer): string {
  return `地区标注依据国家统计局2023年统计用区划代码中${gazetteer.homeName}的区县和镇街（数据来自 ${gazetteer.source.replace(/ \(.*\)$/, '')}），并收录报纸惯用的简称和旧称。`;
}

/**
 * What a long-running process (`news-archive dev`) keeps in memory between builds so that a rebuild redoes only
 * what changed: the page entries it read (same key → same objects, so their site items and view hashes are reused) and the
 * render units of the last build with their output. Create one with {@link createBuildSession}; a plain build
 * has none.
 */
export interface BuildSession {
  /** Page entries by page key (cache/build-cache.ts pageKey). */
  readonly pages: Map<string, PageEntry>;
  /**
   * The last build's rendered units by output path: their kind, data and render key, the hash of those
   * (site/render-site.ts viewHash) and their content. A unit of the same kind, render key and data
   * (site/render-site.ts sameViewData) has that hash, without serialising its data again. Updated in place by
   * each build: only the records of units whose data changed are replaced.
   */
  readonly units: Map<string, SessionUnit>;
  /**
   * The templates the units below were rendered with, under the same render key: Handlebars compiles a template
   * and its partials on first use, so loading them again would compile every template again at each rebuild.
   */
  templates: { readonly renderKey: string; readonly value: Templates } | null;
  /** Rendered Markdown bodies by hash of the body (see render/markdown-to-html.ts MarkdownMemo); null until the first build. */
  markdown: Map<string, string> | null;
  /** Files of the output folder as this session last wrote them, by path; null until its first write. */
  written: Map<string, OutputFile['content']> | null;
  /** The cache state key this session recorded with that write: another key on disk means another build wrote since. */
  writtenKey: string | null;
  /** Seeds read by earlier builds, by file name with their time and size: only changed seeds are read again. */
  readonly seedReads: SeedReadMemo;
  /**
   * What the session's watcher reported since `seedReads` was last checked against the disk: set by `dev` before
   * each rebuild (dev/run-dev.ts), null when every seed must be checked (see seed/load-seeds.ts WatchedSeedChanges).
   */
  seedChanges: WatchedSeedChanges | null;
  /**
   * Each article's hash and view (PageEntry.hashes, views) as the session's builds found them, by article: an
   * unchanged entry's articles are the same objects from one rebuild to the next, so only the articles of entries
   * new to a rebuild are put in (not 40,000 of each at every save). Weak: the articles of replaced entries go.
   */
  readonly articleHashes: WeakMap<TaggedArticle, string>;
  readonly itemViews: WeakMap<TaggedArticle, ItemView>;
  /** The session's build context: its gazetteer, place tagger and jieba stay loaded between builds. */
  readonly context: BuildContext;
  /**
   * The site model of the last build and its render key, from which a rebuild after an edit patches the model and
   * plans only what the edit can have changed (site/render-site.ts editScope); null before the first build and
   * while a build runs (a build that fails leaves none, so the next one plans the whole site).
   */
  model: { readonly model: SiteModel; readonly renderKey: string } | null;
  /**
   * The build state of the output folder as this session last recorded it (cache/build-cache.ts BuildState, its
   * records by path) with the stamp of the state file after that write (BuildCache.stateStamp): while the stamp is
   * the same, no other build wrote, and the state is not read again. Null until the session's first write.
   */
  state: SessionState | null;
}

/** The build state a session recorded last (see {@link BuildSession.state}): BuildState with its records by path. */
export interface SessionState extends Pick<BuildState, 'key' | 'diagnostics' | 'pageCount' | 'itemCount'> {
  readonly records: Map<string, OutputRecord>;
  readonly stamp: string | null;
}

/** One rendered unit of a session's last build (see {@link BuildSession.units}). */
export interface SessionUnit {
  readonly kind: string;
  readonly renderKey: string;
  readonly data: unknown;
  readonly hash: string;
  readonly content: string;
}

/** An empty {@link BuildSession}, with a new build context unless one is given. */
export function createBuildSession(context: BuildContext = createBuildContext()): BuildSession {
  return {
    pages: new Map(),
    units: new Map(),
    templates: null,
    markdown: null,
    written: null,
    writtenKey: null,
    seedReads: new Map(),
    seedChanges: null,
    articleHashes: new WeakMap(),
    itemViews: new WeakMap(),
    context,
    model: null,
    state: null,
  };
}

/**
 * The phase (pipeline.ts) that makes an output file: `search` for the index, `derived` for articles.json, the feed
 * and the sitemap (with the files it indexes on a site of more than 50,000 pages), else `render`.
 */
export function outputPhase(path: string): Phase {
  if (path.startsWith(`${SEARCH_INDEX_DIR}/`)) return 'search';
  return path === routes.articlesJson() || path === routes.feed() || path === routes.sitemap() || path.startsWith(routes.sitemapParts()) ? 'derived' : 'render';
}

/**
 * Whether a file of the site may be left for later by a session's rebuild (pipeline.ts COMMAND_PHASES.devRebuild):
 * the search index, `data/articles.json`, the feed and the sitemap (and its parts), which a reader of the changed pages does not
 * need at once and which take the longest (each covers the whole archive).
 */
export function isDeferredOutput(path: string): boolean {
  return runsLater(COMMAND_PHASES.devRebuild, outputPhase(path));
}

/** The site's files and, when the search index was left for later, the function that renders it. */
export interface RenderedFiles {
  /** Output files sorted by path; without the deferred files ({@link isDeferredOutput}) when `search` is not null. */
  readonly files: OutputFile[];
  /** Renders the deferred files (search index under `pagefind/` and articles.json, sorted); null when they are in `files`. */
  readonly search: (() => Promise<OutputFile[]>) | null;
  /** Pages rendered (the others were taken from the session or kept in the output), of `units`. */
  readonly rendered: number;
  /** Paths of the pages rendered, in path order (`rendered` of them). */
  readonly renderedPaths: readonly string[];
  readonly units: number;
  /** What each page of the site was rendered from and its search document, by path, for the next build (see OutputRecord). */
  readonly records: ReadonlyMap<string, Pick<OutputRecord, 'unit' | 'search' | 'pieces'>>;
  /**
   * Null, or for a session's rebuild that planned only what an edit can have changed ({@link BuildSession.model}):
   * the paths of the last build's files that are gone. Then `files` and `records` hold the planned files only;
   * every other file of the site is the session's last one, unchanged.
   */
  readonly removed: readonly string[] | null;
  /**
   * With `removed`, or after a plain rerun's scoped plan (BuildOptions.last): how many files were planned (the site's
   * pages and Markdown exports that the change can have changed); else null.
   */
  readonly planned: number | null;
}

const byPath = (a: OutputFile, b: OutputFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Word boundaries of display text (headlines, titles and openings break and are cut between words:
 * site/line-breaks.ts, site/site-model.ts): jieba with the gazetteer's dictionary, for the clauses no earlier build
 * cut (places/word-boundaries.ts), so a build that segments no seed loads no dictionary. The memo is the context's
 * (`context.clauseWords`), read from the cache by the context's first build; it keeps every clause cut (an
 * archive's headlines only grow; a removed page's clauses stay, a few KB).
 * @returns the memo and the boundaries function over it (offsets as places/jieba.ts wordBoundariesOf gives them)
 */
async function displayWords(
  context: BuildContext,
  config: Pick<Config, 'homeRegion' | 'cacheDir'>,
  cache: BuildCache | undefined,
): Promise<{ memo: NonNullable<BuildContext['clauseWords']>; wordBoundaries: (text: string) => number[] }> {
  const key = hashParts(['words', context.generatorKey(), config.homeRegion]);
  if (context.clauseWords?.key !== key) {
    const words: ClauseWords = cache ? await cache.getWordBoundaries(key) : new Map();
    context.clauseWords = { key, words, stored: words.size };
  }
  const memo = context.clauseWords;
  return { memo, wordBoundaries: memoWordBoundaries(memo.words, () => context.places(config.homeRegion, config.cacheDir).tagger.jieba.cut) };
}

/**
 * The sort keys of author names (site/name-order.ts NameKeys) for a build of this generator: the context's, else
 * those the cache kept from the last build, else none yet. Stored again by renderFiles when they grew.
 */
async function authorNameKeys(context: BuildContext, cache: BuildCache | undefined): Promise<NonNullable<BuildContext['nameKeys']>> {
  const key = hashParts(['names', context.generatorKey()]);
  if (context.nameKeys?.key !== key) {
    const names = (await cache?.getNameKeys?.(key)) ?? new Map();
    context.nameKeys = { key, names, stored: names.size };
  }
  return context.nameKeys;
}

/**
 * Render the site from pages already segmented and tagged. With `options.session`, a page whose view hash equals the
 * last build's (see site/render-site.ts RenderUnit) is not rendered again. With `options.output`, each file goes
 * to the writer as soon as it is rendered and is not kept (only article pages' search documents are), and the
 * result's `files` is empty.
 * @param phases the phases to run (pipeline.ts): those it leaves for later are returned as `search` (not with `output`)
 */
export async function renderFiles(
  pages: readonly SeedPageInfo[],
  articles: readonly TaggedArticle[],
  places: Pick<PlaceContext, 'gazetteer'>,
  options: Pick<BuildOptions, 'config' | 'templatesDir' | 'cache' | 'session' | 'output' | 'context' | 'previous'> & {
    readonly renderKey: string;
    /** The hash of each article's JSON, from the page entries (site/render-site.ts ArticleHashes); default none. */
    readonly articleHashes?: ArticleHashes;
    /**
     * The cache key of each page's entry (cache/build-cache.ts pageKey), by seed file (SeedPageInfo.file): with
     * `previous` and `output`, the records of a page whose key and slug are those of a piece of the last build's
     * articles.json are copied from that file (site/articles-json.ts articlesJsonPieces). Default none.
     */
    readonly pageKeys?: ReadonlyMap<string, string>;
    /** Each article's view from its page entry (site/site-model.ts ItemView): its item is made without reading its text. Default none. */
    readonly itemViews?: ItemViews;
    /**
     * A session's rebuild: the seed files whose page entries are not those of the session's last build, and their
     * articles. With the session's last model (same render key) and phases that leave the derived files for
     * later, the model is patched and only what these pages can have changed is planned (see RenderedFiles.removed).
     */
    readonly edit?: { readonly seeds: ReadonlySet<string>; readonly articles: readonly TaggedArticle[] };
    /**
     * A plain rerun (`output` and `previous`, no session) whose last build had the same render key: the seed files
     * of the pages added, edited or removed since (BuildOptions.last), and the last build's pages and articles of
     * those it had. The last build's model is made again from them and the other pages, and only what these pages
     * can have changed is planned (site/render-site.ts rerunScope); the other files of `previous` are kept.
     */
    readonly rerun?: { readonly seeds: ReadonlySet<string>; readonly pages: readonly SeedPageInfo[]; readonly articles: readonly TaggedArticle[] };
  },
  phases: PhaseSelection = COMMAND_PHASES.build,
): Promise<RenderedFiles> {
  const { session, cache, output, renderKey } = options;
  const context = contextOf(options);
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const { memo: clauseWords, wordBoundaries: headlineWords } = await displayWords(context, options.config, cache);
  const nameKeys = await authorNameKeys(context, cache);
  // Rendered in memory and left for later: the search index, articles.json, the feed and the sitemap.
  const defer = output === undefined && runsLater(phases, 'derived') && runsLater(phases, 'search');
  // A session's rebuild after an edit patches its last model and plans what the edit can have changed; the last
  // model is forgotten until this build is done (one that fails leaves none: the next plans the whole site).
  const last = session?.model ?? null;
  if (session) session.model = null;
  const patched =
    last !== null && defer && options.edit !== undefined && last.renderKey === renderKey && session !== undefined && session.units.size > 0
      ? patchSiteModel(last.model, pages, options.edit.articles, options.edit.seeds, context.items, headlineWords, options.itemViews)
      : null;
  const model = patched ?? buildSiteModel(pages, articles, context.items, headlineWords, options.itemViews);
  const scope = patched !== null && last !== null && options.edit !== undefined ? editScope(last.model, patched, options.edit.seeds) : null;
  // A plain rerun: the last build's model, made again from its entries of the pages that changed and the others'.
  const rerun = options.rerun !== undefined && output !== undefined && options.previous !== undefined && session === undefined ? options.rerun : null;
  // Patched from this build's model (only the lists the changed pages' items name are made again), or made whole
  // when a page's slug differs between the two builds.
  const lastPages = rerun === null ? [] : [...pages.filter((page) => !rerun.seeds.has(page.file)), ...rerun.pages];
  const before =
    rerun === null
      ? null
      : (lastSiteModel(model, lastPages, rerun.articles, rerun.seeds, context.items, headlineWords, options.itemViews) ??
        buildSiteModel(lastPages, [...articles.filter((article) => !rerun.seeds.has(article.seed)), ...rerun.articles], context.items, headlineWords, options.itemViews));
  let rerunPlan = before === null ? null : rerunScope(before, model, (rerun as NonNullable<typeof rerun>).seeds);

  // Bodies rendered by the last build (same generator: the cache is keyed by it) are not rendered again. A session
  // keeps them in memory (its first build reads the cache and fills the map); a plain build reads and writes
  // them in the cache, one at a time.
  const store = (session?.markdown ?? null) === null && cache ? await cache.openRenderedMarkdown(context.generatorKey()) : null;
  const sessionBodies = session === undefined ? null : (session.markdown ?? new Map<string, string>());
  let memo: MarkdownMemo | undefined;
  if (store !== null) memo = { get: (key) => store.get(key), has: (key) => store.has?.(key) === true, set: (key, html) => (store.set(key, html), sessionBodies?.set(key, html)) };
  else if (sessionBodies !== null) memo = mapMemo(sessionBodies);
  // Bodies rendered ahead in a thread of their own (a build that renders every page, below) come first.
  let prerender: MarkdownPrerender | null = null;
  const renderMemo: MarkdownMemo = {
    get: (key) => (prerender?.memo ?? memo)?.get(key),
    has: (key) => (prerender?.memo ?? memo)?.has?.(key) === true,
    set: (key, html) => (prerender?.memo ?? memo)?.set(key, html),
  };
  // A body's key is made once, by the prerender's walk when there is one, and taken by the renderer.
  const keys = bodyKeys();

  const searchStore = cache
    ? { get: (key: string) => cache.getSearchShard(key), put: (key: string, shard: readonly OutputFile[]) => cache.putSearchShard(key, shard), list: (key: string) => cache.listSearchShard(key) }
    : undefined;
  // Made only when the index is: a build without search (or a session's rebuild, until updateDeferred) never needs it.
  let shards: ((path: string) => string) | null = null;
  const searchOptions = { shardOf: (file: string) => (shards ??= searchShardOf(model))(file), ...(searchStore ? { store: searchStore } : {}) };
  // A build that writes as it renders hands each article page to the search stage: Pagefind indexes a shard (in
  // its own process) as soon as the shard's last article page is rendered, and its files go to the writer.
  // What each file of the site was rendered from (a page's unit hash, an index file's shard key), for the next build.
  const records = new Map<string, Pick<OutputRecord, 'unit' | 'search' | 'pieces'>>();
  // A shard's index files are recorded with the shard's key: the next build keeps those of an unchanged shard in
  // the output (the writer's keep: the file is there with its size) instead of reading them back from the cache.
  const keepShard = async (key: string, files: readonly string[]): Promise<ReadonlySet<string>> => {
    const kept = new Set<string>();
    if (output === undefined) return kept;
    const candidates: OutputRecord[] = [];
    for (const file of files) {
      const before = options.previous?.get(file);
      if (before !== undefined && before.unit === key) candidates.push(before);
    }
    const keptNow = await output.keepAll(candidates);
    candidates.forEach((before, i) => {
      if (keptNow[i] !== true) return;
      kept.add(before.path);
      records.set(before.path, { unit: key });
    });
    return kept;
  };
  const stage: SearchDocumentStage | null =
    output === undefined || !options.config.search
      ? null
      : stageSearchDocuments({
          ...searchOptions,
          expected: model.pages.flatMap((page) => page.items.map((item) => item.path)),
          emit: (file, key) => (records.set(file.path, { unit: key }), output.add(file)),
          keep: keepShard,
        });
  try {
    const placeIndex = new Map<string, PlaceRef>(
      [...places.gazetteer.byCode].map(([code, p]) => [code, { code: p.code, name: p.name, level: p.level, districtCode: p.districtCode }]),
    );
    // The templates as the last build precompiled them, when the cache has them for the same sources.
    const specStore =
      cache?.getTemplateSpecs !== undefined && cache.putTemplateSpecs !== undefined
        ? { get: cache.getTemplateSpecs.bind(cache), put: cache.putTemplateSpecs.bind(cache) }
        : undefined;
    const templates = session?.templates?.renderKey === renderKey ? session.templates.value : loadTemplates(templatesDir, specStore);
    if (session) session.templates = { renderKey, value: templates };
    const renderContext = {
      config: options.config,
      templates,
      markdown: createMarkdownRenderer(renderMemo, keys),
      placeIndex,
      regionNote: regionNote(places.gazetteer),
      wordBoundaries: headlineWords,
      ...(options.articleHashes === undefined ? {} : { articleHashes: options.articleHashes }),
      memo: context.views,
      nameKeys: nameKeys.names,
    };
    let units = planSite(model, renderContext, context.viewHashes, scope ?? rerunPlan ?? undefined);
    // The files of the scope in the last model that it has no more (an item of an edited page gone, a list shorter).
    let removed: string[] | null = null;
    if (scope !== null && last !== null) {
      const planned = new Set(units.map((unit) => unit.path));
      removed = planSite(last.model, renderContext, context.viewHashes, scope, true).map((unit) => unit.path).filter((file) => !planned.has(file));
    }
    // A build with no record of an earlier one renders every page: their Markdown bodies are rendered ahead, in
    // order, in a thread of their own (on the second core), while this thread renders templates and writes.
    const rendersAll = (options.previous === undefined || options.previous.size === 0) && (session === undefined || session.units.size === 0);
    prerender = rendersAll ? prerenderMarkdown(units, memo, keys) : null;

    // Every file goes to one output (write.ts OutputWriter): the caller's, or, for a build in memory, a memory output.
    const memory = output === undefined ? openMemoryOutput() : null;
    const sink: OutputWriter = output ?? (memory as OutputWriter);
    const paths: string[] = [];
    const emit = async (file: OutputFile): Promise<void> => {
      paths.push(file.path);
      if (typeof file.content === 'string') stage?.add(file.path, file.content);
      await sink.add(file);
    };
    const files = (): OutputFile[] => [...(memory?.files ?? [])].sort(byPath);

    const expected = stage === null ? null : new Set(model.items.map((item) => item.path));
    const current = (file: string): string => readFileSync(path.join(options.config.outDir, ...file.split('/')), 'utf8');
    const renderedPaths: string[] = [];
    let pagesOfSite = 0;
    /** Render (or keep, when its hash is the one recorded) one planned unit and hand it to the output. */
    const renderUnit = async (unit: (typeof units)[number], index: number): Promise<void> => {
      // What a file depends on is the data its view reads (site/pages/): the same hash, the same bytes. A session
      // has the hash of its last build's data: when the data is the same, so is the hash.
      const last = session?.units.get(unit.path);
      const same = last !== undefined && last.kind === unit.kind && last.renderKey === renderKey && sameViewData(last.data, unit.data);
      const hash = same ? last.hash : viewHash(renderKey, unit, context.viewHashes);
      const page = !EXPORT_KINDS.has(unit.kind);
      if (page) pagesOfSite++;
      // A plain build keeps a file of the output as it is when the unit it was rendered from had the same hash:
      // no view, no template, no comparison; an article page goes to the search stage by its recorded document hash.
      const before = output !== undefined ? options.previous?.get(unit.path) : undefined;
      if (before !== undefined && before.unit === hash && (expected === null || !expected.has(unit.path) || before.search !== undefined)) {
        if (await sink.keep(unit.path, before.size)) {
          paths.push(unit.path);
          if (before.search !== undefined && expected?.has(unit.path)) stage?.keep(unit.path, before.search, () => current(unit.path));
          records.set(unit.path, { unit: hash, search: before.search });
          return;
        }
      }
      // A session takes the content of its last build when the hash is the same.
      let content: string;
      if (last !== undefined && last.hash === hash) content = last.content;
      else {
        if (prerender !== null) await prerender.ready(index);
        content = unit.render();
        if (page) renderedPaths.push(unit.path);
      }
      // The session's record of the unit is updated in place (a rebuild allocates nothing for an unchanged unit): an
      // unchanged one keeps its record, and with it the last build's data, equal to this one's.
      if (session && !(same && last.content === content)) session.units.set(unit.path, { kind: unit.kind, renderKey, data: unit.data, hash, content });
      await emit({ path: unit.path, content });
      const search = stage?.documentHash(unit.path);
      records.set(unit.path, { unit: hash, ...(search === undefined ? {} : { search }) });
    };
    if (rerunPlan !== null && before !== null && options.previous !== undefined) {
      // A plain rerun planned by a scope: the planned article pages are rendered first and the kept pages of their
      // shards staged, so those shards are indexed (Pagefind, in its own process) while the other planned units
      // are rendered and the rest is kept. Every file of the last build
      // outside the scope (neither planned now nor planned in the last model by the same scope, so neither changed
      // nor gone) is kept as it is, unrendered and unhashed: first the article pages of the shards the planned
      // units fall in (a shard is indexed once its last page is staged), then the others. A file the writer
      // cannot keep (missing, or of another size since: edited by hand) or an article page recorded without its
      // search document needs its unit: then the whole site is planned, and the files kept or rendered stay so.
      const scoped = new Set(units.map((unit) => unit.path));
      const planned = new Set(scoped);
      for (const unit of planSite(before, renderContext, context.viewHashes, rerunPlan)) planned.add(unit.path);
      const isArticle = (unit: (typeof units)[number]): boolean => expected?.has(unit.path) === true;
      const touched = new Set(units.filter(isArticle).map((unit) => searchOptions.shardOf(unit.path)));
      const first: OutputRecord[] = [];
      const rest: OutputRecord[] = [];
      for (const record of options.previous.values()) {
        if (planned.has(record.path) || outputPhase(record.path) !== 'render') continue;
        (touched.size > 0 && expected?.has(record.path) === true && touched.has(searchOptions.shardOf(record.path)) ? first : rest).push(record);
      }
      const keptAhead = new Set<string>();
      let whole = false;
      const exportsFolder = routes.markdownExports();
      /**
       * Keep files of the last build as they are, in the order given (one call to the writer for them all); a file
       * that cannot be kept makes the whole site planned.
       */
      const keepRecords = async (some: readonly OutputRecord[]): Promise<void> => {
        // A file recorded without its unit, or an article page without its search document, cannot be kept.
        const keepable = some.filter((record) => record.unit !== undefined && (record.search !== undefined || expected?.has(record.path) !== true));
        if (keepable.length < some.length) whole = true;
        const kept = await sink.keepAll(keepable);
        keepable.forEach((record, i) => {
          if (kept[i] !== true) {
            whole = true;
            return;
          }
          keptAhead.add(record.path);
          paths.push(record.path);
          if (record.search !== undefined && expected?.has(record.path) === true) stage?.keep(record.path, record.search, () => current(record.path));
          // The last build's record itself, not a copy (138,000 at 40,000 articles): the state takes it as it is.
          records.set(record.path, record);
          if (!record.path.startsWith(exportsFolder)) pagesOfSite++;
        });
      };
      // The planned article pages, then the kept pages of their shards, then the other planned units, then the
      // rest: the touched shards are complete (and Pagefind indexes them in its own process) before the lists,
      // place and author pages are rendered, not after.
      for (const [index, unit] of units.entries()) if (isArticle(unit)) await renderUnit(unit, index);
      await keepRecords(first);
      // A complete shard's lookups and its Pagefind run start while the other planned units are rendered.
      await nextTurn();
      for (const [index, unit] of units.entries()) if (!isArticle(unit)) await renderUnit(unit, index);
      for (let i = 0; i < rest.length; i += KEEP_TURN) {
        // The event loop gets a turn now and then: a complete shard's lookups and its Pagefind run go on meanwhile.
        if (i > 0) await nextTurn();
        await keepRecords(rest.slice(i, i + KEEP_TURN));
      }
      renderedPaths.sort(compareCodePoints);
      if (whole) {
        rerunPlan = null;
        pagesOfSite = 0;
        units = planSite(model, renderContext, context.viewHashes);
        for (const [index, unit] of units.entries()) {
          if (keptAhead.has(unit.path) || scoped.has(unit.path)) {
            if (!EXPORT_KINDS.has(unit.kind)) pagesOfSite++;
            continue;
          }
          await renderUnit(unit, index);
        }
        renderedPaths.sort(compareCodePoints);
      }
    } else {
      for (const [index, unit] of units.entries()) await renderUnit(unit, index);
    }
    if (cache && clauseWords.words.size > clauseWords.stored) {
      await cache.putWordBoundaries(clauseWords.key, clauseWords.words);
      clauseWords.stored = clauseWords.words.size;
    }
    if (cache?.putNameKeys !== undefined && nameKeys.names.size > nameKeys.stored) {
      await cache.putNameKeys(nameKeys.key, nameKeys.names);
      nameKeys.stored = nameKeys.names.size;
    }
    if (session && removed !== null) {
      for (const file of removed) session.units.delete(file);
      session.markdown = sessionBodies;
    } else if (session) {
      // Units of the last build that this one did not plan (a page removed) are forgotten.
      if (session.units.size > units.length) {
        const planned = new Set(units.map((unit) => unit.path));
        for (const file of session.units.keys()) if (!planned.has(file)) session.units.delete(file);
      }
      session.markdown = sessionBodies;
    }
    await store?.close();

    // The last build's articles.json is about as large: its size lets each record be serialised once, and the
    // records of its unchanged pages are copied from it (a plain build that writes to the output it read).
    const keyOf = (page: SitePage): string | undefined => {
      const key = options.pageKeys?.get(page.seed);
      return key === undefined ? undefined : `${key} ${page.slug}`;
    };
    const lastData = (): ReturnType<typeof openLastFile> => {
      const before = options.previous?.get(routes.articlesJson());
      return output !== undefined && before?.pieces !== undefined ? openLastFile(path.join(options.config.outDir, ...routes.articlesJson().split('/')), before.size, before.pieces) : null;
    };
    const data = (): OutputFile => {
      const file = routes.articlesJson();
      const before = options.previous?.get(file);
      const last = lastData();
      try {
        const made = articlesJsonPieces(model, { ...(before === undefined ? {} : { sizeHint: before.size }), keyOf, ...(last === null ? {} : { last }) });
        if (made.pieces.length > 0) records.set(file, { pieces: made.pieces });
        return { path: file, content: made.bytes };
      } finally {
        last?.close();
      }
    };
    // A plain build's articles.json goes to the output chunk by chunk as it is made, never held whole (about
    // 200 MB at 40,000 articles: the largest buffer a build held, at the end of rendering, its peak of memory).
    const streamData = async (): Promise<void> => {
      const file = routes.articlesJson();
      const last = lastData();
      try {
        const pieces: ArticlesPiece[] = [];
        paths.push(file);
        await sink.addChunks(file, articlesJsonChunks(model, { keyOf, ...(last === null ? {} : { last }) }, pieces));
        if (pieces.length > 0) records.set(file, { pieces });
      } finally {
        last?.close();
      }
    };
    // Every page of the site: those planned now, or after a scoped plan the session's (all of them, kept up to date).
    const kept = removed === null ? null : (session?.units ?? null);
    const every = (): OutputFile[] => [...(kept ?? [])].map(([path, unit]) => ({ path, content: unit.content })).sort(byPath);
    const extras = (keep?: KeepExtra): Promise<ExtraFile[]> => renderExtras(model, (kept === null ? paths : [...kept.keys()].sort()).map((path) => ({ path })), options.config, keep);
    // A plain build keeps a derived file (a part of a large sitemap) that the last build made from the same data.
    const extraUnit = (key: string): string => hashParts(['extra', renderKey, key]);
    const keepExtra: KeepExtra | undefined =
      output === undefined || options.previous === undefined
        ? undefined
        : async (file, key) => {
            const before = options.previous?.get(file);
            return before !== undefined && before.unit === extraUnit(key) && (await sink.keep(file, before.size));
          };
    if (kept !== null) {
      pagesOfSite = 0;
      for (const unit of kept.values()) if (!EXPORT_KINDS.has(unit.kind)) pagesOfSite++;
    }
    const planned = files();
    const search = async (): Promise<OutputFile[]> => {
      if (!options.config.search) return [];
      return stage === null ? renderSearchIndex(kept === null ? planned : every(), searchOptions) : stage.index();
    };
    if (session) session.model = { model, renderKey };
    if (defer) {
      const later = async (): Promise<OutputFile[]> => [data(), ...(await extras()).map(renderedExtra), ...(await search())].sort(byPath);
      return { files: planned, search: later, rendered: renderedPaths.length, renderedPaths, units: pagesOfSite, records, removed, planned: removed === null ? null : units.length };
    }
    if (output !== undefined) await streamData();
    else await emit(data());
    for (const file of await extras(keepExtra)) {
      if (file.key !== undefined) records.set(file.path, { unit: extraUnit(file.key) });
      if (file.content !== null) await emit({ path: file.path, content: file.content });
    }
    for (const file of await search()) await emit(file);
    return { files: files(), search: null, rendered: renderedPaths.length, renderedPaths, units: pagesOfSite, records, removed: null, planned: rerunPlan === null ? null : units.length };
  } finally {
    await prerender?.close();
    await stage?.discard();
    await store?.discard();
  }
}

/** A derived file rendered without a `keep` (renderFiles' extras): it has its content. */
function renderedExtra(file: ExtraFile): OutputFile {
  if (file.content === null) throw new TypeError(`${file.path}: kept, though no keep was given`);
  return { path: file.path, content: file.content };
}

/**
 * The last build's file at `file` (its articles.json) to copy pieces from, when it has the `size` its record says;
 * null when it is missing or of another size. Reads never throw (a failed read is a piece not copied).
 */
function openLastFile(file: string, size: number, pieces: readonly unknown[]): (LastArticlesJson & { close(): void }) | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  try {
    if (!fstatSync(fd).isFile() || fstatSync(fd).size !== size) {
      close();
      return null;
    }
  } catch {
    close();
    return null;
  }
  return {
    pieces,
    read(target, at, offset, length) {
      if (!open || offset + length > size) return false;
      try {
        return readSync(fd, target, at, length, offset) === length;
      } catch {
        return false;
      }
    },
    close,
  };
}

/** Counts of one build: how much work the cache saved. */
export interface BuildStats {
  /** Seed files read. */
  readonly seeds: number;
  /** Seeds decoded, segmented and tagged in this build. */
  readonly processed: number;
  /** Seeds taken from the cache. */
  readonly cached: number;
  /** True when this build needed the place tagger (and so jieba's dictionary). */
  readonly placesUsed: boolean;
  /** Pages (HTML, CSS and script files of the site) rendered in this build; the rest came from the session. */
  readonly rendered: number;
  /** Pages of the site (rendered or not); the Markdown export (data/markdown/) is not counted. */
  readonly pagesOfSite: number;
}

/** What a build returns: the files of the site and what was wrong with the input. */
export interface BuildResult {
  /** Output files sorted by path; without the search index when `search` is not null; empty with `output`. */
  readonly files: OutputFile[];
  /** When the phases leave the derived files and the search index for later: renders them ({@link isDeferredOutput}); else null. */
  readonly search: (() => Promise<OutputFile[]>) | null;
  /** Diagnostics sorted by file, then line. */
  readonly diagnostics: Diagnostic[];
  /** The pages read (their text is dropped once segmented). */
  readonly pages: readonly SeedPageInfo[];
  readonly articles: readonly TaggedArticle[];
  /** Key of every input of the build (see {@link BuildInputs.key}). */
  readonly key: string;
  readonly stats: BuildStats;
  /** Paths of the pages rendered in this build, in path order (`stats.rendered` of them). */
  readonly renderedPaths: readonly string[];
  /** What each page of the site was rendered from, by path (see {@link RenderedFiles.records}). */
  readonly records: ReadonlyMap<string, Pick<OutputRecord, 'unit' | 'search' | 'pieces'>>;
  /** See {@link RenderedFiles.removed}: null, or after a session's scoped plan the paths of files gone (then `files` holds the planned files only). */
  readonly removed: readonly string[] | null;
  /** See {@link RenderedFiles.planned}. */
  readonly planned: number | null;
  /** The page key (cache/build-cache.ts pageKey) of each seed page made a page of, by seed file (SeedPageInfo.file). */
  readonly pageKeys: ReadonlyMap<string, string>;
}

/** Progress of a build, for a progress bar: `segment` once per seed processed (not cached), then `render`. */
export interface BuildProgress {
  readonly phase: 'places' | 'segment' | 'render';
  /** Seeds processed so far (segment), else 0. */
  readonly done: number;
  /** Seeds to process in this build (segment), else 0. */
  readonly total: number;
  /** The seed just processed (segment), else null. */
  readonly file: string | null;
}

/** Options of one build. */
export interface BuildOptions {
  readonly config: Config;
  /** Templates folder. Default: the project's `templates/`. */
  readonly templatesDir?: string;
  /** Cache of what each seed became; without it every seed is processed. */
  readonly cache?: BuildCache;
  /** Inputs already read by {@link readBuildInputs} (so a caller can compare keys first); read when absent. */
  readonly inputs?: BuildInputs;
  /** Called as the build goes (never for cached seeds). */
  readonly onProgress?: (progress: BuildProgress) => void;
  /** What a long-running process keeps between builds (see {@link BuildSession}). */
  readonly session?: BuildSession;
  /** What the build makes once (gazetteer, tagger, generator key): default the session's, else a new one. */
  readonly context?: BuildContext;
  /**
   * The phases to run (pipeline.ts COMMAND_PHASES; default every one, `build`'s). Through `tag` only (`check`): no
   * site is made, `files` is empty. Leaving `derived` and `search` for later (a `dev` rebuild): the result's
   * `search` renders them (see {@link isDeferredOutput}).
   */
  readonly phases?: PhaseSelection;
  /**
   * Where the files go as they are rendered (write.ts openOutputWriter): then the result's `files` is empty and
   * memory holds one rendered page at a time, not the whole site.
   */
  readonly output?: OutputWriter;
  /**
   * The output folder's files as the last build recorded them (cache/build-cache.ts OutputRecord), by path: with
   * `output`, a page whose unit hash equals its record's is kept as it is instead of rendered.
   */
  readonly previous?: ReadonlyMap<string, OutputRecord>;
  /**
   * What the build that wrote the output recorded of its pages (cache/build-cache.ts BuildState.pageKeys and
   * renderKey): with `previous` and `output`, no session, and the same render key, the pages whose keys differ
   * (added, edited, removed) are compared with their last entries (read from `cache`) and only the files they can
   * change are planned (site/render-site.ts rerunScope); every other file of `previous` is kept as it is
   * (OutputWriter.keep). Without it, or when the scope cannot be known, the whole site is planned.
   */
  readonly last?: { readonly pageKeys: ReadonlyMap<string, string>; readonly renderKey: string };
}


/** The context of a build: `options.context`, else the session's, else a new one (see BuildOptions.context). */
export function contextOf(options: Pick<BuildOptions, 'context' | 'session'>): BuildContext {
  return options.context ?? options.session?.context ?? createBuildContext();
}

/**
 * Build the whole site in memory from the seeds folder of `options.config`. With `options.cache`, a seed whose
 * key is cached is neither decoded nor segmented, and when every seed is cached jieba's dictionary is not loaded.
 * @throws Error when the seeds folder cannot be read or a template does not compile (not input problems:
 *   those are diagnostics)
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const context = contextOf(options);
  // A context made here is this build's to close (the jieba thread it may start).
  if (options.context !== undefined || options.session !== undefined) return buildWith(options, context);
  try {
    return await buildWith(options, context);
  } finally {
    await context.close();
  }
}

/** Put the view of each article of `entry` that has one (PageEntry.views) into `views`, by article. */
function addViews(entry: PageEntry, views: { set(article: TaggedArticle, view: ItemView): unknown }): void {
  entry.articles.forEach((article, i) => {
    const view = entry.views?.[i];
    if (view !== undefined) views.set(article, view);
  });
}

/** What a decoded seed's bytes are replaced by in a plain build (see buildWith). */
const NO_BYTES = new Uint8Array(0);

async function buildWith(options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const { config, cache, onProgress } = options;
  const inputs = options.inputs ?? (await readBuildInputs({ ...options, context }));
  const selected = options.phases ?? COMMAND_PHASES.build;
  // Seeds with the same bytes as another: a warning of a site build (`check` looks at files one by one).
  const duplicates = runsNow(selected, 'model') ? duplicateSeedDiagnostics(inputs.seeds, inputs.label, (name) => seedSavedAt(config.seedsDir, name)) : [];
  const diagnostics: Diagnostic[] = [...inputs.readDiagnostics, ...duplicates];

  const { session } = options;
  prepareFewSeeds({ ...options, context }, inputs);
  // Cached entries are read through pMap (a session's come from memory); the store reads each one synchronously
  // (cache/build-cache.ts), which costs less CPU than a promise through the thread pool for a file of a few KB.
  // `check` shows every entry's text: read and checked with the entry (a damaged text is a miss, segmented again).
  const store = cache !== undefined && !runsNow(selected, 'model') ? checkedTextCache(cache) : cache;
  const entries: (PageEntry | null)[] = await pMap(inputs.pageKeys, async (key) => session?.pages.get(key) ?? (store ? await store.getPage(key) : null), {
    concurrency: 32,
  });
  const total = entries.filter((entry) => entry === null).length;
  let places: PlaceContext | null = null;
  let done = 0;
  // A session's entries by seed: an edited page's items that did not change keep their objects (see keepUnchanged).
  const earlier = new Map<string, PageEntry>();
  if (session && total > 0) for (const entry of session.pages.values()) if (entry.page !== null) earlier.set(entry.page.file, entry);
  // A plain build that renders needs a seed's bytes only to decode it: they go once it is decoded or found in the
  // cache, not at the end of the build (about 4 KB an article: 165 MB at 40,000). A session keeps them (its seed
  // memo); `check` shows its files.
  const release = session === undefined && runsNow(selected, 'model') ? (i: number, seed: SeedSource) => ((inputs.seeds as SeedSource[])[i] = { ...seed, bytes: NO_BYTES }) : null;
  // Each new page entry goes to the cache while the next seed is segmented (a write is five calls through the
  // thread pool, which the loop used to wait for: a fifth of a cold build's segmenting time); all are awaited below.
  // The loop gives the event loop a turn after each seed, so the writes go on, a signal (Ctrl-C) is handled at
  // once, and the first failed write stops the build.
  const entryWrites: Promise<void>[] = [];
  let entryFailure: { readonly error: unknown } | null = null;
  // While jieba's dictionary loads in its thread (a plain build of a few new seeds: prepareFewSeeds), the site
  // items of the cached pages are made (site-model.ts prepareItems), work that does not need the dictionary and
  // that the model would do after the new seeds are segmented: the first cut of a new seed waits for it.
  if (total > 0 && context.jiebaInOwnThread && runsNow(selected, 'model')) {
    const cached = entries.filter((entry): entry is PageEntry => entry !== null);
    const { wordBoundaries } = await displayWords(context, config, cache);
    const views = new Map<TaggedArticle, ItemView>();
    for (const entry of cached) addViews(entry, views);
    prepareItems(
      cached.flatMap((entry) => (entry.page === null ? [] : [entry.page])),
      cached.flatMap((entry) => entry.articles),
      context.items,
      wordBoundaries,
      views,
    );
  }
  // What each new page's site items show besides their text (site-model.ts ItemView), kept with its entry.
  const words = total > 0 ? (await displayWords(context, config, cache)).wordBoundaries : null;
  for (const [i, seed] of inputs.seeds.entries()) {
    if (entries[i] !== null) {
      release?.(i, seed);
      continue;
    }
    const read = readSeedBytes(seed.bytes, seed.fileName, seed.label ?? inputs.label, { maxBytes: config.maxSeedBytes });
    let entry: PageEntry = { page: read.page === null ? null : pageInfo(read.page), articles: [], diagnostics: read.diagnostics };
    if (read.page !== null) {
      if (places === null) {
        onProgress?.({ phase: 'places', done, total, file: null });
        places = context.places(config.homeRegion, config.cacheDir);
      }
      // The items' strings are cut from the page's text: copied, so the text is not held to the end of the build.
      const result = ownStrings(processPage(read.page, places));
      const before = earlier.get(read.page.file);
      const articles = before ? keepUnchanged(before.articles, result.articles) : result.articles;
      entry = {
        page: result.refused ? null : ownStrings(pageInfo(read.page)),
        articles,
        diagnostics: [...ownStrings(read.diagnostics), ...result.diagnostics],
        hashes: articles.map(articleHash),
        views: articles.map((article) => itemView(article, words ?? undefined)),
      };
    }
    entries[i] = entry;
    release?.(i, seed);
    if (cache) {
      const written = cache.putPage(inputs.pageKeys[i] as string, entry);
      // Handled here (not an unhandled rejection); the loop throws it at its next turn, Promise.all below otherwise.
      written.catch((error: unknown) => void (entryFailure ??= { error }));
      entryWrites.push(written);
    }
    done++;
    onProgress?.({ phase: 'segment', done, total, file: seedPath(seed.label ?? inputs.label, seed.fileName) });
    await nextTurn();
    if (entryFailure !== null) throw (entryFailure as { readonly error: unknown }).error;
  }
  await Promise.all(entryWrites);

  // A session's rebuild: the pages whose entries are not the last build's (renderFiles plans what they can change).
  let edit: { seeds: Set<string>; articles: TaggedArticle[] } | undefined;
  // For a session, whether each entry (by index) is its last build's own object: then the session has its
  // articles' hashes and views already, and its page is not among those edited.
  let kept: boolean[] | null = null;
  if (session) {
    kept = inputs.pageKeys.map((key, i) => session.pages.get(key) === entries[i]);
    if (session.pages.size > 0) {
      edit = { seeds: new Set(), articles: [] };
      for (const [i, entry] of entries.entries()) {
        if (kept[i] === true || entry === null || entry.page === null) continue;
        edit.seeds.add(entry.page.file);
        edit.articles.push(...entry.articles);
      }
    }
    session.pages.clear();
    inputs.pageKeys.forEach((key, i) => session.pages.set(key, entries[i] as PageEntry));
  }
  const pages: SeedPageInfo[] = [];
  const articles: TaggedArticle[] = [];
  // Each article's hash, made with its entry: unchanged articles are not serialised again to plan the site.
  const articleHashes = session?.articleHashes ?? new Map<TaggedArticle, string>();
  // Each article's view, made with its entry: the site items of unchanged pages are made without reading their text.
  const itemViews = session?.itemViews ?? new Map<TaggedArticle, ItemView>();
  const pageKeys = new Map<string, string>();
  for (const [i, entry] of entries.entries()) {
    if (entry === null) continue;
    if (entry.page !== null) pageKeys.set(entry.page.file, inputs.pageKeys[i] as string);
    diagnostics.push(...entry.diagnostics);
    if (entry.page !== null) pages.push(entry.page);
    articles.push(...entry.articles);
    if (kept?.[i] === true) continue;
    entry.articles.forEach((article, i) => articleHashes.set(article, entry.hashes?.[i] ?? articleHash(article)));
    addViews(entry, itemViews);
  }
  if (!runsNow(selected, 'model')) {
    // `check`: read through tag only.
    const stats = { seeds: inputs.seeds.length, processed: total, cached: inputs.seeds.length - total, placesUsed: places !== null, rendered: 0, pagesOfSite: 0 };
    return { files: [], search: null, diagnostics: sortDiagnostics(diagnostics), pages, articles, key: inputs.key, stats, renderedPaths: [], records: new Map(), removed: null, planned: null, pageKeys };
  }
  onProgress?.({ phase: 'render', done: 0, total: 0, file: null });
  const rerun = session === undefined && options.output !== undefined && options.previous !== undefined && cache !== undefined ? await lastEntries(options.last, inputs.renderKey, pageKeys, cache) : null;
  if (rerun !== null) {
    for (const entry of rerun.entries) {
      addViews(entry, itemViews);
      entry.articles.forEach((article, i) => articleHashes.set(article, entry.hashes?.[i] ?? articleHash(article)));
    }
  }
  const gazetteer = places?.gazetteer ?? context.gazetteer(config.homeRegion, config.cacheDir);
  const { files, search, rendered, renderedPaths, units, records, removed, planned } = await renderFiles(
    pages,
    articles,
    { gazetteer },
    {
      ...options,
      context,
      templatesDir: inputs.templatesDir,
      renderKey: inputs.renderKey,
      articleHashes,
      itemViews,
      pageKeys,
      ...(edit === undefined ? {} : { edit }),
      ...(rerun === null ? {} : { rerun: { seeds: rerun.seeds, pages: rerun.entries.flatMap((entry) => (entry.page === null ? [] : [entry.page])), articles: rerun.entries.flatMap((entry) => entry.articles) } }),
    },
    selected,
  );
  return {
    files,
    search,
    removed,
    planned,
    diagnostics: sortDiagnostics(diagnostics),
    pages,
    articles,
    key: inputs.key,
    stats: { seeds: inputs.seeds.length, processed: total, cached: inputs.seeds.length - total, placesUsed: places !== null, rendered, pagesOfSite: units },
    renderedPaths,
    records,
    pageKeys,
  };
}

/** A plain rerun's keep loop gives the event loop a turn after this many files (see renderFiles). */
const KEEP_TURN = 2048;

/** Most pages a plain rerun plans by a scope (site/render-site.ts rerunScope) for: beyond this, the whole site. */
const RERUN_SCOPE_LIMIT = 64;

/**
 * The seed files of the pages a plain rerun added, edited or removed (their page keys differ from `last`'s) and
 * the last build's entries of those that it had (edited and removed ones), read from `cache`; null when there is
 * no `last`, its render key is another, more than RERUN_SCOPE_LIMIT pages changed, or a last entry is gone (then
 * the whole site is planned).
 */
async function lastEntries(
  last: BuildOptions['last'],
  renderKey: string,
  pageKeys: ReadonlyMap<string, string>,
  cache: BuildCache,
): Promise<{ readonly seeds: ReadonlySet<string>; readonly entries: readonly PageEntry[] } | null> {
  if (last === undefined || last.renderKey !== renderKey) return null;
  const seeds = new Set<string>();
  for (const [file, key] of pageKeys) if (last.pageKeys.get(file) !== key) seeds.add(file);
  for (const file of last.pageKeys.keys()) if (!pageKeys.has(file)) seeds.add(file);
  if (seeds.size > RERUN_SCOPE_LIMIT) return null;
  const entries: PageEntry[] = [];
  for (const file of seeds) {
    const key = last.pageKeys.get(file);
    if (key === undefined) continue;
    const entry = await cache.getPage(key);
    if (entry === null || entry.page?.file !== file) return null;
    entries.push(entry);
  }
  return { seeds, entries };
}
