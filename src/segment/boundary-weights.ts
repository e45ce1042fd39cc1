/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -3.2442,
  lines: -0.0671,
  kickerMark: -0.8481,
  lastKickerMark: 0,
  subheadlineMark: 3.6059,
  columnTag: 3.235,
  numbered: -4.1781,
  sectionLabel: -1.6009,
  standalone: 4.986,
  deckAfter: 0.074,
  datelineAfter: 3.6133,
  bylineAfter: -1.537,
  creditSoon: 4.9415,
  afterMark: -0.6138,
  openSubheads: -1.3053,
  openParagraphs: 2.8539,
  sinceSubhead: -1.3799,
  shapeMatch: -1.21,
  lowSimilarity: 0.7039,
  similarity: 4.0338,
  similarityBelow03: 0.8604,
  similarityBelow045: 1.4205,
  similarityAbove08: -0.6622,
  similarityAbove12: -0.9295,
  headSimilarity: -1.7051,
  headLength: 1.8448,
  endsPage: 0,
};
