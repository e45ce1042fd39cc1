/**
 * The bundled command (`lib/cli.bundle.js`, scripts/bundle.mjs) is what `npm run build`, `check` and `dev` run:
 * it must behave exactly as the modules run from source. The test compiles `lib/` as `npm run build` does (a
 * no-op when it is current), then builds the same fixture pages with both and compares every output file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const bundle = path.join(root, 'lib/cli.bundle.js');

/** A project folder with the site fixture's pages and the seed page in `seeds/`. */
function project(): string {
  const dir = tempDir('news-archive-bundle-');
  mkdirSync(path.join(dir, 'seeds'));
  for (const name of readdirSync(path.join(root, 'test/fixtures/site'))) copyFileSync(path.join(root, 'test/fixtures/site', name), path.join(dir, 'seeds', name));
  copyFileSync(path.join(root, 'test/fixtures/seeds/000_b18dfdda09c05dd9.txt'), path.join(dir, 'seeds/000_b18dfdda09c05dd9.txt'));
  return dir;
}

function run(cwd: string, command: string[], ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Relative paths of the files under `dir`, sorted. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesOf(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

test('the bundled command builds the same files, and checks and helps in the same words, as the modules from source', () => {
  const compile = spawnSync(process.execPath, [path.join(root, 'scripts/compiled.mjs'), '--compile-only'], { cwd: root, encoding: 'utf8' });
  assert.equal(compile.status, 0, compile.stderr);
  assert.ok(existsSync(bundle), 'lib/cli.bundle.js is made when lib/ is compiled');
  const fromSource = ['--import', tsx, path.join(root, 'src/cli.ts')];
  const dir = project();

  const bundled = run(dir, [bundle], 'build', '--out', 'bundled');
  const modules = run(dir, fromSource, 'build', '--out', 'modules');
  assert.equal(bundled.code, 0, bundled.stderr);
  assert.equal(modules.code, 0, modules.stderr);
  assert.equal(bundled.stderr, modules.stderr);
  assert.equal(bundled.stdout.replaceAll('bundled/', 'modules/').replace(/ in \d+\.\d s/, ''), modules.stdout.replace(/ in \d+\.\d s/, ''));
  const files = filesOf(path.join(dir, 'modules'));
  assert.ok(files.length > 100, `${files.length} files`);
  assert.ok(files.includes('pagefind/pagefind.js') && files.includes('data/articles.json'), 'search index and articles.json');
  assert.deepEqual(filesOf(path.join(dir, 'bundled')), files);
  for (const file of files) {
    assert.ok(readFileSync(path.join(dir, 'bundled', file)).equals(readFileSync(path.join(dir, 'modules', file))), file);
  }

  const checkBundled = run(dir, [bundle], 'check', 'seeds/2021-08-19_A1.txt');
  const checkModules = run(dir, fromSource, 'check', 'seeds/2021-08-19_A1.txt');
  assert.equal(checkBundled.code, checkModules.code);
  assert.ok(checkBundled.stdout.includes('headline'), checkBundled.stdout);
  assert.equal(checkBundled.stdout, checkModules.stdout);
  assert.equal(run(dir, [bundle], '--help').stdout, run(dir, fromSource, '--help').stdout);
});
