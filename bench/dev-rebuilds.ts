/**
 * `news-archive dev`'s rebuilds timed in the session's own process: the compiled command's session (`runDev`,
 * with its watcher and server, from `--lib`, default this tree's `lib/`) on an archive built before, then
 * `--rebuilds` edits of one seed (bench/generate-archive.ts editPageText), each timed from the save until the
 * session logs `Rebuilt …` (the changed pages are on disk and served: the save-to-served time) and until it logs
 * the search index, feed, sitemap and articles.json updated. CPU is the process's (every thread: jieba's and
 * Markdown's included), over the same spans, from `process.cpuUsage`. The first build of a session renders every
 * page (and, after a recompile, segments every seed: the generator key changed), so only the rebuilds are timed.
 * Runs with the semi-space size `news-archive dev` gives its session (a lib/ that has one: gc-settings.js).
 *
 * Usage: node --import tsx bench/dev-rebuilds.ts --seeds DIR --out DIR --config FILE [--edit NAME] [--rebuilds 8]
 *          [--lib lib] [--profile DIR] [--json FILE]
 * `--profile DIR` writes a V8 CPU profile of the main thread for each rebuild (save to served) to DIR.
 * Prints one line per rebuild and the medians; `--json` writes the samples.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { editPageText } from './generate-archive.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    out: { type: 'string' },
    config: { type: 'string' },
    edit: { type: 'string' },
    rebuilds: { type: 'string', default: '8' },
    lib: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'lib') },
    profile: { type: 'string' },
    json: { type: 'string' },
  },
});
if (values.seeds === undefined || values.out === undefined || values.config === undefined) {
  throw new TypeError('bench/dev-rebuilds.ts: --seeds, --out and --config are required');
}
const lib = path.resolve(values.lib);
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(lib, file)).href)) as T;
// The command's garbage-collector settings first, as cli.ts imports them; and the young generation `dev` runs its
// session with (src/dev/young-generation.ts): without it, this process runs itself again with it.
const gc = await load<typeof import('../src/gc-settings.js')>('gc-settings.js');
if (typeof gc.hasSemiSpaceFlag === 'function' && !gc.hasSemiSpaceFlag()) {
  const again = spawnSync(process.execPath, [...process.execArgv, gc.DEV_SEMI_SPACE_FLAG, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
const { loadConfig, validateConfig } = await load<typeof import('../src/config.js')>('config.js');
const { runDev } = await load<typeof import('../src/dev/run-dev.js')>('dev/run-dev.js');

const seedsDir = path.resolve(values.seeds);
const names = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
const editName = values.edit ?? names[Math.floor(names.length / 2)];
if (editName === undefined) throw new TypeError('bench/dev-rebuilds.ts: no seeds');
const editFile = path.join(seedsDir, editName);
const original = readFileSync(editFile, 'utf8');
const configFile = path.resolve(values.config);
const config = async () => validateConfig({ ...(await loadConfig(configFile)), seedsDir, outDir: path.resolve(values.out as string) }, configFile);

/** A log line that matches `pattern`, seen after `since` (lines are counted). */
const lines: Array<{ readonly text: string; readonly at: number }> = [];
const waiters: Array<() => void> = [];
const log = (text: string): void => {
  lines.push({ text, at: performance.now() });
  for (const wake of waiters.splice(0)) wake();
  if (!/^(Rebuilt|Search index|Built|Place|Serving)/.test(text)) return;
  process.stderr.write(`  | ${text}\n`);
};
async function lineAfter(since: number, pattern: RegExp): Promise<{ text: string; at: number }> {
  for (;;) {
    const found = lines.slice(since).find((line) => pattern.test(line.text));
    if (found !== undefined) return found;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const started = performance.now();
const session = await runDev({ loadConfig: config, configFile, port: 0, log });
process.stderr.write(`first build and start: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
// Let the first build's deferred work and the dictionary's load settle.
await session.idle();

const inspector = values.profile === undefined ? null : new Session();
if (inspector !== null) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  mkdirSync(values.profile as string, { recursive: true });
}
interface Sample {
  readonly servedMs: number;
  readonly servedCpuS: number;
  readonly workS: number;
  readonly deferredMs: number;
  readonly deferredCpuS: number;
}
const samples: Sample[] = [];
const rebuilds = Number(values.rebuilds);
try {
  for (let round = 0; round < rebuilds; round++) {
    const since = lines.length;
    if (inspector !== null) await inspector.post('Profiler.start');
    const cpu = process.cpuUsage();
    const saved = performance.now();
    writeFileSync(editFile, editPageText(original, 100 + round));
    const rebuilt = await lineAfter(since, /^Rebuilt/);
    const servedCpuS = cpuSeconds(cpu);
    if (inspector !== null) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(path.join(values.profile as string, `rebuild-${round + 1}.cpuprofile`), JSON.stringify(profile));
    }
    const deferred = await lineAfter(since, /^Search index, feed, sitemap and articles\.json updated/);
    const deferredCpuS = cpuSeconds(cpu) - servedCpuS;
    await session.idle();
    const workS = Number(/ in ([\d.]+) s$/.exec(rebuilt.text)?.[1] ?? Number.NaN);
    const sample = { servedMs: rebuilt.at - saved, servedCpuS, workS, deferredMs: deferred.at - rebuilt.at, deferredCpuS };
    samples.push(sample);
    process.stderr.write(
      `rebuild ${round + 1}: served ${sample.servedMs.toFixed(0)} ms (work ${workS.toFixed(2)} s), CPU ${servedCpuS.toFixed(3)} s; ` +
        `then deferred ${sample.deferredMs.toFixed(0)} ms, CPU ${deferredCpuS.toFixed(3)} s\n`,
    );
  }
} finally {
  // The seed back as it was, and built: the output is then a build of the generated seeds again.
  const since = lines.length;
  writeFileSync(editFile, original);
  await lineAfter(since, /^Rebuilt/);
  await lineAfter(since, /^Search index, feed, sitemap and articles\.json updated/);
  await session.idle();
  await session.close();
  inspector?.disconnect();
}
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const of = (key: keyof Sample): number => median(samples.map((sample) => sample[key]));
process.stdout.write(
  `${lib}: ${samples.length} rebuilds of ${editName}, medians: served ${of('servedMs').toFixed(0)} ms, CPU ${of('servedCpuS').toFixed(3)} s ` +
    `(work logged ${of('workS').toFixed(2)} s); deferred ${of('deferredMs').toFixed(0)} ms, CPU ${of('deferredCpuS').toFixed(3)} s\n`,
);
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ lib, edit: editName, samples }, null, 2)}\n`);
