/**
 * `--out` (or `outDir`) never empties a folder news-archive did not make: a folder with other files is refused
 * with exit code 2 and a message that says how to proceed; a new or empty folder, or one that carries the
 * marker of an earlier build, is built into.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'src/cli.ts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(): string {
  const dir = tempDir('news-archive-out-');
  mkdirSync(path.join(dir, 'seeds'));
  copyFileSync(path.join(root, 'test/fixtures/seed/2021-08-18_A2.txt'), path.join(dir, 'seeds/2021-08-18_A2.txt'));
  return dir;
}

test('--out at a folder of the user’s files: refused with exit 2, nothing deleted', () => {
  const dir = project();
  mkdirSync(path.join(dir, 'Documents'));
  writeFileSync(path.join(dir, 'Documents', 'letter.txt'), '给编辑部的信');
  const result = run(dir, 'build', '--out', 'Documents');
  assert.equal(result.code, 2);
  assert.equal(
    result.stderr,
    'Documents: the output folder holds files that news-archive did not make (1 entry, no .news-archive file), and a build ' +
      'replaces everything in it; choose a new or empty folder with --out (or `outDir` in news-archive.config.json), or move those files away\n',
  );
  assert.equal(result.stdout, '');
  assert.deepEqual(readdirSync(path.join(dir, 'Documents')), ['letter.txt']);
  assert.equal(readFileSync(path.join(dir, 'Documents', 'letter.txt'), 'utf8'), '给编辑部的信');
  assert.equal(existsSync(path.join(dir, '.Documents.lock')), false);

  // `dev` refuses it too, before building or serving anything.
  const dev = spawnSync(process.execPath, ['--import', tsx, cli, 'dev', '--out', 'Documents', '--port', '0'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(dev.status, 2);
  assert.equal(dev.stderr, result.stderr);
  assert.deepEqual(readdirSync(path.join(dir, 'Documents')), ['letter.txt']);

  writeFileSync(path.join(dir, 'notes.md'), '');
  const file = run(dir, 'build', '--out', 'notes.md');
  assert.equal(file.code, 2);
  assert.equal(file.stderr, 'notes.md: the output folder is a file, not a folder; choose a new or empty folder with --out (or `outDir` in news-archive.config.json)\n');
});

test('an empty --out folder is built into and marked; the next build (cache deleted) writes into it again', () => {
  const dir = project();
  mkdirSync(path.join(dir, 'site'));
  const first = run(dir, 'build', '--out', 'site');
  assert.equal(first.code, 0, first.stderr);
  assert.equal(readFileSync(path.join(dir, 'site', '.news-archive'), 'utf8'), 'This folder is the output of news-archive: every build replaces all of its files.\n');
  assert.ok(existsSync(path.join(dir, 'site', 'index.html')));
  // Without the cache the marker alone says the folder is the archive's.
  rmSync(path.join(dir, '.cache'), { recursive: true });
  const again = run(dir, 'build', '--out', 'site');
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^Built site\/ from 1 seed page\(s\)/);
  assert.ok(existsSync(path.join(dir, 'site', '.news-archive')));
});
