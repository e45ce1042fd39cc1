/**
 * `news-archive dev`: build, serve the output, and rebuild incrementally when a seed, a template or the config
 * changes, in one process (so jieba's dictionary, once loaded, stays loaded), then reload the open pages.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { createBuildSession } from '../build.js';
import { buildIncremental } from '../build-incremental.js';
import type { WatchedSeedChanges } from '../seed/load-seeds.js';
import { formatDiagnostic } from '../diagnostics.js';
import { DEFAULT_TEMPLATES_DIR } from '../render/templates.js';
import { checkOutputFolder, OutputLockedError } from '../write.js';
import { openBuildCache } from '../cache/build-cache.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { watchInputs, type InputWatcher } from './watch-inputs.js';

/** How often, and how many times, a rebuild tries again while another build holds the output folder (60 s). */
const LOCK_RETRY_MS = 500;
const LOCK_RETRIES = 120;

/**
 * Run `buildOnce`, and while another build (`news-archive build` in another shell) holds the output folder, wait
 * and try again, so an edit saved meanwhile is never left unbuilt.
 * @throws OutputLockedError after LOCK_RETRIES tries; any other error of `buildOnce` at once
 */
async function buildWhenUnlocked<T>(buildOnce: () => Promise<T>, why: string, log: (line: string) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await buildOnce();
    } catch (error) {
      if (!(error instanceof OutputLockedError) || attempt >= LOCK_RETRIES) throw error;
      if (attempt === 0) log(`${why}: waiting for another build to finish writing the output folder…`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }
}

/**
 * The seeds among the `changed` paths the watcher reported (those directly in `seedsDir`; dev/watch-inputs.ts names
 * them under the folder as given, also when it is reached through a symbolic link), as seed/load-seeds.ts
 * WatchedSeedChanges.
 */
function seedChangesOf(seedsDir: string, changed: readonly string[]): WatchedSeedChanges {
  const folder = path.resolve(seedsDir);
  const fileNames = new Set(changed.filter((file) => path.dirname(path.resolve(file)) === folder).map((file) => path.basename(file)));
  return { dir: seedsDir, fileNames };
}

/** A folder's device and inode (`dev:ino`), or null when it cannot be read. */
function folderIdentity(folder: string): string | null {
  try {
    const info = statSync(folder, { throwIfNoEntry: false });
    return info === undefined ? null : `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

/** Whether `folder` is still the folder whose identity ({@link folderIdentity}) was `identity`. */
function sameFolder(identity: string | null, folder: string): boolean {
  return identity !== null && folderIdentity(folder) === identity;
}

/** Options of {@link runDev}. */
export interface DevOptions {
  /** Reads (again) the config: called at start and whenever the config file changes. */
  readonly loadConfig: () => Promise<Config>;
  /** The config file to watch (it may not exist yet), or null. */
  readonly configFile: string | null;
  readonly port: number;
  readonly templatesDir?: string;
  /** Where messages go (one line a call, no newline). */
  readonly log: (line: string) => void;
  /**
   * Aborted when the editor stops the session (Ctrl-C): when that happens during the first build, the session
   * ends after that build, without loading jieba's dictionary, watching or announcing a server.
   */
  readonly signal?: AbortSignal;
}

/** A running dev session. */
export interface DevSession {
  readonly server: DevServer;
  /** Resolves after the build that follows the latest change (or the first build). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Start the dev session: server (its port taken first, so a taken port is refused before a build that can take
 * minutes), first build, watcher. Until the first build is done the server serves what the output folder holds.
 * @throws ConfigError when the config is bad at start; OutputRefusedError when the output folder holds files
 *   news-archive did not make; PortInUseError when the port is taken; Error when the port cannot be used otherwise
 */
export async function runDev(options: DevOptions): Promise<DevSession> {
  const { log } = options;
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  let config = await options.loadConfig();
  // A folder of someone else's files is refused before anything is built or served (write.ts checkOutputFolder).
  await checkOutputFolder(config.outDir, async () => (await openBuildCache(config.cacheDir).getState(config.outDir)) !== null);
  const server: DevServer = await startDevServer({ root: config.outDir, port: options.port });
  // Page entries and rendered pages kept between rebuilds: a rebuild renders and writes only what changed.
  const session = createBuildSession();
  let queued: string[] | null = null;
  let firstBuild = true;
  // Whether the watcher runs, whether it reported an error, and whether every seed change since the last rebuild
  // that checked every seed has been reported by it.
  const watched = [config.seedsDir, templatesDir, ...(options.configFile === null ? [] : [options.configFile])];
  let watching = false;
  let watcherFailed = false;
  // Which folder the seeds folder was when the watcher started (device and inode).
  let seedsFolder: string | null = null;
  let trusted = false;

  /**
   * @param changed the files whose change started this rebuild: only their seeds' diagnostics are printed (every
   *   save would otherwise repeat the whole archive's warnings); null prints all
   */
  const rebuild = async (why: string, changed: readonly string[] | null = null): Promise<void> => {
    const started = performance.now();
    // The seeds the watcher reported, when it has reported every change since a rebuild checked every seed: only
    // those are checked (seed/load-seeds.ts WatchedSeedChanges). Else (the first rebuild after the watcher is
    // ready, after a failed rebuild or a skipped batch) every seed is, and then the watcher is trusted again; after
    // a watcher error or once the seeds folder was replaced, never again.
    const watchedSeeds = watching && seedsFolder !== null && path.resolve(config.seedsDir) === path.resolve(watched[0] ?? '');
    if (watchedSeeds && !watcherFailed && !sameFolder(seedsFolder, config.seedsDir)) {
      // Another folder has the seeds folder's name now (swapped for a copy, restored from a backup): the watcher
      // follows the old one.
      log(`${config.seedsDir}: the folder was replaced since \`news-archive dev\` started watching it; saves in the new one are not seen, and every rebuild now checks every seed (restart \`news-archive dev\` to watch it)`);
      watcherFailed = true;
      trusted = false;
    }
    session.seedChanges = trusted && watchedSeeds && changed !== null ? seedChangesOf(config.seedsDir, changed) : null;
    const checksAll = session.seedChanges === null && watchedSeeds;
    trusted = false;
    try {
      const result = await buildWhenUnlocked(() => buildIncremental({ config, templatesDir, session }), why, log);
      trusted = (checksAll || session.seedChanges !== null) && !watcherFailed;
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const names = changed === null ? null : new Set(changed.map((file) => path.basename(file)));
      const shown = names === null ? result.diagnostics : result.diagnostics.filter((d) => names.has(path.basename(d.file)));
      for (const d of shown) log(formatDiagnostic(d));
      const others = result.diagnostics.length - shown.length;
      if (others > 0) log(`(${others} more diagnostic(s) in seeds not changed now; \`news-archive build\` lists them all)`);
      const { written, removed } = result.report;
      const what = result.upToDate
        ? 'up to date, nothing written'
        : `${written.length} file(s) written, ${removed.length} removed; ${result.stats?.processed ?? 0} seed page(s) segmented, ` +
          `${result.stats?.rendered ?? 0} of ${result.stats?.pagesOfSite ?? 0} file(s) rendered`;
      log(`${why}: ${result.pageCount} page(s), ${result.itemCount} item(s); ${what} in ${seconds} s`);
      // Open pages reload after a rebuild; the first build comes before the session is announced.
      if (!result.upToDate && !firstBuild) server.reload();
      // The pages are served first; the search index, feed, sitemap and articles.json follow (seconds), unless another change
      // is already waiting: that rebuild will bring its own version.
      if (result.updateDeferred !== null && queued === null) {
        const indexing = performance.now();
        const report = await buildWhenUnlocked(result.updateDeferred, why, log);
        const took = ((performance.now() - indexing) / 1000).toFixed(1);
        log(`Search index, feed, sitemap and articles.json updated: ${report.written.length} file(s) written, ${report.removed.length} removed in ${took} s`);
      }
    } catch (error) {
      log(`${why}: build failed: ${(error as Error).message}`);
    }
  };

  let running: Promise<void> = rebuild('Built');
  await running;
  firstBuild = false;
  if (options.signal?.aborted === true) {
    await server.close();
    return { server, idle: async () => {}, close: async () => {} };
  }
  // Load jieba's dictionary now (0.15–0.25 s), not on the first edit, unless the first build did.
  try {
    const loading = performance.now();
    session.context.places(config.homeRegion, config.cacheDir);
    log(`Place dictionary ready in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`Place dictionary: ${(error as Error).message}`);
  }

  const onChange = (changed: string[]): void => {
    if (queued !== null) {
      queued.push(...changed);
      return;
    }
    queued = [...changed];
    running = running.then(async () => {
      const files = queued ?? [];
      queued = null;
      const configPath = options.configFile === null ? null : path.resolve(options.configFile);
      if (configPath !== null && files.some((file) => path.resolve(file) === configPath)) {
        try {
          const next = await options.loadConfig();
          if (next.outDir !== config.outDir) log(`${options.configFile}: outDir changed; restart \`news-archive dev\` to serve the new folder`);
          if (path.resolve(next.seedsDir) !== path.resolve(config.seedsDir)) {
            log(`${options.configFile}: seedsDir changed; this rebuild reads ${next.seedsDir}, but saves in it are not seen until \`news-archive dev\` is restarted`);
          }
          config = next;
        } catch (error) {
          log(`${(error as Error).message}; keeping the previous settings`);
          // The seeds of this batch are not rebuilt now: the next rebuild checks every seed.
          trusted = false;
          return;
        }
      }
      const names = [...new Set(files)].slice(0, 3).join(', ');
      await rebuild(`Rebuilt after changes to ${names}${files.length > 3 ? ', …' : ''}`, files);
    });
  };
  const watcher: InputWatcher = watchInputs(watched, onChange, (error) => {
    if (!watcherFailed) log(`Watching ${watched.join(', ')}: ${error.message}; changes may be missed, and every rebuild now checks every seed (restart \`news-archive dev\` if saves are not seen)`);
    watcherFailed = true;
    trusted = false;
  });
  await watcher.ready;
  seedsFolder = folderIdentity(config.seedsDir);
  watching = true;
  log(`Serving ${config.outDir}/ at ${server.url} (Ctrl-C to stop)`);
  return {
    server,
    idle: async () => {
      let seen: Promise<void> | null = null;
      while (seen !== running) {
        seen = running;
        await running;
      }
    },
    async close() {
      await watcher.close();
      await running;
      await server.close();
    },
  };
}
