/**
 * Place tagging is linear in the text: in one long clause (a 1 MB paragraph without `，` or `。`) with many place
 * mentions, each character is scanned a bounded number of times. Before, every mention scanned back to the start
 * of its clause: the case below took k × 1 M steps (about 90 s on the 2-core machine), now about a second. The
 * work runs in a child process killed after 60 s, which is what fails a quadratic version (a synchronous test
 * cannot be timed out from inside); no wall time is asserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const jieba = new URL('../../src/places/jieba.ts', import.meta.url).href;

const SCRIPT = `
import { Jieba } from ${JSON.stringify(jieba)};
const jieba = new Jieba();
const text = '城市发展'.repeat(250_000);
const spans = [];
for (let at = 0; at < text.length; at += 20) spans.push([at, at + 3]);
const within = jieba.wordBoundariesWithin(text, spans);
const whole = jieba.wordBoundaries(text).filter((offset) => offset % 20 <= 3 && offset < text.length);
process.stdout.write(JSON.stringify({ count: within.length, same: JSON.stringify(within) === JSON.stringify(whole) }));
`;

test('boundaries in a 1,000,000-character clause with 50,000 spans: the same as cutting the whole text, in linear time', () => {
  const result = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.signal, null, 'killed after 60 s: the cost grows faster than the text');
  assert.equal(result.stderr, '');
  assert.deepEqual(JSON.parse(result.stdout), { count: 100_000, same: true });
});
