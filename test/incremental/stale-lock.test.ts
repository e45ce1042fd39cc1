/**
 * After `kill -9` of a build, the next build takes the lock over at once (its holder's pid is gone), instead of
 * saying for 30 s that another build is writing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lockOutput } from '../../src/write.js';
import { tempDir } from '../temp-dir.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const write = new URL('../../src/write.ts', import.meta.url).href;

test('a lock left by a killed build is taken over at once; a live holder is named', async () => {
  const out = path.join(tempDir('news-archive-lock-'), 'dist');
  const script = `import { lockOutput } from ${JSON.stringify(write)}; await lockOutput(${JSON.stringify(out)}); process.stdout.write('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', () => reject(new Error('the child exited before locking')));
  });
  const lock = path.join(path.dirname(out), '.dist.lock');
  assert.equal(readFileSync(`${lock}.owner`, 'utf8'), `${child.pid} ${os.hostname()}\n`);
  await assert.rejects(lockOutput(out), {
    name: 'OutputLockedError',
    message: `${out}: another build is writing this folder (lock ${path.relative(process.cwd(), lock)}, process ${child.pid}); wait for it to finish, or stop the other \`news-archive build\` or \`news-archive dev\``,
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('close', resolve));
  // The lock is 0 s old: proper-lockfile alone would refuse it for 30 s more.
  const release = await lockOutput(out);
  assert.equal(readFileSync(`${lock}.owner`, 'utf8'), `${process.pid} ${os.hostname()}\n`);
  await release();
  assert.equal(existsSync(lock) || existsSync(`${lock}.owner`), false);
});
