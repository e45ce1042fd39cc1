/**
 * The archive-scale benchmark (issue #6). Generates a synthetic archive of P pages (see generate-archive.ts)
 * in a temp folder and times the compiled CLI as a child process:
 *
 * - cold: full build into an empty output folder with an empty cache folder;
 * - noop: rebuild with nothing changed;
 * - add: rebuild after adding one page (a new edition);
 * - edit: rebuild after editing one page in the middle of the archive;
 * - dev: `news-archive dev` running (started after the runs above, cache warm), the time from saving an
 *   edit of one page to its `Rebuilt …` log line; peak RSS is the server's VmHWM from /proc (Linux);
 * - dev-add: the same server, the time from saving a new page (a new edition after the newest) to its
 *   `Rebuilt …` line;
 * - dev-search: after each of those, the time from the save until the search index, feed, sitemap and
 *   articles.json are updated (the server shows the pages first);
 * - nosearch: a cold build of the same archive with `search: false` (own output and cache);
 * - hugo, hugo-pagefind (when `hugo` is installed: `apt-get install hugo`): the same items as Markdown built by
 *   Hugo, and by Hugo then the `pagefind` command, right after each cold build (see peers.ts); the bench then
 *   prints news-archive's medians as ratios to theirs;
 * - eleventy (when npm `@11ty/eleventy` 3.x is installed beside the project's packages: `npm install --no-save
 *   @11ty/eleventy@3`): the same items built by Eleventy, the peer of a cold build without search.
 * For dev and dev-add the table also gives the work time the server logs (`… in N s`: from the rebuild's start
 * to the pages written, without the file watcher's wait for the save to settle).
 *
 * Each scenario runs `--runs` times (default 3); the table reports the median wall time, ms per article and
 * the median peak RSS (GNU `/usr/bin/time -v` when present, else process.resourceUsage().maxRSS through
 * bench/rss-wrapper.mjs), with min–max to show the noise. Results go to stdout and to
 * `bench-output/bench-p{P}-{disk|shm}.json`.
 *
 * Pages are real pages of `../shared/corpus/rmrb-2019-02` when that folder is present (read at bench time, never
 * copied into the project; `--text seed` for the seed's blocks recombined instead); `--undated` leaves out the
 * front matter. Besides the largest process's peak RSS, each sample gives the peak of the whole process tree's
 * RSS (the CLI and Pagefind, sampled from /proc) and the CPU time GNU time counts (the CLI and the children it
 * waited for).
 *
 * Usage: npm run bench -- --pages 400 [--pages 4000] [--runs 3] [--out-on disk|shm|both]
 *          [--scenarios cold,noop,add,edit,dev] [--cli lib/cli.bundle.js] [--keep] [--undated] [--text corpus|seed]
 *          [--reuse] (`--keep` leaves the archive, output and cache; `--reuse` starts from them, without cold)
 * (`npm run bench` compiles first when src/ changed; run `node --import tsx bench/run-bench.ts …` to skip that.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eleventyCommand, hasHugo, pagefindCommand, writeEleventySite, writeHugoSite } from './peers.js';
import { CORPUS_DIR, CorpusGenerator, ROOT, dateAfter, editPageText, generateArchive, pageFileName, type GeneratedArchive } from './generate-archive.js';

/** Scenario names, in the order they run. */
export const SCENARIOS = ['cold', 'noop', 'add', 'edit', 'dev', 'nosearch', 'hugo', 'hugo-pagefind', 'eleventy'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** One timed child process. */
export interface Sample {
  readonly wallMs: number;
  /** Peak resident set size in MiB of the largest single process, or null when it could not be measured. */
  readonly peakRssMb: number | null;
  /**
   * Peak of the summed resident set sizes of the whole process tree (the CLI and its children, e.g. Pagefind),
   * in MiB, sampled from /proc every 50 ms (Linux); null elsewhere.
   */
  readonly treeRssMb?: number | null;
  /** CPU time (user + system) of the CLI and the children it waited for, in s (GNU time); null without it. */
  readonly cpuS?: number | null;
  readonly exitCode: number | null;
  /** The CLI's summary line (`Built … in N s`). */
  readonly summary: string;
  /** The work time the dev server logs for the rebuild (`… in N s`), in ms; absent for other scenarios. */
  readonly workMs?: number | null;
}

/** Summary of a scenario's samples. */
export interface Row {
  readonly scenario: string;
  readonly outOn: 'disk' | 'shm';
  readonly pages: number;
  readonly articles: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly msPerArticle: number;
  readonly medianRssMb: number | null;
  readonly maxRssMb: number | null;
  /** Median of the samples' {@link Sample.treeRssMb}. */
  readonly medianTreeRssMb: number | null;
  /** Median of the samples' {@link Sample.cpuS}. */
  readonly medianCpuS: number | null;
  /** Median as a percentage of the cold build's median (null for cold). */
  readonly percentOfCold: number | null;
  /** Median of the samples' {@link Sample.workMs} (dev and dev-add), else null. */
  readonly medianWorkMs: number | null;
  readonly samples: readonly Sample[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/** The resident set size of every process by id, and each one's parent, from /proc; empty where there is none. */
function processTable(): Map<number, { parent: number; rssKb: number }> {
  const table = new Map<number, { parent: number; rssKb: number }>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (in parentheses, may hold spaces): state, ppid, …; rss (pages) is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { parent: Number(fields[1]), rssKb: (Number(fields[21]) * 4096) / 1024 });
    } catch {
      // The process ended meanwhile.
    }
  }
  return table;
}

/** Sum of the RSS of `root` and all its descendants, in KiB. */
function treeRssKb(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let sum = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    sum += table.get(pid)?.rssKb ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** Run `node CLI args…` in `cwd`, timing it and measuring its peak RSS (largest process, and whole tree) and CPU. */
export async function timeCli(cli: string, args: readonly string[], cwd: string, scratch: string): Promise<Sample> {
  return timeCommand(process.execPath, [cli, ...args], cwd, scratch, [process.execPath, [path.join(ROOT, 'bench', 'rss-wrapper.mjs'), cli, ...args]]);
}

/**
 * Run `program args…` in `cwd` as {@link timeCli} does (the peers: `sh -c 'hugo … && pagefind …'`).
 * @param fallback what to run where there is no GNU time (null: the program itself, without its peak RSS)
 */
export async function timeCommand(
  program: string,
  programArgs: readonly string[],
  cwd: string,
  scratch: string,
  fallback: [string, string[]] | null = null,
): Promise<Sample> {
  const rssFile = path.join(scratch, `rss-${process.pid}-${Date.now()}.txt`);
  const [command, commandArgs, env] = hasGnuTime
    ? [GNU_TIME, ['-v', '-o', rssFile, program, ...programArgs], process.env]
    : [...(fallback ?? [program, [...programArgs]]), { ...process.env, BENCH_RSS_FILE: rssFile }] as const;
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderrTail = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-4000)));
  let treePeakKb = 0;
  const sampler = existsSync('/proc/self/stat') ? setInterval(() => (treePeakKb = Math.max(treePeakKb, treeRssKb(child.pid as number))), 50) : null;
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  if (sampler !== null) clearInterval(sampler);
  let cpuS: number | null = null;
  let peakRssMb: number | null = null;
  try {
    const text = readFileSync(rssFile, 'utf8');
    const kb = hasGnuTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]) : (JSON.parse(text) as { maxRssKb: number }).maxRssKb;
    if (Number.isFinite(kb)) peakRssMb = kb / 1024;
    if (hasGnuTime) {
      const user = Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1]);
      const system = Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1]);
      if (Number.isFinite(user + system)) cpuS = user + system;
    }
    unlinkSync(rssFile);
  } catch {
    peakRssMb = null;
  }
  const summary = stdout.trim().split('\n').pop() ?? '';
  if (exitCode !== 0 && exitCode !== 1) {
    throw new Error(`bench: CLI exited with ${exitCode}\n${stdout.slice(-2000)}\n${stderrTail}`);
  }
  return { wallMs, peakRssMb, treeRssMb: sampler === null ? null : treePeakKb / 1024, cpuS, exitCode, summary };
}

/** Peak RSS (VmHWM) of a running process in MiB, from /proc; null elsewhere. */
function peakRssOf(pid: number): number | null {
  try {
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The work time in a dev server's `Rebuilt …` line (`… in 0.18 s`), in ms; null when absent. */
export function loggedWorkMs(line: string): number | null {
  const seconds = /\bin (\d+(?:\.\d+)?) s$/.exec(line)?.[1];
  return seconds === undefined ? null : Number(seconds) * 1000;
}

/**
 * Start `news-archive dev` (port 0), wait for it to serve, then `runs` times: save an edit of `editFile` and time
 * until the server logs `Rebuilt` (the pages are served: `dev`), then save the page `addPage(round)` writes and
 * time the same (`dev-add`); after each, wait for `Search index, feed, sitemap and articles.json updated`
 * (`dev-search`, timed from the same save). Stops the server with SIGINT.
 */
async function devSamples(
  cli: string,
  buildArgs: readonly string[],
  cwd: string,
  editFile: string,
  original: string,
  addPage: (round: number) => void,
  runs: number,
  log: (line: string) => void,
): Promise<{ dev: Sample[]; add: Sample[]; search: Sample[] }> {
  const args = ['dev', ...buildArgs.slice(1), '--port', '0'];
  const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let waiting: { pattern: RegExp; resolve: (line: string) => void } | null = null;
  const lines: string[] = [];
  const onLine = (line: string): void => {
    lines.push(line);
    if (waiting?.pattern.test(line)) {
      const { resolve } = waiting;
      waiting = null;
      resolve(line);
    }
  };
  let buffer = '';
  const onData = (chunk: string): void => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    parts.forEach(onLine);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const waitFor = (pattern: RegExp, timeoutMs: number): Promise<string> =>
    Promise.race([
      new Promise<string>((resolve) => (waiting = { pattern, resolve })),
      exited.then(() => Promise.reject(new Error(`bench: dev server exited:\n${lines.slice(-20).join('\n')}`))),
      new Promise<string>((_, reject) =>
        setTimeout(() => reject(new Error(`bench: no ${pattern} from the dev server in ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`)), timeoutMs).unref(),
      ),
    ]);
  const out: Sample[] = [];
  const add: Sample[] = [];
  const search: Sample[] = [];
  /** Save a change, time it to `Rebuilt` and then to the search index's update. */
  const timeChange = async (name: string, round: number, save: () => void, into: Sample[]): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = performance.now();
    save();
    const line = await waitFor(/^Rebuilt/, 600_000);
    const sample = { wallMs: performance.now() - started, peakRssMb: peakRssOf(child.pid!), exitCode: 0, summary: line, workMs: loggedWorkMs(line) };
    into.push(sample);
    log(`  ${name.padEnd(5)} #${round + 1}: ${(sample.wallMs / 1000).toFixed(2)} s, ${sample.peakRssMb?.toFixed(0) ?? '?'} MB — ${line}`);
    const indexed = await waitFor(/^Search index, feed, sitemap and articles.json updated/, 600_000);
    const after = { wallMs: performance.now() - started, peakRssMb: peakRssOf(child.pid!), exitCode: 0, summary: indexed };
    search.push(after);
    log(`  dev-search #${search.length}: ${(after.wallMs / 1000).toFixed(2)} s — ${indexed}`);
  };
  try {
    await waitFor(/^Serving /, 600_000);
    for (let round = 0; round < runs; round++) {
      await timeChange('dev', round, () => writeFileSync(editFile, editPageText(original, 100 + round)), out);
      await timeChange('dev-add', round, () => addPage(round), add);
    }
  } finally {
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  return { dev: out, add, search };
}

/** Options of one benchmark of one archive size. */
export interface BenchOptions {
  readonly pages: number;
  readonly runs: number;
  readonly outOn: 'disk' | 'shm';
  readonly scenarios: readonly Scenario[];
  readonly cli: string;
  readonly keep: boolean;
  /** Pages without front matter. */
  readonly undated: boolean;
  /** Page texts: `corpus` (real pages of ../shared/corpus/rmrb-2019-02, when present) or `seed` (the seed's blocks recombined). */
  readonly text: 'corpus' | 'seed';
  /**
   * Start from the archive, output and cache a run with `--keep` left (same pages, text and dating): no cold
   * build, no reset between rounds (each round after the first starts with an untimed build back to the
   * generated seeds). For the scenarios after a cold build of a large archive without repeating it.
   */
  readonly reuse?: boolean;
  readonly log: (line: string) => void;
}

/** Generate the archive, run every scenario `runs` times, return one row per scenario. */
export async function benchArchive(options: BenchOptions): Promise<{ rows: Row[]; archive: GeneratedArchive; workDir: string }> {
  const { pages, runs, outOn, cli, log } = options;
  const workDir = path.join(os.tmpdir(), 'news-archive-bench', `p${pages}`);
  const outDir = outOn === 'shm' ? path.join('/dev/shm', 'news-archive-bench', `p${pages}`, 'out') : path.join(workDir, 'out');
  const seedsDir = path.join(workDir, 'seeds');
  const cacheDir = path.join(workDir, 'cache');
  const configFile = path.join(workDir, 'news-archive.config.json');
  const reuse = options.reuse === true;
  if (reuse && !(existsSync(seedsDir) && existsSync(cacheDir) && existsSync(outDir))) {
    throw new TypeError(`bench: --reuse needs the seeds, cache and output a run with --keep left in ${workDir} and ${outDir}`);
  }
  if (!reuse) {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(workDir, { recursive: true });
  const archive = generateArchive(seedsDir, pages, undefined, { undated: options.undated, ...(options.text === 'corpus' ? { source: new CorpusGenerator() } : {}) });
  writeFileSync(configFile, `${JSON.stringify({ cacheDir }, null, 2)}\n`);
  log(`bench: ${pages} pages (${options.text} text${options.undated ? ', no front matter' : ''}), ${archive.items} items in ${seedsDir}; output on ${outOn} (${outDir})`);

  const args = ['build', '--seeds', seedsDir, '--out', outDir, '--config', configFile];
  const samples = new Map<Scenario | 'dev-add' | 'dev-search', Sample[]>(options.scenarios.map((s) => [s, []]));
  const editFile = path.join(seedsDir, archive.files[Math.floor(archive.files.length / 2)]!);
  const editOriginal = readFileSync(editFile, 'utf8');
  const addedFiles: string[] = [];
  const articlesFor = new Map<Scenario | 'dev-add' | 'dev-search', number>();

  const run = async (scenario: Scenario, round: number): Promise<void> => {
    if (!samples.has(scenario)) return;
    const sample = await timeCli(cli, args, workDir, workDir);
    samples.get(scenario)!.push(sample);
    const items = Number(/(\d+) item\(s\)/.exec(sample.summary)?.[1] ?? archive.items);
    articlesFor.set(scenario, items);
    log(
      `  ${scenario.padEnd(5)} #${round + 1}: ${(sample.wallMs / 1000).toFixed(2)} s, ${sample.peakRssMb?.toFixed(0) ?? '?'} MB, tree ${sample.treeRssMb?.toFixed(0) ?? '?'} MB, ` +
        `CPU ${sample.cpuS?.toFixed(1) ?? '?'} s — ${sample.summary}`,
    );
  };

  for (let round = 0; round < runs; round++) {
    // Back to the generated state: no added pages, the edited page restored, empty output and cache.
    for (const file of addedFiles.splice(0)) rmSync(file, { force: true });
    writeFileSync(editFile, editOriginal);
    if (reuse) {
      // The kept output and cache; after the first round, one untimed build back to the generated seeds.
      if (round > 0) await timeCli(cli, args, workDir, workDir);
    } else {
      rmSync(outDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
    await run('cold', round);
    if (samples.has('nosearch')) {
      // The same archive without the search index (`search: false`), its own output and cache folders.
      rmSync(`${outDir}-nosearch`, { recursive: true, force: true });
      rmSync(`${cacheDir}-nosearch`, { recursive: true, force: true });
      writeFileSync(`${configFile}.nosearch.json`, `${JSON.stringify({ cacheDir: `${cacheDir}-nosearch`, search: false }, null, 2)}\n`);
      const sample = await timeCli(cli, ['build', '--seeds', seedsDir, '--out', `${outDir}-nosearch`, '--config', `${configFile}.nosearch.json`], workDir, workDir);
      samples.get('nosearch')!.push(sample);
      articlesFor.set('nosearch', Number(/(\d+) item\(s\)/.exec(sample.summary)?.[1] ?? archive.items));
      log(`  nosearch #${round + 1}: ${(sample.wallMs / 1000).toFixed(2)} s, tree ${sample.treeRssMb?.toFixed(0) ?? '?'} MB, CPU ${sample.cpuS?.toFixed(1) ?? '?'} s`);
      rmSync(`${outDir}-nosearch`, { recursive: true, force: true });
    }
    if (samples.has('hugo') || samples.has('hugo-pagefind')) {
      // The same items as Markdown (from this build's articles.json), built by Hugo, then by Hugo + pagefind.
      const site = path.join(workDir, 'hugo');
      const publicDir = path.join(outOn === 'shm' ? path.dirname(outDir) : workDir, 'hugo-public');
      const items = writeHugoSite(path.join(outDir, 'data', 'articles.json'), site);
      const hugo = `hugo --quiet --source ${JSON.stringify(site)} --destination ${JSON.stringify(publicDir)}`;
      for (const [scenario, script] of [
        ['hugo', hugo],
        ['hugo-pagefind', `${hugo} && ${JSON.stringify(pagefindCommand(ROOT))} --site ${JSON.stringify(publicDir)} --force-language zh-cn --silent`],
      ] as const) {
        if (!samples.has(scenario)) continue;
        rmSync(publicDir, { recursive: true, force: true });
        let sample: Sample;
        try {
          sample = await timeCommand('/bin/sh', ['-c', script], workDir, workDir);
        } catch (error) {
          // A peer that fails (Hugo + pagefind over 40,000 pages needs ~13 GB and may be killed) is left out of
          // the table and the ratios; the other scenarios still run.
          log(`  ${scenario} #${round + 1}: failed, left out — ${(error as Error).message.split('\n').filter(Boolean).slice(0, 2).join(' ')}`);
          continue;
        }
        samples.get(scenario)!.push(sample);
        articlesFor.set(scenario, items);
        log(`  ${scenario} #${round + 1}: ${(sample.wallMs / 1000).toFixed(2)} s, tree ${sample.treeRssMb?.toFixed(0) ?? '?'} MB, CPU ${sample.cpuS?.toFixed(1) ?? '?'} s (${items} items)`);
      }
      rmSync(publicDir, { recursive: true, force: true });
    }
    const eleventy = eleventyCommand(ROOT);
    if (samples.has('eleventy') && eleventy !== null) {
      const site = path.join(workDir, 'eleventy');
      const publicDir = path.join(outOn === 'shm' ? path.dirname(outDir) : workDir, 'eleventy-public');
      const items = writeEleventySite(path.join(outDir, 'data', 'articles.json'), site);
      rmSync(publicDir, { recursive: true, force: true });
      const script = `cd ${JSON.stringify(site)} && ${eleventy} --config=eleventy.config.cjs --input=. --output=${JSON.stringify(publicDir)} --quiet`;
      try {
        const sample = await timeCommand('/bin/sh', ['-c', script], workDir, workDir);
        samples.get('eleventy')!.push(sample);
        articlesFor.set('eleventy', items);
        log(`  eleventy #${round + 1}: ${(sample.wallMs / 1000).toFixed(2)} s, tree ${sample.treeRssMb?.toFixed(0) ?? '?'} MB, CPU ${sample.cpuS?.toFixed(1) ?? '?'} s (${items} items)`);
      } catch (error) {
        log(`  eleventy #${round + 1}: failed, left out — ${(error as Error).message.split('\n').filter(Boolean).slice(0, 2).join(' ')}`);
      }
      rmSync(publicDir, { recursive: true, force: true });
    }
    await run('noop', round);
    if (samples.has('add')) {
      const date = dateAfter(archive.lastDay + 1 + round);
      const file = path.join(seedsDir, pageFileName(date, 1));
      writeFileSync(file, archive.generator.pageText(date, 1, archive.undated).text);
      addedFiles.push(file);
      await run('add', round);
    }
    if (samples.has('edit')) {
      writeFileSync(editFile, editPageText(editOriginal, round + 1));
      await run('edit', round);
    }
  }
  for (const file of addedFiles) rmSync(file, { force: true });
  writeFileSync(editFile, editOriginal);
  if (samples.has('dev')) {
    // New editions after the ones the add scenario used: each a page the archive did not have.
    const addPage = (round: number): void => {
      const date = dateAfter(archive.lastDay + 1 + runs + round);
      const file = path.join(seedsDir, pageFileName(date, 1));
      writeFileSync(file, archive.generator.pageText(date, 1, archive.undated).text);
      addedFiles.push(file);
    };
    const list = await devSamples(cli, args, workDir, editFile, editOriginal, addPage, runs, log);
    samples.set('dev', list.dev);
    samples.set('dev-add', list.add);
    samples.set('dev-search', list.search);
    for (const file of addedFiles.splice(0)) rmSync(file, { force: true });
    writeFileSync(editFile, editOriginal);
  }

  const rows: Row[] = [];
  let coldMedian: number | null = null;
  for (const [scenario, list] of samples) {
    if (list.length === 0) continue;
    const walls = list.map((s) => s.wallMs);
    const rss = list.map((s) => s.peakRssMb).filter((v): v is number => v !== null);
    const tree = list.map((s) => s.treeRssMb).filter((v): v is number => typeof v === 'number');
    const cpu = list.map((s) => s.cpuS).filter((v): v is number => typeof v === 'number');
    const medianMs = median(walls);
    const work = list.map((s) => s.workMs).filter((v): v is number => typeof v === 'number');
    if (scenario === 'cold') coldMedian = medianMs;
    const articles = articlesFor.get(scenario) ?? archive.items;
    rows.push({
      scenario,
      outOn,
      pages,
      articles,
      runs: list.length,
      medianMs,
      minMs: Math.min(...walls),
      maxMs: Math.max(...walls),
      msPerArticle: medianMs / articles,
      medianRssMb: rss.length > 0 ? median(rss) : null,
      maxRssMb: rss.length > 0 ? Math.max(...rss) : null,
      medianTreeRssMb: tree.length > 0 ? median(tree) : null,
      medianCpuS: cpu.length > 0 ? median(cpu) : null,
      percentOfCold: scenario === 'cold' || coldMedian === null ? null : (100 * medianMs) / coldMedian,
      medianWorkMs: work.length > 0 ? median(work) : null,
      samples: list,
    });
  }
  if (!options.keep) {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
  return { rows, archive, workDir };
}

/** The rows as a Markdown table. */
export function formatTable(rows: readonly Row[]): string {
  const lines = [
    '| pages | articles | output | scenario | median s | min–max s | ms/article | % of cold | peak RSS MB (median / max) | process tree RSS MB | CPU s | dev work s (median) |',
    '| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.pages} | ${r.articles} | ${r.outOn} | ${r.scenario} | ${(r.medianMs / 1000).toFixed(2)} | ` +
        `${(r.minMs / 1000).toFixed(2)}–${(r.maxMs / 1000).toFixed(2)} | ${r.msPerArticle.toFixed(2)} | ` +
        `${r.percentOfCold === null ? '' : `${r.percentOfCold.toFixed(0)}%`} | ` +
        `${r.medianRssMb === null ? '?' : `${r.medianRssMb.toFixed(0)} / ${r.maxRssMb!.toFixed(0)}`} | ` +
        `${r.medianTreeRssMb === null ? '' : r.medianTreeRssMb.toFixed(0)} | ${r.medianCpuS === null ? '' : r.medianCpuS.toFixed(1)} | ` +
        `${r.medianWorkMs === null ? '' : (r.medianWorkMs / 1000).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/** The issue's targets as ratios to the peers measured in the same run (medians), one line each; '' without peers. */
export function formatRatios(rows: readonly Row[]): string {
  const lines: string[] = [];
  for (const pages of [...new Set(rows.map((r) => `${r.pages} ${r.outOn}`))]) {
    const of = (scenario: string): Row | undefined => rows.find((r) => `${r.pages} ${r.outOn}` === pages && r.scenario === scenario);
    const ratio = (a: string, b: string, label: string): void => {
      const x = of(a);
      const y = of(b);
      if (!x || !y) return;
      const cpu = x.medianCpuS !== null && y.medianCpuS !== null && y.medianCpuS > 0 ? `; CPU ${x.medianCpuS.toFixed(1)} s / ${y.medianCpuS.toFixed(1)} s = ${(x.medianCpuS / y.medianCpuS).toFixed(2)} ×` : '';
      lines.push(`${pages}: ${label}: ${(x.medianMs / 1000).toFixed(2)} s / ${(y.medianMs / 1000).toFixed(2)} s = ${(x.medianMs / y.medianMs).toFixed(2)} ×${cpu}`);
    };
    ratio('add', 'hugo', 'add one page ÷ Hugo full build');
    ratio('cold', 'hugo-pagefind', 'cold build with search ÷ Hugo + pagefind');
    ratio('nosearch', 'eleventy', 'cold build without search ÷ Eleventy');
    ratio('nosearch', 'hugo', 'cold build without search ÷ Hugo');
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', multiple: true },
      runs: { type: 'string', default: '3' },
      'out-on': { type: 'string', default: 'shm' },
      scenarios: { type: 'string' },
      // The command `npm run build` runs: the bundle when lib/ has one (scripts/bundle.mjs), else the modules.
      cli: { type: 'string', default: existsSync(path.join(ROOT, 'lib', 'cli.bundle.js')) ? path.join(ROOT, 'lib', 'cli.bundle.js') : path.join(ROOT, 'lib', 'cli.js') },
      keep: { type: 'boolean', default: false },
      undated: { type: 'boolean', default: false },
      text: { type: 'string' },
      reuse: { type: 'boolean', default: false },
    },
  });
  const text = (values.text ?? (existsSync(CORPUS_DIR) ? 'corpus' : 'seed')) as 'corpus' | 'seed';
  if (text !== 'corpus' && text !== 'seed') throw new TypeError('bench: --text takes corpus or seed');
  if (text === 'corpus' && !existsSync(CORPUS_DIR)) throw new TypeError(`bench: --text corpus needs the page corpus in ${CORPUS_DIR}`);
  const pageCounts = (values.pages ?? ['40']).flatMap((v) => v.split(',')).map(Number);
  const runs = Number(values.runs);
  const outOns = values['out-on'] === 'both' ? (['disk', 'shm'] as const) : [values['out-on'] as 'disk' | 'shm'];
  // The dev scenario runs by default when the CLI has a `dev` command.
  const hasDev = /^\s+dev\b/m.test(spawnSync(process.execPath, [values.cli!, '--help'], { encoding: 'utf8' }).stdout ?? '');
  const peers = hasHugo();
  const hasEleventy = eleventyCommand(ROOT) !== null;
  const defaults = SCENARIOS.filter((s) => (s !== 'dev' || hasDev) && ((s !== 'hugo' && s !== 'hugo-pagefind') || peers) && (s !== 'eleventy' || hasEleventy));
  const scenarios = (values.scenarios ?? defaults.join(',')).split(',') as Scenario[];
  if (scenarios.some((s) => s === 'hugo' || s === 'hugo-pagefind') && !peers) throw new TypeError('bench: the hugo scenarios need `hugo` (apt-get install hugo)');
  if (scenarios.includes('eleventy') && !hasEleventy) throw new TypeError('bench: the eleventy scenario needs `npm install --no-save @11ty/eleventy@3`');
  if (pageCounts.some((p) => !Number.isInteger(p) || p < 1) || !Number.isInteger(runs) || runs < 1) {
    throw new TypeError('bench: --pages and --runs take positive whole numbers, e.g. --pages 400 --runs 3');
  }
  if (outOns.some((o) => o !== 'disk' && o !== 'shm')) throw new TypeError('bench: --out-on takes disk, shm or both');
  if (values.reuse && scenarios.includes('cold')) throw new TypeError('bench: --reuse starts from a kept build: leave cold out of --scenarios');
  if (scenarios.some((s) => !SCENARIOS.includes(s))) throw new TypeError(`bench: --scenarios takes a list of ${SCENARIOS.join(', ')}`);
  if (!existsSync(values.cli!)) throw new TypeError(`bench: ${values.cli} not found; run \`npm run compile\` first`);

  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    totalMemGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((v) => Number(v.toFixed(2))),
    peakRss: hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  };
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(`bench: node ${machine.node}, ${machine.cpus} CPUs, load ${machine.loadAverageAtStart.join(' ')}`);
  const all: Row[] = [];
  mkdirSync(path.join(ROOT, 'bench-output'), { recursive: true });
  for (const pages of pageCounts) {
    for (const outOn of outOns) {
      const { rows } = await benchArchive({ pages, runs, outOn, scenarios, cli: values.cli!, keep: values.keep!, undated: values.undated!, text, reuse: values.reuse!, log });
      all.push(...rows);
      const file = path.join(ROOT, 'bench-output', `bench-p${pages}-${outOn}${values.undated ? '-undated' : ''}-${text}.json`);
      writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
      log(`bench: wrote ${path.relative(ROOT, file)}`);
    }
  }
  process.stdout.write(`${formatTable(all)}\n${formatRatios(all)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
