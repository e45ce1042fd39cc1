/**
 * Tests use fixtures only: none reads the editor's `seeds/` folder, so adding pages there never breaks `npm test`.
 * The seed page the tests need is a copy in test/fixtures/seeds/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no test file names the project’s seeds/ folder (only test/fixtures/)', () => {
  const offenders = testFiles(path.join(root, 'test')).filter((file) => {
    const source = readFileSync(file, 'utf8');
    // `join(root, 'seeds…')` or a URL `../../seeds/…` reaches the project's folder; temporary `seeds` folders do not.
    return file !== fileURLToPath(import.meta.url) && /\b(?:root|ROOT), 'seeds['\/]|[`'](?:\.\.\/)+seeds\//.test(source);
  });
  assert.deepEqual(offenders.map((file) => path.relative(root, file)), []);
});

test('the seed page copy in test/fixtures/seeds/ is there', () => {
  assert.deepEqual(readdirSync(path.join(root, 'test/fixtures/seeds')), ['000_b18dfdda09c05dd9.txt']);
});
