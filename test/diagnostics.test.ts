/**
 * A diagnostic is always one line: a file name with a newline, ESC or a bidirectional override is printed
 * escaped, so a seed's name cannot forge another diagnostic line or hide text in a terminal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './../src/build.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { tempDir } from './temp-dir.js';

test('file names with a newline, ESC and U+202E are escaped in diagnostics', () => {
  const line = formatDiagnostic({
    file: 'seeds/a\nseeds/b.txt:1: error: forged\u001b[2K\u202e.txt',
    line: 3,
    rule: 'seed/x',
    severity: 'warning',
    message: 'Unexpected thing',
  });
  assert.equal(line, 'seeds/a\\nseeds/b.txt:1: error: forged\\u{1B}[2K\\u{202E}.txt:3: warning: Unexpected thing [seed/x]');
  assert.equal(line.includes('\n'), false);
});

test('a seed whose name holds a newline is built, and its diagnostics stay one line each', async () => {
  const work = tempDir('news-archive-names-');
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  writeFileSync(path.join(seedsDir, 'x\n\u001b[2Ky.txt'), '·王明·\n\n新闻标题\n\n这是正文。\n\n·李红·\n');
  const result = await build({ config: { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') } });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
    'seeds/x\\n\\u{1B}[2Ky.txt:1: warning: Unexpected byline: no article text before it; not published (no text), kept in data/articles.json [segment/unsorted]',
  ]);
});
