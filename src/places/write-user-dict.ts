import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodePoints } from '../compare-code-points.js';
import type { Gazetteer } from './load-gazetteer.js';
import { writeIfChanged } from './write-if-changed.js';

/**
 * Part-of-speech tags the user dictionary gives place words (jieba's own place tag is `ns`):
 * a district of the home region, a town of the home region, a parent of the home region
 * (its province and city), a province/city/county elsewhere.
 */
export const PLACE_TAGS = { district: 'nsd', town: 'nst', parent: 'nsp', other: 'nsx' } as const;

/** One line of the user dictionary. */
export interface UserDictEntry {
  readonly word: string;
  /** Frequency in jieba's units (its default dictionary sums to about 60 million): 2000 for 2-character words, 20000 for longer ones. */
  readonly freq: number;
  readonly tag: string;
}

function freqOf(word: string): number {
  return [...word].length <= 2 ? 2000 : 20000;
}

/**
 * The user dictionary entries for a gazetteer, sorted by word (code point), one per word: every name
 * of a home district (`nsd`) or town (`nst`), the home region's parents (`nsp`), and the full names of
 * provinces, cities and counties elsewhere of 3 or more characters (`nsx`; shorter and short forms are
 * left to jieba's own dictionary). A word with several roles gets the first of nsd, nst, nsp, nsx.
 * Words containing whitespace are left out (the format is space-separated).
 */
export function userDictEntries(gazetteer: Gazetteer): UserDictEntry[] {
  const tags = new Map<string, string>();
  const add = (word: string, tag: string): void => {
    if (!tags.has(word) && !/\s/u.test(word) && word !== '') tags.set(word, tag);
  };
  for (const d of gazetteer.districts) for (const n of d.names) add(n, PLACE_TAGS.district);
  for (const t of gazetteer.towns) for (const n of t.names) add(n, PLACE_TAGS.town);
  for (const n of gazetteer.parentNames) add(n, PLACE_TAGS.parent);
  for (const o of gazetteer.others) for (const n of o.names) if ([...n].length >= 3) add(n, PLACE_TAGS.other);
  return [...tags.keys()].sort(compareCodePoints).map((word) => ({ word, freq: freqOf(word), tag: tags.get(word)! }));
}

/** The user dictionary as jieba reads it: `word freq tag` lines, single spaces, `\n` after every line, no BOM. */
export function userDictText(gazetteer: Gazetteer): string {
  return userDictEntries(gazetteer).map((e) => `${e.word} ${e.freq} ${e.tag}\n`).join('');
}

/**
 * Writes the user dictionary of `gazetteer` to `<dir>/places-<homeRegion>.dict.utf8` (UTF-8), creating
 * `dir` if needed; leaves the file untouched when its bytes are already right, else writes a temp file
 * and renames it over (a folder in its place is removed first). Deterministic: the same gazetteer gives the same bytes.
 *
 * @returns the file's path.
 * @throws Error from the file system (EACCES...).
 */
export function writeUserDict(gazetteer: Gazetteer, dir: string): string {
  const path = join(dir, `places-${gazetteer.homeRegion}.dict.utf8`);
  const text = userDictText(gazetteer);
  mkdirSync(dir, { recursive: true });
  writeIfChanged(path, text);
  return path;
}
