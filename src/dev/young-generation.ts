/**
 * `news-archive dev` runs in a Node process whose young generation is larger than V8's default: the command, when
 * started without it, runs itself again as a child with gc-settings.ts DEV_SEMI_SPACE_FLAG and waits for it. The only
 * module that imports foreground-child (its `proxy-signals`: every signal this process gets is sent on to the child).
 *
 * Why: a session's rebuild at 40,340 articles allocates ~90 MB that dies young on a heap of ~1.4 GB, and with V8's
 * 16 MB semi-spaces that is six scavenges of 6–10 ms each, every one of them scanning the old generation's pointers
 * into the young one. With 64 MB semi-spaces a save was served in 236–247 ms against 303–335 ms (medians of 8
 * edits, two sessions of each, interleaved; README, Benchmark). V8 reads the semi-space size only when the heap is
 * made, so `v8.setFlagsFromString` at run time does not change it (tried: the scavenges stayed at ~15 MB).
 *
 * Not foreground-child's `foregroundChild`: its watchdog process, in the terminal's process group, dies of the
 * SIGINT a Ctrl-C sends the whole group, and foregroundChild then kills the session with SIGKILL and throws (a stack
 * trace instead of "Stopping…"). The session learns of this process's end through the IPC channel instead
 * ({@link stopWhenParentEnds}).
 */
import { spawn } from 'node:child_process';
import { proxySignals } from 'foreground-child/proxy-signals';
import { DEV_SEMI_SPACE_FLAG } from '../gc-settings.js';

/**
 * Run this command again in a child process started with {@link DEV_SEMI_SPACE_FLAG} and the same Node flags
 * (`process.execArgv`, e.g. `--import tsx`), script and arguments (`argv` as process.argv: node, script, args…).
 * The child shares stdin, stdout and stderr and has an IPC channel to this process; signals sent to this process
 * are sent on to it; this process exits with the child's exit code, or by its signal.
 * @returns a promise that settles only if the child could not be started (then with that error)
 */
export function runAgainWithYoungGeneration(argv: readonly string[]): Promise<never> {
  return new Promise((_resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, DEV_SEMI_SPACE_FLAG, ...argv.slice(1)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    const unproxy = proxySignals(child);
    child.once('error', (error) => {
      unproxy();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      unproxy();
      if (signal === null) process.exit(code ?? 0);
      // Ended by a signal: end the same way (this process's own handlers are gone).
      process.kill(process.pid, signal);
    });
  });
}

/**
 * In a session started by {@link runAgainWithYoungGeneration}: call `stop` when the parent process ends without
 * having stopped this one (killed with SIGKILL, say), so no session is left serving without a terminal. The IPC
 * channel does not keep this process alive. Does nothing in a process without an IPC channel.
 */
export function stopWhenParentEnds(stop: () => void): void {
  if (process.channel === undefined) return;
  process.channel.unref();
  process.once('disconnect', stop);
}
