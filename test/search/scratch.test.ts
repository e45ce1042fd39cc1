/**
 * Search scratch folders: a full /dev/shm falls back to the system's temporary folder instead of failing the
 * build, and folders a killed build left (`news-archive-search-{pid}-…` with its pid gone) are removed by the next
 * build, while a running build's are kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeScratchFolder, stageSearchDocuments } from '../../src/search/search-index.js';
import { tempDir } from '../temp-dir.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  return Number(pid);
}

test('a new scratch folder removes those of killed builds, keeps a running build’s and other names', async () => {
  const parent = tempDir('news-archive-scratch-');
  const dead = `news-archive-search-${deadPid()}-AbC123`;
  const live = `news-archive-search-${process.ppid}-XyZ789`;
  for (const name of [dead, live, 'news-archive-search-QwE456', 'other']) mkdirSync(path.join(parent, name, 'pages'), { recursive: true });
  const made = await makeScratchFolder(parent);
  assert.match(path.basename(made), new RegExp(`^news-archive-search-${process.pid}-\\w{6}$`));
  assert.deepEqual(readdirSync(parent).sort(), [path.basename(made), live, 'news-archive-search-QwE456', 'other'].sort());
});

test('documents that cannot be written to the preferred scratch folder (disk full) go to the temporary folder', async () => {
  const full = tempDir('news-archive-full-shm-');
  const writes: string[] = [];
  const writeDocument = (file: string, document: string): void => {
    if (file.startsWith(full)) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${file}'`), { code: 'ENOSPC' });
    writes.push(path.dirname(path.dirname(path.dirname(path.dirname(file)))));
    writeFileSync(file, document);
  };
  const stage = stageSearchDocuments({ scratch: full, writeDocument });
  const html = '<html lang="zh-CN"><body><article data-pagefind-body><h1>标题</h1><p>南通的新闻正文。</p></article></body></html>';
  stage.add('pages/a/01.html', html);
  try {
    const files = await stage.index();
    assert.ok(files.some((file) => file.path === 'pagefind/pagefind-entry.json'));
  } finally {
    await stage.discard();
  }
  assert.deepEqual([...new Set(writes.map((dir) => path.dirname(dir)))], [os.tmpdir()]);
  assert.deepEqual(readdirSync(full), []);
  assert.equal(readdirSync(os.tmpdir()).some((name) => name.startsWith(`news-archive-search-${process.pid}-`)), false);
});

test('a killed build’s folder that cannot be removed (another build removing it at the same time) does not fail the next build', async () => {
  const parent = tempDir('news-archive-scratch-race-');
  const dead = `news-archive-search-${deadPid()}-AbC123`;
  mkdirSync(path.join(parent, dead, 'pages'), { recursive: true });
  const tried: string[] = [];
  const made = await makeScratchFolder(parent, (folder) => {
    tried.push(path.basename(folder));
    throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${folder}'`), { code: 'ENOTEMPTY' });
  });
  assert.deepEqual(tried, [dead]);
  assert.deepEqual(readdirSync(parent).sort(), [dead, path.basename(made)].sort());
});
