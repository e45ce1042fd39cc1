/**
 * Every file below a folder, as forward-slash paths relative to it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from './compare-code-points.js';

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
