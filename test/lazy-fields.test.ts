/**
 * Lazily worked out fields (src/lazy-fields.ts): the field serialises like a literal's getter, is worked out once,
 * and the objects that have it stay in V8's fast mode (checked in a child Node with `%HasFastProperties`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lazyField } from '../src/lazy-fields.js';

test('a lazy field is an own enumerable field in its place, worked out once, and its source let go of', () => {
  const calls: string[] = [];
  const body = lazyField('body', (source: { readonly text: string }) => {
    calls.push(source.text);
    return [source.text];
  });
  const source = { text: '正文' };
  const item: Record<string, unknown> = { id: 'a/01', kind: 'article' };
  body.define(item, source);
  item.bylines = ['王明'];
  assert.deepEqual(calls, []);
  // What the object holds under its one hidden key: the source, until the value is known.
  const hidden = (): unknown[] => Object.getOwnPropertySymbols(item).map((key) => (item as Record<symbol, unknown>)[key]);
  assert.equal(hidden().length, 1);
  assert.equal((hidden()[0] as { source: unknown }).source, source);
  assert.equal(typeof (hidden()[0] as { value: unknown }).value, 'symbol');
  assert.equal(JSON.stringify(item), '{"id":"a/01","kind":"article","body":["正文"],"bylines":["王明"]}');
  assert.deepEqual(Object.keys(item), ['id', 'kind', 'body', 'bylines']);
  assert.deepEqual({ ...item }, { id: 'a/01', kind: 'article', body: ['正文'], bylines: ['王明'] });
  assert.equal(item.body, item.body);
  assert.deepEqual(calls, ['正文']);
  // Once the value is known the source is let go of: the hidden slot holds the value alone.
  assert.deepEqual(hidden(), [{ source: undefined, value: ['正文'] }]);
});

test('a lazy field whose work throws throws at each read until it succeeds', () => {
  let fail = true;
  const field = lazyField('body', () => {
    if (fail) throw new Error('missing text');
    return 'text';
  });
  const item = field.define({} as { body?: string }, null);
  assert.throws(() => item.body, /missing text/);
  fail = false;
  assert.equal(item.body, 'text');
});

test('objects with lazy fields stay in fast mode, and an object literal with a getter does not', () => {
  const script = `
    const { lazyField } = await import(${JSON.stringify(new URL('../src/lazy-fields.ts', import.meta.url).href)});
    const body = lazyField('body', (s) => s.parts);
    const paragraphs = lazyField('paragraphs', (s) => s.parts.length);
    const made = [];
    for (let i = 0; i < 100; i++) {
      const o = { id: String(i), kind: 'article' };
      body.define(o, { parts: [i] });
      paragraphs.define(o, { parts: [i] });
      o.places = [];
      made.push(o);
    }
    void made[7].body;
    const literal = { id: '0', get body() { return []; } };
    console.log(JSON.stringify([%HasFastProperties(made[7]), %HasFastProperties(made[99]), %HasFastProperties(literal)]));
  `;
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.stderr, '');
  assert.equal(child.stdout.trim(), '[true,true,false]');
});
