/**
 * Search in a real browser on a large archive: the time from opening `search.html?q=…` to the first result on
 * screen and to the last (every shard searched, the exact count shown), in Chromium (/usr/bin/chromium through
 * playwright-core) against the built site served on 127.0.0.1, each run in a fresh browser context (empty cache:
 * a reader's first search).
 *
 * Usage: npm run compile && node --import tsx bench/search-bench.ts [--pages 400] [--runs 3] [--text corpus|seed]
 *          [--site DIR] [--queries 张芝山镇,核酸检测,陈馨,志愿者] [--chromium-ui]
 * Chromium 156 in headless mode loads its own address-bar popup (a WebUI page in a renderer of its own) for each new
 * window, in the same ~100 ms as the search page's first search: on a 2-core machine that added 50–150 ms to the
 * time to the first result, work a reader's browser did once when it started. The bench turns that popup off
 * (--disable-features, with the features Playwright turns off itself); `--chromium-ui` keeps it, as the browser
 * tests do.
 * With `--site`, an already built output folder is searched (e.g. one kept by `npm run bench -- --keep`);
 * otherwise the synthetic archive of `--pages` pages is generated (bench/generate-archive.ts) and built with the
 * real command first. Prints a table and writes JSON to bench-output/search-*.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { launchBrowser } from '../test/browser/inspect-page.js';
import { serveSite } from '../test/browser/serve-site.js';
import { CORPUS_DIR, CorpusGenerator, generateArchive, ROOT } from './generate-archive.js';

/** One query's timings, in ms from the start of navigation. */
interface QueryRow {
  readonly query: string;
  readonly results: number;
  readonly status: string;
  readonly firstMs: readonly number[];
  readonly allMs: readonly number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Records, in the page, when the first result appears and when the status says every shard is searched. */
const TIMER = `(() => {
  const marks = { first: null, done: null };
  window.__searchMarks = marks;
  new MutationObserver(() => {
    if (marks.first === null && document.querySelector('#search-results li')) marks.first = performance.now();
    const status = document.getElementById('search-status');
    if (marks.done === null && status && status.dataset.state === 'done') marks.done = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/**
 * Features Playwright 1.65 turns off (its chromiumSwitches), repeated because a second `--disable-features`
 * replaces the first, and Chromium's address-bar popup pages.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay',
  'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup',
];

/** Chromium as the browser tests start it (test/browser/inspect-page.ts), without its address-bar popup unless `ui`. */
async function launch(ui: boolean): Promise<Browser> {
  if (ui) return launchBrowser();
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--disable-features=${DISABLED_FEATURES.join(',')}`],
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '400' },
      runs: { type: 'string', default: '3' },
      text: { type: 'string' },
      site: { type: 'string' },
      queries: { type: 'string', default: '张芝山镇,核酸检测,陈馨,志愿者' },
      'chromium-ui': { type: 'boolean', default: false },
    },
  });
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const runs = Number(values.runs);
  const queries = (values.queries as string).split(',').filter(Boolean);
  let site = values.site;
  let label: string;
  let articles: number;
  if (site === undefined) {
    const pages = Number(values.pages);
    const text = (values.text ?? (existsSync(CORPUS_DIR) ? 'corpus' : 'seed')) as 'corpus' | 'seed';
    const work = path.join(os.tmpdir(), 'news-archive-search-bench', `p${pages}-${text}`);
    rmSync(work, { recursive: true, force: true });
    const archive = generateArchive(path.join(work, 'seeds'), pages, undefined, text === 'corpus' ? { source: new CorpusGenerator() } : {});
    site = path.join(work, 'out');
    writeFileSync(path.join(work, 'config.json'), `${JSON.stringify({ cacheDir: path.join(work, 'cache') })}\n`);
    log(`search-bench: building ${pages} pages (${text} text, ${archive.items} items) into ${site}…`);
    const started = Date.now();
    execFileSync(process.execPath, [path.join(ROOT, 'lib', 'cli.js'), 'build', '--seeds', path.join(work, 'seeds'), '--out', site, '--config', path.join(work, 'config.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
    log(`search-bench: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    label = `${pages} pages, ${text} text`;
    articles = archive.items;
  } else {
    label = site;
    articles = (JSON.parse(readFileSync(path.join(site, 'data', 'articles.json'), 'utf8')) as unknown[]).length;
  }
  const shards = (JSON.parse(readFileSync(path.join(site, 'pagefind', 'shards.json'), 'utf8')) as string[]).length + 1;
  const server = await serveSite(site);
  const browser = await launch(values['chromium-ui'] === true);
  const rows: QueryRow[] = [];
  try {
    for (const query of queries) {
      const firstMs: number[] = [];
      const allMs: number[] = [];
      let results = 0;
      let status = '';
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript(TIMER);
        const page = await context.newPage();
        await page.goto(`${server.url}search.html?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => (window as unknown as { __searchMarks: { done: number | null } }).__searchMarks.done !== null, null, { timeout: 600_000, polling: 50 });
        const marks = (await page.evaluate('window.__searchMarks')) as { first: number | null; done: number };
        // Where the time to the first result goes (performance marks of templates/search.js), first run only.
        if (run === 0) {
          const steps = (await page.evaluate(`['search:loaded', 'search:merged', 'search:searched', 'search:first'].map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null])`)) as Array<[string, number | null]>;
          log(`  ${query} run 1: ${steps.map(([name, at]) => `${name.slice(7)} ${at === null ? '-' : at.toFixed(0)}`).join(', ')} ms`);
        }
        firstMs.push(marks.first ?? marks.done);
        allMs.push(marks.done);
        results = await page.locator('#search-results li').count();
        status = (await page.textContent('#search-status')) ?? '';
        await context.close();
      }
      rows.push({ query, results, status, firstMs, allMs });
      log(`  ${query}: first ${median(firstMs).toFixed(0)} ms, all ${median(allMs).toFixed(0)} ms — ${status}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const table = [
    `Search on ${label}: ${articles} articles, ${shards} shards; medians of ${runs} runs, ms from opening search.html?q=…; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}${values['chromium-ui'] ? '; Chromium\'s address-bar popup on' : ''}`,
    '',
    '| query | first result ms (min–max) | all results ms (min–max) | status |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.query} | ${median(r.firstMs).toFixed(0)} (${Math.min(...r.firstMs).toFixed(0)}–${Math.max(...r.firstMs).toFixed(0)}) | ${median(r.allMs).toFixed(0)} (${Math.min(...r.allMs).toFixed(0)}–${Math.max(...r.allMs).toFixed(0)}) | ${r.status} |`),
  ].join('\n');
  mkdirSync(path.join(ROOT, 'bench-output'), { recursive: true });
  const file = path.join(ROOT, 'bench-output', `search-${articles}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), site: label, articles, shards, loadAverage: os.loadavg(), chromiumUi: values['chromium-ui'] === true, rows }, null, 2)}\n`);
  log(`search-bench: wrote ${path.relative(ROOT, file)}`);
  process.stdout.write(`${table}\n`);
}

await main();
