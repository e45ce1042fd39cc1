/**
 * The same folders spelt another way (`--seeds /home/editor/archive/seeds` after `--seeds seeds`, `./seeds/`,
 * `dist/`) are the same build: a rerun is up to date, and a change renders only the pages it touches. (The
 * folders' spellings used to be part of every page's render key, so such a rerun rendered every page again.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { tempDir } from '../temp-dir.js';
import { PAGES_RENDERED_ADDING_A1_19 } from './added-page.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/seed');

test('a rerun with the same folders spelt otherwise is up to date, and adding a seed then renders only the pages that show it', async () => {
  const work = tempDir('news-archive-folders-');
  mkdirSync(path.join(work, 'seeds'));
  for (const name of ['2021-08-18_A1.txt', '2021-08-18_A2.txt']) copyFileSync(path.join(fixtures, name), path.join(work, 'seeds', name));
  const first: Config = { ...DEFAULT_CONFIG, seedsDir: path.join(work, 'seeds'), outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
  await buildIncremental({ config: first });
  const again: Config = { ...first, seedsDir: `${work}/./seeds/`, outDir: `${work}/dist/`, cacheDir: `${work}/seeds/../.cache` };
  const rerun = await buildIncremental({ config: again });
  assert.equal(rerun.upToDate, true, 'nothing changed');
  copyFileSync(path.join(fixtures, '2021-08-19_A1.txt'), path.join(work, 'seeds', '2021-08-19_A1.txt'));
  const added = await buildIncremental({ config: again });
  assert.deepEqual(added.stats, { seeds: 3, processed: 1, cached: 2, placesUsed: true, rendered: 26, pagesOfSite: 59 });
  // As in build-incremental.test.ts: the new page (版) and its items, the editions, calendar and home page, the page
  // and item read before it, the authors and places of its items and their indexes.
  assert.deepEqual(added.renderedPaths, PAGES_RENDERED_ADDING_A1_19);
});
