/**
 * Files derived from the rendered site: feed, sitemap, search index (issue #4 fills this in).
 */
import type { Config } from '../config.js';
import type { OutputFile } from '../types.js';
import type { SiteModel } from './site-model.js';

/**
 * Extra output files computed from the site model and the pages already rendered.
 * @param files the rendered site files (HTML pages, assets, articles.json), sorted by path
 * @returns more files to write, any order
 */
export async function renderExtras(model: SiteModel, files: readonly OutputFile[], config: Config): Promise<OutputFile[]> {
  void model;
  void files;
  void config;
  return [];
}
