/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -1.3907,
  lines: -0.141,
  kickerMark: 0.3472,
  lastKickerMark: -2.6442,
  subheadlineMark: 3.8,
  columnTag: 3.2567,
  numbered: -3.631,
  sectionLabel: -1.1428,
  standalone: 5.1648,
  deckAfter: -0.1933,
  datelineAfter: 3.9851,
  bylineAfter: -2.0224,
  creditSoon: 2.8486,
  afterMark: -0.0237,
  openSubheads: -1.1736,
  openParagraphs: 2.0156,
  sinceSubhead: -0.3982,
  shapeMatch: -1.1749,
  lowSimilarity: 1.2903,
  similarity: -14.5582,
  headSimilarity: -0.4258,
  headLength: 0.7534,
  endsPage: 0,
};
