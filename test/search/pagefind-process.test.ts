/**
 * The Pagefind process: indexes a folder, and once closed it has exited (so the build's time and memory count it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexFolder, PagefindProcess } from '../../src/search/pagefind-process.js';
import { tempDir } from '../temp-dir.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ESRCH');
    return false;
  }
}

test('a Pagefind process indexes a folder and has exited when close() returns', async () => {
  const dir = tempDir('news-archive-pagefind-');
  mkdirSync(path.join(dir, 'pages'));
  writeFileSync(path.join(dir, 'pages', 'a.html'), '<!DOCTYPE html><html lang="zh-CN"><body><article data-pagefind-body><h1>张芝山镇</h1><p>志愿者参加核酸检测。</p></article></body></html>');
  writeFileSync(path.join(dir, 'pages', 'b.html'), '<!DOCTYPE html><html lang="zh-CN"><body><article data-pagefind-body><p>海安</p></article></body></html>');
  const pagefind = new PagefindProcess();
  const pid = pagefind.pid as number;
  const first = await pagefind.indexDirectory(dir, { forceLanguage: 'zh-cn' });
  assert.equal(first.pageCount, 2);
  const entry = first.files.find((file) => file.path === 'pagefind-entry.json');
  assert.equal((JSON.parse(Buffer.from(entry?.content ?? []).toString('utf8')) as { languages: Record<string, { page_count: number }> }).languages['zh-cn']?.page_count, 2);
  // A second index on the same process gives the same bytes.
  const second = await pagefind.indexDirectory(dir, { forceLanguage: 'zh-cn' });
  assert.deepEqual(second, first);
  assert.ok(alive(pid));
  await pagefind.close();
  assert.equal(alive(pid), false);
  await assert.rejects(pagefind.indexDirectory(dir), /closed/);
});

test('a Pagefind binary that cannot start is an error, and close() still returns', async () => {
  const pagefind = new PagefindProcess(path.join(tempDir('news-archive-pagefind-'), 'no-such-binary'));
  await assert.rejects(pagefind.indexDirectory('.'), /pagefind: spawn .*ENOENT/);
  await pagefind.close();
});

test('one run of the Pagefind command makes the same index as the service, and leaves no process or output behind', async () => {
  const dir = tempDir('news-archive-pagefind-');
  const site = path.join(dir, 'site');
  mkdirSync(path.join(site, 'pages'), { recursive: true });
  writeFileSync(path.join(site, 'pages', 'a.html'), '<!DOCTYPE html><html lang="zh-CN"><body><article data-pagefind-body><h1>张芝山镇</h1><p>志愿者参加核酸检测。</p></article></body></html>');
  writeFileSync(path.join(site, 'pages', 'b.html'), '<!DOCTYPE html><html lang="zh-CN"><body><article data-pagefind-body><p>海安</p></article></body></html>');
  const pagefind = new PagefindProcess();
  const service = await pagefind.indexDirectory(site, { forceLanguage: 'zh-cn' });
  await pagefind.close();
  const output = path.join(dir, 'index');
  const command = await indexFolder(site, output, { forceLanguage: 'zh-cn' });
  assert.equal(command.pageCount, 2);
  const sorted = [...service.files].sort((a, b) => (a.path < b.path ? -1 : 1));
  assert.deepEqual(command.files.map((file) => file.path), sorted.map((file) => file.path));
  assert.deepEqual(command.files, sorted);
  assert.deepEqual(readdirSync(dir).sort(), ['site']);
});

test('a Pagefind command that fails or cannot start is an error that names the folder', async () => {
  const dir = tempDir('news-archive-pagefind-');
  await assert.rejects(indexFolder(dir, path.join(dir, 'out'), {}, path.join(dir, 'no-such-binary')), /pagefind: spawn .*ENOENT/);
  const failing = path.join(dir, 'fails.sh');
  writeFileSync(failing, '#!/bin/sh\necho "Error: something went wrong" >&2\nexit 3\n', { mode: 0o755 });
  await assert.rejects(indexFolder(dir, path.join(dir, 'out'), {}, failing), new RegExp(`^Error: pagefind: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: exit code 3: Error: something went wrong$`));
});
