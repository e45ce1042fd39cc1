/**
 * `data/articles.json`: every item, machine-readable, in site order.
 */
import { routes } from './routes.js';
import type { SiteModel } from './site-model.js';

/** One entry of articles.json. Field names are snake_case, as in the golden files. */
export interface ArticleRecord {
  readonly id: string;
  /** Output path relative to the site root, e.g. `pages/000_b18dfdda09c05dd9/01.html`; null for an item without text, which has no page. */
  readonly url: string | null;
  readonly seed: string;
  readonly source_lines: readonly [number, number];
  readonly paper: string | null;
  readonly date: string | null;
  readonly page: string | null;
  readonly page_name: string | null;
  readonly kind: string;
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
  readonly subheads: readonly string[];
  readonly paragraphs: readonly string[];
  readonly bylines: readonly string[];
  readonly photo_credit: string | null;
  readonly continued: boolean;
  readonly places: {
    readonly districts: ReadonlyArray<{ code: string; name: string; url: string }>;
    readonly towns: ReadonlyArray<{ code: string; name: string; district_code: string; url: string }>;
  };
}

/** The records of every item of the site, in site order, also of items without text (which have no page). */
export function articleRecords(model: SiteModel): ArticleRecord[] {
  const pageOf = new Map(model.pages.map((page) => [page.seed, page] as const));
  return model.records.map((item) => {
    const a = item.article;
    const page = pageOf.get(a.seed);
    return {
      id: item.id,
      url: item.published ? item.path : null,
      seed: a.seed,
      source_lines: [a.sourceLines[0], a.sourceLines[1]],
      paper: page?.meta.paper ?? null,
      date: page?.meta.date ?? null,
      page: page?.meta.page ?? null,
      page_name: page?.meta.pageName ?? null,
      kind: a.kind,
      kicker: a.kicker,
      headline: a.headline,
      subheadline: a.subheadline,
      subheads: item.subheads,
      paragraphs: item.paragraphs,
      bylines: a.bylines,
      photo_credit: a.photoCredit,
      continued: a.continued,
      places: {
        districts: a.places.districts.map((p) => ({ code: p.code, name: p.name, url: routes.place(p.code) })),
        towns: a.places.towns.map((p) => ({ code: p.code, name: p.name, district_code: p.districtCode, url: routes.place(p.code) })),
      },
    };
  });
}

/**
 * articles.json's bytes (UTF-8): the records as pretty JSON (2 spaces), ending with a newline, the same bytes as
 * `JSON.stringify(articleRecords(model), null, 2) + '\n'`. Built record by record into one buffer: at 40,000
 * articles the text is about 116 MB, which as one string (two bytes a character for Chinese) and then its UTF-8
 * copy held about 350 MB at once.
 *
 * Without `sizeHint` each record is serialised twice, to measure the buffer first and then to fill it (no byte more
 * than the file is held). With `sizeHint`, the size in bytes the file probably has (the last build's: a rerun
 * changes a few records of thousands), each record is serialised once into a buffer of that size and a little more,
 * grown by half when it does not fit: about half the time (4,300 records: 0.31 → 0.11 s), for at most the slack
 * (1/16 of the hint) more memory when the guess holds.
 */
export function articlesJson(model: SiteModel, sizeHint?: number): Uint8Array {
  const records = articleRecords(model);
  if (records.length === 0) return Buffer.from('[]\n', 'utf8');
  // A record serialised inside an array of one is indented as it is in the whole array (`[\n  {…}\n]`): its text
  // without the brackets' lines is the record's chunk (no pass over the text to indent its lines).
  const chunk = (i: number): string => `${i === 0 ? '[\n' : ',\n'}${JSON.stringify([records[i]], null, 2).slice(2, -2)}`;
  const end = '\n]\n';
  if (sizeHint !== undefined && Number.isSafeInteger(sizeHint) && sizeHint > 0) return serialisedOnce(records.length, chunk, end, sizeHint);
  let size = Buffer.byteLength(end, 'utf8');
  for (let i = 0; i < records.length; i++) size += Buffer.byteLength(chunk(i), 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < records.length; i++) at += bytes.write(chunk(i), at, 'utf8');
  at += bytes.write(end, at, 'utf8');
  if (at !== size) throw new Error(`articles.json: wrote ${at} of ${size} bytes`);
  return bytes;
}

/** The `count` chunks and `end` (see {@link articlesJson}), each serialised once, into a buffer of about `sizeHint` bytes, grown as needed. */
function serialisedOnce(count: number, chunk: (i: number) => string, end: string, sizeHint: number): Uint8Array {
  let bytes = Buffer.allocUnsafe(sizeHint + (sizeHint >> 4) + 4096);
  let at = 0;
  const append = (text: string): void => {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: measure only when the worst case does not fit.
    if (at + text.length * 3 > bytes.length) {
      const needed = at + Buffer.byteLength(text, 'utf8');
      if (needed > bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(needed, Math.floor(bytes.length * 1.5)));
        bytes.copy(grown, 0, 0, at);
        bytes = grown;
      }
    }
    at += bytes.write(text, at, 'utf8');
  };
  for (let i = 0; i < count; i++) append(chunk(i));
  append(end);
  return bytes.subarray(0, at);
}
