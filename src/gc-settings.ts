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

/**
 * The growing percent of a plain rerun that segments a few seeds (an addition): the heap may grow to twice its live
 * size. Such a build renders a few pages of a large archive on a heap that holds the whole site model, so collecting
 * at 1.3 times the live size runs full collections all along. At 40,339 articles, adding a page, 2 pairs: CPU 13.88
 * and 14.56 against 11.76 and 12.84 s (0.85 and 0.88), the process 1,204-1,207 against 1,344-1,346 MB (README,
 * Benchmark). A cold build keeps {@link HEAP_GROWING_PERCENT}: memory is its missed target.
 */
export const RERUN_HEAP_GROWING_PERCENT = 100;

/** Whether the command line sets the growing percent itself (`node --heap-growing-percent=N`): then it is left as given. */
const givenOnCommandLine = process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent') || arg.startsWith('--heap_growing_percent'));

if (!givenOnCommandLine) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/**
 * From now on, let the heap grow to {@link RERUN_HEAP_GROWING_PERCENT} before a full collection (unless the command
 * line set it): for the rest of a process that reruns a build of a few new seeds (cli.ts, through
 * build-incremental.ts IncrementalOptions.onFewSeeds). Sets a V8 flag of the process; nothing else.
 */
export function growHeapForRerun(): void {
  if (!givenOnCommandLine) v8.setFlagsFromString(`--heap-growing-percent=${RERUN_HEAP_GROWING_PERCENT}`);
}

/**
 * Semi-space size of a `dev` session, MB (each of the two; V8's default on 64-bit is 16). V8 reads it only when the
 * heap is made (`v8.setFlagsFromString` later does not change it), so it is given on the command line of the
 * session's process (dev/young-generation.ts).
 */
export const DEV_SEMI_SPACE_MB = 64;

/** The Node flag that gives a process {@link DEV_SEMI_SPACE_MB}. */
export const DEV_SEMI_SPACE_FLAG = `--max-semi-space-size=${DEV_SEMI_SPACE_MB}`;

/** Whether this process was started with a semi-space size of its own (ours, or one given on the command line). */
export function hasSemiSpaceFlag(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((arg) => /^--(?:max|min)[-_]semi[-_]space[-_]size\b/.test(arg));
}
