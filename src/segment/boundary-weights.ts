/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -2.9916,
  lines: -0.1667,
  kickerMark: -1.0616,
  lastKickerMark: 0,
  subheadlineMark: 3.5445,
  columnTag: 4.3835,
  sidebarTag: -4.8754,
  numbered: -4.6303,
  sectionLabel: -0.6861,
  standalone: 4.7236,
  deckAfter: 0.1392,
  datelineAfter: 4.0418,
  bylineAfter: -2.2355,
  creditSoon: 5.1095,
  afterMark: -1.135,
  openSubheads: -1.3857,
  openParagraphs: 3.0231,
  sinceSubhead: -1.6755,
  shapeMatch: -1.3299,
  lowSimilarity: 0.9814,
  similarity: 4.1124,
  similarityBelow03: 0.7808,
  similarityBelow045: 1.3763,
  similarityAbove08: -0.832,
  similarityAbove12: -0.635,
  headSimilarity: -3.8331,
  headLength: 2.284,
  endsPage: 1.9221,
};
