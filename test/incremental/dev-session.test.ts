/**
 * A build session (what `news-archive dev` keeps between rebuilds) renders and writes only what an edit
 * touches, and the output it leaves is byte-identical to a fresh full build of the same seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBuildSession } from '../../src/build.js';
import { buildIncremental } from '../../src/build-incremental.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { listFileTree } from '../../src/list-file-tree.js';

const root = path.resolve(import.meta.dirname, '../..');

function project(): { dir: string; config: Config } {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-session-'));
  mkdirSync(path.join(dir, 'seeds'));
  for (const name of ['2021-08-18_A1.txt', '2021-08-18_A2.txt', '2021-08-19_A1.txt']) {
    copyFileSync(path.join(root, 'test/fixtures/seed', name), path.join(dir, 'seeds', name));
  }
  copyFileSync(path.join(root, 'test/fixtures/seeds/000_b18dfdda09c05dd9.txt'), path.join(dir, 'seeds/000_b18dfdda09c05dd9.txt'));
  return { dir, config: { ...DEFAULT_CONFIG, seedsDir: path.join(dir, 'seeds'), outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, '.cache') } };
}

/** Every file of a folder: path → its bytes in base64 (for exact comparison). */
function snapshot(dir: string): Map<string, string> {
  return new Map(listFileTree(dir).map((file) => [file, readFileSync(path.join(dir, ...file.split('/'))).toString('base64')]));
}

/** The output of a fresh full build of `config`'s seeds (no session, empty cache), as a snapshot. */
async function freshBuild(config: Config, dir: string, name: string): Promise<Map<string, string>> {
  const fresh = { ...config, outDir: path.join(dir, `fresh-${name}`), cacheDir: path.join(dir, `fresh-cache-${name}`) };
  await buildIncremental({ config: fresh });
  return snapshot(fresh.outDir);
}

function assertSameSite(actual: Map<string, string>, expected: Map<string, string>, step: string): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${step}: the same files`);
  const differing = [...expected].filter(([file, bytes]) => actual.get(file) !== bytes).map(([file]) => file);
  assert.deepEqual(differing, [], `${step}: the same bytes`);
}

test('a session rebuild writes only the files an edit changes, and the result equals a fresh build', async (t) => {
  const { dir, config } = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const session = createBuildSession();
  const first = await buildIncremental({ config, session });
  assert.equal(first.updateDeferred, null, 'the first build of a session writes the search index itself');
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'first'), 'first build');

  // A headline edit: the item's own page, its page (版) and the pages that list it, never its neighbours' bodies.
  const a2 = path.join(config.seedsDir, '2021-08-18_A2.txt');
  const original = readFileSync(a2, 'utf8');
  assert.ok(original.includes('干部群众携手 坚守防控一线'));
  writeFileSync(a2, original.replace('干部群众携手 坚守防控一线', '干部群众携手 坚守在防控一线'));
  const edited = await buildIncremental({ config, session });
  assert.equal(edited.stats?.processed, 1);
  // The item, its neighbours (上一篇/下一篇 show its title), its page (版), its edition (标题导航 lists it), the home
  // page, and the author and place pages that list it: 11 of the site's 75 files.
  assert.equal(edited.stats?.pagesOfSite, 75);
  assert.equal(edited.stats?.rendered, 11);
  assert.deepEqual(edited.renderedPaths, [
    'authors/任溢斌.html', 'authors/任雪.html', 'authors/徐祥忠.html', 'editions/2021-08-18.html', 'index.html',
    'pages/2021-08-18_A1/03.html', 'pages/2021-08-18_A2/01.html', 'pages/2021-08-18_A2/02.html', 'pages/2021-08-18_A2/index.html',
    'places/320612.html', 'places/320612101.html',
  ]);
  assert.ok(edited.updateDeferred !== null, 'the search index is left for later');
  assert.ok(edited.report.written.includes('pages/2021-08-18_A2/01.html'));
  const deferred = (file: string): boolean => file.startsWith('pagefind/') || ['data/articles.json', 'feed.xml', 'sitemap.xml'].includes(file);
  assert.equal(edited.report.written.some(deferred), false, 'the search index, articles.json, feed and sitemap wait for updateDeferred');
  assert.equal(edited.report.written.includes('pages/2021-08-18_A1/01.html'), false, 'an item of another page is not rewritten');
  assert.equal(edited.report.removed.length, 0);
  const searchReport = await edited.updateDeferred();
  assert.ok(searchReport.written.some((file) => file.startsWith('pagefind/')), 'the edited shard is indexed again');
  assert.ok(searchReport.written.includes('data/articles.json'));
  assert.ok(searchReport.written.includes('feed.xml'), 'the feed carries the new headline');
  assert.equal(searchReport.written.includes('sitemap.xml'), false, 'a headline edit leaves the sitemap as it was');
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'edit'), 'after a headline edit');

  // A byline changed to a name no other item carries: a new author page, the old name's page loses the item.
  writeFileSync(a2, readFileSync(a2, 'utf8').replace('·郁经纬 陈静·', '·郁经纬 陈新·'));
  const byline = await buildIncremental({ config, session });
  assert.ok(byline.report.written.includes('authors/陈新.html'), 'the new author has a page');
  assert.ok(byline.report.written.includes('authors/陈静.html'), 'the old name keeps its other items, without this one');
  assert.ok(byline.report.written.includes('authors/index.html'));
  assert.deepEqual(byline.report.removed, []);
  await byline.updateDeferred?.();
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'byline'), 'after a byline change');

  // Before updateDeferred runs, a plain build does not take the output as up to date.
  writeFileSync(a2, original);
  const reverted = await buildIncremental({ config, session });
  assert.ok(reverted.updateDeferred !== null);
  const plain = await buildIncremental({ config });
  assert.equal(plain.upToDate, false, 'a pending search index makes the next plain build run');
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'revert'), 'after a plain build');

  // A new edition, then a seed removed: new and stale files, with the search index brought up to date each time.
  const added = path.join(config.seedsDir, '2021-08-20_A1.txt');
  writeFileSync(added, readFileSync(path.join(config.seedsDir, '2021-08-19_A1.txt'), 'utf8').replace('date: 2021-08-19', 'date: 2021-08-20'));
  const withNew = await buildIncremental({ config, session });
  assert.ok(withNew.report.written.includes('editions/2021-08-20.html'));
  await withNew.updateDeferred?.();
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'add'), 'after adding a page');

  unlinkSync(path.join(config.seedsDir, '2021-08-18_A1.txt'));
  const removed = await buildIncremental({ config, session });
  assert.ok(removed.report.removed.includes('pages/2021-08-18_A1/01.html'));
  await removed.updateDeferred?.();
  const after = snapshot(config.outDir);
  assert.equal([...after.keys()].some((file) => file.startsWith('pages/2021-08-18_A1/')), false, 'no stale page of the removed seed');
  assertSameSite(after, await freshBuild(config, dir, 'remove'), 'after removing a page');
});

test('a session that starts on an up-to-date output renders once, writes nothing, and then rebuilds incrementally', async (t) => {
  const { dir, config } = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await buildIncremental({ config });
  const session = createBuildSession();
  const start = await buildIncremental({ config, session });
  assert.equal(start.upToDate, false, 'the session needs its own render of the site');
  assert.equal(start.stats?.rendered, start.stats?.pagesOfSite);
  assert.deepEqual(start.report.written, []);
  assert.deepEqual(start.report.removed, []);
  const a2 = path.join(config.seedsDir, '2021-08-18_A2.txt');
  writeFileSync(a2, readFileSync(a2, 'utf8').replace('干部群众携手 坚守防控一线', '干部群众携手 坚守在防控一线'));
  const edited = await buildIncremental({ config, session });
  assert.ok(edited.updateDeferred !== null, 'the edit takes the incremental path');
  assert.ok(edited.report.written.includes('pages/2021-08-18_A2/01.html'));
  await edited.updateDeferred();
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'primed'), 'after the edit');
});

test('a template change under a session renders every page again', async (t) => {
  const { dir, config } = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const templatesDir = path.join(dir, 'templates');
  cpSync(path.join(root, 'templates'), templatesDir, { recursive: true });
  const session = createBuildSession();
  await buildIncremental({ config, session, templatesDir });
  const foot = path.join(templatesDir, 'partials', 'foot.hbs');
  writeFileSync(foot, readFileSync(foot, 'utf8').replace('关于本站', '关于本站（测试）'));
  const changed = await buildIncremental({ config, session, templatesDir });
  assert.equal(changed.stats?.rendered, changed.stats?.pagesOfSite, 'no page is taken from the session');
  assert.ok(readFileSync(path.join(config.outDir, 'index.html'), 'utf8').includes('关于本站（测试）'));
});

test('a series of edits under a session plans only what each edit can change, and the site equals a fresh build after each', async (t) => {
  const { dir, config } = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const session = createBuildSession();
  const first = await buildIncremental({ config, session });
  assert.equal(first.planned, null, 'the first build plans every file');
  const a1 = path.join(config.seedsDir, '2021-08-18_A1.txt');
  const a2 = path.join(config.seedsDir, '2021-08-18_A2.txt');
  const undated = path.join(config.seedsDir, '000_b18dfdda09c05dd9.txt');
  const originals = new Map([a1, a2, undated].map((file) => [file, readFileSync(file, 'utf8')]));
  const block = (originals.get(a1) as string).split('\n').slice(44, 53).join('\n');
  assert.ok(block.startsWith('围绕重点人员') && block.endsWith('·张海涛 陆争峰·'));
  const edit = (file: string, from: string, to: string): void => {
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes(from), `${path.basename(file)} has ${from}`);
    writeFileSync(file, text.replace(from, to));
  };
  const steps: ReadonlyArray<{ readonly name: string; readonly change: () => void; readonly planned: number; readonly rendered: number; readonly pages?: number; readonly removed?: readonly string[] }> = [
    // The opening paragraph of the undated page's lead article: its item page, and the lists that show its opening.
    { name: 'an opening', change: () => edit(undated, '凝聚起强有力的抗疫合力', '凝聚起更强有力的抗疫合力'), planned: 73, rendered: 8 },
    // The undated page's lead headline names the page (版面「…」): every list that says where its items ran.
    { name: 'a headline that names its page', change: () => edit(undated, '积极行动 凝聚起抗疫强大合力', '积极行动 凝聚起抗疫合力'), planned: 74, rendered: 56 },
    // A name added to a byline, of an author known from another page: that author's list gains the item.
    { name: 'a byline', change: () => edit(a2, '·徐祥忠 任雪 任溢斌·', '·徐祥忠 任雪 任溢斌 陈馨·'), planned: 32, rendered: 11 },
    // An article more on a page (its authors known): the items after it move up one number.
    { name: 'an article added', change: () => edit(a2, '·郁经纬 陈静·\n', `·郁经纬 陈静·\n\n${block}\n`), planned: 37, rendered: 15, pages: 76 },
    // And gone again: the last item page and export of the page are removed.
    {
      name: 'the article removed',
      change: () => edit(a2, `·郁经纬 陈静·\n\n${block}\n`, '·郁经纬 陈静·\n'),
      planned: 35,
      rendered: 14,
      removed: ['data/markdown/2021-08-18_A2/04.md', 'pages/2021-08-18_A2/04.html'],
    },
    // Everything back: the first site again.
    { name: 'all undone', change: () => originals.forEach((text, file) => writeFileSync(file, text)), planned: 81, rendered: 59 },
  ];
  for (const step of steps) {
    step.change();
    const result = await buildIncremental({ config, session });
    assert.equal(result.planned, step.planned, `${step.name}: files planned`);
    assert.equal(result.stats?.pagesOfSite, step.pages ?? 75, `${step.name}: pages of the site`);
    assert.equal(result.stats?.rendered, step.rendered, `${step.name}: pages rendered`);
    assert.deepEqual(result.report.removed, step.removed ?? [], `${step.name}: files removed`);
    await result.updateDeferred?.();
    assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, step.name.replaceAll(' ', '-')), `after ${step.name}`);
  }
  // A byline naming someone no other item names changes the authors' paths: the whole site is planned.
  edit(a2, '·徐祥忠 任雪 任溢斌·', '·徐祥忠 任雪 任溢斌 新作者·');
  const newAuthor = await buildIncremental({ config, session });
  assert.equal(newAuthor.planned, null);
  await newAuthor.updateDeferred?.();
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'new-author'), 'after a new author');
  // Front matter changed (the page moves to another date): the whole site is planned.
  edit(a2, 'date: 2021-08-18', 'date: 2021-08-17');
  const moved = await buildIncremental({ config, session });
  assert.equal(moved.planned, null);
  await moved.updateDeferred?.();
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'moved'), 'after a page moved');
  // And an edit after those plans what it changes again.
  edit(a2, '坚守防控一线', '坚守在防控一线');
  const again = await buildIncremental({ config, session });
  assert.ok(again.planned !== null);
  await again.updateDeferred?.();
  assertSameSite(snapshot(config.outDir), await freshBuild(config, dir, 'again'), 'after an edit again');
});
