/**
 * The incremental build cache on disk (config.cacheDir, default `.cache/`, never inside the output):
 * - `build/pages/{key}.json`: what one seed became (its page, tagged items without their text, their hashes and
 *   views, and diagnostics), keyed by a hash of the seed's bytes, name and folder, the generator, and the settings
 *   that shape items (see pageKey); `build/pages/{key}.text.json`: the items' text (their body parts), read only
 *   when an item's text is first read (see BuildCache.getPage); `build/pages-{checksum}.pack` with its index
 *   `build/pages-pack.json`: the entries of a build gathered in one file, read instead of theirs (see BuildCache.packPages);
 * - `build/state-{hash of the output folder}.json`: the key of the last build written to that output folder,
 *   its diagnostics and the files it wrote (path and size), so an unchanged rerun can skip everything; the files
 *   are kept as a base list (`state-{hash}.files-{checksum}.json`, written whole now and then) and the changes
 *   since it, in the state file itself (see {@link StateDelta}): a rerun that changes 80 of 138,000 files writes those 80;
 * - `build/markdown/`: the HTML of the Markdown bodies the last build rendered (see RenderedMarkdownStore);
 * - `build/words.json`: the word boundaries of the headline and opening clauses jieba cut (places/word-boundaries.ts);
 * - `build/gazetteer-{home region}.json`: the gazetteer of a home region as the last build loaded it (see storedGazetteer);
 * - `build/search/{key}/`: search index shards (see search/search-index.ts), each as `files.json` (paths and
 *   sizes) and `contents.bin` (the files' bytes one after another).
 * Entries are JSON (and a shard's contents.bin), written atomically (temporary file or folder, then rename); an entry that cannot be read or parsed
 * counts as missing. This is the only code that reads or writes `build/` in the cache folder.
 */
import { lazyField } from '../lazy-fields.js';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Gazetteer, GazetteerPlace } from '../places/index.js';
import type { MarkdownMemo } from '../render/markdown-to-html.js';
import type { ItemView } from '../site/site-model.js';
import type { NameKey, NameKeys } from '../site/name-order.js';
import type { BodyPart, Diagnostic, OutputFile, SeedPageInfo, TaggedArticle } from '../types.js';
import { isScratch, isStaleScratch } from '../stale-scratch.js';
import { naming } from '../failures.js';
import { hashParts } from '../hash-parts.js';
import { compareCodePoints } from '../compare-code-points.js';
import type { SeedStamp, SeedStamps } from '../seed/load-seeds.js';

/** What one seed became: null page when it was refused or empty. */
export interface PageEntry {
  readonly page: SeedPageInfo | null;
  readonly articles: readonly TaggedArticle[];
  /** The seed's own diagnostics (decode, front matter, segmentation), not those about several seeds. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The hash of each article's JSON, in the order of `articles` (site/render-site.ts articleHash), computed once
   * when the entry is made, so that a later build need not serialise unchanged articles to tell they are unchanged.
   * Absent in an entry made without them (then computed when read).
   */
  readonly hashes?: readonly string[];
  /**
   * What each article's site item shows besides its text (site/site-model.ts ItemView), in the order of
   * `articles`, made once with the entry: a later build makes the site items of an unchanged page without reading
   * its text. Absent in an entry made without them (then made from the text).
   */
  readonly views?: readonly ItemView[];
}

/**
 * Thrown when the text of a page entry read from the cache (`{key}.text.json`) turns out missing or damaged as it is
 * first read (BuildCache.getPage reads it then, not with the entry): the build that read it is to be done again
 * with the text of every entry checked as it is read (see {@link checkedTextCache}), which makes that entry a miss.
 */
export class DamagedEntryError extends Error {
  constructor(readonly key: string) {
    super(`the cache's page entry ${key} has a missing or damaged text`);
    this.name = 'DamagedEntryError';
  }
}

/** One file of the output folder as last written. */
export interface OutputRecord {
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /**
   * Hash of what the file was rendered from (site/render-site.ts depsHash), when it is a page of the site: a
   * later build whose unit has the same hash keeps the file instead of rendering it.
   */
  readonly unit?: string;
  /** Hash of the page's search document (search/search-index.ts searchDocumentHash), when it has one. */
  readonly search?: string;
  /**
   * Of `data/articles.json`: where each page's records are in it, `[key, byte offset, byte length, CRC-32]`
   * (site/articles-json.ts ArticlesPiece), so that the next build copies unchanged pages' records from it.
   */
  readonly pieces?: ReadonlyArray<readonly [string, number, number, number]>;
}

/** The last build written to one output folder. */
export interface BuildState {
  /** Key of every input of that build (see build.ts `BuildInputs.key`). */
  readonly key: string;
  /** Absolute output folder. */
  readonly outDir: string;
  /** Files of the output folder, sorted by path. */
  readonly files: readonly OutputRecord[];
  /** Diagnostics of that build, to report again when nothing changed. */
  readonly diagnostics: readonly Diagnostic[];
  readonly pageCount: number;
  readonly itemCount: number;
  /**
   * The page key ({@link pageKey}) of each seed page that build made a page of, as `[seed file (SeedPageInfo.file),
   * key]`: with `renderKey`, a rerun tells from them which pages were added, edited or removed, and plans only the
   * files those can change (build.ts BuildOptions.last). Absent in a state written without them.
   */
  readonly pageKeys?: ReadonlyArray<readonly [string, string]>;
  /** The render key of that build (read-inputs.ts BuildInputs.renderKey); absent in a state written without it. */
  readonly renderKey?: string;
}

/** A cache of page results and build states. */
export interface BuildCache {
  /**
   * A page entry, or null when it is missing or damaged. Its articles' text (each article's `body`) is read from
   * the entry's text file when it is first read, not with the entry (a rerun reads the text only of the pages it
   * renders): reading it throws {@link DamagedEntryError} when that file is missing or damaged.
   */
  getPage(key: string): Promise<PageEntry | null>;
  /** Whether an entry of that key may be there (its file exists, or the pack's index names it; it may still be damaged): a quick look, no read. */
  hasPage(key: string): boolean;
  putPage(key: string, entry: PageEntry): Promise<void>;
  getState(outDir: string): Promise<BuildState | null>;
  putState(state: BuildState): Promise<void>;
  /**
   * Forget the last build of `outDir` (a write to it is about to change its files): until the next putState, a
   * build renders every page and compares its bytes, so a write cut short between its last change and the
   * putState after it never leaves records that describe other files.
   */
  dropState(outDir: string): Promise<void>;
  /**
   * What identifies the build state of `outDir` as it is on disk now, without reading it: its file's inode, size and
   * modification time, or null when there is none. A `dev` session keeps the state it wrote in memory and reads
   * it again only when the stamp is not the one it had after that write (another build wrote since).
   */
  stateStamp(outDir: string): Promise<string | null>;
  /**
   * The stamps of the seeds of `seedsDir` as the last plain build read them (seed/load-seeds.ts SeedStamps), or null
   * when there are none or they are damaged. Optional: without it every seed is read.
   */
  getSeedStamps?(seedsDir: string): Promise<SeedStamps | null>;
  /** Keep the stamps of the seeds of `seedsDir`, replacing the last ones. */
  putSeedStamps?(seedsDir: string, stamps: SeedStamps): Promise<void>;
  /** Delete page entries whose key is not in `keep` (entries of seeds since edited or removed). */
  prunePages(keep: ReadonlySet<string>): Promise<number>;
  /**
   * Gather the entries of `keys` (a build's pages) into the pack (`build/pages-{checksum}.pack`), which getPage reads them
   * from, one file instead of one a seed (a rerun at 40,000 articles reads 9,000 entries), when more than a
   * sixteenth of them are not in it yet, or the pack is gone or shorter than its index says; the entries' own files
   * stay and are read for keys the pack lacks. Optional.
   * @returns whether the pack was written again
   */
  packPages?(keys: ReadonlySet<string>): Promise<boolean>;
  /** Files of a search index shard (search/search-index.ts), or null. */
  getSearchShard(key: string): Promise<OutputFile[] | null>;
  /** Keep a search index shard; entries not read or written for the last build are pruned by pruneSearchShards. */
  putSearchShard(key: string, files: readonly OutputFile[]): Promise<void>;
  /** The paths of a search index shard's files, without reading them (its list is checked), or null; counts as read. */
  listSearchShard(key: string): Promise<string[] | null>;
  /**
   * The HTML of the Markdown bodies the last build rendered (render/markdown-to-html.ts), for a build of
   * `generator`: empty when the last build ran another generator (input-hashes.ts generatorKey), or with
   * `fresh` (a `--clean` build, which reads nothing from the cache but keeps what it renders).
   */
  openRenderedMarkdown(generator: string, fresh?: boolean): Promise<RenderedMarkdownStore>;
  /**
   * The word boundaries of the clauses the last build cut with jieba (places/word-boundaries.ts), if it cut them
   * with the same dictionary (`key`: generator and home region); an empty map otherwise or when damaged.
   */
  getWordBoundaries(key: string): Promise<Map<string, readonly number[]>>;
  /** Keep the word boundaries of clauses under `key`, replacing the last build's. */
  putWordBoundaries(key: string, words: ReadonlyMap<string, readonly number[]>): Promise<void>;
  /**
   * The sort keys of author names the last build made (site/name-order.ts NameKeys) under `key` (the generator), in
   * `build/names.json`; an empty map when it made them under another key, or when missing or damaged. Optional:
   * without it every name is read with pinyin-pro.
   */
  getNameKeys?(key: string): Promise<NameKeys>;
  /** Keep the sort keys of author names under `key`, replacing the last build's. */
  putNameKeys?(key: string, names: ReadonlyMap<string, NameKey>): Promise<void>;
  /**
   * The templates as the last build precompiled them (render/templates.ts TemplateSpecStore), read and written
   * synchronously in `build/templates.json`: null when missing, damaged or of another key. Optional: without it
   * the templates are compiled.
   */
  getTemplateSpecs?(key: string): Readonly<Record<string, string>> | null;
  /** @throws Error from the file system (disk full, permissions) */
  putTemplateSpecs?(key: string, specs: Readonly<Record<string, string>>): void;
  /** Delete search shards neither read nor written since the last prune (that is, by the build just done). */
  pruneSearchShards(): Promise<number>;
}

/**
 * The rendered Markdown bodies of the last build and of this one, kept on disk, not in memory: the last build's
 * are read one at a time from `build/markdown/bodies.html` (UTF-8 HTML, one body after another) through the
 * offsets in `build/markdown/index.json`; this build's are appended to a new pair of files as they are set.
 * At 40,000 articles the bodies are about 160 MB, which a map in memory (and its JSON) used to hold at once.
 */
export interface RenderedMarkdownStore extends MarkdownMemo {
  /** Keep this build's bodies (only those set), replacing the last build's. */
  close(): Promise<void>;
  /** Drop this build's bodies and keep the last build's (a build that failed); safe after `close`. */
  discard(): Promise<void>;
}

/**
 * Format of a stored search shard (`files.json` names it). A shard has a file a page (up to ~1,600), kept as one
 * `contents.bin` rather than a file each: creating a small file costs about 0.7 ms of system time on this
 * project's ext4 machines (4,000 of them: 2.8 s), and opening a shard's files at once could pass the open-file
 * limit. Shards stored in another format are misses and are indexed again once.
 */
const SHARD_FORMAT = 'news-archive-shard-3';

/** Bump when the shape of cache entries changes: older entries are then ignored. */
const FORMAT = 'news-archive-cache-3';

/** Format of a build state's file and of its base list of files (see {@link StateDelta}). */
const STATE_FORMAT = 'news-archive-state-4';

/**
 * How many changed or removed files a build state holds beside its base list before the list is written whole
 * again: a sixteenth of the list, and at least 256. Each rerun writes the changes since the base (an addition at
 * 40,000 articles: ~80 of 138,000 files), not the 20 MB list; about every hundred additions the list is written anew.
 */
function deltaLimit(files: number): number {
  return Math.max(256, Math.floor(files / 16));
}

/**
 * The files of a build state as stored: the base list (`state-{hash}.files-{checksum}.json`, sorted by path) and
 * what changed since it, `changed` (records added or different, sorted by path) and `removed` (paths, sorted).
 */
interface StateDelta {
  readonly base: string;
  readonly changed: readonly OutputRecord[];
  readonly removed: readonly string[];
}

/** Whether two records of the same file say the same (size, unit and search hashes, articles.json's pieces). */
function sameRecord(a: OutputRecord, b: OutputRecord): boolean {
  if (a === b) return true;
  if (a.path !== b.path || a.size !== b.size || a.unit !== b.unit || a.search !== b.search) return false;
  if (a.pieces === b.pieces) return true;
  if (a.pieces === undefined || b.pieces === undefined || a.pieces.length !== b.pieces.length) return false;
  return a.pieces.every((piece, i) => {
    const other = b.pieces?.[i];
    return other !== undefined && piece.length === other.length && piece.every((value, k) => value === other[k]);
  });
}

/**
 * The changes that make `base` into `next` (both sorted by path, no path twice), or null when there are more than
 * `limit` or `next` is not sorted: then the list is written whole.
 */
function diffRecords(base: readonly OutputRecord[], next: readonly OutputRecord[], limit: number): Omit<StateDelta, 'base'> | null {
  const changed: OutputRecord[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < next.length) {
    const a = base[i];
    const b = next[j];
    // The records of the files kept are the base's own objects (build.ts renderFiles keeps them as read).
    if (a !== undefined && a === b) {
      i++;
      j++;
      continue;
    }
    if (b !== undefined && j > 0 && compareCodePoints((next[j - 1] as OutputRecord).path, b.path) >= 0) return null;
    const order = a === undefined ? 1 : b === undefined ? -1 : compareCodePoints(a.path, b.path);
    if (order === 0) {
      if (!sameRecord(a as OutputRecord, b as OutputRecord)) changed.push(b as OutputRecord);
      i++;
      j++;
    } else if (order < 0) {
      removed.push((a as OutputRecord).path);
      i++;
    } else {
      changed.push(b as OutputRecord);
      j++;
    }
    if (changed.length + removed.length > limit) return null;
  }
  return { changed, removed };
}

/**
 * `base` with `changed` and `removed` applied (see {@link StateDelta}), sorted by path; null when the delta is not
 * sorted (a state that cannot have been written so is a miss).
 */
function applyDelta(base: readonly OutputRecord[], changed: readonly OutputRecord[], removed: readonly string[]): OutputRecord[] | null {
  for (let k = 1; k < changed.length; k++) if (compareCodePoints((changed[k - 1] as OutputRecord).path, (changed[k] as OutputRecord).path) >= 0) return null;
  const gone = new Set(removed);
  const files: OutputRecord[] = [];
  let j = 0;
  for (const record of base) {
    while (j < changed.length && compareCodePoints((changed[j] as OutputRecord).path, record.path) < 0) files.push(changed[j++] as OutputRecord);
    if (j < changed.length && (changed[j] as OutputRecord).path === record.path) files.push(changed[j++] as OutputRecord);
    else if (!gone.has(record.path)) files.push(record);
  }
  while (j < changed.length) files.push(changed[j++] as OutputRecord);
  return files;
}

/** Whether `value` is a stored list of output records (path and size at least). */
function isRecordList(value: unknown): value is OutputRecord[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null && typeof (r as OutputRecord).path === 'string' && Number.isSafeInteger((r as OutputRecord).size));
}

/** Format of the pack of page entries' index (`build/pages-pack.json`). */
const PACK_FORMAT = 'news-archive-pages-pack-1';

/** Format of page entries (their key holds it): bump when their shape changes. */
const PAGE_FORMAT = 'news-archive-page-4';

/** Format of the seed stamps (`seeds-{folder hash}.json`: seed/load-seeds.ts SeedStamps). */
const STAMPS_FORMAT = 'news-archive-seed-stamps-2';

/** `zlib.crc32` (Node >= 20.15, 22.2), or undefined on an older Node (then checksums are MD5). */
const crc32 = (zlib as { crc32?: (data: string | Uint8Array) => number }).crc32;

/**
 * Checksum of a cache entry's bytes (of a string: of its UTF-8), hex: CRC-32 (8 digits) where Node has
 * `zlib.crc32`, else MD5 (32 digits). An entry whose bytes do not match the checksum stored with it (a flipped
 * byte, same-length garbage, a file cut short) is a miss, never content. Against damage, not attack: CRC-32
 * catches every error of up to 32 bits in a row and misses other damage once in 4 billion, for about a third of
 * MD5's CPU (a rerun at 40,000 articles checks some 55 MB of entries).
 */
export function checksum(bytes: string | Uint8Array): string {
  if (crc32 !== undefined) return crc32(bytes).toString(16).padStart(8, '0');
  return md5(bytes);
}

function md5(bytes: string | Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

/**
 * Whether `sum` is the checksum of `bytes`: of the kind its length says (8 hex digits CRC-32, 32 MD5), so that
 * what an earlier version stored with MD5 (search shards, which outlive the generator) is still read.
 */
export function matchesChecksum(bytes: string | Uint8Array, sum: string): boolean {
  if (sum.length === 8 && crc32 !== undefined) return /^[0-9a-f]{8}$/.test(sum) && crc32(bytes).toString(16).padStart(8, '0') === sum;
  return /^[0-9a-f]{32}$/.test(sum) && md5(bytes) === sum;
}

/**
 * The key of one seed's page entry.
 * @param generator see input-hashes.ts generatorKey; @param settings the config fields that shape items
 *   (home region, size limit), any stable string
 */
export function pageKey(generator: string, settings: string, file: string, contentHash: string): string {
  return hashParts([PAGE_FORMAT, generator, settings, file, contentHash]);
}

/** A stored shard's `files.json` (its files' paths and sizes, the checksum of `contents.bin`), or null when it is missing or not of this format. */
async function readShardList(dir: string): Promise<{ readonly files: Array<[string, number]>; readonly contents: string } | null> {
  const list = await readCheckedJson<{ format?: string; files?: unknown; contents?: unknown }>(path.join(dir, 'files.json'));
  if (list === null || list.format !== SHARD_FORMAT || !isShardList(list.files) || typeof list.contents !== 'string') return null;
  return { files: list.files, contents: list.contents };
}

/** Whether `value` is a stored shard's file list: `[path, size in bytes]` pairs. */
function isShardList(value: unknown): value is Array<[string, number]> {
  return (
    Array.isArray(value) &&
    value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Number.isInteger(entry[1]) && (entry[1] as number) >= 0)
  );
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * A JSON entry written by {@link writeCheckedJson}: `{"sum":"<checksum of the value's JSON>","value":<the value's JSON>}` (see {@link checksum}).
 * @returns the value, or null when the file is missing, unreadable (a folder), fails its checksum or is not JSON
 */
async function readCheckedJson<T>(file: string): Promise<T | null> {
  return readCheckedJsonSync<T>(file);
}

/** {@link readCheckedJson}, synchronously. */
function readCheckedJsonSync<T>(file: string): T | null {
  let bytes: Buffer;
  try {
    // Read synchronously: an entry is a few KB the system has in memory, and a promise through the thread pool
    // (open, stat, read, close) costs more CPU than the read itself (958 page entries: 0.25 → 0.18 CPU s).
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  // The checksum is taken of the bytes as read (no UTF-8 encoding of the decoded text again), then only the value is decoded.
  return checkedValue<T>(bytes);
}


/** {@link writeCheckedJson}, synchronously. @throws Error from the file system */
function writeCheckedJsonSync(file: string, value: unknown): void {
  const json = JSON.stringify(value);
  writeFileAtomicSync(file, `{"sum":"${checksum(json)}","value":${json}}`);
}

async function writeCheckedJson(file: string, value: unknown): Promise<void> {
  await writeCheckedJsonText(file, JSON.stringify(value));
}

/** {@link writeCheckedJson} of a value already serialised as `json`. */
async function writeCheckedJsonText(file: string, json: string): Promise<void> {
  await writeFileAtomic(file, `{"sum":"${checksum(json)}","value":${json}}`);
}

/** The value of a checked entry's bytes (see {@link readCheckedJson}), or null when they fail their checksum or are not JSON. */
function checkedValue<T>(bytes: Buffer): T | null {
  // The head is `{"sum":"<8 or 32 hex digits>","value":` (see checksum).
  if (bytes.length < 8 || bytes.toString('latin1', 0, 8) !== '{"sum":"') return null;
  const digits = bytes.toString('latin1', 16, 26) === '","value":' ? 8 : 32;
  const head = 8 + digits + 10;
  if (bytes.length < head + 1 || bytes.toString('latin1', 8 + digits, head) !== '","value":' || bytes[bytes.length - 1] !== 0x7d) return null;
  const sum = bytes.toString('latin1', 8, 8 + digits);
  const json = bytes.subarray(head, bytes.length - 1);
  if (!matchesChecksum(json, sum)) return null;
  try {
    return JSON.parse(json.toString('utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * The table `field` of a memo file of the cache (`{"format", "key", field: {…}}`: words.json, names.json) made under
 * `key`; null when the file is missing, damaged, of another format or made under another key.
 */
async function readKeyedTable(file: string, key: string, field: string): Promise<Record<string, unknown> | null> {
  const entry = await readCheckedJson<Record<string, unknown>>(file);
  const table = entry?.[field];
  if (entry === null || entry.format !== FORMAT || entry.key !== key || typeof table !== 'object' || table === null) return null;
  return table as Record<string, unknown>;
}

function isStringList(list: unknown): list is string[] {
  return Array.isArray(list) && list.every((item) => typeof item === 'string');
}

/** The gazetteer as stored: every field but `byCode`, which is made again from the districts and towns. */
type StoredGazetteer = Omit<Gazetteer, 'byCode'>;

/**
 * The gazetteer of a home region as a build loaded it, in `{cacheDir}/build/gazetteer-{region}.json`, read and
 * written synchronously (the build context makes it on first use, inside synchronous code). Loading it from the
 * statistical division codes parses 4.4 MB of JSON, about 0.15 s of every build; the stored copy holds only the
 * region's places and the names of the other units. An entry of another key (another generator: code, data
 * package or overlay), a damaged one or a folder in its place is a miss.
 */
export function storedGazetteer(cacheDir: string): {
  get(homeRegion: string, key: string): Gazetteer | null;
  /** @throws Error from the file system (disk full, permissions) */
  put(key: string, gazetteer: Gazetteer): void;
} {
  const root = path.join(cacheDir, 'build');
  const file = (homeRegion: string): string => path.join(root, `gazetteer-${homeRegion}.json`);
  return {
    get(homeRegion, key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file(homeRegion));
      } catch {
        return null;
      }
      const entry = checkedValue<{ format?: string; key?: string; gazetteer?: StoredGazetteer }>(bytes);
      const stored = entry?.gazetteer;
      if (entry === null || entry.format !== FORMAT || entry.key !== key || stored === undefined || stored.homeRegion !== homeRegion) return null;
      const places = [...stored.districts, ...stored.towns].sort((a: GazetteerPlace, b: GazetteerPlace) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      return { ...stored, byCode: new Map(places.map((place) => [place.code, place])) };
    },
    put(key, gazetteer) {
      const { byCode: _byCode, ...stored } = gazetteer;
      writeCheckedJsonSync(file(gazetteer.homeRegion), { format: FORMAT, key, gazetteer: stored });
    },
  };
}

/**
 * Make `dir` a folder, replacing a file (or anything else) that stands where it or one of its parents below
 * `root` should be: the cache is ours, and an odd entry in it must not fail every build.
 */
async function ensureFolder(root: string, dir: string): Promise<void> {
  ensureFolderSync(root, dir);
}

/** {@link ensureFolder}, synchronously (a cache write is a few small files: see {@link writeFileAtomic}). */
function ensureFolderSync(root: string, dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
  }
  const parts = path.relative(root, dir).split(path.sep);
  for (let i = 0; i <= parts.length; i++) {
    const at = path.join(root, ...parts.slice(0, i));
    const info = lstatSync(at, { throwIfNoEntry: false });
    if (info !== undefined && !info.isDirectory()) rmSync(at, { force: true });
  }
  mkdirSync(dir, { recursive: true });
}

/**
 * Write `file` through a temporary file and a rename; a folder standing at `file` is removed first. Synchronous
 * inside (a cold build writes two entries a seed): the promise API's open, write, close, lstat and rename cost
 * several times the CPU of the system calls for a file of a few KB (see write.ts openOutputWriter's stage).
 */
async function writeFileAtomic(file: string, content: string | Uint8Array, root = path.dirname(file)): Promise<void> {
  writeFileAtomicSync(file, content, root);
}

/** {@link writeFileAtomic}, synchronously (for the stores written from synchronous code: gazetteer, templates). */
function writeFileAtomicSync(file: string, content: string | Uint8Array, root = path.dirname(file)): void {
  ensureFolderSync(root, path.dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    writeFileSync(temporary, content);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw naming(error, file);
  }
  if (lstatSync(file, { throwIfNoEntry: false })?.isDirectory() === true) rmSync(file, { recursive: true, force: true });
  renameSync(temporary, file);
}

/** Delete the entries of `dir` (files or folders) that `drop` names; a missing folder has none. Returns how many. */
async function pruneEntries(dir: string, drop: (name: string) => boolean): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const dropped = names.filter(drop);
  for (const name of dropped) await rm(path.join(dir, name), { recursive: true, force: true });
  return dropped.length;
}

/**
 * Open the build cache in `cacheDir` (created on first write).
 * @throws Error from the file system on writes (disk full, permissions); reads never throw
 */
export function openBuildCache(cacheDir: string): BuildCache {
  const root = path.join(cacheDir, 'build');
  const pagesDir = path.join(root, 'pages');
  const searchDir = path.join(root, 'search');
  const markdownDir = path.join(root, 'markdown');
  const usedShards = new Set<string>();
  const stampsFile = (seedsDir: string): string => path.join(root, `seeds-${hashParts([STAMPS_FORMAT, path.resolve(seedsDir)]).slice(0, 16)}.json`);
  const stateName = (outDir: string): string => `state-${hashParts([FORMAT, path.resolve(outDir)]).slice(0, 16)}`;
  const stateFile = (outDir: string): string => path.join(root, `${stateName(outDir)}.json`);
  // The file names of an output folder's base lists of files start so (see StateDelta).
  const baseStem = (outDir: string): string => `${stateName(outDir)}.files-`;
  const isBaseName = (name: unknown, dir: string): name is string => typeof name === 'string' && name.startsWith(baseStem(dir)) && /^[0-9a-f]+\.json$/.test(name.slice(baseStem(dir).length));
  // The pack is named by the checksum of its index (`pages-{checksum}.pack`), which names it: an index is never read
  // with another pack's bytes (whose slices could fall on whole entries of other pages), even after a build stopped
  // between writing the two.
  const isPackName = (name: unknown): name is string => typeof name === 'string' && /^pages-[0-9a-f]+\.pack$/.test(name);
  const packIndexFile = path.join(root, 'pages-pack.json');
  /**
   * The pack's index as read (on the first getPage or hasPage): where each entry's bytes are in the pack, by key,
   * or null when there is none. The pack's bytes are read whole on the first entry found in the index (a rerun
   * reads every entry), never for a key the index lacks (a `dev` session's rebuild of an edited seed), and let go
   * once every entry in the index was read (a build reads each once) or the build is done (packPages).
   */
  let index: (Map<string, readonly [number, number]> & { readonly pack?: string }) | null | undefined;
  let packBytes: Buffer | null | undefined;
  let served = 0;
  const packIndex = (): (Map<string, readonly [number, number]> & { readonly pack: string }) | null => {
    const stored = readCheckedJsonSync<{ format?: string; pack?: unknown; entries?: unknown }>(packIndexFile);
    if (stored === null || stored.format !== PACK_FORMAT || !isPackName(stored.pack) || !Array.isArray(stored.entries)) return null;
    const entries = Object.assign(new Map<string, readonly [number, number]>(), { pack: stored.pack });
    for (const row of stored.entries as unknown[]) {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || !Number.isSafeInteger(row[1]) || !Number.isSafeInteger(row[2])) return null;
      entries.set(row[0], [row[1] as number, row[2] as number]);
    }
    return entries;
  };
  /** A page entry's bytes from the pack, else null (a slice past the end of a pack cut short is none; a damaged one fails its checksum when read). */
  const packed = (key: string): Buffer | null => {
    if (index === undefined) index = packIndex();
    const at = index?.get(key);
    if (index === null || index === undefined || at === undefined) return null;
    if (packBytes === undefined) {
      try {
        packBytes = readFileSync(path.join(root, index.pack as string));
      } catch {
        packBytes = null;
      }
    }
    const bytes = packBytes === null || at[0] + at[1] > packBytes.length ? null : packBytes.subarray(at[0], at[0] + at[1]);
    if (++served >= index.size) packBytes = null;
    return bytes;
  };
  /** Forget the pack as read: the next getPage reads it again (a build is done, or the pack was written). */
  const forgetPack = (): void => {
    index = undefined;
    packBytes = undefined;
    served = 0;
  };
  // The base list of files this store last read or wrote, by absolute output folder: a putState writes the changes since it.
  const bases = new Map<string, { readonly name: string; readonly files: readonly OutputRecord[] }>();
  return {
    async getPage(key) {
      // From the pack when it has the entry undamaged, else from the entry's file.
      const fromPack = packed(key);
      const entry =
        (fromPack === null ? null : checkedValue<PageEntry & { format?: string }>(fromPack)) ?? (await readCheckedJson<PageEntry & { format?: string }>(path.join(pagesDir, `${key}.json`)));
      if (entry === null || entry.format !== PAGE_FORMAT || !Array.isArray(entry.articles)) return null;
      const count = entry.articles.length;
      const hashes = Array.isArray(entry.hashes) && entry.hashes.length === count && entry.hashes.every((hash) => typeof hash === 'string') ? entry.hashes : undefined;
      const views = Array.isArray(entry.views) && entry.views.length === count && entry.views.every(isItemView) ? entry.views : undefined;
      lazyBodies(entry.articles as TaggedArticle[], () => {
        const text = readCheckedJsonSync<{ format?: string; bodies?: unknown }>(path.join(pagesDir, `${key}.text.json`));
        const bodies = text?.bodies;
        if (text?.format !== PAGE_FORMAT || !Array.isArray(bodies) || bodies.length !== count || !bodies.every((body) => Array.isArray(body))) throw new DamagedEntryError(key);
        return bodies as BodyPart[][];
      });
      return { page: entry.page, articles: entry.articles, diagnostics: entry.diagnostics, ...(hashes === undefined ? {} : { hashes }), ...(views === undefined ? {} : { views }) };
    },
    hasPage: (key) => existsSync(path.join(pagesDir, `${key}.json`)) || (index === undefined ? (index = packIndex()) : index)?.has(key) === true,
    async putPage(key, entry) {
      await ensureFolder(cacheDir, pagesDir);
      // The text first: an entry whose file is there has its text (a build stopped between the two leaves a text alone, pruned later).
      await writeCheckedJson(path.join(pagesDir, `${key}.text.json`), { format: PAGE_FORMAT, bodies: entry.articles.map((article) => article.body) });
      // `body` stays in its place among the fields (0 for the text read later), so an article read back serialises as before.
      await writeCheckedJson(path.join(pagesDir, `${key}.json`), { format: PAGE_FORMAT, ...entry, articles: entry.articles.map((article) => ({ ...article, body: 0 })) });
    },
    async getSeedStamps(seedsDir) {
      const stored = await readCheckedJson<{ format?: string; dir?: string; files?: unknown }>(stampsFile(seedsDir));
      if (stored === null || stored.format !== STAMPS_FORMAT || stored.dir !== path.resolve(seedsDir) || !Array.isArray(stored.files)) return null;
      const files = new Map<string, SeedStamp>();
      for (const row of stored.files as unknown[]) {
        if (!Array.isArray(row) || row.length !== 6 || typeof row[0] !== 'string' || typeof row[5] !== 'string' || !row.slice(1, 5).every((n) => typeof n === 'number')) return null;
        const [name, mtimeMs, ctimeMs, size, ino, hash] = row as [string, number, number, number, number, string];
        files.set(name, { mtimeMs, ctimeMs, size, ino, hash });
      }
      return { files };
    },
    async putSeedStamps(seedsDir, stamps) {
      await ensureFolder(cacheDir, root);
      const files = [...stamps.files].sort(([a], [b]) => compareCodePoints(a, b)).map(([name, s]) => [name, s.mtimeMs, s.ctimeMs, s.size, s.ino, s.hash]);
      await writeCheckedJson(stampsFile(seedsDir), { format: STAMPS_FORMAT, dir: path.resolve(seedsDir), files });
    },
    async getState(outDir) {
      const at = path.resolve(outDir);
      const head = await readCheckedJson<Omit<BuildState, 'files'> & Partial<StateDelta> & { format?: string }>(stateFile(outDir));
      if (head === null || head.format !== STATE_FORMAT || head.outDir !== at || !isBaseName(head.base, outDir) || !isRecordList(head.changed) || !isStringList(head.removed)) return null;
      const base = await readCheckedJson<{ format?: string; outDir?: string; files?: unknown }>(path.join(root, head.base));
      if (base === null || base.format !== STATE_FORMAT || base.outDir !== at || !isRecordList(base.files)) return null;
      const files = applyDelta(base.files, head.changed, head.removed);
      if (files === null) return null;
      bases.set(at, { name: head.base, files: base.files });
      const { format: _format, base: _base, changed: _changed, removed: _removed, ...state } = head;
      return { ...state, files };
    },
    async putState(state) {
      await ensureFolder(cacheDir, root);
      const at = path.resolve(state.outDir);
      // The changes since the base this store read or wrote last, while that base is there and they are few.
      const known = bases.get(at);
      let delta: StateDelta | null = null;
      if (known !== undefined && existsSync(path.join(root, known.name))) {
        const changes = diffRecords(known.files, state.files, deltaLimit(known.files.length));
        if (changes !== null) delta = { base: known.name, ...changes };
      }
      if (delta === null) {
        const json = JSON.stringify({ format: STATE_FORMAT, outDir: at, files: state.files });
        const name = `${baseStem(state.outDir)}${checksum(json)}.json`;
        await writeCheckedJsonText(path.join(root, name), json);
        bases.set(at, { name, files: state.files });
        delta = { base: name, changed: [], removed: [] };
      }
      const { files: _files, ...rest } = state;
      await writeCheckedJson(stateFile(state.outDir), { format: STATE_FORMAT, ...rest, outDir: at, ...delta });
      // Base lists of this output folder that the state no longer names.
      const stem = baseStem(state.outDir);
      const current = delta.base;
      await pruneEntries(root, (name) => name.startsWith(stem) && name !== current && !isScratch(name));
    },
    async dropState(outDir) {
      // The base list stays (a putState after this one may name it again); the state without its file is gone.
      await rm(stateFile(outDir), { force: true, recursive: true });
    },
    async stateStamp(outDir) {
      const info = await lstat(stateFile(outDir), { bigint: true }).catch(() => null);
      return info === null || !info.isFile() ? null : `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
    },
    async openRenderedMarkdown(generator, fresh = false) {
      await ensureFolder(cacheDir, root);
      return openMarkdownStore(markdownDir, generator, fresh);
    },
    async getWordBoundaries(key) {
      const clauses = await readKeyedTable(path.join(root, 'words.json'), key, 'clauses');
      const words = new Map<string, readonly number[]>();
      for (const [clause, offsets] of Object.entries(clauses ?? {})) {
        if (Array.isArray(offsets) && offsets.every((o) => Number.isInteger(o))) words.set(clause, offsets as number[]);
      }
      return words;
    },
    async putWordBoundaries(key, words) {
      await ensureFolder(cacheDir, root);
      await writeCheckedJson(path.join(root, 'words.json'), { format: FORMAT, key, clauses: Object.fromEntries(words) });
    },
    async getNameKeys(key) {
      const table = await readKeyedTable(path.join(root, 'names.json'), key, 'names');
      const names: NameKeys = new Map();
      for (const [name, value] of Object.entries(table ?? {})) {
        const [initial, syllables, tones] = Array.isArray(value) ? (value as unknown[]) : [];
        if (typeof initial === 'string' && isStringList(syllables) && isStringList(tones)) names.set(name, { initial, syllables, tones });
      }
      return names;
    },
    async putNameKeys(key, names) {
      await ensureFolder(cacheDir, root);
      const sorted = [...names].sort(([a], [b]) => compareCodePoints(a, b));
      await writeCheckedJson(path.join(root, 'names.json'), { format: FORMAT, key, names: Object.fromEntries(sorted.map(([name, k]) => [name, [k.initial, k.syllables, k.tones]])) });
    },
    getTemplateSpecs(key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(root, 'templates.json'));
      } catch {
        return null;
      }
      const entry = checkedValue<{ format?: string; key?: string; specs?: unknown }>(bytes);
      if (entry === null || entry.format !== FORMAT || entry.key !== key || typeof entry.specs !== 'object' || entry.specs === null) return null;
      return entry.specs as Record<string, string>;
    },
    putTemplateSpecs(key, specs) {
      writeCheckedJsonSync(path.join(root, 'templates.json'), { format: FORMAT, key, specs });
    },
    async listSearchShard(key) {
      const list = await readShardList(path.join(searchDir, key));
      if (list === null) return null;
      usedShards.add(key);
      return list.files.map(([file]) => file);
    },
    async getSearchShard(key) {
      const dir = path.join(searchDir, key);
      const list = await readShardList(dir);
      if (list === null) return null;
      let contents: Buffer;
      try {
        // Read synchronously: the search stage looks shards up one after another while the build renders, between
        // awaits that do not reach the event loop's I/O phase, so an asynchronous read held every later shard's
        // lookup (and the Pagefind run of a changed one) back until the build's end.
        contents = readFileSync(path.join(dir, 'contents.bin'));
      } catch {
        return null;
      }
      // Cut short, padded or garbled contents are a miss, never wrong bytes.
      if (list.files.reduce((sum, [, size]) => sum + size, 0) !== contents.length || !matchesChecksum(contents, list.contents)) return null;
      let offset = 0;
      const files = list.files.map(([file, size]) => {
        const content = new Uint8Array(contents.buffer, contents.byteOffset + offset, size);
        offset += size;
        return { path: file, content };
      });
      usedShards.add(key);
      return files;
    },
    async putSearchShard(key, files) {
      const dir = path.join(searchDir, key);
      const temporary = `${dir}.${process.pid}.tmp`;
      await ensureFolder(cacheDir, searchDir);
      await rm(temporary, { recursive: true, force: true });
      await mkdir(temporary, { recursive: true });
      const bytes = files.map((file) => (typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content));
      const contents = Buffer.concat(bytes);
      await writeFile(path.join(temporary, 'contents.bin'), contents);
      const list = files.map((file, i) => [file.path, (bytes[i] as Uint8Array).length]);
      await writeCheckedJson(path.join(temporary, 'files.json'), { format: SHARD_FORMAT, files: list, contents: checksum(contents) });
      await rm(dir, { recursive: true, force: true });
      await rename(temporary, dir);
      usedShards.add(key);
    },
    async pruneSearchShards() {
      // Another build's shard being written (`{key}.{pid}.tmp`) is left alone, unless its process is gone.
      const removed = await pruneEntries(searchDir, (name) => (isScratch(name) ? isStaleScratch(name) : !usedShards.has(name)));
      usedShards.clear();
      return removed;
    },
    async packPages(keys) {
      // The build is done reading entries: what it left of the pack is let go.
      forgetPack();
      const stored = packIndex();
      let missing = 0;
      // Only entries that are there count (a key whose entry was never written would have the pack written each time).
      for (const key of keys) if (stored?.has(key) !== true && existsSync(path.join(pagesDir, `${key}.json`))) missing++;
      // A pack gone or cut short since its index was written is written again whatever the count.
      let end = 0;
      for (const [offset, length] of stored?.values() ?? []) end = Math.max(end, offset + length);
      const whole = stored !== null && lstatSync(path.join(root, stored.pack), { throwIfNoEntry: false })?.size === end;
      if (whole && (missing === 0 || missing <= Math.floor(keys.size / 16))) return false;
      const sorted = [...keys].sort(compareCodePoints);
      const entries: Array<[string, number, number]> = [];
      let offset = 0;
      await ensureFolder(cacheDir, root);
      // Written entry by entry into a temporary file, then renamed: never the whole pack in memory (35 MB at 40,000 articles).
      const temporary = path.join(root, `pages.pack.${process.pid}.tmp`);
      const fd = openSync(temporary, 'w');
      try {
        for (const key of sorted) {
          let bytes: Buffer;
          try {
            bytes = readFileSync(path.join(pagesDir, `${key}.json`));
          } catch {
            continue;
          }
          for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
          entries.push([key, offset, bytes.length]);
          offset += bytes.length;
        }
      } catch (error) {
        closeSync(fd);
        rmSync(temporary, { force: true });
        throw naming(error, temporary);
      }
      closeSync(fd);
      // The pack, then the index that names it: a build stopped between the two leaves the old index and its own pack.
      const json = JSON.stringify(entries);
      const name = `pages-${checksum(json)}.pack`;
      const packFile = path.join(root, name);
      if (lstatSync(packFile, { throwIfNoEntry: false })?.isDirectory() === true) rmSync(packFile, { recursive: true, force: true });
      renameSync(temporary, packFile);
      await writeCheckedJson(packIndexFile, { format: PACK_FORMAT, pack: name, entries });
      // The packs the index no longer names (a build's own scratch is left to prunePages).
      await pruneEntries(root, (other) => isPackName(other) && other !== name);
      return true;
    },
    async prunePages(keep) {
      await pruneEntries(root, isStaleScratch);
      // `{key}.json` and `{key}.text.json`.
      return pruneEntries(pagesDir, (name) => (name.endsWith('.json') && !keep.has(name.slice(0, name.indexOf('.')))) || isStaleScratch(name));
    },
  };
}

/** Whether `value` is a stored {@link ItemView}. */
function isItemView(value: unknown): value is ItemView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Record<string, unknown>;
  const line = (field: unknown): boolean => field === null || typeof field === 'string';
  return (
    line(view.kicker) &&
    line(view.headline) &&
    line(view.subheadline) &&
    typeof view.title === 'string' &&
    typeof view.opening === 'string' &&
    Number.isSafeInteger(view.characters) &&
    typeof view.published === 'boolean'
  );
}

/**
 * Give each of `articles` (read without their text: `body` is a placeholder) a `body` read through `load` when it
 * is first read: `load` runs once for them all (one text file a page), and each article then holds its body, in the
 * place the field had (so the article serialises as it was stored). One getter for every article
 * (lazy-fields.ts), so that the articles of the cache (40,000 in a rerun at that size) keep V8's fast mode.
 */
function lazyBodies(articles: TaggedArticle[], load: () => readonly (readonly BodyPart[])[]): void {
  const page: PageText = { load, bodies: null };
  articles.forEach((article, index) => {
    // Made again field by field: an accessor put in the place of a field the object has already (the placeholder)
    // turns it into a dictionary, as a getter of its own does.
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(article)) {
      if (key === 'body') STORED_BODY.define(copy, { page, index });
      else copy[key] = (article as unknown as Record<string, unknown>)[key];
    }
    articles[index] = copy as unknown as TaggedArticle;
  });
}

/** The text of one page entry, read once for its articles (see {@link lazyBodies}). */
interface PageText {
  readonly load: () => readonly (readonly BodyPart[])[];
  bodies: readonly (readonly BodyPart[])[] | null;
}

/** An article's body from its page's text (see {@link lazyBodies}). */
const STORED_BODY = lazyField('body', ({ page, index }: { readonly page: PageText; readonly index: number }) => {
  page.bodies ??= page.load();
  return page.bodies[index] as readonly BodyPart[];
});

/**
 * `cache` whose page entries have their text read and checked with them: an entry whose text is missing or damaged
 * is a miss (null), as a damaged entry is. For a build after a {@link DamagedEntryError}, and for builds that read
 * every entry's text anyway (`check`).
 */
export function checkedTextCache(cache: BuildCache): BuildCache {
  return {
    ...cache,
    async getPage(key) {
      const entry = await cache.getPage(key);
      if (entry === null) return null;
      try {
        for (const article of entry.articles) void article.body;
      } catch (error) {
        if (error instanceof DamagedEntryError) return null;
        throw error;
      }
      return entry;
    },
  };
}

/**
 * `cache` for a build that reads nothing from it (`--clean`): every page entry, search shard and rendered body
 * is a miss, and what the build makes is written as usual. Build states are still read (they say which output
 * folders a build made, and nothing of them reaches the site).
 */
export function writeOnlyCache(cache: BuildCache): BuildCache {
  return {
    ...cache,
    getPage: async () => null,
    hasPage: () => false,
    getSeedStamps: async () => null,
    getSearchShard: async () => null,
    listSearchShard: async () => null,
    getWordBoundaries: async () => new Map(),
    getNameKeys: async () => new Map(),
    getTemplateSpecs: () => null,
    openRenderedMarkdown: (generator) => cache.openRenderedMarkdown(generator, true),
  };
}

/**
 * `index.json` of a rendered-Markdown store: per body hash, its byte offset and length in `bodies.html` and the
 * checksum of those bytes (a body whose bytes fail it is a miss).
 */
interface MarkdownIndex {
  readonly format: string;
  readonly generator: string;
  readonly bodies: Record<string, readonly [number, number, string]>;
}

/** See {@link RenderedMarkdownStore}; `dir` is `build/markdown` (the store of cache format 1, `build/markdown.json`, is removed). */
async function openMarkdownStore(dir: string, generator: string, fresh: boolean): Promise<RenderedMarkdownStore> {
  await rm(path.join(path.dirname(dir), 'markdown.json'), { recursive: true, force: true });
  // What a killed build left (`markdown.{pid}.tmp`); a running build's is left alone.
  await pruneEntries(path.dirname(dir), (name) => name.startsWith(`${path.basename(dir)}.`) && isStaleScratch(name));
  const index = fresh ? null : await readCheckedJson<MarkdownIndex>(path.join(dir, 'index.json'));
  const last =
    index !== null && index.format === FORMAT && index.generator === generator ? new Map(Object.entries(index.bodies)) : new Map<string, readonly [number, number, string]>();
  let lastFd: number | null = null;
  if (last.size > 0) {
    try {
      lastFd = openSync(path.join(dir, 'bodies.html'), 'r');
    } catch {
      last.clear();
    }
  }
  const next = `${dir}.${process.pid}.tmp`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  let nextFd: number | null = openSync(path.join(next, 'bodies.html'), 'w');
  const written = new Map<string, readonly [number, number, string]>();
  let offset = 0;
  const closeFiles = (): void => {
    if (lastFd !== null) closeSync(lastFd);
    if (nextFd !== null) closeSync(nextFd);
    lastFd = nextFd = null;
  };
  return {
    has: (key) => last.has(key) && lastFd !== null,
    get(key) {
      const at = last.get(key);
      if (at === undefined || lastFd === null) return undefined;
      const bytes = Buffer.alloc(at[1]);
      try {
        if (readSync(lastFd, bytes, 0, at[1], at[0]) !== at[1] || !matchesChecksum(bytes, at[2])) return undefined;
      } catch {
        return undefined;
      }
      return bytes.toString('utf8');
    },
    set(key, html) {
      if (written.has(key) || nextFd === null) return;
      const bytes = Buffer.from(html, 'utf8');
      writeSync(nextFd, bytes);
      written.set(key, [offset, bytes.length, checksum(bytes)]);
      offset += bytes.length;
    },
    async close() {
      if (nextFd === null) return;
      closeFiles();
      const bodies = Object.fromEntries([...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await writeCheckedJson(path.join(next, 'index.json'), { format: FORMAT, generator, bodies } satisfies MarkdownIndex);
      await rm(dir, { recursive: true, force: true });
      await rename(next, dir);
    },
    async discard() {
      closeFiles();
      await rm(next, { recursive: true, force: true });
    },
  };
}
