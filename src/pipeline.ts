/**
 * The build's phases, named once: every command (`build`, `dev`, `check`) runs a selection of this one list, in
 * this order, through the same code (build.ts `build`); none has a pipeline of its own.
 *
 * | phase | code | in → out |
 * | --- | --- | --- |
 * | read | seed/load-seeds.ts | seeds folder (or the files named) → file names, bytes, hashes |
 * | decode | seed/ readSeedBytes | bytes → SeedPage (text, front matter) + diagnostics |
 * | segment | build.ts segmentSeed (segment/) | SeedPage → Article[] + diagnostics |
 * | tag | build.ts tagItems (places/) | Article[] → TaggedArticle[] |
 * | model | site/site-model.ts | pages + articles → SiteModel |
 * | plan | site/render-site.ts, site/pages/ | SiteModel → RenderUnit[] (path, kind, view data) |
 * | render | build.ts renderFiles | units → files (kept when their hash is unchanged) |
 * | derived | site/articles-json.ts, site/render-extras.ts | SiteModel → articles.json, feed, sitemap |
 * | search | search/ | article pages → Pagefind shards |
 * | write | write.ts | files → an output (staged swap, in place, in memory) |
 */

/** Every phase, in the order they run. */
export const PHASES = ['read', 'decode', 'segment', 'tag', 'model', 'plan', 'render', 'derived', 'search', 'write'] as const;

/** One phase of {@link PHASES}. */
export type Phase = (typeof PHASES)[number];

/** Which phases a run of the pipeline runs now, and which it leaves for later. */
export interface PhaseSelection {
  /** Phases run now, in {@link PHASES} order. */
  readonly now: readonly Phase[];
  /**
   * Phases the run leaves for later, run on request (build.ts BuildResult.search): a `dev` rebuild serves the
   * changed pages first and makes the derived files and the search index a moment later.
   */
  readonly later: readonly Phase[];
}

/** The phases from `first` through `last`, in order. */
export function phasesFrom(first: Phase, last: Phase): Phase[] {
  return PHASES.slice(PHASES.indexOf(first), PHASES.indexOf(last) + 1);
}

/**
 * What each command runs:
 * - `build`: every phase, writing through a staged swap of the output folder (write.ts);
 * - `dev`: its first build as `build` (in place); each rebuild every phase but the derived files and the search
 *   index, which follow on request (`devRebuild`);
 * - `check`: read through tag, on the files named; prints the table (dev/format-check.ts), writes nothing.
 */
export const COMMAND_PHASES = {
  build: { now: PHASES, later: [] },
  devRebuild: { now: [...phasesFrom('read', 'render'), 'write'], later: ['derived', 'search'] },
  check: { now: phasesFrom('read', 'tag'), later: [] },
} as const satisfies Record<string, PhaseSelection>;

/** Whether `selection` runs `phase` now. */
export function runsNow(selection: PhaseSelection, phase: Phase): boolean {
  return selection.now.includes(phase);
}

/** Whether `selection` leaves `phase` for later. */
export function runsLater(selection: PhaseSelection, phase: Phase): boolean {
  return selection.later.includes(phase);
}
