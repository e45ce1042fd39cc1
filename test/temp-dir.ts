/**
 * Temporary folders for tests, deleted when the test process exits (each test file runs in its own process),
 * so a run leaves nothing in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A new empty folder under the system's temporary folder, named `{prefix}XXXXXX`.
 * @param prefix e.g. `news-archive-cli-`
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
