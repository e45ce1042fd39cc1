#!/usr/bin/env node
/**
 * Runs the compiled command, compiling `src/` with tsc first only when `lib/` is not current, then bundling
 * `lib/cli.js` with what it imports into `lib/cli.bundle.js` (scripts/bundle.mjs: one file loads ~0.15 s faster
 * than ~420 modules). The bundle is run when it is there, `lib/cli.js` otherwise (the same code).
 *
 * `lib/` is current when `lib/.source-hash` holds the hash of what it was compiled from: every file under `src/`
 * (relative path and bytes), `tsconfig.json` and the TypeScript version. Hashing the ~70 files takes a few
 * milliseconds; compiling takes 3–5 s, so `npm run build`, `dev` and `check` pay it only after an edit of the code.
 * A stale `lib/` is removed before compiling, so a deleted source file leaves no module behind.
 *
 * Usage: `node scripts/compiled.mjs [--compile-only] [ARGS…]` (ARGS as for `news-archive`). `npm ci` runs it with
 * `--compile-only` (the `prepare` script). Exits with tsc's status when compiling fails.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_NAME, bundleCli } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
const stamp = path.join(lib, '.source-hash');
const require = createRequire(import.meta.url);

/** Relative paths of the files under `dir`, sorted by code unit, `/`-separated. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), `${relative}/`));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

/** Hex SHA-256 of the compiler's input: src/ files, tsconfig.json and the TypeScript version. */
function sourceHash() {
  const hash = createHash('sha256');
  const part = (bytes) => hash.update(`${bytes.length}:`).update(bytes);
  for (const file of listFiles(path.join(root, 'src'))) {
    part(Buffer.from(file));
    part(readFileSync(path.join(root, 'src', file)));
  }
  part(readFileSync(path.join(root, 'tsconfig.json')));
  part(Buffer.from(require('typescript/package.json').version));
  return hash.digest('hex');
}

const args = process.argv.slice(2);
const compileOnly = args[0] === '--compile-only';
const wanted = sourceHash();
const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
if (current !== wanted) {
  if (existsSync(lib)) process.stderr.write('Compiling src/ (the code changed since lib/ was compiled)\n');
  rmSync(lib, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  await bundleCli(lib);
  writeFileSync(stamp, `${wanted}\n`);
}
if (!compileOnly) {
  // The command parses process.argv from index 2: make it look as if it had been run itself.
  const bundle = path.join(lib, BUNDLE_NAME);
  const command = existsSync(bundle) ? bundle : path.join(lib, 'cli.js');
  process.argv = [process.argv[0], command, ...args];
  await import(pathToFileURL(command).href);
}
