/**
 * A file of jieba's cache folder (the user dictionary) written only when its text
 * changed, through a temporary file and a rename, so a reader never sees half a file.
 */
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` (UTF-8) to `file` unless the file holds it already. A folder standing where the file goes is
 * removed first (the cache is ours): a damaged cache is repaired, not a failure of every build.
 * @returns true when the file was written
 * @throws Error from the file system (EACCES, ENOSPC…)
 */
export function writeIfChanged(file: string, text: string): boolean {
  let current: string | null = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = null;
  }
  if (current === text) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, 'utf8');
  if (lstatSync(file, { throwIfNoEntry: false })?.isDirectory() === true) rmSync(file, { recursive: true, force: true });
  renameSync(temporary, file);
  return true;
}
