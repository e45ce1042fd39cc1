/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.3189,
  lines: -0.108,
  kickerMark: -0.4586,
  lastKickerMark: 0,
  subheadlineMark: 3.3682,
  columnTag: 2.98,
  numbered: -3.9782,
  sectionLabel: -1.4499,
  standalone: 5.1006,
  deckAfter: -0.0651,
  datelineAfter: 3.7599,
  bylineAfter: -1.8898,
  creditSoon: 3.8736,
  afterMark: -0.3974,
  openSubheads: -1.1992,
  openParagraphs: 2.8039,
  sinceSubhead: -1.2308,
  shapeMatch: -1.1437,
  lowSimilarity: 1.2063,
  similarity: -15.3725,
  headSimilarity: -2.5764,
  headLength: 1.6524,
  endsPage: 0,
};
