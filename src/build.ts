/**
 * The build: seeds → segmented, tagged articles → site files, in memory. Writes nothing (see write.ts).
 * Stages: read (seed/), segment (segment/), tag (places/), model + render (site/, render/).
 */
import path from 'node:path';
import type { Config } from './config.js';
import { createPlaceTagger, loadGazetteer, spansJoin, type Gazetteer, type PlaceTagger } from './places/index.js';
import { createMarkdownRenderer } from './render/markdown-to-html.js';
import { loadTemplates, DEFAULT_TEMPLATES_DIR } from './render/templates.js';
import { loadSeeds } from './seed/load-seeds.js';
import { segmentPage } from './segment/segment-page.js';
import { checkNothingLost } from './segment/source-characters.js';
import { articlesJson } from './site/articles-json.js';
import { renderExtras } from './site/render-extras.js';
import { renderSite } from './site/render-site.js';
import { buildSiteModel } from './site/site-model.js';
import type { Article, Diagnostic, OutputFile, PlaceRef, SeedPage, TaggedArticle } from './types.js';

/** What a build returns: the files of the site and what was wrong with the input. */
export interface BuildResult {
  /** Output files sorted by path. */
  readonly files: OutputFile[];
  /** Diagnostics sorted by file, then line. */
  readonly diagnostics: Diagnostic[];
  readonly pages: readonly SeedPage[];
  readonly articles: readonly TaggedArticle[];
}

/** Options of one build. */
export interface BuildOptions {
  readonly config: Config;
  /** Templates folder. Default: the project's `templates/`. */
  readonly templatesDir?: string;
}

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
    const gazetteer = loadGazetteer({ homeRegion });
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
 * @returns the tagged items in page order and the page's diagnostics (segmentation warnings, lost-text errors)
 */
export function processPage(page: SeedPage, places: PlaceContext): { articles: TaggedArticle[]; diagnostics: Diagnostic[] } {
  const { items, diagnostics } = segmentPage(page, { spansJoin });
  diagnostics.push(...checkNothingLost(page, items));
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
  return `地区标注依据国家统计局2023年统计用区划代码中${gazetteer.homeName}的区县和镇街（数据：${gazetteer.source}），并收录报纸惯用的简称和旧称。`;
}

/**
 * Render the site from pages already segmented and tagged.
 * @returns output files sorted by path
 */
export async function renderFiles(
  pages: readonly SeedPage[],
  articles: readonly TaggedArticle[],
  places: PlaceContext,
  options: BuildOptions,
): Promise<OutputFile[]> {
  const model = buildSiteModel(pages, articles);
  const placeIndex = new Map<string, PlaceRef>(
    [...places.gazetteer.byCode].map(([code, p]) => [code, { code: p.code, name: p.name, level: p.level, districtCode: p.districtCode }]),
  );
  const files = renderSite(model, {
    config: options.config,
    templates: loadTemplates(options.templatesDir ?? DEFAULT_TEMPLATES_DIR),
    markdown: createMarkdownRenderer(),
    placeIndex,
    regionNote: regionNote(places.gazetteer),
  });
  files.push({ path: 'data/articles.json', content: articlesJson(model) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  files.push(...(await renderExtras(model, files, options.config)));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Build the whole site in memory from the seeds folder of `options.config`.
 * @throws Error when the seeds folder cannot be read or a template does not compile (not input problems:
 *   those are diagnostics)
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { config } = options;
  const loaded = await loadSeeds(config.seedsDir, path.basename(path.resolve(config.seedsDir)));
  const diagnostics = [...loaded.diagnostics];
  const places = getPlaceContext(config.homeRegion, config.cacheDir);
  const articles: TaggedArticle[] = [];
  for (const page of loaded.pages) {
    const result = processPage(page, places);
    articles.push(...result.articles);
    diagnostics.push(...result.diagnostics);
  }
  const files = await renderFiles(loaded.pages, articles, places, options);
  return { files, diagnostics: sortDiagnostics(diagnostics), pages: loaded.pages, articles };
}
