/**
 * Where one article ends and the next begins: a run of heading-like lines inside an open article is either a
 * subhead (小标题) of it or the title of the next item. The run's features (below) are weighed by a linear score
 * whose weights (boundary-weights.ts) are fitted by `npm run train` (bench/train-boundaries.ts) on part of a
 * labelled corpus; a score above 0 opens a new item. Pure functions; no state.
 */
import { BOUNDARY_WEIGHTS } from './boundary-weights.js';

export { BOUNDARY_WEIGHTS };

/** What the scorer knows of a heading run inside an open article. Every value is a number, most 0 or 1. */
export interface BoundaryFeatures {
  /** Lines in the run (1 to n). */
  readonly lines: number;
  /** A line before the last ends with `——` or `：` (a kicker's mark). */
  readonly kickerMark: number;
  /** A kicker's mark in a run of a shape the open article's subheads do not have (`河南获嘉县——` over a title). */
  readonly freshKicker: number;
  /** The run's last line ends with `——` or `：` (a lead-in or a subhead naming a place, e.g. `湖北当阳——`). */
  readonly lastKickerMark: number;
  /** A line after the first starts with `——` (a subheadline's mark). */
  readonly subheadlineMark: number;
  /** A line ends with a column tag in parentheses (`…（人民论坛）`). */
  readonly columnTag: number;
  /** The run starts with a section number or a bullet (`一、`, `（二）`, `3.`, `■`). */
  readonly numbered: number;
  /** A line ends with a sidebar's tag (`…（记者手记）`, `（延伸阅读）`, `（链接）`): it may go with the article above. */
  readonly sidebarTag: number;
  /** A line is a section label (核心阅读, 记者手记, 链接…), unless the run is a title over a lead label (leadLabel). */
  readonly sectionLabel: number;
  /** The run's last line, under others, is a label that opens an article's text (核心阅读, 编者按): the others are its title. */
  readonly leadLabel: number;
  /** The run starts with a line that is an item by itself (广告, 图片报道). */
  readonly standalone: number;
  /** The run is followed by a deck: a line that does not end a sentence, then text. */
  readonly deckAfter: number;
  /** The first paragraph after the run opens with a dateline (`本报北京2月11日电`, `新华社…电`, `本报讯`). */
  readonly datelineAfter: number;
  /** A byline line follows the run. */
  readonly bylineAfter: number;
  /** A photo credit stands within the three units after the run. */
  readonly creditSoon: number;
  /** What stands before the run is not text (a credit, a tail, a signature). */
  readonly afterMark: number;
  /** The open article has a subhead already (0 or 1). */
  readonly openSubheads: number;
  /** Body parts since the article's last subhead (or its title), / 10, at most 1. */
  readonly sinceSubhead: number;
  /** The open article has a subhead run of as many lines as this run. */
  readonly shapeMatch: number;
  /** A line under another in the run is a couplet: two phrases set apart by a space (`延伸监督触角 筑牢拒腐防线`). */
  readonly couplet: number;
  /** The open article has subheads, and all of fewer lines than this run (a two-line title after one-line subheads). */
  readonly longerRun: number;
  /** The words on either side of the run are nearly unrelated (similarity below 0.02). */
  readonly lowSimilarity: number;
  /** Similarity bands (the score is not linear in it): below 0.03, below 0.045, above 0.08, above 0.12. */
  readonly similarityBelow03: number;
  readonly similarityBelow045: number;
  readonly similarityAbove08: number;
  readonly similarityAbove12: number;
  /** Paragraphs the open article has already, / 10, at most 1. */
  readonly openParagraphs: number;
  /** Cosine similarity (0 to 1) of the words before the run (the article's last paragraphs) and after it. */
  readonly similarity: number;
  /** Cosine similarity of the run's own words and the article's last paragraphs. */
  readonly headSimilarity: number;
  /** Length of the run's first line, / 40, at most 1. */
  readonly headLength: number;
  /** Nothing follows the run on the page. */
  readonly endsPage: number;
}

/** The feature names, in a fixed order (for training). */
export const BOUNDARY_FEATURES: readonly (keyof BoundaryFeatures)[] = [
  'lines', 'kickerMark', 'freshKicker', 'lastKickerMark', 'subheadlineMark', 'columnTag', 'sidebarTag', 'numbered', 'sectionLabel', 'leadLabel', 'standalone',
  'deckAfter', 'datelineAfter', 'bylineAfter', 'creditSoon', 'afterMark', 'openSubheads', 'openParagraphs', 'sinceSubhead', 'shapeMatch', 'longerRun', 'couplet', 'lowSimilarity', 'similarity',
  'similarityBelow03', 'similarityBelow045', 'similarityAbove08', 'similarityAbove12',
  'headSimilarity', 'headLength', 'endsPage',
];

/**
 * The score in words, for editors (`news-archive check`): `score 2.31: datelineAfter +4.04, lowSimilarity +1.75`,
 * the three features that weigh most, with their signed contributions.
 */
export function explainScore(features: BoundaryFeatures, weights: Readonly<Record<string, number>>): string {
  const parts = BOUNDARY_FEATURES.map((name) => [name, (weights[name] ?? 0) * features[name]] as const)
    .filter(([, value]) => Math.abs(value) >= 0.05)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([name, value]) => `${name} ${value >= 0 ? '+' : ''}${value.toFixed(2)}`);
  return `score ${boundaryScore(features, weights).toFixed(2)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** The linear score of a run: `bias + Σ weight × feature`; above 0 the run opens a new item. */
export function boundaryScore(features: BoundaryFeatures, weights: Readonly<Record<string, number>>): number {
  let score = weights['bias'] ?? 0;
  for (const name of BOUNDARY_FEATURES) score += (weights[name] ?? 0) * features[name];
  return score;
}

/** First code unit of the Han range bigrams are made of (CJK Extension A), and the range's size (to 0x9FFF). */
const HAN_FIRST = 0x3400;
const HAN_SPAN = 0x9fff - HAN_FIRST + 1;
/** Bigrams are hashed into this many buckets (a collision only blurs the similarity a little). */
const BUCKET_BITS = 15;

/** Hashed bigrams of a text's Han characters (other characters skipped), in order. */
function bigrams(text: string): Int32Array {
  const out = new Int32Array(Math.max(text.length - 1, 0));
  let n = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i) - HAN_FIRST;
    if (unit < 0 || unit >= HAN_SPAN) {
      previous = -1;
      continue;
    }
    if (previous >= 0) out[n++] = Math.imul(previous * HAN_SPAN + unit, 0x9e3779b1) >>> (32 - BUCKET_BITS);
    previous = unit;
  }
  return out.subarray(0, n);
}

/** A page's bigram document frequencies, and the similarity of two stretches of its text. */
export interface PageVocabulary {
  /** Cosine of the IDF-weighted bigram counts of two lists of texts (0 when either is empty). */
  similarity(a: readonly string[], b: readonly string[]): number;
}

/**
 * The vocabulary of a page: how many of its blocks hold each bigram, so that words common on the page weigh less.
 * Work and memory are linear in the page's length: the hashed bigrams the page holds get compact slots (made at
 * the first similarity asked for), so the counts are arrays of the page's distinct bigrams, not of all 2^15
 * buckets (four arrays of 32,768 a page, 0.8 MB made and zeroed for every page, were a third of the segmenter's
 * similarity time). Same buckets, same sums in the same order: the same similarities.
 * @param texts the page's blocks
 */
export function pageVocabulary(texts: readonly string[]): PageVocabulary {
  /** Slot of each bucket the page's texts hold, in order of first appearance. */
  const slots = new Map<number, number>();
  /** Each text's bigrams as slots. */
  const memo = new Map<string, Int32Array>();
  const slotsOf = (text: string): Int32Array => {
    let grams = memo.get(text);
    if (grams === undefined) {
      grams = bigrams(text);
      for (let i = 0; i < grams.length; i++) {
        const bucket = grams[i] as number;
        let slot = slots.get(bucket);
        if (slot === undefined) {
          slot = slots.size;
          slots.set(bucket, slot);
        }
        grams[i] = slot;
      }
      memo.set(text, grams);
    }
    return grams;
  };
  /** Document frequency of each slot (a slot first met in a text asked about, not among `texts`, has none). */
  let df: number[] | null = null;
  const a0: number[] = [];
  const b0: number[] = [];
  const frequencies = (): number[] => {
    if (df !== null) return df;
    for (const text of texts) slotsOf(text);
    const size = slots.size;
    const counts = new Array<number>(size).fill(0);
    const seen = new Array<number>(size).fill(-1);
    texts.forEach((text, k) => {
      for (const gram of slotsOf(text)) {
        if (seen[gram] !== k) {
          seen[gram] = k;
          counts[gram] = (counts[gram] as number) + 1;
        }
      }
    });
    // Zeroed once, kept zeroed between similarities (each resets the slots it touched).
    for (let i = a0.length; i < size; i++) {
      a0.push(0);
      b0.push(0);
    }
    df = counts;
    return counts;
  };
  const n = texts.length;
  const idf = (frequency: number): number => Math.log((n + 1) / (frequency + 0.5));
  /** Counts of `parts` into `into`; returns the slots touched. */
  const count = (parts: readonly string[], into: number[]): number[] => {
    const touched: number[] = [];
    for (const part of parts) {
      for (const gram of slotsOf(part)) {
        const before = into[gram] ?? 0;
        if (before === 0) touched.push(gram);
        into[gram] = before + 1;
      }
    }
    return touched;
  };
  return {
    similarity(a, b) {
      const f = frequencies();
      const ta = count(a, a0);
      const tb = count(b, b0);
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (const g of ta) {
        const w = idf(f[g] ?? 0);
        const va = (a0[g] as number) * w;
        na += va * va;
        dot += va * (b0[g] ?? 0) * w;
      }
      for (const g of tb) {
        const vb = (b0[g] as number) * idf(f[g] ?? 0);
        nb += vb * vb;
      }
      for (const g of ta) a0[g] = 0;
      for (const g of tb) b0[g] = 0;
      return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
    },
  };
}
