/**
 * The only code that touches the output folder.
 *
 * A write never leaves the output half-written: the new site is put together beside it in
 * `.{out}.staging/` (unchanged files hard-linked from the current output, so their bytes are not
 * rewritten; changed files written), then swapped in with two renames (`out` → `.{out}.previous`,
 * staging → `out`) and the previous folder deleted. A crash or Ctrl-C before the swap leaves the old
 * output untouched; a crash between the two renames is repaired by the next write (see recoverOutput).
 * When no file changed, nothing on disk is touched. {@link lockOutput} keeps two builds apart.
 */
import { chmod, copyFile, link, lstat, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import lockfile from 'proper-lockfile';
import { compareCodePoints } from './compare-code-points.js';
import { listFileTree } from './list-file-tree.js';
import { processAlive } from './stale-scratch.js';
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
export function outputSidecars(outDir: string): { staging: string; previous: string; lock: string } {
  const absolute = path.resolve(outDir);
  const parent = path.dirname(absolute);
  const base = path.basename(absolute);
  return {
    staging: path.join(parent, `.${base}.staging`),
    previous: path.join(parent, `.${base}.previous`),
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

/** The bytes of an output file. */
export function outputBytes(file: OutputFile): Uint8Array {
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
}



/**
 * Finish or undo a write that was cut short: when the output folder is missing but `.{out}.previous` exists,
 * the crash came between the two renames, so the complete staging folder (or else the previous output) is
 * moved into place. Then leftover staging and previous folders are deleted.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const { staging, previous } = outputSidecars(outDir);
  if (!(await exists(outDir)) && (await exists(previous))) {
    await rename((await exists(staging)) ? staging : previous, outDir);
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
 * Where a build's files go, file by file: the one output interface of the build. Implementations: the staged
 * swap ({@link openOutputWriter}: a new version beside the output folder, swapped in by `finish`), in place
 * ({@link openInPlaceWriter}, for `news-archive dev`) and in memory ({@link openMemoryOutput}).
 */
export interface OutputWriter {
  /**
   * Put one file into the new version: hard-linked from the current output when its bytes are the same, else
   * written. Resolves once the file is queued; at most CONCURRENCY file operations run at once, so the caller
   * may drop the content as soon as this resolves.
   * @throws TypeError when the same path is added twice; Error from the file system (also from `finish`)
   */
  add(file: OutputFile): Promise<void>;
  /**
   * Put the current output's file at `path` into the new version unchanged (hard-linked), without its content:
   * for a file whose inputs did not change since it was written. Checks only that the current file exists with
   * `size` bytes (a file edited by hand to the same size is kept; `--clean` rewrites every file).
   * @returns false, adding nothing, when the current file is missing, of another size, or the writer rewrites
   *   every file (clean): then the caller adds the file's content instead
   * @throws TypeError when the same path is added twice
   */
  keep(path: string, size: number): Promise<boolean>;
  /**
   * Wait for every file, then make the output folder hold exactly the files added: swap the new version in, or,
   * when no file changed and none is to be removed, leave the output folder untouched.
   * @returns what changed, and the size in bytes of every file added, by path (both sorted by code point)
   */
  finish(): Promise<WriteReport & { readonly sizes: ReadonlyArray<{ readonly path: string; readonly size: number }> }>;
  /** Give up: delete the staging folder; the output folder stays as it was. */
  abort(): Promise<void>;
}

/**
 * Start writing a new version of `outDir` (see {@link OutputWriter}); repairs a write cut short first.
 * @param clean when true, every file is rewritten, even unchanged ones
 * @throws Error from the file system
 */
export async function openOutputWriter(outDir: string, clean = false): Promise<OutputWriter> {
  await recoverOutput(outDir);
  const { staging, previous } = outputSidecars(outDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
  // No output folder yet (a first build): no current file to compare with, so no stat of each (about 0.1 ms each).
  const compare = !clean && (await exists(outDir));
  const written: string[] = [];
  const unchanged: string[] = [];
  const sizes = new Map<string, number>();
  const folders = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  const folder = (dir: string): Promise<unknown> => {
    let made = folders.get(dir);
    if (made === undefined) {
      made = mkdir(path.join(staging, ...dir.split('/')), { recursive: true });
      folders.set(dir, made);
    }
    return made;
  };
  const put = async (file: OutputFile, size: number): Promise<void> => {
    const dir = path.posix.dirname(file.path);
    if (dir !== '.') await folder(dir);
    const target = path.join(staging, ...file.path.split('/'));
    const source = path.join(outDir, ...file.path.split('/'));
    // The bytes are compared only when the current file has the same size (no encoding of new or resized files).
    const current = compare ? await stat(source).catch(() => null) : null;
    if (current !== null && current.isFile() && current.size === size && (await sameBytes(source, outputBytes(file)))) {
      await link(source, target).catch(() => copyFile(source, target));
      unchanged.push(file.path);
    } else {
      await writeFile(target, file.content);
      written.push(file.path);
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

  return {
    async add(file) {
      if (sizes.has(file.path)) throw new TypeError(`output file ${file.path} added twice`);
      const size = outputSize(file);
      sizes.set(file.path, size);
      await track(put(file, size));
    },
    async keep(file, size) {
      if (sizes.has(file)) throw new TypeError(`output file ${file} added twice`);
      if (!compare) return false;
      const source = path.join(outDir, ...file.split('/'));
      const current = await stat(source).catch(() => null);
      if (current === null || !current.isFile() || current.size !== size) return false;
      sizes.set(file, size);
      unchanged.push(file);
      await track(
        (async () => {
          const dir = path.posix.dirname(file);
          if (dir !== '.') await folder(dir);
          await link(source, path.join(staging, ...file.split('/'))).catch(() => copyFile(source, path.join(staging, ...file.split('/'))));
        })(),
      );
      return true;
    },
    async finish() {
      try {
        await settle();
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      const removed = listFileTree(outDir).filter((existing) => !sizes.has(existing) && existing !== OUTPUT_MARKER).sort(compareCodePoints);
      const report = {
        written: written.sort(compareCodePoints),
        unchanged: unchanged.sort(compareCodePoints),
        removed,
        sizes: [...sizes].map(([file, size]) => ({ path: file, size })).sort((a, b) => compareCodePoints(a.path, b.path)),
      };
      if (written.length === 0 && removed.length === 0 && (sizes.size > 0 || (await exists(outDir)))) {
        await rm(staging, { recursive: true, force: true });
        return report;
      }
      if (await exists(outDir)) {
        await rename(outDir, previous);
        await rename(staging, outDir);
        await removeTree(previous);
      } else {
        await rename(staging, outDir);
      }
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
 * everything else. `keep` keeps a file `previous` has.
 * @throws Error from the file system (disk full, permissions); files written before the error stay written
 */
export function openInPlaceWriter(outDir: string, previous: ReadonlyMap<string, OutputFile['content']>): OutputWriter {
  const written: string[] = [];
  const unchanged: string[] = [];
  const sizes = new Map<string, number>();
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
      if (sizes.has(file.path)) throw new TypeError(`output file ${file.path} added twice`);
      sizes.set(file.path, outputSize(file));
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
    async keep(file, size) {
      if (sizes.has(file)) throw new TypeError(`output file ${file} added twice`);
      const last = previous.get(file);
      if (last === undefined || outputSize({ path: file, content: last }) !== size) return false;
      sizes.set(file, size);
      unchanged.push(file);
      return true;
    },
    async finish() {
      await Promise.all(pending);
      if (failure !== null) throw failure;
      const removed = [...previous.keys()].filter((file) => !sizes.has(file)).sort(compareCodePoints);
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
      return {
        written: written.sort(compareCodePoints),
        unchanged: unchanged.sort(compareCodePoints),
        removed,
        sizes: [...sizes].map(([file, size]) => ({ path: file, size })).sort((x, y) => compareCodePoints(x.path, y.path)),
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
    keep: async () => false,
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
 */
export async function outputMatches(outDir: string, records: readonly { path: string; size: number }[]): Promise<boolean> {
  const present = listFileTree(outDir).filter((file) => file !== OUTPUT_MARKER);
  if (present.length !== records.length) return false;
  const listed = new Set(records.map((record) => record.path));
  if (!present.every((file) => listed.has(file))) return false;
  const sizes = await pMap(
    records,
    (record) => stat(path.join(outDir, ...record.path.split('/'))).then((found) => found.size === record.size, () => false),
    { concurrency: CONCURRENCY },
  );
  return sizes.every(Boolean);
}

/** The output folder holds files news-archive did not make: a build would delete them, so it is refused. */
export class OutputRefusedError extends Error {
  override readonly name = 'OutputRefusedError';
}

/**
 * Refuse an output folder that a build would empty of someone else's files: `outDir` may be missing, an empty
 * folder, or a folder that carries {@link OUTPUT_MARKER} (a build made it); `builtBefore` (the cache remembers a
 * build of this folder, by a version that wrote no marker) also lets it through.
 * @throws OutputRefusedError saying how to proceed; Error from the file system
 */
export async function checkOutputFolder(outDir: string, builtBefore: boolean): Promise<void> {
  let info;
  try {
    info = await stat(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const how = 'choose a new or empty folder with --out (or `outDir` in news-archive.config.json)';
  if (!info.isDirectory()) throw new OutputRefusedError(`${outDir}: the output folder is a file, not a folder; ${how}`);
  if (builtBefore) return;
  const entries = await readdir(outDir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
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
