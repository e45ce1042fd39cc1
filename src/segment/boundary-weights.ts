/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -3.031,
  lines: -0.0726,
  kickerMark: -0.8942,
  lastKickerMark: 0,
  subheadlineMark: 3.6163,
  columnTag: 3.16,
  numbered: -4.3071,
  sectionLabel: -1.5652,
  standalone: 4.9694,
  deckAfter: 0.5103,
  datelineAfter: 4.329,
  bylineAfter: -1.5503,
  creditSoon: 5.0101,
  afterMark: -0.4943,
  openSubheads: -1.2896,
  openParagraphs: 2.6025,
  sinceSubhead: -1.3837,
  shapeMatch: -1.1749,
  lowSimilarity: 0.7212,
  similarity: 1.9895,
  similarityBelow03: 0.854,
  similarityBelow045: 1.4107,
  similarityAbove08: -0.6126,
  similarityAbove12: -0.8934,
  headSimilarity: -1.6049,
  headLength: 2.0147,
  endsPage: 0,
};
