/**
 * Build configuration: defaults, and loading `news-archive.config.json` with validation.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCityCode } from './places/load-gazetteer.js';

/** Settings of one archive. Paths are relative to the working directory. */
export interface Config {
  /** Site title shown in every page header and the feed. Default `地方报纸数字档案`. */
  readonly title: string;
  /** Absolute URL the site is published under, used by the feed, the sitemap and citations. Default `http://localhost:8080/`. */
  readonly baseUrl: string;
  /** Statistical code of the home city whose districts and towns are tagged (2023 division codes). Default `3206` (南通市). */
  readonly homeRegion: string;
  /** Folder of seed pages. Default `seeds`. */
  readonly seedsDir: string;
  /** Output folder. Default `dist`. */
  readonly outDir: string;
  /** Cache folder (jieba user dictionary, incremental build state), outside the output. Default `.cache`. */
  readonly cacheDir: string;
  /** How many items the Atom feed carries. Default 50. */
  readonly feedSize: number;
  /** Largest seed file accepted, in bytes; larger files are refused with an error. Default 4194304 (4 MiB). */
  readonly maxSeedBytes: number;
  /**
   * Whether the site has full-text search: the Pagefind index in `pagefind/`, the search page and its script, and
   * the 搜索 link of every page. Default true; false leaves them out (a build without Pagefind's indexing).
   */
  readonly search: boolean;
}

/** The defaults, used for every field the config file leaves out. */
export const DEFAULT_CONFIG: Config = {
  title: '地方报纸数字档案',
  baseUrl: 'http://localhost:8080/',
  homeRegion: '3206',
  seedsDir: 'seeds',
  outDir: 'dist',
  cacheDir: '.cache',
  feedSize: 50,
  maxSeedBytes: 4 * 1024 * 1024,
  search: true,
};

/** A config file that cannot be used; the message names the file and the field. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const FIELDS: Record<keyof Config, (value: unknown) => string | null> = {
  title: (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'expected a non-empty string'),
  baseUrl: (v) => {
    if (typeof v !== 'string') return 'expected an absolute http(s) URL';
    try {
      const url = new URL(v);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'expected an http or https URL';
      // Printed as it is into feed.xml, the sitemap and every page: only characters a URL may hold as they are.
      if (/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(v) || /'/.test(v)) return 'expected a URL without spaces, quotes, `<`, `>` or other characters to percent-encode (write them as %XX)';
      if (url.search !== '' || url.hash !== '') return 'expected a URL without `?` query or `#` fragment';
      return null;
    } catch {
      return 'expected an absolute http(s) URL such as https://example.org/archive/';
    }
  },
  homeRegion: (v) =>
    typeof v === 'string' && /^\d{4}$/.test(v) && isCityCode(v) ? null : 'expected the 4-digit code of a city in the statistical division codes, such as "3206" (南通市)',
  seedsDir: (v) => (typeof v === 'string' && v !== '' ? null : 'expected a folder path'),
  outDir: (v) => (typeof v === 'string' && v !== '' ? null : 'expected a folder path'),
  cacheDir: (v) => (typeof v === 'string' && v !== '' ? null : 'expected a folder path'),
  feedSize: (v) => (Number.isInteger(v) && (v as number) > 0 && (v as number) <= 1000 ? null : 'expected a whole number from 1 to 1000'),
  maxSeedBytes: (v) => (Number.isInteger(v) && (v as number) >= 1024 ? null : 'expected a whole number of bytes, at least 1024'),
  search: (v) => (typeof v === 'boolean' ? null : 'expected true or false'),
};

/** True when `inner` is `outer` or inside it (both resolved against the working directory). */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The output folder is emptied of everything the build does not produce, so it must not hold the working
 * folder, the seeds or the cache.
 */
function outDirProblem(config: Config): string | null {
  if (within(process.cwd(), config.outDir)) return 'must not be the working folder or one of its parents';
  if (within(config.seedsDir, config.outDir)) return `must not be or contain the seeds folder \`${config.seedsDir}\``;
  if (within(config.cacheDir, config.outDir)) return `must not be or contain the cache folder \`${config.cacheDir}\``;
  return null;
}

/**
 * Validate a parsed config object against the Config fields.
 * @param source file name used in messages
 * @throws ConfigError `FILE: field \`x\`: expected …` for an unknown field or a bad value, or an output folder
 *   that would hold the working folder, the seeds or the cache
 */
export function validateConfig(value: unknown, source: string): Config {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${source}: expected a JSON object of settings`);
  }
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, field] of Object.entries(value)) {
    const check = FIELDS[key as keyof Config];
    if (!check) throw new ConfigError(`${source}: unknown field \`${key}\`, expected one of ${Object.keys(FIELDS).join(', ')}`);
    const problem = check(field);
    if (problem) throw new ConfigError(`${source}: field \`${key}\`: ${problem}, got ${JSON.stringify(field)}`);
    out[key] = field;
  }
  const config = out as unknown as Config;
  const problem = outDirProblem(config);
  if (problem) throw new ConfigError(`${source}: field \`outDir\`: ${problem}, got ${JSON.stringify(config.outDir)}`);
  return config;
}

/**
 * Load and validate a JSON config file.
 * @throws ConfigError when the file is missing, is not JSON, or a field is bad
 */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return validateConfig(parsed, file);
}
