/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.3735,
  lines: -0.1287,
  kickerMark: 0.3081,
  lastKickerMark: 0,
  subheadlineMark: 3.7738,
  columnTag: 3.1782,
  numbered: -3.7301,
  sectionLabel: -1.0512,
  standalone: 5.3627,
  deckAfter: -0.0721,
  datelineAfter: 4.0016,
  bylineAfter: -1.9751,
  creditSoon: 5.2233,
  afterMark: -0.3145,
  openSubheads: -1.5269,
  openParagraphs: 2.2233,
  sinceSubhead: -0.659,
  shapeMatch: -0.8883,
  lowSimilarity: 1.2811,
  similarity: -14.2109,
  headSimilarity: -1.0472,
  headLength: 0.7935,
  endsPage: 0,
};
