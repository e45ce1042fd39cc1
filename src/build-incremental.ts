/**
 * One incremental build, as `news-archive build` and `dev` run it: lock the output folder, read and hash the
 * inputs, and when the key of every input equals the last build's and the output folder is as that build
 * left it, stop there (nothing parsed, no dictionary loaded, nothing written). Otherwise build with the page
 * cache and write the files whose bytes changed. The pipeline's own driver: the cache (cache/) is a store it reads
 * and writes entries of, and never calls back into the build.
 */
import { createBuildContext, type BuildContext } from './build-context.js';
import type { BuildOptions, BuildResult, BuildSession, BuildStats } from './build.js';
import { compareCodePoints } from './compare-code-points.js';
import { COMMAND_PHASES } from './pipeline.js';
import { prepareFewSeeds, readBuildInputs } from './read-inputs.js';
import { listFileSizes } from './list-file-tree.js';
import type { Diagnostic, OutputFile } from './types.js';
import { checkOutputFolder, lockOutput, openOutputWriter, outputMatches, outputSize, writeChanges, writeDelta, writeOutput, type WriteReport } from './write.js';
import { checkedTextCache, DamagedEntryError, openBuildCache, writeOnlyCache, type BuildCache, type BuildState, type OutputRecord } from './cache/build-cache.js';
import { searchDocument, searchDocumentHash } from './search/search-index.js';

/** Options of {@link buildIncremental}. */
export interface IncrementalOptions extends Omit<BuildOptions, 'cache' | 'inputs' | 'phases' | 'output'> {
  /** Rebuild from the seeds without reading the cache, and rewrite every output file even when its bytes are unchanged. */
  readonly clean?: boolean;
  /** Default: the cache in `config.cacheDir`. */
  readonly cache?: BuildCache;
  /**
   * With a session that wrote the output before (`news-archive dev`): render only pages whose inputs changed,
   * write only changed files in place, and leave the search index, feed, sitemap and articles.json to the result's `updateDeferred`.
   */
  readonly session?: BuildSession;
  /**
   * Called once when a plain build (no session) reruns the build of an output the cache has a state of and has
   * between 1 and a few seeds to segment (read-inputs.ts prepareFewSeeds), before it reads the state and the page
   * entries: the command lets the heap grow further for such a build (gc-settings.ts growHeapForRerun; at 40,339
   * articles, adding a page, 7 pairs of the whole command: 0.96 ×, the entries and state read with fewer full collections).
   */
  readonly onFewSeeds?: () => void;
}

/** What an incremental build did. */
export interface IncrementalResult {
  /** True when nothing changed since the last build: nothing was built or written. */
  readonly upToDate: boolean;
  /** Diagnostics of the build (of the last build when up to date), sorted by file, then line. */
  readonly diagnostics: readonly Diagnostic[];
  readonly pageCount: number;
  readonly itemCount: number;
  readonly report: WriteReport;
  /** Null when up to date. */
  readonly stats: BuildStats | null;
  /** Paths of the pages rendered, in path order (`stats.rendered` of them); empty when up to date. */
  readonly renderedPaths: readonly string[];
  /**
   * How many files (pages and Markdown exports) a session's rebuild planned when it planned only what an edit can
   * have changed (build.ts BuildSession.model), or a plain rerun when it planned only what its added, edited and
   * removed pages can have changed (build.ts BuildOptions.last), the others being the last build's; null when
   * every file was planned.
   */
  readonly planned: number | null;
  /**
   * When the search index, feed, sitemap and articles.json were left for later (a session's rebuild): renders them (indexing
   * only the changed shards), writes them and records the build as complete. Until it has run, the output holds
   * the previous ones and the next `news-archive build` does not count the output as up to date. Null otherwise.
   * @throws OutputLockedError, Error from Pagefind or the file system
   */
  readonly updateDeferred: (() => Promise<WriteReport>) | null;
}

/** Files and records in path order, as the output writer reports them. */
const byPath = (a: { readonly path: string }, b: { readonly path: string }): number => compareCodePoints(a.path, b.path);

/** Records by path, in their order (a loop, not a pair array for each of 138,000 records at 40,000 articles). */
function recordsByPath(records: readonly OutputRecord[]): Map<string, OutputRecord> {
  const byPath = new Map<string, OutputRecord>();
  for (const record of records) byPath.set(record.path, record);
  return byPath;
}

/** The state key of an output whose search index is not yet updated: never equal to an inputs key. */
const SEARCH_PENDING = ':search-pending';

/**
 * The record of every file a session wrote (or left as it was): its path and size, the hash of the data its
 * page was rendered from in this build (`rendered`, build.ts BuildResult.records) and, with search on, its search
 * document's hash, as a plain build records them. Without these a plain build after `dev` renders every page
 * the session wrote again (after a session's first build on a new output folder: every page of the site).
 * The size and the search hash depend on the bytes alone: a file whose bytes did not change keeps `known`'s.
 */
function outputRecords(files: readonly OutputFile[], report: WriteReport, known: ReadonlyMap<string, OutputRecord>, rendered: Rendered, search: boolean): OutputRecord[] {
  const rewritten = new Set(report.written);
  return files.map((file) => {
    const before = rewritten.has(file.path) ? undefined : known.get(file.path);
    const unit = rendered.get(file.path)?.unit;
    const document = !search ? undefined : (before?.search ?? searchHashOf(file));
    // An unchanged file's record is the one it had (a session's rebuild records every file of the site).
    if (before !== undefined && before.unit === unit && before.search === document) return before;
    return { path: file.path, size: before?.size ?? outputSize(file), ...(unit === undefined ? {} : { unit }), ...(document === undefined ? {} : { search: document }) };
  });
}

/**
 * The record of a file the writer reports (path and size) with what the build says it was rendered from: the
 * same fields in the same order as `{ ...file, ...rendered }`, made field by field (an object spread of two
 * sources for each of 138,000 files took 0.33 s of an addition at 40,000 articles); a kept file's own record when
 * `rendered` is it (a record of the same path and size).
 */
function recordOf(file: { readonly path: string; readonly size: number }, rendered: Pick<OutputRecord, 'unit' | 'search' | 'pieces'> | undefined): OutputRecord {
  if (rendered === undefined) return file;
  // A kept file's record is the last build's own (build.ts renderFiles): taken as it is, with its size the same.
  if ('path' in rendered && rendered.path === file.path && 'size' in rendered && rendered.size === file.size) return rendered as OutputRecord;
  const record: { path: string; size: number; unit?: string; search?: string; pieces?: OutputRecord['pieces'] } = { path: file.path, size: file.size };
  if (rendered.unit !== undefined) record.unit = rendered.unit;
  if (rendered.search !== undefined) record.search = rendered.search;
  if (rendered.pieces !== undefined) record.pieces = rendered.pieces;
  return record;
}

/** What each page was rendered from, by path (build.ts BuildResult.records, or a session's records). */
type Rendered = Pick<ReadonlyMap<string, Pick<OutputRecord, 'unit' | 'search' | 'pieces'>>, 'get'>;

/** The hash of a page's search document, as the search stage takes it (search/search-index.ts); undefined when it has none. */
function searchHashOf(file: OutputFile): string | undefined {
  if (typeof file.content !== 'string' || !file.path.endsWith('.html')) return undefined;
  const document = searchDocument(file.content);
  return document === null ? undefined : searchDocumentHash(document);
}

/**
 * What a build state says of the pages of the build that wrote it (build.ts BuildOptions.last), when it has them
 * well formed; else nothing (the rerun plans the whole site).
 */
function lastBuild(state: BuildState | null): Pick<BuildOptions, 'last'> {
  const pageKeys = state?.pageKeys;
  if (state === null || typeof state.renderKey !== 'string' || !Array.isArray(pageKeys)) return {};
  if (!pageKeys.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')) return {};
  return { last: { pageKeys: new Map(pageKeys), renderKey: state.renderKey } };
}

/**
 * Build and write incrementally (see the module comment).
 * @throws OutputRefusedError when the output folder holds files a build did not make (write.ts checkOutputFolder);
 *   OutputLockedError when another build holds the output folder; Error from the file system
 */
export async function buildIncremental(given: IncrementalOptions): Promise<IncrementalResult> {
  // `--clean` reads nothing from the cache, the gazetteer's stored copy included.
  const context = given.context ?? given.session?.context ?? createBuildContext(undefined, { readStoredGazetteer: given.clean !== true });
  // A context made here is this build's to close (the jieba thread it may start).
  if (given.context !== undefined || given.session !== undefined) return buildIncrementalWith(given, context);
  try {
    return await buildIncrementalWith(given, context);
  } finally {
    await context.close();
  }
}

async function buildIncrementalWith(given: IncrementalOptions, context: BuildContext): Promise<IncrementalResult> {
  const options = { ...given, context };
  const { config, session } = options;
  const opened = options.cache ?? openBuildCache(config.cacheDir);
  await checkOutputFolder(config.outDir, async () => (await opened.getState(config.outDir)) !== null);
  // `--clean` builds from the seeds alone: nothing the cache holds reaches the site (what it makes is kept).
  const cache = options.clean === true ? writeOnlyCache(opened) : opened;
  const release = await lockOutput(config.outDir);
  try {
    // A plain build that compares with the output lists it (every file and its size) in a process of its own from
    // the start, on the other core, while the inputs and the cache are read: the up-to-date check and the writer
    // (which keeps most files by their size) take it from there (138,000 files at 40,000 articles).
    const listing = session === undefined && options.clean !== true ? listFileSizes(config.outDir) : undefined;
    // Not left unhandled when the build stops before it is used; its users get its error.
    listing?.catch(() => undefined);
    let inputs = await readBuildInputs({ ...options, cache });
    // The seeds' stamps of this reading are recorded once the build is done (or found up to date).
    const keepStamps = async (): Promise<void> => {
      if (inputs.stamps !== undefined) await cache.putSeedStamps?.(config.seedsDir, inputs.stamps);
    };
    // jieba's dictionary, when a few seeds are new or changed, loads from here on in its thread (the up-to-date
    // check below cannot need it: equal keys mean every page entry was made by the last build).
    const few = prepareFewSeeds({ ...options, cache }, inputs);
    // A rerun of a few seeds lets the heap grow from here, before the state and the page entries are read (the
    // state's stamp says whether there is one, without reading it).
    if (few && session === undefined && options.clean !== true && (await cache.stateStamp(config.outDir)) !== null) options.onFewSeeds?.();
    // A session reads the state again only when another build wrote it since its own last write (the stamp).
    const remembered = session?.state ?? null;
    const fromSession = remembered !== null && remembered.stamp !== null && (await cache.stateStamp(config.outDir)) === remembered.stamp;
    if (session && !fromSession) session.state = null;
    const stored = fromSession ? null : await cache.getState(config.outDir);
    const state = fromSession ? remembered : stored === null ? null : { ...stored, records: null };
    const stateFiles = (): readonly OutputRecord[] => (state === null ? [] : state.records === null ? (stored?.files ?? []) : [...state.records.values()].sort(byPath));
    // A session's first build always renders (writing only what differs): its rebuilds need what it rendered.
    const primed = session === undefined || session.written !== null;
    if (primed && options.clean !== true && state !== null && state.key === inputs.key && (await outputMatches(config.outDir, stateFiles(), listing))) {
      await keepStamps();
      return {
        upToDate: true,
        diagnostics: state.diagnostics,
        pageCount: state.pageCount,
        itemCount: state.itemCount,
        report: { written: [], unchanged: stateFiles().map((file) => file.path), removed: [] },
        stats: null,
        renderedPaths: [],
        planned: null,
        updateDeferred: null,
      };
    }
    // The build itself (segmenter, site model, Markdown, templates, feed, sitemap, search) is imported only now:
    // an up-to-date rerun never loads it, and a build that segments a few seeds loads it while jieba's dictionary
    // loads in its thread (started above).
    const { build, isDeferredOutput } = await import('./build.js');
    // What the session wrote last, unless another build (`news-archive build` while dev runs) wrote since.
    const previous = options.clean !== true && session?.written && state?.key === session.writtenKey ? session.written : null;
    const known: Map<string, OutputRecord> = fromSession && remembered !== null ? remembered.records : recordsByPath(stored?.files ?? []);
    const putState = async (key: string, records: readonly OutputRecord[], all: Map<string, OutputRecord> | null = null): Promise<void> => {
      const recorded = { key, diagnostics: result.diagnostics, pageCount: result.pages.length, itemCount: result.articles.length };
      // The pages' keys only beside the records of every file: a rerun keeps the files its scope leaves out by
      // their records (build.ts BuildOptions.last), so a state that lists no files (a session's scoped rebuild
      // under way, whose records the session keeps) must not lead a rerun to plan by a scope.
      const pages = all !== null && records.length === 0 ? {} : { pageKeys: [...result.pageKeys].sort(([a], [b]) => compareCodePoints(a, b)), renderKey: inputs.renderKey };
      await cache.putState({ ...recorded, outDir: config.outDir, files: records, ...pages });
      if (session) session.state = { ...recorded, records: all ?? new Map(records.map((r) => [r.path, r])), stamp: await cache.stateStamp(config.outDir) };
    };
    const record = async (key: string, all: readonly OutputFile[], written: WriteReport, rendered: Rendered = result.records): Promise<void> => {
      const records = outputRecords(all, written, known, rendered, config.search).sort(byPath);
      for (const r of records) known.set(r.path, r);
      await putState(key, records);
      if (session) {
        session.written = new Map(all.map((file) => [file.path, file.content]));
        session.writtenKey = key;
      }
    };

    let result: BuildResult;
    let report: WriteReport;
    let files: OutputFile[] = [];
    // A page entry's text is read when first needed (cache/build-cache.ts getPage): found missing or damaged then,
    // the build is done once more with every entry's text checked as it is read, which makes that entry a miss.
    const again = async <T>(run: (cache: BuildCache) => Promise<T>, undo: () => Promise<void>): Promise<T> => {
      try {
        return await run(cache);
      } catch (error) {
        if (!(error instanceof DamagedEntryError)) throw error;
        await undo();
        session?.pages.clear();
        // Read again: a plain build lets go of each seed's bytes once it is decoded or found in the cache.
        inputs = await readBuildInputs({ ...options, cache });
        return run(checkedTextCache(cache));
      }
    };
    // A session's rebuild that planned only what an edit can have changed (build.ts RenderedFiles.removed).
    let delta = false;
    if (session === undefined) {
      // A plain build: each file is written as soon as it is rendered, so memory holds one page, not the site.
      let writer = await openOutputWriter(config.outDir, options.clean === true, listing);
      try {
        // The files as the last build recorded them: pages whose unit hash is unchanged are kept, not rendered.
        result = await again(
          (store) => build({ ...options, cache: store, inputs, output: writer, ...(options.clean === true ? {} : { previous: known, ...lastBuild(stored) }) }),
          async () => {
            await writer.abort();
            writer = await openOutputWriter(config.outDir, options.clean === true, listing);
          },
        );
      } catch (error) {
        await writer.abort();
        throw error;
      }
      // From here the output changes: the records of the last build stop describing it until the new ones are kept.
      await cache.dropState(config.outDir);
      const finished = await writer.finish();
      report = { written: finished.written, unchanged: finished.unchanged, removed: finished.removed };
      await putState(
        inputs.key,
        finished.sizes.map((file) => recordOf(file, result.records.get(file.path))),
      );
    } else {
      // A session's rebuild leaves the derived files and the search index for later (pipeline.ts COMMAND_PHASES).
      result = await again(
        (store) => build({ ...options, cache: store, inputs, phases: previous !== null ? COMMAND_PHASES.devRebuild : COMMAND_PHASES.build }),
        async () => {},
      );
      files = result.files.slice();
      if (previous !== null && result.removed !== null) {
        // Only the planned files are written (those whose bytes changed), and the files gone removed: every other
        // file is as the session wrote it. The state on disk says only that a session's rebuild is under way
        // (a plain build meanwhile renders every page); the session keeps the records, and updateDeferred writes them.
        delta = true;
        await cache.dropState(config.outDir);
        report = await writeDelta(config.outDir, previous, files, result.removed);
        for (const file of files) previous.set(file.path, file.content);
        for (const file of result.removed) previous.delete(file);
        for (const r of outputRecords(files, report, known, result.records, config.search)) known.set(r.path, r);
        for (const file of result.removed) known.delete(file);
        session.writtenKey = inputs.key + SEARCH_PENDING;
        await putState(session.writtenKey, [], known);
      } else {
        if (previous !== null) {
          // The search index, feed, sitemap and articles.json stay as they were until updateDeferred runs.
          for (const [path, content] of previous) if (isDeferredOutput(path)) files.push({ path, content });
        }
        await cache.dropState(config.outDir);
        report = previous !== null ? await writeChanges(config.outDir, previous, files) : await writeOutput(config.outDir, files, options.clean === true);
        await record(result.search === null ? inputs.key : inputs.key + SEARCH_PENDING, files, report);
      }
    }
    await keepStamps();
    // After a scoped rebuild the page entries of edited seeds are pruned once the derived files are written.
    if (!delta) {
      const keys = new Set(inputs.pageKeys);
      await cache.prunePages(keys);
      await cache.packPages?.(keys);
    }
    if (result.search === null) await cache.pruneSearchShards();
    const search = result.search;
    return {
      upToDate: false,
      diagnostics: result.diagnostics,
      pageCount: result.pages.length,
      itemCount: result.articles.length,
      report,
      stats: result.stats,
      renderedPaths: result.renderedPaths,
      planned: result.planned,
      updateDeferred:
        search === null
          ? null
          : async () => {
              const again = await lockOutput(config.outDir);
              try {
                // Another build wrote the output since: its own state stands, and this index would be stale.
                if (session && (session.state === null || (await cache.stateStamp(config.outDir)) !== session.state.stamp)) return { written: [], unchanged: [], removed: [] };
                const index = await search();
                if (delta && session?.written) {
                  // After a scoped rebuild only the deferred files change: they are written (those whose bytes
                  // differ) and recorded, the rest of the output and of the session's records is as it is.
                  const before = session.written;
                  const made = new Set(index.map((file) => file.path));
                  const gone = [...before.keys()].filter((file) => isDeferredOutput(file) && !made.has(file));
                  const written = await writeDelta(config.outDir, before, index, gone);
                  for (const file of index) before.set(file.path, file.content);
                  for (const file of gone) before.delete(file);
                  for (const r of outputRecords(index, written, known, known, config.search)) known.set(r.path, r);
                  for (const file of gone) known.delete(file);
                  session.writtenKey = inputs.key;
                  await putState(inputs.key, [...known.values()].sort(byPath), known);
                  const keys = new Set(inputs.pageKeys);
                  await cache.prunePages(keys);
                  await cache.packPages?.(keys);
                  await cache.pruneSearchShards();
                  const rewritten = new Set(written.written);
                  return { written: written.written, unchanged: [...before.keys()].filter((file) => !rewritten.has(file)).sort(compareCodePoints), removed: written.removed };
                }
                // The site as the session wrote it.
                const before = session?.written ?? new Map(files.map((file) => [file.path, file.content]));
                const all = [...files.filter((file) => !isDeferredOutput(file.path)), ...index].sort(byPath);
                const written = await writeChanges(config.outDir, before, all);
                await record(inputs.key, all, written);
                await cache.pruneSearchShards();
                return written;
              } finally {
                await again();
              }
            },
    };
  } finally {
    await release();
  }
}
