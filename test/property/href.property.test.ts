/**
 * Links between output paths (site/routes.ts `href`, `encodePath`): the same strings as percent-encoding the
 * result of `path.posix.relative` from the page's folder (the implementation they replaced), for any paths made
 * of ASCII, Chinese, spaces and the characters URLs reserve. The fast-check seed is fixed (FC_SEED overrides it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { encodePath, href } from '../../src/site/routes.js';

const SEED = Number(process.env.FC_SEED ?? 20211129);
const RUNS = Number(process.env.FC_RUNS ?? 2000);

/** The previous implementation, kept as the reference. */
function referenceHref(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to);
  return (relative || path.posix.basename(to)).split('/').map(encodeURIComponent).join('/');
}

const CHARS = ['a', 'b', 'Z', '0', '9', '-', '_', '.', '~', '!', '*', "'", '(', ')', ' ', '%', '#', '?', '&', '+', '陈', '馨', '镇', '版', '𠀋', 'é'];
/** One folder or file name: never empty, `.` or `..` (output paths are normalised). */
const segment = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''))
  .filter((name) => name !== '.' && name !== '..');
/** A path of 1 to 4 segments, often sharing its first folders with the other path. */
const pathArb = fc.array(fc.constantFrom('pages', 'places', '2021-08-18_A1', 'authors'), { maxLength: 2 }).chain((shared) =>
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((rest) => [...shared, ...rest].join('/')),
);

test('href gives the same links as path.posix.relative from the page folder, encoded once', () => {
  fc.assert(
    fc.property(pathArb, pathArb, (from, to) => {
      // A link to a folder that holds the page itself is never made (every target is a file).
      fc.pre(!from.startsWith(`${to}/`));
      assert.equal(href(from, to), referenceHref(from, to));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('links of the site, exactly', () => {
  assert.equal(href('index.html', 'pages/2021-08-18_A1/01.html'), 'pages/2021-08-18_A1/01.html');
  assert.equal(href('pages/2021-08-18_A1/01.html', 'pages/2021-08-18_A1/02.html'), '02.html');
  assert.equal(href('pages/2021-08-18_A1/01.html', 'pages/2021-08-18_A1/01.html'), '01.html');
  assert.equal(href('pages/2021-08-18_A1/01.html', 'authors/陈馨.html'), '../../authors/%E9%99%88%E9%A6%A8.html');
  assert.equal(href('authors/陈馨.html', 'index.html'), '../index.html');
  assert.equal(href('places/320612.html', 'places/320612_2.html'), '320612_2.html');
  assert.equal(encodePath("a-b_c.d!e~f*g'h(i)/j.html"), "a-b_c.d!e~f*g'h(i)/j.html");
  assert.equal(encodePath('authors/陈 馨#1.html'), 'authors/%E9%99%88%20%E9%A6%A8%231.html');
});
