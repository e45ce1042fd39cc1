/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.8043,
  lines: -0.1857,
  kickerMark: 0.3603,
  lastKickerMark: -1.7956,
  subheadlineMark: 4.1754,
  columnTag: 3.254,
  numbered: -3.2915,
  sectionLabel: -1.0755,
  standalone: 5.0776,
  deckAfter: 0.1579,
  datelineAfter: 4.0434,
  bylineAfter: -2.1868,
  creditSoon: 3.2041,
  afterMark: 0.213,
  openSubheads: -1.1684,
  openParagraphs: 1.9513,
  sinceSubhead: -0.4089,
  shapeMatch: -1.1232,
  lowSimilarity: 1.7525,
  similarity: -10.3351,
  headSimilarity: -0.8586,
  headLength: 0.5888,
  endsPage: 0,
};
