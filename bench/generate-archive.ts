/**
 * A synthetic archive for the benchmark: P seed pages recombined from the real blocks of the seed page
 * `seeds/000_b18dfdda09c05dd9.txt`, with a fixed random seed so every run writes the same bytes.
 *
 * The seed page's items (their line spans come from the hand-labelled golden file) are cut into parts:
 * an article is a header (kicker + headline, the first two blocks), a body (the blocks up to the byline,
 * column-break fragments and subheads included) and a byline (`·陈馨 王铁荣·`); a photo is a caption and a
 * credit; the last item of the seed runs off the page (no byline). Bylines stand alone or follow the last
 * paragraph after a space, as in the seed. A synthetic page takes 7 to 13 items
 * (10 on average): for each article a header, a body and byline names drawn independently, about one
 * photo in ten, and about one page in three ends with an article that runs off the page. Bylines name 1 to
 * 3 of ~300 names made from the seed's surnames and given names, so author pages have realistic sizes.
 *
 * Pages are grouped in editions of 8 to 24 pages (front matter `paper`, `date`, `page`, `page_name`), the
 * editions spread over up to ten years from 2012-01-01. File names are `{date}_{NN}.txt`. With `undated`, the
 * pages have no front matter. With a {@link CorpusGenerator} as source, the pages are real pages of a corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The project root (bench/ is beside src/). */
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SEED_NAME = '000_b18dfdda09c05dd9';

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The recombinable parts of the seed page. */
export interface SeedParts {
  /** `kicker\n\nheadline` of each headed article. */
  readonly headers: string[];
  /** Body blocks (joined by blank lines) of each complete article, without header and byline. */
  readonly bodies: string[];
  /** Body of the article that runs off the page. */
  readonly continuedBodies: string[];
  /** Photo captions (without the credit line). */
  readonly captions: string[];
  /** Person names from bylines and credits. */
  readonly names: string[];
}

interface GoldenItem {
  readonly kind: string;
  readonly continued: boolean;
  readonly source_lines: [number, number];
}

function blocksOf(lines: readonly string[], first: number, last: number): string[] {
  const text = lines.slice(first - 1, last).join('\n');
  return text.split(/\n[ \t]*\n/).map((block) => block.trim()).filter((block) => block !== '');
}

/** Cut the seed page into parts, using the golden file's line spans. */
export function readSeedParts(root = ROOT): SeedParts {
  const text = readFileSync(path.join(root, 'seeds', `${SEED_NAME}.txt`), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const golden = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'golden', `${SEED_NAME}.expected.json`), 'utf8')) as {
    articles: GoldenItem[];
  };
  const lines = text.split('\n');
  const parts: SeedParts = { headers: [], bodies: [], continuedBodies: [], captions: [], names: [] };
  for (const item of golden.articles) {
    const blocks = blocksOf(lines, item.source_lines[0], item.source_lines[1]);
    if (item.kind === 'photo') {
      parts.captions.push(blocks.slice(0, -1).join('\n\n'));
      parts.names.push(blocks[blocks.length - 1]!.replace(/\s*摄$/, ''));
    } else if (item.continued) {
      parts.headers.push(blocks.slice(0, 2).join('\n\n'));
      parts.continuedBodies.push(blocks.slice(2).join('\n\n'));
    } else {
      // The byline is a block of its own, or appended to the last paragraph after a space (`…。 ·黄艳鸣 杜俊烨·`).
      const last = blocks[blocks.length - 1]!;
      const trailing = /^(.*\S)[ \u3000]+(·[^·]+·)$/u.exec(last);
      const byline = last.startsWith('·') ? last : trailing?.[2];
      if (byline === undefined) throw new Error(`bench: expected a byline at the end of seed lines ${item.source_lines.join('-')}`);
      const body = last.startsWith('·') ? blocks.slice(2, -1) : [...blocks.slice(2, -1), trailing![1]!];
      parts.headers.push(blocks.slice(0, 2).join('\n\n'));
      parts.bodies.push(body.join('\n\n'));
      parts.names.push(...byline.replace(/^·|·$/g, '').trim().split(/\s+/));
    }
  }
  return parts;
}

/** ~300 distinct 2–3 character names: a surname of a seed name + given-name characters of seed names. */
function makeNames(seedNames: readonly string[], random: () => number): string[] {
  const surnames = [...new Set(seedNames.map((name) => name[0]!))];
  const given = [...new Set(seedNames.flatMap((name) => [...name.slice(1)]))];
  const out = new Set<string>(seedNames);
  while (out.size < 300) {
    const length = random() < 0.7 ? 2 : 1;
    let name = surnames[Math.floor(random() * surnames.length)]!;
    for (let i = 0; i < length; i++) name += given[Math.floor(random() * given.length)]!;
    out.add(name);
  }
  return [...out].sort();
}

const PAGE_NAMES = ['要闻', '综合', '区县新闻', '民生', '经济', '社会', '文体', '副刊', '理论', '专版'];

/** One generated page: its file name and text. */
export interface GeneratedPage {
  readonly fileName: string;
  readonly text: string;
  /** Items on the page. */
  readonly items: number;
}

/** Generates pages; deterministic for a given `seed`. */
export class ArchiveGenerator {
  private readonly random: () => number;
  private readonly parts: SeedParts;
  private readonly names: string[];

  constructor(seed = 20210818, root = ROOT) {
    this.random = createRandom(seed);
    this.parts = readSeedParts(root);
    this.names = makeNames(this.parts.names, this.random);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private byline(): string {
    const count = this.int(1, 3);
    const names = new Set<string>();
    while (names.size < count) names.add(this.pick(this.names));
    return `·${[...names].join(' ')}·`;
  }

  /**
   * The text of one page (front matter + blocks separated by blank lines).
   */
  pageText(date: string, page: number, undated = false): { text: string; items: number } {
    const items = this.int(7, 13);
    const runsOff = this.random() < 0.33;
    const blocks: string[] = [];
    for (let i = 0; i < items; i++) {
      const last = i === items - 1;
      if (!(last && runsOff) && this.random() < 0.1) {
        blocks.push(this.pick(this.parts.captions), `${this.pick(this.names)}摄`);
      } else if (last && runsOff) {
        blocks.push(this.pick(this.parts.headers), this.pick(this.parts.continuedBodies));
      } else {
        const body = this.pick(this.parts.bodies);
        // One article in five has its byline appended to the last paragraph, as the seed sometimes prints it.
        if (this.random() < 0.2 && /[。！？”]$/u.test(body)) blocks.push(this.pick(this.parts.headers), `${body} ${this.byline()}`);
        else blocks.push(this.pick(this.parts.headers), body, this.byline());
      }
    }
    return { text: `${frontMatter(date, page, undated)}${blocks.join('\n\n')}\n`, items };
  }
}

/** A page's front matter (`paper`, `date`, `page`, `page_name`) and the blank line after it; '' when undated. */
function frontMatter(date: string, page: number, undated: boolean): string {
  if (undated) return '';
  return `${['---', 'paper: 南通日报', `date: ${date}`, `page: ${page}`, `page_name: ${PAGE_NAMES[(page - 1) % PAGE_NAMES.length]}`, '---', ''].join('\n')}\n`;
}

/** Where the real page corpus is looked for: `../shared/corpus/rmrb-2019-02/pages` beside the project. */
export const CORPUS_DIR = path.resolve(ROOT, '..', 'shared', 'corpus', 'rmrb-2019-02', 'pages');

/** Makes the text of one page: {@link ArchiveGenerator} or {@link CorpusGenerator}. */
export interface PageSource {
  pageText(date: string, page: number, undated?: boolean): { text: string; items: number };
}

/**
 * Pages of real, varied text: the print renderings (`*_print.txt`) of a page corpus, read when the bench runs
 * (never copied into the project), handed out in a fixed shuffled order and again from the start when an archive
 * needs more pages than the corpus has; each gets the front matter of the page it stands for. `items` is the
 * corpus label's article count.
 */
export class CorpusGenerator implements PageSource {
  private readonly files: string[];
  private next = 0;

  /** @throws Error when `dir` holds no `*_print.txt` page */
  constructor(private readonly dir: string = CORPUS_DIR, seed = 20190201) {
    const random = createRandom(seed);
    this.files = readdirSync(dir)
      .filter((name) => name.endsWith('_print.txt'))
      .sort()
      .map((name) => ({ name, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ name }) => name);
    if (this.files.length === 0) throw new Error(`bench: no *_print.txt page in ${dir}`);
  }

  /** How many distinct pages the corpus has. */
  get size(): number {
    return this.files.length;
  }

  pageText(date: string, page: number, undated = false): { text: string; items: number } {
    const name = this.files[this.next++ % this.files.length] as string;
    const body = readFileSync(path.join(this.dir, name), 'utf8').replace(/^\uFEFF/, '');
    const label = path.join(this.dir, name.replace(/_print\.txt$/, '.expected.json'));
    const items = existsSync(label) ? ((JSON.parse(readFileSync(label, 'utf8')) as { articles?: unknown[] }).articles?.length ?? 0) : 0;
    return { text: `${frontMatter(date, page, undated)}${body.trimEnd()}\n`, items };
  }
}

/**
 * An editor's correction: the first body paragraph (a line of over 40 characters ending in `。`) gets one
 * more sentence naming the edit number, so every edit changes the page and keeps its line count.
 * @throws Error when the page has no such line
 */
export function editPageText(text: string, edit: number): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.length > 40 && line.endsWith('。'));
  if (index < 0) throw new Error('bench: no paragraph to edit');
  lines[index] = `${lines[index]}本报第${edit}次更正。`;
  return lines.join('\n');
}

/** `YYYY-MM-DD` of `days` after 2012-01-01 (UTC calendar arithmetic, no time zone involved). */
export function dateAfter(days: number): string {
  return new Date(Date.UTC(2012, 0, 1 + days)).toISOString().slice(0, 10);
}

/** File name of a page: `{date}_{NN}.txt`. */
export function pageFileName(date: string, page: number): string {
  return `${date}_${String(page).padStart(2, '0')}.txt`;
}

/** What {@link generateArchive} wrote. */
export interface GeneratedArchive {
  readonly seedsDir: string;
  readonly pages: number;
  readonly items: number;
  /** File names, sorted. */
  readonly files: string[];
  /** Day number (after 2012-01-01) of the last edition. */
  readonly lastDay: number;
  /** The generator, to make more pages in the same style. */
  readonly generator: PageSource;
  /** Whether the pages have no front matter. */
  readonly undated: boolean;
}

/** Options of {@link generateArchive}. */
export interface ArchiveOptions {
  /** Pages without front matter (listed as undated, under their file names). Default false. */
  readonly undated?: boolean;
  /** Where page texts come from. Default: recombined blocks of the seed page ({@link ArchiveGenerator}). */
  readonly source?: PageSource;
}

/**
 * Write `pages` seed pages into `seedsDir` (created; existing files of the same names are overwritten).
 * Editions of 8–24 pages, spread over up to ten years.
 */
export function generateArchive(seedsDir: string, pages: number, seed = 20210818, options: ArchiveOptions = {}): GeneratedArchive {
  const generator = options.source ?? new ArchiveGenerator(seed);
  const undated = options.undated === true;
  mkdirSync(seedsDir, { recursive: true });
  const editions = Math.max(1, Math.round(pages / 16));
  const step = Math.max(1, Math.floor(3650 / editions));
  const files: string[] = [];
  let items = 0;
  let day = 0;
  let written = 0;
  const sizeRandom = createRandom(seed ^ 0x5bd1e995);
  while (written < pages) {
    const date = dateAfter(day);
    const size = Math.min(pages - written, 8 + Math.floor(sizeRandom() * 17));
    for (let page = 1; page <= size; page++) {
      const { text, items: count } = generator.pageText(date, page, undated);
      const fileName = pageFileName(date, page);
      writeFileSync(path.join(seedsDir, fileName), text);
      files.push(fileName);
      items += count;
    }
    written += size;
    day += step;
  }
  return { seedsDir, pages, items, files: files.sort(), lastDay: day - step, generator, undated };
}
