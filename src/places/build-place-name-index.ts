import type { Gazetteer, GazetteerPlace, OtherUnit } from './load-gazetteer.js';

/** What a name found in text can refer to. */
export type NameReading =
  | { readonly kind: 'home'; readonly place: GazetteerPlace }
  | { readonly kind: 'parent' }
  | { readonly kind: 'other'; readonly unit: OtherUnit };

/** Every name the matcher looks for, with its readings. Built once per gazetteer by {@link buildPlaceNameIndex}. */
export interface PlaceNameIndex {
  /** Name → readings: home places first (by code), then `parent`, then other units (by code). */
  readonly readings: ReadonlyMap<string, readonly NameReading[]>;
  /** Length of the longest name, in UTF-16 code units. */
  readonly maxLength: number;
  /**
   * What the scan for names needs (find-place-mentions.ts): the first code units of the names of 2+ code units,
   * and every prefix of 2+ code units of such a name. Made by {@link buildPlaceNameIndex}; computed at each
   * search when absent.
   */
  readonly scan?: NameScan;
}

/** See {@link PlaceNameIndex.scan}. */
export interface NameScan {
  readonly firsts: ReadonlySet<number>;
  readonly prefixes: ReadonlySet<string>;
}

/** The {@link NameScan} of a set of names. */
export function nameScan(names: Iterable<string>): NameScan {
  const firsts = new Set<number>();
  const prefixes = new Set<string>();
  for (const name of names) {
    if (name.length < 2) continue; // never matched
    firsts.add(name.charCodeAt(0));
    for (let len = 2; len <= name.length; len++) prefixes.add(name.slice(0, len));
  }
  return { firsts, prefixes };
}

/**
 * Indexes the names of a gazetteer: names of home districts and towns, of the home region's
 * parents, and of provinces, cities and counties elsewhere (full names and short forms). Pure.
 */
export function buildPlaceNameIndex(gazetteer: Gazetteer): PlaceNameIndex {
  const readings = new Map<string, NameReading[]>();
  const add = (name: string, reading: NameReading): void => {
    const list = readings.get(name);
    if (list) list.push(reading);
    else readings.set(name, [reading]);
  };
  for (const place of [...gazetteer.districts, ...gazetteer.towns]) {
    for (const name of place.names) add(name, { kind: 'home', place });
  }
  for (const name of gazetteer.parentNames) add(name, { kind: 'parent' });
  for (const unit of gazetteer.others) for (const name of unit.names) add(name, { kind: 'other', unit });
  let maxLength = 0;
  for (const name of readings.keys()) maxLength = Math.max(maxLength, name.length);
  return { readings, maxLength, scan: nameScan(readings.keys()) };
}
