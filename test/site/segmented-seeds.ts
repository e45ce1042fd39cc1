/**
 * Test helper: seeds written into a fresh temporary folder and run through phases read → tag (what `check` runs),
 * for tests that make site models from real segmented pages and articles.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { createBuildContext } from '../../src/build-context.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { COMMAND_PHASES } from '../../src/pipeline.js';
import { tempDir } from '../temp-dir.js';

/**
 * @param prefix the temporary folder's name prefix
 * @param fill writes the seeds into the (empty) seeds folder it is given
 * @returns the build's result: pages, articles and diagnostics of the seeds
 */
export async function segmentedSeeds(prefix: string, fill: (seedsDir: string) => void): Promise<Awaited<ReturnType<typeof build>>> {
  const work = tempDir(prefix);
  const seedsDir = path.join(work, 'seeds');
  mkdirSync(seedsDir);
  fill(seedsDir);
  const config: Config = { ...DEFAULT_CONFIG, seedsDir, outDir: path.join(work, 'dist'), cacheDir: path.join(work, '.cache') };
  const context = createBuildContext();
  try {
    return await build({ config, context, phases: COMMAND_PHASES.check });
  } finally {
    await context.close();
  }
}
