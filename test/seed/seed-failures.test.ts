/**
 * One seed never stops the archive: a long file name, a seed deleted while the build reads the folder, a symbolic
 * link, a page the segmenter fails on. Each gives a `seeds/FILE: …` diagnostic and the rest is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, processPage, type PlaceContext } from '../../src/build.js';
import { buildIncremental } from '../../src/build-incremental.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { readSeedSources, seedReadDiagnostic, type SeedReadMemo } from '../../src/seed/load-seeds.js';
import { tempDir } from '../temp-dir.js';

const PAGE = '新闻标题\n\n这是文章的正文，讲述了城市里发生的事情。\n\n·王明·\n';

function project(files: Record<string, string>): { config: Config; seedsDir: string } {
  const work = tempDir('news-archive-failures-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(seedsDir, name), content);
  return { seedsDir, config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') } };
}

test('a legal 253-byte file name is built and written (its slug is cut to 200 bytes with a hash)', async () => {
  const long = `${'报 '.repeat(62)}a.txt`;
  assert.equal(Buffer.byteLength(long), 253);
  const { config } = project({ [long]: PAGE, 'ok.txt': PAGE.replace('王明', '李红') });
  const result = await buildIncremental({ config });
  assert.deepEqual(result.diagnostics, []);
  const pages = result.report.written.filter((file) => /^pages\/[^/]+\/index\.html$/.test(file));
  assert.deepEqual(pages.map((file) => Buffer.byteLength(file.split('/')[1] as string)), [2, 198]);
  assert.match(pages[1] as string, /^pages\/(报-){48}[0-9a-f]{6}\/index\.html$/u);
});

test('a seed deleted between listing and reading: a warning, the other seeds read', async () => {
  const { seedsDir } = project({ 'a.txt': PAGE, 'gone.txt': PAGE, 'z.txt': PAGE });
  const deleting = async (file: string): Promise<Buffer> => {
    if (path.basename(file) === 'gone.txt') rmSync(file);
    return readFile(file);
  };
  const { sources, problems } = await readSeedSources(seedsDir, undefined, deleting);
  assert.deepEqual(sources.map((source) => source.fileName), ['a.txt', 'z.txt']);
  assert.deepEqual(problems.map((problem) => formatDiagnostic(seedReadDiagnostic(problem, 'seeds'))), [
    'seeds/gone.txt: warning: Unexpected removal: the file was deleted while the build read the seeds; built without it [seed/vanished]',
  ]);
  // The same under `dev` (a memo of earlier reads): the deleted seed is dropped from the memo too.
  writeFileSync(path.join(seedsDir, 'gone.txt'), PAGE);
  const memo: SeedReadMemo = new Map();
  const again = await readSeedSources(seedsDir, memo, deleting);
  assert.deepEqual(again.sources.map((source) => source.fileName), ['a.txt', 'z.txt']);
  assert.deepEqual(again.problems, [{ fileName: 'gone.txt', code: 'vanished' }]);
  // (The memo is filled as reads finish, in any order; what it holds is what counts.)
  assert.deepEqual([...memo.keys()].sort(), ['a.txt', 'z.txt']);
  assert.equal(
    formatDiagnostic(seedReadDiagnostic({ fileName: 'locked.txt', code: 'EACCES' }, 'seeds')),
    'seeds/locked.txt: error: Cannot read the file (EACCES); page skipped [seed/read]',
  );
});

test('a symbolic link in the seeds folder is reported, not silently skipped', async () => {
  const { config, seedsDir } = project({ 'a.txt': PAGE });
  writeFileSync(path.join(path.dirname(seedsDir), 'elsewhere.txt'), PAGE);
  symlinkSync(path.join(path.dirname(seedsDir), 'elsewhere.txt'), path.join(seedsDir, 'link.txt'));
  const result = await build({ config });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/link.txt: warning: Unexpected symbolic link: seeds are read from the files of the folder only; skipped (copy the file into the folder) [seed/symlink]',
  ]);
  assert.deepEqual(result.pages.map((page) => page.file), ['seeds/a.txt']);
});

test('a file not named .txt and a folder in the seeds folder are reported by name, not skipped silently; .TXT is read', async () => {
  const { config, seedsDir } = project({ 'a.txt': PAGE, 'B.TXT': PAGE.replace('王明', '张三'), 'page.md': PAGE, 'notes.docx': 'PK', 'README': '', '.DS_Store': '', 'a.txt~': PAGE });
  mkdirSync(path.join(seedsDir, '2021'));
  writeFileSync(path.join(seedsDir, '2021', 'c.txt'), PAGE);
  mkdirSync(path.join(seedsDir, '.git'));
  const result = await build({ config });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/2021: warning: Unexpected folder: seeds are read from the .txt files directly in seeds/, not from folders inside it; skipped (move its pages up into seeds/) [seed/folder]',
    'seeds/README: warning: Unexpected file type: only .txt files are read as pages; skipped (if it is a page, save its text as README.txt) [seed/not-txt]',
    'seeds/notes.docx: warning: Unexpected file type: only .txt files are read as pages; skipped (if it is a page, save its text as notes.txt) [seed/not-txt]',
    'seeds/page.md: warning: Unexpected file type: only .txt files are read as pages; skipped (if it is a page, save its text as page.txt) [seed/not-txt]',
  ]);
  assert.deepEqual(result.pages.map((page) => page.file), ['seeds/B.TXT', 'seeds/a.txt']);
});

test('a rerun after a page.md is added to an up-to-date archive is a build that names it', async () => {
  const { config, seedsDir } = project({ 'a.txt': PAGE });
  assert.deepEqual((await buildIncremental({ config })).diagnostics, []);
  writeFileSync(path.join(seedsDir, 'page.md'), PAGE);
  const second = await buildIncremental({ config });
  assert.equal(second.upToDate, false);
  const warning = 'seeds/page.md: warning: Unexpected file type: only .txt files are read as pages; skipped (if it is a page, save its text as page.txt) [seed/not-txt]';
  assert.deepEqual(second.diagnostics.map(formatDiagnostic), [warning]);
  assert.deepEqual(second.report.written, [], 'nothing in the site changed');
  const third = await buildIncremental({ config });
  assert.deepEqual([third.upToDate, third.diagnostics.map(formatDiagnostic)], [true, [warning]]);
});

test('a page the segmenter or tagger fails on: one error naming the seed, no stack trace, the page left out', async () => {
  const failing = { tagger: { jieba: { spansJoin: () => false }, tag: () => { throw new RangeError('Maximum call stack size exceeded'); } } } as unknown as PlaceContext;
  const page = { file: 'seeds/x.txt', name: 'x', text: PAGE, firstLine: 1, meta: { paper: null, date: null, page: null, pageName: null } };
  const result = processPage(page, failing);
  assert.equal(result.refused, true);
  assert.deepEqual(result.articles, []);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/x.txt: error: Unexpected failure while segmenting this page (RangeError: Maximum call stack size exceeded); page skipped (please report it with the file) [segment/failed]',
  ]);
});

test('a 2 MB seed of 200,000 short blocks does not stop the build: the other seed is built', async () => {
  const big = `标题\n\n正文内容。\n\n${Array.from({ length: 200_000 }, (_, i) => `第${i}行`).join('\n\n')}\n`;
  const { config } = project({ 'big.txt': big, 'ok.txt': PAGE });
  // Without the search index: Pagefind's time on a 2 MB page is not what this test is about.
  const result = await build({ config: { ...config, search: false } });
  assert.ok(result.pages.some((page) => page.file === 'seeds/ok.txt'));
  assert.ok(result.files.some((file) => file.path === 'pages/ok/01.html'));
  // Either the page is built (it is, since the segmenter no longer spreads a run of 200,000 units into one push),
  // or refused with one error: never a crash of the whole build.
  const refused = result.diagnostics.filter((d) => d.rule === 'segment/failed').map(formatDiagnostic);
  if (!result.pages.some((page) => page.file === 'seeds/big.txt')) {
    assert.deepEqual(refused, [
      'seeds/big.txt: error: Unexpected failure while segmenting this page (RangeError: Maximum call stack size exceeded); page skipped (please report it with the file) [segment/failed]',
    ]);
  } else assert.deepEqual(refused, []);
});
