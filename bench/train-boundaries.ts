/**
 * Fits the boundary weights (src/segment/boundary-weights.ts): `npm run train -- [--days 1-20] [--write]`.
 *
 * Reads the labelled pages of ../shared/corpus/<name>/pages (both renderings), segments each page with the current
 * weights and collects every scored boundary candidate (a heading run inside an open article) with its features.
 * A candidate is a true boundary when its first line is the first title line (kicker, else headline) of a
 * labelled article of that page. Fits a logistic regression (L2, batch gradient descent, fixed iterations: the
 * same data gives the same weights) on the pages of the training days, reports candidate accuracy on those and on
 * the other days, and with `--write` writes the weights file. Each page is also read with its datelines, byline
 * lines and tails taken out (`--no-strip` to skip): many papers print none of them. The training days' variants are
 * fitted on; the other days' are scored apart ("other days without marks"). Run it again after a change to the features:
 * features of later candidates depend on earlier decisions, so a second round settles them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Jieba } from '../src/places/index.js';
import { BOUNDARY_FEATURES, type BoundaryFeatures } from '../src/segment/boundary.js';
import { segmentPage } from '../src/segment/segment-page.js';

/** jieba's word oracle, as the build passes it to the segmenter. */
const { spansJoin } = new Jieba();
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const { values } = parseArgs({ allowNegative: true, options: { days: { type: 'string', default: '1-20' }, write: { type: 'boolean' }, rounds: { type: 'string', default: '3' }, strip: { type: 'boolean', default: true } } });
const [from, to] = (values.days ?? '1-20').split('-').map(Number) as [number, number];
if (!existsSync(CORPUS)) {
  console.log(`No corpus at ${CORPUS}: nothing to train on.`);
  process.exit(0);
}

interface Sample { readonly x: number[]; readonly y: number; readonly train: boolean; readonly stripped: boolean }

function collect(weights: Readonly<Record<string, number>>): Sample[] {
  const samples: Sample[] = [];
  for (const name of readdirSync(CORPUS).sort()) {
    const dir = path.join(CORPUS, name, 'pages');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort()) {
      const stem = file.slice(0, -'.expected.json'.length);
      const day = Number(stem.slice(6, 8));
      const train = day >= from && day <= to;
      const label = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { articles: Array<{ kicker: string | null; headline: string | null }> };
      const titles = new Set(label.articles.flatMap((a) => [a.kicker ?? a.headline ?? '']).filter((t) => t !== ''));
      for (const rendering of ['_print', '_web']) {
        const textFile = path.join(dir, `${stem}${rendering}.txt`);
        if (!existsSync(textFile)) continue;
        const original = readFileSync(textFile, 'utf8');
        // Besides the page, a variant with its datelines, byline lines and tails taken out: many papers print none of
        // them, and the boundary score must not lean on them alone. (Fitted on the training days' variants; the
        // other days' are scored apart.)
        const variants = values.strip ? [original, stripMarks(original)] : [original];
        variants.forEach((text, k) =>
          segmentPage({ file: stem, text, firstLine: 1 }, {
            spansJoin,
            boundaryWeights: weights,
            observeBoundary: ({ text: first, features }) => {
              samples.push({ x: BOUNDARY_FEATURES.map((f) => (features as BoundaryFeatures)[f]), y: titles.has(first) ? 1 : 0, train, stripped: k === 1 });
            },
          }),
        );
      }
    }
  }
  return samples;
}

/** Logistic regression on standardised features; the weights returned apply to the raw features. */
/** A page's text without opening datelines (`本报北京2月11日电（记者X）`), byline lines and tails. */
function stripMarks(text: string): string {
  return text
    .split('\n\n')
    .map((block) => block.replace(/^(?:本报|新华社|据新华社|中新社)[^，。（(]{0,24}?(?:电|讯)\s*(?:[（(][^）)]{0,40}[）)])?\s*/u, ''))
    .filter((block) => !/^(?:本报|新华社)?[^\s]{0,10}记者[\s\u00a0]/u.test(block) && !/^[（(].*(?:电|整理|采写|作者)[^）)]*[）)]$/u.test(block))
    .join('\n\n');
}

function fit(raw: readonly Sample[]): number[] {
  const m = BOUNDARY_FEATURES.length;
  const mean = new Array<number>(m).fill(0);
  const sd = new Array<number>(m).fill(0);
  for (const s of raw) s.x.forEach((v, k) => (mean[k] = (mean[k] as number) + v / raw.length));
  for (const s of raw) s.x.forEach((v, k) => (sd[k] = (sd[k] as number) + (v - (mean[k] as number)) ** 2 / raw.length));
  for (let k = 0; k < m; k++) sd[k] = Math.sqrt(sd[k] as number) || 1;
  const samples = raw.map((s) => ({ ...s, x: s.x.map((v, k) => (v - (mean[k] as number)) / (sd[k] as number)) }));
  const z = fitStandard(samples);
  const w = [z[0] as number];
  for (let k = 0; k < m; k++) {
    w.push((z[k + 1] as number) / (sd[k] as number));
    w[0] = (w[0] as number) - ((z[k + 1] as number) * (mean[k] as number)) / (sd[k] as number);
  }
  return w;
}

function fitStandard(samples: readonly Sample[]): number[] {
  const d = BOUNDARY_FEATURES.length + 1;
  const w = new Array<number>(d).fill(0);
  const lambda = 0.001;
  const rate = 0.5;
  for (let iter = 0; iter < 3000; iter++) {
    const grad = new Array<number>(d).fill(0);
    for (const s of samples) {
      let z = w[0] as number;
      for (let k = 0; k < s.x.length; k++) z += (w[k + 1] as number) * (s.x[k] as number);
      const p = 1 / (1 + Math.exp(-z));
      const e = p - s.y;
      grad[0] = (grad[0] as number) + e;
      for (let k = 0; k < s.x.length; k++) grad[k + 1] = (grad[k + 1] as number) + e * (s.x[k] as number);
    }
    for (let k = 0; k < d; k++) w[k] = (w[k] as number) - rate * ((grad[k] as number) / samples.length + (k > 0 ? lambda * (w[k] as number) : 0));
  }
  return w;
}

function accuracy(samples: readonly Sample[], w: readonly number[]): string {
  let right = 0;
  for (const s of samples) {
    let z = w[0] as number;
    for (let k = 0; k < s.x.length; k++) z += (w[k + 1] as number) * (s.x[k] as number);
    if ((z > 0 ? 1 : 0) === s.y) right++;
  }
  return `${(right / Math.max(samples.length, 1)).toFixed(3)} of ${samples.length} (${samples.filter((s) => s.y === 1).length} boundaries)`;
}

/**
 * Where fitting starts: hand-set weights, so that the result depends on the corpus and this script only, never on
 * the weights file it rewrites. Round 1 collects the candidates these weights meet; later rounds those of the last fit.
 */
const INITIAL: Record<string, number> = {
  bias: -1.5, lines: 0.6, kickerMark: 1.5, lastKickerMark: -0.5, subheadlineMark: 2, columnTag: 2, sidebarTag: 0, numbered: -3,
  sectionLabel: -3, standalone: 4, deckAfter: 0, datelineAfter: 4, bylineAfter: 1, creditSoon: 2, afterMark: 3,
  openSubheads: -0.7, openParagraphs: 0, sinceSubhead: 0, shapeMatch: 0, lowSimilarity: 0, similarity: -20, similarityBelow03: 0, similarityBelow045: 0, similarityAbove08: 0, similarityAbove12: 0,
  headSimilarity: -5, headLength: 0.5, endsPage: 0,
};
let weights: Record<string, number> = { ...INITIAL };
for (let round = 0; round < Number(values.rounds); round++) {
  const samples = collect(weights);
  const w = fit(samples.filter((s) => s.train));
  const other = samples.filter((s) => !s.train && !s.stripped);
  const otherStripped = samples.filter((s) => !s.train && s.stripped);
  weights = { bias: Number((w[0] as number).toFixed(4)) };
  BOUNDARY_FEATURES.forEach((f, k) => (weights[f] = Number((w[k + 1] as number).toFixed(4))));
  console.log(`round ${round + 1}: train days ${from}-${to} ${accuracy(samples.filter((s) => s.train), w)}; other days ${accuracy(other, w)}${otherStripped.length > 0 ? `; other days without marks ${accuracy(otherStripped, w)}` : ''}`);
}
console.log(weights);
if (values.write) {
  const body = Object.entries(weights).map(([k, v]) => `  ${k}: ${v},`).join('\n');
  writeFileSync(
    path.join(ROOT, 'src/segment/boundary-weights.ts'),
    `/**\n * Weights of the boundary features (boundary.ts), fitted by \`npm run train -- --days ${from}-${to} --write\`\n * (bench/train-boundaries.ts) on the labelled corpus pages of those days; the other days are kept for validation.\n */\nexport const BOUNDARY_WEIGHTS: Readonly<Record<string, number>> = {\n${body}\n};\n`,
  );
}
