export { buildPlaceNameIndex, type NameReading, type PlaceNameIndex } from './build-place-name-index.js';
export { compareCodePoints } from '../compare-code-points.js';
export { createPlaceTagger, type PlaceTagger } from './create-place-tagger.js';
export { findPlaceMentions, type PlaceMention } from './find-place-mentions.js';
export { Jieba, jiebaClauses, JIEBA_SEPARATORS, spansJoin, wordBoundariesOf, wordBoundariesWithin, type Cut, type TaggedWord } from './jieba.js';
export {
  loadGazetteer,
  type ExcludedUnit,
  type Gazetteer,
  type GazetteerPlace,
  type LoadGazetteerOptions,
  type OtherUnit,
  isCityCode,
  UnknownHomeRegionError,
} from './load-gazetteer.js';
export { placeByCode } from './place-by-code.js';
export { placeSlug } from './place-slug.js';
export { PLACE_TAGS, userDictEntries, userDictText, writeUserDict, type UserDictEntry } from './write-user-dict.js';
