/**
 * A plain rebuild keeps the pages whose unit hash did not change (no render, no comparison) and renders the
 * rest: its output, search index included, is byte for byte that of a fresh build of the same seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { tempDir } from '../temp-dir.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/seed');

function project(seeds: Record<string, string>): { config: Config; seedsDir: string } {
  const work = tempDir('news-archive-kept-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(seedsDir, name), text);
  return { seedsDir, config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') } };
}

function tree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of tree(path.join(dir, entry.name), `${relative}/`)) out.set(k, v);
    else out.set(relative, readFileSync(path.join(dir, entry.name)).toString('base64'));
  }
  return out;
}

const read = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');
const A1 = '2021-08-18_A1.txt';
const A2 = '2021-08-18_A2.txt';
const B1 = '2021-08-19_A1.txt';

test('adding a page and fixing a typo renders only the pages whose data changed, and equals a fresh build', async () => {
  const { config, seedsDir } = project({ [A2]: read(A2), [B1]: read(B1) });
  const first = await buildIncremental({ config });
  assert.equal(first.stats?.rendered, first.stats?.pagesOfSite);
  const far = path.join(config.outDir, 'pages/2021-08-18_A2/02.html');
  const inode = statSync(far).ino;
  const fixed = read(B1).replace('金沙街道强化食品安全监管', '金沙街道加强食品安全监管');
  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  writeFileSync(path.join(seedsDir, B1), fixed);
  const second = await buildIncremental({ config });
  assert.ok(second.stats !== null && second.stats.rendered < second.stats.pagesOfSite, `${second.stats?.rendered} of ${second.stats?.pagesOfSite} rendered`);
  // An item page of the untouched seed, far from the changes, was kept: left where it was, not rewritten.
  assert.ok(second.report.unchanged.includes('pages/2021-08-18_A2/02.html'));
  assert.equal(statSync(far).ino, inode);

  const fresh = project({ [A1]: read(A1), [A2]: read(A2), [B1]: fixed });
  await buildIncremental({ config: fresh.config });
  assert.deepEqual(tree(config.outDir), tree(fresh.config.outDir));

  // The records name what each page was rendered from; a rerun with nothing changed is up to date.
  const state = await openBuildCache(config.cacheDir).getState(config.outDir);
  const record = state?.files.find((file) => file.path === 'pages/2021-08-18_A2/02.html');
  assert.match(record?.unit ?? '', /^[0-9a-f]{32}$/);
  assert.match(record?.search ?? '', /^[0-9a-f]{32}$/);
  assert.equal((await buildIncremental({ config })).upToDate, true);
});

test('a kept page edited by hand to another size is rendered again; --clean rewrites every page', async () => {
  const { config, seedsDir } = project({ [A2]: read(A2) });
  await buildIncremental({ config });
  const page = path.join(config.outDir, 'pages/2021-08-18_A2/02.html');
  const original = readFileSync(page, 'utf8');
  writeFileSync(page, `${original}<!-- edited -->`);
  copyFileSync(path.join(fixtures, A1), path.join(seedsDir, A1));
  const added = await buildIncremental({ config });
  assert.ok(added.report.written.includes('pages/2021-08-18_A2/02.html'));
  assert.equal(readFileSync(page, 'utf8'), original);
  const clean = await buildIncremental({ config, clean: true });
  assert.equal(clean.stats?.rendered, clean.stats?.pagesOfSite);
});
