/**
 * A synthetic archive for the paginated place and author pages: LIST_ARCHIVE_EDITIONS one-page editions, one a
 * day from 2021-01-01, each the fixture page test/fixtures/site/2021-08-19_A2.txt with its date changed. Every
 * item is the same article (kicker 海门悦来镇打造“三大课堂”), tagged 海门区 (320614) and 悦来镇 (320614104),
 * signed 郁经纬 and 陈静: 163 items make three list pages for each of these places and authors: its own
 * page with the 63 newest, then two archived blocks of 50 (see site/render-site.ts paginate). Shared by test/site/list-pages.test.ts and test/browser/list-pages.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildResult } from '../../src/build.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { writeOutput } from '../../src/write.js';
import { tempDir } from '../temp-dir.js';
import { root } from './fixture-site.js';

/** Editions (and items) of the archive. */
export const LIST_ARCHIVE_EDITIONS = 163;

/** `YYYY-MM-DD` of the i-th edition (0-based, oldest first): 2021-01-01 + i days. */
export function listArchiveDate(i: number): string {
  return new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
}

/** A built list archive on disk. */
export interface ListArchive {
  readonly config: Config;
  readonly result: BuildResult;
  /** The seeds folder (`{date}_A2.txt`). */
  readonly seedsDir: string;
  /** The output folder. */
  readonly out: string;
  /** Text of an output file, by its output path. */
  read(file: string): string;
}

/** Write the seed of the i-th edition (0-based, oldest first; any i ≥ 0) into `seedsDir` (which must exist). */
export function writeListArchiveSeed(seedsDir: string, i: number): void {
  const source = readFileSync(path.join(root, 'test/fixtures/site/2021-08-19_A2.txt'), 'utf8');
  if (!source.includes('date: 2021-08-19')) throw new Error('test/fixtures/site/2021-08-19_A2.txt: front matter changed');
  const date = listArchiveDate(i);
  writeFileSync(path.join(seedsDir, `${date}_A2.txt`), source.replace('date: 2021-08-19', `date: ${date}`));
}

/** Write the archive's seeds into `seedsDir` (which must exist). */
export function writeListArchiveSeeds(seedsDir: string): void {
  for (let i = 0; i < LIST_ARCHIVE_EDITIONS; i++) writeListArchiveSeed(seedsDir, i);
}

/** Write the seeds into a temporary folder, build, and write the output. */
export async function buildListArchive(): Promise<ListArchive> {
  const work = tempDir('news-archive-lists-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeListArchiveSeeds(seedsDir);
  const out = path.join(work, 'dist');
  const config: Config = { ...DEFAULT_CONFIG, seedsDir, outDir: out, cacheDir: path.join(work, 'cache') };
  const result = await build({ config });
  await writeOutput(out, result.files);
  return { config, result, seedsDir, out, read: (file) => readFileSync(path.join(out, ...file.split('/')), 'utf8') };
}
