/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -2.9641,
  lines: -0.1463,
  kickerMark: -0.9696,
  lastKickerMark: 0,
  subheadlineMark: 3.6144,
  columnTag: 4.4095,
  sidebarTag: -4.775,
  numbered: -4.6333,
  sectionLabel: -0.6174,
  standalone: 4.7727,
  deckAfter: 0.2263,
  datelineAfter: 4.2334,
  bylineAfter: -2.1875,
  creditSoon: 5.0243,
  afterMark: -1.2704,
  openSubheads: -1.2982,
  openParagraphs: 2.5598,
  sinceSubhead: -1.5194,
  shapeMatch: -1.1715,
  lowSimilarity: 0.9254,
  similarity: 3.1645,
  similarityBelow03: 0.7652,
  similarityBelow045: 1.4051,
  similarityAbove08: -0.8009,
  similarityAbove12: -0.5471,
  headSimilarity: -3.6174,
  headLength: 2.5031,
  endsPage: 1.8297,
};
