import type { ArticlePlaces, PlaceRef } from '../types.js';
import { buildPlaceNameIndex, type PlaceNameIndex } from './build-place-name-index.js';
import { compareCodePoints } from '../compare-code-points.js';
import { findPlaceMentions, type PlaceMention } from './find-place-mentions.js';
import { JIEBA_SEPARATORS, jiebaClauses, type Jieba } from './jieba.js';
import type { Gazetteer, GazetteerPlace } from './load-gazetteer.js';
import { writeUserDict } from './write-user-dict.js';

/** Tags texts with places of one gazetteer. Built by {@link createPlaceTagger}. */
export interface PlaceTagger {
  /**
   * The districts and towns of the home region that `texts` (an article's kicker, headline,
   * subheadline, subheads and paragraphs, in any order) name. Each list sorted by code, without
   * duplicates; a town brings its district. Plain `PlaceRef` objects (JSON round-trips them).
   */
  tag(texts: readonly string[]): ArticlePlaces;
  /** The place names found in one text, for diagnostics and tests. */
  mentions(text: string): PlaceMention[];
  /** Path of the jieba user dictionary written and loaded. */
  readonly userDictPath: string;
  /** The segmenter it loaded the dictionary into (to cut other texts with the same words, e.g. the segmenter's joins). */
  readonly jieba: Jieba;
}

/**
 * A quick test for "`text` contains a name of a home place somewhere" (as a substring, boundaries aside):
 * false means findPlaceMentions can find no `home` or `ambiguous` mention in it.
 */
function homeNameFilter(index: PlaceNameIndex): (text: string) => boolean {
  const names = new Set([...index.readings].filter(([, readings]) => readings.some((r) => r.kind === 'home')).map(([name]) => name));
  const firsts = new Set([...names].map((name) => name[0]));
  const prefixes = new Set([...names].flatMap((name) => Array.from({ length: name.length - 1 }, (_, i) => name.slice(0, i + 2))));
  const longest = Math.max(0, ...[...names].map((name) => name.length));
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      if (!firsts.has(text[i])) continue;
      for (let len = 2; len <= longest && i + len <= text.length; len++) {
        const candidate = text.slice(i, i + len);
        if (names.has(candidate)) return true;
        if (!prefixes.has(candidate)) break;
      }
    }
    return false;
  };
}

function toRef(place: GazetteerPlace): PlaceRef {
  return { code: place.code, name: place.name, level: place.level, districtCode: place.districtCode };
}

/**
 * Writes the gazetteer's jieba user dictionary into `dictDir` (see `writeUserDict`), makes `jieba` use it
 * (a no-op if the same dictionary is loaded already, else 0.15–0.25 s), and returns a tagger.
 *
 * A name several home places share (none in 南通市 3206) counts only when the place right before it, or
 * exactly one of the districts the article names, tells which one is meant.
 *
 * `tag` segments only the clauses (see `jiebaClauses`) that hold a home place name; its result is the same as
 * with every text segmented whole.
 *
 * @throws Error from the file system when `dictDir` cannot be written.
 */
export function createPlaceTagger(gazetteer: Gazetteer, dictDir: string, jieba: Jieba): PlaceTagger {
  const userDictPath = writeUserDict(gazetteer, dictDir);
  jieba.useUserDict(userDictPath);
  const index = buildPlaceNameIndex(gazetteer);
  const namesHome = homeNameFilter(index);
  // With no name containing a jieba separator, the mentions of a text are those of its clauses taken one by one
  // (a name never crosses a separator, jieba cuts each clause alone, and a mention only reads the one right
  // before it with no gap): so a clause without a home name can be skipped. Otherwise texts are taken whole.
  const clauseWise = ![...index.readings.keys()].some((name) => [...JIEBA_SEPARATORS].some((separator) => name.includes(separator)));

  return {
    userDictPath,
    jieba,
    mentions: (text) => findPlaceMentions(index, text, jieba),
    tag(texts) {
      const found = new Map<string, GazetteerPlace>();
      const ambiguous: (readonly GazetteerPlace[])[] = [];
      const take = (mention: PlaceMention): void => {
        if (mention.reading === 'home') {
          const place = mention.places[0]!;
          found.set(place.code, place);
        } else if (mention.reading === 'ambiguous') {
          ambiguous.push(mention.places);
        }
      };
      for (const text of texts) {
        if (!clauseWise) {
          if (namesHome(text)) findPlaceMentions(index, text, jieba).forEach(take);
          continue;
        }
        // Only home and ambiguous mentions tag anything, and both need a home name in their clause: only those
        // clauses are segmented (jieba's cut is most of the cost of tagging). A text with a lone surrogate is one clause.
        for (const [start, end] of jiebaClauses(text)) {
          const clause = text.slice(start, end);
          if (namesHome(clause)) findPlaceMentions(index, clause, jieba).forEach(take);
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
