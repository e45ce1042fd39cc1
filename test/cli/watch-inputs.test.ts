/**
 * The `dev` watcher (src/dev/watch-inputs.ts): a seeds folder watched whole, a config file watched alone through its
 * folder, editors' swap files ignored, a save through a temporary file reported as a change of the seed alone, and a
 * deleted seed reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { watchInputs } from '../../src/dev/watch-inputs.js';
import { tempDir } from '../temp-dir.js';

test('the watcher reports seeds and the config file, not a swap file, a neighbour of the config file or a temporary file renamed onto a seed', async () => {
  const dir = tempDir('news-archive-watch-');
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds);
  const a1 = path.join(seeds, '2021-08-18_A1.txt');
  const a2 = path.join(seeds, '2021-08-18_A2.txt');
  writeFileSync(a1, '积极行动\n');
  writeFileSync(a2, '海安\n');
  const config = path.join(dir, 'news-archive.config.json');
  writeFileSync(config, '{}\n');
  let reported: string[] = [];
  let lastReport = 0;
  const watcher = watchInputs([seeds, path.join(dir, 'templates'), config], (changed) => {
    reported.push(...changed);
    lastReport = Date.now();
  });
  await watcher.ready;
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  // Each step's files: all reported from its writes until the watcher has been quiet for 400 ms (a file's writes can
  // come in two of the watcher's batches).
  const step = async (act: () => void | Promise<void>): Promise<string[]> => {
    reported = [];
    const started = Date.now();
    await act();
    while (reported.length === 0 ? Date.now() - started < 5000 : Date.now() - lastReport < 400) await sleep(20);
    return [...new Set(reported)].sort();
  };
  try {
    const edits = await step(() => {
      writeFileSync(path.join(seeds, '.2021-08-18_A1.txt.swp'), 'x');
      writeFileSync(path.join(dir, 'notes.txt'), 'x');
      writeFileSync(a1, '积极行动 凝聚起抗疫强大合力\n');
      writeFileSync(a2, '海安建立\n');
    });
    assert.deepEqual(edits, [a1, a2]);
    assert.deepEqual(await step(() => writeFileSync(config, '{"title":"档案"}\n')), [config]);
    // A save as `sed -i` and many editors make it: a temporary file (sedXXXXXX) written, then renamed onto the seed.
    const save = await step(() => {
      execFileSync('sed', ['-i', 's/凝聚/汇聚/', a1]);
    });
    assert.deepEqual(save, [a1]);
    assert.deepEqual(await step(() => rmSync(a2)), [a2]);
  } finally {
    await watcher.close();
  }
});

test('a seeds folder and a config file reached through symbolic links are watched, and reported by the paths given', async () => {
  const dir = tempDir('news-archive-watch-link-');
  const realSeeds = path.join(dir, 'real-seeds');
  mkdirSync(realSeeds);
  mkdirSync(path.join(dir, 'real-project'));
  writeFileSync(path.join(dir, 'real-project', 'news-archive.config.json'), '{}\n');
  symlinkSync(realSeeds, path.join(dir, 'seeds'));
  symlinkSync(path.join(dir, 'real-project'), path.join(dir, 'project'));
  const seed = path.join(dir, 'seeds', '2021-08-18_A1.txt');
  const config = path.join(dir, 'project', 'news-archive.config.json');
  const reported: string[] = [];
  const watcher = watchInputs([path.join(dir, 'seeds'), config], (changed) => reported.push(...changed));
  await watcher.ready;
  try {
    writeFileSync(seed, '积极行动\n');
    writeFileSync(config, '{"title":"档案"}\n');
    const deadline = Date.now() + 5000;
    while (new Set(reported).size < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual([...new Set(reported)].sort(), [seed, config].sort());
  } finally {
    await watcher.close();
  }
});

test('a folder made and deleted beside the config file while watched: close still stops the watcher, with no error', async () => {
  const dir = tempDir('news-archive-watch-');
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(path.join(seeds, 'a.txt'), '甲\n');
  const config = path.join(dir, 'news-archive.config.json');
  writeFileSync(config, '{}\n');
  const watcher = watchInputs([seeds, config], () => {});
  await watcher.ready;
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  // A build's output and cache made beside the config file, then deleted (helper-27's steps).
  // The output staged in a folder of its own, then renamed into place (write.ts), as a first build does.
  const staging = path.join(dir, '.cold.staging');
  for (const sub of ['pages/a', 'pages/b', 'authors', 'data/markdown/a']) {
    mkdirSync(path.join(staging, sub), { recursive: true });
    writeFileSync(path.join(staging, sub, 'index.html'), 'x');
  }
  renameSync(staging, path.join(dir, 'cold'));
  mkdirSync(path.join(dir, 'cc', 'build', 'pages'), { recursive: true });
  writeFileSync(path.join(dir, 'cc', 'build', 'pages', 'k.json'), '{}');
  await sleep(500);
  rmSync(path.join(dir, 'cold'), { recursive: true });
  rmSync(path.join(dir, 'cc'), { recursive: true });
  await sleep(1000);
  await watcher.close();
});
