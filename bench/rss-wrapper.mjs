/**
 * Fallback peak-RSS probe for machines without GNU time: runs the CLI module in this process and, on
 * exit, writes `{"maxRssKb": N}` (process.resourceUsage().maxRSS, kilobytes) to the file named by the
 * BENCH_RSS_FILE environment variable.
 * Usage: BENCH_RSS_FILE=f node bench/rss-wrapper.mjs lib/cli.js build --seeds …
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [cli, ...args] = process.argv.slice(2);
if (cli === undefined) {
  process.stderr.write('usage: node bench/rss-wrapper.mjs CLI_JS ARGS...\n');
  process.exitCode = 2;
} else {
  process.on('exit', () => {
    const file = process.env.BENCH_RSS_FILE;
    if (file) writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
  // The CLI reads process.argv itself (`await main(process.argv)`).
  process.argv = [process.argv[0], path.resolve(cli), ...args];
  await import(pathToFileURL(path.resolve(cli)).href);
}
