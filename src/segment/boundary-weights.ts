/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.25,
  lines: -0.0705,
  kickerMark: -0.5935,
  lastKickerMark: 0,
  subheadlineMark: 3.3139,
  columnTag: 3.2641,
  numbered: -4.0694,
  sectionLabel: -1.5629,
  standalone: 5.071,
  deckAfter: -0.0419,
  datelineAfter: 3.8555,
  bylineAfter: -1.4729,
  creditSoon: 5.0618,
  afterMark: -0.5102,
  openSubheads: -1.1113,
  openParagraphs: 2.8326,
  sinceSubhead: -1.4274,
  shapeMatch: -1.1932,
  lowSimilarity: 1.1922,
  similarity: -16.0442,
  headSimilarity: -2.9832,
  headLength: 1.6176,
  endsPage: 0,
};
