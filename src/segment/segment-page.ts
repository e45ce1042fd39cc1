/**
 * The segmenter: the text of one printed page → its items (articles, photos, unsorted text).
 *
 * Three passes over the page's blocks (split-lines.ts):
 * 1. **Units** (column-breaks.ts). Each block gets a role from its own text (marks.ts: byline, photo or graphic
 *    credit, tail, date, attribution; else heading-like or body), and column-break fragments are joined: a block that
 *    stops mid-sentence and goes on in the next one is the first part of a paragraph. A join that only length
 *    suggests (no word across the join, no continuation mark) is left open: under a title the block is a deck (提要)
 *    unless the words say a column end cut it.
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
import { isContinuationMark, isDrawingCredit, openingNames, opensWithDateline } from './marks.js';
import { endsOpenClause, endsSentence, hasSentenceInside, isKickerMarked, isSubheadlineMarked } from './punctuation.js';
import { BULLET, continuesEnumeration, endsWithOpenWord, goesOnInto, isOrnament, joinUnits, MAX_DECK, MIN_DECK, opensWithFragment, toUnits, type Unit, type UnitRole, type WordOracle } from './column-breaks.js';
import { splitLines } from './split-lines.js';
import { assignTitle, hasColumnTag, hasSidebarTag, isBoxLabel, isDeckLike, isFigureCallout, isLeadLabel, isSectionLabel, isSidebarLabel, isStandaloneItemLine } from './title-roles.js';

/** Optional knowledge the segmenter can use; all of it is pure and deterministic. */
export interface SegmentOptions extends WordOracle {
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

function push(draft: Draft, type: BodyPart['type'], unit: Pick<Unit, 'first' | 'last'>, text: string, why?: string): void {
  draft.body.push({ type, text, lines: [unit.first, unit.last], ...(why === undefined ? {} : { why }) });
  draft.last = Math.max(draft.last, unit.last);
  if (type === 'paragraph') draft.paragraphs++;
  if (type === 'subhead') draft.subheads++;
}

/**
 * A line of text that reads as the kicker of the title under it: short, ending with `……`, `？` or `！` and no full
 * stop inside (`贴窗花、挂灯笼、逛庙会……`, `孩子作业写完了吗？书包收好了吗？`), or ending with `——`, whatever
 * it says before (`以前一到冬天就只能窝在家里。苏北乡村——`).
 */
function readsAsKickerAbove(text: string): boolean {
  const length = [...text].length;
  if (/(?:——|—)$/u.test(text)) return length <= 80;
  if (length > 50 || !/(?:…|？|！|\?|!)[”’）)]*$/u.test(text)) return false;
  return !/[。；;]/u.test(text.replace(/(?:…|？|！|\?|!)+[”’）)]*$/u, ''));
}

/**
 * True when an item names its reporters under its title, before its text: a byline line (`本报记者 王明峰` over the
 * first paragraph) or a dateline with names opening the first paragraph (`新华社北京2月3日电（记者X）…`).
 */
function bylineUnderTitle(draft: Draft): boolean {
  for (const part of draft.body) {
    if (part.type === 'subhead') return false;
    if (part.type === 'paragraph') return opensWithDateline(part.text) && openingNames(part.text).length > 0;
    if (part.type === 'byline') return true;
  }
  return false;
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

/** A line of two to four characters set with spaces between them (`西  安`, `链  接`). */
function isLetterSpaced(text: string): boolean {
  return /^\p{Script=Han}(?:[\s\u3000\u00a0]+\p{Script=Han}){1,3}$/u.test(text.trim());
}

/** A one-line title of two phrases set apart by two spaces or more (`专题协商  凝聚更多共识`). */
const SPACED_COUPLET = /^\S{2,12}[ \u3000\u00a0]{2,}\S{2,12}$/u;

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

  /** True when `units[k]` is a short exclamation or question over a photo's caption and its credit: the photo's title. */
  const isPhotoTitleAt = (k: number): boolean => {
    const unit = units[k];
    const creditAfter = (after: Unit | undefined): boolean => after !== undefined && (after.role === 'credit' || after.mark?.type === 'credit');
    return unit !== undefined && unit.role === 'body' && !unit.mark && [...unit.text].length <= 16 && /[！？!?][”’）)]*$/u.test(unit.text) && !/[。；;]/u.test(unit.text) && units[k + 1]?.role === 'body' && [1, 2, 3].some((n) => creditAfter(units[k + n]) && units.slice(k + 1, k + n).every((u) => u.role === 'body'));
  };

  /**
   * True when the heading run `units[i..end]` is no title of a box's story but an article's: another box label, or a
   * title of two lines or more (a kicker over a headline; a story's title is one line and its decks stand under it).
   */
  const titleEndsBox = (i: number, end: number): boolean => {
    if (isBoxLabel(units[i]!.text)) return true;
    if (units.slice(i, end + 1).filter((unit) => !isDeckLike(unit.text)).length > 1) return true;
    return end > i && isDeckLike(units[i]!.text) && units.slice(i + 1, end + 1).some((unit) => !isDeckLike(unit.text));
  };

  /**
   * True when the heading run `units[i..end]` ends the open box rather than opening its next story: a title with a
   * column tag, a kicker's mark, a photo's credit, an item line of its own or another box label, a title of more
   * than one line, or a story longer than a box holds (more than BOX_STORY_PARAGRAPHS blocks of text before the next
   * heading or the page's end).
   */
  const boxEnds = (open: Draft, i: number, end: number): boolean => {
    if (titleEndsBox(i, end)) return true;
    let text = 0;
    for (let k = end + 1; k < units.length && !RUN_ROLES.has(units[k]!.role) && !isPhotoTitleAt(k); k++) if (units[k]!.role === 'body') text++;
    if (text > BOX_STORY_PARAGRAPHS) return true;
    // The marks the boundary score reads; the features are computed last, as they compare the words around the run.
    const f = features(open, i, end);
    return f.columnTag === 1 || f.kickerMark === 1 || f.creditSoon === 1 || f.standalone === 1;
  };

  /**
   * True when the text from `units[from]` opens with a dateline (`新华社北京2月22日电…`), right away or under up to three
   * lines of text: a title's subheadline and decks set as text lines, a summary (a dateline opens an article only).
   */
  const datelineUnderDecks = (from: number): boolean => {
    for (let k = from; k < Math.min(units.length, from + 4); k++) {
      const unit = units[k] as Unit;
      if (unit.role !== 'body') return false;
      if (opensWithDateline(unit.text)) return true;
    }
    return false;
  };

  /** The features of a heading run `units[i..end]` inside an open item (see boundary.ts). */
  const features = (open: Draft, i: number, end: number): BoundaryFeatures => {
    const run = units.slice(i, end + 1);
    const next = units[end + 1];
    const after = units.slice(end + 1, end + 4);
    // A deck after the run: a line under a title that does not end a sentence, with more text after it.
    const bodies = units.slice(end + 1, end + 6).filter((unit) => unit.role === 'body');
    const deckAfter = next !== undefined && next.role === 'body' && !endsSentence(next.text) && !next.openJoin && bodies.length > 1 ? 1 : 0;
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
      datelineAfter: datelineUnderDecks(end + 1) ? 1 : 0,
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

    // Above a title, a short line that ends with `……`, `？` or `！` is its kicker (`贴窗花、挂灯笼、逛庙会……`).
    // So is a line that does not end a sentence above a headline with a column tag (`截至2018年底，中企…13万人次`,
    // `看病、上学、办证……300多项服务就近可办`: an ellipsis inside ends no sentence).
    const kickerOfTagged = units[i + 1]?.role === 'heading' && hasColumnTag(units[i + 1]!.text) && !endsSentence(unit.text) && !hasSentenceInside(unit.text.replace(/…+/gu, '，')) && [...unit.text].length <= 80;
    if (unit.role === 'body' && (open === null || open.ended) && !unit.mark && (readsAsKickerAbove(unit.text) || kickerOfTagged) && units[i + 1]?.role === 'heading' && (units[i + 2]?.role === 'body' || units[i + 2]?.role === 'heading')) {
      units[i] = { ...unit, role: 'heading' };
      i--;
      continue;
    }
    // Over a photo's caption, a short exclamation or question is its title (`新春招聘会，火爆！`, `赶坡会喽！`).
    if (isPhotoTitleAt(i)) {
      units[i] = { ...unit, role: 'heading' };
      i--;
      continue;
    }
    if (RUN_ROLES.has(unit.role) && !nameIsByline) {
      // A dash line after the text: an attribution (——编者), a signature of what stands above it.
      if (unit.role === 'dash' && open !== null && open.paragraphs > 0 && !open.ended) {
        push(open, 'signature', unit, unit.text);
        // The editors' signature (`——编  者`) over a title with a column tag ends their note: that title is the first
        // article's the note introduces.
        if (/^[—-]{1,2}\s*(?:编[\s\u3000]*者|(?:本报)?编辑部)\s*$/u.test(unit.text) && units[i + 1]?.role === 'heading' && hasColumnTag(units[i + 1]!.text)) open.ended = true;
        continue;
      }
      let end = i;
      while (units[end + 1] !== undefined && RUN_ROLES.has(units[end + 1]!.role) && units[end + 1]!.role !== 'name') end++;
      // A line ending in a colon after other heading lines, with text after it, is a lead-in or a salutation
      // (`志愿者朋友们：`): the text's first paragraph, not a title line.
      // Inside an article's text, a line ending in `——` before its paragraph is a lead-in to it, too.
      const inText = open !== null && !open.ended && open.paragraphs > 0;
      // (So is one under a title and its decks, before the text: a deck never ends with a colon.)
      const underTitle = open !== null && !open.ended && open.headline !== null && open.paragraphs === 0 && open.body.length > 0;
      if ((end > i || inText || underTitle) && (/[：:]$/u.test(units[end]!.text) || (inText && /(?:——|—)$/u.test(units[end]!.text))) && units[end + 1]?.role === 'body') {
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
      } else if (open !== null && open.box) {
        // A title the box's stories do not have (a kicker over a headline, another box's label, a column tag, or a
        // story longer than a box holds after it): the next article's, not a section of the box's last story.
        openTitled(run, 'title lines after a box of short items');
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
        // A title of two lines or more over a byline line, after an article with its own byline line under a title of
        // at most two lines, is the next article's, whatever the score learned from series packages (`新春走基层`
        // over a kicker and headline: a banner over stories that each carry a byline, which the labels read as one).
        const secondByline = (run.length >= 2 || open.kicker === null) && f.bylineAfter === 1 && open.subheadline === null && bylineUnderTitle(open);
        // A one-line couplet title (`注重质量  贯穿提案全过程`) under an article titled by such a couplet alone: the
        // next of a row of sibling stories, not a section of the first.
        const sibling = run.length === 1 && open.kicker === null && open.subheadline === null && open.headline !== null && SPACED_COUPLET.test(open.headline.trim()) && SPACED_COUPLET.test(unit.text.trim());
        // A title over two highlight lines (`■…`, `■…`): an article's summary under its title, 核心阅读 set without its label.
        const highlights = units[end + 1]?.role === 'body' && units[end + 2]?.role === 'body' && /^■/u.test(units[end + 1]!.text) && /^■/u.test(units[end + 2]!.text);
        const scored = boundaryScore(f, weights) > 0;
        const opened = open.headline === null || scored || secondByline || sibling || highlights;
        options.observeBoundary?.({ line: unit.first, text: unit.text, features: f, opened });
        if (opened) {
          openTitled(run, open.headline === null ? 'title lines after untitled text' : scored ? `title lines read as a new title, not a subhead (${explainScore(f, weights)})` : 'title lines over a byline line, after an article with its own byline under its title');
        } else {
          const why = `kept as a subhead, not a new title (${explainScore(f, weights)})`;
          for (const line of run) push(open, 'subhead', line, line.text, why);
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
          // (A drawing's artist is a byline; the photo credit is a photographer's.)
          if (open.photoCredit === null && unit.names.length > 0 && !isDrawingCredit(unit.text)) {
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
          // (A tail under the title, before any text, annotates what follows: a law's note of its adoption.)
          // (`（下转第二版）`, `（未完）`: the article goes on on another page.)
          const continues = unit.role === 'tail' && isContinuationMark(unit.text);
          if (continues) open.continued = true;
          if ((unit.role === 'tail' && (open.paragraphs > 0 || open.headline === null || continues)) || unit.role === 'graphic') open.ended = true;
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
          // One paragraph after an article's tail, before the next title or the page's end, is the article's own
          // (an interviewee's or an author's note under `（某某采访整理）`): it stays with the article.
          const note = draft !== null && !isPhoto && draft.kind === 'article' && draft.headline !== null && draft.body.at(-1)?.type === 'tail' && end === i + 1 && (after === undefined || after.role === 'heading');
          if (note) {
            push(draft as Draft, 'paragraph', unit, unit.text);
            break;
          }
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
        // An open join: under a title it is a deck; in the text, a paragraph cut by a column end. (A line that stops at
        // a comma is text that runs on, never a deck: `…停车位增设等，` over `（下转第二版）`.)
        // (A text goes on after a deck with a sentence of its own: a next block that starts with a particle no
        // sentence starts with, 了 的 地 得 着 过 们 之, goes on from this one, which a column end cut.)
        const cutBefore = merged.openJoin === true && ([...merged.text].length < MIN_DECK || [...merged.text].length > MAX_DECK || goesOnInto(merged.text, units[i + 1]?.text ?? '', options) || endsWithOpenWord(merged.text, options) || opensWithFragment(units[i + 1]?.text ?? '') || continuesEnumeration(merged.text, units[i + 1]?.text ?? ''));
        const underTitle = draft.paragraphs === 0 || opensStory(draft);
        if (underTitle && draft.headline !== null && !endsSentence(merged.text) && !endsOpenClause(merged.text) && !cutBefore && !merged.mark && !opensWithDateline(merged.text) && !/[：:]$/u.test(merged.text) && !isOrnament(merged.text)) {
          push(draft, 'deck', merged, merged.text);
          break;
        }
        while (merged.openJoin && units[i + 1] !== undefined && ['body', 'heading', 'name', 'dash'].includes(units[i + 1]!.role) && !isTitleAfterText(merged, units[i + 1] as Unit, units[i + 2])) {
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

/**
 * True when `next`, a heading-like line after `text`, a line of text that stops with no sentence-final mark, is a
 * title rather than what a column end left of that paragraph: the paragraph closes a bracket or a quote (`…（相关报道见第四版）`,
 * `…（综合本报记者…报道）`), the line carries a column tag (`…（观沧海）`), or an author's name line stands under it.
 * (What a column end leaves of a paragraph ends where the paragraph ends, with its full stop, and is text, not a heading.)
 */
function isTitleAfterText(text: Unit, next: Unit, after: Unit | undefined): boolean {
  if (next.role !== 'heading') return false;
  return /[）)”’》」』】]$/u.test(text.text) || hasColumnTag(next.text) || after?.role === 'name';
}
