/**
 * Ctrl-C in `news-archive dev` (src/dev/interrupts.ts): one Ctrl-C that arrives twice (the terminal's and npm run's
 * forward) stops the session once; a second Ctrl-C later stops it at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyInterrupts, SAME_CTRL_C_MS } from '../../src/dev/interrupts.js';

test('a SIGINT within 500 ms of the first is the same Ctrl-C; one after is Ctrl-C again', () => {
  assert.equal(SAME_CTRL_C_MS, 500);
  let clock = 1_000;
  const classify = classifyInterrupts(() => clock);
  assert.equal(classify(), 'stop');
  clock += 3;
  assert.equal(classify(), 'same');
  clock += 496;
  assert.equal(classify(), 'same');
  clock += 1;
  assert.equal(classify(), 'again');
  clock += 10_000;
  assert.equal(classify(), 'again');
});
