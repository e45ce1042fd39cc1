/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -2.9566,
  lines: -0.1371,
  kickerMark: -0.9384,
  lastKickerMark: 0,
  subheadlineMark: 3.813,
  columnTag: 3.9643,
  sidebarTag: -4.3256,
  numbered: -4.4988,
  sectionLabel: -2.065,
  standalone: 4.905,
  deckAfter: 0.2605,
  datelineAfter: 4.3073,
  bylineAfter: -2.1683,
  creditSoon: 5.0116,
  afterMark: -1.0818,
  openSubheads: -1.2073,
  openParagraphs: 2.6166,
  sinceSubhead: -1.3515,
  shapeMatch: -1.1993,
  lowSimilarity: 0.7832,
  similarity: 0.7002,
  similarityBelow03: 0.823,
  similarityBelow045: 1.3263,
  similarityAbove08: -0.6513,
  similarityAbove12: -0.4165,
  headSimilarity: -2.4486,
  headLength: 2.2505,
  endsPage: 0,
};
