/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.3999,
  lines: -0.1406,
  kickerMark: 0.3488,
  lastKickerMark: -2.644,
  subheadlineMark: 3.8104,
  columnTag: 3.2564,
  numbered: -3.6291,
  sectionLabel: -1.1405,
  standalone: 5.1606,
  deckAfter: -0.1923,
  datelineAfter: 3.9843,
  bylineAfter: -2.0231,
  creditSoon: 2.849,
  afterMark: -0.0195,
  openSubheads: -1.1732,
  openParagraphs: 2.0037,
  sinceSubhead: -0.3796,
  shapeMatch: -1.1724,
  lowSimilarity: 1.3016,
  similarity: -14.5038,
  headSimilarity: -0.4331,
  headLength: 0.7569,
  endsPage: 0,
};
