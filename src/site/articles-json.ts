/**
 * `data/articles.json`: every item, machine-readable, in site order.
 */
import { routes } from './routes.js';
import type { SiteModel } from './site-model.js';

/** One entry of articles.json. Field names are snake_case, as in the golden files. */
export interface ArticleRecord {
  readonly id: string;
  /** Output path relative to the site root, e.g. `pages/000_b18dfdda09c05dd9/01.html`. */
  readonly url: string;
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

/** The records of every item of the site, in site order. */
export function articleRecords(model: SiteModel): ArticleRecord[] {
  const pageOf = new Map(model.pages.flatMap((page) => page.items.map((item) => [item.id, page] as const)));
  return model.items.map((item) => {
    const a = item.article;
    const page = pageOf.get(item.id);
    return {
      id: item.id,
      url: item.path,
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

/** articles.json's text: the records as pretty JSON (2 spaces), ending with a newline. */
export function articlesJson(model: SiteModel): string {
  return `${JSON.stringify(articleRecords(model), null, 2)}\n`;
}
