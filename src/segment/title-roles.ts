/**
 * Title roles: the lines of an item's opening run → kicker (引题), headline (主题) and subheadline (副题), and
 * the lines past them (decks and subheads). Conventions of Chinese newspapers in general:
 * - one line is the headline;
 * - two lines are kicker + headline, unless the first ends with `——` or `：` (then surely so) or the second reads
 *   as a subheadline: it starts with `——`, is in parentheses, says who spoke or attended (`王建国出席并讲话`), what
 *   a meeting heard or decided or what will follow (`听取…`, `决定…`, `将…`) or gives figures (`累计精简比例达81%`),
 *   or the first line carries the column tag (`（人民论坛）`) and the second does not. A couplet (two phrases set
 *   apart by a space), a line with commas or a sports event (`…大满贯赛`) over another line is a kicker (measured on
 *   the 412 unmarked two-line titles of 人民日报, 2019-02: these rules read 92% of them as labelled);
 * - three lines are kicker, headline and subheadline;
 * - a section label (核心阅读, 编者按…), a figure standing alone (`3.57万亿`) or a deck-like line ends the title.
 * Pure functions of the lines' text.
 */
import { isKickerMarked, isSubheadlineMarked } from './punctuation.js';

/** The three title fields of an item; null where the item has none. */
export interface TitleLines {
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
}

/**
 * A line that is an item by itself when more follows it: an advertisement slot, a picture report's label, the title
 * of a work of art with its medium (`兰香（中国画）`, `迎春（麦秆画）`, `…（书法）`), printed under the picture.
 */
export function isStandaloneItemLine(text: string): boolean {
  const plain = text.replace(/[\s\u3000]/gu, '');
  return /^(?:广告|公益广告|图片报道|图片新闻|漫画)$/u.test(plain) || /^[^（）()，。]{1,16}[（(](?:中国画|国画|油画|版画|水彩画?|水墨画?|素描|年画|农民画|麦秆画|剪纸|书法|篆刻|雕塑|摄影)[）)]$/u.test(plain);
}

/**
 * The label of a box of short items printed under one heading (速览, 数读, 简讯, 来论…): the box is one item whose
 * headline is the label, and the stories in it are its sections (subheads and their text), as a 数字报 lists it.
 */
export function isBoxLabel(text: string): boolean {
  return /^[■●◆▲【\[]?(?:速览|数读|微阅读|来论|建议|身边事|新书架|简讯|快讯|短讯|资讯|新闻速递|新闻速览|要闻速览|要闻简报|国内简讯|国际简讯|图说|微评|一周要闻|读者来信)[】\]]?$/u.test(text.replace(/[\s\u3000\u00a0]/gu, ''));
}

/**
 * True when a title line ends with the tag of a sidebar that goes with the article above it (`…（记者手记）`,
 * `（延伸阅读）`, `（链接）`, `（小贴士）`, `（背景）`).
 */
export function hasSidebarTag(text: string): boolean {
  return /[（(](?:记者手记|采访手记|编辑手记|延伸阅读|链接|相关链接|新闻链接|知识链接|背景|背景链接|小贴士|小资料)[）)]$/u.test(text.trim());
}

/** Labels of an article's sections and boxes (核心阅读, 编者按, 记者手记…): a subhead, never a title line. */
export function isSectionLabel(text: string): boolean {
  return /^[■●◆▲【\[]?(?:核心阅读|编者按|编者的话|阅读提示|内容提要|导读|开栏的话|结束语|记者手记|采访手记|短评|延伸阅读|相关链接|新闻链接|链接|背景|背景链接|人物小传|小资料|记者观察|数说|图解|专家点评|名词解释|人物简介|作者简介)[】\]]?[：:]?$/u.test(text.replace(/[\s\u3000\u00a0]/gu, ''));
}

/**
 * A sidebar's label (链接, 延伸阅读, 背景, 记者手记…): a section label that is not a lead label. After an article's
 * tail it opens the article's sidebar, not a new item.
 */
export function isSidebarLabel(text: string): boolean {
  return isSectionLabel(text) && !isLeadLabel(text);
}

/** A section label that opens an article's text, right under its title (核心阅读, 编者按, 导读…), not a sidebar's. */
export function isLeadLabel(text: string): boolean {
  return /^[■●◆▲【\[]?(?:核心阅读|编者按|编者的话|阅读提示|内容提要|导读|开栏的话)[】\]]?[：:]?$/u.test(text.replace(/[\s\u3000\u00a0]/gu, ''));
}

/** A line that reads as a deck (提要) rather than a title or subhead: long, or a clause with commas. */
export function isDeckLike(text: string): boolean {
  const length = [...text].length;
  return length > 60 || (length >= 16 && /[，,；;]/u.test(text)) || /^■/u.test(text);
}

/** A figure standing alone (`3.57万亿`, `11.73亿人`, `90%`): a callout subhead. */
export function isFigureCallout(text: string): boolean {
  return /^[\d０-９.．%％—\-～~]+[^\s]{0,6}$/u.test(text) && [...text].length <= 12;
}

const COLUMN_TAG_PATTERN = /\S{2,}[（(][^（）()]{2,30}[）)]$/u;

/**
 * Whether `text` ends with a closing parenthesis: what every column-tag pattern needs, tested first because the
 * patterns themselves try each start of a long line (a page's text lines are tested too: 0.4 s of a 950-page
 * build before this test).
 */
const endsWithCloseParen = (text: string): boolean => text.endsWith('）') || text.endsWith(')');

/** A column tag of 2–30 characters closing a line of at least 2 other characters (the looser test of title roles). */
const COLUMN_TAG = { test: (text: string): boolean => endsWithCloseParen(text) && COLUMN_TAG_PATTERN.test(text) };

/** True when a title line ends with a column tag in parentheses (`…（人民论坛）`, `…（新春走基层）`). */
export function hasColumnTag(text: string): boolean {
  return endsWithCloseParen(text) && /\S{3,}[（(][^（）()]{2,24}[）)]$/u.test(text);
}

/** True when two unmarked title lines read as headline + subheadline rather than kicker + headline. */
function readsAsHeadlineThenSubheadline(first: string, second: string): boolean {
  const couplet = (text: string): boolean => /\S{2,}[ \u3000\u00a0]+\S{2,}/u.test(text);
  if (COLUMN_TAG.test(second) && !COLUMN_TAG.test(first)) return false;
  if (COLUMN_TAG.test(first) && !COLUMN_TAG.test(second)) return true;
  if (/^[（(].*[）)]$/u.test(second)) return true;
  // Who attended or spoke, under the event (`市书法家协会第五次会员代表大会举行` / `王建国出席 李卫东讲话`).
  if (/(?:致辞|讲话|答记者问|出席|主持|会见|会谈|看望|慰问|并讲话|出席会议|主持会议|参加审议|参加会见|发表讲话|致信|致电|回信|陪同)$/u.test(second) && [...second].length <= [...first].length) return true;
  if (/^[\u4e00-\u9fff]{2,4}(?:出席|主持|会见|看望|慰问|参加|陪同)/u.test(second) && !couplet(first)) return true;
  // What a meeting heard and decided, or what will follow (`听取…`, `决定…`, `将…`).
  if (/^(?:强调|指出|表示|要求|希望|勉励|寄语|称|说|听取|审议|决定|部署|讨论|将|拟)/u.test(second)) return true;
  // A sports event over its result is a kicker (`巴黎柔道大满贯赛` / `陈飞摘得女子78公斤级铜牌`).
  if (/(?:赛|杯|站|锦标赛|运动会|世锦赛|冬奥会|奥运会)$/u.test(first)) return false;
  // A couplet under another line is the headline; a couplet or a clause with commas over another line is a kicker.
  if (couplet(second) || couplet(first)) return false;
  if (/[，,、；;]/u.test(first)) return false;
  // The second line gives the figures of the first (`北京再取消21项创业办事证明` / `累计精简比例达81%`).
  return /[\d０-９]/u.test(second);
}

/**
 * Assign an opening run's lines to the title fields.
 * @param lines the run's texts, in order (at least one)
 * @returns the title fields, and the lines past the title (decks and subheads) in order
 */
export function assignTitle(lines: readonly string[]): { titleLines: TitleLines; extra: string[] } {
  let count = Math.min(lines.length, 3);
  for (let k = 1; k < count; k++) {
    const line = lines[k] as string;
    const isSubheadline = k > 0 && isSubheadlineMarked(line);
    if (isSectionLabel(line) || isFigureCallout(line) || (!isSubheadline && isDeckLike(line) && !COLUMN_TAG.test(line) && !isKickerMarked(lines[k - 1] as string))) {
      count = k;
      break;
    }
  }
  const extra = lines.slice(count);
  const [a, b, c] = lines.slice(0, count) as [string, string?, string?];
  if (b === undefined) return { titleLines: { kicker: null, headline: a, subheadline: null }, extra };
  if (c !== undefined) {
    if (isSubheadlineMarked(b)) return { titleLines: { kicker: null, headline: a, subheadline: b }, extra: [c, ...extra] };
    return { titleLines: { kicker: a, headline: b, subheadline: c }, extra };
  }
  if (isKickerMarked(a) || /(?:…|？|！|\?|!)[”’）)]*$/u.test(a)) return { titleLines: { kicker: a, headline: b, subheadline: null }, extra };
  if (isSubheadlineMarked(b) || readsAsHeadlineThenSubheadline(a, b)) return { titleLines: { kicker: null, headline: a, subheadline: b }, extra };
  return { titleLines: { kicker: a, headline: b, subheadline: null }, extra };
}
