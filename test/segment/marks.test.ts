/**
 * The lines around an article's text, one convention a case, with the exact names each gives
 * (src/segment/marks.ts), and the same conventions on small pages (src/segment/segment-page.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isAttribution,
  isDateLine,
  isGraphicCredit,
  openingNames,
  parsePlaceNameLine,
  parseBylineLine,
  parseCreditLine,
  parseNameLine,
  parseTail,
  splitTrailingByline,
  splitTrailingCredit,
} from '../../src/segment/marks.js';
import { segmentPage } from '../../src/segment/segment-page.js';
import { checkNothingLost } from '../../src/segment/source-characters.js';

test('byline lines in every form give their names; other short lines give none', () => {
  assert.deepEqual(parseBylineLine('·陈馨 王铁荣·'), ['陈馨', '王铁荣']);
  assert.deepEqual(parseBylineLine('本报记者  王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('本报记者 王明峰 王玉磊'), ['王明峰', '王玉磊']);
  assert.equal(parseBylineLine('高楼供暖\u00a0温馨过冬'), null);
  assert.deepEqual(parseBylineLine('本报记者\u00a0巨海鹏'), ['巨海鹏']);
  assert.deepEqual(parseBylineLine('本报记者 次仁卓嘎'), ['次仁卓嘎']);
  // Slash credits of text and pictures, and a bullet before the byline, as many papers print them.
  assert.deepEqual(parseBylineLine('文/王明峰 图/李四'), ['王明峰', '李四']);
  assert.deepEqual(parseBylineLine('文 / 王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('文/图 王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('文·图/王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('王明峰/文 李四/图'), ['王明峰', '李四']);
  assert.deepEqual(parseBylineLine('作者：王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('撰文 王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('■本报记者 王明峰'), ['王明峰']);
  assert.equal(parseBylineLine('图/新春走基层'), null);
  assert.equal(parseBylineLine('文化/旅游'), null);
  assert.equal(parseBylineLine('图文直播'), null);
  assert.equal(parseBylineLine('文图并茂'), null);
  assert.equal(parseBylineLine('文/'), null);
  assert.deepEqual(parseBylineLine('图文 王明峰'), ['王明峰']);
  assert.deepEqual(parseBylineLine('本报评论员'), []);
  assert.equal(parseBylineLine('记者 采访组'), null);
  assert.deepEqual(parseBylineLine('欧阳洁  王明峰'), ['欧阳洁', '王明峰']);
  assert.deepEqual(parseBylineLine('本报驻肯尼亚记者 景文'), ['景文']);
  assert.deepEqual(parseBylineLine('记者 张三 通讯员 李四'), ['张三', '李四']);
  assert.deepEqual(parseBylineLine('人民网记者  闫  明  本报记者  姚雪梅'), ['闫明', '姚雪梅']);
  assert.deepEqual(parseBylineLine('何思远 本报评论员'), ['何思远']);
  assert.deepEqual(parseBylineLine('本报评论员'), []);
  assert.deepEqual(parseBylineLine('李  纵  罗  婕'), ['李纵', '罗婕']);
  assert.deepEqual(parseBylineLine('王明峰\u00a0\u00a0王玉磊'), ['王明峰', '王玉磊']);
  // Headlines and subheads of short words are not names: their first characters are no surnames.
  assert.equal(parseBylineLine('价格稳 品种多 供应足'), null);
  assert.equal(parseBylineLine('督查指导在线'), null);
  assert.equal(parseNameLine('张陈明'), '张陈明');
  assert.equal(parseNameLine('阎  语'), '阎语');
  assert.equal(parseNameLine('突破'), null);
  assert.equal(parseNameLine('张家港'), null);
  assert.equal(parseNameLine('黄山'), null);
  assert.equal(parsePlaceNameLine('山东诸城市\u00a0\u00a0祝海波'), '祝海波');
  assert.equal(parsePlaceNameLine('北京朝阳  林  峰'), '林峰');
  assert.equal(parsePlaceNameLine('民俗活动 添欢乐'), null);
  assert.equal(parsePlaceNameLine('河南洛阳  邓明洪'), '邓明洪');
  assert.equal(parsePlaceNameLine('河南洛阳  老城区'), null);
});

test('photo, agency and graphic credits', () => {
  assert.deepEqual(parseCreditLine('阚天峰摄'), ['阚天峰']);
  assert.deepEqual(parseCreditLine('王小川作（新华社发）'), ['王小川']);
  assert.deepEqual(parseCreditLine('图/王明峰'), ['王明峰']);
  assert.deepEqual(parseCreditLine('摄影/王明峰'), ['王明峰']);
  assert.deepEqual(parseCreditLine('资料图片'), []);
  assert.equal(parseCreditLine('图/李四 文/王明峰'), null);
  assert.deepEqual(parseCreditLine('李  晓绘'), ['李晓']);
  assert.equal(parseCreditLine('精心创作'), null);
  assert.deepEqual(parseCreditLine('新华社记者 岳海波摄'), ['岳海波']);
  assert.deepEqual(parseCreditLine('罗云飞摄（影像中国）'), ['罗云飞']);
  assert.deepEqual(parseCreditLine('雒\u00a0圆摄（新华社发）'), ['雒圆']);
  assert.deepEqual(parseCreditLine('杨子江  范文涛摄影报道（影像中国）'), ['杨子江', '范文涛']);
  assert.deepEqual(parseCreditLine('勾  犇图  石  羚文'), ['勾犇', '石羚']);
  assert.deepEqual(parseCreditLine('影像中国'), []);
  assert.deepEqual(parseCreditLine('新华社发'), []);
  assert.equal(parseCreditLine('他们在河边拍摄'), null);
  assert.equal(isGraphicCredit('制图：郭  祥'), true);
  assert.equal(isGraphicCredit('版式、制图：沈亦伶'), true);
  assert.equal(isGraphicCredit('编辑：王五'), true);
  assert.equal(isGraphicCredit('数据来源：国家统计局'), true);
  assert.equal(isGraphicCredit('制图的人很辛苦。'), false);
  assert.equal(isGraphicCredit('资料整理：孟  华  张佳怡'), true);
  assert.equal(isGraphicCredit('栏目投稿邮箱：yxxz8494@163.com'), true);
  assert.equal(isGraphicCredit('观看视频，请用手机扫描二维码'), true);
  assert.equal(isGraphicCredit('稿件统筹：汪晓明\u00a0张\u00a0炜'), true);
  assert.equal(isGraphicCredit('图片均由南通博物苑提供'), true);
  assert.equal(isGraphicCredit('来稿请寄：rmrbpl@163.com'), true);
  assert.deepEqual(parseCreditLine('本报驻美国记者\u00a0高\u00a0原文并图'), ['高原']);
  assert.deepEqual(parseCreditLine('剧照摄影：刘海峰'), ['刘海峰']);
  assert.deepEqual(parseCreditLine('徐\u00a0\u00a0宁图（新华社发）\u00a0\u00a0苏\u00a0\u00a0岩文'), ['徐宁', '苏岩']);
  assert.equal(parseCreditLine('摄影师说，今天很冷'), null);
});

test('tails, signatures and dates', () => {
  assert.deepEqual(parseTail('（本报北京2月11日电）'), []);
  assert.deepEqual(parseTail('（新华社北京2月24日电\u00a0\u00a0记者廖明、冯建华）'), ['廖明', '冯建华']);
  assert.deepEqual(parseTail('（本报记者  侯文良  张  翔整理）'), ['侯文良', '张翔']);
  assert.deepEqual(parseTail('（徐亮、刘宁、雷涛、张海燕参与采写）'), ['徐亮', '刘宁', '雷涛', '张海燕']);
  assert.deepEqual(parseTail('（执笔：韩明祥）'), ['韩明祥']);
  assert.deepEqual(parseTail('（新华社北京1月31日电\u00a0执笔记者：史文杰、丁晓雨；参与采写：吴海涛、张静怡）'), ['史文杰', '丁晓雨', '吴海涛', '张静怡']);
  assert.deepEqual(parseTail('（作者为南通大学经济学院副院长）'), []);
  assert.deepEqual(parseTail('（作者为江海港口机械制造股份有限公司总经理助理，本报驻肯尼亚记者景文、黄海鹰采访整理）'), ['景文', '黄海鹰']);
  assert.deepEqual(parseTail('（欧阳明）'), ['欧阳明']);
  assert.deepEqual(parseTail('（原海雄\u00a0\u00a0王\u00a0\u00a0涛\u00a0\u00a0高\u00a0\u00a0峰）'), ['原海雄', '王涛', '高峰']);
  assert.deepEqual(parseTail('（综合本报记者赵佳音、陆明远、贺军报道）'), ['赵佳音', '陆明远', '贺军']);
  assert.deepEqual(parseTail('（稿件来源：人民日报中央厨房）'), []);
  assert.deepEqual(parseTail('（相关报道见第六版）'), []);
  assert.deepEqual(parseTail('（综合范晓天、祝明伟、郭勇报道）'), ['范晓天', '祝明伟', '郭勇']);
  assert.deepEqual(parseTail('（实习生李文博对本文亦有贡献）'), ['李文博']);
  assert.deepEqual(parseTail('（本文节选自作者在全市政法工作会议上的讲话）'), []);
  assert.deepEqual(parseTail('（下转第三版）'), []);
  assert.deepEqual(parseTail('（本系列评论到此结束）'), []);
  assert.equal(parseTail('（注：数据截至去年底。）'), null);
  assert.deepEqual(parseTail('（江海职业学院教授\u00a0周\u00a0勇）'), ['周勇']);
  assert.deepEqual(parseTail('（某金融研究院研究员\u00a0\u00a0付一凡）'), ['付一凡']);
  assert.deepEqual(parseTail('（嘉\u00a0木）'), ['嘉木']);
  assert.equal(parseTail('（上\u00a0图）'), null);
  assert.equal(parseTail('（数据来源 国家统计局）'), null);
  assert.equal(isDateLine('2019年1月21日'), true);
  assert.equal(isDateLine('二〇一九年一月二十一日'), true);
  assert.equal(isDateLine('写于肯尼亚首都内罗毕'), true);
  assert.equal(isDateLine('写于内罗毕，寄给家乡'), false);
  assert.equal(isAttribution('——编  者'), true);
});

test('names in an opening dateline or 本报讯, and marks appended to a paragraph', () => {
  assert.deepEqual(openingNames('本报北京2月11日电  （记者李心怡、王珂）统计部门发布…'), ['李心怡', '王珂']);
  assert.deepEqual(openingNames('本报讯（记者 张三 通讯员 李四）海安市…'), ['张三', '李四']);
  assert.deepEqual(openingNames('本报讯 记者王明峰 通讯员李四 近日，海安市…'), ['王明峰', '李四']);
  assert.deepEqual(openingNames('本报讯 近日，海安市记者协会…'), []);
  assert.deepEqual(openingNames('新华社北京2月11日电\u00a0（记者吴静）…'), ['吴静']);
  assert.deepEqual(openingNames('本报记者张三日前获悉…'), []);
  assert.deepEqual(splitTrailingByline('…打赢防疫阻击战。 ·黄艳鸣 杜俊烨·'), { text: '…打赢防疫阻击战。', mark: '·黄艳鸣 杜俊烨·', names: ['黄艳鸣', '杜俊烨'] });
  assert.deepEqual(splitTrailingCredit('市民在河道公园戏水。 新华社记者 方喆摄'), { text: '市民在河道公园戏水。', mark: '新华社记者 方喆摄', names: ['方喆'] });
  assert.equal(splitTrailingCredit('他说：“我们摄"'), null);
});

/** Segment blocks joined by blank lines; nothing may be lost. */
function segment(blocks: string[]) {
  const text = blocks.join('\n\n');
  const result = segmentPage({ file: 'seeds/case.txt', text, firstLine: 1 });
  assert.deepEqual(checkNothingLost({ file: 'seeds/case.txt', text }, result.items), []);
  return result.items.map((item) => ({
    kind: item.kind,
    title: [item.kicker, item.headline, item.subheadline],
    parts: item.body.map((part) => `${part.type}:${part.text}`),
    bylines: item.bylines,
    photoCredit: item.photoCredit,
  }));
}

test('a byline line under the title, a dateline and a tail: names from all three, none counted as text', () => {
  assert.deepEqual(segment(['新春走基层', '本报记者 王明峰', '本报北京2月11日电 （记者李心怡）春运开始了。', '旅客们踏上归途。', '（本报记者 宋文新采访整理）']), [
    {
      kind: 'article',
      title: [null, '新春走基层', null],
      parts: ['byline:本报记者 王明峰', 'paragraph:本报北京2月11日电 （记者李心怡）春运开始了。', 'paragraph:旅客们踏上归途。', 'tail:（本报记者 宋文新采访整理）'],
      bylines: ['王明峰', '李心怡', '宋文新'],
      photoCredit: null,
    },
  ]);
});

test('a deck under the title is not a paragraph; a tail ends the article, so the next title opens an item', () => {
  assert.deepEqual(segment(['春耕由南向北次第铺开', '各地抓住有利时机，加快春耕备耕进度', '眼下，春耕正由南向北展开。', '（本报北京2月11日电）', '元宵灯会今晚开幕', '灯会将持续十天。']), [
    {
      kind: 'article',
      title: [null, '春耕由南向北次第铺开', null],
      parts: ['deck:各地抓住有利时机，加快春耕备耕进度', 'paragraph:眼下，春耕正由南向北展开。', 'tail:（本报北京2月11日电）'],
      bylines: [],
      photoCredit: null,
    },
    { kind: 'article', title: [null, '元宵灯会今晚开幕', null], parts: ['paragraph:灯会将持续十天。'], bylines: [], photoCredit: null },
  ]);
});

test('a titled photo with an agency credit is a photo item; 广告 is an item of its own', () => {
  assert.deepEqual(segment(['照亮归乡的路', '春节临近，车站客流一天比一天多。', '新华社记者 方喆摄', '广告', '看变化，听心声', '——再访去年走过的村庄', '问冷暖，听民声。']), [
    { kind: 'photo', title: [null, '照亮归乡的路', null], parts: ['paragraph:春节临近，车站客流一天比一天多。', 'credit:新华社记者 方喆摄'], bylines: [], photoCredit: '方喆' },
    { kind: 'article', title: [null, '广告', null], parts: [], bylines: [], photoCredit: null },
    { kind: 'article', title: [null, '看变化，听心声', '——再访去年走过的村庄'], parts: ['paragraph:问冷暖，听民声。'], bylines: [], photoCredit: null },
  ]);
});

test('a letter: the signature and date lines are not paragraphs', () => {
  assert.deepEqual(segment(['致全市志愿者的一封信', '志愿者朋友们：', '感谢你们的付出。', '南通市志愿者协会', '2021年8月18日']), [
    {
      kind: 'article',
      title: [null, '致全市志愿者的一封信', null],
      parts: ['paragraph:志愿者朋友们：', 'paragraph:感谢你们的付出。', 'signature:南通市志愿者协会', 'signature:2021年8月18日'],
      bylines: [],
      photoCredit: null,
    },
  ]);
});

test('hard-wrapped lines of one block are one paragraph: CJK joined with nothing, Latin words with a space', () => {
  const text = '标题\n\n第一行没有写完\n接着写完了。\n\nNew\nYork 的记者也来了。\n·赵六·';
  const { items } = segmentPage({ file: 'seeds/case.txt', text, firstLine: 1 });
  assert.deepEqual(items.map((item) => item.body.map((part) => `${part.type}:${part.text}:${part.lines.join('-')}`)), [
    ['paragraph:第一行没有写完接着写完了。:3-4', 'paragraph:New York 的记者也来了。:6-7', 'byline:·赵六·:8-8'],
  ]);
  assert.deepEqual(checkNothingLost({ file: 'seeds/case.txt', text }, items), []);
});

test('check says why an item starts where it does', () => {
  const text = ['第一篇标题', '昨天,市民在河道公园戏水。', '第二篇标题', '本报讯（记者 张三）海安市纪委监委出台督查方案。'].join('\n\n');
  const { items } = segmentPage({ file: 'seeds/case.txt', text, firstLine: 1 });
  assert.equal(items[0]?.opening, 'line 1: title lines at the top of the page');
  assert.match(items[1]?.opening ?? '', /^line 5: title lines read as a new title, not a subhead \(score \d+\.\d\d: .*datelineAfter \+\d+\.\d\d/);
});

test('inside the text, a line ending in a colon or a dash before a paragraph is the lead-in of that paragraph, counted', () => {
  assert.deepEqual(segment(['南粤文化的宝盒', '广东省博物馆是岭南文化的宝库。', '馆藏特色：', '端砚、潮州木雕和广彩瓷器最为有名。', '“最美职工”李明亮天天早起——', '供电所的李明亮每天五点出门巡线。']), [
    {
      kind: 'article',
      title: [null, '南粤文化的宝盒', null],
      parts: ['paragraph:广东省博物馆是岭南文化的宝库。', 'paragraph:馆藏特色：', 'paragraph:端砚、潮州木雕和广彩瓷器最为有名。', 'paragraph:“最美职工”李明亮天天早起——', 'paragraph:供电所的李明亮每天五点出门巡线。'],
      bylines: [],
      photoCredit: null,
    },
  ]);
});

test('a short line ending in …… above a title is its kicker', () => {
  assert.deepEqual(segment(['上一篇的标题', '上一篇的正文。', '（本报北京2月11日电）', '贴窗花、挂灯笼、逛庙会……', '年味儿藏在老手艺里', '春节里，人们用各自的方式过年。']).at(-1), {
    kind: 'article',
    title: ['贴窗花、挂灯笼、逛庙会……', '年味儿藏在老手艺里', null],
    parts: ['paragraph:春节里，人们用各自的方式过年。'],
    bylines: [],
    photoCredit: null,
  });
});

test('a number cut from its unit by a column end is joined again', () => {
  assert.deepEqual(segment(['老兵的故事', '他在工程兵部队服役，1980', '年退役。']), [
    { kind: 'article', title: [null, '老兵的故事', null], parts: ['paragraph:他在工程兵部队服役，1980年退役。'], bylines: [], photoCredit: null },
  ]);
});
