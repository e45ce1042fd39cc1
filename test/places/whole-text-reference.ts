/**
 * The place-tagging and join-check algorithms as they were before clause-level cutting (commit 8b4b359), kept
 * verbatim as the oracle that the clause-level versions must equal: every jieba boundary comes from
 * `wordBoundaries(text)` of the whole text. Not a test; imported by test/places/clauses.test.ts and
 * bench/jieba-clauses.ts. Give {@link wholeText} the Jieba the places user dictionary was loaded into (createPlaceTagger).
 */
import { buildPlaceNameIndex, type PlaceNameIndex } from '../../src/places/build-place-name-index.js';
import { compareCodePoints } from '../../src/compare-code-points.js';
import type { PlaceMention } from '../../src/places/find-place-mentions.js';
import type { Jieba } from '../../src/places/jieba.js';
import type { Gazetteer, GazetteerPlace } from '../../src/places/load-gazetteer.js';
import type { ArticlePlaces, PlaceRef } from '../../src/types.js';

/** The reference functions, cutting with `jieba`. */
export function wholeText(jieba: Jieba) {
  const { wordBoundaries } = jieba;
  /** spansJoin before: cuts `left + right` whole. */
  function wholeSpansJoin(left: string, right: string): boolean {
    if (left === '' || right === '') return false;
    return !wordBoundaries(left + right).includes(left.length);
  }

  /** findPlaceMentions before: boundaries from cutting the whole text. */
  function wholeFindPlaceMentions(index: PlaceNameIndex, text: string): PlaceMention[] {
    const n = text.length;
    const boundary = new Uint8Array(n + 1);
    for (const offset of wordBoundaries(text)) boundary[offset] = 1;

    const nameAt = (start: number): number => {
      for (let len = Math.min(index.maxLength, n - start); len >= 2; len--) {
        if (boundary[start + len] === 1 && index.readings.has(text.slice(start, start + len))) return len;
      }
      return 0;
    };

    const mentions: PlaceMention[] = [];
    let lastEnd = -1;
    let i = 0;
    while (i < n) {
      let taken = 0;
      if (boundary[i] === 1 || i === lastEnd) {
        for (let len = Math.min(index.maxLength, n - i); len >= 2; len--) {
          const end = i + len;
          if (!index.readings.has(text.slice(i, end))) continue;
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

  function homeNameFilter(index: PlaceNameIndex): (text: string) => boolean {
    const names = new Set([...index.readings].filter(([, readings]) => readings.some((r) => r.kind === 'home')).map(([name]) => name));
    const firsts = new Set([...names].map((name) => name[0]));
    const longest = Math.max(0, ...[...names].map((name) => name.length));
    return (text) => {
      for (let i = 0; i < text.length; i++) {
        if (!firsts.has(text[i])) continue;
        for (let len = 2; len <= longest && i + len <= text.length; len++) if (names.has(text.slice(i, i + len))) return true;
      }
      return false;
    };
  }

  function toRef(place: GazetteerPlace): PlaceRef {
    return { code: place.code, name: place.name, level: place.level, districtCode: place.districtCode };
  }

  /** PlaceTagger.tag and .mentions before, for `gazetteer` (whose dictionary must be loaded). */
  function wholeTextTagger(gazetteer: Gazetteer): { tag(texts: readonly string[]): ArticlePlaces; mentions(text: string): PlaceMention[] } {
    const index = buildPlaceNameIndex(gazetteer);
    const namesHome = homeNameFilter(index);
    return {
      mentions: (text) => wholeFindPlaceMentions(index, text),
      tag(texts) {
        const found = new Map<string, GazetteerPlace>();
        const ambiguous: (readonly GazetteerPlace[])[] = [];
        for (const text of texts) {
          if (!namesHome(text)) continue;
          for (const mention of wholeFindPlaceMentions(index, text)) {
            if (mention.reading === 'home') {
              const place = mention.places[0]!;
              found.set(place.code, place);
            } else if (mention.reading === 'ambiguous') {
              ambiguous.push(mention.places);
            }
          }
        }
        const districtsNamed = new Set([...found.values()].map((p) => p.districtCode));
        for (const places of ambiguous) {
          const inNamed = places.filter((p) => districtsNamed.has(p.districtCode));
          if (inNamed.length === 1) found.set(inNamed[0]!.code, inNamed[0]!);
        }
        for (const place of [...found.values()]) {
          if (place.level === 'town') {
            const district = gazetteer.byCode.get(place.districtCode);
            if (district) found.set(district.code, district);
          }
        }
        const sorted = [...found.values()].sort((a, b) => compareCodePoints(a.code, b.code));
        return {
          districts: sorted.filter((p) => p.level === 'district').map(toRef),
          towns: sorted.filter((p) => p.level === 'town').map(toRef),
        };
      },
    };
  }
  return { wholeSpansJoin, wholeFindPlaceMentions, wholeTextTagger };
}
