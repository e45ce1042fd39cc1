/**
 * Failures of the machine or of a template are one line naming the file, never a stack trace: a folder the build
 * may not write (exit 3), a full disk (exit 3), a template typo (exit 2, naming the template file and line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from '../../src/build.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { describeSystemError, naming } from '../../src/failures.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates, TemplateError } from '../../src/render/templates.js';
import { tempDir } from '../temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'src/cli.ts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

test('an output folder the build may not write: exit 3 and one line, no stack trace', () => {
  const dir = tempDir('news-archive-eacces-');
  chmodSync(dir, 0o777);
  mkdirSync(path.join(dir, 'seeds'));
  copyFileSync(path.join(root, 'test/fixtures/seed/2021-08-18_A2.txt'), path.join(dir, 'seeds/2021-08-18_A2.txt'));
  mkdirSync(path.join(dir, 'locked'));
  chmodSync(path.join(dir, 'locked'), 0o555);
  const node = [process.execPath, '--import', tsx, cli, 'build', '--out', 'locked/dist'];
  // Root is not bound by permissions: run as nobody then.
  const asRoot = process.getuid?.() === 0;
  // A temporary folder nobody may write (tsx keeps its cache there): the test's own, whatever TMPDIR says.
  const env = { ...process.env, HOME: dir, TMPDIR: dir, NO_COLOR: '1' };
  const result = asRoot ? spawnSync('runuser', ['-u', 'nobody', '--', ...node], { cwd: dir, encoding: 'utf8', env }) : spawnSync(node[0] as string, node.slice(1), { cwd: dir, encoding: 'utf8', env });
  assert.equal(result.status, 3);
  assert.equal(
    result.stderr,
    'news-archive: cannot write locked/.dist.lock: permission denied (EACCES); choose a folder you may write with --out (or `outDir`, `cacheDir` in news-archive.config.json); the output folder was left as it was\n',
  );
  assert.equal(result.stdout, '');
});

test('a full disk is described, not thrown', () => {
  const error = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: 'ENOSPC', syscall: 'write', path: path.join(process.cwd(), '.dist.staging', 'index.html') });
  assert.equal(
    describeSystemError(error),
    'news-archive: cannot write .dist.staging/index.html: no space left on the disk (ENOSPC); free some space and build again; the output folder was left as it was',
  );
  assert.equal(describeSystemError(new TypeError('a defect')), null);
});

test('a full disk met by a write, which names no file, is described with the file the writer was writing', () => {
  // What fs.promises.writeFile rejects with on a full disk: the write syscall carries no path.
  const write = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', errno: -28 });
  assert.equal(naming(write, path.join(process.cwd(), '.cache', 'build', 'pages', 'k.json')), write);
  assert.equal(
    describeSystemError(write),
    'news-archive: cannot write .cache/build/pages/k.json: no space left on the disk (ENOSPC); free some space and build again; the output folder was left as it was',
  );
  // A path the error has already is kept; anything else is left as it is.
  const open = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/x/dist/a.html' });
  assert.equal((naming(open, '/elsewhere') as { path: string }).path, '/x/dist/a.html');
  const defect = new TypeError('a defect');
  assert.equal(naming(defect, '/elsewhere'), defect);
  assert.equal('path' in defect, false);
});

test('a template typo names the template file and line, at load, before any page is rendered', async () => {
  const templates = path.join(tempDir('news-archive-templates-'), 'templates');
  cpSync(DEFAULT_TEMPLATES_DIR, templates, { recursive: true });
  const article = path.join(templates, 'article.hbs');
  const lines = readFileSync(article, 'utf8').split('\n');
  lines[2] = `${lines[2]}{{#if kicker}`;
  writeFileSync(article, lines.join('\n'));
  assert.throws(() => loadTemplates(templates), (error: unknown) => {
    assert.ok(error instanceof TemplateError);
    assert.match(error.message, new RegExp(`^${article.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: error: template syntax error near \`.*\\{\\{#if kicker\\}.*\` \\(got INVALID\\)$`));
    return true;
  });
  const work = tempDir('news-archive-templates-build-');
  mkdirSync(path.join(work, 'seeds'));
  copyFileSync(path.join(root, 'test/fixtures/seed/2021-08-18_A2.txt'), path.join(work, 'seeds/a.txt'));
  const config = { ...DEFAULT_CONFIG, seedsDir: path.join(work, 'seeds'), outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
  await assert.rejects(build({ config, templatesDir: templates }), { name: 'TemplateError' });

  writeFileSync(article, lines.slice(0, 2).concat(['{{> no-such-partial}}'], lines.slice(3)).join('\n'));
  assert.throws(() => loadTemplates(templates).render('article', {}), {
    name: 'TemplateError',
    message: `${article}: error: cannot render the template: The partial no-such-partial could not be found`,
  });
});
