/**
 * `news-archive dev` runs in a Node process whose young generation is larger than V8's default: the command, when
 * started without it, runs itself again as a child with gc-settings.ts DEV_SEMI_SPACE_FLAG and waits for it. The only
 * module that imports foreground-child (which gives the child the terminal, forwards signals to it, exits as it
 * exits, and kills it when this process is killed).
 *
 * Why: a session's rebuild at 40,340 articles allocates ~90 MB that dies young on a heap of ~1.4 GB, and with V8's
 * 16 MB semi-spaces that is six scavenges of 6–10 ms each, every one of them scanning the old generation's pointers
 * into the young one. With 64 MB semi-spaces a save was served in 236–247 ms against 303–335 ms (medians of 8
 * edits, two sessions of each, interleaved; README, Benchmark). V8 reads the semi-space size only when the heap is
 * made, so `v8.setFlagsFromString` at run time does not change it (tried: the scavenges stayed at ~15 MB).
 */
import { foregroundChild } from 'foreground-child';
import { DEV_SEMI_SPACE_FLAG } from '../gc-settings.js';

/**
 * Run this command again in a child process started with {@link DEV_SEMI_SPACE_FLAG} and the same Node flags
 * (`process.execArgv`, e.g. `--import tsx`), script and arguments (`argv` as process.argv: node, script, args…).
 * The child shares stdin, stdout and stderr; signals sent to this process are forwarded to it; this process exits
 * with the child's exit code or signal, and so never returns to its caller in practice.
 * @returns a promise that settles only if the child could not be started (then with that error)
 */
export function runAgainWithYoungGeneration(argv: readonly string[]): Promise<never> {
  return new Promise((_resolve, reject) => {
    const child = foregroundChild(process.execPath, [...process.execArgv, DEV_SEMI_SPACE_FLAG, ...argv.slice(1)]);
    child.once('error', reject);
  });
}
