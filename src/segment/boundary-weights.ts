/**
 * Weights of the boundary features (boundary.ts), fitted by `npm run train -- --days 1-20 --write`
 * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.
 */
export const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {
  bias: -2.9832,
  lines: -0.1655,
  kickerMark: -1.0613,
  lastKickerMark: 0,
  subheadlineMark: 3.5474,
  columnTag: 4.3806,
  sidebarTag: -4.8644,
  numbered: -4.6211,
  sectionLabel: -0.6886,
  standalone: 4.7158,
  deckAfter: 0.1638,
  datelineAfter: 4.0507,
  bylineAfter: -2.2332,
  creditSoon: 5.1051,
  afterMark: -1.1329,
  openSubheads: -1.352,
  openParagraphs: 2.9753,
  sinceSubhead: -1.6459,
  shapeMatch: -1.3293,
  lowSimilarity: 0.9826,
  similarity: 4.2081,
  similarityBelow03: 0.7911,
  similarityBelow045: 1.355,
  similarityAbove08: -0.8409,
  similarityAbove12: -0.6389,
  headSimilarity: -4.263,
  headLength: 2.2816,
  endsPage: 1.9236,
};
