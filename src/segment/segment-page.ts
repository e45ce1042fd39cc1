/**
 * The segmenter: the text of one printed page → its items (articles, photos, unsorted text).
 *
 * Two passes over the page's non-blank lines:
 * 1. Lines are classified (byline, photo credit, heading-like, body) and column-break fragments are
 *    joined: a line that ends mid-sentence and is followed by body text is the first part of a paragraph.
 * 2. A state machine groups the units into items: header lines (kicker, headline, subheadline) open an
 *    article, body paragraphs and subheads fill it, a byline closes it; a caption followed by a credit is
 *    a photo; an article still open mid-sentence at the end of the page runs off the page.
 *
 * Every character of the page ends up in one item; what the rules cannot place goes to an `unsorted`
 * item with a warning (see source-characters.ts for the check).
 */
import type { Article, BodyPart, Diagnostic, ItemKind, SeedPage } from '../types.js';
import { parseBylineLine, parseCreditLine, splitTrailingByline, splitTrailingCredit } from './byline.js';
import {
  endsOpenClause,
  endsSentence,
  hasSentenceInside,
  isKickerMarked,
  isSubheadlineMarked,
  startsAsContinuation,
} from './punctuation.js';
import { splitLines, type TextLine } from './split-lines.js';

/** Optional knowledge the segmenter can use; all of it is pure and deterministic. */
export interface SegmentOptions {
  /**
   * Word-boundary oracle: true when a word of the language model spans the join of `left` and `right`
   * (`参` + `与…` → `参与`). With it, a short line that ends mid-word is joined to the next line instead of
   * being taken for a subhead. The build passes nodejieba's; without it, only punctuation and length decide.
   */
  readonly spansJoin?: (left: string, right: string) => boolean;
}

/** The result of segmenting one page. */
export interface SegmentResult {
  /** Items in page order; `index` is their position. */
  readonly items: Article[];
  /** Warnings about the page, each at a seed line. */
  readonly diagnostics: Diagnostic[];
}

/** Longest line that can still be a heading (kicker, headline, subheadline or subhead), in characters. */
export const MAX_HEADING_LENGTH = 32;
/** A kicker (ending in `——` or `：`) may run longer. */
const MAX_KICKER_LENGTH = 40;
/** A heading with a comma or enumeration comma inside is shorter still: longer such lines are body text. */
const MAX_HEADING_WITH_COMMA = 20;

type UnitKind = 'byline' | 'credit' | 'heading' | 'body';

/** A line, or column-break fragments joined, with what it was classified as. */
interface Unit {
  readonly kind: UnitKind;
  readonly text: string;
  readonly first: number;
  readonly last: number;
  /** Byline names (kind byline, or a body line with a byline appended). */
  readonly names?: readonly string[];
  /** Photographer (kind credit, or a caption with its credit appended). */
  readonly credit?: string;
}

/** True for a line of only punctuation and symbols (`---`, `***`, `……`): a separator, kept as its own paragraph. */
export function isOrnament(text: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(text);
}

/** True for a line short and plain enough to be a heading: no sentence ends in or after it. */
function isHeadingLike(text: string): boolean {
  if (isOrnament(text)) return false;
  if (endsSentence(text) || hasSentenceInside(text) || endsOpenClause(text)) return false;
  const limit = isKickerMarked(text) ? MAX_KICKER_LENGTH : /[，,、；;]/u.test(text) ? MAX_HEADING_WITH_COMMA : MAX_HEADING_LENGTH;
  return [...text].length <= limit;
}

/** Classify one line on its own (before fragments are joined). */
function classifyLine(line: TextLine): Unit {
  const base = { first: line.line, last: line.line };
  const names = parseBylineLine(line.text);
  if (names !== null) return { ...base, kind: 'byline', text: '', names };
  const credit = parseCreditLine(line.text);
  if (credit !== null) return { ...base, kind: 'credit', text: '', credit };
  const withByline = splitTrailingByline(line.text);
  if (withByline !== null) return { ...base, kind: 'body', text: withByline.text, names: withByline.names };
  const withCredit = splitTrailingCredit(line.text);
  if (withCredit !== null) return { ...base, kind: 'body', text: withCredit.text, credit: withCredit.name };
  return { ...base, kind: isHeadingLike(line.text) ? 'heading' : 'body', text: line.text };
}

/** True when `unit` is the first part of a paragraph that continues in `next` (a column break). */
function continuesInto(unit: Unit, next: Unit | undefined, options: SegmentOptions): boolean {
  if (next === undefined || next.kind === 'byline' || next.kind === 'credit') return false;
  if (unit.kind === 'byline' || unit.kind === 'credit' || unit.names || unit.credit) return false;
  if (endsSentence(unit.text) || isOrnament(unit.text) || isOrnament(next.text)) return false;
  if (startsAsContinuation(next.text)) return true;
  if (unit.kind === 'body') return true;
  // A heading-like line: a subhead or header line, unless a word runs across the join (`参` + `与`).
  return next.kind === 'body' && options.spansJoin?.(unit.text, next.text) === true;
}

/** Pass 1: classify lines and join column-break fragments. */
function toUnits(lines: readonly TextLine[], options: SegmentOptions): Unit[] {
  const units = lines.map(classifyLine);
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    let unit = units[i] as Unit;
    i++;
    while (continuesInto(unit, units[i], options)) {
      const next = units[i] as Unit;
      const joined = unit.text + next.text;
      unit = {
        kind: 'body',
        text: joined,
        first: unit.first,
        last: next.last,
        ...(next.names ? { names: next.names } : {}),
        ...(next.credit ? { credit: next.credit } : {}),
      };
      i++;
    }
    // A short last line that ends mid-sentence after body text is the tail of a paragraph, not a header.
    if (unit.kind === 'heading' && i === units.length && out.at(-1)?.kind === 'body' && !endsSentence(unit.text)) {
      const previous = out.at(-1) as Unit;
      if (!previous.names && !previous.credit && !isKickerMarked(unit.text)) unit = { ...unit, kind: 'body' };
    }
    out.push(unit);
  }
  return out;
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
    first,
    last: first,
  };
}

/** True when two unmarked header lines read as headline + subheadline rather than kicker + headline. */
function readsAsHeadlineThenSubheadline(first: string, second: string): boolean {
  const couplet = (text: string): boolean => /\S{2,}[ \u3000]+\S{2,}/u.test(text);
  if (couplet(first) && !couplet(second)) return true;
  // The second line adds a detail: a parenthesised note, a figure or date, a speech credit.
  if (/^[（(].*[）)]$/u.test(second)) return true;
  if (/(?:致辞|讲话|答记者问)$/u.test(second)) return true;
  if (/^[\d０-９]+(?:年|月|日|个|万|亿|%|％)/u.test(second)) return true;
  return false;
}

/** Assign header lines to kicker, headline and subheadline. Returns leftover lines that fit nowhere. */
function applyHeader(draft: Draft, lines: readonly Unit[]): Unit[] {
  const texts = lines.map((unit) => unit.text);
  if (texts.length === 0) return [];
  if (texts.length > 3) {
    const extra = lines.slice(0, lines.length - 3);
    applyHeader(draft, lines.slice(lines.length - 3));
    return extra;
  }
  const [a, b, c] = texts as [string, string?, string?];
  if (b === undefined) {
    draft.headline = a;
  } else if (c === undefined) {
    if (isSubheadlineMarked(b) && !isKickerMarked(a)) {
      draft.headline = a;
      draft.subheadline = b;
    } else if (!isKickerMarked(a) && readsAsHeadlineThenSubheadline(a, b)) {
      draft.headline = a;
      draft.subheadline = b;
    } else {
      draft.kicker = a;
      draft.headline = b;
    }
  } else {
    draft.kicker = a;
    draft.headline = b;
    draft.subheadline = c;
  }
  return [];
}

/**
 * Segment one page into items.
 * @param page the decoded seed (its `text`, `file` and `firstLine` are used)
 * @returns items in page order and warnings; never throws on any text
 */
export function segmentPage(page: Pick<SeedPage, 'file' | 'text' | 'firstLine'>, options: SegmentOptions = {}): SegmentResult {
  const units = toUnits(splitLines(page.text, page.firstLine), options);
  const drafts: Draft[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, rule: string, message: string): void => {
    diagnostics.push({ file: page.file, line, rule, severity: 'warning', message });
  };

  let current: Draft | null = null; // the open item, if any
  let header: Unit[] = []; // header lines waiting for their first paragraph

  const close = (): void => {
    if (current !== null) drafts.push(current);
    current = null;
  };
  const unsorted = (units: readonly Unit[], why: string): void => {
    if (units.length === 0) return;
    const first = units[0] as Unit;
    const draft = newDraft('unsorted', first.first);
    for (const unit of units) {
      if (unit.text) draft.body.push({ type: 'paragraph', text: unit.text, lines: [unit.first, unit.last] });
      if (unit.names) draft.bylines.push(...unit.names);
      if (unit.credit) draft.photoCredit = unit.credit;
      draft.last = unit.last;
    }
    warn(first.first, 'segment/unsorted', why);
    drafts.push(draft);
  };
  const startArticle = (unit: Unit): Draft => {
    const first = header[0] ?? unit;
    const draft = newDraft('article', first.first);
    unsorted(applyHeader(draft, header), 'Unexpected header line: more than three lines before the first paragraph; kept as unsorted text');
    header = [];
    return draft;
  };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    const open = current as Draft | null;

    if (unit.kind === 'heading') {
      if (open === null) {
        header.push(unit);
        continue;
      }
      // Inside an article: a run of heading lines is a subhead, or the header of the next article.
      let end = i;
      while (units[end + 1]?.kind === 'heading') end++;
      const run = units.slice(i, end + 1);
      const next = units[end + 1];
      // Text with no header of its own (a photo, unsorted text) takes no subheads: a heading starts the next article.
      const startsNext = run.length >= 2 || isKickerMarked(unit.text) || isSubheadlineMarked(unit.text) || open.headline === null;
      if (startsNext || next === undefined) {
        close();
        header.push(...run);
      } else if (next.kind === 'byline') {
        // A short closing line without a full stop, just before the byline: body text.
        open.body.push({ type: 'paragraph', text: unit.text, lines: [unit.first, unit.last] });
        open.last = unit.last;
        continue;
      } else {
        open.body.push({ type: 'subhead', text: unit.text, lines: [unit.first, unit.last] });
        open.last = unit.last;
        continue;
      }
      i = end;
      continue;
    }

    if (unit.kind === 'body') {
      let draft = open;
      if (draft === null) {
        if (header.length > 0) {
          draft = startArticle(unit);
        } else {
          // Text with no header: a photo caption if a credit follows, else text the rules cannot place.
          let end = i;
          while (units[end]?.kind === 'body' && !units[end]?.names && !units[end]?.credit) end++;
          const after = units[end];
          const isPhoto = after !== undefined && (after.kind === 'credit' || (after.kind === 'body' && after.credit !== undefined && !after.names));
          draft = newDraft(isPhoto ? 'photo' : 'unsorted', unit.first);
          if (!isPhoto) {
            warn(unit.first, 'segment/no-headline', drafts.length === 0
              ? 'Unexpected text before the first headline (continued from another page?); published as unsorted text'
              : 'Unexpected text without a headline; published as unsorted text');
          }
        }
        current = draft;
      }
      // An item has one photo credit: a second caption's credit stays in its paragraph, so no text is lost.
      const extraCredit = unit.credit !== undefined && draft.photoCredit !== null;
      draft.body.push({ type: 'paragraph', text: extraCredit ? `${unit.text} ${unit.credit}摄` : unit.text, lines: [unit.first, unit.last] });
      draft.last = unit.last;
      if (unit.credit !== undefined && !extraCredit) draft.photoCredit = unit.credit;
      if (unit.names !== undefined) {
        draft.bylines.push(...unit.names);
        close();
      } else if (unit.credit !== undefined && draft.kind === 'photo') {
        close();
      }
      continue;
    }

    if (unit.kind === 'byline') {
      if (open !== null && open.bylines.length === 0) {
        open.bylines.push(...(unit.names ?? []));
        open.last = unit.last;
        close();
      } else {
        close();
        unsorted([...header, unit], 'Unexpected byline: no article text before it; published as unsorted text');
        header = [];
      }
      continue;
    }

    // A photo credit.
    if (open !== null && open.photoCredit === null) {
      open.photoCredit = unit.credit ?? null;
      open.last = unit.last;
      if (open.kind === 'photo') close();
    } else {
      close();
      unsorted([...header, unit], 'Unexpected photo credit: no caption before it; published as unsorted text');
      header = [];
    }
  }

  const last = current as Draft | null;
  if (last !== null) {
    const lastPart = last.body.at(-1);
    // (A paragraph that kept a second photo credit, `…。 某某摄`, ends its sentence before the credit.)
    const endsWithCredit = lastPart !== undefined && splitTrailingCredit(lastPart.text) !== null;
    if (last.bylines.length === 0 && lastPart?.type === 'paragraph' && !endsSentence(lastPart.text) && !isOrnament(lastPart.text) && !endsWithCredit) {
      last.continued = true;
      warn(lastPart.lines[1], 'segment/continued', 'Article runs off the page: it ends mid-sentence with no byline; marked as continued');
    }
    close();
  }
  unsorted(header, 'Unexpected header at the end of the page: no article text follows it; published as unsorted text');

  const items = drafts.map((draft, index): Article => {
    const article: Article = {
      seed: page.file,
      index,
      kind: draft.kind,
      kicker: draft.kicker,
      headline: draft.headline,
      subheadline: draft.subheadline,
      body: draft.body,
      bylines: draft.bylines,
      photoCredit: draft.photoCredit,
      continued: draft.continued,
      sourceLines: [draft.first, draft.last],
    };
    return article;
  });
  return { items, diagnostics };
}
