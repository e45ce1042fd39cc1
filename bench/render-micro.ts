/**
 * Micro-benchmark of the render stage alone (no jieba, no disk): P synthetic pages are segmented once,
 * then every item goes through articleToMarkdown → the Markdown renderer, several rounds; reports the
 * median ms per article of each step and a hash of all HTML, so a faster renderer can be checked to give
 * the same bytes.
 *
 * Usage: node --import tsx bench/render-micro.ts [--pages 40] [--rounds 5]
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { articleToMarkdown } from '../src/render/article-markdown.js';
import { createMarkdownRenderer } from '../src/render/markdown-to-html.js';
import { parseSeed } from '../src/seed/parse-seed.js';
import { segmentPage } from '../src/segment/segment-page.js';
import type { Article } from '../src/types.js';
import { ArchiveGenerator, dateAfter, pageFileName } from './generate-archive.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Segmented items of `pages` generated pages (segmented without the jieba oracle: no dictionary load). */
export function sampleArticles(pages: number): Article[] {
  const generator = new ArchiveGenerator();
  const items: Article[] = [];
  for (let i = 0; i < pages; i++) {
    const date = dateAfter(Math.floor(i / 16));
    const fileName = pageFileName(date, (i % 16) + 1);
    const { page } = parseSeed(`seeds/${fileName}`, fileName.slice(0, -4), generator.pageText(date, (i % 16) + 1).text);
    items.push(...segmentPage(page).items);
  }
  return items;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '40' }, rounds: { type: 'string', default: '5' } } });
  const items = sampleArticles(Number(values.pages));
  const toMarkdown: number[] = [];
  const toHtml: number[] = [];
  let digest = '';
  for (let round = 0; round < Number(values.rounds); round++) {
    const render = createMarkdownRenderer();
    let t = performance.now();
    const docs = items.map((item, i) => articleToMarkdown(item, `p/${i}`));
    toMarkdown.push(performance.now() - t);
    t = performance.now();
    const hash = createHash('sha256');
    for (const doc of docs) hash.update(render(doc).html);
    toHtml.push(performance.now() - t);
    digest = hash.digest('hex').slice(0, 16);
  }
  const n = items.length;
  process.stdout.write(
    `${n} items, ${values.rounds} rounds: articleToMarkdown ${(median(toMarkdown) / n).toFixed(3)} ms/article, ` +
      `renderer ${(median(toHtml) / n).toFixed(3)} ms/article; html sha256 ${digest}; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
