/**
 * `data/articles.json`: every item, machine-readable, in site order.
 */
import { routes } from './routes.js';
import zlib from 'node:zlib';
import type { SiteItem, SiteModel, SitePage } from './site-model.js';

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

/** The record of one item of the site (see {@link ArticleRecord}); `page` is its page (版), when known. */
function articleRecord(item: SiteItem, page: SitePage | undefined): ArticleRecord {
  const a = item.article;
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
}

/** The records of every item of the site, in site order, also of items without text (which have no page). */
export function articleRecords(model: SiteModel): ArticleRecord[] {
  const pageOf = new Map(model.pages.map((page) => [page.seed, page] as const));
  return model.records.map((item) => articleRecord(item, pageOf.get(item.article.seed)));
}

/**
 * The items of `model.records` grouped by their page (版), in site order: each group is the records of one page,
 * in a row (model.records lists each page's items together). `page` is undefined for items of a seed the model has
 * no page of (never in a model that buildSiteModel made).
 */
function recordGroups(model: SiteModel): Array<{ readonly page: SitePage | undefined; readonly items: SiteItem[] }> {
  const pageOf = new Map(model.pages.map((page) => [page.seed, page] as const));
  const groups: Array<{ page: SitePage | undefined; items: SiteItem[]; seed: string }> = [];
  for (const item of model.records) {
    const last = groups.at(-1);
    if (last !== undefined && last.seed === item.article.seed) last.items.push(item);
    else groups.push({ page: pageOf.get(item.article.seed), items: [item], seed: item.article.seed });
  }
  return groups;
}

/**
 * Where one page's records are in an articles.json, as the build that wrote it recorded them (cache/build-cache.ts
 * OutputRecord.pieces): `[key, byte offset, byte length, CRC-32 of those bytes]`. The bytes are the page's records
 * as the file has them (each indented as in the whole array, separated by `,\n`, without the separator before
 * the first). `key` names everything they are made from: the page's entry key (cache/build-cache.ts pageKey: its
 * seed's name and bytes, the generator, the settings that shape items) and the page's slug (its items' ids and
 * paths), so a page of the same key has the same bytes.
 */
export type ArticlesPiece = readonly [key: string, offset: number, length: number, crc: number];

/** The articles.json of the last build, to take unchanged pages' records from (see {@link articlesJsonPieces}). */
export interface LastArticlesJson {
  /** Its pieces as that build recorded them (any value: what is not a well-formed piece is ignored). */
  readonly pieces: readonly unknown[];
  /**
   * Copy `length` bytes at byte `offset` of the last file into `target` at `at`.
   * @returns false when they cannot be read (the file is gone, shorter, or unreadable); never throws
   */
  read(target: Uint8Array, at: number, offset: number, length: number): boolean;
}

/** Options of {@link articlesJsonPieces}. */
export interface ArticlesJsonOptions {
  /** The size in bytes the file probably has (the last build's), for the buffer's first size. */
  readonly sizeHint?: number;
  /** The piece key of a page (see {@link ArticlesPiece}); undefined when it has none: its records are serialised and no piece is recorded. */
  readonly keyOf?: (page: SitePage) => string | undefined;
  /** The last build's file: a page whose key it has a piece of is copied from it when the CRC-32 of the bytes read matches. */
  readonly last?: LastArticlesJson;
  /** Size in bytes of the chunks {@link articlesJsonChunks} hands out (a chunk is larger only to hold a page's records copied from the last file, which are checked whole); default {@link ARTICLES_CHUNK_BYTES}. */
  readonly chunkBytes?: number;
}

/** `zlib.crc32` (Node ≥ 20.15, 22.2); without it no pieces are recorded or reused (every record is serialised). */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Whether `value` is an {@link ArticlesPiece}. */
function isPiece(value: unknown): value is ArticlesPiece {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    [value[1], value[2], value[3]].every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  );
}

/** A buffer of `size` bytes at first that grows by half when a chunk does not fit. */
class GrowingBuffer {
  bytes: Buffer;
  at = 0;
  constructor(size: number) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  append(chunk: Uint8Array): void {
    const needed = this.at + chunk.length;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, Math.floor(this.bytes.length * 1.5)));
      this.bytes.copy(grown, 0, 0, this.at);
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.at);
    this.at += chunk.length;
  }
}

/**
 * Size in bytes of the buffer {@link articlesJsonChunks} fills and hands out, chunk after chunk: small enough to
 * stay in the processor's cache and in memory already touched, large enough that a write a chunk costs little.
 */
export const ARTICLES_CHUNK_BYTES = 1 << 20;

/**
 * One buffer, filled and handed out again and again (see {@link articlesJsonChunks}): `flushed` bytes were handed
 * out before the `at` bytes it holds now.
 */
class ChunkBuffer {
  bytes: Buffer;
  at = 0;
  flushed = 0;
  constructor(size: number) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  /** Hand out what it holds when `length` more bytes do not fit, and grow it when they would not fit even then. */
  *room(length: number): Generator<Uint8Array, void, undefined> {
    if (this.at + length <= this.bytes.length) return;
    if (this.at > 0) yield* this.flush();
    if (length > this.bytes.length) this.bytes = Buffer.allocUnsafe(length);
  }

  *flush(): Generator<Uint8Array, void, undefined> {
    if (this.at === 0) return;
    if (this.piece !== null) {
      // The part of the open piece handed out now goes into its CRC-32 first.
      this.piece.crc = (crc32 as NonNullable<typeof crc32>)(this.bytes.subarray(this.piece.at, this.at), this.piece.crc);
      this.piece.at = 0;
    }
    yield this.bytes.subarray(0, this.at);
    this.flushed += this.at;
    this.at = 0;
  }

  /** Where the open piece starts (file offset), where its bytes start in the buffer now, and the CRC-32 of those handed out. */
  piece: { offset: number; at: number; crc: number } | null = null;

  /** Start a piece at the next byte: its CRC-32 is taken over the bytes appended until {@link end}, across chunks. */
  begin(): void {
    this.piece = { offset: this.offset, at: this.at, crc: 0 };
  }

  /** End the piece {@link begin} started: its file offset, length in bytes and CRC-32. */
  end(): { offset: number; length: number; crc: number } {
    const piece = this.piece as NonNullable<ChunkBuffer['piece']>;
    this.piece = null;
    return { offset: piece.offset, length: this.offset - piece.offset, crc: (crc32 as NonNullable<typeof crc32>)(this.bytes.subarray(piece.at, this.at), piece.crc) };
  }

  /** Byte offset in the whole file of the next byte. */
  get offset(): number {
    return this.flushed + this.at;
  }

  *append(text: string): Generator<Uint8Array, void, undefined> {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: measure only when the worst case does not fit.
    if (this.at + text.length * 3 > this.bytes.length) yield* this.room(Buffer.byteLength(text, 'utf8'));
    this.at += this.bytes.write(text, this.at, 'utf8');
  }
}

/**
 * articles.json's bytes (UTF-8), chunk by chunk: the records as pretty JSON (2 spaces), ending with a newline, the
 * same bytes as `JSON.stringify(articleRecords(model), null, 2) + '\n'`, made page by page into one buffer of
 * {@link ARTICLES_CHUNK_BYTES} (more when one page's records are larger) that is handed out each time it is full:
 * **a chunk is valid only until the next is asked for** (the buffer is filled again). At 40,000 articles the file
 * is about 200 MB, which no longer has to be held at once (a buffer of it was the largest allocation of a build).
 * Where each page's records are in the file is pushed to `pieces` as they are made ({@link ArticlesPiece}, byte
 * offsets in the whole file, for pages with a key): complete once the last chunk was taken. With `options.last`,
 * the records of a page whose key has a piece there are copied from the last build's file (checked by their
 * CRC-32) instead of made and serialised again: a rerun that adds a page serialises that page's records only. A
 * piece that cannot be read or fails its check is serialised as usual. `options.sizeHint` is not used.
 */
export function* articlesJsonChunks(model: SiteModel, options: ArticlesJsonOptions, pieces: ArticlesPiece[]): Generator<Uint8Array, void, undefined> {
  const groups = recordGroups(model);
  const out = new ChunkBuffer(Math.max(16, options.chunkBytes ?? ARTICLES_CHUNK_BYTES));
  if (groups.length === 0) {
    yield* out.append('[]\n');
    yield* out.flush();
    return;
  }
  // A record serialised inside an array of one is indented as it is in the whole array (`[\n  {…}\n]`): its text
  // without the brackets' lines is the record's chunk (no pass over the text to indent its lines).
  const chunk = (item: SiteItem, page: SitePage | undefined): string => JSON.stringify([articleRecord(item, page)], null, 2).slice(2, -2);
  const last = new Map<string, ArticlesPiece>();
  if (crc32 !== undefined && options.last !== undefined) for (const piece of options.last.pieces) if (isPiece(piece)) last.set(piece[0], piece);
  yield* out.append('[\n');
  for (const [g, { page, items }] of groups.entries()) {
    if (g > 0) yield* out.append(',\n');
    const key = crc32 === undefined || page === undefined ? undefined : options.keyOf?.(page);
    const before = key === undefined ? undefined : last.get(key);
    if (before !== undefined) {
      const [, offset, length, crc] = before;
      // The piece is read and checked whole in the buffer: only then is it part of a chunk.
      yield* out.room(length);
      const start = out.at;
      if (options.last?.read(out.bytes, start, offset, length) === true && (crc32 as NonNullable<typeof crc32>)(out.bytes.subarray(start, start + length)) === crc) {
        pieces.push([key as string, out.offset, length, crc]);
        out.at += length;
        continue;
      }
    }
    if (key !== undefined) out.begin();
    for (const [i, item] of items.entries()) yield* out.append(i === 0 ? chunk(item, page) : `,\n${chunk(item, page)}`);
    if (key !== undefined) {
      const { offset, length, crc } = out.end();
      pieces.push([key, offset, length, crc]);
    }
  }
  yield* out.append('\n]\n');
  yield* out.flush();
}

/**
 * articles.json's bytes as one buffer ({@link articlesJsonChunks}), and where each page's records are in them
 * ({@link ArticlesPiece}, for pages with a key). With `options.sizeHint` (the last build's size) the chunks are
 * copied into one buffer of about that size; without, they are kept and joined once at the end.
 */
export function articlesJsonPieces(model: SiteModel, options: ArticlesJsonOptions = {}): { bytes: Uint8Array; pieces: ArticlesPiece[] } {
  const pieces: ArticlesPiece[] = [];
  const hint = options.sizeHint;
  if (hint !== undefined && Number.isSafeInteger(hint) && hint > 0) {
    const out = new GrowingBuffer(hint + (hint >> 4) + 4096);
    for (const chunk of articlesJsonChunks(model, options, pieces)) out.append(chunk);
    return { bytes: out.bytes.subarray(0, out.at), pieces };
  }
  const chunks: Buffer[] = [];
  for (const chunk of articlesJsonChunks(model, options, pieces)) chunks.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(chunks), pieces };
}

/**
 * articles.json's bytes, as {@link articlesJsonPieces} makes them without a last build: the records as pretty JSON
 * (2 spaces), ending with a newline, the same bytes as `JSON.stringify(articleRecords(model), null, 2) + '\n'`.
 * @param sizeHint the size in bytes the file probably has (the last build's: a rerun changes a few records of
 *   thousands), for the buffer's first size (grown by half when it does not fit)
 */
export function articlesJson(model: SiteModel, sizeHint?: number): Uint8Array {
  return articlesJsonPieces(model, sizeHint === undefined ? {} : { sizeHint }).bytes;
}
