/**
 * Checks and times clause-level jieba cutting (src/places/jieba.ts wordBoundariesWithin).
 *
 * jieba-rs (@node-rs/jieba) makes each of the separators (space, tab, `\n`, `，`, `。`) a word of its own and
 * segments the stretches between them on their own (see src/places/jieba.ts), so a clause (a maximal stretch
 * without separators) cut alone should give the same word boundaries as inside the whole text. This script
 *
 * 1. checks that property on every distinct line and paragraph of the seeds: for each clause, the offsets of
 *    `wordBoundaries(whole)` inside it equal `wordBoundaries(clause)` shifted by the clause's start; and on
 *    `--mixed` texts made of the seeds' clauses in a new order (fixed random seed), joined by separators, by
 *    look-alikes that are not separators (`,` `、` U+3000 `\r`) or by nothing, some with 𠀾 or place names put in;
 * 2. checks the clause-level functions against the whole-text ones (test/places/whole-text-reference.ts, the code
 *    before the change): `spansJoin` on every join the segmenter asks about, `findPlaceMentions` on every text,
 *    `tagger.tag` on every article;
 * 3. times segmentation (segmentPage with spansJoin) and place tagging of every page, whole-text vs clause-level,
 *    alternating, `--rounds` times (medians), with the number of jieba calls and characters cut.
 *
 * Seeds: `seeds/` and, if it exists, `$TMPDIR/news-archive-bench/p400/seeds` (make it with
 * `node --import tsx bench/run-bench.ts --pages 400 --runs 1 --scenarios cold --keep`), or the folders given.
 * Usage: node --import tsx bench/jieba-clauses.ts [--rounds 5] [--mixed 3000] [SEEDS_DIR…]
 * Prints a report; exits 1 when any check finds a difference.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPlaceTagger, Jieba, loadGazetteer } from '../src/places/index.js';
import { loadSeeds } from '../src/seed/load-seeds.js';
import { segmentPage } from '../src/segment/segment-page.js';
import type { Article, SeedPage } from '../src/types.js';
import { wholeText } from '../test/places/whole-text-reference.js';
import { createRandom, ROOT } from './generate-archive.js';

const SEPARATORS = new Set([' ', '\t', '\n', '，', '。']);

/** [start, end) of each maximal run of non-separator code units of `text`. */
function clauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SEPARATORS.has(text[i]!)) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function articleTexts(article: Article): string[] {
  return [article.kicker, article.headline, article.subheadline, ...article.body.map((part) => part.text)].filter(
    (text): text is string => text !== null,
  );
}

/** The calls of a Jieba's cut and the UTF-16 code units they are given (see {@link countCuts}). */
const calls = { cuts: 0, units: 0 };

/** Counts the calls of `jieba.cut` in {@link calls} (every cut function of the instance calls its `cut`). */
function countCuts(jieba: Jieba): void {
  const originalCut = jieba.cut;
  (jieba as { cut: (text: string) => string[] }).cut = (text: string) => {
    calls.cuts++;
    calls.units += text.length;
    return originalCut(text);
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { rounds: { type: 'string', default: '5' }, mixed: { type: 'string', default: '3000' } },
    allowPositionals: true,
  });
  const rounds = Number(values.rounds);
  const p400 = path.join(tmpdir(), 'news-archive-bench', 'p400', 'seeds');
  const dirs = positionals.length > 0 ? positionals : [path.join(ROOT, 'seeds'), ...(existsSync(p400) ? [p400] : [])];

  const cacheDir = mkdtempSync(path.join(tmpdir(), 'jieba-clauses-'));
  let t = performance.now();
  const gazetteer = loadGazetteer({ homeRegion: '3206' });
  const jieba = new Jieba();
  countCuts(jieba);
  const { spansJoin, wordBoundaries } = jieba;
  const { wholeSpansJoin, wholeTextTagger } = wholeText(jieba);
  const tagger = createPlaceTagger(gazetteer, cacheDir, jieba);
  console.log(`gazetteer + jieba load with the user dictionary: ${Math.round(performance.now() - t)} ms`);
  const whole = wholeTextTagger(gazetteer);

  const pages: SeedPage[] = [];
  for (const dir of dirs) {
    const loaded = await loadSeeds(dir);
    pages.push(...loaded.pages);
    console.log(`${dir}: ${loaded.pages.length} pages`);
  }

  // Texts: every line of every page, and every article text after segmentation (column breaks joined).
  const joins: [string, string][] = [];
  const recordingJoin = (left: string, right: string): boolean => {
    joins.push([left, right]);
    return wholeSpansJoin(left, right);
  };
  const articles: Article[] = [];
  for (const page of pages) articles.push(...segmentPage(page, { spansJoin: recordingJoin }).items);
  const texts = new Set<string>();
  for (const page of pages) for (const line of page.text.split('\n')) if (line !== '') texts.add(line);
  for (const article of articles) for (const text of articleTexts(article)) texts.add(text);

  // 1. The property, on every distinct text and on mixed texts.
  const checkProperty = (list: Iterable<string>): { texts: number; clauses: number; boundaries: number; diffs: number } => {
    const count = { texts: 0, clauses: 0, boundaries: 0, diffs: 0 };
    for (const text of list) {
      count.texts++;
      const all = wordBoundaries(text);
      for (const [start, end] of clauses(text)) {
        count.clauses++;
        const inside = all.filter((o) => o >= start && o <= end);
        const alone = wordBoundaries(text.slice(start, end)).map((o) => o + start);
        count.boundaries += inside.length;
        if (inside.length !== alone.length || inside.some((o, i) => o !== alone[i])) {
          count.diffs++;
          if (count.diffs <= 5) console.log(`  DIFF in clause ${JSON.stringify(text.slice(start, end))}: whole ${inside} alone ${alone}`);
        }
      }
    }
    return count;
  };
  const real = checkProperty(texts);
  const withSeparator = [...texts].filter((text) => [...text].some((c) => SEPARATORS.has(c))).length;
  console.log(
    `1. property: ${real.texts} distinct texts (${withSeparator} with a separator), ${real.clauses} clauses, ` +
      `${real.boundaries} boundaries compared: ${real.diffs} clauses differ`,
  );
  const pool = [...new Set([...texts].flatMap((text) => clauses(text).map(([a, b]) => text.slice(a, b))))];
  const glue = [' ', '\t', '\n', '，', '。', '  ', '。\n', ',', '、', '\u3000', '\r', '', '', '南通市', '崇川区', '𠀾'];
  const random = createRandom(20240607);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const mixedTexts: string[] = [];
  for (let i = 0; i < Number(values.mixed); i++) {
    let text = random() < 0.2 ? pick(glue) : '';
    const parts = 2 + Math.floor(random() * 5);
    for (let k = 0; k < parts; k++) {
      let clause = pick(pool);
      if (random() < 0.3) {
        const cut = Math.floor(random() * (clause.length + 1));
        clause = clause.slice(0, cut) + pick(glue) + clause.slice(cut); // a separator or name inside a clause
      }
      text += clause + (k < parts - 1 || random() < 0.2 ? pick(glue) : '');
    }
    mixedTexts.push(text);
  }
  const mixed = checkProperty(mixedTexts);
  console.log(`   mixed: ${mixed.texts} texts, ${mixed.clauses} clauses, ${mixed.boundaries} boundaries compared: ${mixed.diffs} clauses differ`);
  const clauseDiffs = real.diffs + mixed.diffs;

  // 2. The functions against the whole-text reference.
  const distinctJoins = new Map(joins.map(([l, r]) => [`${l}\u0000${r}`, [l, r] as const]));
  let joinDiffs = 0;
  for (const [l, r] of distinctJoins.values()) if (spansJoin(l, r) !== wholeSpansJoin(l, r)) joinDiffs++;
  for (const text of mixedTexts) {
    for (let k = 0; k < 3; k++) {
      const at = 1 + Math.floor(random() * Math.max(1, text.length - 1));
      if (spansJoin(text.slice(0, at), text.slice(at)) !== wholeSpansJoin(text.slice(0, at), text.slice(at))) joinDiffs++;
    }
  }
  let mentionCount = 0;
  let mentionDiffs = 0;
  for (const text of [...texts, ...mixedTexts]) {
    const reference = whole.mentions(text);
    mentionCount += reference.length;
    if (JSON.stringify(tagger.mentions(text)) !== JSON.stringify(reference)) mentionDiffs++;
  }
  let tagDiffs = 0;
  let tagged = 0;
  const textLists = [...articles.map(articleTexts), ...mixedTexts.map((text) => [text])];
  for (const list of textLists) {
    const a = JSON.stringify(tagger.tag(list));
    const b = JSON.stringify(whole.tag(list));
    if (b !== '{"districts":[],"towns":[]}') tagged++;
    if (a !== b) tagDiffs++;
  }
  console.log(
    `2. functions: spansJoin ${distinctJoins.size} distinct joins of the seeds (${joins.length} calls) + ` +
      `${3 * mixedTexts.length} random splits of mixed texts: ${joinDiffs} differ; ` +
      `findPlaceMentions ${texts.size + mixedTexts.length} texts, ${mentionCount} mentions: ${mentionDiffs} texts differ; ` +
      `tag ${articles.length} articles + ${mixedTexts.length} mixed texts (${tagged} with places): ${tagDiffs} differ`,
  );

  // 3. Timing, whole-text vs clause-level, alternating.
  const variants = {
    whole: { spansJoin: wholeSpansJoin, tag: whole.tag },
    clauses: { spansJoin, tag: tagger.tag },
  };
  const samples: Record<string, { segment: number[]; tag: number[]; cuts: [number, number]; units: [number, number] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, variant] of Object.entries(variants)) {
      const s = (samples[name] ??= { segment: [], tag: [], cuts: [0, 0], units: [0, 0] });
      calls.cuts = calls.units = 0;
      t = performance.now();
      const items: Article[] = [];
      for (const page of pages) items.push(...segmentPage(page, { spansJoin: variant.spansJoin }).items);
      s.segment.push(performance.now() - t);
      s.cuts[0] = calls.cuts;
      s.units[0] = calls.units;
      calls.cuts = calls.units = 0;
      t = performance.now();
      for (const item of items) variant.tag(articleTexts(item));
      s.tag.push(performance.now() - t);
      s.cuts[1] = calls.cuts;
      s.units[1] = calls.units;
    }
  }
  console.log(`3. time over ${pages.length} pages, ${articles.length} articles (median of ${rounds} rounds, ms):`);
  console.log('   variant   segment      tag    total   jieba calls (segment + tag)   chars cut (segment + tag)');
  for (const [name, s] of Object.entries(samples)) {
    const segment = median(s.segment);
    const tag = median(s.tag);
    console.log(
      `   ${name.padEnd(8)} ${segment.toFixed(0).padStart(8)} ${tag.toFixed(0).padStart(8)} ${(segment + tag).toFixed(0).padStart(8)}` +
        ` ${`${s.cuts[0]} + ${s.cuts[1]}`.padStart(29)} ${`${s.units[0]} + ${s.units[1]}`.padStart(27)}`,
    );
  }
  rmSync(cacheDir, { recursive: true, force: true });
  if (clauseDiffs + joinDiffs + mentionDiffs + tagDiffs > 0) {
    console.log('DIFFERENCES FOUND');
    process.exitCode = 1;
  }
}

await main();
