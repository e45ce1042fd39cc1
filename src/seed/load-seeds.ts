/**
 * seeds/ folder → SeedPages. The only seed code that touches the disk.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { compareCodePoints } from '../compare-code-points.js';
import type { Diagnostic, SeedPage } from '../types.js';
import { decodeSeed } from './decode-seed.js';
import { parseSeed } from './parse-seed.js';

/** Seeds read from a folder: pages sorted by file name (code point order), and what was wrong with them. */
export interface LoadedSeeds {
  readonly pages: SeedPage[];
  readonly diagnostics: Diagnostic[];
}

/** The bytes of one seed file as read from disk, with their SHA-256 (hex). */
export interface SeedSource {
  /** File name inside the seeds folder, e.g. `000_b18dfdda09c05dd9.txt`. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** SHA-256 of `bytes`, lowercase hex. */
  readonly hash: string;
  /**
   * How diagnostics name the file's folder when it is not the seeds folder's (`check` on files named on the command
   * line, see {@link seedSourceOf}); default the build's label.
   */
  readonly label?: string;
}

/**
 * What a plain build recorded of a seed file it read (cache/build-cache.ts getSeedStamps): its metadata then and the
 * SHA-256 of its bytes. A later build whose stat of the file gives the same metadata takes the hash without
 * reading the file (see {@link readSeedSources}).
 */
export interface SeedStamp {
  readonly mtimeMs: number;
  /** The inode's change time: set by every write and rename, and never by `touch -d` or `utimes`. */
  readonly ctimeMs: number;
  readonly size: number;
  readonly ino: number;
  readonly hash: string;
}

/**
 * The stamps of a seeds folder's files, by file name. Only settled files have one (see {@link STAMP_SETTLED_MS}),
 * judged when their stat was taken, so a stamp needs no time of its own to be trusted later.
 */
export interface SeedStamps {
  readonly files: ReadonlyMap<string, SeedStamp>;
}

/**
 * How long before its stat a file must have last changed for its stamp to be trusted later, in ms: a file written
 * in the same tick of a coarse clock (FAT keeps 2 s, some network file systems 1 s) as it was read, or being
 * written while it was read, could change again without its metadata showing it. Such a file is read next time.
 */
export const STAMP_SETTLED_MS = 2000;

/** A seed taken by its stamp: its bytes are read from `file` when first asked for (rarely: a page entry gone). */
class StampedSeed implements SeedSource {
  readonly fileName: string;
  readonly hash: string;
  readonly #file: string;
  #bytes: Uint8Array | null = null;
  constructor(file: string, fileName: string, hash: string) {
    this.#file = file;
    this.fileName = fileName;
    this.hash = hash;
  }

  /** @throws Error when the file is gone, unreadable or no longer has the bytes its stamp says (changed while the build ran) */
  get bytes(): Uint8Array {
    if (this.#bytes === null) {
      let bytes: Buffer | null;
      try {
        bytes = readFileSync(this.#file);
      } catch {
        bytes = null;
      }
      if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== this.hash) throw new Error(`${this.#file}: changed while the build ran; build again`);
      this.#bytes = bytes;
    }
    return this.#bytes;
  }
}

/** The SHA-256 of no bytes: the hash of an empty seed. */
const EMPTY_HASH = createHash('sha256').digest('hex');

/**
 * The source of a seed file read from anywhere (`news-archive check FILE…`): its name, bytes and hash, labelled by
 * its folder as given (`''` for the current folder).
 */
export function seedSourceOf(file: string, bytes: Uint8Array): SeedSource {
  const dir = path.dirname(file).split(path.sep).join('/');
  return { fileName: path.basename(file), bytes, hash: createHash('sha256').update(bytes).digest('hex'), label: dir === '.' ? '' : dir };
}

/** Options of reading a seed. */
export interface ReadSeedOptions {
  /** Largest seed accepted, in bytes; a larger file is refused with an error. Default {@link DEFAULT_MAX_SEED_BYTES}. */
  readonly maxBytes?: number;
}

/** Default size limit of one seed: 4 MiB, about 200 times the text of a printed page. */
export const DEFAULT_MAX_SEED_BYTES = 4 * 1024 * 1024;


/**
 * List the `.txt` files directly in `dir`, sorted by code point.
 * @param dir seeds folder (absolute or relative to the working directory)
 * @throws when the folder cannot be read (the caller reports it as a fatal error)
 */
export async function listSeedFiles(dir: string): Promise<string[]> {
  return (await listSeedFolder(dir)).files;
}

/**
 * Names in a seeds folder that are never pages and never reported: hidden files and folders (`.DS_Store`, an
 * editor's `.page.txt.swp`), backups (`page.txt~`) and the folder files Windows makes.
 */
function isLitter(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * The entries directly in `dir`, sorted by code point: the `.txt` files (any case: `page.TXT`), which are the
 * seeds; `.txt` symbolic links, which are not read (a seed is a file of the folder) but reported; and `others`:
 * every other file or folder (`page.md`, `notes.docx`, a folder `2021/`), not read but reported, so that a page
 * saved under another name is not left out unseen. Hidden entries and backups (`page.txt~`) are left out silently.
 * @throws when the folder cannot be read (the caller reports it as a fatal error)
 */
export async function listSeedFolder(dir: string): Promise<{ files: string[]; links: string[]; others: { name: string; folder: boolean }[] }> {
  const all = (await readdir(dir, { withFileTypes: true })).filter((entry) => !isLitter(entry.name));
  const entries = all.filter((entry) => entry.name.toLowerCase().endsWith('.txt'));
  const names = (keep: (entry: (typeof entries)[number]) => boolean): string[] => entries.filter(keep).map((entry) => entry.name).sort(compareCodePoints);
  const others = all
    .filter((entry) => !entry.name.toLowerCase().endsWith('.txt') && (entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()))
    .map((entry) => ({ name: entry.name, folder: entry.isDirectory() }))
    .sort((a, b) => compareCodePoints(a.name, b.name));
  return { files: names((entry) => entry.isFile()), links: names((entry) => entry.isSymbolicLink()), others };
}

/**
 * A seed listed but not read: `vanished` when it was deleted between listing and reading, `symlink` for a
 * symbolic link, `not-txt` for a file whose name does not end in `.txt`, `folder` for a folder inside the seeds
 * folder, else the error code of the read (`EACCES`, …).
 */
export interface SeedReadProblem {
  readonly fileName: string;
  readonly code: string;
}

/** The diagnostic of a seed that could not be read (see {@link SeedReadProblem}); the rest of the archive is built. */
export function seedReadDiagnostic(problem: SeedReadProblem, label: string): Diagnostic {
  const file = seedPath(label, problem.fileName);
  if (problem.code === 'vanished') {
    return { file, line: null, rule: 'seed/vanished', severity: 'warning', message: 'Unexpected removal: the file was deleted while the build read the seeds; built without it' };
  }
  if (problem.code === 'symlink') {
    return {
      file,
      line: null,
      rule: 'seed/symlink',
      severity: 'warning',
      message: 'Unexpected symbolic link: seeds are read from the files of the folder only; skipped (copy the file into the folder)',
    };
  }
  if (problem.code === 'not-txt') {
    const stem = problem.fileName.replace(/\.[^.]*$/, '') || problem.fileName;
    return {
      file,
      line: null,
      rule: 'seed/not-txt',
      severity: 'warning',
      message: `Unexpected file type: only .txt files are read as pages; skipped (if it is a page, save its text as ${stem}.txt)`,
    };
  }
  if (problem.code === 'folder') {
    return {
      file,
      line: null,
      rule: 'seed/folder',
      severity: 'warning',
      message: `Unexpected folder: seeds are read from the .txt files directly in ${label === '' ? 'the seeds folder' : `${label}/`}, not from folders inside it; skipped (move its pages up into ${label === '' ? 'the seeds folder' : `${label}/`})`,
    };
  }
  return { file, line: null, rule: 'seed/read', severity: 'error', message: `Cannot read the file (${problem.code}); page skipped` };
}

/**
 * Seeds read before, by file name, with the modification time (ms) and size they had: a long-running process
 * (`news-archive dev`) keeps one so that a rebuild reads only the seeds whose time or size changed.
 */
export type SeedReadMemo = Map<string, { readonly mtimeMs: number; readonly size: number; readonly source: SeedSource }>;

/**
 * What a watcher of the seeds folder `dir` (dev/watch-inputs.ts) reported since every entry of a {@link SeedReadMemo}
 * was last checked against the disk: the names of the files it reported created, changed or deleted. Given one, a
 * rebuild checks only those files and takes every other memo entry as it is, without a stat (at 9,001 seeds the
 * stats cost ~39 ms of each rebuild). The dev session gives one only while its watcher has reported without an
 * error since a rebuild checked every seed (dev/run-dev.ts).
 */
export interface WatchedSeedChanges {
  /** The seeds folder watched, as the build is given it. */
  readonly dir: string;
  readonly fileNames: ReadonlySet<string>;
}

/**
 * Read the bytes of every seed of a folder, sorted by file name. A seed that cannot be read (deleted since the
 * listing, no permission, a symbolic link) is left out and listed in `problems`, and so is every other entry of
 * the folder that is not a seed (a file not named `.txt`, a folder; see {@link listSeedFolder}).
 * @param memo seeds read before (see {@link SeedReadMemo}); updated to the files read now
 * @param readBytes how a file is read (default: synchronously, as a seed is a few KB the system has in memory and a
 *   promise through the thread pool costs more CPU than the read: 950 seeds read and hashed in 0.03 CPU s instead of
 *   0.07–0.1; tests pass one that deletes the file first)
 * @param stamps without a memo (a plain build): the stamps the last build recorded (null: none, every seed read).
 *   A seed whose stat equals its stamp is not read: it comes with the stamp's hash and its bytes are read when
 *   first asked for (see {@link SeedStamps}). The result then has the stamps of this reading.
 * @param watched with a memo: what the session's watcher reported since the memo was last checked (see
 *   {@link WatchedSeedChanges}); a memo entry of a file it did not report is taken without a stat. Ignored when it
 *   watches another folder than `dir`. Null or absent: every seed is checked.
 * @throws when the folder cannot be listed
 */
export async function readSeedSources(
  dir: string,
  memo?: SeedReadMemo,
  readBytes: (file: string) => Promise<Buffer> = async (file) => readFileSync(file),
  stamps?: SeedStamps | null,
  watched?: WatchedSeedChanges | null,
): Promise<{ sources: SeedSource[]; problems: SeedReadProblem[]; stamps?: SeedStamps }> {
  const { files: names, links, others } = await listSeedFolder(dir);
  const problems: SeedReadProblem[] = [
    ...links.map((fileName) => ({ fileName, code: 'symlink' })),
    ...others.map((other) => ({ fileName: other.name, code: other.folder ? 'folder' : 'not-txt' })),
  ];
  const failed = (fileName: string, error: unknown): null => {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ fileName, code: code === 'ENOENT' ? 'vanished' : (code ?? String(error)) });
    return null;
  };
  const read = async (fileName: string): Promise<SeedSource | null> => {
    const file = path.join(dir, fileName);
    let bytes: Buffer;
    try {
      bytes = await readBytes(file);
    } catch (error) {
      return failed(fileName, error);
    }
    return { fileName, bytes, hash: createHash('sha256').update(bytes).digest('hex') };
  };
  const done = (sources: readonly (SeedSource | null)[]): { sources: SeedSource[]; problems: SeedReadProblem[] } => ({
    sources: sources.filter((source): source is SeedSource => source !== null),
    problems: problems.sort((a, b) => compareCodePoints(a.fileName, b.fileName)),
  });
  // 32 reads in flight: one at a time leaves the disk (and the build) waiting.
  if (memo === undefined && stamps === undefined) return done(await pMap(names, read, { concurrency: 32 }));
  if (memo === undefined) {
    // A plain build given the stamps of the last (cache/build-cache.ts getSeedStamps): unchanged seeds are not read.
    const stamped = await readStamped(dir, names, read, stamps ?? null);
    return { ...done(stamped.sources), stamps: stamped.stamps };
  }

  // With a memo (a dev session's rebuild) nearly every seed is known: one synchronous stat each (metadata the
  // system has cached) is several times faster than as many asynchronous ones, and only changed seeds are read.
  const before = new Map<string, Stats>();
  const missing = new Set<string>();
  const reported = watched !== undefined && watched !== null && path.resolve(watched.dir) === path.resolve(dir) ? watched.fileNames : null;
  const sources: (SeedSource | null)[] = names.map((fileName) => {
    if (reported !== null && !reported.has(fileName)) {
      const known = memo.get(fileName);
      if (known !== undefined) return known.source;
    }
    let info: Stats;
    try {
      info = statSync(path.join(dir, fileName));
    } catch (error) {
      missing.add(fileName);
      return failed(fileName, error);
    }
    const known = memo.get(fileName);
    if (known !== undefined && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.source;
    before.set(fileName, info);
    return null;
  });
  // Only the seeds to read go through pMap: 9,001 promises for seeds taken from the memo cost ~12 ms a rebuild.
  const toRead = names.flatMap((fileName, i) => (sources[i] === null && !missing.has(fileName) ? [i] : []));
  await pMap(
    toRead,
    async (i) => {
      const fileName = names[i] as string;
      const source = await read(fileName);
      sources[i] = source;
      if (source === null) return;
      // Kept only when the file did not change while it was read.
      const first = before.get(fileName) as Stats;
      const after = await stat(path.join(dir, fileName)).catch(() => null);
      if (after !== null && after.mtimeMs === first.mtimeMs && after.size === source.bytes.length) memo.set(fileName, { mtimeMs: after.mtimeMs, size: after.size, source });
      else memo.delete(fileName);
    },
    { concurrency: 32 },
  );
  const present = new Set(names);
  for (const name of [...memo.keys()]) if (!present.has(name) || missing.has(name)) memo.delete(name);
  return done(sources);
}

/** Whether a file's stat now is the one its stamp recorded. */
function sameStamp(info: Stats, stamp: SeedStamp): boolean {
  return info.isFile() && info.mtimeMs === stamp.mtimeMs && info.ctimeMs === stamp.ctimeMs && info.size === stamp.size && info.ino === stamp.ino;
}

/**
 * The seeds `names` of `dir`: each taken by its stamp (its hash, its bytes read only if asked for) when its stat now
 * is the one `stamps` recorded, else read by `read` (null when it could not be). With the stamps of this reading: a
 * seed read now gets one when its stat before the read had settled ({@link STAMP_SETTLED_MS}) and gave the size
 * read; a seed taken by its stamp keeps it.
 */
async function readStamped(
  dir: string,
  names: readonly string[],
  read: (fileName: string) => Promise<SeedSource | null>,
  stamps: SeedStamps | null,
): Promise<{ sources: (SeedSource | null)[]; stamps: SeedStamps }> {
  const takenAt = Date.now();
  const files = new Map<string, SeedStamp>();
  // One synchronous stat each (metadata the system has cached), as for a session's memo; only the others are read.
  const infos: (Stats | undefined)[] = [];
  const sources: (SeedSource | null)[] = names.map((fileName, i) => {
    const file = path.join(dir, fileName);
    let info: Stats | undefined;
    try {
      info = statSync(file, { throwIfNoEntry: false });
    } catch {
      info = undefined;
    }
    infos[i] = info;
    const known = stamps?.files.get(fileName);
    if (info === undefined || known === undefined || !sameStamp(info, known)) return null;
    files.set(fileName, known);
    return new StampedSeed(file, fileName, known.hash);
  });
  await pMap(
    names,
    async (fileName, i) => {
      if (sources[i] !== null) return;
      const source = await read(fileName);
      sources[i] = source;
      const info = infos[i];
      const settled = info !== undefined && info.isFile() && info.mtimeMs <= takenAt - STAMP_SETTLED_MS && info.ctimeMs <= takenAt - STAMP_SETTLED_MS;
      if (source !== null && info !== undefined && settled && info.size === source.bytes.length) {
        files.set(fileName, { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size, ino: info.ino, hash: source.hash });
      }
    },
    { concurrency: 32 },
  );
  return { sources, stamps: { files } };
}

/** `label/fileName`, or the bare file name when the label is empty. */
export function seedPath(label: string, fileName: string): string {
  return label === '' ? fileName : `${label}/${fileName}`;
}

function formatSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Decode and parse one seed.
 * @param fileName file name inside the seeds folder; @param label how diagnostics name the folder (e.g. `seeds`, or `''`)
 * @returns the page, or null with a diagnostic when the file is refused (too large, binary, unknown encoding)
 *   or has no text (empty)
 */
export function readSeedBytes(
  bytes: Uint8Array,
  fileName: string,
  label: string,
  options: ReadSeedOptions = {},
): { page: SeedPage | null; diagnostics: Diagnostic[] } {
  const file = seedPath(label, fileName);
  const name = fileName.replace(/\.txt$/i, '');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SEED_BYTES;
  if (bytes.length > maxBytes) {
    const message =
      `Unexpected size: ${formatSize(bytes.length)}, expected at most ${formatSize(maxBytes)} for one printed page ` +
      '(split the file into one file a page, or raise `maxSeedBytes` in news-archive.config.json); page skipped';
    return { page: null, diagnostics: [{ file, line: null, rule: 'seed/too-large', severity: 'error', message }] };
  }
  const decoded = decodeSeed(bytes);
  if (!decoded.ok) {
    return { page: null, diagnostics: [{ file, line: null, rule: 'seed/decode', severity: 'error', message: `${decoded.reason}; page skipped` }] };
  }
  const { page, diagnostics } = parseSeed(file, name, decoded.text);
  if (decoded.warning !== undefined) diagnostics.unshift({ file, line: null, rule: 'seed/encoding', severity: 'warning', message: decoded.warning });
  if (page.text.trim().length === 0) {
    diagnostics.push({ file, line: null, rule: 'seed/empty', severity: 'warning', message: 'Unexpected empty page: no text; page skipped' });
    return { page: null, diagnostics };
  }
  return { page, diagnostics };
}

/**
 * Warnings for seeds whose bytes equal another seed's. Both are still built. Of each group of equal seeds the
 * one saved first (earliest modification time, then file name) is taken for the page and every other one for a
 * copy of it: the warning is on the copy and names the page it repeats (`seeds/b.txt: … same bytes as
 * seeds/a.txt, saved before it …`), so it lands on the file saved by mistake, which is also the one `dev` shows
 * the diagnostics of.
 * @param sources seeds sorted by file name
 * @param savedAt modification time of a seed in ms, or null when unknown (then file names decide); called only for
 *   the seeds of a group of equal ones
 */
export function duplicateSeedDiagnostics(
  sources: readonly Pick<SeedSource, 'fileName' | 'hash'>[],
  label: string,
  savedAt: (fileName: string) => number | null = () => null,
): Diagnostic[] {
  const groups = new Map<string, string[]>();
  for (const source of sources) {
    // An empty seed is no copy of another (its hash says so without reading a seed taken by its stamp).
    if (source.hash === EMPTY_HASH) continue;
    const group = groups.get(source.hash);
    if (group === undefined) groups.set(source.hash, [source.fileName]);
    else group.push(source.fileName);
  }
  const out: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const timed = group.map((fileName) => ({ fileName, time: savedAt(fileName) }));
    const known = timed.every((entry) => entry.time !== null);
    if (known) timed.sort((a, b) => (a.time as number) - (b.time as number) || compareCodePoints(a.fileName, b.fileName));
    const [first, ...copies] = timed as [(typeof timed)[number], ...typeof timed];
    const original = seedPath(label, first.fileName);
    for (const copy of copies) {
      const before = known && (copy.time as number) > (first.time as number);
      out.push({
        file: seedPath(label, copy.fileName),
        line: null,
        rule: 'seed/duplicate',
        severity: 'warning',
        message: before
          ? `Unexpected duplicate: this file has the same bytes as ${original}, which was saved before it; both are built, each as a page of its own (if the page was saved twice, delete this file)`
          : `Unexpected duplicate: this file and ${original} have the same bytes; both are built, each as a page of its own (if the page was saved twice, delete one of the two)`,
      });
    }
  }
  return out.sort((a, b) => compareCodePoints(a.file, b.file));
}

/** The modification time (ms) of seed `fileName` of folder `dir`, or null when it cannot be read (deleted since). */
export function seedSavedAt(dir: string, fileName: string): number | null {
  try {
    return statSync(path.join(dir, fileName)).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Load every seed of a folder.
 * @param dir seeds folder
 * @param label folder name used in diagnostics and SeedPage.file (default: the folder's base name)
 */
export async function loadSeeds(dir: string, label = path.basename(path.resolve(dir)), options: ReadSeedOptions = {}): Promise<LoadedSeeds> {
  const pages: SeedPage[] = [];
  const { sources, problems } = await readSeedSources(dir);
  const diagnostics: Diagnostic[] = [...problems.map((problem) => seedReadDiagnostic(problem, label)), ...duplicateSeedDiagnostics(sources, label, (name) => seedSavedAt(dir, name))];
  for (const source of sources) {
    const result = readSeedBytes(source.bytes, source.fileName, label, options);
    diagnostics.push(...result.diagnostics);
    if (result.page) pages.push(result.page);
  }
  return { pages, diagnostics };
}
