/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -2.9756,
  lines: -0.1657,
  kickerMark: -1.0476,
  lastKickerMark: 0,
  subheadlineMark: 3.5459,
  columnTag: 4.3996,
  sidebarTag: -4.88,
  numbered: -4.6147,
  sectionLabel: -0.689,
  standalone: 4.7136,
  deckAfter: 0.163,
  datelineAfter: 4.0488,
  bylineAfter: -2.2354,
  creditSoon: 5.1045,
  afterMark: -1.1356,
  openSubheads: -1.352,
  openParagraphs: 2.9638,
  sinceSubhead: -1.6336,
  shapeMatch: -1.3297,
  lowSimilarity: 0.9876,
  similarity: 4.2204,
  similarityBelow03: 0.7813,
  similarityBelow045: 1.3583,
  similarityAbove08: -0.8399,
  similarityAbove12: -0.6396,
  headSimilarity: -4.2862,
  headLength: 2.2614,
  endsPage: 1.9235,
};
