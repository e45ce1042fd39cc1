/**
 * Precompiled templates kept by the build cache (render/templates.ts TemplateSpecStore, cache/build-cache.ts
 * `build/templates.json`): taken when the sources are the same, compiled again when one changed, never trusted
 * when damaged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBuildCache } from '../../src/cache/build-cache.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates, TemplateError, type TemplateSpecStore } from '../../src/render/templates.js';
import { tempDir } from '../temp-dir.js';

/** A store in memory that records what was put. */
function memoryStore(): TemplateSpecStore & { entries: Map<string, Readonly<Record<string, string>>>; puts: string[] } {
  const entries = new Map<string, Readonly<Record<string, string>>>();
  const puts: string[] = [];
  return { entries, puts, get: (key) => entries.get(key) ?? null, put: (key, specs) => (puts.push(key), entries.set(key, specs)) };
}

const VIEW = { pageTitle: '标题 <b>', breadcrumbs: [{ label: '首页', href: 'index.html' }], items: [], groups: [] };

test('templates made from stored specs render as compiled ones; a changed source is compiled and stored again', () => {
  const names = readdirSync(DEFAULT_TEMPLATES_DIR).filter((name) => name.endsWith('.hbs')).map((name) => name.slice(0, -4)).sort();
  const partials = readdirSync(path.join(DEFAULT_TEMPLATES_DIR, 'partials')).map((name) => `partial:${name.slice(0, -4)}`).sort();
  const store = memoryStore();
  const compiled = loadTemplates(DEFAULT_TEMPLATES_DIR, store);
  assert.equal(store.puts.length, 1);
  const [key] = store.puts as [string];
  assert.deepEqual(Object.keys(store.entries.get(key) ?? {}).sort(), [...partials, ...names.map((name) => `template:${name}`)].sort());
  const plain = loadTemplates(DEFAULT_TEMPLATES_DIR);
  const fromStore = loadTemplates(DEFAULT_TEMPLATES_DIR, store);
  assert.equal(store.puts.length, 1, 'the same sources: nothing compiled, nothing put');
  assert.deepEqual(fromStore.names, names);
  for (const name of names) {
    const html = plain.render(name, VIEW);
    assert.ok(html.includes('标题 &lt;b&gt;') || !html.includes('标题'), name);
    assert.equal(fromStore.render(name, VIEW), html, name);
    assert.equal(compiled.render(name, VIEW), html, name);
  }

  // What the store holds is what renders (here a spec changed by hand under the same key).
  const specs = { ...(store.entries.get(key) as Record<string, string>) };
  const notFound = specs['template:not-found'] as string;
  assert.ok(notFound.includes('找不到这个页面'), 'the 404 template prints its heading');
  specs['template:not-found'] = notFound.replace('找不到这个页面', 'FROM-STORE');
  store.entries.set(key, specs);
  assert.ok(loadTemplates(DEFAULT_TEMPLATES_DIR, store).render('not-found', VIEW).includes('FROM-STORE'));
  // A spec missing from the entry: every template is compiled again, and stored.
  const { ['template:about']: _about, ...partial } = specs;
  store.entries.set(key, partial);
  assert.ok(!loadTemplates(DEFAULT_TEMPLATES_DIR, store).render('not-found', VIEW).includes('FROM-STORE'));
  assert.equal(store.puts.length, 2);

  // An edited template: another key, compiled (its syntax checked), stored.
  const dir = path.join(tempDir('news-archive-template-specs-'), 'templates');
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  const about = path.join(dir, 'about.hbs');
  writeFileSync(about, readFileSync(about, 'utf8').replace('</div>', '<p>编辑部新增</p></div>'));
  const edited = loadTemplates(dir, store);
  assert.equal(store.puts.length, 3);
  assert.notEqual(store.puts[2], key);
  assert.ok(edited.render('about', VIEW).includes('<p>编辑部新增</p>'));
  writeFileSync(about, `${readFileSync(about, 'utf8')}{{#if x}`);
  assert.throws(() => loadTemplates(dir, store), TemplateError);
});

test('the build cache keeps template specs under their key; another key or a damaged file is a miss', () => {
  const cacheDir = tempDir('news-archive-template-cache-');
  const cache = openBuildCache(cacheDir);
  assert.equal(cache.getTemplateSpecs?.('k1'), null);
  const specs = { 'template:a': '{"main":function(){return "甲";},"useData":true}', 'partial:b': '{}' };
  cache.putTemplateSpecs?.('k1', specs);
  assert.deepEqual(cache.getTemplateSpecs?.('k1'), specs);
  assert.equal(cache.getTemplateSpecs?.('k2'), null);
  const file = path.join(cacheDir, 'build', 'templates.json');
  const bytes = readFileSync(file);
  const at = bytes.indexOf('甲');
  bytes[at + 1] = (bytes[at + 1] as number) ^ 1;
  writeFileSync(file, bytes);
  assert.equal(cache.getTemplateSpecs?.('k1'), null);
  // What a build run with the cache puts there, a later one reads (the real templates, through loadTemplates).
  const store = { get: (key: string) => cache.getTemplateSpecs?.(key) ?? null, put: (key: string, value: Readonly<Record<string, string>>) => cache.putTemplateSpecs?.(key, value) };
  loadTemplates(DEFAULT_TEMPLATES_DIR, store);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { value: { specs: Record<string, string> } };
  assert.ok(Object.keys(stored.value.specs).includes('template:article'));
});
