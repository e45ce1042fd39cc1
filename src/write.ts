/**
 * The only code that touches the output folder.
 *
 * A write never leaves the output half-written. The files whose bytes change are put together beside it in
 * `.{out}.staging/`; the output is then updated in place under a journal (each changed file renamed over the
 * old one, the old bytes kept in `.{out}.previous/` until the last rename is done), so a rerun that changes a
 * few files touches only those. A crash or Ctrl-C before that leaves the old output untouched; a crash during
 * it is rolled back by the next write (see recoverOutput). A first build renames the staging folder into place;
 * a clean build, or an output that cannot be changed in place (read-only), is swapped in whole with two renames
 * (`out` → `.{out}.previous`, staging → `out`). When no file changed, nothing on disk is touched.
 * {@link lockOutput} keeps two builds apart.
 */
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import lockfile from 'proper-lockfile';
import { compareCodePoints } from './compare-code-points.js';
import { listFileTree, type FileSizes } from './list-file-tree.js';
import { isStaleScratch, processAlive } from './stale-scratch.js';
import { naming } from './failures.js';
import type { OutputFile } from './types.js';

/** File operations in flight at once: reading, linking and writing one file at a time leaves the disk idle. */
const CONCURRENCY = 32;

/**
 * The file every output folder a build wrote carries (`dist/.news-archive`): a build writes into, and so may empty,
 * only a folder that is new, empty, or carries it (see {@link checkOutputFolder}). Not an output file of the site:
 * never listed in a write's report, never removed.
 */
export const OUTPUT_MARKER = '.news-archive';

const MARKER_TEXT = 'This folder is the output of news-archive: every build replaces all of its files.\n';

/** What a write changed, as output paths sorted by code point. */
export interface WriteReport {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

/** The sibling folders and lock of an output folder. */
export function outputSidecars(outDir: string): { staging: string; previous: string; journal: string; lock: string } {
  const absolute = path.resolve(outDir);
  const parent = path.dirname(absolute);
  const base = path.basename(absolute);
  return {
    staging: path.join(parent, `.${base}.staging`),
    previous: path.join(parent, `.${base}.previous`),
    journal: path.join(parent, `.${base}.journal`),
    lock: path.join(parent, `.${base}.lock`),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}


async function sameBytes(file: string, content: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(file);
    return existing.length === content.length && existing.equals(content);
  } catch {
    return false;
  }
}

/** Size of an output file in bytes (UTF-8 for text), without encoding it. */
export function outputSize(file: OutputFile): number {
  return typeof file.content === 'string' ? Buffer.byteLength(file.content, 'utf8') : file.content.length;
}

/** The chunks of a file made chunk by chunk (OutputWriter.addChunks) as one buffer: each chunk copied as it comes. */
export function joinChunks(chunks: Iterable<Uint8Array>): Buffer {
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return Buffer.concat(copies);
}

/** The bytes of an output file. */
export function outputBytes(file: OutputFile): Uint8Array {
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
}



/**
 * Finish or undo a write that was cut short. An update in place whose journal is still there is rolled back:
 * the output gets its old files back (see {@link openOutputWriter}). When the output folder is missing but
 * `.{out}.previous` exists, the crash came between the two renames of a swap, so the complete staging folder (or
 * else the previous output) is moved into place. Then leftover staging and previous folders are deleted.
 * @throws Error from the file system, or when the journal is not one this version wrote
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const { staging, previous, journal } = outputSidecars(outDir);
  const cut = readJournal(journal);
  if (cut !== null) {
    rollBack(outDir, previous, cut);
    rmSync(journal, { force: true });
  } else if (!(await exists(outDir)) && (await exists(previous))) {
    await rename((await exists(staging)) ? staging : previous, outDir);
  }
  // A journal being written when the build was killed (`.{out}.journal.{pid}.tmp`): nothing had changed yet.
  const parent = path.dirname(journal);
  const base = path.basename(journal);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (name.startsWith(`${base}.`) && isStaleScratch(name)) await rm(path.join(parent, name), { force: true });
  }
  await removeTree(staging);
  await removeTree(previous);
}

/**
 * Delete a folder and everything in it, also when its folders were made read-only (`chmod -R a-w dist`): they
 * are made writable first. The output is ours to replace, and a read-only copy of it must not make every later
 * build fail.
 * @throws Error from the file system when even that fails (a read-only mount)
 */
export async function removeTree(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
  }
  const unlock = async (folder: string): Promise<void> => {
    await chmod(folder, 0o755).catch(() => undefined);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) await unlock(path.join(folder, entry.name));
  };
  await unlock(dir);
  await rm(dir, { recursive: true, force: true });
}

/**
 * Where a build's files go, file by file: the one output interface of the build. Implementations: staged
 * ({@link openOutputWriter}: changed files staged beside the output folder, committed by `finish` in place under
 * a journal or swapped in whole), in place ({@link openInPlaceWriter}, for `news-archive dev`) and in memory
 * ({@link openMemoryOutput}).
 */
export interface OutputWriter {
  /**
   * Put one file into the new version: left as it is when the current output's file has the same bytes, else
   * written (staged beside the output until `finish`, or in place for `dev`). Resolves once the file is queued; at most CONCURRENCY file operations run at once, so the caller
   * may drop the content as soon as this resolves.
   * @throws TypeError when the same path is added twice; Error from the file system (also from `finish`)
   */
  add(file: OutputFile): Promise<void>;
  /**
   * {@link add} for a file made chunk by chunk (articles.json: about 200 MB at 40,000 articles), never held whole:
   * `chunks` is iterated at once, to its end, and each chunk is used before the next is asked for (the maker may
   * fill one buffer again for each).
   * @throws TypeError when the same path is added twice; Error from the file system or from `chunks`
   */
  addChunks(path: string, chunks: Iterable<Uint8Array>): Promise<void>;
  /**
   * Put the current output's file at `path` into the new version unchanged, without its content:
   * for a file whose inputs did not change since it was written. Checks only that the current file exists with
   * `size` bytes (a file edited by hand to the same size is kept; `--clean` rewrites every file).
   * @returns false, adding nothing, when the current file is missing, of another size, or the writer rewrites
   *   every file (clean): then the caller adds the file's content instead
   * @throws TypeError when the same path is added twice
   */
  keep(path: string, size: number): Promise<boolean>;
  /**
   * {@link keep} for each of `files` in turn, in one call (a rerun keeps most of a site's files: 138,000 at 40,000
   * articles, each a promise and an await when kept one by one).
   * @returns whether each file was kept, in the order of `files`
   * @throws TypeError when the same path is added twice
   */
  keepAll(files: ReadonlyArray<{ readonly path: string; readonly size: number }>): Promise<boolean[]>;
  /**
   * Wait for every file, then make the output folder hold exactly the files added (the staged implementation
   * updates it in place under a journal, or swaps a whole new version in: see {@link openOutputWriter}), or, when
   * no file changed and none is to be removed, leave the output folder untouched.
   * @returns what changed, and the size in bytes of every file added, by path (both sorted by code point)
   */
  finish(): Promise<WriteReport & { readonly sizes: ReadonlyArray<{ readonly path: string; readonly size: number }> }>;
  /** Give up: delete the staging folder; the output folder stays as it was (in place: the files written stay). */
  abort(): Promise<void>;
}

/**
 * What an update in place is about to change (`.{out}.journal`, JSON), written before the first change to the
 * output folder and deleted once the last is made: the files written, each with whether a file stood at its path
 * (its old bytes are then hard-linked into `.{out}.previous/` first), and the files removed (moved there too).
 * A journal found by the next write means the update was cut short: {@link recoverOutput} puts the old files back.
 */
interface OutputJournal {
  readonly format: typeof JOURNAL_FORMAT;
  readonly written: ReadonlyArray<readonly [path: string, existed: boolean]>;
  readonly removed: readonly string[];
}

const JOURNAL_FORMAT = 'news-archive-output-journal-1';

/** `relative` (forward slashes) under `root`. */
const under = (root: string, relative: string): string => path.join(root, ...relative.split('/'));

/** lstat, or null when nothing (or no folder on the way) is there. */
function entryAt(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function sameBytesSync(file: string, content: Uint8Array): boolean {
  try {
    return readFileSync(file).equals(content);
  } catch {
    return false;
  }
}

function sameEntry(a: string, b: string): boolean {
  const x = entryAt(a);
  const y = entryAt(b);
  return x !== null && y !== null && x.ino === y.ino && x.dev === y.dev;
}

/** Remove the folders of `files` under `root` that are left empty, deepest first; a folder that still holds something stays. */
function removeEmptyFolders(root: string, files: readonly string[]): void {
  const folders = [...new Set(files.map((file) => path.posix.dirname(file)))].filter((dir) => dir !== '.');
  for (const folder of folders.sort(compareCodePoints).reverse()) {
    const parts = folder.split('/');
    for (let depth = parts.length; depth > 0; depth--) {
      try {
        rmdirSync(path.join(root, ...parts.slice(0, depth)));
      } catch {
        break;
      }
    }
  }
}

/**
 * Undo an update in place that was cut short (see {@link OutputJournal}): every file it wrote goes back to its old
 * bytes (from `.{out}.previous/`) or, when it was new, is deleted; every file it removed comes back. Safe to run
 * again when cut short itself.
 */
function rollBack(outDir: string, previous: string, journal: OutputJournal): void {
  for (const [file, existed] of journal.written) {
    const target = under(outDir, file);
    const backup = under(previous, file);
    if (!existed) rmSync(target, { force: true, recursive: true });
    // The backup is the old file itself (a hard link): where both are the same, the new one never came.
    else if (entryAt(backup) !== null && !sameEntry(target, backup)) renameSync(backup, target);
  }
  for (const file of journal.removed) {
    const target = under(outDir, file);
    const backup = under(previous, file);
    if (entryAt(backup) !== null && entryAt(target) === null) {
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(backup, target);
    }
  }
  removeEmptyFolders(outDir, journal.written.filter(([, existed]) => !existed).map(([file]) => file));
}

/** The journal of `outDir`'s last update in place when it was cut short, else null. */
function readJournal(file: string): OutputJournal | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const journal = JSON.parse(text) as OutputJournal;
  if (journal.format !== JOURNAL_FORMAT) throw new Error(`${file}: not an output journal of this version; move it away and build again`);
  return journal;
}

/** Whether this process may create and delete entries in each folder (by `access`; root may everywhere). */
function writableFolders(folders: Iterable<string>): boolean {
  for (const folder of folders) {
    try {
      accessSync(folder, fsConstants.W_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return false;
    }
  }
  return true;
}

/**
 * Start writing a new version of `outDir` (see {@link OutputWriter}); repairs a write cut short first.
 *
 * A file whose bytes equal the current output's is left where it is; a changed or new file is written into
 * `.{out}.staging/` (so a failed build leaves the output as it was). `finish` then updates the output in place:
 * it records what it will change in a journal, hard-links the old files it replaces or removes into
 * `.{out}.previous/`, renames each new file over its path (new files first, so a page is there before the pages
 * that link to it; a reader sees the old file or the new one, never part of one), removes the files not added
 * and deletes the journal. A crash before the journal is deleted is rolled back by the next write. When the
 * output folder is new, the staging folder is renamed into place; with `clean`, or when the output cannot be
 * changed in place (a read-only copy: `chmod -R a-w dist`), the unchanged files are hard-linked into the staging
 * folder and it is swapped in with two renames.
 * @param clean when true, every file is rewritten, even unchanged ones
 * @param listing the output's files and sizes, listed as the build began (list-file-tree.ts listFileSizes, started
 *   early to run on another core): `keep` and `finish` take them from it instead of an lstat of each file and a
 *   walk of the folder (a file changed by hand after the listing is found by the next build). Default: looked at
 *   when needed.
 * @throws Error from the file system
 */
export async function openOutputWriter(outDir: string, clean = false, listing?: Promise<FileSizes>): Promise<OutputWriter> {
  await recoverOutput(outDir);
  const { staging, previous, journal } = outputSidecars(outDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
  // No output folder yet (a first build): no current file to compare with, so no stat of each.
  const compare = !clean && (await exists(outDir));
  const slash = path.sep === '/';
  const root = `${path.resolve(outDir)}/`;
  const written: string[] = [];
  /** Written paths at which the output has an entry now. */
  const replaced = new Set<string>();
  const unchanged: string[] = [];
  const sizes = new Map<string, number>();
  let listed: FileSizes | null = null;
  const folders = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  // Staged files are written synchronously: a small file through the promise API (open, write and close, each a
  // trip through the thread pool and a FileHandle) took ~3 times the CPU of writeFileSync and twice its wall time,
  // on tmpfs and on ext4 alike (10,000 files of 5 KB: 475–650 ms and 0.7–1.0 CPU s against 150–260 ms), the main
  // thread's share of it most of a cold build's 1.25 s of writing at 4,000 articles.
  const folder = (dir: string): void => {
    if (folders.has(dir)) return;
    mkdirSync(under(staging, dir), { recursive: true });
    folders.add(dir);
  };
  const stage = async (file: OutputFile): Promise<void> => {
    const dir = path.posix.dirname(file.path);
    const target = under(staging, file.path);
    try {
      if (dir !== '.') folder(dir);
      writeFileSync(target, file.content);
    } catch (error) {
      throw naming(error, target);
    }
  };
  const settle = async (): Promise<void> => {
    await Promise.all(inFlight);
    if (failure !== null) throw failure;
  };
  const track = async (task: Promise<void>): Promise<void> => {
    const tracked: Promise<void> = task.then(
      () => void inFlight.delete(tracked),
      (error: unknown) => {
        inFlight.delete(tracked);
        failure ??= error;
      },
    );
    inFlight.add(tracked);
    while (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    if (failure !== null) throw failure;
  };

  /** Swap the staging folder in for the output (two renames), after hard-linking the unchanged files into it. */
  const swap = async (): Promise<void> => {
    for (const file of unchanged) {
      const source = under(outDir, file);
      const target = under(staging, file);
      mkdirSync(path.dirname(target), { recursive: true });
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
    await rename(outDir, previous);
    await rename(staging, outDir);
    await removeTree(previous);
  };

  /** Update the output in place (see the function comment); on a failure, roll back and throw. */
  const updateInPlace = (removed: readonly string[]): void => {
    // New files first, then replaced ones, each group in path order.
    const order = [...written.filter((file) => !replaced.has(file)), ...written.filter((file) => replaced.has(file))];
    const entry: OutputJournal = { format: JOURNAL_FORMAT, written: order.map((file) => [file, replaced.has(file)]), removed };
    const temporary = `${journal}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, journal);
    try {
      for (const file of [...order.filter((f) => replaced.has(f)), ...removed]) {
        const backup = under(previous, file);
        mkdirSync(path.dirname(backup), { recursive: true });
        linkSync(under(outDir, file), backup);
      }
      for (const file of order) {
        const target = under(outDir, file);
        mkdirSync(path.dirname(target), { recursive: true });
        renameSync(under(staging, file), target);
      }
      for (const file of removed) rmSync(under(outDir, file), { force: true });
      removeEmptyFolders(outDir, removed);
      if (entryAt(path.join(outDir, OUTPUT_MARKER)) === null) renameSync(path.join(staging, OUTPUT_MARKER), path.join(outDir, OUTPUT_MARKER));
    } catch (error) {
      rollBack(outDir, previous, entry);
      rmSync(journal, { force: true });
      throw error;
    }
    rmSync(journal, { force: true });
  };

  /** The staged writer's keepAll (see OutputWriter.keepAll). */
  const keepAll = async (files: ReadonlyArray<{ readonly path: string; readonly size: number }>): Promise<boolean[]> => {
    if (listing !== undefined && compare) listed ??= await listing;
    return files.map(({ path: file, size }) => {
      if (sizes.has(file)) throw new TypeError(`output file ${file} added twice`);
      if (!compare) return false;
      if (listed !== null) {
        if (listed.get(file) !== size) return false;
      } else {
        // A rerun keeps most of the site's files (138,000 at 40,000 articles): the path is joined by concatenation
        // where the separator is `/` (the build's paths are relative and normalised), and a missing file is no exception.
        const current = lstatSync(slash ? `${root}${file}` : under(outDir, file), { throwIfNoEntry: false });
        if (current === undefined || !current.isFile() || current.size !== size) return false;
      }
      sizes.set(file, size);
      unchanged.push(file);
      return true;
    });
  };

  return {
    async add(file) {
      if (sizes.has(file.path)) throw new TypeError(`output file ${file.path} added twice`);
      // Encoded once, for its size, the comparison and the write (Buffer.byteLength of every page was a second pass
      // over its text: ~0.24 s of a cold build at 4,000 articles).
      const bytes = outputBytes(file);
      const size = bytes.length;
      sizes.set(file.path, size);
      if (failure !== null) throw failure;
      if (compare) {
        // The bytes are compared only when the current file has the same size.
        // Synchronous calls: the output was written by the last build, so its metadata and bytes are in memory,
        // and one call costs a few microseconds against tens for a promise through the thread pool.
        const source = under(outDir, file.path);
        const current = entryAt(source);
        if (current !== null && current.isFile() && current.size === size && sameBytesSync(source, bytes)) {
          unchanged.push(file.path);
          return;
        }
        if (current !== null) replaced.add(file.path);
      }
      written.push(file.path);
      await track(stage({ path: file.path, content: bytes }));
    },
    async addChunks(file, chunks) {
      if (sizes.has(file)) throw new TypeError(`output file ${file} added twice`);
      if (failure !== null) throw failure;
      sizes.set(file, 0);
      // Written synchronously into the staging folder as the chunks come, and compared meanwhile with the current
      // file, read as far as it is the same (into one buffer of the chunk's size): a few chunks of memory, not the file.
      const dir = path.posix.dirname(file);
      if (dir !== '.') await folder(dir);
      const target = under(staging, file);
      const source = under(outDir, file);
      const current = compare ? entryAt(source) : null;
      let reading = current !== null && current.isFile() ? openSync(source, 'r') : null;
      let same = reading !== null;
      let size = 0;
      let scratch = Buffer.alloc(0);
      let fd: number | null = null;
      try {
        fd = openSync(target, 'w');
        for (const chunk of chunks) {
          if (same && reading !== null) {
            if (scratch.length < chunk.length) scratch = Buffer.allocUnsafe(chunk.length);
            same = readSync(reading, scratch, 0, chunk.length, size) === chunk.length && scratch.subarray(0, chunk.length).equals(chunk);
          }
          for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
          size += chunk.length;
        }
        same &&= current !== null && current.size === size;
      } catch (error) {
        throw naming(error, target);
      } finally {
        if (fd !== null) closeSync(fd);
        if (reading !== null) closeSync(reading);
        reading = null;
      }
      sizes.set(file, size);
      if (same) {
        unlinkSync(target);
        unchanged.push(file);
        return;
      }
      if (current !== null) replaced.add(file);
      written.push(file);
    },
    async keep(file, size) {
      return (await keepAll([{ path: file, size }]))[0] === true;
    },
    keepAll,
    async finish() {
      try {
        await settle();
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      const there = await exists(outDir);
      // listFileTree gives the paths sorted by code point already; the listing's paths, in the order `find` gave
      // them, are filtered first and only the few removed sorted (not the 138,000 paths of a 40,000-article site).
      const present = listing === undefined ? listFileTree(outDir) : [...(listed ??= await listing).keys()];
      // A file listed as the build began and deleted by hand since is not there to remove. A name that is not
      // UTF-8 (decoded with U+FFFD) cannot be named back to the file system: it stays among the removed, so the
      // update in place fails, is rolled back, and the whole new output is swapped in without it (as after a walk).
      const stillThere = (file: string): boolean => listing === undefined || file.includes('\uFFFD') || entryAt(under(outDir, file)) !== null;
      const removed = present.filter((existing) => !sizes.has(existing) && existing !== OUTPUT_MARKER && stillThere(existing));
      if (listing !== undefined) removed.sort(compareCodePoints);
      const report = {
        written: written.sort(compareCodePoints),
        unchanged: unchanged.sort(compareCodePoints),
        removed,
        sizes: [...sizes].map(([file, size]) => ({ path: file, size })).sort((a, b) => compareCodePoints(a.path, b.path)),
      };
      if (!there) {
        if (unchanged.length > 0) {
          await rm(staging, { recursive: true, force: true });
          throw new Error(`${outDir}: the output folder was removed while the build ran; build again`);
        }
        await rename(staging, outDir);
        return report;
      }
      if (written.length === 0 && removed.length === 0) {
        await rm(staging, { recursive: true, force: true });
        return report;
      }
      // The folders an update in place changes: those of the files written (or their nearest existing parent) and removed.
      const touched = new Set<string>([outDir]);
      for (const file of [...written, ...removed]) {
        let dir = path.posix.dirname(file);
        while (dir !== '.' && entryAt(under(outDir, dir)) === null) dir = path.posix.dirname(dir);
        touched.add(dir === '.' ? outDir : under(outDir, dir));
      }
      if (compare && writableFolders(touched)) {
        try {
          updateInPlace(removed);
        } catch (error) {
          // Not rolled back (the journal is left for the next write to finish): give up.
          if (await exists(journal)) throw error;
          // Rolled back: the output is as it was; the swap below replaces it whole (e.g. a file where a folder was).
          await removeTree(previous);
          await swap();
          return report;
        }
        await removeTree(previous);
        await removeTree(staging);
        return report;
      }
      await swap();
      return report;
    },
    async abort() {
      await Promise.allSettled(inFlight);
      await rm(staging, { recursive: true, force: true });
    },
  };
}

/**
 * Make `outDir` hold exactly `files`, all at once (see the module comment and {@link openOutputWriter}).
 * @param files output files (paths relative to outDir, forward slashes)
 * @param clean when true, every file is rewritten, even unchanged ones
 * @throws Error from the file system (disk full, permissions); the output folder is then left as it was
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], clean = false): Promise<WriteReport> {
  const writer = await openOutputWriter(outDir, clean);
  try {
    for (const file of files) await writer.add(file);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const { written, unchanged, removed } = await writer.finish();
  return { written, unchanged, removed };
}

function sameContent(a: OutputFile['content'], b: OutputFile['content']): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/**
 * An {@link OutputWriter} that updates `outDir` in place from `previous` (its files as this process last wrote
 * them, by path): each file added whose content differs is written at once, through a temporary file and a
 * rename (a reader never sees half a file); `finish` deletes the files not added, with folders left empty. For
 * `news-archive dev`, the only writer of the folder while it runs; {@link openOutputWriter} is the safe way for
 * everything else. `keep` keeps a file `previous` has. With `only`, `finish` deletes only those of them (paths of
 * `previous`) not added, and every other file not added stays as it is ({@link writeDelta}).
 * @throws Error from the file system (disk full, permissions); files written before the error stay written
 */
export function openInPlaceWriter(outDir: string, previous: ReadonlyMap<string, OutputFile['content']>, only?: readonly string[]): OutputWriter {
  const written: string[] = [];
  const unchanged: string[] = [];
  // Each file added with its content, or its size when kept: sizes are measured only when asked for (finish), as
  // a session's rebuild adds every file of the site (1.4 GB of text at 40,000 articles) and needs none of them.
  const added = new Map<string, OutputFile['content'] | number>();
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  const write = async (file: OutputFile): Promise<void> => {
    const target = path.join(outDir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, outputBytes(file));
    await rename(temporary, target);
  };
  return {
    async add(file) {
      if (added.has(file.path)) throw new TypeError(`output file ${file.path} added twice`);
      added.set(file.path, file.content);
      const last = previous.get(file.path);
      if (last !== undefined && sameContent(last, file.content)) {
        unchanged.push(file.path);
        return;
      }
      written.push(file.path);
      const task: Promise<void> = write(file).then(
        () => void pending.delete(task),
        (error: unknown) => {
          pending.delete(task);
          failure ??= error;
        },
      );
      pending.add(task);
      while (pending.size >= CONCURRENCY) await Promise.race(pending);
      if (failure !== null) throw failure;
    },
    addChunks(file, chunks) {
      return this.add({ path: file, content: joinChunks(chunks) });
    },
    async keep(file, size) {
      return (await this.keepAll([{ path: file, size }]))[0] === true;
    },
    async keepAll(files) {
      return files.map(({ path: file, size }) => {
        if (added.has(file)) throw new TypeError(`output file ${file} added twice`);
        const last = previous.get(file);
        if (last === undefined || outputSize({ path: file, content: last }) !== size) return false;
        added.set(file, size);
        unchanged.push(file);
        return true;
      });
    },
    async finish() {
      await Promise.all(pending);
      if (failure !== null) throw failure;
      const removed = (only ?? [...previous.keys()]).filter((file) => previous.has(file) && !added.has(file)).sort(compareCodePoints);
      await pMap(removed, (file) => rm(path.join(outDir, ...file.split('/')), { force: true }), { concurrency: CONCURRENCY });
      const folders = [...new Set(removed.map((file) => path.posix.dirname(file)))].filter((dir) => dir !== '.');
      for (const folder of folders.sort(compareCodePoints).reverse()) {
        // Deepest first; rmdir fails (and is ignored) on a folder that still holds files.
        const parts = folder.split('/');
        for (let depth = parts.length; depth > 0; depth--) {
          const ok = await rmdir(path.join(outDir, ...parts.slice(0, depth))).then(() => true, () => false);
          if (!ok) break;
        }
      }
      let sizes: ReadonlyArray<{ readonly path: string; readonly size: number }> | null = null;
      return {
        written: written.sort(compareCodePoints),
        unchanged: unchanged.sort(compareCodePoints),
        removed,
        get sizes() {
          sizes ??= [...added]
            .map(([file, content]) => ({ path: file, size: typeof content === 'number' ? content : outputSize({ path: file, content }) }))
            .sort((x, y) => compareCodePoints(x.path, y.path));
          return sizes;
        },
      };
    },
    async abort() {
      await Promise.allSettled(pending);
    },
  };
}

/**
 * Update `outDir` in place from `previous` to `files` with {@link openInPlaceWriter}.
 * @throws Error from the file system (disk full, permissions); files written before the error stay written
 */
export async function writeChanges(outDir: string, previous: ReadonlyMap<string, OutputFile['content']>, files: readonly OutputFile[]): Promise<WriteReport> {
  const writer = openInPlaceWriter(outDir, previous);
  for (const file of files) await writer.add(file);
  const { written, unchanged, removed } = await writer.finish();
  return { written, unchanged, removed };
}

/**
 * Update `outDir` in place from `previous` by a few files: each of `files` is written unless its content is the
 * previous one, each of `removed` (paths of `previous`) is deleted, and every other file of `previous` is left as
 * it is, not looked at (a `dev` session's rebuild that planned only what an edit can have changed). The report's
 * `unchanged` lists the files of `files` that came out the same.
 * @throws Error from the file system (disk full, permissions); files written before the error stay written
 */
export async function writeDelta(
  outDir: string,
  previous: ReadonlyMap<string, OutputFile['content']>,
  files: readonly OutputFile[],
  removed: readonly string[],
): Promise<WriteReport> {
  const writer = openInPlaceWriter(outDir, previous, removed);
  for (const file of files) await writer.add(file);
  const report = await writer.finish();
  return { written: report.written, unchanged: report.unchanged, removed: report.removed };
}

/** An {@link OutputWriter} that keeps the files in memory: a whole site as `{path, content}`, written nowhere. */
export interface MemoryOutput extends OutputWriter {
  /** The files added so far, in the order added. */
  readonly files: readonly OutputFile[];
}

/** A new {@link MemoryOutput}; `keep` always returns false (there is no earlier output to keep a file of). */
export function openMemoryOutput(): MemoryOutput {
  const files: OutputFile[] = [];
  const paths = new Set<string>();
  return {
    files,
    async add(file) {
      if (paths.has(file.path)) throw new TypeError(`output file ${file.path} added twice`);
      paths.add(file.path);
      files.push(file);
    },
    addChunks(file, chunks) {
      return this.add({ path: file, content: joinChunks(chunks) });
    },
    keep: async () => false,
    keepAll: async (kept) => kept.map(() => false),
    async finish() {
      const sorted = files.map((file) => file.path).sort(compareCodePoints);
      return { written: sorted, unchanged: [], removed: [], sizes: files.map((file) => ({ path: file.path, size: outputSize(file) })).sort((x, y) => compareCodePoints(x.path, y.path)) };
    },
    async abort() {
      files.length = 0;
      paths.clear();
    },
  };
}

/**
 * True when `outDir` holds exactly the files listed (same paths and sizes), as after the write that recorded them.
 * Reads sizes only; used to skip a build whose inputs did not change.
 * @param listing the output's files and sizes (list-file-tree.ts listFileSizes) to take instead of a walk and a stat of each
 */
export async function outputMatches(outDir: string, records: readonly { path: string; size: number }[], listing?: Promise<FileSizes>): Promise<boolean> {
  if (listing !== undefined) {
    const listed = await listing;
    if (listed.size !== records.length + (listed.has(OUTPUT_MARKER) ? 1 : 0)) return false;
    return records.every((record) => listed.get(record.path) === record.size);
  }
  const present = listFileTree(outDir).filter((file) => file !== OUTPUT_MARKER);
  if (present.length !== records.length) return false;
  const listed = new Set(records.map((record) => record.path));
  if (!present.every((file) => listed.has(file))) return false;
  // Synchronous stats, stopping at the first difference: the output was written by the last build, so its metadata
  // is in memory, and a call costs a few microseconds against tens for a promise through the thread pool (an
  // up-to-date rerun at 40,000 articles stats 138,000 files). Joined by concatenation where the separator is `/`.
  const root = `${path.resolve(outDir)}/`;
  for (const record of records) {
    let found;
    try {
      found = statSync(path.sep === '/' ? `${root}${record.path}` : under(outDir, record.path), { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (found === undefined || found.size !== record.size) return false;
  }
  return true;
}

/** The output folder holds files news-archive did not make: a build would delete them, so it is refused. */
export class OutputRefusedError extends Error {
  override readonly name = 'OutputRefusedError';
}

/**
 * Refuse an output folder that a build would empty of someone else's files: `outDir` may be missing, an empty
 * folder, or a folder that carries {@link OUTPUT_MARKER} (a build made it); `builtBefore` (the cache remembers a
 * build of this folder, by a version that wrote no marker) also lets it through. It is asked only for a folder
 * without the marker, so the usual rerun does not read the build state here (a few MB of JSON at 40,000 articles).
 * @throws OutputRefusedError saying how to proceed; Error from the file system
 */
export async function checkOutputFolder(outDir: string, builtBefore: () => Promise<boolean>): Promise<void> {
  let info;
  try {
    info = await stat(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const how = 'choose a new or empty folder with --out (or `outDir` in news-archive.config.json)';
  if (!info.isDirectory()) throw new OutputRefusedError(`${outDir}: the output folder is a file, not a folder; ${how}`);
  const entries = await readdir(outDir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER) || (await builtBefore())) return;
  throw new OutputRefusedError(
    `${outDir}: the output folder holds files that news-archive did not make (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, ` +
      `no ${OUTPUT_MARKER} file), and a build replaces everything in it; ${how}, or move those files away`,
  );
}

/** Another build holds the output folder's lock. */
export class OutputLockedError extends Error {
  override readonly name = 'OutputLockedError';
}

/** The holder of an output lock as recorded beside it (`.{out}.lock.owner`: `pid host`), or null. */
async function lockOwner(file: string): Promise<{ pid: number; host: string } | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  const match = text === null ? null : /^(\d+) (.*)\n?$/.exec(text);
  return match === null ? null : { pid: Number(match[1]), host: match[2] as string };
}

/**
 * Lock the output folder (and the cache state of it) against other builds, with proper-lockfile: a
 * `.{out}.lock` folder beside it, refreshed while held, with the holder's pid and host in `.{out}.lock.owner`.
 * A lock whose holder is gone (killed, the machine restarted) is taken over at once when the holder ran on
 * this machine, else once it has not been refreshed for 30 s.
 * @returns a function that releases the lock
 * @throws OutputLockedError naming the lock when another build holds it
 */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const { lock } = outputSidecars(outDir);
  const ownerFile = `${lock}.owner`;
  await mkdir(path.dirname(lock), { recursive: true });
  const take = (): Promise<() => Promise<void>> =>
    lockfile.lock(path.resolve(outDir), {
      realpath: false,
      lockfilePath: lock,
      stale: 30_000,
      update: 5_000,
      retries: 0,
      onCompromised: () => undefined,
    });
  let release: () => Promise<void>;
  try {
    try {
      release = await take();
    } catch (error) {
      const owner = (error as NodeJS.ErrnoException).code === 'ELOCKED' ? await lockOwner(ownerFile) : null;
      if (owner === null || owner.host !== os.hostname() || owner.pid === process.pid || processAlive(owner.pid)) throw error;
      // The build that held it was killed: its lock is stale now, not in 30 s.
      await rm(lock, { recursive: true, force: true });
      release = await take();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      const owner = await lockOwner(ownerFile);
      throw new OutputLockedError(
        `${outDir}: another build is writing this folder (lock ${path.relative(process.cwd(), lock) || lock}` +
          `${owner === null ? '' : `, process ${owner.pid}${owner.host === os.hostname() ? '' : ` on ${owner.host}`}`}); ` +
          'wait for it to finish, or stop the other `news-archive build` or `news-archive dev`',
        { cause: error },
      );
    }
    throw error;
  }
  await writeFile(ownerFile, `${process.pid} ${os.hostname()}\n`);
  return async () => {
    await rm(ownerFile, { force: true });
    await release();
  };
}
