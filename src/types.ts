/**
 * The data that crosses stage boundaries: SeedPage → Article → TaggedArticle → OutputFile.
 * Everything here is plain, readonly and serialisable (JSON round-trips it unchanged).
 */

/** Line numbers are 1-based lines of the seed file as the editor sees it (front matter included). */
export type LineNumber = number;

/** Edition metadata of one printed page, from the seed's optional YAML front matter. */
export interface PageMeta {
  /** Newspaper name (`paper:`), or null when the seed does not say. */
  readonly paper: string | null;
  /** Edition date `YYYY-MM-DD` (Asia/Shanghai), kept as a string: never parsed through UTC. */
  readonly date: string | null;
  /** Page number 版次 as printed, e.g. `A3` or `3`. */
  readonly page: string | null;
  /** Page name 版名, e.g. `要闻`. */
  readonly pageName: string | null;
}

/** One seed file, decoded to text, with its front matter split off. */
export interface SeedPage {
  /** Path relative to the project, with forward slashes, e.g. `seeds/000_b18dfdda09c05dd9.txt`. Used in diagnostics. */
  readonly file: string;
  /** File name without folder and `.txt`, e.g. `000_b18dfdda09c05dd9`. Names the page when front matter does not. */
  readonly name: string;
  /** Body text (front matter removed), line endings normalised to `\n`, BOM removed. */
  readonly text: string;
  /** Seed line number of the first line of `text` (1 without front matter). */
  readonly firstLine: LineNumber;
  readonly meta: PageMeta;
}

/**
 * What the site needs of a seed page once it is segmented: its names and front matter, not its text (at 40,000
 * articles the texts of all pages would hold about 130 MB for nothing).
 */
export type SeedPageInfo = Omit<SeedPage, 'text'>;

/** Kinds of item on a page: a headed article, a photo with caption and credit, or text the segmenter could not place. */
export type ItemKind = 'article' | 'photo' | 'unsorted';

/**
 * What a piece of an item's body is. Only `paragraph` is counted as body text.
 * - `paragraph`: body text, column-break fragments joined;
 * - `subhead`: an in-article section heading (小标题), one entry a line;
 * - `deck`: a summary line under the title that does not end a sentence (提要);
 * - `byline`: a byline as printed, a line (`本报记者 王明峰`) or a mark after a paragraph (`·陈馨 王铁荣·`);
 * - `tail`: a dateline or author note after the text (`（本报北京2月11日电）`, `（作者为…）`);
 * - `credit`: a photo or graphic credit (`新华社记者 方喆摄`, `制图：郭 祥`), a line or appended to a caption;
 * - `signature`: the signature and date lines of a letter or document, an attribution (`——编 者`).
 */
export type BodyPartType = 'paragraph' | 'subhead' | 'deck' | 'byline' | 'tail' | 'credit' | 'signature';

/** One piece of an item's body, in reading order. */
export interface BodyPart {
  /** See BodyPartType. */
  readonly type: BodyPartType;
  readonly text: string;
  /** Seed lines the part was read from (first and last, inclusive). */
  readonly lines: readonly [LineNumber, LineNumber];
  /**
   * For a subhead the boundary score kept inside its item: why it is no new title (the score and its largest
   * terms), as `news-archive check` shows it. Not rendered.
   */
  readonly why?: string;
}

/** One item of a page as segmented from the seed text. */
export interface Article {
  /** Seed file path, as in SeedPage.file. */
  readonly seed: string;
  /** 0-based position of the item on its page. */
  readonly index: number;
  readonly kind: ItemKind;
  /** 引题: the line above the headline, or null. */
  readonly kicker: string | null;
  /** 主题: the main headline, or null (photos, unsorted text). */
  readonly headline: string | null;
  /** 副题: the line below the headline, or null. */
  readonly subheadline: string | null;
  /** Paragraphs and subheads in reading order. */
  readonly body: readonly BodyPart[];
  /**
   * Names of the reporters and writers, in printed order, without repeats: from byline lines and marks
   * (`·陈馨 王铁荣·` → `['陈馨', '王铁荣']`, `本报记者 王明峰`), opening datelines (`本报北京2月11日电（记者X、Y）`),
   * tails (`（本报记者 X整理）`) and photographers after the first (`photoCredit`).
   */
  readonly bylines: readonly string[];
  /** The (first) photographer's name (`阚天峰摄`, `新华社记者 方喆摄` → `方喆`), or null. */
  readonly photoCredit: string | null;
  /** True when the item runs off the page (ends mid-sentence with no byline). */
  readonly continued: boolean;
  /** First and last seed line of the item (1-based, inclusive). */
  readonly sourceLines: readonly [LineNumber, LineNumber];
  /**
   * Why the item starts where it does, for editors (`news-archive check`): the seed line and the rule, e.g.
   * `line 41: title lines read as a new title, not a subhead (score 2.31: datelineAfter +4.04, …)`. Absent on
   * items made before the segmenter said so.
   */
  readonly opening?: string;
}

/** A place in the gazetteer, as shown to readers. */
export interface PlaceRef {
  /** Statistical division code: 6 digits for a district (区/县/县级市), 9 for a town (镇/乡/街道/开发区). */
  readonly code: string;
  /** Name as the archive shows it (statistical name after the overlay, e.g. `临江新区`). */
  readonly name: string;
  readonly level: 'district' | 'town';
  /** 6-digit code of the district (for a district, its own code). */
  readonly districtCode: string;
}

/** The places an article is about, each list sorted by code. */
export interface ArticlePlaces {
  readonly districts: readonly PlaceRef[];
  readonly towns: readonly PlaceRef[];
}

/** An article with its places. */
export interface TaggedArticle extends Article {
  readonly places: ArticlePlaces;
}

/** Severity of a diagnostic: an error means input was refused; a warning means it was built with a caveat. */
export type Severity = 'error' | 'warning';

/** A message about the input, pointing at a seed line. */
export interface Diagnostic {
  /** Seed file path (`seeds/FILE.txt`) or another input file. */
  readonly file: string;
  /** 1-based line, or null when the message is about the whole file. */
  readonly line: LineNumber | null;
  /** Stable rule id, e.g. `segment/continued`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

/** A file the build wants on disk, path relative to the output folder, with forward slashes. */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}
