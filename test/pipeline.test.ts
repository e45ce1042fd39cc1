/**
 * The commands choose phases from the one phase list (src/pipeline.ts) and run them through the same build:
 * `check`'s read-through-tag gives the same items and diagnostics as a full build, and makes no file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build, isDeferredOutput, outputPhase, seedFileInputs } from '../src/build.js';
import { createBuildContext } from '../src/build-context.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { COMMAND_PHASES, PHASES, phasesFrom } from '../src/pipeline.js';
import { seedSourceOf } from '../src/seed/load-seeds.js';
import { openBuildCache } from '../src/cache/build-cache.js';
import { readFileSync } from 'node:fs';
import { tempDir } from './temp-dir.js';

const root = path.resolve(import.meta.dirname, '..');
const seedsDir = path.join(root, 'test/fixtures/site');
const config = { ...DEFAULT_CONFIG, search: false, seedsDir, outDir: path.join(tempDir('news-archive-pipeline-'), 'dist'), cacheDir: tempDir('news-archive-pipeline-cache-') };

test('phasesFrom cuts the list in order', () => {
  assert.deepEqual(phasesFrom('read', 'tag'), ['read', 'decode', 'segment', 'tag']);
  assert.deepEqual(phasesFrom('derived', 'write'), ['derived', 'search', 'write']);
  assert.equal(PHASES.length, 10);
});

test("check's phases give a full build's items and diagnostics, and no file", async () => {
  const context = createBuildContext();
  const full = await build({ config, context });
  const file = path.join(seedsDir, '2021-08-19_A2.txt');
  const checked = await build({ config, context, phases: COMMAND_PHASES.check, inputs: seedFileInputs([seedSourceOf(file, readFileSync(file))], { config, context }) });
  assert.deepEqual(checked.files, []);
  assert.deepEqual(checked.stats, { seeds: 1, processed: 1, cached: 0, placesUsed: true, rendered: 0, pagesOfSite: 0 });
  // The file is named by the folder it was given in, as diagnostics name it.
  const seed = `${seedsDir.split(path.sep).join('/')}/2021-08-19_A2.txt`;
  assert.deepEqual(checked.pages.map((page) => page.file), [seed]);
  const ofA2 = full.articles.filter((article) => article.seed === 'site/2021-08-19_A2.txt');
  assert.equal(ofA2.length, 1);
  assert.deepEqual(checked.articles, ofA2.map((article) => ({ ...article, seed })));
  assert.deepEqual(checked.diagnostics.map((d) => d.rule), full.diagnostics.filter((d) => d.file === 'site/2021-08-19_A2.txt').map((d) => d.rule));
});

test("a plain build lets go of each seed's bytes once decoded or found in the cache; check keeps the files it shows", async () => {
  const context = createBuildContext();
  const cacheDir = tempDir('news-archive-pipeline-bytes-');
  const built = { ...config, cacheDir };
  const names = ['2021-08-19_A1.txt', '2021-08-19_A2.txt'];
  const sources = () => names.map((name) => seedSourceOf(path.join(seedsDir, name), readFileSync(path.join(seedsDir, name))));
  for (const round of ['segmented', 'from the cache']) {
    const inputs = seedFileInputs(sources(), { config: built, context });
    const hashes = inputs.seeds.map((seed) => seed.hash);
    const result = await build({ config: built, context, inputs, cache: openBuildCache(cacheDir) });
    assert.equal(result.stats.processed, round === 'segmented' ? 2 : 0, round);
    assert.deepEqual(inputs.seeds.map((seed) => seed.bytes.length), [0, 0], round);
    assert.deepEqual(inputs.seeds.map((seed) => seed.hash), hashes, round);
  }
  const shown = sources();
  await build({ config: built, context, phases: COMMAND_PHASES.check, inputs: seedFileInputs(shown, { config: built, context }) });
  assert.deepEqual(shown.map((seed) => seed.bytes.length), names.map((name) => readFileSync(path.join(seedsDir, name)).length));
  await context.close();
});

test('the files each output phase makes: a dev rebuild leaves the derived files (the sitemap parts too) and the index for later', () => {
  const files = ['index.html', 'pages/x/01.html', 'data/markdown/x/01.md', 'data/articles.json', 'feed.xml', 'sitemap.xml', 'sitemaps/2021.xml', 'sitemaps/undated-2.xml', 'pagefind/pagefind.js', 'assets/style.css'];
  assert.deepEqual(
    files.map((file) => `${file} ${outputPhase(file)} ${isDeferredOutput(file)}`),
    [
      'index.html render false',
      'pages/x/01.html render false',
      'data/markdown/x/01.md render false',
      'data/articles.json derived true',
      'feed.xml derived true',
      'sitemap.xml derived true',
      'sitemaps/2021.xml derived true',
      'sitemaps/undated-2.xml derived true',
      'pagefind/pagefind.js search true',
      'assets/style.css render false',
    ],
  );
});
