/**
 * The `dev` watcher (src/dev/watch-inputs.ts): a seeds folder watched whole, a config file watched alone through its
 * folder, editors' swap files ignored, and a burst of writes reported once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { watchInputs } from '../../src/dev/watch-inputs.js';
import { tempDir } from '../temp-dir.js';

test('the watcher reports a seed and the config file, not a swap file nor a neighbour of the config file', async () => {
  const dir = tempDir('news-archive-watch-');
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(path.join(seeds, '2021-08-18_A1.txt'), '积极行动\n');
  const config = path.join(dir, 'news-archive.config.json');
  writeFileSync(config, '{}\n');
  const bursts: string[][] = [];
  let wake: (() => void) | null = null;
  const watcher = watchInputs([seeds, path.join(dir, 'templates'), config], (changed) => {
    bursts.push(changed);
    wake?.();
  });
  await watcher.ready;
  const next = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  try {
    // A swap file and a file next to the config file come first: they must not be reported with the seed.
    writeFileSync(path.join(seeds, '.2021-08-18_A1.txt.swp'), 'x');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    let reported = next();
    writeFileSync(path.join(seeds, '2021-08-18_A1.txt'), '积极行动 凝聚起抗疫强大合力\n');
    writeFileSync(path.join(seeds, '2021-08-18_A2.txt'), '海安\n');
    await reported;
    reported = next();
    writeFileSync(config, '{"title":"档案"}\n');
    await reported;
    assert.deepEqual(bursts, [[path.join(seeds, '2021-08-18_A1.txt'), path.join(seeds, '2021-08-18_A2.txt')], [config]]);
  } finally {
    await watcher.close();
  }
});
