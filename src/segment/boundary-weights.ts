/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.5029,
  lines: -0.1265,
  kickerMark: 0.3017,
  lastKickerMark: 0,
  subheadlineMark: 3.7769,
  columnTag: 3.2364,
  numbered: -3.8093,
  sectionLabel: -1.08,
  standalone: 5.3881,
  deckAfter: -0.1356,
  datelineAfter: 4.0918,
  bylineAfter: -1.9862,
  creditSoon: 5.2496,
  afterMark: -0.3217,
  openSubheads: -1.6217,
  openParagraphs: 2.4373,
  sinceSubhead: -0.738,
  shapeMatch: -0.8892,
  lowSimilarity: 1.338,
  similarity: -14.1461,
  headSimilarity: -0.9982,
  headLength: 0.9194,
  endsPage: 0,
};
