/**
 * Pinyin order of personal names, as Chinese contact lists and indexes print them: by the pinyin of each
 * character (surnames read as surnames: 曾 zēng, 单 shàn, 解 xiè, 区 ōu), grouped by the initial letter of the
 * surname. The only module that loads `pinyin-pro` (its dictionary, not the machine's ICU, decides the
 * readings, so the order is the same on every machine). pinyin-pro is loaded at the first name that a
 * {@link NameKeys} memo does not hold (loading its dictionary takes about 35 ms), so a build whose authors are
 * all known from the last one never loads it.
 */
import { createRequire } from 'node:module';
import { compareCodePoints } from '../compare-code-points.js';

const require = createRequire(import.meta.url);

/** The readings of a name's characters (one a character). */
type Readings = (name: string) => string[];

/** {@link Readings} by pinyin-pro, loaded at the first call (not at all when every name is in a memo). */
function pinyinReadings(): Readings {
  let pinyin: (typeof import('pinyin-pro'))['pinyin'] | undefined;
  return (name) => {
    pinyin ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
    return pinyin(name, { surname: 'head', toneType: 'num', type: 'array', v: true });
  };
}

/**
 * A name's sort key: its index letter ({@link nameInitial}), its syllables without tone (`chen`, `xin`) and their
 * tones (`2`, `1`; `0` for none).
 */
export interface NameKey {
  readonly initial: string;
  readonly syllables: readonly string[];
  readonly tones: readonly string[];
}

/**
 * Sort keys of names made before, by name: a build keeps them (cache/build-cache.ts getNameKeys) so that the
 * authors index of a rerun orders its names without pinyin-pro. Valid for one pinyin-pro version and this
 * module's code (the generator key).
 */
export type NameKeys = Map<string, NameKey>;

const HAN = /\p{Script=Han}/u;

function nameKey(name: string, readingsOf: Readings): NameKey {
  const chars = [...name];
  const readings = readingsOf(name);
  // pinyin-pro gives one reading a character (a character it does not know comes back as itself).
  const syllables: string[] = [];
  const tones: string[] = [];
  chars.forEach((char, i) => {
    const reading = HAN.test(char) ? (readings[i] ?? char) : char;
    const match = /^([a-zü]+)([0-5])$/u.exec(reading.toLowerCase());
    syllables.push(match ? (match[1] as string) : reading.toLowerCase());
    tones.push(match ? (match[2] as string) : '0');
  });
  const letter = (syllables[0] ?? '').normalize('NFD').charAt(0).toUpperCase();
  return { initial: /^[A-Z]$/.test(letter) ? letter : '#', syllables, tones };
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareCodePoints(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** A name with its sort key, from `memo` when it holds the name (else made, and put in it). */
interface KeyedName {
  readonly name: string;
  readonly key: NameKey;
}

function keyedName(name: string, readings: Readings, memo?: NameKeys): KeyedName {
  let key = memo?.get(name);
  if (key === undefined) {
    key = nameKey(name, readings);
    memo?.set(name, key);
  }
  return { name, key };
}

/**
 * The index letter of a name: `A`–`Z` from the pinyin of its first character (`陈馨` → `C`, `曾国藩` → `Z`), the
 * letter itself for a Latin name (`Li Ming` → `L`), `#` for anything else (digits, other scripts).
 */
export function nameInitial(name: string): string {
  return keyedName(name, pinyinReadings()).key.initial;
}

function compareKeyed(a: KeyedName, b: KeyedName): number {
  const [x, y] = [a.key.initial, b.key.initial];
  if (x !== y) return x === '#' ? 1 : y === '#' ? -1 : compareCodePoints(x, y);
  return compareLists(a.key.syllables, b.key.syllables) || compareLists(a.key.tones, b.key.tones) || compareCodePoints(a.name, b.name);
}

/**
 * Compare two names in pinyin order: syllable by syllable without tones (`chen xin` < `chen yu`), then by tones,
 * then by code point (two names with one reading keep a fixed order). Names of `#` ({@link nameInitial}) come
 * after `Z`. Pure and deterministic.
 */
export function comparePinyin(a: string, b: string): number {
  const readings = pinyinReadings();
  return compareKeyed(keyedName(a, readings), keyedName(b, readings));
}

/** One letter of a name index: the letter and its names in pinyin order. */
export interface NameGroup<T> {
  /** `A`–`Z` or `#`. */
  readonly initial: string;
  readonly entries: readonly T[];
}

/**
 * Group entries by the index letter of their name ({@link nameInitial}), letters A to Z then `#`, each group in
 * pinyin order ({@link comparePinyin}); letters without names are left out. Each name is read once (a sort that
 * read both names at every comparison spent 0.2–0.35 s on 4,000 authors).
 * @param nameOf the name of an entry
 * @param memo sort keys of names made before: those it holds are taken from it, the others made and put in it
 */
export function groupByInitial<T>(entries: readonly T[], nameOf: (entry: T) => string, memo?: NameKeys): Array<NameGroup<T>> {
  const readings = pinyinReadings();
  const sorted = entries.map((entry) => ({ entry, keyed: keyedName(nameOf(entry), readings, memo) })).sort((a, b) => compareKeyed(a.keyed, b.keyed));
  const groups: Array<{ initial: string; entries: T[] }> = [];
  for (const { entry, keyed } of sorted) {
    const last = groups.at(-1);
    if (last !== undefined && last.initial === keyed.key.initial) last.entries.push(entry);
    else groups.push({ initial: keyed.key.initial, entries: [entry] });
  }
  return groups;
}
