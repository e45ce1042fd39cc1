/**
 * articles.json made page by page: where each page's records are in the file (its pieces), and a rerun that copies
 * the records of unchanged pages from the last build's file, checked by their CRC-32, instead of serialising them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { articleRecords, articlesJson, articlesJsonChunks, articlesJsonPieces, type ArticlesPiece, type LastArticlesJson } from '../../src/site/articles-json.js';
import { buildSiteModel, type SitePage } from '../../src/site/site-model.js';
import { buildFixtureSite } from './fixture-site.js';

const site = await buildFixtureSite();
const model = buildSiteModel(site.result.pages, site.result.articles);
const keyOf = (page: SitePage): string => `key-of-${page.seed} ${page.slug}`;
const expected = Buffer.from(`${JSON.stringify(articleRecords(model), null, 2)}\n`, 'utf8');

/** A last build's file of `bytes`, counting the bytes read from it. */
function lastFile(bytes: Uint8Array, pieces: readonly unknown[]): LastArticlesJson & { readonly reads: number[] } {
  const reads: number[] = [];
  return {
    pieces,
    reads,
    read(target, at, offset, length) {
      if (offset + length > bytes.length) return false;
      target.set(bytes.subarray(offset, offset + length), at);
      reads.push(length);
      return true;
    },
  };
}

test('each page with a key gets a piece: its records exactly, with their CRC-32, in page order; the bytes are those of articlesJson', () => {
  const { bytes, pieces } = articlesJsonPieces(model, { keyOf });
  assert.ok(Buffer.from(bytes).equals(expected));
  assert.ok(Buffer.from(articlesJson(model)).equals(expected));
  assert.deepEqual(
    pieces.map(([key]) => key),
    model.pages.map((page) => keyOf(page)),
  );
  assert.equal(pieces.length, 4);
  const buffer = Buffer.from(bytes);
  let records = 0;
  for (const [key, offset, length, crc] of pieces) {
    const page = model.pages.find((p) => keyOf(p) === key) as SitePage;
    const slice = buffer.subarray(offset, offset + length);
    assert.equal(zlib.crc32(slice), crc);
    const parsed = JSON.parse(`[${slice.toString('utf8')}]`) as Array<{ id: string; seed: string }>;
    assert.deepEqual(parsed, articleRecords(model).filter((record) => record.seed === page.seed));
    assert.ok(parsed.every((record) => record.id.startsWith(`${page.slug}/`)));
    records += parsed.length;
  }
  assert.equal(records, model.records.length);
  // The first piece starts after `[\n`, each next one after `,\n`, and the last ends before `\n]\n`.
  assert.equal(pieces[0]?.[1], 2);
  for (let i = 1; i < pieces.length; i++) assert.equal((pieces[i] as ArticlesPiece)[1], (pieces[i - 1] as ArticlesPiece)[1] + (pieces[i - 1] as ArticlesPiece)[2] + 2);
  const lastPiece = pieces.at(-1) as ArticlesPiece;
  assert.equal(lastPiece[1] + lastPiece[2] + 3, bytes.length);
  // Without keys, no pieces.
  assert.deepEqual(articlesJsonPieces(model).pieces, []);
  assert.deepEqual(articlesJsonPieces(buildSiteModel([], []), { keyOf }), { bytes: Buffer.from('[]\n'), pieces: [] });
});

test('with the last file, pages of the same key are copied from it (a forged piece with its CRC-32 shows through), the rest serialised', () => {
  const first = articlesJsonPieces(model, { keyOf });
  // Same bytes from the last file, every piece copied.
  const same = lastFile(first.bytes, first.pieces);
  const again = articlesJsonPieces(model, { keyOf, sizeHint: first.bytes.length, last: same });
  assert.ok(Buffer.from(again.bytes).equals(expected));
  assert.deepEqual(again.pieces, first.pieces);
  assert.deepEqual(same.reads, first.pieces.map(([, , length]) => length));

  // A piece forged in the last file with a CRC-32 that fits is copied as it is: the records were not made again.
  const forged = Buffer.from(first.bytes);
  const [key, offset, length] = first.pieces[1] as ArticlesPiece;
  const at = forged.indexOf('"kind"', offset);
  forged.write('"KIND"', at, 'utf8');
  const pieces = first.pieces.map((piece) => (piece[0] === key ? ([key, offset, length, zlib.crc32(forged.subarray(offset, offset + length))] as const) : piece));
  const copied = articlesJsonPieces(model, { keyOf, sizeHint: 10, last: lastFile(forged, pieces) });
  assert.ok(Buffer.from(copied.bytes).equals(forged));

  // The same forged bytes under the first build's CRC-32 fail it: that page is serialised again, the file is right.
  const checked = articlesJsonPieces(model, { keyOf, sizeHint: 10, last: lastFile(forged, first.pieces) });
  assert.ok(Buffer.from(checked.bytes).equals(expected));
  assert.deepEqual(checked.pieces, first.pieces);

  // A page of another key (its slug changed), a piece the file is too short for, and pieces that are not
  // pieces: serialised, the same bytes.
  const renamed = (page: SitePage): string => (page.seed === model.pages[0]?.seed ? 'other' : keyOf(page));
  const odd = lastFile(first.bytes.subarray(0, first.bytes.length - 10), [...first.pieces, ['x', -1, 2, 3], 'piece', null]);
  const mixed = articlesJsonPieces(model, { keyOf: renamed, last: odd });
  assert.ok(Buffer.from(mixed.bytes).equals(expected));
  assert.deepEqual(odd.reads, first.pieces.slice(1, -1).map(([, , length]) => length));
  assert.deepEqual(mixed.pieces[0]?.[0], 'other');
});

test('in chunks of a small buffer, filled again for each: the same bytes and pieces, a piece CRC-32 across chunks, copied pieces checked whole', () => {
  const whole = articlesJsonPieces(model, { keyOf });
  const largest = Math.max(...whole.pieces.map(([, , length]) => length));
  for (const chunkBytes of [16, 100, 1000, 1 << 20]) {
    const pieces: ArticlesPiece[] = [];
    const copies: Buffer[] = [];
    for (const chunk of articlesJsonChunks(model, { keyOf, chunkBytes }, pieces)) {
      // A chunk is the buffer's size at most, or a record's when one is larger (the buffer grows to hold it).
      assert.ok(chunk.length > 0 && chunk.length <= Math.max(chunkBytes, largest), `chunk of ${chunk.length} bytes, buffer ${chunkBytes}`);
      copies.push(Buffer.from(chunk));
    }
    assert.ok(Buffer.concat(copies).equals(expected), `buffer ${chunkBytes}`);
    assert.deepEqual(pieces, whole.pieces, `buffer ${chunkBytes}`);
    if (chunkBytes < largest) assert.ok(copies.length > whole.pieces.length, `buffer ${chunkBytes}: ${copies.length} chunks`);

    // From the last file: each copied piece is read whole into the buffer (grown to it when larger), the same bytes.
    const last = lastFile(whole.bytes, whole.pieces);
    const again: ArticlesPiece[] = [];
    const copied: Buffer[] = [];
    for (const chunk of articlesJsonChunks(model, { keyOf, chunkBytes, last }, again)) copied.push(Buffer.from(chunk));
    assert.ok(Buffer.concat(copied).equals(expected), `copied, buffer ${chunkBytes}`);
    assert.deepEqual(again, whole.pieces);
    assert.deepEqual(last.reads, whole.pieces.map(([, , length]) => length));
  }
  const empty: ArticlesPiece[] = [];
  assert.deepEqual([...articlesJsonChunks(buildSiteModel([], []), { keyOf, chunkBytes: 16 }, empty)].map((chunk) => Buffer.from(chunk).toString('utf8')), ['[]\n']);
  assert.deepEqual(empty, []);
});
