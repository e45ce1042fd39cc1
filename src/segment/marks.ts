/**
 * The lines around an article's text that are not its text: bylines in every form papers print them, photo and
 * graphic credits, dateline and author tails, signatures and dates, and the names in a paragraph's opening
 * dateline. Pure functions of one line (or the start of one paragraph); no state.
 *
 * Forms recognised (each with the names it yields):
 * - `·陈馨 王铁荣·` (a byline between middle dots, alone or after a paragraph's last sentence);
 * - `本报记者  王明峰`, `本报驻埃及记者 X`, `新华社记者 X Y`, `记者 X 通讯员 Y`, `何鼎鼎 本报评论员`, `本报评论员`;
 * - name-only lines `王明峰  王玉磊`, `李  纵  罗  婕` (single characters in a row are paired), when every name
 *   starts with a Chinese surname;
 * - photo credits `阚天峰摄`, `新华社记者 岳海波摄`, `罗云飞摄（影像中国）`, `X  Y摄影报道`, `X图  Y文`, and bare
 *   agency credits (`影像中国`, `人民视觉`, `新华社发`, `资料图片`);
 * - graphic and page credits `制图：X`, `版式设计：X`, `数据来源：…`, `责编：X` (no names taken);
 * - tails wholly in parentheses: `（本报北京2月11日电）`, `（新华社北京2月24日电  记者廖君、冯国栋）`, `（作者为…）`,
 *   `（本报记者 X整理）`, `（X、Y参与采写）`, `（执笔：X）`, `（摘编自…）`, `（欧阳洁）`, `（下转第3版）`, `（…通过）`;
 * - signatures: a date line (`2019年1月21日`), an attribution (`——编  者`);
 * - an opening dateline or 本报讯 at the start of a paragraph: `本报北京2月11日电 （记者X、Y）`,
 *   `新华社北京2月11日电（记者X）`, `本报讯（记者 X 通讯员 Y）`.
 */
import { endsSentence, SPACE, trimSpace } from './punctuation.js';

/** The middle dot U+00B7 that brackets a byline in some papers (`·陈馨 王铁荣·`). */
export const BYLINE_MARK = '·';

/**
 * Common Chinese surnames (single and compound): a name-only line is taken for a byline only when each of its
 * names starts with one. Knowledge of the language, not of any paper.
 */
const COMPOUND_SURNAMES: readonly string[] = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文', '轩辕', '澹台', '南宫', '闻人', '呼延', '端木', '百里', '钟离'];
const SURNAMES: ReadonlySet<string> = new Set([
  ...'阎雒濮钮王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'
]);

/** True when `name` (2 to 4 Han characters, or a longer name with a middle dot) reads as a person's name. */
export function looksLikeName(name: string): boolean {
  if (!/^\p{Script=Han}[\p{Script=Han}·]{1,7}$/u.test(name)) return false;
  const chars = [...name.replace(/·/g, '')];
  if (chars.length > 4 && !name.includes('·')) return false;
  if (COMPOUND_SURNAMES.some((surname) => name.startsWith(surname))) return true;
  return SURNAMES.has(chars[0] as string);
}

/** A role word before or after names in a byline: 记者, 通讯员, 评论员, 实习生… with what qualifies it (`本报驻埃及记者`). */
const ROLE = /^(?:[\p{Script=Han}]{0,12}?(?:记者|通讯员|评论员|实习生|特派员|撰稿人|撰稿|编辑|主持人|摄影|摄像|撰文)[：:]?|(?:文|图|文图|图文|作者)[：:])$/u;

/**
 * A byline line's slash credits as role words and names (`文/王明峰 图/李四` → `文： 王明峰 图： 李四`, `王明峰/文` →
 * `文： 王明峰`, `文/图 王明峰`, `文·图/王明峰`, `作者：王明峰`), the way many papers credit text and pictures.
 */
function slashCredits(line: string): string {
  return line
    .replace(/(?:文\s*[/／·・]\s*图|图\s*[/／·・]\s*文)\s*[/／:：]?\s*|(?:文图|图文)(?:\s*[/／:：]\s*|\s+)/gu, '文： ')
    .replace(/(^|\s)(文|图|作者)\s*[/／:：]\s*/gu, '$1$2： ')
    .replace(/(\p{Script=Han}{2,4})\s*[/／]\s*(文|图)(?=\s|$)/gu, '$2： $1');
}

/** Tokens of a line: runs without whitespace; padded single characters in a row paired (`李  纵` → `李纵`). */
function nameTokens(text: string): string[] {
  const raw = trimSpace(text).split(SPACE).filter((token) => token.length > 0);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i] as string;
    const next = raw[i + 1];
    if ([...token].length === 1 && next !== undefined && [...next].length <= 2 && /^\p{Script=Han}+$/u.test(token + next)) {
      out.push(token + next);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Names of a list `X、Y、Z` or `X Y Z` (padding spaces removed), keeping only tokens that read as names. */
export function namesIn(text: string): string[] {
  const out: string[] = [];
  for (const group of text.replace(/[：:]/gu, ' ').split(/[、，,；;和及]/u)) {
    for (const token of nameTokens(group)) {
      const name = token.replace(/^(?:[\p{Script=Han}]{0,12}?(?:记者|通讯员|评论员|实习生|特派员|执笔|参与采写)[：:]?)/u, '');
      if (name !== '' && /^\p{Script=Han}[\p{Script=Han}·]{0,7}$/u.test(name) && [...name].length >= 2 && [...name].length <= 5) out.push(name);
    }
  }
  return out;
}

/** Split a `·…·` byline's inner text into names: `陈馨 王铁荣` → `['陈馨', '王铁荣']`. */
export function splitNames(inner: string): string[] {
  return nameTokens(inner);
}

const DOT_NAME = String.raw`[^\s\u3000·。，,、；;：:！!？?“”"（）()]{1,6}`;
const DOT_NAMES = String.raw`${DOT_NAME}(?:\s+${DOT_NAME}){0,7}`;
const DOT_BYLINE = new RegExp(String.raw`^·\s*(${DOT_NAMES})\s*·$`, 'u');
const TRAILING_DOT_BYLINE = new RegExp(String.raw`^(.*\S)\s+(·\s*(${DOT_NAMES})\s*·)$`, 'u');

/**
 * Names of a line that is only a byline, or null. `·陈馨 王铁荣·` and `本报记者 王明峰 王玉磊` give their names;
 * `本报评论员` gives `[]`. Name-only lines (`王明峰  王玉磊`) count when they hold two names or more; a single
 * bare name is {@link parseNameLine}'s, since only its place tells it from a short subhead.
 */
export function parseBylineLine(line: string): string[] | null {
  if (line.length > 96) return null;
  const dot = DOT_BYLINE.exec(line);
  if (dot?.[1] !== undefined) return splitNames(dot[1]);
  if ([...line].length > 48 || /[。！？，,；;“”"《》]/u.test(line)) return null;
  const tokens = nameTokens(slashCredits(line.replace(/^[■●◆▲□○◎★☆]\s*/u, '')));
  if (tokens.length === 0) return null;
  let roles = 0;
  const names: string[] = [];
  // After a role word (本报记者), two to four characters are a name whatever the surname (`本报记者 巨云鹏`,
  // `本报记者 琼达卓嘎`).
  const hasRole = tokens.some((token) => ROLE.test(token));
  for (const token of tokens) {
    if (ROLE.test(token)) {
      roles++;
      continue;
    }
    // `记者王明峰`: a role glued to a name.
    const glued = /^([\p{Script=Han}]{0,12}?(?:记者|通讯员|评论员|实习生))[：:]?(\p{Script=Han}{2,4})$/u.exec(token);
    if (glued?.[2] !== undefined && looksLikeName(glued[2])) {
      roles++;
      names.push(glued[2]);
      continue;
    }
    if (!(looksLikeName(token) || (hasRole && /^\p{Script=Han}{2,4}$/u.test(token) && !/[组部室团员处]$/u.test(token))) || /摄$/u.test(token)) return null;
    names.push(token);
  }
  // (A byline without names is a role's, `本报评论员`; a slash credit names someone: `文/` alone is no byline.)
  const slashOnly = tokens.every((token) => !ROLE.test(token) || /^(?:文|图|文图|图文|作者)[：:]$/u.test(token));
  if (roles > 0) return names.length > 0 || !slashOnly ? names : null;
  // Without a role word, four characters are a name only after a compound surname (欧阳…): `胡同电暖  安享生活`
  // is a couplet subhead, not two people.
  if (names.some((name) => [...name].length >= 4 && !COMPOUND_SURNAMES.some((surname) => name.startsWith(surname)))) return null;
  return names.length >= 2 ? names : null;
}

/** A place that starts with a province-level name (`河南洛阳`, `北京朝阳`): how readers sign their letters. */
const PROVINCE_FIRST = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/u;

/** A reader's signature line, a place then a name (`山东诸城市  祝建波`, `北京朝阳  林  峰`): the name, or null. */
export function parsePlaceNameLine(line: string): string | null {
  if (line.length > 24) return null;
  const tokens = nameTokens(line);
  if (tokens.length !== 2) return null;
  const [place, name] = tokens as [string, string];
  if (!/^\p{Script=Han}{2,8}$/u.test(place) || !(/(?:省|市|县|区|州|旗|镇|乡|村|盟)$/u.test(place) || PROVINCE_FIRST.test(place))) return null;
  return looksLikeName(name) && [...name].length <= 3 ? name : null;
}

/** A single name alone on a line (`张陈明`, `阎  语`): a byline where it stands after a title or a text's end. */
export function parseNameLine(line: string): string | null {
  if (line.length > 16) return null;
  const tokens = nameTokens(line);
  if (tokens.length !== 1) return null;
  const name = tokens[0] as string;
  // A place or a body of water that starts like a surname (`张家港`, `黄山`, `洪湖`) is not a person.
  if (/[市县区镇乡村山河江湖港岛州省路街海]$/u.test(name)) return null;
  return [...name].length <= 3 && looksLikeName(name) ? name : null;
}

/**
 * The names of a credit's people (`新华社记者 岳月伟`, `杨玉岗  范长江`, `雒 圆`): role words dropped, every other
 * token a name of 2 to 4 Han characters (any surname: a credit's `摄` says they are people), or null.
 */
function creditNames(text: string): string[] | null {
  const names: string[] = [];
  for (const token of nameTokens(text)) {
    if (ROLE.test(token)) continue;
    const glued = /^[\p{Script=Han}]{0,12}?(?:记者|通讯员|实习生)[：:]?(\p{Script=Han}{2,4})$/u.exec(token);
    if (glued?.[1] !== undefined) names.push(glued[1]);
    else if (/^\p{Script=Han}[\p{Script=Han}·]{1,7}$/u.test(token) && [...token].length <= 5) names.push(token);
    else return null;
  }
  return names.length > 0 ? names : null;
}

/** Picture agencies credited without a name. */
const AGENCY = /^(?:影像中国|人民视觉|视觉中国|新华社发|新华社|资料图片|资料照片|CFP|东方IC|IC photo|中新社发|人民图片)$/u;
const CREDIT_SUFFIX = /[（(](?:影像中国|人民视觉|视觉中国|新华社发|人民图片|中新社发|资料图片|[^（）()]{1,12}供图|[^（）()]{1,12}提供)[）)]$/u;

/**
 * Photographers of a line that is only a photo credit, or null: `阚天峰摄` → `['阚天峰']`,
 * `新华社记者 岳海波摄` → `['岳海波']`, `杨子江  范文涛摄影报道（影像中国）` → two names, `勾  犇图  石  羚文` → two
 * names, `影像中国` → `[]`.
 */
export function parseCreditLine(line: string): string[] | null {
  if (line.length > 80 || [...line].length > 40) return null;
  if (AGENCY.test(line)) return [];
  const text = line.replace(CREDIT_SUFFIX, '');
  if (AGENCY.test(text)) return [];
  const photo = /^(.*?)\s*(?:摄影报道|摄影|摄)$/u.exec(text);
  if (photo?.[1] !== undefined && photo[1] !== '') return creditNames(photo[1]);
  // (The artist's agency may stand between: `徐  骏图（新华社发）  苏  砥文`.)
  const drawn = /^(.+?)\s*图\s*(?:[（(][^（）()]{2,8}[）)])?\s*(.+?)\s*文$/u.exec(text);
  if (drawn?.[1] !== undefined && drawn[2] !== undefined) {
    const a = drawn[1].replace(SPACE, '');
    const b = drawn[2].replace(SPACE, '');
    if (/^\p{Script=Han}{2,4}$/u.test(a) && /^\p{Script=Han}{2,4}$/u.test(b)) return [a, b];
  }
  if (/供图$/u.test(text) && [...text].length <= 30) return [];
  // A cartoon's or a drawing's artist (`王小川作（新华社发）`, `X绘`): a name alone before 作 or 绘.
  const artist = artistOf(text);
  if (artist !== null) return [artist];
  if (/^(?:资料图片?|资料照片|档案照片)$/u.test(text)) return [];
  // A credit that names the photographer after a colon or a slash (`剧照摄影：刘海栋`, `摄影：X Y`, `图/X`, `摄/X`).
  const after = /^(?:剧照|图片|本版图片|本版)?(?:摄影|摄|图)\s*[：:/／]\s*(.+)$/u.exec(text);
  if (after?.[1] !== undefined) return creditNames(after[1]);
  // Text and pictures by one reporter (`本报驻美国记者  高  石文并图`, `记者 王明峰文/图`).
  const both = /^(.*?)\s*(?:文并图|文\/图|图\/文|图文)$/u.exec(text);
  if (both?.[1] !== undefined && both[1] !== '') return creditNames(both[1]);
  return null;
}

/** The artist of a drawing's credit, the agency taken off (`朱慧卿作`, `李  晓绘`), or null. */
function artistOf(text: string): string | null {
  const artist = /^(\p{Script=Han}[\p{Script=Han}\s\u00a0\u3000]{1,7}?)\s*(?:作|绘|绘图)$/u.exec(text);
  const name = artist?.[1]?.replace(SPACE, '');
  return name !== undefined && looksLikeName(name) ? name : null;
}

/**
 * True for a credit line of a drawing or a cartoon, not a photo (`王小川作（新华社发）`): its artist is a byline of the
 * item, not its photographer (see parseCreditLine).
 */
export function isDrawingCredit(line: string): boolean {
  if (line.length > 80 || [...line].length > 40) return false;
  return artistOf(line.replace(CREDIT_SUFFIX, '')) !== null;
}

/** True for a graphic, design or page credit (`制图：郭 祥`, `版式设计：蔡华伟`, `数据来源：…`, `责编：X`). */
export function isGraphicCredit(line: string): boolean {
  if ([...line].length > 60) return false;
  if (/^(?:本版|本期)?(?:(?:制图|版式设计|版式|数据来源|图片来源|资料来源|资料整理|责编|责任编辑|编辑|美编|校对|图表|插图|漫画|设计|统筹|策划|整理|稿件统筹|组稿)[、/]?)+\s*[：:]/u.test(line)) return true;
  // Where the pictures come from (`图片均由南通博物苑提供`).
  if (/^(?:本版)?(?:图片|照片|资料图片)(?:均|皆)?由.{2,30}提供$/u.test(line)) return true;
  // Page furniture: a column's mailbox, a code to scan.
  return /^(?:栏目|本栏|本版)?投稿邮箱[：:]|^来稿请寄[：:]|扫描(?:二维码|下方二维码)|扫码(?:观看|阅读)/u.test(line);
}

/**
 * True for a tail that says the article goes on elsewhere: `（下转第二版）`, `（转A3版）`, `（未完）`, `（未完待续）`, `（待续）`,
 * and their Traditional forms (`（下轉第二版）`, `（未完待續）`).
 */
export function isContinuationMark(line: string): boolean {
  return /^[（(]\s*(?:下?[转轉]第?.{1,4}版|未完|待[续續]|未完待[续續])\s*[）)]$/u.test(line.trim());
}

/**
 * The names of a tail, a line wholly in parentheses that closes or annotates an article, or null when the line is
 * not one: `（新华社北京2月24日电  记者廖君、冯国栋）` → two names, `（作者为…）` → `[]`, `（欧阳洁）` → `['欧阳洁']`.
 * Other parenthesised lines (`（注：…）`) are text: null.
 */
export function parseTail(line: string): string[] | null {
  if (line.length > 1000 || !/^[（(]/u.test(line)) return null;
  const match = /^[（(](.+)[）)]$/u.exec(line);
  if (match?.[1] === undefined || /[（(].*[）)].*[（(]/u.test(match[1])) return null;
  const inner = trimSpace(match[1]);
  if (/^(?:本报|新华社|据|中新社|人民网|央视|光明日报|经济日报)[^。]{0,60}?电(?:\s|$)/u.test(inner) || /^[^。]{0,40}?电$/u.test(inner)) {
    const after = inner.replace(/^[^。]{0,60}?电/u, '');
    return namesIn(after.replace(/执笔记者|执笔|参与采写|记者/gu, ' '));
  }
  if (/^(?:作者|本文作者)/u.test(inner)) {
    // The names after the last role word (`本报驻肯尼亚记者景文、黄海鹰采访整理`), or after 本报.
    const interviewed = /.*记者\s*([\p{Script=Han}、\s]{2,30}?)(?:采访)?整理/u.exec(inner) ?? /本报\s*([\p{Script=Han}、\s]{2,30}?)(?:采访)?整理/u.exec(inner);
    return interviewed?.[1] !== undefined ? namesIn(interviewed[1]) : [];
  }
  if (/(?:采访整理|整理|参与采写|采写|执笔)$/u.test(inner) || /^(?:执笔|记者|本报记者|新华社记者)/u.test(inner)) {
    return namesIn(inner.replace(/(?:采访整理|整理|参与采写|采写)$/u, '').replace(/执笔记者|执笔|参与采写|本报记者|新华社记者|记者|[：:]/gu, ' '));
  }
  if (/对本文(?:亦)?有(?:所)?贡献$/u.test(inner)) return namesIn(inner.replace(/对本文.*$/u, '').replace(/实习生|记者|通讯员/gu, ' '));
  if (/^综合[^。]{2,40}报道$/u.test(inner) && !/记者/u.test(inner)) return namesIn(inner.replace(/^综合|报道$/gu, ' '));
  if (/^(?:综合|据)?.{0,4}(?:本报|新华社)?记者(?:.{2,40}|[\p{Script=Han}、，\s]{2,240})报道$/u.test(inner)) return namesIn(inner.replace(/^(?:综合|据)?(?:本报|新华社)?记者|报道$/gu, ' '));
  if (/^(?:摘编自|摘自|选自|转载自|来源|原载|据|本文|节选|编者注)|来源[：:]|节选自|^(?:相关报道|详细报道|更多报道)?见(?:本报)?第?.{1,4}版/u.test(inner)) return [];
  if (isContinuationMark(line) || /(?:本系列|系列报道|本专栏).{0,12}(?:结束|完)$|^完$|^上[转轉]第?.{1,4}版$|^[上下]接第?.{1,4}版$/u.test(inner)) return [];
  // A promulgation note (`（2019年2月1日…通过）`), or a law's history of adoptions and amendments, however long, that
  // opens with its first date (`（1980年9月10日…通过  根据…第七次修正）`).
  if (/(?:通过|发布|公布|施行|修正|修订)$/u.test(inner) && /\d|〇|年/u.test(inner) && ([...inner].length <= 80 || /^[\d〇一二三四五六七八九十]{4}年[\d〇一二三四五六七八九十]{1,2}月[\d〇一二三四五六七八九十]{1,3}日/u.test(inner))) return [];
  const names = namesIn(inner);
  if (names.length > 0 && names.every(looksLikeName) && names.join('').length + 2 >= inner.replace(/[、，,\s]/gu, '').length) return names;
  // An author's credit: a post, then the name set apart (`（上海商学院教授 周 勇）`), or a pen name alone (`（嘉 木）`).
  const signed = authorCredit(inner);
  return signed === null ? null : [signed];
}

/** The name of an author's credit inside a tail's parentheses (see {@link parseTail}), or null. */
function authorCredit(inner: string): string | null {
  const tokens = inner.split(SPACE).filter((token) => token.length > 0);
  if (tokens.length < 2 || [...inner].length > 32) return null;
  // The name: the last tokens, one or two characters each, two to four in all (`周 勇` → 周勇).
  let k = tokens.length;
  let name = '';
  while (k > 0 && /^\p{Script=Han}{1,3}$/u.test(tokens[k - 1] as string) && [...(tokens[k - 1] as string) + name].length <= 4) {
    name = (tokens[k - 1] as string) + name;
    k--;
    if ([...(tokens[k] as string)].length >= 2) break;
  }
  if ([...name].length < 2 || /^(?:上图|下图|左图|右图|图片|全文|完)$/u.test(name)) return null;
  const post = tokens.slice(0, k).join('');
  if (post === '') return tokens.every((token) => [...token].length === 1) ? name : null;
  return /(?:员|长|授|家|师|者|任|书记|主席|委员|院士|代表|总裁|经理|主编|学者)$/u.test(post) && /^\p{Script=Han}[\p{Script=Han}（）()·]{1,24}$/u.test(post) ? name : null;
}

/** True for a date line closing a letter or a document (`2019年1月21日`, `二〇一九年一月二十一日`, `写于乌兰巴托`). */
export function isDateLine(line: string): boolean {
  const text = line.replace(SPACE, '');
  // Also where (and when) a letter was written, under its signature (`写于肯尼亚首都内罗毕`).
  return /^(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日$/u.test(text) || /^[（(]?(?:写于|作于|记于)[^。！？，,]{2,24}[）)]?$/u.test(text);
}

/** True for an attribution line (`——编  者`, `——某某`), which signs what stands above it. */
export function isAttribution(line: string): boolean {
  if (line.length > 80) return false;
  return /^(?:——|—|--)\s*\S/u.test(line) && !endsSentence(line) && [...line].length <= 40;
}

/**
 * True when a paragraph opens with a dateline or 本报讯 (`本报北京2月11日电`, `新华社…电`, `据新华社…电`, `本报讯`):
 * the first paragraph of an article's text, never a deck or a title line.
 */
export function opensWithDateline(paragraph: string): boolean {
  return /^(?:据)?(?:本报|新华社|中新社|人民网|新华网|央视|光明日报|经济日报)[^，。]{0,24}?(?:电|讯)/u.test(paragraph);
}

/**
 * Names in a paragraph's opening dateline or 本报讯 (`本报北京2月11日电 （记者X、Y）…`, `本报讯（记者 X 通讯员 Y）…`,
 * `新华社北京2月11日电（记者X）…`, `新华社电 （记者周楠）…`), or `[]`.
 */
export function openingNames(paragraph: string): string[] {
  const match = /^(?:据)?(?:本报|新华社|中新社|人民网|新华网|央视|光明日报|经济日报)[^，。（(]{0,24}?(?:电|讯)\s*[（(]([^）)]{2,60})[）)]/u.exec(paragraph);
  // Without parentheses, the names between 本报讯 and the text, each after its role word (`本报讯 记者王明峰 通讯员李四 近日，`).
  const bare = match === null ? /^本报[^，。（(\s]{0,8}讯[\s\u3000]+((?:(?:本报)?(?:记者|通讯员|实习生)[\s\u3000]*\p{Script=Han}{2,4}[\s\u3000]+){1,4})/u.exec(paragraph) : null;
  const inner = match?.[1] ?? bare?.[1];
  if (inner === undefined) return [];
  return namesIn(inner.replace(/本报记者|新华社记者|通讯员|实习生|记者/gu, ' '));
}

/**
 * A paragraph with a `·…·` byline appended after a space (`…阻击战。 ·黄艳鸣 杜俊烨·`):
 * `{ text: '…阻击战。', mark: '·黄艳鸣 杜俊烨·', names: [...] }`, or null. The text before must end a sentence, so
 * a middle dot inside a sentence is never taken for a byline.
 */
export function splitTrailingByline(line: string): { text: string; mark: string; names: string[] } | null {
  if (!line.endsWith('·')) return null;
  const match = TRAILING_DOT_BYLINE.exec(line);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined || !endsSentence(match[1])) return null;
  return { text: match[1], mark: match[2], names: splitNames(match[3]) };
}

/**
 * A caption with its photo credit appended after a space (`…戏水。 阚天峰摄`, `…戏水。 新华社记者 X摄`):
 * `{ text, mark, names }`, or null. The text before must end a sentence.
 */
export function splitTrailingCredit(line: string): { text: string; mark: string; names: string[] } | null {
  if (!/(?:摄|摄影|摄影报道|[）)])$/u.test(line)) return null;
  const match = /^(.*[。！？!?…”」）)])\s+([^。！？!?]{1,30}?(?:摄影报道|摄|摄影)(?:[（(][^（）()]{1,12}[）)])?)$/u.exec(line);
  if (match?.[1] === undefined || match[2] === undefined || !endsSentence(match[1])) return null;
  const names = parseCreditLine(match[2]);
  return names === null ? null : { text: match[1], mark: match[2], names };
}
