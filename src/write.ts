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
import { createHash } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import lockfile from 'proper-lockfile';
import { compareCodePoints } from './compare-code-points.js';
import { listFileTree } from './list-file-tree.js';
import type { OutputFile } from './types.js';

/** File operations in flight at once: reading, linking and writing one file at a time leaves the disk idle. */
const CONCURRENCY = 32;

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

/** The bytes of an output file. */
export function outputBytes(file: OutputFile): Uint8Array {
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
}

/** SHA-256 of an output file's bytes, lowercase hex. */
export function outputHash(file: OutputFile): string {
  return createHash('sha256').update(outputBytes(file)).digest('hex');
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
  await rm(staging, { recursive: true, force: true });
  await rm(previous, { recursive: true, force: true });
}

/**
 * Make `outDir` hold exactly `files`, all at once (see the module comment).
 * @param files output files (paths relative to outDir, forward slashes)
 * @param clean when true, every file is rewritten, even unchanged ones
 * @throws Error from the file system (disk full, permissions); the output folder is then left as it was
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], clean = false): Promise<WriteReport> {
  await recoverOutput(outDir);
  const written: string[] = [];
  const unchanged: string[] = [];
  const wanted = new Set(files.map((file) => file.path));
  const removed = (listFileTree(outDir)).filter((existing) => !wanted.has(existing)).sort(compareCodePoints);
  const same = clean
    ? files.map(() => false)
    : await pMap(files, (file) => sameBytes(path.join(outDir, ...file.path.split('/')), outputBytes(file)), { concurrency: CONCURRENCY });
  files.forEach((file, i) => (same[i] ? unchanged : written).push(file.path));
  const report = { written: written.sort(compareCodePoints), unchanged: unchanged.sort(compareCodePoints), removed };
  if (written.length === 0 && removed.length === 0 && (files.length > 0 || (await exists(outDir)))) return report;

  const { staging, previous } = outputSidecars(outDir);
  await mkdir(staging, { recursive: true });
  const folders = [...new Set(files.map((file) => path.posix.dirname(file.path)))].filter((dir) => dir !== '.').sort(compareCodePoints);
  for (const folder of folders) await mkdir(path.join(staging, ...folder.split('/')), { recursive: true });
  const keep = new Set(unchanged);
  await pMap(
    files,
    async (file) => {
      const target = path.join(staging, ...file.path.split('/'));
      if (keep.has(file.path)) {
        const source = path.join(outDir, ...file.path.split('/'));
        await link(source, target).catch(() => copyFile(source, target));
      } else {
        await writeFile(target, outputBytes(file));
      }
    },
    { concurrency: CONCURRENCY },
  );
  if (await exists(outDir)) {
    await rename(outDir, previous);
    await rename(staging, outDir);
    await rm(previous, { recursive: true, force: true });
  } else {
    await rename(staging, outDir);
  }
  return report;
}

/**
 * True when `outDir` holds exactly the files listed (same paths and sizes), as after the write that recorded them.
 * Reads sizes only; used to skip a build whose inputs did not change.
 */
export async function outputMatches(outDir: string, records: readonly { path: string; size: number }[]): Promise<boolean> {
  const present = listFileTree(outDir);
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

/** Another build holds the output folder's lock. */
export class OutputLockedError extends Error {
  override readonly name = 'OutputLockedError';
}

/**
 * Lock the output folder (and the cache state of it) against other builds, with proper-lockfile: a
 * `.{out}.lock` folder beside it, refreshed while held and taken over when stale (its holder crashed
 * more than 30 s ago).
 * @returns a function that releases the lock
 * @throws OutputLockedError naming the lock when another build holds it
 */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const { lock } = outputSidecars(outDir);
  await mkdir(path.dirname(lock), { recursive: true });
  try {
    return await lockfile.lock(path.resolve(outDir), {
      realpath: false,
      lockfilePath: lock,
      stale: 30_000,
      update: 5_000,
      retries: 0,
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new OutputLockedError(
        `${outDir}: another build is writing this folder (lock ${path.relative(process.cwd(), lock) || lock}); ` +
          'wait for it to finish, or stop the other `news-archive build` or `news-archive dev`',
        { cause: error },
      );
    }
    throw error;
  }
}
