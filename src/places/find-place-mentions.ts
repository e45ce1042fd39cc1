import { nameScan, type PlaceNameIndex } from './build-place-name-index.js';
import type { Jieba } from './jieba.js';
import type { GazetteerPlace } from './load-gazetteer.js';

/** A place name found in a text, and how it reads there. */
export interface PlaceMention {
  /** Offsets in the text, UTF-16 code units, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The name as written. */
  readonly text: string;
  /**
   * `home`: one place of the home region (in `places`); `ambiguous`: several home places share the
   * name (all in `places`); `parent`: the home region's own province or city; `other`: a unit
   * elsewhere, or a home name right after one (`北京市通州区`, `泰州市海陵区城东街道`).
   */
  readonly reading: 'home' | 'ambiguous' | 'parent' | 'other';
  /** Home places the mention names (empty unless `home` or `ambiguous`). */
  readonly places: readonly GazetteerPlace[];
}

/**
 * Every name of `index` (2 or more code units) in `text`: its start → the lengths of the names that start
 * there, longest first.
 */
function namesIn(index: PlaceNameIndex, text: string): Map<number, number[]> {
  const { firsts, prefixes } = index.scan ?? nameScan(index.readings.keys());
  const n = text.length;
  const lengthsAt = new Map<number, number[]>();
  for (let start = 0; start < n - 1; start++) {
    if (!firsts.has(text.charCodeAt(start))) continue;
    let lengths: number[] | undefined;
    for (let len = 2; len <= index.maxLength && start + len <= n; len++) {
      const candidate = text.slice(start, start + len);
      if (!prefixes.has(candidate)) break;
      if (index.readings.has(candidate)) (lengths ??= []).push(len);
    }
    if (lengths !== undefined) lengthsAt.set(start, lengths.reverse());
  }
  return lengthsAt;
}

/**
 * Finds the place names in `text`, left to right, longest first, on jieba word boundaries.
 *
 * A name is taken where it starts at a jieba word boundary (or where the previous name ended) and
 * ends at a boundary, or where another name starts that ends at a boundary: so `天津市滨海新区` gives
 * `天津市`, `滨海新区` and never `津市`; `沿海安全` (沿海/安全) gives nothing, not `海安`; and a jieba
 * word made of several names (`崇川区城东街道`) gives each of them.
 *
 * A name right after a name of another region (no gap) reads as `other`: the text named a different
 * parent first. Otherwise a name shared with other regions reads as the home place.
 * Uses `jieba` ({@link Jieba.wordBoundariesWithin}) with the places user dictionary loaded (createPlaceTagger). Only the
 * clauses (stretches between jieba's separators) that hold a name are cut: a text without any name of the index
 * is not cut at all. The result equals that of cutting the whole text (test/places/clauses.test.ts).
 */
export function findPlaceMentions(index: PlaceNameIndex, text: string, jieba: Pick<Jieba, 'wordBoundariesWithin'>): PlaceMention[] {
  const n = text.length;
  const lengthsAt = namesIn(index, text);
  if (lengthsAt.size === 0) return [];
  const spans: [number, number][] = [];
  for (const [start, lengths] of lengthsAt) spans.push([start, start + lengths[0]!]);
  // Only the boundaries at the start and end of a name are ever read (a name's span covers the shorter ones).
  const boundary = new Uint8Array(n + 1);
  for (const offset of jieba.wordBoundariesWithin(text, spans)) boundary[offset] = 1;

  const nameAt = (start: number): number => {
    // Longest name at `start` that ends on a boundary; 0 if none.
    for (const len of lengthsAt.get(start) ?? []) if (boundary[start + len] === 1) return len;
    return 0;
  };

  const mentions: PlaceMention[] = [];
  let lastEnd = -1;
  let i = 0;
  while (i < n) {
    let taken = 0;
    const lengths = lengthsAt.get(i);
    if (lengths !== undefined && (boundary[i] === 1 || i === lastEnd)) {
      for (const len of lengths) {
        const end = i + len;
        if (boundary[end] === 1 || (end < n && nameAt(end) > 0)) {
          taken = len;
          break;
        }
      }
    }
    if (taken === 0) {
      i++;
      continue;
    }
    const name = text.slice(i, i + taken);
    const readings = index.readings.get(name) ?? [];
    const prev = mentions.length > 0 && lastEnd === i ? mentions[mentions.length - 1] : undefined;
    let homes = readings.flatMap((r) => (r.kind === 'home' ? [r.place] : []));
    let reading: PlaceMention['reading'];
    if (prev?.reading === 'other') {
      reading = 'other';
      homes = [];
    } else if (homes.length > 0) {
      if (homes.length > 1 && prev?.reading === 'home') {
        const district = prev.places[0]?.districtCode;
        const inDistrict = homes.filter((p) => p.districtCode === district);
        if (inDistrict.length > 0) homes = inDistrict;
      }
      reading = homes.length === 1 ? 'home' : 'ambiguous';
    } else {
      reading = readings.some((r) => r.kind === 'parent') ? 'parent' : 'other';
    }
    mentions.push({ start: i, end: i + taken, text: name, reading, places: homes });
    lastEnd = i + taken;
    i = lastEnd;
  }
  return mentions;
}
