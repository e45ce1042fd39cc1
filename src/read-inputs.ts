/**
 * Phase read: the seeds folder and the other inputs of a build (templates, config, the generator), hashed into the
 * keys that decide what a build redoes, and the decision to start jieba's dictionary in its thread when a few seeds
 * are new. Light on purpose: it imports neither the segmenter nor the render side (Markdown, templates, feed,
 * sitemap), so the incremental driver (build-incremental.ts) can start the dictionary loading before it loads
 * them (build.ts and what it imports load while the dictionary loads).
 */
import path from 'node:path';
import { createBuildContext, type BuildContext } from './build-context.js';
import { pageKey, type BuildCache } from './cache/build-cache.js';
import type { Config } from './config.js';
import { configKey, hashTree } from './cache/input-hashes.js';
import { hashParts } from './hash-parts.js';
import { DEFAULT_TEMPLATES_DIR } from './render/templates.js';
import { readSeedSources, seedReadDiagnostic, type SeedReadMemo, type SeedSource, type SeedStamps, type WatchedSeedChanges } from './seed/load-seeds.js';
import type { Diagnostic } from './types.js';

/**
 * What reading the inputs takes of a build's options (build.ts BuildOptions has these fields, so its options are
 * given as they are): the config, the templates folder, a `dev` session's memo of the seeds it read and its build
 * context, the build context, the cache.
 */
export interface ReadOptions {
  readonly config: Config;
  /** Templates folder. Default: the project's `templates/`. */
  readonly templatesDir?: string;
  /**
   * A `dev` session (build.ts BuildSession): seeds it read before are read again only when changed, and with
   * `seedChanges` only those its watcher reported are checked.
   */
  readonly session?: { readonly seedReads: SeedReadMemo; readonly seedChanges?: WatchedSeedChanges | null; readonly context: BuildContext };
  readonly context?: BuildContext;
  readonly cache?: BuildCache;
}

/** The inputs of a build, read and hashed. */
export interface BuildInputs {
  /**
   * Seed files, sorted by name. A plain build that renders (no session, phases through `model`) replaces each
   * seed it decodes by a copy with empty `bytes` (the hashes and keys stay), so the bytes do not live to the end.
   */
  readonly seeds: readonly SeedSource[];
  /** Seeds listed but not read (deleted meanwhile, unreadable, symbolic links), as diagnostics sorted by file. */
  readonly readDiagnostics: readonly Diagnostic[];
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
  /** Hash of what every page's rendering depends on besides the seeds: the generator, the config and the templates. */
  readonly renderKey: string;
  /**
   * The seeds' stamps of this reading (seed/load-seeds.ts SeedStamps), when they differ from those the cache gave
   * (a plain build with a cache): the incremental driver records them once the build is done.
   */
  readonly stamps?: SeedStamps;
}

/**
 * Read the seeds and hash the inputs. Fast: no parsing, no dictionary. With `cache` (a plain build), a seed whose
 * stat is the one the cache's stamps recorded is not read: its hash is the stamp's.
 * @throws Error when the seeds or templates folder cannot be read
 */
export async function readBuildInputs(options: Pick<ReadOptions, 'config' | 'templatesDir' | 'session' | 'context' | 'cache'>): Promise<BuildInputs> {
  const { config, cache } = options;
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const label = path.basename(path.resolve(config.seedsDir));
  // A plain build with a cache takes unchanged seeds by the stamps the last one recorded (a session by its memo).
  const last = options.session === undefined && cache?.getSeedStamps !== undefined ? await cache.getSeedStamps(config.seedsDir) : undefined;
  const read = await readSeedSources(config.seedsDir, options.session?.seedReads, undefined, last, options.session?.seedChanges);
  const readDiagnostics = read.problems.map((problem) => seedReadDiagnostic(problem, label));
  const stamps = read.stamps === undefined || sameStamps(last ?? null, read.stamps) ? {} : { stamps: read.stamps };
  return { ...inputsOf(read.sources, readDiagnostics, label, templatesDir, options), ...stamps };
}

/** Whether `next` holds the same stamps as `last` (every seed taken by its stamp, none added or gone): nothing to record. */
function sameStamps(last: SeedStamps | null, next: SeedStamps): boolean {
  if (last === null || last.files.size !== next.files.size) return false;
  for (const [name, stamp] of next.files) if (last.files.get(name) !== stamp) return false;
  return true;
}

/**
 * The inputs of a build of seed files read elsewhere (phase read of `check`, on the files it is given: see
 * load-seeds.ts seedSourceOf), hashed as {@link readBuildInputs} does.
 */
export function seedFileInputs(seeds: readonly SeedSource[], options: Pick<ReadOptions, 'config' | 'templatesDir' | 'session' | 'context'>): BuildInputs {
  return inputsOf(seeds, [], '', options.templatesDir ?? DEFAULT_TEMPLATES_DIR, options);
}

function inputsOf(
  seeds: readonly SeedSource[],
  readDiagnostics: readonly Diagnostic[],
  label: string,
  templatesDir: string,
  options: Pick<ReadOptions, 'config' | 'session' | 'context'>,
): BuildInputs {
  const { config } = options;
  const context = options.context ?? options.session?.context ?? createBuildContext();
  const generator = context.generatorKey();
  const settings = `homeRegion=${config.homeRegion} maxSeedBytes=${config.maxSeedBytes}`;
  // A seed read before (the same object from a session's memo) has its key from then, if made for the same folder.
  const of = `${generator} ${settings} ${label}`;
  const pageKeys = seeds.map((seed) => {
    const known = context.pageKeys.get(seed);
    if (known !== undefined && known.of === of) return known.key;
    const key = pageKey(generator, settings, `${seed.label ?? label}/${seed.fileName}`, seed.hash);
    context.pageKeys.set(seed, { of, key });
    return key;
  });
  const renderKey = hashParts(['render', generator, configKey(config), hashTree(templatesDir)]);
  // What was listed but not read (a `page.md`, a symbolic link) is part of the key: adding one is a build, whose
  // warning names it, not an up-to-date rerun repeating the last build's warnings.
  const skipped = readDiagnostics.length === 0 ? [] : ['skipped', ...readDiagnostics.map((d) => `${d.rule} ${d.file}`)];
  const key = hashParts(['build', renderKey, label, ...seeds.flatMap((seed) => [...(seed.label === undefined ? [] : [seed.label]), seed.fileName, seed.hash]), ...skipped]);
  return { seeds, readDiagnostics, label, templatesDir, pageKeys, key, renderKey };
}

/**
 * Seeds to segment at most for which jieba's dictionary loads in a thread of its own while the cache is read
 * (build-context.ts preparePlaces): each cut then costs a message to that thread (about 20–50 µs), which a few
 * pages' cuts repay many times over; a cold build of many seeds loads it in this thread.
 */
const FEW_SEEDS = 16;

/**
 * For a plain build (no session) that will segment between 1 and {@link FEW_SEEDS} seeds (those whose page entry is
 * not in the cache): start loading jieba's dictionary in its thread now (build-context.ts preparePlaces), so that it
 * loads while the build reads its cache. The incremental driver calls it as soon as the inputs are read; a no-op
 * when the places were loaded already or the build segments no seed or many.
 * @returns whether it found between 1 and {@link FEW_SEEDS} seeds to segment (false for a session, or when the places were loaded)
 * @throws Error from the file system when the user dictionary cannot be written
 */
export function prepareFewSeeds(options: Pick<ReadOptions, 'config' | 'cache' | 'session'> & { readonly context: BuildContext }, inputs: Pick<BuildInputs, 'pageKeys'>): boolean {
  const { config, cache, context } = options;
  if (options.session !== undefined || context.placesLoaded) return false;
  let missing = 0;
  for (const key of inputs.pageKeys) if (!(cache?.hasPage(key) ?? false) && ++missing > FEW_SEEDS) break;
  if (missing > 0 && missing <= FEW_SEEDS) context.preparePlaces(config.homeRegion, config.cacheDir);
  return missing > 0 && missing <= FEW_SEEDS;
}
