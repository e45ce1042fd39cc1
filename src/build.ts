/**
 * The build: seeds → segmented, tagged articles → site files, in memory. Writes nothing to the output
 * (see write.ts); with a cache (cache/build-cache.ts) it reuses what each unchanged seed became.
 * Stages: read (seed/), segment (segment/), tag (places/), model + render (site/, render/).
 */
import path from 'node:path';
import type { Config } from './config.js';
import { createPlaceTagger, loadGazetteer, spansJoin, type Gazetteer, type PlaceTagger } from './places/index.js';
import { createMarkdownRenderer } from './render/markdown-to-html.js';
import { loadTemplates, DEFAULT_TEMPLATES_DIR } from './render/templates.js';
import { type BuildCache, pageKey, type PageEntry } from './cache/build-cache.js';
import { configKey, generatorKey, hashParts, hashTree } from './cache/input-hashes.js';
import { duplicateSeedDiagnostics, readSeedBytes, readSeedSources, type SeedSource } from './seed/load-seeds.js';
import { segmentPage } from './segment/segment-page.js';
import { checkNothingLost } from './segment/source-characters.js';
import { articlesJson } from './site/articles-json.js';
import { renderExtras } from './site/render-extras.js';
import { renderSite } from './site/render-site.js';
import { buildSiteModel } from './site/site-model.js';
import type { Article, Diagnostic, OutputFile, PlaceRef, SeedPage, TaggedArticle } from './types.js';

/** Tagging context, built once per process: the gazetteer and the jieba tagger with its user dictionary. */
export interface PlaceContext {
  readonly gazetteer: Gazetteer;
  readonly tagger: PlaceTagger;
}

let placeContext: { key: string; value: PlaceContext } | null = null;

/**
 * The gazetteer and tagger of a home region, loaded once per process and region (jieba's dictionary takes
 * 1.5 to 2 s and about 280 MB to load).
 * @param cacheDir folder for the generated jieba user dictionary
 */
export function getPlaceContext(homeRegion: string, cacheDir: string): PlaceContext {
  const key = `${homeRegion}\u0000${path.resolve(cacheDir)}`;
  if (placeContext?.key !== key) {
    const gazetteer = getGazetteer(homeRegion);
    const tagger = createPlaceTagger(gazetteer, path.join(cacheDir, 'jieba'));
    placeContext = { key, value: { gazetteer, tagger } };
  }
  return placeContext.value;
}

/** The texts of an article that place tagging reads: header lines, subheads and paragraphs. */
export function articleTexts(article: Article): string[] {
  return [article.kicker, article.headline, article.subheadline, ...article.body.map((part) => part.text)].filter(
    (text): text is string => text !== null,
  );
}

/**
 * Segment one page and tag its items.
 * @returns the tagged items in page order and the page's diagnostics (segmentation warnings, lost-text errors, a
 *   warning when the page has articles but no byline at all)
 */
export function processPage(page: SeedPage, places: PlaceContext): { articles: TaggedArticle[]; diagnostics: Diagnostic[] } {
  const { items, diagnostics } = segmentPage(page, { spansJoin });
  diagnostics.push(...checkNothingLost(page, items));
  if (items.some((item) => item.kind === 'article') && items.every((item) => item.bylines.length === 0)) {
    diagnostics.push({
      file: page.file,
      line: null,
      rule: 'segment/no-bylines',
      severity: 'warning',
      message: 'Unexpected page without bylines: where one article ends and the next begins is guessed from headlines only; check it with `news-archive check`',
    });
  }
  const articles = items.map((item): TaggedArticle => ({ ...item, places: places.tagger.tag(articleTexts(item)) }));
  return { articles, diagnostics };
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
 * Render the site from pages already segmented and tagged.
 * @returns output files sorted by path
 */
export async function renderFiles(
  pages: readonly SeedPage[],
  articles: readonly TaggedArticle[],
  places: Pick<PlaceContext, 'gazetteer'>,
  options: Pick<BuildOptions, 'config' | 'templatesDir' | 'cache'>,
): Promise<OutputFile[]> {
  const model = buildSiteModel(pages, articles);
  // Bodies rendered by the last build (same generator: the cache is keyed by it) are not rendered again.
  const generator = generatorKey();
  const memo = options.cache ? { previous: await options.cache.getRenderedMarkdown(generator), current: new Map<string, string>() } : undefined;
  const placeIndex = new Map<string, PlaceRef>(
    [...places.gazetteer.byCode].map(([code, p]) => [code, { code: p.code, name: p.name, level: p.level, districtCode: p.districtCode }]),
  );
  const files = renderSite(model, {
    config: options.config,
    templates: loadTemplates(options.templatesDir ?? DEFAULT_TEMPLATES_DIR),
    markdown: createMarkdownRenderer(memo),
    placeIndex,
    regionNote: regionNote(places.gazetteer),
  });
  files.push({ path: 'data/articles.json', content: articlesJson(model) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const cache = options.cache;
  if (cache && memo) await cache.putRenderedMarkdown(generator, memo.current);
  const searchStore = cache ? { get: (key: string) => cache.getSearchShard(key), put: (key: string, shard: readonly OutputFile[]) => cache.putSearchShard(key, shard) } : undefined;
  files.push(...(await renderExtras(model, files, options.config, searchStore)));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
}

/** What a build returns: the files of the site and what was wrong with the input. */
export interface BuildResult {
  /** Output files sorted by path. */
  readonly files: OutputFile[];
  /** Diagnostics sorted by file, then line. */
  readonly diagnostics: Diagnostic[];
  readonly pages: readonly SeedPage[];
  readonly articles: readonly TaggedArticle[];
  /** Key of every input of the build (see {@link BuildInputs.key}). */
  readonly key: string;
  readonly stats: BuildStats;
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
}

/** The inputs of a build, read and hashed. */
export interface BuildInputs {
  /** Seed files, sorted by name. */
  readonly seeds: readonly SeedSource[];
  /** How diagnostics name the seeds folder (its base name, e.g. `seeds`). */
  readonly label: string;
  readonly templatesDir: string;
  /** Cache key of each seed's result, in the order of `seeds`. */
  readonly pageKeys: readonly string[];
  /**
   * Hash of everything the output depends on: the generator (version and code), the config, the templates
   * and every seed (name and bytes). Equal keys give byte-identical output.
   */
  readonly key: string;
}

/**
 * Read the seeds and hash the inputs. Fast: no parsing, no dictionary.
 * @throws Error when the seeds or templates folder cannot be read
 */
export async function readBuildInputs(options: Pick<BuildOptions, 'config' | 'templatesDir'>): Promise<BuildInputs> {
  const { config } = options;
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const label = path.basename(path.resolve(config.seedsDir));
  const seeds = await readSeedSources(config.seedsDir);
  const generator = generatorKey();
  const settings = `homeRegion=${config.homeRegion} maxSeedBytes=${config.maxSeedBytes}`;
  const pageKeys = seeds.map((seed) => pageKey(generator, settings, `${label}/${seed.fileName}`, seed.hash));
  const key = hashParts([
    'build',
    generator,
    configKey(config),
    hashTree(templatesDir),
    label,
    ...seeds.flatMap((seed) => [seed.fileName, seed.hash]),
  ]);
  return { seeds, label, templatesDir, pageKeys, key };
}

let gazetteers: { homeRegion: string; value: Gazetteer } | null = null;

/** The gazetteer of a home region, loaded once per process (about 0.4 s; no jieba). */
export function getGazetteer(homeRegion: string): Gazetteer {
  if (placeContext !== null && placeContext.value.gazetteer.homeRegion === homeRegion) return placeContext.value.gazetteer;
  if (gazetteers?.homeRegion !== homeRegion) gazetteers = { homeRegion, value: loadGazetteer({ homeRegion }) };
  return gazetteers.value;
}

/**
 * Build the whole site in memory from the seeds folder of `options.config`. With `options.cache`, a seed whose
 * key is cached is neither decoded nor segmented, and when every seed is cached jieba's dictionary is not loaded.
 * @throws Error when the seeds folder cannot be read or a template does not compile (not input problems:
 *   those are diagnostics)
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { config, cache, onProgress } = options;
  const inputs = options.inputs ?? (await readBuildInputs(options));
  const diagnostics: Diagnostic[] = duplicateSeedDiagnostics(inputs.seeds, inputs.label);

  const entries: (PageEntry | null)[] = [];
  for (const key of inputs.pageKeys) entries.push(cache ? await cache.getPage(key) : null);
  const total = entries.filter((entry) => entry === null).length;
  let places: PlaceContext | null = null;
  let done = 0;
  for (const [i, seed] of inputs.seeds.entries()) {
    if (entries[i] !== null) continue;
    const read = readSeedBytes(seed.bytes, seed.fileName, inputs.label, { maxBytes: config.maxSeedBytes });
    let entry: PageEntry = { page: read.page, articles: [], diagnostics: read.diagnostics };
    if (read.page !== null) {
      if (places === null) {
        onProgress?.({ phase: 'places', done, total, file: null });
        places = getPlaceContext(config.homeRegion, config.cacheDir);
      }
      const result = processPage(read.page, places);
      entry = { page: read.page, articles: result.articles, diagnostics: [...read.diagnostics, ...result.diagnostics] };
    }
    entries[i] = entry;
    await cache?.putPage(inputs.pageKeys[i] as string, entry);
    done++;
    onProgress?.({ phase: 'segment', done, total, file: `${inputs.label}/${seed.fileName}` });
  }

  const pages: SeedPage[] = [];
  const articles: TaggedArticle[] = [];
  for (const entry of entries) {
    if (entry === null) continue;
    diagnostics.push(...entry.diagnostics);
    if (entry.page !== null) pages.push(entry.page);
    articles.push(...entry.articles);
  }
  onProgress?.({ phase: 'render', done: 0, total: 0, file: null });
  const gazetteer = places?.gazetteer ?? getGazetteer(config.homeRegion);
  const files = await renderFiles(pages, articles, { gazetteer }, { ...options, templatesDir: inputs.templatesDir });
  return {
    files,
    diagnostics: sortDiagnostics(diagnostics),
    pages,
    articles,
    key: inputs.key,
    stats: { seeds: inputs.seeds.length, processed: total, cached: inputs.seeds.length - total, placesUsed: places !== null },
  };
}
