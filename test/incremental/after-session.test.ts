/**
 * A plain build after a build session (`news-archive dev`) renders only what changed since: the session records,
 * for each file it wrote, the hash of the data it was rendered from and of its search document, as a plain build
 * does. (It used to record path and size only, so the first `news-archive build` after `dev` rendered every file
 * the session had written again: after a session's first build on a new output folder, every page of the site.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBuildSession } from '../../src/build.js';
import { buildIncremental } from '../../src/build-incremental.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { tempDir } from '../temp-dir.js';
import { PAGES_RENDERED_ADDING_A1_19 } from './added-page.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/seed');
const A1 = '2021-08-18_A1.txt';
const A2 = '2021-08-18_A2.txt';
const B1 = '2021-08-19_A1.txt';

function project(): Config {
  const work = tempDir('news-archive-after-session-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const name of [A1, A2]) copyFileSync(path.join(fixtures, name), path.join(seedsDir, name));
  return { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
}

/** Edit a headline of A2, as an editor saving the file. */
function editHeadline(config: Config): void {
  const file = path.join(config.seedsDir, A2);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes('干部群众携手 坚守防控一线'));
  writeFileSync(file, text.replace('干部群众携手 坚守防控一线', '干部群众携手 坚守在防控一线'));
}

/** The pages a plain build renders when B1 is added to the two seeds of A1 and the edited A2. */
const ADDED = PAGES_RENDERED_ADDING_A1_19;

test('after plain builds (cold, a headline edit), adding a seed renders the pages that show it', async () => {
  const config = project();
  await buildIncremental({ config });
  editHeadline(config);
  await buildIncremental({ config });
  copyFileSync(path.join(fixtures, B1), path.join(config.seedsDir, B1));
  const added = await buildIncremental({ config });
  assert.deepEqual(added.renderedPaths, ADDED);
});

test('after a dev session (its first build on a new output, a headline edit), a plain build renders only what changed since', async () => {
  const config = project();
  const session = createBuildSession();
  try {
    const first = await buildIncremental({ config, session });
    assert.equal(first.renderedPaths.length, first.stats?.pagesOfSite, 'the session renders the new output whole');
    editHeadline(config);
    const edited = await buildIncremental({ config, session });
    assert.ok(edited.report.written.includes('pages/2021-08-18_A2/01.html'));
    await edited.updateDeferred?.();
  } finally {
    await session.context.close();
  }
  // Nothing changed since the session: up to date, as after a plain build.
  assert.equal((await buildIncremental({ config })).upToDate, true);
  copyFileSync(path.join(fixtures, B1), path.join(config.seedsDir, B1));
  const added = await buildIncremental({ config });
  assert.equal(added.stats?.processed, 1);
  // The same pages as after plain builds: none of the files the session wrote is rendered again (the edited item
  // and its page (版) included), and every kept article page still goes to the search index by its document.
  assert.deepEqual(added.renderedPaths, ADDED);
});
