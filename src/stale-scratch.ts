/**
 * Scratch files and folders named after the process that made them (`….{pid}.tmp`, `news-archive-search-{pid}-…`, `news-archive-listing-{pid}-…`),
 * so that a later build can tell those of a build that was killed (its process is gone) from those of a build
 * still running, and remove only the former.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Whether process `pid` of this machine is running (a process of another user counts as running). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when `name` is a scratch name of a process that is gone: `….{pid}.tmp`, `news-archive-search-{pid}-…` or
 * `news-archive-listing-{pid}-…` whose pid is neither this process nor running. Any other name is false.
 */
export function isStaleScratch(name: string): boolean {
  const match = /\.(\d+)\.tmp$/.exec(name) ?? /^news-archive-(?:search|listing)-(\d+)-/.exec(name);
  if (match === null) return false;
  const pid = Number(match[1]);
  return pid !== process.pid && !processAlive(pid);
}

/** True when `name` is a scratch name of any process (`….{pid}.tmp`): not an entry of its own. */
export function isScratch(name: string): boolean {
  return /\.\d+\.tmp$/.test(name);
}

/**
 * Remove the entries of `parent` named `{prefix}…` that {@link isStaleScratch} says a killed build left; those of
 * running builds stay. A folder that cannot be read is skipped; an entry that cannot be removed (another build
 * removing it at the same time, another user's) is left as it is.
 * @param remove how an entry goes (default: removed with what it holds)
 */
export function removeStaleScratch(parent: string, prefix: string, remove: (entry: string) => void = (entry) => rmSync(entry, { recursive: true, force: true })): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !isStaleScratch(name)) continue;
    try {
      remove(path.join(parent, name));
    } catch {
      // Best effort: it must not fail the build that found it.
    }
  }
}
