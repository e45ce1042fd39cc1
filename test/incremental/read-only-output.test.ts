/**
 * A read-only output folder (`chmod -R a-w dist`, as a copy to a web server may leave it) does not make every
 * later build fail: the swap puts the new site in place and the old one is removed, read-only or not. Run as a
 * user whom permissions bind (as root, which they do not bind, the check runs as `nobody` through runuser).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../temp-dir.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const write = new URL('../../src/write.ts', import.meta.url).href;

const SCRIPT = `
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeOutput } from ${JSON.stringify(write)};
const out = path.join(process.argv[1], 'dist');
const v = (n) => [{ path: 'index.html', content: 'home ' + n }, { path: 'pages/a/01.html', content: 'a' + n }];
await writeOutput(out, v(1));
execFileSync('chmod', ['-R', 'a-w', out]);
const second = await writeOutput(out, v(2));
execFileSync('chmod', ['-R', 'a-w', out]);
const third = await writeOutput(out, v(3));
process.stdout.write(JSON.stringify({
  second: second.written, third: third.written,
  home: readFileSync(path.join(out, 'index.html'), 'utf8'),
  beside: readdirSync(process.argv[1]).sort(),
}));
`;

test('builds after the output folder was made read-only replace it and leave no previous folder', () => {
  const work = tempDir('news-archive-readonly-');
  chmodSync(work, 0o777);
  const node = [process.execPath, '--import', tsx, '--input-type=module', '-e', SCRIPT, work];
  const asRoot = process.getuid?.() === 0;
  // A temporary folder nobody may write (tsx keeps its cache there), apart from the folder the test looks into.
  const scratch = tempDir('news-archive-readonly-tmp-');
  chmodSync(scratch, 0o777);
  const result = asRoot ? spawnSync('runuser', ['-u', 'nobody', '--', ...node], { encoding: 'utf8', env: { ...process.env, HOME: work, TMPDIR: scratch } }) : spawnSync(node[0] as string, node.slice(1), { encoding: 'utf8' });
  assert.equal(result.stderr, '');
  assert.deepEqual(JSON.parse(result.stdout), {
    second: ['index.html', 'pages/a/01.html'],
    third: ['index.html', 'pages/a/01.html'],
    home: 'home 3',
    beside: ['dist'],
  });
  assert.equal(existsSync(path.join(work, '.dist.previous')), false);
});
