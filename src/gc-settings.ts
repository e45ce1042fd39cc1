/**
 * V8 garbage-collector settings of the `news-archive` command, applied when this module is first imported (cli.ts
 * imports it before anything else).
 *
 * A build allocates garbage at a steady rate (segmentation temporaries, every rendered page, Pagefind's replies),
 * and with memory to spare V8 lets the heap grow to about three times what is live before a full collection: at
 * 40,016 articles the process peaked at 1.27–1.45 GB of RSS with 250–300 MB live. A growing factor of 1.3
 * (`--heap-growing-percent=30`) collects sooner: 0.96 GB peak on the same archive, in about the same time
 * (bench/run-bench.ts; docs/benchmark.md). V8 reads the flag at each full collection, so setting it at start-up
 * takes effect; `node --heap-growing-percent=N` on the command line still overrides it.
 * Measured again at 40,054 articles (search: false, one pair side by side; README, Benchmark): 30 against 100,
 * peak 1,341 against 1,569 MB for 114.4 against 103.9 CPU s; the live heap is 400–500 MB at that size. Kept at 30.
 */
import v8 from 'node:v8';

/** The heap may grow to (1 + HEAP_GROWING_PERCENT / 100) times its live size before a full collection. */
export const HEAP_GROWING_PERCENT = 30;

if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent') || arg.startsWith('--heap_growing_percent'))) {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
