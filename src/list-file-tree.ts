/**
 * Every file below a folder, as forward-slash paths relative to it, and with their sizes. The only module that runs `find`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareCodePoints } from './compare-code-points.js';
import { removeStaleScratch } from './stale-scratch.js';

/**
 * List the files below `dir`, recursively (folders are entered, every other entry is listed).
 * @returns paths relative to `dir` with `/` separators, sorted by code point; `[]` when `dir` does not exist
 * @throws Error from the file system for anything but a missing folder (permissions, not a folder)
 */
export function listFileTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (prefix === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), relative);
      else out.push(relative);
    }
  };
  walk(dir, '');
  return out.sort(compareCodePoints);
}

/**
 * Every entry below a folder that is not a folder, by path (relative, `/` separators), with its size in bytes for
 * a regular file and -1 for anything else (a symbolic link, a socket): what {@link listFileTree} lists, with sizes.
 */
export type FileSizes = ReadonlyMap<string, number>;

/**
 * List the files below `dir` with their sizes ({@link FileSizes}), in a process of its own where it can: GNU
 * `find` (`-printf`), started at once, so that the listing (an lstat of each file: 138,000 at 40,000 articles,
 * about 0.5 s of system time) runs on another core while the caller goes on; else, or when `find` fails for any
 * reason (not installed, not GNU, a folder it cannot read), in this process by {@link listFileTree} and an lstat
 * of each entry, which then throws what the file system says.
 * @param find the `find` command to run (default `find`, from PATH; tests give one that is not there)
 * @returns an empty map when `dir` does not exist
 * @throws Error from the file system, from the in-process listing only (permissions, not a folder)
 */
export function listFileSizes(dir: string, find = 'find'): Promise<FileSizes> {
  // Not a folder (a file, say): the in-process listing throws what the file system says, as listFileTree does.
  let isFolder: boolean;
  try {
    isFolder = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? true;
  } catch {
    isFolder = false;
  }
  if (process.platform === 'win32' || !isFolder) return Promise.resolve().then(() => listFileSizesHere(dir));
  // find writes to a file, not a pipe: a pipe's 64 KB would fill while this thread is busy, and find would wait.
  // The listings that killed builds left in the temporary folder (~10 MB each at 40,000 articles) go first.
  removeStaleScratch(os.tmpdir(), 'news-archive-listing-', (file) => rmSync(file, { force: true }));
  const listingFile = path.join(os.tmpdir(), `news-archive-listing-${process.pid}-${randomUUID()}`);
  return new Promise<FileSizes | null>((resolve) => {
    let child;
    try {
      // `%y` the type (f a regular file), `%s` the size, `%P` the path below `dir`; NUL ends each entry (a name may hold a newline).
      child = spawn(find, [path.resolve(dir), '-mindepth', '1', '!', '-type', 'd', '-fprintf', listingFile, '%y %s %P\\0'], { stdio: 'ignore' });
    } catch {
      resolve(null);
      return;
    }
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      let listed: FileSizes | null = null;
      try {
        if (code === 0) listed = parseFindOutput(readFileSync(listingFile));
      } catch {
        listed = null;
      }
      rmSync(listingFile, { force: true });
      resolve(listed);
    });
  }).then((listed) => listed ?? listFileSizesHere(dir));
}

/** The entries `find -fprintf FILE '%y %s %P\0'` wrote, or null when one is not of that form. */
function parseFindOutput(bytes: Buffer): FileSizes | null {
  const sizes = new Map<string, number>();
  const text = bytes.toString('utf8');
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\0', at);
    if (end < 0) return null;
    const space = text.indexOf(' ', at + 2);
    if (space < 0 || space > end || text[at + 1] !== ' ') return null;
    const digits = text.slice(at + 2, space);
    const size = Number(digits);
    if (!/^[0-9]+$/.test(digits) || !Number.isSafeInteger(size)) return null;
    const file = text.slice(space + 1, end);
    sizes.set(path.sep === '/' ? file : file.split(path.sep).join('/'), text[at] === 'f' ? size : -1);
    at = end + 1;
  }
  return sizes;
}

/** {@link listFileSizes} in this process. */
function listFileSizesHere(dir: string): FileSizes {
  const sizes = new Map<string, number>();
  for (const file of listFileTree(dir)) {
    const entry = lstatSync(path.join(dir, ...file.split('/')), { throwIfNoEntry: false });
    // Gone since the listing: left out, as it would be had the listing come later. A name that is not UTF-8 (its
    // bytes decoded with U+FFFD, so no lstat finds it) is listed as -1, as find lists it: it is there.
    if (entry !== undefined) sizes.set(file, entry.isFile() ? entry.size : -1);
    else if (file.includes('\uFFFD')) sizes.set(file, -1);
  }
  return sizes;
}
