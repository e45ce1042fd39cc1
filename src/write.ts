/**
 * The only code that touches the output folder. Writes each changed file atomically (temporary file, then
 * rename), removes files the build no longer produces, and leaves files whose bytes are unchanged alone.
 */
import { mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from './types.js';

/** What a write changed, as output paths sorted by code point. */
export interface WriteReport {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out;
}

async function sameBytes(file: string, content: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(file);
    return existing.length === content.length && existing.equals(content);
  } catch {
    return false;
  }
}

/**
 * Make `outDir` hold exactly `files`.
 * @param files output files (paths relative to outDir, forward slashes)
 * @param clean when true, every existing file is rewritten
 * @throws Error from the file system (disk full, permissions)
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], clean = false): Promise<WriteReport> {
  const written: string[] = [];
  const unchanged: string[] = [];
  const wanted = new Set(files.map((file) => file.path));
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    const target = path.join(outDir, ...file.path.split('/'));
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    if (!clean && (await sameBytes(target, bytes))) {
      unchanged.push(file.path);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
    written.push(file.path);
  }
  const removed: string[] = [];
  for (const existing of await listFiles(outDir)) {
    if (!wanted.has(existing)) {
      await rm(path.join(outDir, ...existing.split('/')), { force: true });
      removed.push(existing);
    }
  }
  // Remove folders left empty, deepest first.
  const folders = [...new Set(removed.map((file) => path.posix.dirname(file)).filter((dir) => dir !== '.'))].sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    await rmdir(path.join(outDir, ...folder.split('/'))).catch(() => undefined);
  }
  const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { written: written.sort(byCodePoint), unchanged: unchanged.sort(byCodePoint), removed: removed.sort(byCodePoint) };
}
