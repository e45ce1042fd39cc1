/**
 * The 26 pages a build renders when `2021-08-19_A1.txt` is added to an archive of `2021-08-18_A1.txt` and
 * `2021-08-18_A2.txt` (test/fixtures/seeds): the new page (版) and its 3 items; its edition, the older edition (its
 * 下一期), the issue calendar and the home page; the page and item read just before it until now (their 上一版 /
 * 上一篇 is now the new page and its last item); the author index and the 7 authors of its items; the place index
 * and the 7 places they are tagged with. Shared by the incremental tests that add that seed.
 */
export const PAGES_RENDERED_ADDING_A1_19: readonly string[] = [
  'authors/index.html', 'authors/吴霜.html', 'authors/曹丁丁.html', 'authors/杜俊烨.html', 'authors/王秋乐.html', 'authors/邢董明.html', 'authors/陈可.html', 'authors/黄艳鸣.html',
  'editions/2021-08-18.html', 'editions/2021-08-19.html', 'editions/index.html', 'index.html',
  'pages/2021-08-18_A1/01.html', 'pages/2021-08-18_A1/index.html',
  'pages/2021-08-19_A1/01.html', 'pages/2021-08-19_A1/02.html', 'pages/2021-08-19_A1/03.html', 'pages/2021-08-19_A1/index.html',
  'places/320612.html', 'places/320612001.html', 'places/320612119.html', 'places/320613.html', 'places/320613001.html', 'places/320671.html', 'places/320671403.html', 'places/index.html',
];
