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
 * `JSON.stringify(articleRecords(model), null, 2) + '\n'`. Built record by record into one buffer, measured
 * first: at 40,000 articles the text is about 116 MB, which as one string (two bytes a character for Chinese)
 * and then its UTF-8 copy held about 350 MB at once.
 */
export function articlesJson(model: SiteModel): Uint8Array {
  const records = articleRecords(model);
  if (records.length === 0) return Buffer.from('[]\n', 'utf8');
  // A JSON text has no raw newline inside a string, so indenting every line of a record nests it in the array.
  const chunk = (i: number): string => `${i === 0 ? '[\n' : ',\n'}  ${JSON.stringify(records[i], null, 2).replace(/\n/g, '\n  ')}`;
  const end = '\n]\n';
  let size = Buffer.byteLength(end, 'utf8');
  for (let i = 0; i < records.length; i++) size += Buffer.byteLength(chunk(i), 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < records.length; i++) at += bytes.write(chunk(i), at, 'utf8');
  at += bytes.write(end, at, 'utf8');
  if (at !== size) throw new Error(`articles.json: wrote ${at} of ${size} bytes`);
  return bytes;
}
