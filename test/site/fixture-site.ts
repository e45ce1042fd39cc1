/**
 * Builds the seed page plus the fixture pages with front matter (test/fixtures/site/*.txt: two dates, three
 * pages) into a temporary folder, the way `news-archive build` does. Shared by test/site and test/browser.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildResult } from '../../src/build.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { writeOutput } from '../../src/write.js';
import { tempDir } from '../temp-dir.js';

export const root = path.resolve(import.meta.dirname, '../..');

/** A built site on disk. */
export interface FixtureSite {
  readonly config: Config;
  readonly result: BuildResult;
  /** The output folder. */
  readonly out: string;
  /** Text of an output file, by its output path. */
  read(file: string): string;
}

/**
 * Copy test/fixtures/seeds/*.txt and test/fixtures/site/*.txt into a temporary seeds folder, build, and write the output.
 * @param overrides config fields to change (e.g. baseUrl)
 */
export async function buildFixtureSite(overrides: Partial<Config> = {}): Promise<FixtureSite> {
  const work = tempDir('news-archive-fixture-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const dir of [path.join(root, 'test/fixtures/seeds'), path.join(root, 'test/fixtures/site')]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) copyFileSync(path.join(dir, name), path.join(seedsDir, name));
  }
  const out = path.join(work, 'dist');
  const config: Config = { ...DEFAULT_CONFIG, seedsDir, outDir: out, cacheDir: path.join(work, 'cache'), ...overrides };
  const result = await build({ config });
  await writeOutput(out, result.files);
  return { config, result, out, read: (file) => readFileSync(path.join(out, ...file.split('/')), 'utf8') };
}
