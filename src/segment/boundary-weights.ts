/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -2.9725,
  lines: -0.1661,
  kickerMark: -1.0166,
  lastKickerMark: 0,
  subheadlineMark: 3.5336,
  columnTag: 4.3584,
  sidebarTag: -4.9355,
  numbered: -4.6163,
  sectionLabel: -0.7032,
  standalone: 4.7158,
  deckAfter: 0.1846,
  datelineAfter: 4.0273,
  bylineAfter: -2.2626,
  creditSoon: 5.1061,
  afterMark: -1.136,
  openSubheads: -1.3517,
  openParagraphs: 2.9578,
  sinceSubhead: -1.5977,
  shapeMatch: -1.3409,
  lowSimilarity: 0.9423,
  similarity: 4.0243,
  similarityBelow03: 0.8373,
  similarityBelow045: 1.3284,
  similarityAbove08: -0.8452,
  similarityAbove12: -0.6341,
  headSimilarity: -3.8425,
  headLength: 2.2954,
  endsPage: 1.9257,
};
