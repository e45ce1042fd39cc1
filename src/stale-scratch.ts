/**
 * Scratch files and folders named after the process that made them (`….{pid}.tmp`, `news-archive-search-{pid}-…`, `news-archive-listing-{pid}-…`),
 * so that a later build can tell those of a build that was killed (its process is gone) from those of a build
 * still running, and remove only the former.
 */

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
