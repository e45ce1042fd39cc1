/**
 * Prototype: segment and tag the seed pages (build.ts `processPage`) across worker threads, to measure
 * whether it pays on this machine. Uses the compiled lib/ (run `npm run compile` first).
 *
 * (Measured with nodejieba 3.5.8, one cppjieba dictionary per thread, ~1.5–2 s and ~280 MB each; jieba is now
 * @node-rs/jieba, whose segmenters are instances, 0.15–0.25 s and 46 MB each.)
 *
 * Usage: node bench/parallel-prototype.mjs SEEDS_DIR CACHE_DIR [THREADS…]   (THREADS 0: in the main thread)
 * Prints, for each thread count, wall time of load + process and the process's peak RSS so far.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const lib = (name) => pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib', name)).href;
const { processPage } = await import(lib('build.js'));
const { createBuildContext } = await import(lib('build-context.js'));
/** The place context (gazetteer, tagger, jieba) of a build context made for this thread. */
const getPlaceContext = (region, cacheDir) => createBuildContext().places(region, cacheDir);

if (!isMainThread) {
  const { pages, cacheDir } = workerData;
  const t0 = performance.now();
  const places = getPlaceContext('3206', cacheDir);
  const loaded = performance.now();
  const results = pages.map((page) => processPage(page, places));
  parentPort.postMessage({ results, loadMs: loaded - t0, processMs: performance.now() - loaded });
} else {
  const [seedsDir, cacheDir, ...threadArgs] = process.argv.slice(2);
  const { loadSeeds } = await import(lib('seed/load-seeds.js'));
  const { pages } = await loadSeeds(seedsDir);
  // Make sure the jieba user dictionary exists before workers race to write it.
  const threadCounts = (threadArgs.length > 0 ? threadArgs : ['0', '1', '2']).map(Number);
  for (const threads of threadCounts) {
    const started = performance.now();
    let articles = 0;
    let detail = '';
    if (threads === 0) {
      const t0 = performance.now();
      const places = getPlaceContext('3206', cacheDir);
      const loaded = performance.now();
      for (const page of pages) articles += processPage(page, places).articles.length;
      detail = `load ${(loaded - t0).toFixed(0)} ms, process ${(performance.now() - loaded).toFixed(0)} ms`;
    } else {
      // Interleaved shares (page i to thread i mod n) balance long and short pages; results come back in order.
      const shares = Array.from({ length: threads }, (_, t) => pages.filter((_, i) => i % threads === t));
      const replies = await Promise.all(
        shares.map(
          (share) =>
            new Promise((resolve, reject) => {
              const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { pages: share, cacheDir } });
              worker.once('message', resolve);
              worker.once('error', reject);
            }),
        ),
      );
      for (const reply of replies) articles += reply.results.reduce((n, r) => n + r.articles.length, 0);
      detail = replies.map((r) => `load ${r.loadMs.toFixed(0)} ms, process ${r.processMs.toFixed(0)} ms`).join(' | ');
    }
    const wall = performance.now() - started;
    process.stdout.write(
      `${threads === 0 ? 'main thread' : `${threads} worker(s)`}: ${pages.length} pages, ${articles} items in ${(wall / 1000).toFixed(2)} s ` +
        `(${detail}); peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
  }
}
