/**
 * The segmenter: the text of one printed page → its items (articles, photos, unsorted text).
 *
 * Three passes over the page's blocks (split-lines.ts):
 * 1. **Units.** Each block gets a role from its own text (marks.ts: byline, photo or graphic credit, tail, date,
 *    attribution; else heading-like or body), and column-break fragments are joined: a block that stops
 *    mid-sentence and goes on in the next one is the first part of a paragraph. A join that only length suggests
 *    (no word across the join, no continuation mark) is left open: under a title the block is a deck (提要).
 * 2. **Items.** A state machine reads the units in order. A run of heading-like units opens an item when nothing is
 *    open, when the open item has ended (a `·byline·`, a tail, a credit) or when the scored boundary features
 *    (boundary.ts) say the run reads as a new title rather than a subhead: a dateline or a byline line after it,
 *    a kicker or subheadline mark, a column tag, the words on either side, the subheads the item already has.
 * 3. **Title roles.** The opening run becomes kicker (引题), headline (主题) and subheadline (副题) (title-roles.ts);
 *    lines beyond them are decks or subheads; a lone `广告` or `图片报道` line is an item of its own.
 *
 * Every character of the page ends up in exactly one item: header lines in the title fields, every other block in
 * a body part (paragraphs, subheads, decks, byline lines and marks, credits, tails, signatures). What the rules
 * cannot place goes to an `unsorted` item with a warning (see source-characters.ts for the check).
 */
import type { Article, BodyPart, Diagnostic, ItemKind, SeedPage } from '../types.js';
import { BOUNDARY_WEIGHTS, boundaryScore, explainScore, type BoundaryFeatures, pageVocabulary, type PageVocabulary } from './boundary.js';
import {
  isAttribution,
  isDateLine,
  isGraphicCredit,
  openingNames,
  parseBylineLine,
  parseCreditLine,
  parseNameLine,
  parsePlaceNameLine,
  opensWithDateline,
  parseTail,
  splitTrailingByline,
  splitTrailingCredit,
} from './marks.js';
import { endsOpenClause, endsSentence, hasSentenceInside, isKickerMarked, isSubheadlineMarked, startsAsContinuation } from './punctuation.js';
import { splitLines, type TextLine } from './split-lines.js';
import { assignTitle, hasColumnTag, hasSidebarTag, isBoxLabel, isDeckLike, isFigureCallout, isLeadLabel, isSectionLabel, isSidebarLabel, isStandaloneItemLine } from './title-roles.js';

/** Optional knowledge the segmenter can use; all of it is pure and deterministic. */
export interface SegmentOptions {
  /**
   * Word-boundary oracle: true when a word of the language model spans the join of `left` and `right`
   * (`参` + `与…` → `参与`). With it, a short line that ends mid-word is joined to the next line instead of
   * being taken for a subhead. The build passes nodejieba's; without it, only punctuation and length decide.
   */
  readonly spansJoin?: (left: string, right: string) => boolean;
  /** Weights of the boundary features (boundary.ts); the shipped ones by default. For training and tests. */
  readonly boundaryWeights?: Readonly<Record<string, number>>;
  /** Called with every scored boundary candidate, its features and whether it opened an item (for training). */
  readonly observeBoundary?: (candidate: { readonly line: number; readonly text: string; readonly features: BoundaryFeatures; readonly opened: boolean }) => void;
}

/** The result of segmenting one page. */
export interface SegmentResult {
  /** Items in page order; `index` is their position. */
  readonly items: Article[];
  /** Warnings about the page, each at a seed line. */
  readonly diagnostics: Diagnostic[];
}

/** Longest line that can still be a heading (kicker, headline, subheadline or subhead), in characters. */
export const MAX_HEADING_LENGTH = 50;
/** A heading with a comma or enumeration comma inside is shorter: longer such lines are body text or decks. */
const MAX_HEADING_WITH_COMMA = 40;

/**
 * Characters a newspaper column's line holds at least (a 2-character indent taken off): a shorter block is not a
 * paragraph's part a column end cut, and a verse line of seven characters and its comma is a line of its own.
 */
const MIN_COLUMN_LINE = 9;

/**
 * Characters a deck (提要) under a title has at least, unless it ends with `——` or opens with a bullet: a shorter
 * line that stops mid-sentence under a title is the first paragraph's part a column end cut.
 */
const MIN_DECK = 18;

type UnitRole = 'byline' | 'name' | 'credit' | 'graphic' | 'tail' | 'date' | 'dash' | 'heading' | 'body';

/** A block, or column-break fragments joined, with its role. */
interface Unit {
  readonly role: UnitRole;
  /** The text as printed (for a body unit with a mark appended, the text before the mark). */
  readonly text: string;
  readonly first: number;
  readonly last: number;
  /** Names the unit carries (byline, name, credit, tail), or of a mark appended to a body unit. */
  readonly names: readonly string[];
  /** A `·byline·` or a photo credit appended to a body unit after its last sentence. */
  readonly mark?: { readonly type: 'byline' | 'credit'; readonly text: string };
  /** Only length suggests this unit goes on in the next one (see pass 1). */
  readonly openJoin?: boolean;
}

/** True for a line of only punctuation and symbols (`---`, `***`, `……`): a separator, kept as its own paragraph. */
export function isOrnament(text: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(text);
}

/** True for a line short and plain enough to be a heading: no sentence ends in or after it. */
export function isHeadingLike(text: string): boolean {
  if (text.length > 2 * MAX_HEADING_LENGTH || isOrnament(text)) return false;
  // A title with a column tag may quote a sentence or ask a question (`“谢谢你们，中国记者！”（记者手记）`,
  // `基层干部休假难不难？（干部状态新观察）`): only a full stop inside it makes it text.
  const core = hasColumnTag(text) ? text.replace(/[（(][^（）()]{2,24}[）)]$/u, '').replace(/“[^“”]{1,30}”/gu, '“”').replace(/[？！?!]/gu, '') : text;
  if (endsSentence(core) || hasSentenceInside(core) || endsOpenClause(core)) return false;
  // A quote or a title mark left open is text a column end cut (`“要加快形成面向国内`), never a title.
  if (leavesOpen(text, '“', '”') || leavesOpen(text, '《', '》')) return false;
  if (/[：:]$/u.test(text) && !isKickerMarked(text)) return false;
  const limit = isKickerMarked(text) ? MAX_HEADING_LENGTH : /[，,、；;]/u.test(core) ? MAX_HEADING_WITH_COMMA : MAX_HEADING_LENGTH;
  // (A column tag does not count: `一带一路，“互利共赢…的全球公共产品”（风从东方来——国际人士谈一带一路合作）`.)
  return [...(hasColumnTag(text) ? text.replace(/[（(][^（）()]{2,24}[）)]$/u, '') : text)].length <= limit;
}

/** Pass 1a: the role of one block on its own. */
function classify(block: TextLine): Unit {
  const base = { text: block.text, first: block.line, last: block.lastLine, names: [] as string[] };
  const text = block.text;
  const credit = parseCreditLine(text);
  if (credit !== null) return { ...base, role: 'credit', names: credit };
  const byline = parseBylineLine(text);
  if (byline !== null) return { ...base, role: 'byline', names: byline };
  if (isGraphicCredit(text)) return { ...base, role: 'graphic' };
  const tail = parseTail(text);
  if (tail !== null) return { ...base, role: 'tail', names: tail };
  if (isDateLine(text)) return { ...base, role: 'date' };
  const withByline = splitTrailingByline(text);
  if (withByline !== null) return { ...base, role: 'body', text: withByline.text, names: withByline.names, mark: { type: 'byline', text: withByline.mark } };
  const withCredit = splitTrailingCredit(text);
  if (withCredit !== null) return { ...base, role: 'body', text: withCredit.text, names: withCredit.names, mark: { type: 'credit', text: withCredit.mark } };
  const signed = parsePlaceNameLine(text);
  if (signed !== null) return { ...base, role: 'byline', names: [signed] };
  const name = parseNameLine(text);
  if (name !== null) return { ...base, role: 'name', names: [name] };
  if (isAttribution(text)) return { ...base, role: 'dash' };
  return { ...base, role: isHeadingLike(text) && !opensWithDateline(text) && !OPENS_WITH_SOURCE.test(text) ? 'heading' : 'body' };
}

/** A bullet that opens a block (■ highlights, ● list items). */
const BULLET = /^[■●◆▲◎○□★☆▌▍]/u;

const JOINABLE: ReadonlySet<UnitRole> = new Set(['heading', 'body', 'name', 'dash']);

/**
 * How `unit` goes on into `next`: 'yes' (a column break: a continuation mark starts `next`, or a word runs across
 * the join), 'open' (it stops mid-sentence and is long enough to be a cut paragraph, but nothing more says so), or
 * 'no'.
 */
function continuesInto(unit: Unit, next: Unit | undefined, options: SegmentOptions, askOracle = true, before?: Unit): 'yes' | 'open' | 'no' {
  if (next === undefined || !JOINABLE.has(unit.role) || !JOINABLE.has(next.role) || unit.mark) return 'no';
  if (endsSentence(unit.text) || isOrnament(unit.text) || isOrnament(next.text)) return 'no';
  if (/[：:]$/u.test(unit.text) || /(?:——|—|--)$/u.test(unit.text)) return 'no';
  // A bullet opens a block of its own (■ highlights, ● list items), and a dateline or a source opens a paragraph
  // (`本报北京…电`, `据报道，`, `据介绍，`), whatever jieba makes of the join (`…更紧` + `据报道` → 紧据).
  if (BULLET.test(next.text) || opensWithDateline(next.text) || OPENS_WITH_SOURCE.test(next.text)) return 'no';
  if (startsAsContinuation(next.text)) return 'yes';
  // A line shorter than a column's line cannot be what a column end left of a paragraph (a verse line, `这正是：`).
  if ([...unit.text].length < MIN_COLUMN_LINE) return 'no';
  // A number cut from its digits or its unit (`1980` + `年退役`, `近` … `11` + `月，`) by a column end.
  if (/[0-9０-９]$/u.test(unit.text) && /^[0-9０-９年月日时号%％万亿元岁名个多余]/u.test(next.text) && next.role === 'body') return 'yes';
  if (unit.role === 'body' && endsOpenClause(unit.text)) return 'yes';
  // A body line that leaves a quote open (unless the next opens one too: the paragraphs of a long quotation), or
  // that the next line goes on from as no sentence starts (see goesOnInto).
  if (unit.role === 'body' && next.role === 'body' && ((leavesQuoteOpen(unit.text) && !next.text.startsWith('“')) || goesOnInto(unit.text, next.text, options))) return 'yes';
  // (A body line's open join reads the same as a sure one in the text; only under a title, or while the page has
  // shown no column break yet, does jieba's answer change anything, so it is asked only then.)
  if (unit.role === 'body' && !askOracle) return 'open';
  const spans = crossesWord(options, unit.text, next.text);
  if (unit.role === 'body') return spans ? 'yes' : 'open';
  // A heading-like line: a subhead or header line, unless a word runs across the join (`参` + `与`), the next line
  // opens with a particle (`…刘承光拿` + `着鸡毛掸子`) or the line ends with a word that needs what follows.
  if (next.role === 'body' && (opensWithParticle(next.text, options) || endsWithOpenWord(unit.text, options))) return 'yes';
  // (Under another title line, not when the text after opens with a word sentences open with: jieba reads
  // `…亲子游` + `在位于…` as 游在.)
  if (spans && next.role === 'body' && !(before?.role === 'heading' && /^(?:在|从|自|当|据|随着|为了|对于|关于|由于|今年|去年|近日|日前)/u.test(next.text))) return 'yes';
  // Under a headline with a column tag (`…（大家手笔）`) a subheadline is marked `——`: an unmarked line that stops
  // mid-sentence over text is text (`通过技术创新和制度创新的结合` + `更好保障…`), cut or not; a field line
  // (`提案人：致公党中央`) is not.
  if (next.role === 'body' && before?.role === 'heading' && hasColumnTag(before.text) && !isSubheadlineMarked(unit.text) && !hasColumnTag(unit.text) && !/[：:]/u.test(unit.text)) return 'open';
  return 'no';
}

/**
 * Whether jieba puts a word across the join of `left` and `right` that a column end cut: not a word made of two
 * whole words glued together, when `left` ends with a word of its own and `right` starts with one
 * (`…经济发展` + `商事制度…`: 发展商; `…社区参` + `与…`: 参与 is cut, 参 is no word ending `left`).
 */
function crossesWord(options: SegmentOptions, left: string, right: string): boolean {
  const spans = options.spansJoin;
  if (spans === undefined || !spans(left, right)) return false;
  const leftEndsWithWord = left.length >= 2 && spans(left.slice(0, -1), left.slice(-1));
  const rightStartsWithWord = right.length >= 2 && spans(right.slice(0, 1), right.slice(1));
  return !(leftEndsWithWord && rightStartsWithWord);
}

function joinUnits(a: Unit, b: Unit): Unit {
  return {
    role: 'body',
    text: a.text + b.text,
    first: a.first,
    last: b.last,
    names: b.names,
    ...(b.mark ? { mark: b.mark } : {}),
    ...(b.openJoin ? { openJoin: true } : {}),
  };
}

/** Pass 1: classify blocks and join column-break fragments (sure joins now, open ones marked). */
function toUnits(blocks: readonly TextLine[], options: SegmentOptions): Unit[] {
  const units = blocks.map(classify);
  const out: Unit[] = [];
  let sureJoins = 0;
  let i = 0;
  while (i < units.length) {
    let unit = units[i] as Unit;
    i++;
    for (;;) {
      const next = units[i];
      const before = out.at(-1);
      // (Also after a line that may be a deck: under a title, an open join is a deck unless a word crosses it.)
      const askOracle = sureJoins === 0 || before === undefined || before.role !== 'body' || !endsSentence(before.text);
      const how = continuesInto(unit, next, options, askOracle, before);
      if (how === 'yes' && next !== undefined) {
        unit = joinUnits(unit, next);
        sureJoins++;
        i++;
        continue;
      }
      if (how === 'open') unit = { ...unit, role: 'body', openJoin: true };
      break;
    }
    out.push(unit);
  }
  // With a word oracle, a page that shows no column break anywhere (no sure join) has none: its open joins are
  // paragraphs of their own. Without one, nothing tells, and a line that stops mid-sentence goes on in the next.
  return sureJoins > 0 || options.spansJoin === undefined ? out : out.map((unit) => (unit.openJoin ? { ...unit, openJoin: false } : unit));
}

/** An item being built. */
interface Draft {
  kind: ItemKind;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  body: BodyPart[];
  bylines: string[];
  photoCredit: string | null;
  continued: boolean;
  /** Closed by what ends an article (a `·byline·`, a tail, a photo's credit): a heading after it opens the next. */
  ended: boolean;
  /** A box of short items under a label (速览, 数读…, see isBoxLabel): the heading runs inside it are its sections. */
  box: boolean;
  paragraphs: number;
  subheads: number;
  /** Line counts of the subhead runs taken so far. */
  subheadRuns: number[];
  /** Why the item starts where it does (see Article.opening). */
  opening: string;
  first: number;
  last: number;
}

function newDraft(kind: ItemKind, first: number): Draft {
  return {
    kind,
    kicker: null,
    headline: null,
    subheadline: null,
    body: [],
    bylines: [],
    photoCredit: null,
    continued: false,
    ended: false,
    box: false,
    paragraphs: 0,
    subheads: 0,
    subheadRuns: [],
    opening: '',
    first,
    last: first,
  };
}

function addNames(draft: Draft, names: readonly string[]): void {
  for (const name of names) if (!draft.bylines.includes(name)) draft.bylines.push(name);
}

function push(draft: Draft, type: BodyPart['type'], unit: Pick<Unit, 'first' | 'last'>, text: string): void {
  draft.body.push({ type, text, lines: [unit.first, unit.last] });
  draft.last = Math.max(draft.last, unit.last);
  if (type === 'paragraph') draft.paragraphs++;
  if (type === 'subhead') draft.subheads++;
}

/**
 * A line of text that reads as the kicker of the title under it: short, ending with `……`, `？` or `！` and no full
 * stop inside (`写春联、赏年画、进博物馆……`, `干部节后收心了吗？服务热心了吗？`), or ending with `——`, whatever
 * it says before (`过去除了串门聊天打牌，就是在家看电视。山东农村——`).
 */
function readsAsKickerAbove(text: string): boolean {
  const length = [...text].length;
  if (/(?:——|—)$/u.test(text)) return length <= 80;
  if (length > 50 || !/(?:…|？|！|\?|!)[”’）)]*$/u.test(text)) return false;
  return !/[。；;]/u.test(text.replace(/(?:…|？|！|\?|!)+[”’）)]*$/u, ''));
}

/** True when the next text of a box opens one of its stories: its last parts are a story's title and decks. */
function opensStory(draft: Draft): boolean {
  if (!draft.box) return false;
  for (let k = draft.body.length - 1; k >= 0; k--) {
    const type = draft.body[k]!.type;
    if (type === 'subhead') return true;
    if (type !== 'deck') return false;
  }
  return false;
}

/** The words a paragraph opens with to give its source (`据报道，`, `据介绍`, `记者从…获悉`). */
const OPENS_WITH_SOURCE = /^(?:据(?:报道|介绍|了解|悉|统计|测算|估计|调查|透露|称|新华社|央视)|记者(?:从|了解到|获悉|近日|日前))/u;

/** Words that open a sentence with when or how it goes on (`最近，`, `近几年，`, `2018年，`, `但是`): a new paragraph. */
const SENTENCE_OPENER = /^(?:最近|近来|近日|近期|日前|目前|如今|当前|眼下|当下|此前|前不久|不久前|现在|刚刚|今天|昨天|今年|去年|明年|近年|近几年|这几天|这两年|这些年|那时|当时|此外|其中|同时|然而|但是|不过|因此|所以|首先|其次|最后|[\d０-９一二三四五六七八九十]+(?:年|月|日))/u;

/**
 * True when `next` goes on from `text`, a line that stops mid-sentence, as a column end cut it: `next` starts with a
 * particle no sentence starts with (了 的 地 得 着 过 们 之 及), or `text` ends with a word that cannot end a sentence
 * or a summary line (`…才`, `…而`, `…和`, `…这`, `…另一`) and `next` does not open a sentence. A line under a title that stops mid-sentence is a
 * deck otherwise.
 */
function goesOnInto(text: string, next: string, options: SegmentOptions): boolean {
  if (opensWithParticle(next, options)) return true;
  if (!/(?:[才而与和及并且就都也还又或以从向于由给让使占将把被对在这那其每各某]|另一)$/u.test(text) || SENTENCE_OPENER.test(next)) return false;
  // With jieba, the last character must be a word of its own: `…供给`, `…导向`, `…存在`, `…可以` end a phrase.
  const spans = options.spansJoin;
  return spans === undefined || text.endsWith('另一') || text.length < 2 || !spans(text.slice(0, -1), text.slice(-1));
}

/** True when `text` starts with a particle no sentence starts with (了 的 地 得 着 过 们 之 及), not a word that starts with one. */
function opensWithParticle(text: string, options: SegmentOptions): boolean {
  // (Not the words that start with one: 过去, 着力, 之所以, 得益于, 地处, 的确, 了解…, and with jieba, any word
  // it reads across the particle: 地理, 及早.)
  if (!/^[了的地得着过们之及]/u.test(text) || /^(?:过去|过年|过节|过程|着力|着眼|之所以|之后|之前|之间|之一|得益|得到|得知|地处|地区|地方|的确|了解|及时)/u.test(text)) return false;
  return options.spansJoin === undefined || text.length < 2 || !options.spansJoin(text.slice(0, 1), text.slice(1));
}

/**
 * True when `text` ends with a word a deck (a summary line) never ends with: a modal, a copula, an adverb or a
 * particle that needs what follows (`…打铁花已`, `…同时指出要`, `…增加农民收入是`, `…这种药的`, `…才能`), a
 * measure word without its noun (`…一个`) or a pronoun without its verb (`…，我`). A one-character word must stand
 * alone at the end (jieba, through `spansJoin`): `需要`, `功能`, `条约` and `而已` end a phrase. Without jieba, of
 * those only `的` and `是` count.
 */
function endsWithOpenWord(text: string, options: SegmentOptions): boolean {
  if (/(?:才能|就能|才会|就会|将会|能够|应该|必须|早已|已经)$/u.test(text)) return true;
  // A numeral or a demonstrative and its measure word wait for their noun (`…、一个`, `…这种`); a pronoun after a
  // comma waits for its verb (`…的队员，我`).
  if (/[一二两三四五六七八九十几每这那哪][个种位名条项件只批类张份支台辆本篇段句]$/u.test(text) || /[，,](?:我|你|他|她|我们|你们|他们|她们|咱们)$/u.test(text)) return true;
  const last = text.slice(-1);
  if (!/[的是要已约能会]/u.test(last) || text.length < 2) return false;
  const spans = options.spansJoin;
  if (spans === undefined) return last === '的' || last === '是';
  return !spans(text.slice(0, -1), last);
}

/**
 * True when `text` opens with one or two characters and a comma (`报数，`, `要求，`, `生蚝、`): the end of a clause a
 * column end cut, not a paragraph's opening, unless they open sentences (`去年，`, `如今，`). (Three are too many:
 * `越开放，越发展` and `叫个车、寄份快递` open paragraphs.)
 */
function opensWithFragment(text: string): boolean {
  return /^[^，、。；：！？“”‘’《》（）()\s]{1,2}[，、]/u.test(text) && !SENTENCE_OPENER.test(text);
}

/** A line of two to four characters set with spaces between them (`西  安`, `链  接`). */
function isLetterSpaced(text: string): boolean {
  return /^\p{Script=Han}(?:[\s\u3000\u00a0]+\p{Script=Han}){1,3}$/u.test(text.trim());
}

/** True when `text` holds more of the opening mark than of its closing one (`“` and `”`, `《` and `》`). */
function leavesOpen(text: string, opening: string, closing: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === opening) depth++;
    else if (char === closing) depth--;
  }
  return depth > 0;
}

/** True when a text opens more quotes (“ or ‘) than it closes. */
function leavesQuoteOpen(text: string): boolean {
  return leavesOpen(text, '“', '”') || leavesOpen(text, '‘', '’');
}

/** Blocks of text a story in a box (速览, 数读…) has at most; a longer one is an article after the box. */
const BOX_STORY_PARAGRAPHS = 4;

/** The kinds of unit a heading run is made of. */
const RUN_ROLES: ReadonlySet<UnitRole> = new Set(['heading', 'dash', 'name']);

/**
 * Segment one page into items.
 * @param page the decoded seed (its `text`, `file` and `firstLine` are used)
 * @returns items in page order and warnings; never throws on any text
 */
export function segmentPage(page: Pick<SeedPage, 'file' | 'text' | 'firstLine'>, options: SegmentOptions = {}): SegmentResult {
  const units = toUnits(splitLines(page.text, page.firstLine), options);
  const vocabulary: PageVocabulary = pageVocabulary(units.map((unit) => unit.text));
  const weights = options.boundaryWeights ?? BOUNDARY_WEIGHTS;
  const drafts: Draft[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, rule: string, message: string): void => {
    diagnostics.push({ file: page.file, line, rule, severity: 'warning', message });
  };

  let current: Draft | null = null;
  const close = (): void => {
    if (current !== null) drafts.push(current);
    current = null;
  };

  /** Heading lines at the end of the page with no text after them: kept as unsorted text, with a warning. */
  /**
   * Title lines at the end of the page with no text after them (the title of a picture or a graphic whose image the
   * text does not carry, or the header of text printed elsewhere): an item with its title only, and a warning.
   */
  const titleOnly = (run: readonly Unit[], why: string): void => {
    openTitled(run, why);
    warn(run[0]!.first, 'segment/title-only', 'Unexpected title at the end of the page with no text after it (a picture or a graphic, or text printed elsewhere?); published as an item with its title only');
  };

  /** Open an item titled by `run` (heading-like units); lines past the title become decks or subheads. */
  const openTitled = (run: readonly Unit[], why: string): void => {
    close();
    let rest = [...run];
    // A lone 广告 / 图片报道 line (a slot, a picture with only a title) is an item of its own when more follows.
    while (rest.length > 1 && isStandaloneItemLine(rest[0]!.text)) {
      const slot = newDraft('article', rest[0]!.first);
      slot.headline = rest[0]!.text;
      slot.opening = `line ${rest[0]!.first}: ${why}; ${rest[0]!.text} is an item of its own`;
      slot.last = rest[0]!.last;
      drafts.push(slot);
      rest = rest.slice(1);
    }
    const head = rest[0] as Unit;
    const draft = newDraft('article', head.first);
    draft.opening = `line ${head.first}: ${why}`;
    if (rest.length > 1 && isBoxLabel(head.text)) {
      // A box label over the first story's title: the label is the item's headline, the stories are its sections.
      draft.headline = head.text;
      draft.box = true;
      draft.opening += `; ${head.text} is a box label, and the stories under it are its sections`;
      draft.last = head.last;
      for (const unit of rest.slice(1)) push(draft, isDeckLike(unit.text) ? 'deck' : 'subhead', unit, unit.text);
      draft.subheadRuns.push(rest.length - 1);
      current = draft;
      return;
    }
    const { titleLines, extra } = assignTitle(rest.map((unit) => unit.text));
    draft.kicker = titleLines.kicker;
    draft.headline = titleLines.headline;
    draft.subheadline = titleLines.subheadline;
    const used = rest.length - extra.length;
    draft.last = rest[used - 1]?.last ?? head.last;
    for (const unit of rest.slice(used)) push(draft, isDeckLike(unit.text) ? 'deck' : 'subhead', unit, unit.text);
    current = draft;
  };

  /** Words of the body parts before index `at` of the open item, and of the units after a run. */
  const textBefore = (draft: Draft): string[] => {
    const out: string[] = [];
    let size = 0;
    for (let k = draft.body.length - 1; k >= 0 && size < 400 && out.length < 4; k--) {
      const part = draft.body[k] as BodyPart;
      if (part.type !== 'paragraph') continue;
      out.push(part.text);
      size += part.text.length;
    }
    return out;
  };
  const textAfter = (from: number): string[] => {
    const out: string[] = [];
    let size = 0;
    for (let k = from; k < units.length && size < 400; k++) {
      const unit = units[k] as Unit;
      if (unit.role === 'heading' && out.length > 0) break;
      if (unit.role === 'body') {
        out.push(unit.text);
        size += unit.text.length;
      }
    }
    return out;
  };

  /**
   * True when the heading run `units[i..end]` ends the open box rather than opening its next story: a title with a
   * column tag, a kicker's mark, a photo's credit, an item line of its own or another box label, a title of more
   * than one line, or a story longer than a box holds (more than BOX_STORY_PARAGRAPHS blocks of text before the next
   * heading or the page's end).
   */
  const boxEnds = (open: Draft, i: number, end: number): boolean => {
    if (isBoxLabel(units[i]!.text)) return true;
    // A box's stories have one-line titles (and decks); a kicker and a headline are the next article's.
    if (units.slice(i, end + 1).filter((unit) => !isDeckLike(unit.text)).length > 1) return true;
    let text = 0;
    for (let k = end + 1; k < units.length && !RUN_ROLES.has(units[k]!.role); k++) if (units[k]!.role === 'body') text++;
    if (text > BOX_STORY_PARAGRAPHS) return true;
    // The marks the boundary score reads; the features are computed last, as they compare the words around the run.
    const f = features(open, i, end);
    return f.columnTag === 1 || f.kickerMark === 1 || f.creditSoon === 1 || f.standalone === 1;
  };

  /** The features of a heading run `units[i..end]` inside an open item (see boundary.ts). */
  const features = (open: Draft, i: number, end: number): BoundaryFeatures => {
    const run = units.slice(i, end + 1);
    const next = units[end + 1];
    const after = units.slice(end + 1, end + 4);
    // The first paragraph after the run, past any deck (a line under a title that does not end a sentence).
    const bodies = units.slice(end + 1, end + 6).filter((unit) => unit.role === 'body');
    const deckAfter = next !== undefined && next.role === 'body' && !endsSentence(next.text) && !next.openJoin && bodies.length > 1 ? 1 : 0;
    const firstBody = deckAfter ? bodies[1] : bodies[0];
    const previous = units[i - 1];
    const similarity = vocabulary.similarity(textBefore(open), textAfter(end + 1));
    const kickerMark = run.slice(0, -1).some((unit) => isKickerMarked(unit.text)) ? 1 : 0;
    const shapeMatch = open.subheadRuns.includes(run.length) ? 1 : 0;
    const leadLabel = run.length >= 2 && isLeadLabel(run.at(-1)!.text) ? 1 : 0;
    return {
      lines: run.length,
      kickerMark,
      freshKicker: kickerMark * (1 - shapeMatch),
      lastKickerMark: isKickerMarked(run.at(-1)!.text) ? 1 : 0,
      subheadlineMark: run.slice(1).some((unit) => isSubheadlineMarked(unit.text)) ? 1 : 0,
      columnTag: run.some((unit) => hasColumnTag(unit.text)) ? 1 : 0,
      sidebarTag: run.some((unit) => hasSidebarTag(unit.text)) ? 1 : 0,
      numbered: /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十\d]+[章节部分条])/u.test(run[0]!.text) || BULLET.test(run[0]!.text) ? 1 : 0,
      sectionLabel: run.some((unit) => isSectionLabel(unit.text)) && !leadLabel ? 1 : 0,
      leadLabel,
      standalone: isStandaloneItemLine(run[0]!.text) ? 1 : 0,
      deckAfter,
      datelineAfter: firstBody !== undefined && (firstBody === next || deckAfter === 1) && opensWithDateline(firstBody.text) ? 1 : 0,
      bylineAfter: next !== undefined && (next.role === 'byline' || next.role === 'name') ? 1 : 0,
      creditSoon: after.some((unit) => unit.role === 'credit' || unit.mark?.type === 'credit') ? 1 : 0,
      afterMark: previous !== undefined && previous.role !== 'body' && previous.role !== 'heading' ? 1 : 0,
      openSubheads: Math.min(open.subheads, 1),
      openParagraphs: Math.min(open.paragraphs, 10) / 10,
      sinceSubhead: Math.min(open.body.length - 1 - open.body.map((part) => part.type).lastIndexOf('subhead'), 10) / 10,
      shapeMatch,
      couplet: run.slice(1).some((unit) => /^\S{2,12}[ \u3000\u00a0]+\S{2,12}$/u.test(unit.text.trim())) ? 1 : 0,
      longerRun: open.subheadRuns.length > 0 && run.length > Math.max(...open.subheadRuns) ? 1 : 0,
      lowSimilarity: similarity < 0.02 ? 1 : 0,
      similarityBelow03: similarity < 0.03 ? 1 : 0,
      similarityBelow045: similarity < 0.045 ? 1 : 0,
      similarityAbove08: similarity > 0.08 ? 1 : 0,
      similarityAbove12: similarity > 0.12 ? 1 : 0,
      similarity,
      headSimilarity: vocabulary.similarity(run.map((unit) => unit.text), textBefore(open)),
      headLength: Math.min([...run[0]!.text].length, 40) / 40,
      endsPage: end + 1 >= units.length ? 1 : 0,
    };
  };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    const open = current as Draft | null;

    // A name alone on a line: a byline under a title or after a text's last paragraph; else a heading.
    const nameIsByline =
      unit.role === 'name' &&
      open !== null &&
      (open.paragraphs === 0 || units[i + 1] === undefined || ['tail', 'credit', 'graphic', 'date', 'byline'].includes(units[i + 1]!.role));

    // Above a title, a short line that ends with `……`, `？` or `！` is its kicker (`写春联、赏年画、进博物馆……`).
    // So is a line that does not end a sentence above a headline with a column tag (`截至2018年底，中企…13万人次`).
    const kickerOfTagged = units[i + 1]?.role === 'heading' && hasColumnTag(units[i + 1]!.text) && !endsSentence(unit.text) && !hasSentenceInside(unit.text) && [...unit.text].length <= 80;
    if (unit.role === 'body' && (open === null || open.ended) && !unit.mark && (readsAsKickerAbove(unit.text) || kickerOfTagged) && units[i + 1]?.role === 'heading' && (units[i + 2]?.role === 'body' || units[i + 2]?.role === 'heading')) {
      units[i] = { ...unit, role: 'heading' };
      i--;
      continue;
    }
    // Over a photo's caption, a short exclamation or question is its title (`新春招聘会，火爆！`, `赶坡会喽！`).
    const creditAfter = (unit: Unit | undefined): boolean => unit !== undefined && (unit.role === 'credit' || unit.mark?.type === 'credit');
    if (unit.role === 'body' && !unit.mark && [...unit.text].length <= 16 && /[！？!?][”’）)]*$/u.test(unit.text) && !/[。；;]/u.test(unit.text) && units[i + 1]?.role === 'body' && [1, 2, 3].some((k) => creditAfter(units[i + k]) && units.slice(i + 1, i + k).every((u) => u.role === 'body'))) {
      units[i] = { ...unit, role: 'heading' };
      i--;
      continue;
    }
    if (RUN_ROLES.has(unit.role) && !nameIsByline) {
      // A dash line after the text: an attribution (——编者), a signature of what stands above it.
      if (unit.role === 'dash' && open !== null && open.paragraphs > 0 && !open.ended) {
        push(open, 'signature', unit, unit.text);
        continue;
      }
      let end = i;
      while (units[end + 1] !== undefined && RUN_ROLES.has(units[end + 1]!.role) && units[end + 1]!.role !== 'name') end++;
      // A line ending in a colon after other heading lines, with text after it, is a lead-in or a salutation
      // (`志愿者朋友们：`): the text's first paragraph, not a title line.
      // Inside an article's text, a line ending in `——` before its paragraph is a lead-in to it, too.
      const inText = open !== null && !open.ended && open.paragraphs > 0;
      if ((end > i || inText) && (/[：:]$/u.test(units[end]!.text) || (inText && /(?:——|—)$/u.test(units[end]!.text))) && units[end + 1]?.role === 'body') {
        units[end] = { ...units[end]!, role: 'body' };
        end--;
        if (end < i) {
          // The run was only that line: read it again as text.
          i--;
          continue;
        }
      }
      const run = units.slice(i, end + 1);
      if (open !== null && !open.ended && open.paragraphs > 0 && units[end + 1]?.role === 'date' && run.length <= 3) {
        // Short lines just above a date line sign what stands above them (a letter's or a document's signature).
        for (const line of run) push(open, 'signature', line, line.text);
        i = end;
        continue;
      }
      if ((open === null || open.ended) && end + 1 >= units.length && run.length >= 2 && /[，,、；;]/u.test(run.at(-1)!.text) && [...run.at(-1)!.text].length > 20) {
        // A title, then the first words of its text cut by the page's end: the text runs on elsewhere.
        openTitled(run.slice(0, -1), 'title lines at the end of the page');
        const draft = current as Draft | null;
        if (draft !== null) {
          push(draft, 'paragraph', run.at(-1)!, run.at(-1)!.text);
          draft.continued = true;
          warn(run.at(-1)!.last, 'segment/continued', 'Article runs off the page: it ends mid-sentence with no byline; marked as continued');
        }
      } else if ((open === null || open.ended) && end + 1 >= units.length && run.every((line) => !isStandaloneItemLine(line.text))) {
        titleOnly(run, 'title lines at the end of the page, with no text after them');
      } else if (open !== null && !open.ended && open.paragraphs > 0 && run.length === 1 && (isLetterSpaced(unit.text) || isFigureCallout(unit.text)) && !isStandaloneItemLine(unit.text)) {
        // A short line set with spaces between its characters (`西  安`, `链  接`) or a figure standing alone
        // (`6135`, `3.57万亿`): a section's label or a callout, a subhead.
        push(open, 'subhead', unit, unit.text);
        open.subheadRuns.push(1);
      } else if (open !== null && !open.ended && run.length > 1 && isBoxLabel(unit.text)) {
        openTitled(run, `a box label (${unit.text}) over a title`);
      } else if (open !== null && open.box && !boxEnds(open, i, end)) {
        // The next story of a box: a section of it, whatever ended the story before.
        for (const line of run) push(open, isDeckLike(line.text) ? 'deck' : 'subhead', line, line.text);
        open.subheadRuns.push(run.length);
        open.ended = false;
      } else if (open !== null && open.ended && open.paragraphs > 0 && run.length === 1 && isSidebarLabel(unit.text) && units[end + 1]?.role === 'body') {
        // A sidebar's label after an article's tail (`链  接`, `延伸阅读`): the article's sidebar, a section of it.
        push(open, 'subhead', unit, unit.text);
        open.subheadRuns.push(1);
        open.ended = false;
      } else if (open === null || open.ended) {
        openTitled(run, open === null ? (drafts.length === 0 ? 'title lines at the top of the page' : 'title lines') : `title lines after the end of the item above (its ${open.body.at(-1)?.type ?? 'title'})`);
      } else if (open.paragraphs === 0 && open.headline !== null) {
        // Under the title, before the text: subheads and decks.
        for (const line of run) push(open, isDeckLike(line.text) ? 'deck' : 'subhead', line, line.text);
      } else if (end === i && end + 1 >= units.length && !open.ended && open.body.at(-1)?.type === 'paragraph' && !endsSentence(open.body.at(-1)!.text) && !isKickerMarked(unit.text)) {
        // A short last line that ends mid-sentence after body text: the tail of a paragraph, cut by the page's end.
        push(open, 'paragraph', unit, unit.text);
      } else if (end + 1 >= units.length && run.every((line) => !isStandaloneItemLine(line.text))) {
        titleOnly(run, 'title lines at the end of the page, with no text after them');
      } else {
        const f = features(open, i, end);
        const opened = open.headline === null || boundaryScore(f, weights) > 0;
        options.observeBoundary?.({ line: unit.first, text: unit.text, features: f, opened });
        if (opened) {
          openTitled(run, open.headline === null ? 'title lines after untitled text' : `title lines read as a new title, not a subhead (${explainScore(f, weights)})`);
        } else {
          for (const line of run) push(open, 'subhead', line, line.text);
          open.subheadRuns.push(run.length);
        }
      }
      i = end;
      continue;
    }

    switch (unit.role) {
      case 'byline':
      case 'name': {
        if (open !== null && !open.ended) {
          push(open, 'byline', unit, unit.text);
          addNames(open, unit.names);
          // A ·byline· after the text ends the article (this is where such papers print it).
          if (open.paragraphs > 0 && unit.text.startsWith('·')) open.ended = true;
        } else if (open !== null && open.ended && open.body.at(-1)?.type === 'byline' && !unit.text.startsWith('·')) {
          push(open, 'byline', unit, unit.text);
          addNames(open, unit.names);
        } else {
          close();
          const draft = newDraft('unsorted', unit.first);
          push(draft, 'byline', unit, unit.text);
          addNames(draft, unit.names);
          warn(unit.first, 'segment/unsorted', 'Unexpected byline: no article text before it; published as unsorted text');
          drafts.push(draft);
        }
        break;
      }
      case 'credit': {
        if (open !== null) {
          push(open, 'credit', unit, unit.text);
          if (open.photoCredit === null && unit.names.length > 0) {
            open.photoCredit = unit.names[0] as string;
            addNames(open, unit.names.slice(1));
          } else {
            addNames(open, unit.names);
          }
          if (open.kind === 'photo' || (open.paragraphs <= 3 && open.subheads === 0)) {
            if (open.paragraphs <= 3 && open.kind === 'article' && open.subheads === 0) open.kind = 'photo';
            open.ended = true;
          }
        } else {
          const draft = newDraft('unsorted', unit.first);
          push(draft, 'credit', unit, unit.text);
          if (unit.names.length > 0) draft.photoCredit = unit.names[0] as string;
          warn(unit.first, 'segment/unsorted', 'Unexpected photo credit: no caption before it; published as unsorted text');
          drafts.push(draft);
        }
        break;
      }
      case 'graphic':
      case 'tail':
      case 'date': {
        if (open !== null) {
          push(open, unit.role === 'graphic' ? 'credit' : unit.role === 'tail' ? 'tail' : 'signature', unit, unit.text);
          addNames(open, unit.names);
          if (unit.role === 'tail' || unit.role === 'graphic') open.ended = true;
          if (unit.role === 'date') {
            // The lines just above a date line sign it (a letter's or a document's signature).
            const previous = open.body.at(-2);
            if (previous?.type === 'paragraph' && [...previous.text].length <= 30 && !endsSentence(previous.text)) {
              open.body[open.body.length - 2] = { ...previous, type: 'signature' };
              open.paragraphs--;
            }
          }
        } else {
          const draft = newDraft('unsorted', unit.first);
          push(draft, unit.role === 'graphic' ? 'credit' : unit.role === 'tail' ? 'tail' : 'signature', unit, unit.text);
          addNames(draft, unit.names);
          warn(unit.first, 'segment/no-headline', 'Unexpected text without a headline; published as unsorted text');
          drafts.push(draft);
        }
        break;
      }
      default: {
        // Body text.
        let draft = open;
        if (draft === null || draft.ended) {
          // Text with no title: a photo caption if a credit follows, else text the rules cannot place.
          let end = i;
          while (units[end]?.role === 'body' && !units[end]?.mark) end++;
          const after = units[end];
          const isPhoto = after !== undefined && (after.role === 'credit' || after.mark?.type === 'credit');
          close();
          draft = newDraft(isPhoto ? 'photo' : 'unsorted', unit.first);
          draft.opening = `line ${unit.first}: ${isPhoto ? 'a caption followed by a photo credit' : open === null ? 'text with no title above it' : 'text after the end of the item above, with no title'}`;
          if (!isPhoto) {
            warn(unit.first, 'segment/no-headline', drafts.length === 0
              ? 'Unexpected text before the first headline (continued from another page?); published as unsorted text'
              : 'Unexpected text without a headline; published as unsorted text');
          }
          current = draft;
        }
        let merged = unit;
        // An open join: under a title it is a deck; in the text, a paragraph cut by a column end.
        // (A text goes on after a deck with a sentence of its own: a next block that starts with a particle no
        // sentence starts with, 了 的 地 得 着 过 们 之, goes on from this one, which a column end cut.)
        const cutBefore = merged.openJoin === true && ([...merged.text].length < MIN_DECK || goesOnInto(merged.text, units[i + 1]?.text ?? '', options) || endsWithOpenWord(merged.text, options) || opensWithFragment(units[i + 1]?.text ?? ''));
        const underTitle = draft.paragraphs === 0 || opensStory(draft);
        if (underTitle && draft.headline !== null && !endsSentence(merged.text) && !cutBefore && !merged.mark && !opensWithDateline(merged.text) && !/[：:]$/u.test(merged.text) && !isOrnament(merged.text)) {
          push(draft, 'deck', merged, merged.text);
          break;
        }
        while (merged.openJoin && units[i + 1] !== undefined && ['body', 'heading', 'name', 'dash'].includes(units[i + 1]!.role)) {
          merged = joinUnits(merged, units[i + 1] as Unit);
          i++;
        }
        // Names in the opening dateline of the text, or of a story in a box.
        if (draft.paragraphs === 0 || opensStory(draft)) addNames(draft, openingNames(merged.text));
        push(draft, 'paragraph', merged, merged.text);
        if (merged.mark !== undefined) {
          push(draft, merged.mark.type, merged, merged.mark.text);
          if (merged.mark.type === 'byline') {
            addNames(draft, merged.names);
            draft.ended = true;
          } else {
            if (draft.photoCredit === null && merged.names.length > 0) draft.photoCredit = merged.names[0] as string;
            addNames(draft, merged.names.filter((name) => name !== draft!.photoCredit));
            if (draft.kind === 'photo') draft.ended = true;
          }
        }
      }
    }
  }

  const last = current as Draft | null;
  if (last !== null && !last.ended && !last.continued) {
    const lastPart = last.body.at(-1);
    if (last.kind !== 'photo' && lastPart?.type === 'paragraph' && !endsSentence(lastPart.text) && !isOrnament(lastPart.text) && !/[：:]$/u.test(lastPart.text)) {
      last.continued = true;
      warn(lastPart.lines[1], 'segment/continued', 'Article runs off the page: it ends mid-sentence with no byline; marked as continued');
    }
  }
  close();

  const items = drafts.map((draft, index): Article => ({
    seed: page.file,
    index,
    kind: draft.kind === 'article' && draft.headline === null ? 'unsorted' : draft.kind,
    kicker: draft.kicker,
    headline: draft.headline,
    subheadline: draft.subheadline,
    body: draft.body,
    bylines: draft.bylines,
    photoCredit: draft.photoCredit,
    continued: draft.continued,
    sourceLines: [draft.first, draft.last],
    opening: draft.opening || `line ${draft.first}: text the rules could not place (see the warning)`,
  }));
  return { items, diagnostics };
}
