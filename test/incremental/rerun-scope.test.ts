/**
 * A plain rerun plans only the files its added, edited or removed pages can change (site/render-site.ts
 * rerunScope), keeps every other file of the last build as it is, and leaves the output byte for byte that of a
 * fresh build of the same seeds; where the scope cannot be known it plans the whole site.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBuildSession } from '../../src/build.js';
import { buildIncremental, type IncrementalResult } from '../../src/build-incremental.js';
import { openBuildCache } from '../../src/cache/build-cache.js';
import type { Config } from '../../src/config.js';
import { fileTree, seedProject } from './seed-project.js';
import { PAGES_RENDERED_ADDING_A1_19 } from './added-page.js';

function project(seeds: Record<string, string>, extra: Partial<Config> = {}): { config: Config; seedsDir: string } {
  return seedProject('news-archive-rerun-', seeds, extra);
}

const tree = (dir: string): Map<string, string> => fileTree(dir);

const fixtures = path.resolve(import.meta.dirname, '../fixtures/seed');
const read = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');
const A1 = '2021-08-18_A1.txt';
const A2 = '2021-08-18_A2.txt';
const B1 = '2021-08-19_A1.txt';

/** A fresh build of `seeds` (own output and cache folders): its output as {@link tree} gives it, and how many pages the site has. */
async function fresh(seeds: Record<string, string>, extra: Partial<Config> = {}): Promise<{ files: Map<string, string>; pagesOfSite: number | undefined }> {
  const other = project(seeds, extra);
  const result = await buildIncremental({ config: other.config });
  return { files: tree(other.config.outDir), pagesOfSite: result.stats?.pagesOfSite };
}

/** Assert that `result` wrote to `outDir` what a fresh build of `seeds` writes, and counts the pages it does. */
async function assertFresh(result: IncrementalResult, outDir: string, seeds: Record<string, string>, extra: Partial<Config> = {}): Promise<void> {
  const other = await fresh(seeds, extra);
  assert.equal(result.stats?.pagesOfSite, other.pagesOfSite);
  assert.deepEqual(tree(outDir), other.files);
}

const summary = (result: IncrementalResult): string => `${result.planned} planned, ${result.stats?.rendered} of ${result.stats?.pagesOfSite} rendered`;

test('a rerun after adding, editing and removing a page plans only what the page can change, and equals a fresh build each time', async () => {
  for (const search of [true, false]) {
    const { config, seedsDir } = project({ [A1]: read(A1), [A2]: read(A2) }, { search });
    const first = await buildIncremental({ config });
    assert.equal(first.planned, null, 'a first build plans every file');
    const state = await openBuildCache(config.cacheDir).getState(config.outDir);
    assert.deepEqual(state?.pageKeys?.map(([file]) => file), ['seeds/2021-08-18_A1.txt', 'seeds/2021-08-18_A2.txt']);
    assert.match(state?.renderKey ?? '', /^[0-9a-f]{64}$/);
    const far = path.join(config.outDir, 'pages/2021-08-18_A2/03.html');
    const inode = statSync(far).ino;

    // Added: a new edition.
    copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
    const added = await buildIncremental({ config });
    assert.deepEqual(added.renderedPaths, PAGES_RENDERED_ADDING_A1_19, search ? 'with search' : 'without search');
    // Without search no search page and no search script.
    const unsearched = search ? 0 : 2;
    assert.equal(added.planned, 40 - unsearched, summary(added));
    assert.ok(added.report.unchanged.includes('pages/2021-08-18_A2/03.html'));
    assert.equal(statSync(far).ino, inode, 'a file outside the scope is left where it is');
    await assertFresh(added, config.outDir, { [A1]: read(A1), [A2]: read(A2), [B1]: read(B1) }, { search });

    // Edited: a typo fixed in the new page.
    const fixed = read(B1).replace('金沙街道强化食品安全监管', '金沙街道加强食品安全监管');
    writeFileSync(path.join(seedsDir, B1), fixed);
    const edited = await buildIncremental({ config });
    assert.equal(edited.planned, 40 - unsearched, summary(edited));
    await assertFresh(edited, config.outDir, { [A1]: read(A1), [A2]: read(A2), [B1]: fixed }, { search });

    // Removed: the page of the older edition that comes first.
    rmSync(path.join(seedsDir, A1));
    const removed = await buildIncremental({ config });
    assert.equal(removed.planned, 26 - unsearched, summary(removed));
    assert.ok(removed.report.removed.includes('pages/2021-08-18_A1/index.html'));
    await assertFresh(removed, config.outDir, { [A2]: read(A2), [B1]: fixed }, { search });
    assert.equal((await buildIncremental({ config })).upToDate, true);
  }
});

test('a rerun plans the whole site when the render key changed, and a kept file deleted by hand is made again', async () => {
  const { config, seedsDir } = project({ [A1]: read(A1), [A2]: read(A2) });
  await buildIncremental({ config });
  // Another setting: every file may change.
  copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
  const retitled = await buildIncremental({ config: { ...config, title: '另一份报纸' } });
  assert.equal(retitled.planned, null);
  assert.equal(retitled.stats?.rendered, retitled.stats?.pagesOfSite);

  // A file outside the scope of the next change, deleted by hand: planned again (the whole site), written back.
  const gone = path.join(config.outDir, 'pages/2021-08-18_A2/03.html');
  const bytes = readFileSync(gone);
  rmSync(gone);
  rmSync(path.join(seedsDir, B1));
  const removed = await buildIncremental({ config: { ...config, title: '另一份报纸' } });
  assert.equal(removed.planned, null, summary(removed));
  assert.ok(removed.report.written.includes('pages/2021-08-18_A2/03.html'));
  assert.deepEqual(readFileSync(gone), bytes);
  await assertFresh(removed, config.outDir, { [A1]: read(A1), [A2]: read(A2) }, { title: '另一份报纸' });
});

test('a plain rerun after a session\'s scoped rebuild whose derived files are still to come plans the whole site, and equals a fresh build', async () => {
  const { config, seedsDir } = project({ [A1]: read(A1), [A2]: read(A2) });
  const session = createBuildSession();
  try {
    await buildIncremental({ config, session });
    writeFileSync(path.join(seedsDir, A2), read(A2).replace('防控', '防疫'));
    const rebuilt = await buildIncremental({ config, session });
    assert.ok(rebuilt.planned !== null && rebuilt.updateDeferred !== null, 'a scoped rebuild, its derived files left for later');
    // The state on disk lists no files while the session keeps its records: no scope can be planned from it.
    assert.deepEqual((await openBuildCache(config.cacheDir).getState(config.outDir))?.files, []);
    copyFileSync(path.join(fixtures, B1), path.join(seedsDir, B1));
    const plain = await buildIncremental({ config, context: session.context });
    assert.equal(plain.planned, null);
    await assertFresh(plain, config.outDir, { [A1]: read(A1), [A2]: read(A2).replace('防控', '防疫'), [B1]: read(B1) });
  } finally {
    await session.context.close();
  }
});

