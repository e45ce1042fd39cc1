/**
 * One incremental build, as `news-archive build` and `dev` run it: lock the output folder, read and hash the
 * inputs, and when the key of every input equals the last build's and the output folder is as that build
 * left it, stop there (nothing parsed, no dictionary loaded, nothing written). Otherwise build with the page
 * cache and write the files whose bytes changed.
 */
import { build, readBuildInputs, type BuildOptions, type BuildStats } from '../build.js';
import type { Diagnostic } from '../types.js';
import { lockOutput, outputBytes, outputHash, outputMatches, writeOutput, type WriteReport } from '../write.js';
import { openBuildCache, type BuildCache } from './build-cache.js';

/** Options of {@link buildIncremental}. */
export interface IncrementalOptions extends Omit<BuildOptions, 'cache' | 'inputs'> {
  /** Rewrite every output file even when its bytes are unchanged (the page cache is still used). */
  readonly clean?: boolean;
  /** Default: the cache in `config.cacheDir`. */
  readonly cache?: BuildCache;
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
}

/**
 * Build and write incrementally (see the module comment).
 * @throws OutputLockedError when another build holds the output folder; Error from the file system
 */
export async function buildIncremental(options: IncrementalOptions): Promise<IncrementalResult> {
  const { config } = options;
  const release = await lockOutput(config.outDir);
  try {
    const cache = options.cache ?? openBuildCache(config.cacheDir);
    const inputs = await readBuildInputs(options);
    const state = await cache.getState(config.outDir);
    if (options.clean !== true && state !== null && state.key === inputs.key && (await outputMatches(config.outDir, state.files))) {
      return {
        upToDate: true,
        diagnostics: state.diagnostics,
        pageCount: state.pageCount,
        itemCount: state.itemCount,
        report: { written: [], unchanged: state.files.map((file) => file.path), removed: [] },
        stats: null,
      };
    }
    const result = await build({ ...options, cache, inputs });
    const report = await writeOutput(config.outDir, result.files, options.clean === true);
    await cache.putState({
      key: inputs.key,
      outDir: config.outDir,
      files: result.files.map((file) => ({ path: file.path, size: outputBytes(file).length, sha256: outputHash(file) })),
      diagnostics: result.diagnostics,
      pageCount: result.pages.length,
      itemCount: result.articles.length,
    });
    await cache.prunePages(new Set(inputs.pageKeys));
    await cache.pruneSearchShards();
    return {
      upToDate: false,
      diagnostics: result.diagnostics,
      pageCount: result.pages.length,
      itemCount: result.articles.length,
      report,
      stats: result.stats,
    };
  } finally {
    await release();
  }
}
