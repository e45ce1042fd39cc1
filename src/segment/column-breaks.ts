/**
 * Pass 1 of the segmenter (segment-page.ts): the role of each block of a page, and column breaks joined.
 *
 * Each block (split-lines.ts) gets a role from its own text (marks.ts: byline, photo or graphic credit, tail, date,
 * attribution; else heading-like or body). Then a block that stops mid-sentence and goes on in the next one is
 * joined with it: surely when a continuation mark, a word across the join (jieba, as `spansJoin`), a particle no
 * sentence starts with or a word no sentence ends with says so; left open (`openJoin`) when only its length does.
 * Also the word tests the item pass reads under a title (is a line a deck, or a first paragraph a column end cut?).
 * Pure functions; no state.
 */
import {
  isAttribution,
  isDateLine,
  isGraphicCredit,
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
import type { TextLine } from './split-lines.js';
import { hasColumnTag } from './title-roles.js';

/** The word knowledge pass 1 can use (see SegmentOptions). */
export interface WordOracle {
  /**
   * Word-boundary oracle: true when a word of the language model spans the join of `left` and `right`
   * (`参` + `与…` → `参与`). With it, a short line that ends mid-word is joined to the next line instead of
   * being taken for a subhead. The build passes jieba's (places/jieba.ts); without it, only punctuation and length decide.
   */
  readonly spansJoin?: (left: string, right: string) => boolean;
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
export const MIN_DECK = 18;

/**
 * Characters a deck has at most: a summary under a title is a few clauses (人民日报's run to about 230); a longer
 * block that stops mid-sentence under a title is the first paragraph's part a column end cut.
 */
export const MAX_DECK = 300;

export type UnitRole = 'byline' | 'name' | 'credit' | 'graphic' | 'tail' | 'date' | 'dash' | 'heading' | 'body';

/** A block, or column-break fragments joined, with its role. */
export interface Unit {
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
  // A title with a column tag may quote a sentence or ask a question (`“谢谢你们，远方的朋友！”（记者手记）`,
  // `社区医生休息难不难？（干部状态新观察）`): only a full stop inside it makes it text.
  const core = hasColumnTag(text) ? text.replace(/[（(][^（）()]{2,24}[）)]$/u, '').replace(/“[^“”]{1,30}”/gu, '“”').replace(/[？！?!]/gu, '') : text;
  if (endsSentence(core) || hasSentenceInside(core) || endsOpenClause(core)) return false;
  // A quote or a title mark left open is text a column end cut (`“要加快建设覆盖城乡`), never a title.
  if (leavesOpen(text, '“', '”') || leavesOpen(text, '《', '》')) return false;
  if (/[：:]$/u.test(text) && !isKickerMarked(text)) return false;
  const limit = isKickerMarked(text) ? MAX_HEADING_LENGTH : /[，,、；;]/u.test(core) ? MAX_HEADING_WITH_COMMA : MAX_HEADING_LENGTH;
  // (A column tag does not count: `绿色丝路，“惠及各方…的全球合作平台”（风从东方来——国际人士谈一带一路合作）`.)
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
export const BULLET = /^[■●◆▲◎○□★☆▌▍]/u;

const JOINABLE: ReadonlySet<UnitRole> = new Set(['heading', 'body', 'name', 'dash']);

/**
 * How `unit` goes on into `next`: 'yes' (a column break: a continuation mark starts `next`, or a word runs across
 * the join), 'open' (it stops mid-sentence and is long enough to be a cut paragraph, but nothing more says so), or
 * 'no'.
 */
function continuesInto(unit: Unit, next: Unit | undefined, options: WordOracle, askOracle = true, before?: Unit): 'yes' | 'open' | 'no' {
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
  if (/[0-9０-９]$/u.test(unit.text) && /^[0-9０-９年月日时号%％万亿元岁名个多余班级人家户次项条件位种天周分米千百吨批座所辆架艘台部本篇场届期层倍]/u.test(next.text) && next.role === 'body') return 'yes';
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
  // opens with a particle (`…王海山拿` + `着扫帚`) or the line ends with a word that needs what follows.
  if (next.role === 'body' && (opensWithParticle(next.text, options) || endsWithOpenWord(unit.text, options) || opensAsSentence(unit.text))) return 'yes';
  // (Under another title line, not when the text after opens with a word sentences open with: jieba reads
  // `…亲子游` + `在位于…` as 游在.)
  if (spans && next.role === 'body' && !(before?.role === 'heading' && /^(?:在|从|自|当|据|随着|为了|对于|关于|由于|今年|去年|近日|日前)/u.test(next.text))) return 'yes';
  // Under a headline with a column tag (`…（大家手笔）`) a subheadline is marked `——`: an unmarked line that stops
  // mid-sentence over text is text (`通过数字技术和基层治理的结合` + `更好服务…`), cut or not; a field line
  // (`提案人：某民主党派中央`) is not.
  if (next.role === 'body' && before?.role === 'heading' && hasColumnTag(before.text) && !isSubheadlineMarked(unit.text) && !hasColumnTag(unit.text) && !/[：:]/u.test(unit.text)) return 'open';
  return 'no';
}

/**
 * Whether jieba puts a word across the join of `left` and `right` that a column end cut: not a word made of two
 * whole words glued together, when `left` ends with a word of its own and `right` starts with one
 * (`…经济发展` + `商事制度…`: 发展商; `…社区参` + `与…`: 参与 is cut, 参 is no word ending `left`).
 */
function crossesWord(options: WordOracle, left: string, right: string): boolean {
  const spans = options.spansJoin;
  if (spans === undefined || !spans(left, right)) return false;
  const leftEndsWithWord = left.length >= 2 && spans(left.slice(0, -1), left.slice(-1));
  const rightStartsWithWord = right.length >= 2 && spans(right.slice(0, 1), right.slice(1));
  return !(leftEndsWithWord && rightStartsWithWord);
}

export function joinUnits(a: Unit, b: Unit): Unit {
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
export function toUnits(blocks: readonly TextLine[], options: WordOracle): Unit[] {
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

/**
 * True when a heading-like line opens as a sentence of text does, with a sentence adverb or a speaker and a comma
 * (`当然，…`, `如今，…`, `2018年，…`, `去年，…`, `可以说，…`, `针对…，`, `随着…，`, `据她介绍，…`, `会议指出，…`, `某某说，…`): titles do not open so, and a line
 * that does and stops mid-sentence is what a column end left of a paragraph. (Not `…显示，`: `调查显示，…` and
 * `世界银行报告显示，…` are headlines; not a lead-in that ends with a colon.)
 */
export function opensAsSentence(text: string): boolean {
  return /^(?:当然|如今|当前|目前|[\d０-９]{4}年|去年|今年|近年来|近日|日前|此外|同时|然而|不过|其实|比如|为此|对此|随后|后来|另外|可以说|(?:针对|随着|根据|按照)[^，]{2,30}|据[^，、]{1,6}(?:介绍|了解|统计)|[^，、：:“”]{1,12}(?:说|指出|表示|介绍|强调|认为|解释|坦言|透露))，/u.test(text) && !/[：:]$/u.test(text);
}

/** The words a paragraph opens with to give its source (`据报道，`, `据介绍`, `记者从…获悉`). */
export const OPENS_WITH_SOURCE = /^(?:据(?:报道|介绍|了解|悉|统计|测算|估计|调查|透露|称|新华社|央视)|记者(?:从|了解到|获悉|近日|日前))/u;

/** Words that open a sentence with when or how it goes on (`最近，`, `近几年，`, `2018年，`, `但是`): a new paragraph. */
export const SENTENCE_OPENER = /^(?:最近|近来|近日|近期|日前|目前|如今|当前|眼下|当下|此前|前不久|不久前|现在|刚刚|今天|昨天|今年|去年|明年|近年|近几年|这几天|这两年|这些年|那时|当时|此外|其中|同时|然而|但是|不过|因此|所以|首先|其次|最后|[\d０-９一二三四五六七八九十]+(?:年|月|日))/u;

/**
 * True when `next` goes on from `text`, a line that stops mid-sentence, as a column end cut it: `next` starts with a
 * particle no sentence starts with (了 的 地 得 着 过 们 之 及), or `text` ends with a word that cannot end a sentence
 * or a summary line (`…才`, `…而`, `…和`, `…这`, `…另一`) and `next` does not open a sentence. A line under a title that stops mid-sentence is a
 * deck otherwise.
 */
export function goesOnInto(text: string, next: string, options: WordOracle): boolean {
  if (opensWithParticle(next, options)) return true;
  if (!/(?:[才而与和及并且就都也还又或以从向于由给让使占将把被对在这那其每各某]|另一)$/u.test(text) || SENTENCE_OPENER.test(next)) return false;
  // With jieba, the last character must be a word of its own: `…供给`, `…导向`, `…存在`, `…可以` end a phrase.
  const spans = options.spansJoin;
  return spans === undefined || text.endsWith('另一') || text.length < 2 || !spans(text.slice(0, -1), text.slice(-1));
}

/** True when `text` starts with a particle no sentence starts with (了 的 地 得 着 过 们 之 及), not a word that starts with one. */
function opensWithParticle(text: string, options: WordOracle): boolean {
  // (Not the words that start with one: 过去, 着力, 之所以, 得益于, 地处, 的确, 了解…, and with jieba, any word
  // it reads across the particle: 地理, 及早.)
  if (!/^[了的地得着过们之及]/u.test(text) || /^(?:过去|过年|过节|过程|着力|着眼|之所以|之后|之前|之间|之一|得益|得到|得知|地处|地区|地方|的确|了解|及时)/u.test(text)) return false;
  return options.spansJoin === undefined || text.length < 2 || !options.spansJoin(text.slice(0, 1), text.slice(1));
}

/**
 * True when `text` ends with a word a deck (a summary line) never ends with: a modal, a copula, an adverb or a
 * particle that needs what follows (`…打铁花已`, `…同时指出要`, `…增加农民收入是`, `…这种药的`, `…才能`), a verb,
 * preposition or conjunction that cannot end a clause (`…显得`, `…通过`, `…就像`), a measure word without its noun
 * (`…一个`, `…一张张`) or a pronoun without its verb (`…，我`). A one-character word must stand
 * alone at the end (jieba, through `spansJoin`): `需要`, `功能`, `条约` and `而已` end a phrase. Without jieba, of
 * those only `的` and `是` count.
 */
export function endsWithOpenWord(text: string, options: WordOracle): boolean {
  // Modals, and verbs, prepositions and conjunctions that cannot end a clause (`…在阳光的照耀下显得`, `…就像`).
  if (/(?:才能|就能|才会|就会|将会|能够|应该|必须|早已|已经|显得|觉得|变得|使得|成为|作为|认为|通过|对于|关于|由于|为了|随着|因为|如果|虽然|而且|并且|以及|或者|不仅|不但|即使|尽管|包括|就像|好像|仿佛)$/u.test(text)) return true;
  // Adverbs of degree and time, and determiners, that wait for what they qualify (`…已经十分`, `…就是`, `…取得了哪些`).
  if (/(?:就是|甚至|十分|非常|格外|更加|更是|尤其|越来越|正在|一直|始终|仍然|依然|逐渐|进一步|哪些|一些|这些|那些|各种|所有)$/u.test(text)) return true;
  // A numeral or a demonstrative and its measure word wait for their noun (`…、一个`, `…这种`, `…一张张`, `…、88个`); a
  // pronoun after a comma waits for its verb (`…的队员，我`). (Not a name: `准备材料：剪刀，胶水，彩纸`.)
  if (/[一二两三四五六七八九十几每这那哪][个种位名条项件只批类张份支台辆本篇段句样套双把块间座所户棵朵幅首部场杯碗瓶袋箱盒款]$|一([个张条片座位])\1$/u.test(text) || /、[\d０-９]+[个种位名条项件只批类张份支台辆本篇段句]$/u.test(text) || /[，,](?:我|你|他|她|我们|你们|他们|她们|咱们)$/u.test(text)) return true;
  // A clause just opened after a colon, in a line of clauses (`…，村里的人居环境有了明显变化：垃圾`).
  if (/[，,][^：:]*[：:][^，,。；;：:、“”]{1,3}$/u.test(text)) return true;
  const last = text.slice(-1);
  // (And prepositions and conjunctions that stand before their object, and 着: `…中方愿同`, `…开发为`, `…挑战和`, `…生活着`.)
  if (!/[的是要已约能会在对与以从向为同和及把被将给让使由于其着]/u.test(last) || text.length < 2) return false;
  const spans = options.spansJoin;
  if (spans === undefined) return last === '的' || last === '是';
  return !spans(text.slice(0, -1), last);
}

/**
 * True when `text` opens with one or two characters and a comma (`报数，`, `要求，`, `生蚝、`): the end of a clause a
 * column end cut, not a paragraph's opening, unless they open sentences (`去年，`, `如今，`). (Three are too many:
 * `越开放，越发展` and `叫个车、寄份快递` open paragraphs.) Or with a verb and 了 (`举行了…`), a predicate whose
 * subject the line before ends with; `为了`, `除了` open sentences.
 */
export function opensWithFragment(text: string): boolean {
  return (/^[^，、。；：！？“”‘’《》（）()\s]{1,2}[，、]/u.test(text) || (/^\p{Script=Han}{2}了/u.test(text) && !/^(?:为了|除了|有了|到了)/u.test(text))) && !SENTENCE_OPENER.test(text);
}

/**
 * True when `text` stops inside an enumeration of short items (`…由市场监管、物价、…、审批`) and `next` goes on with
 * its next ones (`改革办、督察室及…`): a list a column end cut. (Not a numbered line, `一、`, nor lists of phrases:
 * `…、走进世界各国` over `年画春联的缤纷、…`.)
 */
export function continuesEnumeration(text: string, next: string): boolean {
  return /、[^，,。；;：:、“”]{1,4}$/u.test(text) && /^[^，,。；;：:、“”\s]{1,5}、/u.test(next) && !/^[一二三四五六七八九十\d０-９]+、/u.test(next);
}

/** True when `text` holds more of the opening mark than of its closing one (`“` and `”`, `《` and `》`). */
export function leavesOpen(text: string, opening: string, closing: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === opening) depth++;
    else if (char === closing) depth--;
  }
  return depth > 0;
}

/** True when a text opens more quotes (“ or ‘) than it closes. */
export function leavesQuoteOpen(text: string): boolean {
  return leavesOpen(text, '“', '”') || leavesOpen(text, '‘', '’');
}
