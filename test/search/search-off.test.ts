/**
 * `search: false`: no search index, no search page or script, no 搜索 link; every other file as with search.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateConfig } from '../../src/config.js';
import { buildFixtureSite } from '../site/fixture-site.js';

test('search: false leaves out the index, the search page, its script and the links to it', async () => {
  const withSearch = await buildFixtureSite();
  const without = await buildFixtureSite({ search: false });
  const paths = (files: readonly { path: string }[]): string[] => files.map((file) => file.path);
  const left = paths(withSearch.result.files).filter((file) => !paths(without.result.files).includes(file));
  assert.ok(left.some((file) => file.startsWith('pagefind/')));
  assert.deepEqual(left.filter((file) => !file.startsWith('pagefind/')), ['assets/search.js', 'search.html']);
  assert.deepEqual(paths(without.result.files).filter((file) => !paths(withSearch.result.files).includes(file)), []);
  const link = '<a href="../../search.html">搜索</a>\n';
  const article = 'pages/000_b18dfdda09c05dd9/01.html';
  assert.ok(withSearch.read(article).includes(link));
  assert.equal(without.read(article), withSearch.read(article).replace(link, ''));
  assert.doesNotMatch(without.read('404.html'), /search/);
  assert.equal(without.read('feed.xml'), withSearch.read('feed.xml'));
});

test('the search field is true or false', () => {
  assert.equal(validateConfig({ search: false }, 'news-archive.config.json').search, false);
  assert.equal(validateConfig({}, 'news-archive.config.json').search, true);
  assert.throws(() => validateConfig({ search: 'no' }, 'news-archive.config.json'), /news-archive.config.json: field `search`: expected true or false, got "no"/);
});
