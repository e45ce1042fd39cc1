/**
 * compareCodePoints: the order of code points, whatever the strings hold (surrogate pairs, lone surrogates).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareCodePoints } from '../src/compare-code-points.js';

/** The order by code point, read the plain way: every code point of both strings, then the length. */
function reference(a: string, b: string): number {
  const x = [...a].map((char) => char.codePointAt(0) as number);
  const y = [...b].map((char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

test('astral characters sort after U+E000–U+FFFF, unlike UTF-16 code units', () => {
  const names = ['𠮷野', '\uFF21', '张', 'a', '\uE000', 'ab', ''];
  assert.deepEqual([...names].sort(compareCodePoints), ['', 'a', 'ab', '张', '\uE000', '\uFF21', '𠮷野']);
  assert.deepEqual([...names].sort(), ['', 'a', 'ab', '张', '𠮷野', '\uE000', '\uFF21']);
  assert.equal(compareCodePoints('pages/张/01.html', 'pages/张/01.html'), 0);
});

test('the sign is the reference order for any strings, lone surrogates included', () => {
  const unit = fc.oneof(
    fc.constantFrom('a', 'z', '/', '张', '\uD842', '\uDFB7', '\uE000', '\uFFFF', '𠮷', '😀'),
    fc.string({ unit: 'binary', maxLength: 2 }),
  );
  const text = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, text, fc.string({ maxLength: 3 }), (a, b, prefix) => {
      for (const [x, y] of [[a, b], [prefix + a, prefix + b]] as const) {
        assert.equal(Math.sign(compareCodePoints(x, y)), Math.sign(reference(x, y)), JSON.stringify([x, y]));
      }
    }),
    { numRuns: 5000 },
  );
});
