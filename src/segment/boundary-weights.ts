/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.252,
  lines: -0.0712,
  kickerMark: -0.5956,
  lastKickerMark: 0,
  subheadlineMark: 3.3052,
  columnTag: 3.261,
  numbered: -4.0762,
  sectionLabel: -1.5632,
  standalone: 5.0443,
  deckAfter: -0.0433,
  datelineAfter: 3.8548,
  bylineAfter: -1.474,
  creditSoon: 5.0614,
  afterMark: -0.5107,
  openSubheads: -1.1103,
  openParagraphs: 2.846,
  sinceSubhead: -1.4382,
  shapeMatch: -1.1965,
  lowSimilarity: 1.1892,
  similarity: -16.0514,
  headSimilarity: -3.0141,
  headLength: 1.6301,
  endsPage: 0,
};
