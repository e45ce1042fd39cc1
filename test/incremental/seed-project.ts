/**
 * Set-up shared by the incremental tests that build fixture seeds in a temporary project and compare output trees
 * (kept-pages, rerun-scope).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { tempDir } from '../temp-dir.js';

/**
 * A temporary project holding `seeds` (file name → text) in `seeds/`, with its own `dist/` and `.cache/`.
 * @param prefix the temporary folder's name prefix
 * @param extra config fields over DEFAULT_CONFIG
 */
export function seedProject(prefix: string, seeds: Record<string, string>, extra: Partial<Config> = {}): { config: Config; seedsDir: string } {
  const work = tempDir(prefix);
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(seedsDir, name), text);
  return { seedsDir, config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache'), ...extra } };
}

/** Every file below `dir` with its bytes (base64), by relative `/`-separated path. */
export function fileTree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of fileTree(path.join(dir, entry.name), `${relative}/`)) out.set(k, v);
    else out.set(relative, readFileSync(path.join(dir, entry.name)).toString('base64'));
  }
  return out;
}
