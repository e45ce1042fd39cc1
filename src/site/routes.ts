/**
 * Every URL of the site, in one place. Paths are relative to the output folder, with forward slashes, and
 * name files (`…/index.html`), so the site works from a web server and straight from disk (file://).
 *
 * Scheme (stable: adding seeds or fixing a typo in one changes no existing URL):
 * - page (版) view: `pages/{page-slug}/index.html`, page slug from the seed's file name
 * - item: `pages/{page-slug}/{NN}.html`, NN its 1-based position on the page, two digits
 * - place: `places/{division code}.html`; author: `authors/{name}.html`; edition: `editions/{YYYY-MM-DD}.html`
 * - page k ≥ 2 of a place's or an author's article list: `places/{code}_{k}.html`, `authors/{name}_{k}.html`
 *   (page 1 is the place or author page itself)
 */
import { createHash } from 'node:crypto';

/** Characters kept as they are in a page slug: ASCII letters and digits, `_`, `-`, `.`, and CJK ideographs. */
const SAFE_SLUG = /^[A-Za-z0-9_.\-\u3400-\u9fff\uf900-\ufaff]+$/u;

/** Longest path segment made, in UTF-8 bytes: file systems allow 255, and a list page adds `_{k}.html`. */
const MAX_SEGMENT_BYTES = 200;

function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** The longest start of `text` (whole code points) of at most `max` UTF-8 bytes. */
function cutBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let kept = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > max) break;
    kept += char;
    bytes += size;
  }
  return kept;
}

/** `segment` with `-{hash}` appended, `segment` cut so that the whole is at most {@link MAX_SEGMENT_BYTES}. */
function withHash(segment: string, hash: string): string {
  const kept = segment === '' ? '' : cutBytes(segment, MAX_SEGMENT_BYTES - 1 - hash.length).replace(/(?<=.)-+$/u, '');
  return `${kept}-${hash}`;
}

/** `segment` as it is when at most {@link MAX_SEGMENT_BYTES} long in UTF-8; else cut, with a hash of `name` appended. */
function capSegment(segment: string, name: string): string {
  return Buffer.byteLength(segment, 'utf8') <= MAX_SEGMENT_BYTES ? segment : withHash(segment, shortHash(name));
}

/**
 * The key under which two path segments name one file on a disk that ignores case or width (macOS, Windows):
 * NFKC (full-width `Ａ１` → `A1`, compatibility ideographs → unified) then lower case.
 */
export function foldKey(segment: string): string {
  return segment.normalize('NFKC').toLowerCase();
}

/**
 * The slug a page would get on its own, from its seed's file name without `.txt`. A name of safe characters is
 * its own slug (`000_b18dfdda09c05dd9`); any other name gets its unsafe runs replaced by `-` and a 6-hex-digit
 * hash of the whole name appended (`第 3 版` → `第-3-版-1a2b3c`). A slug longer than 200 bytes is cut and gets the
 * hash too. Slugs of a whole site come from {@link uniqueSegments}, which settles the rare names that share one.
 */
export function pageSlug(seedName: string): string {
  if (SAFE_SLUG.test(seedName) && !seedName.startsWith('.')) return capSegment(seedName, seedName);
  const hash = shortHash(seedName);
  const cleaned = seedName.replace(/[^A-Za-z0-9_\-\u3400-\u9fff\uf900-\ufaff]+/gu, '-').replace(/^-+|-+$/g, '');
  return cleaned ? withHash(cleaned, hash) : hash;
}

/**
 * The path segment an author page would get on its own (author names): path separators and controls replaced by
 * `_`, leading dots by one `_`. A name that would end like a list page (`陈静_2`, see {@link listPagePath}) or be
 * the authors index (`index`, also `Index` or `ｉｎｄｅｘ`) gets a `_` appended (`陈静_2_`), so no author page
 * shares a path with another author's page 2 or with the index. Segments of a whole site come from
 * {@link uniqueSegments}.
 */
export function nameSegment(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_') || '_';
  return capSegment(/_\d+$|^index$/u.test(foldKey(cleaned)) ? `${cleaned}_` : cleaned, name);
}

/**
 * A path segment for each entry, unique even on a disk that ignores case or width ({@link foldKey}), and the
 * same at every build of the same entries: each gets `preferred(name)` unless an earlier entry holds that segment
 * (or one equal to it under {@link foldKey}); then `-` and a hash of its key is appended (6 hex digits, longer
 * when even that is taken). Earlier means: entries whose preferred segment is their name itself first (so an
 * editor's plain `App` keeps its URL beside `app`), then by name, then by key (code point order).
 * @param entries `key` distinct (an author's name; a seed's file name), `name` what the segment is made from
 * @param preferred the segment of a name on its own ({@link pageSlug}, {@link nameSegment})
 * @returns segment by key
 */
export function uniqueSegments(entries: Iterable<{ readonly key: string; readonly name: string }>, preferred: (name: string) => string): Map<string, string> {
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const wanted = [...entries].map(({ key, name }) => ({ key, name, segment: preferred(name) }));
  wanted.sort((a, b) => Number(a.segment !== a.name) - Number(b.segment !== b.name) || order(a.name, b.name) || order(a.key, b.key));
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const { key, segment } of wanted) {
    if (out.has(key)) continue;
    let chosen = segment;
    // A longer hash only when a name was made to look like another's segment with its hash.
    for (let length = 6; taken.has(foldKey(chosen)); length += 2) {
      chosen = withHash(segment, length <= 64 ? shortHash(key, length) : `${shortHash(key, 64)}-${length}`);
    }
    taken.add(foldKey(chosen));
    out.set(key, chosen);
  }
  return out;
}

/**
 * The output path of page `page` of a list whose page 1 is `first` (`places/320612.html`): page 1 is `first`
 * itself, page k ≥ 2 is `first` with `_{k}` before `.html`, in the same folder.
 * @throws RangeError when `page` is not a whole number ≥ 1
 */
export function listPagePath(first: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`list page number must be a whole number ≥ 1, got ${page}`);
  return page === 1 ? first : `${first.slice(0, -'.html'.length)}_${page}.html`;
}

export const routes = {
  home: (): string => 'index.html',
  page: (slug: string): string => `pages/${slug}/index.html`,
  item: (slug: string, index: number): string => `pages/${slug}/${String(index + 1).padStart(2, '0')}.html`,
  /** Stable id of an item, `{page-slug}/{NN}`. */
  itemId: (slug: string, index: number): string => `${slug}/${String(index + 1).padStart(2, '0')}`,
  edition: (date: string): string => `editions/${date}.html`,
  editions: (): string => 'editions/index.html',
  places: (): string => 'places/index.html',
  place: (code: string): string => `places/${code}.html`,
  authors: (): string => 'authors/index.html',
  /** An author's page on its own; a site's authors get theirs from site-model.ts (unique among all names). */
  author: (name: string): string => `authors/${nameSegment(name)}.html`,
  /** An author's page from its segment ({@link uniqueSegments} of {@link nameSegment}). */
  authorFile: (segment: string): string => `authors/${segment}.html`,
  /**
   * A page of a place's article list by its slot (site/render-site.ts ListPage.slot): `places/{code}.html` for
   * slot 1 (the place page, newest articles), `places/{code}_{slot}.html` for the archived block slot − 1 counted
   * from the oldest. Throws a RangeError when `slot` is not a whole number ≥ 1.
   */
  placeListPage: (code: string, slot: number): string => listPagePath(routes.place(code), slot),
  /** As {@link routes.placeListPage}, for an author: `authors/{name}.html`, then `authors/{name}_{slot}.html`. */
  authorListPage: (name: string, slot: number): string => listPagePath(routes.author(name), slot),
  /** Page `slot` of a list whose page 1 is `first` (an author's path in the site model): see {@link listPagePath}. */
  listPage: (first: string, slot: number): string => listPagePath(first, slot),
  search: (): string => 'search.html',
  /** About the archive: what it holds, where its data comes from, how to search it. */
  about: (): string => 'about.html',
  notFound: (): string => '404.html',
  feed: (): string => 'feed.xml',
  sitemap: (): string => 'sitemap.xml',
  /** The folder, with its `/`, of the sitemap files `sitemap.xml` indexes on a large site ({@link routes.sitemapPart}). */
  sitemapParts: (): string => 'sitemaps/',
  /** A sitemap file that `sitemap.xml` indexes when the site has more pages than one sitemap may list. */
  sitemapPart: (name: string): string => `${routes.sitemapParts()}${name}.xml`,
  articlesJson: (): string => 'data/articles.json',
  /** An item's Markdown export, `data/markdown/{page-slug}/{NN}.md` (its id `{page-slug}/{NN}` + `.md`). */
  markdown: (id: string): string => `${routes.markdownExports()}${id}.md`,
  /** The folder of the Markdown exports, `data/markdown/`. */
  markdownExports: (): string => 'data/markdown/',
  stylesheet: (): string => 'assets/style.css',
  /** The search page's script (templates/search.js). */
  searchScript: (): string => 'assets/search.js',
} as const;

/** Characters encodeURIComponent leaves as they are, and `/`: a path made only of these needs no encoding. */
const UNRESERVED_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** Percent-encode a path once, segment by segment (`authors/陈馨.html` → `authors/%E9%99%88%E9%A6%A8.html`). */
export function encodePath(target: string): string {
  if (UNRESERVED_PATH.test(target)) return target;
  return target.split('/').map(encodeURIComponent).join('/');
}

/**
 * The href from the page at `from` to `to` (both output paths: relative, `/`-separated, no `.` or `..`
 * segments), relative and encoded once: `pages/2021-08-18_A1/01.html` → `../../authors/陈馨.html` gives
 * `../../authors/%E9%99%88%E9%A6%A8.html`. The same as `path.posix.relative` from the page's folder (tested
 * against it), without its normalising, which every page of a build paid for each of its links.
 */
export function href(from: string, to: string): string {
  const folders = from.split('/');
  folders.pop();
  const target = to.split('/');
  let common = 0;
  while (common < folders.length && common < target.length - 1 && folders[common] === target[common]) common++;
  return '../'.repeat(folders.length - common) + encodePath(target.slice(common).join('/'));
}

/** The absolute URL of an output path under `baseUrl` (with or without a trailing slash), encoded once. */
export function absoluteUrl(baseUrl: string, target: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return base + encodePath(target === 'index.html' ? '' : target).replace(/^$/, '');
}
