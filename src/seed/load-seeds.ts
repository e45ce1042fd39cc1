/**
 * seeds/ folder → SeedPages. The only seed code that touches the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, SeedPage } from '../types.js';
import { decodeSeed } from './decode-seed.js';
import { parseSeed } from './parse-seed.js';

/** Seeds read from a folder: pages sorted by file name (code point order), and what was wrong with them. */
export interface LoadedSeeds {
  readonly pages: SeedPage[];
  readonly diagnostics: Diagnostic[];
}

/** Code point comparison (never localeCompare: output must not depend on the machine's locale). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * List the `.txt` files directly in `dir`, sorted by code point.
 * @param dir seeds folder (absolute or relative to the working directory)
 * @throws when the folder cannot be read (the caller reports it as a fatal error)
 */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
    .map((entry) => entry.name)
    .sort(byCodePoint);
}

/**
 * Read, decode and parse one seed.
 * @param dir seeds folder; @param fileName file name inside it; @param label how diagnostics name the folder (e.g. `seeds`)
 * @returns the page, or null with an error diagnostic when the file is refused (binary, unknown encoding, empty)
 */
export function readSeedBytes(bytes: Uint8Array, fileName: string, label: string): { page: SeedPage | null; diagnostics: Diagnostic[] } {
  const file = `${label}/${fileName}`;
  const name = fileName.replace(/\.txt$/i, '');
  const decoded = decodeSeed(bytes);
  if (!decoded.ok) {
    return { page: null, diagnostics: [{ file, line: null, rule: 'seed/decode', severity: 'error', message: `${decoded.reason}; page skipped` }] };
  }
  const { page, diagnostics } = parseSeed(file, name, decoded.text);
  if (page.text.trim().length === 0) {
    diagnostics.push({ file, line: null, rule: 'seed/empty', severity: 'warning', message: 'Unexpected empty page: no text; page skipped' });
    return { page: null, diagnostics };
  }
  return { page, diagnostics };
}

/**
 * Load every seed of a folder.
 * @param dir seeds folder
 * @param label folder name used in diagnostics and SeedPage.file (default: the folder's base name)
 */
export async function loadSeeds(dir: string, label = path.basename(path.resolve(dir))): Promise<LoadedSeeds> {
  const pages: SeedPage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const fileName of await listSeedFiles(dir)) {
    const result = readSeedBytes(await readFile(path.join(dir, fileName)), fileName, label);
    diagnostics.push(...result.diagnostics);
    if (result.page) pages.push(result.page);
  }
  return { pages, diagnostics };
}
