/**
 * Scores the segmenter on labelled pages: `npm run eval -- [-v] [DIR…]`.
 *
 * For each folder, every `NAME.expected.json` label file is paired with its page text: `NAME_print.txt` and
 * `NAME_web.txt` (the two renderings of ../shared/corpus, scored one rendering at a time) or `NAME.txt` (a seed).
 * Each rendering's pages are segmented and tagged as the build does (segmentPage with jieba's word oracle, the
 * nothing-lost check), turned into `data/articles.json` records (kicker, headline, subheadline, paragraphs,
 * bylines, photo_credit: the fields the scorer reads), and scored by the corpus's own `score.py`
 * (../shared/corpus/score.py, run with python3). Prints the scorer's last line per folder and rendering, and how
 * many pages lost text (must be 0).
 *
 * Default folders: ../shared/golden with ../shared/seeds (the seed page, labelled by hand) and
 * ../shared/corpus/rmrb-2019-02/pages, when ../shared is there; says so and exits 0 when it is not.
 * Labels in the seed's golden format (`paragraph_count`, `paragraphs` as a list) are converted to the scorer's
 * (`paragraphs` a count, `first_paragraph_starts` its first 10 characters) in a temporary folder.
 * `-v` writes the scorer's full listing of every miss to `bench-output/eval-RENDERING.txt`.
 * `--build` runs the real build instead (in memory, `search: false`, no cache) on a temporary copy of each rendering's
 * pages and scores its `data/articles.json`: slower, and the same figures.
 * `--days A-B` scores only pages whose name starts with a date `YYYYMMDD` whose day is in A..B (e.g. `--days 21-28`
 * for the validation part of a month).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Jieba } from '../src/places/index.js';
import { decodeSeed } from '../src/seed/decode-seed.js';
import { parseSeed } from '../src/seed/parse-seed.js';
import { segmentPage } from '../src/segment/segment-page.js';
import { checkNothingLost } from '../src/segment/source-characters.js';

/** jieba's word oracle, as the build passes it to the segmenter. */
const { spansJoin } = new Jieba();
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SHARED = path.resolve(ROOT, '..', 'shared');

interface Source {
  /** Folder of the label files. */
  readonly labels: string;
  /** Folder of the page texts (the same as `labels` for the corpus). */
  readonly texts: string;
}

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean', short: 'v' }, days: { type: 'string' }, build: { type: 'boolean' } },
  allowPositionals: true,
});

function defaultSources(): Source[] {
  const out: Source[] = [];
  if (existsSync(path.join(SHARED, 'golden'))) out.push({ labels: path.join(SHARED, 'golden'), texts: path.join(SHARED, 'seeds') });
  const corpus = path.join(SHARED, 'corpus');
  if (existsSync(corpus)) {
    for (const name of readdirSync(corpus).sort()) {
      const pages = path.join(corpus, name, 'pages');
      if (existsSync(pages)) out.push({ labels: pages, texts: pages });
    }
  }
  return out;
}

const sources = positionals.length > 0 ? positionals.map((dir) => ({ labels: path.resolve(dir), texts: path.resolve(dir) })) : defaultSources();
if (sources.length === 0) {
  console.log(`No labelled pages: ${SHARED} is not there (it holds the corpus, which is never copied into the repo). Give folders as arguments.`);
  process.exit(0);
}
const scorer = path.join(SHARED, 'corpus', 'score.py');
if (!existsSync(scorer)) {
  console.log(`No scorer: ${scorer} is not there.`);
  process.exit(0);
}

const dayRange = values.days?.match(/^(\d+)-(\d+)$/);
function inDays(stem: string): boolean {
  if (!dayRange) return true;
  const day = Number(stem.slice(6, 8));
  return /^\d{8}/.test(stem) && day >= Number(dayRange[1]) && day <= Number(dayRange[2]);
}

/** A label in the golden format converted to the scorer's. */
function scorerLabel(label: { articles: Array<Record<string, unknown>> }): unknown {
  return {
    ...label,
    articles: label.articles.map((a) => {
      if (typeof a['paragraphs'] === 'number') return a;
      const paragraphs = (a['paragraphs'] as string[] | undefined) ?? [];
      const first = paragraphs[0] ?? '';
      const last = paragraphs.at(-1) ?? '';
      const bylines = [...((a['bylines'] as string[] | undefined) ?? []), ...(a['photo_credit'] ? [a['photo_credit'] as string] : [])];
      return {
        ...a,
        bylines,
        paragraphs: a['paragraph_count'] ?? paragraphs.length,
        first_paragraph_starts: [...first].slice(0, 10).join(''),
        last_paragraph_ends: [...last].slice(-10).join(''),
      };
    }),
  };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'news-archive-eval-'));
const outputDir = path.join(ROOT, 'bench-output');
try {
  for (const source of sources) {
    const stems = readdirSync(source.labels)
      .filter((name) => name.endsWith('.expected.json'))
      .map((name) => name.slice(0, -'.expected.json'.length))
      .filter(inDays)
      .sort();
    const labelDir = path.join(scratch, path.basename(path.dirname(source.labels)) + '-' + path.basename(source.labels));
    mkdirSync(labelDir, { recursive: true });
    const labelFiles = stems.map((stem) => {
      const file = path.join(labelDir, `${stem}.expected.json`);
      writeFileSync(file, JSON.stringify(scorerLabel(JSON.parse(readFileSync(path.join(source.labels, `${stem}.expected.json`), 'utf8')))));
      return file;
    });
    for (const rendering of ['_print', '_web', '']) {
      const pages = stems.filter((stem) => existsSync(path.join(source.texts, `${stem}${rendering}.txt`)));
      if (pages.length === 0) continue;
      const records: unknown[] = [];
      let lost = 0;
      const started = performance.now();
      for (const stem of pages) {
        const file = `seeds/${stem}${rendering}.txt`;
        const decoded = decodeSeed(readFileSync(path.join(source.texts, `${stem}${rendering}.txt`)));
        if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
        const { page } = parseSeed(file, `${stem}${rendering}`, decoded.text);
        const { items } = segmentPage(page, { spansJoin });
        if (checkNothingLost(page, items).length > 0) lost++;
        for (const item of items) {
          records.push({
            seed: item.seed,
            kind: item.kind,
            kicker: item.kicker,
            headline: item.headline,
            subheadline: item.subheadline,
            subheads: item.body.filter((p) => p.type === 'subhead').map((p) => p.text),
            paragraphs: item.body.filter((p) => p.type === 'paragraph').map((p) => p.text),
            bylines: item.bylines,
            photo_credit: item.photoCredit,
          });
        }
      }
      const catalog = path.join(scratch, `articles${rendering}.json`);
      if (values.build) {
        // The real build, in memory, of a copy of these pages (the corpus is never written into the repo).
        const seedsDir = path.join(scratch, `seeds${rendering}`);
        mkdirSync(seedsDir, { recursive: true });
        for (const stem of pages) writeFileSync(path.join(seedsDir, `${stem}${rendering}.txt`), readFileSync(path.join(source.texts, `${stem}${rendering}.txt`)));
        const { build } = await import('../src/build.js');
        const { DEFAULT_CONFIG } = await import('../src/config.js');
        const result = await build({ config: { ...DEFAULT_CONFIG, search: false, seedsDir, outDir: path.join(scratch, `dist${rendering}`), cacheDir: path.join(scratch, `cache${rendering}`) } });
        const file = result.files.find((f) => f.path === 'data/articles.json');
        if (file === undefined) throw new Error('the build made no data/articles.json');
        writeFileSync(catalog, file.content);
      } else {
        writeFileSync(catalog, JSON.stringify(records));
      }
      const ms = performance.now() - started;
      const name = `${path.basename(path.dirname(source.labels)) === 'shared' ? path.basename(source.labels) : path.basename(path.dirname(source.labels))}${rendering}`;
      const used = pages.map((stem) => labelFiles[stems.indexOf(stem)] as string);
      const args = [scorer, ...(values.verbose ? ['-v'] : []), '--label', name, catalog, ...used];
      const out = execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (values.verbose) {
        mkdirSync(outputDir, { recursive: true });
        writeFileSync(path.join(outputDir, `eval-${name}.txt`), out);
      }
      const summary = out.trimEnd().split('\n').at(-1);
      console.log(`${summary}; ${pages.length} pages, ${lost} lost text, ${values.build ? "built" : "segmented"} in ${(ms / 1000).toFixed(2)} s`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
