/**
 * An unchanged rerun is up to date only while the output folder holds exactly the files the last build recorded,
 * each of its recorded size (write.ts outputMatches): a file resized, deleted or added by hand makes it build again,
 * which puts the output back as the build made it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { buildIncremental } from '../../src/build-incremental.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { tempDir } from '../temp-dir.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/seed');

test('a file resized, deleted or added in the output by hand makes an unchanged rerun build, and the build puts it back', async () => {
  const work = tempDir('news-archive-output-changed-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeFileSync(path.join(seedsDir, '2021-08-18_A2.txt'), readFileSync(path.join(fixtures, '2021-08-18_A2.txt')));
  const config = { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache'), search: false };
  await buildIncremental({ config });
  assert.equal((await buildIncremental({ config })).upToDate, true);
  const page = path.join(config.outDir, 'pages/2021-08-18_A2/02.html');
  const bytes = readFileSync(page);

  writeFileSync(page, Buffer.concat([bytes, Buffer.from('<!-- edited -->')]));
  const resized = await buildIncremental({ config });
  assert.equal(resized.upToDate, false);
  assert.deepEqual(resized.report.written, ['pages/2021-08-18_A2/02.html']);
  assert.deepEqual(readFileSync(page), bytes);

  rmSync(page);
  const deleted = await buildIncremental({ config });
  assert.equal(deleted.upToDate, false);
  assert.deepEqual(deleted.report.written, ['pages/2021-08-18_A2/02.html']);
  assert.deepEqual(readFileSync(page), bytes);

  const stray = path.join(config.outDir, 'pages/stray.html');
  writeFileSync(stray, 'x');
  const added = await buildIncremental({ config });
  assert.equal(added.upToDate, false);
  assert.deepEqual(added.report.removed, ['pages/stray.html']);
  assert.equal(existsSync(stray), false);
  assert.equal((await buildIncremental({ config })).upToDate, true);
});
