/**
 * The build context: what a build or a `dev` session makes once and passes to every phase, instead of keeping it
 * in module variables. Each part is made on first use and kept for the context's life: the generator key (a hash
 * of the code), the gazetteer of a home region (125–146 ms from the division codes, a few ms from the copy in the cache), and the place tagger with jieba's dictionary
 * (0.15–0.25 s and ~46 MB, so made only when a seed is segmented), plus the site items made from unchanged articles
 * (site/site-model.ts ItemMemo).
 */
import path from 'node:path';
import { storedGazetteer } from './cache/build-cache.js';
import { generatorKey } from './cache/input-hashes.js';
import { createPlaceTagger, Jieba, loadGazetteer, type Gazetteer, type PlaceTagger } from './places/index.js';
import type { ArticleText, ListEntries } from './site/pages/shared.js';
import type { ViewHashMemo } from './site/render-site.js';
import type { SiteItem } from './site/site-model.js';
import type { ItemMemo } from './site/site-model.js';
import type { ClauseWords } from './places/word-boundaries.js';
import type { NameKeys } from './site/name-order.js';

/** Tagging context of one home region: the gazetteer and the jieba tagger with its user dictionary. */
export interface PlaceContext {
  readonly gazetteer: Gazetteer;
  readonly tagger: PlaceTagger;
}

/** See the module comment. Make one with {@link createBuildContext}. */
export interface BuildContext {
  /** The generator's version key (cache/input-hashes.ts generatorKey), computed once. */
  generatorKey(): string;
  /**
   * The gazetteer of a home region (4-digit code), loaded once per region (no jieba). With `cacheDir`, the copy a
   * build of this generator stored there is read instead (cache/build-cache.ts storedGazetteer), or stored once made.
   * @throws Error from the file system when the copy cannot be stored
   */
  gazetteer(homeRegion: string, cacheDir?: string): Gazetteer;
  /**
   * The gazetteer and tagger of a home region, loaded once per region and cache folder; the first call loads
   * jieba's dictionary.
   * @param cacheDir folder for the generated jieba user dictionary (`{cacheDir}/jieba/`)
   * @throws Error from the file system when the dictionary cannot be written
   */
  places(homeRegion: string, cacheDir: string): PlaceContext;
  /**
   * Make the place tagger of a home region now, with jieba's dictionary loading in a thread of its own
   * (places/jieba.ts `inWorker`): for a build that will segment a few seeds, so the dictionary loads while the build
   * reads its cache instead of before it segments. Afterwards {@link places} returns that tagger. A no-op when
   * {@link places} was called before.
   * @throws Error from the file system when the user dictionary cannot be written
   */
  preparePlaces(homeRegion: string, cacheDir: string): void;
  /** End what the context started outside the thread (the jieba thread of {@link preparePlaces}); call when done. */
  close(): Promise<void>;
  /** Whether jieba's dictionary is in a thread of its own ({@link preparePlaces}). */
  readonly jiebaInOwnThread: boolean;
  /** Whether {@link places} was called (so jieba's dictionary is loaded). */
  readonly placesLoaded: boolean;
  /** Site items of the articles of the last build, by article object (see site/site-model.ts ItemMemo). */
  readonly items: ItemMemo;
  /** Hashes of the objects many render units' data share (see site/render-site.ts viewHash). */
  readonly viewHashes: ViewHashMemo;
  /**
   * Word boundaries of the display clauses builds of this context cut or read from the cache (places/word-boundaries.ts),
   * with the key of the dictionary they were cut with and how many of them the cache holds (`stored`: the memo is
   * stored again only when it grew); null before the first build.
   */
  clauseWords: { readonly key: string; readonly words: ClauseWords; stored: number } | null;
  /**
   * Sort keys of author names (site/name-order.ts NameKeys), with the key of the generator they were made by and how
   * many of them the cache holds (`stored`: stored again only when it grew); null before the first build.
   */
  nameKeys: { readonly key: string; readonly names: NameKeys; stored: number } | null;
  /** List entries and article texts of the site items, made once per item (see site/pages/shared.ts). */
  readonly views: { readonly entries: ListEntries; readonly texts: WeakMap<SiteItem, ArticleText> };
  /**
   * Page-entry keys of seeds (cache/build-cache.ts pageKey), by the seed read (a session's seed memo keeps the same
   * object while the file is unchanged), with the generator, settings and folder they were made for.
   */
  readonly pageKeys: WeakMap<object, { readonly of: string; readonly key: string }>;
}

/** Options of {@link createBuildContext}. */
export interface BuildContextOptions {
  /**
   * Whether {@link BuildContext.gazetteer} may read the copy stored in the cache (default true); false for a
   * `--clean` build, which reads nothing from the cache (it still stores the copy it makes).
   */
  readonly readStoredGazetteer?: boolean;
}

/**
 * A new, empty build context.
 * @param jieba the thread's jieba segmenter (default: a new one; its dictionary is loaded on first use and kept, so
 *   contexts made one after the other in a thread may share one)
 */
export function createBuildContext(jieba: Jieba = new Jieba(), options: BuildContextOptions = {}): BuildContext {
  let generator: string | null = null;
  let gazetteer: Gazetteer | null = null;
  let places: { key: string; value: PlaceContext } | null = null;
  const context: BuildContext = {
    generatorKey: () => (generator ??= generatorKey()),
    gazetteer(homeRegion, cacheDir) {
      if (gazetteer?.homeRegion === homeRegion) return gazetteer;
      if (cacheDir === undefined) return (gazetteer = loadGazetteer({ homeRegion }));
      const store = storedGazetteer(cacheDir);
      const key = context.generatorKey();
      gazetteer = options.readStoredGazetteer === false ? null : store.get(homeRegion, key);
      if (gazetteer === null) store.put(key, (gazetteer = loadGazetteer({ homeRegion })));
      return gazetteer;
    },
    places(homeRegion, cacheDir) {
      const key = `${homeRegion}\u0000${path.resolve(cacheDir)}`;
      if (places?.key !== key) {
        const regional = context.gazetteer(homeRegion, cacheDir);
        places = { key, value: { gazetteer: regional, tagger: createPlaceTagger(regional, path.join(cacheDir, 'jieba'), jieba) } };
      }
      return places.value;
    },
    preparePlaces(homeRegion, cacheDir) {
      if (places !== null) return;
      jieba.inWorker();
      context.places(homeRegion, cacheDir);
    },
    close: () => jieba.close(),
    get jiebaInOwnThread() {
      return jieba.inOwnThread;
    },
    get placesLoaded() {
      return places !== null;
    },
    items: new WeakMap(),
    clauseWords: null,
    nameKeys: null,
    viewHashes: new WeakMap(),
    views: { entries: new WeakMap(), texts: new WeakMap() },
    pageKeys: new WeakMap(),
  };
  return context;
}
