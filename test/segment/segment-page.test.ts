/**
 * Segmentation rules on small pages, one rule a case, with exact expected items.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentPage, type SegmentOptions } from '../../src/segment/segment-page.js';
import { checkNothingLost } from '../../src/segment/source-characters.js';
import { Jieba } from '../../src/places/jieba.js';

const { spansJoin } = new Jieba();

function segment(lines: string[], options: SegmentOptions = {}) {
  const text = lines.join('\n\n');
  const result = segmentPage({ file: 'seeds/case.txt', text, firstLine: 1 }, options);
  assert.deepEqual(checkNothingLost({ file: 'seeds/case.txt', text }, result.items), [], 'nothing lost');
  return {
    items: result.items.map((item) => ({
      kind: item.kind,
      kicker: item.kicker,
      headline: item.headline,
      subheadline: item.subheadline,
      // Paragraphs and subheads; byline lines, credits, tails and the rest are body parts of their own (marks).
      body: item.body.filter((part) => part.type === 'paragraph' || part.type === 'subhead').map((part) => `${part.type === 'subhead' ? '## ' : ''}${part.text}`),
      bylines: item.bylines,
      photoCredit: item.photoCredit,
      continued: item.continued,
      sourceLines: item.sourceLines,
    })),
    warnings: result.diagnostics.map((d) => `${d.line}: ${d.rule}`),
  };
}

const base = { kicker: null, subheadline: null, bylines: [], photoCredit: null, continued: false };

test('a line starting with —— under the headline is a subheadline', () => {
  const { items } = segment(['南通港吞吐量创新高', '——前三季度同比增长12%', '记者从港口集团获悉,吞吐量创新高。', '·王五·']);
  assert.deepEqual(items, [{ ...base, kind: 'article', headline: '南通港吞吐量创新高', subheadline: '——前三季度同比增长12%', body: ['记者从港口集团获悉,吞吐量创新高。'], bylines: ['王五'], sourceLines: [1, 7] }]);
});

test('a couplet over a plain line is a kicker over the headline', () => {
  const { items } = segment(['种稻种出好收成 养鱼养来好光景', '临河村丰收记', '运河，在村子东头绕了一个大弯。']);
  assert.deepEqual([items[0]?.kicker, items[0]?.headline, items[0]?.subheadline], ['种稻种出好收成 养鱼养来好光景', '临河村丰收记', null]);
});

test('a second line that gives the figures of the first is its subheadline', () => {
  const { items } = segment(['南通再取消18项企业办事证明', '累计精简比例达65%', '南通市日前公布第二批取消的证明事项。']);
  assert.deepEqual([items[0]?.kicker, items[0]?.headline, items[0]?.subheadline], [null, '南通再取消18项企业办事证明', '累计精简比例达65%']);
});

test('a clause with commas over a line with figures is a kicker', () => {
  const { items } = segment(['服务下沉打通办事堵点，数据共享提升审批效率', '政务大厅3个月办结100万件', '政务大厅启用以来，办件量增多。']);
  assert.deepEqual([items[0]?.kicker, items[0]?.headline, items[0]?.subheadline], ['服务下沉打通办事堵点，数据共享提升审批效率', '政务大厅3个月办结100万件', null]);
});

test('two unmarked header lines default to kicker + headline', () => {
  const { items } = segment(['九华镇纪委前移监督关口', '延伸监督触角 筑牢拒腐防线', '近日,九华镇纪委开展纪律教育。']);
  assert.equal(items[0]?.kicker, '九华镇纪委前移监督关口');
  assert.equal(items[0]?.headline, '延伸监督触角 筑牢拒腐防线');
});

test('three header lines are kicker, headline and subheadline', () => {
  const { items } = segment(['围绕重点人员、场所和部门', '海安建立防疫大督查机制', '——成立3个综合督查组', '日前,海安市纪委监委出台督查方案。']);
  assert.deepEqual([items[0]?.kicker, items[0]?.headline, items[0]?.subheadline], ['围绕重点人员、场所和部门', '海安建立防疫大督查机制', '——成立3个综合督查组']);
});

test('a caption with its credit on the same line is a photo', () => {
  const { items } = segment(['·甲乙·'.replace('·甲乙·', '题目'), '正文一句。', '·甲乙·', '昨天,市民在河道公园戏水。 阚天峰摄']);
  assert.deepEqual(items[1], { ...base, kind: 'photo', headline: null, body: ['昨天,市民在河道公园戏水。'], photoCredit: '阚天峰', sourceLines: [7, 7] });
});

test('text before the first headline is published as unsorted text, with a warning', () => {
  const { items, warnings } = segment(['接上一版的文字到此结束。', '新的标题', '正文。']);
  assert.equal(items[0]?.kind, 'unsorted');
  assert.deepEqual(items[0]?.body, ['接上一版的文字到此结束。']);
  assert.equal(items[1]?.headline, '新的标题');
  assert.deepEqual(warnings, ['1: segment/no-headline']);
});

test('an article without a byline ends where a two-line header opens text with a dateline', () => {
  const { items } = segment(['第一篇引题', '第一篇标题', '昨天,市民在河道公园戏水。', '第二篇引题', '第二篇标题', '本报讯（记者 张三 通讯员 李四）海安市纪委监委出台督查方案。', '·赵六·']);
  assert.deepEqual(items.map((i) => [i.kicker, i.headline, i.body, i.bylines]), [
    ['第一篇引题', '第一篇标题', ['昨天,市民在河道公园戏水。'], []],
    ['第二篇引题', '第二篇标题', ['本报讯（记者 张三 通讯员 李四）海安市纪委监委出台督查方案。'], ['张三', '李四', '赵六']],
  ]);
});

test('one short line inside an article is a subhead', () => {
  // The text on both sides is about one thing (the boundary score reads the words around the line).
  const first = '崇川区人大常委会领导深入防疫一线督查。';
  const second = '崇川区人大常委会主任一行来到狼山镇督查防疫。';
  const { items } = segment(['标题', first, '督查指导在线', second, '·赵六·']);
  assert.deepEqual(items[0]?.body, [first, '## 督查指导在线', second]);
});

test('a long line that stops mid-sentence is joined to the next with nothing added', () => {
  const { items } = segment(['标题', '第一段。', '常委会领导多次采取“四不两直”的方式,深入挂钩街道及相关社区等防疫一线,详细了解人员排查', '和消毒防疫情况。']);
  assert.deepEqual(items[0]?.body, ['第一段。', '常委会领导多次采取“四不两直”的方式,深入挂钩街道及相关社区等防疫一线,详细了解人员排查和消毒防疫情况。']);
});

test('a short fragment that ends mid-word is joined when jieba puts a word across the join', () => {
  const first = '机关干部到挂钩街道及社区参与排查。';
  const lines = ['标题', first, '他们到挂钩街道及社区参', '与挨家挨户摸底排查。'];
  assert.deepEqual(segment(lines).items[0]?.body, [first, '## 他们到挂钩街道及社区参', '与挨家挨户摸底排查。']);
  assert.deepEqual(segment(lines, { spansJoin }).items[0]?.body, [first, '他们到挂钩街道及社区参与挨家挨户摸底排查。']);
});

test('a line starting with a comma continues the line above it', () => {
  const { items } = segment(['标题', '第一段。', '人大代表纷纷响应', ',尽职尽力。']);
  assert.deepEqual(items[0]?.body, ['第一段。', '人大代表纷纷响应,尽职尽力。']);
});

test('an article that stops mid-sentence at the end of the page is continued', () => {
  const { items, warnings } = segment(['标题', '第一段。', '“工作我们可以加班加点追回来。”范曙光说。得知两个挂钩社区']);
  assert.equal(items[0]?.continued, true);
  assert.deepEqual(items[0]?.body, ['第一段。', '“工作我们可以加班加点追回来。”范曙光说。得知两个挂钩社区']);
  assert.deepEqual(warnings, ['5: segment/continued']);
});

test('a byline with no article before it is kept as unsorted text, with a warning', () => {
  const { items, warnings } = segment(['·赵六·']);
  assert.deepEqual(items, [{ ...base, kind: 'unsorted', headline: null, body: [], bylines: ['赵六'], sourceLines: [1, 1] }]);
  assert.deepEqual(warnings, ['1: segment/unsorted']);
});

test('a title at the end of the page with no text after it is an item with its title only, with a warning', () => {
  const { items, warnings } = segment(['标题', '正文。', '·赵六·', '下一篇的引题', '下一篇的标题']);
  assert.deepEqual(items[1], { ...base, kind: 'article', kicker: '下一篇的引题', headline: '下一篇的标题', body: [], sourceLines: [7, 9] });
  assert.deepEqual(warnings, ['7: segment/title-only']);
});

test('a title at the end of the page after a paragraph that ends a sentence is an item of its own, not its tail', () => {
  const { items, warnings } = segment(['标题', '第一段。', '第二段。', '剪窗花 贴窗花']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['标题', ['第一段。', '第二段。']], ['剪窗花 贴窗花', []]]);
  assert.deepEqual(warnings, ['7: segment/title-only']);
  // After a paragraph cut mid-sentence, a short last line is still the paragraph's end.
  assert.deepEqual(segment(['标题', '第一段。', '第二段从这里写起，写了很长很长的一句话，这句话长到超过了五十个字，一直写到这一栏的末尾还没有写完它的最后', '几个字']).items[0]?.body, ['第一段。', '第二段从这里写起，写了很长很长的一句话，这句话长到超过了五十个字，一直写到这一栏的末尾还没有写完它的最后几个字']);
});

test('a first paragraph that opens with a dateline and stops at a column end is text, not a deck', () => {
  const { items } = segment(['今年将着手修订《图书馆条例》', '本报南通2月17日电 （记者张明远）2019年将推进公共文化服务体系标准化建设整体设', '计，完善图书馆条例。']);
  assert.deepEqual(items, [{ ...base, kind: 'article', headline: '今年将着手修订《图书馆条例》', body: ['本报南通2月17日电 （记者张明远）2019年将推进公共文化服务体系标准化建设整体设计，完善图书馆条例。'], bylines: ['张明远'], sourceLines: [1, 5] }]);
});

test('a box label (速览) over short stories is one item, the stories its sections, until a title of two lines', () => {
  const { items } = segment([
    '前一篇文章',
    '第一段。',
    '（本报北京2月12日电）',
    '速览',
    '支持外资企业员工缴存公积金',
    '本报北京2月12日电 （记者周文海）住建部等部门12日联合发布通知。',
    '甘肃继续减轻小微企业负担',
    '今年将着力减轻小微企业税费负担，全年力争为小微企业减负300亿元左右',
    '本报兰州2月12日电 （记者马立新）甘肃今年将着力减轻小微企业负担。',
    '（本报兰州2月12日电）',
    '用干部跑腿次数，换群众满意指数',
    '杭州优化政务服务再提速',
    '本报杭州2月12日电 （记者钱晓燕）杭州提出25项工作任务。',
    '第二段。',
  ]);
  assert.deepEqual(items.map((item) => [item.headline, item.body, item.bylines]), [
    ['前一篇文章', ['第一段。'], []],
    ['速览', ['## 支持外资企业员工缴存公积金', '本报北京2月12日电 （记者周文海）住建部等部门12日联合发布通知。', '## 甘肃继续减轻小微企业负担', '本报兰州2月12日电 （记者马立新）甘肃今年将着力减轻小微企业负担。'], ['周文海', '马立新']],
    ['杭州优化政务服务再提速', ['本报杭州2月12日电 （记者钱晓燕）杭州提出25项工作任务。', '第二段。'], ['钱晓燕']],
  ]);
});

test('a title with a column tag may ask a question or quote a sentence', () => {
  const { items } = segment(['前一篇文章', '第一段。', '（本报北京2月18日电）', '社区医生休息难不难？（干部状态新观察）', '春节假期，记者走访了几家社区医院。', '“谢谢你们，远方的朋友！”（记者手记）', '结束采访，我们怀着不舍的心情离开。']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [
    ['前一篇文章', ['第一段。']],
    ['社区医生休息难不难？（干部状态新观察）', ['春节假期，记者走访了几家社区医院。']],
    ['“谢谢你们，远方的朋友！”（记者手记）', ['结束采访，我们怀着不舍的心情离开。']],
  ]);
});

test('a box label over a title inside an article opens the box, whatever the score says', () => {
  const { items } = segment(['过年也要多些绿', '过年是迎春的日子。', '让我们的节日也多些绿意。', '来论', '小区管理也要细心', '“禁止在楼道里堆放杂物”，小区里贴出了告示。']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [
    ['过年也要多些绿', ['过年是迎春的日子。', '让我们的节日也多些绿意。']],
    ['来论', ['## 小区管理也要细心', '“禁止在楼道里堆放杂物”，小区里贴出了告示。']],
  ]);
});

test('a line of text that ends with —— above a title is its kicker, whatever it says before', () => {
  const { items } = segment(['以前一到冬天就只能窝在家里；现在健身有器材、看书有书屋。苏北乡村——', '村头书屋，让日子更有书香（解码·城乡文化设施利用）', '一间农家书屋，几排新书架，村民的生活变了样。']);
  assert.deepEqual([items[0]?.kicker, items[0]?.headline, items[0]?.body], ['以前一到冬天就只能窝在家里；现在健身有器材、看书有书屋。苏北乡村——', '村头书屋，让日子更有书香（解码·城乡文化设施利用）', ['一间农家书屋，几排新书架，村民的生活变了样。']]);
});

test('questions above a title are its kicker', () => {
  const { items } = segment(['孩子作业写完了吗？书包收好了吗？闹钟定好了吗？', '开学第一天 上课有精神（校园新观察）', '寒假结束后的开学第一天，记者走访了多所中小学。']);
  assert.deepEqual([items[0]?.kicker, items[0]?.headline], ['孩子作业写完了吗？书包收好了吗？闹钟定好了吗？', '开学第一天 上课有精神（校园新观察）']);
});

test('title roles: a sports event over its result is a kicker; what a meeting heard, or who attended, is a subheadline', () => {
  const roles = (lines: string[]) => { const item = segment([...lines, '正文第一段。']).items[0]; return [item?.kicker, item?.headline, item?.subheadline]; };
  assert.deepEqual(roles(['南京田径大奖赛', '王芳摘得女子1500米铜牌']), ['南京田径大奖赛', '王芳摘得女子1500米铜牌', null]);
  assert.deepEqual(roles(['市人大常委会召开第十五次主任会议', '听取有关议案和报告起草情况的汇报']), [null, '市人大常委会召开第十五次主任会议', '听取有关议案和报告起草情况的汇报']);
  assert.deepEqual(roles(['中国——东盟青年交流周开幕', '张明出席开幕式并宣读贺信']), [null, '中国——东盟青年交流周开幕', '张明出席开幕式并宣读贺信']);
  assert.deepEqual(roles(['市书法家协会第五次会员代表大会举行', '王建国出席 李卫东讲话']), [null, '市书法家协会第五次会员代表大会举行', '王建国出席 李卫东讲话']);
});

test('a line that leaves a quote open is text a column end cut, never a title', () => {
  const { items } = segment(['标题', '第一段。', '“要加快建设覆盖城乡', '通达各个村镇的公共服务网络”，他说。']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['标题', ['第一段。', '“要加快建设覆盖城乡通达各个村镇的公共服务网络”，他说。']]]);
});

test('under a title, after a deck, a line cut mid-word is the first paragraph, not a second deck', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '“擦亮”我们的城市名片（新语）', '城市名片“擦亮”不会一蹴而就，需要久久为功。有了起色，可喜，但不能松劲。要让老街古巷不仅“亮起来”，更要“一直亮”', '一条让老城“复活”的街道，被誉为本地城市更新的样板，客流突破40万，热度持续至今，新的消费场景满足人们日', '益增长的休闲消费需求。'];
  const { items } = segment(lines, { spansJoin });
  assert.deepEqual(items[1]?.body, ['一条让老城“复活”的街道，被誉为本地城市更新的样板，客流突破40万，热度持续至今，新的消费场景满足人们日益增长的休闲消费需求。']);
});

test('under a title, a line that ends with a word no summary ends with (…才) was cut by a column end: the first paragraph', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '河道治理难题仍待破解', '2月16日，市长就河道治理问题与沿岸各镇负责人座谈时表示，必须推动上下游各方通过协商达成统一治理方案，才', '能彻底改善河流水质。'];
  // Without the word oracle the join is open; the ending says the text goes on.
  const { items } = segment(lines);
  assert.deepEqual(items[1]?.body, ['2月16日，市长就河道治理问题与沿岸各镇负责人座谈时表示，必须推动上下游各方通过协商达成统一治理方案，才能彻底改善河流水质。']);
});

test('under a title, a line that ends with a word that needs what follows (…已, …要, …是, …的) is the first paragraph, not a deck', () => {
  const head = ['上一篇', '这一段被栏尾截断', '，接着写完。', '火树银花迎新年'];
  for (const [cut, rest] of [
    ['打铁花是一种流传千年的民间焰火表演，每逢年节，匠人便在夜空下击打铁水。如今，打铁花已', '成为不少景区新春民俗活动的一张名片。'],
    ['会议提出，要持续改善农村人居环境，同时指出要', '注重建设同管护相结合。'],
    ['日子好不好，要看钱袋鼓不鼓。在乡村振兴的大局里，增加农民收入是', '关键。'],
    ['一天，他到集镇为患病的母亲买药，店员报出的价格让他一愣，因为他知道这种药的', '平时价钱，觉得贵得出奇。'],
  ] as const) {
    for (const options of [{ spansJoin }, {}]) {
      if (!('spansJoin' in options) && !/[的是]$/u.test(cut)) continue;
      assert.deepEqual(segment([...head, cut, rest], options).items[1]?.body, [cut + rest], cut);
    }
  }
  // A title-like line that ends with a measure word or a pronoun waiting for what follows is text, too.
  assert.deepEqual(segment(['上一篇', '第一段。', '金黄的煎鱼、清脆的芹菜炒香干、软糯的红烧肉，外加一个', '热乎乎的白面馒头……大年初五，车站里年味正浓。']).items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', '金黄的煎鱼、清脆的芹菜炒香干、软糯的红烧肉，外加一个热乎乎的白面馒头……大年初五，车站里年味正浓。']]]);
  assert.deepEqual(segment(['上一篇', '第一段。', '还记得作为第一批援藏医疗队的队员，我', '和同事们坚守在高原上。']).items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', '还记得作为第一批援藏医疗队的队员，我和同事们坚守在高原上。']]]);
  assert.deepEqual(segment(['上一篇', '第一段。', '记者向远方望去，连绵的梯田在晨雾的笼罩下显得', '格外秀美。']).items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', '记者向远方望去，连绵的梯田在晨雾的笼罩下显得格外秀美。']]]);
  assert.deepEqual(segment(['上一篇', '第一段。', '终于等到机会去拜会，那些相片就像一张张', '滤网，过滤了杂念。']).items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', '终于等到机会去拜会，那些相片就像一张张滤网，过滤了杂念。']]]);
  // A deck that ends with a word of its own (需要, 功能) stays a deck.
  assert.deepEqual(segment([...head, '坚持以人民为中心，更好满足群众多样化的需要', '春节期间，各地举办了丰富多彩的活动。'], { spansJoin }).items[1]?.body, ['春节期间，各地举办了丰富多彩的活动。']);
});

test('a title-like line that the next line goes on from (a particle, or an open ending) is joined with it', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '家风', '电视剧中，老站长王海山拿', '着扫帚，认真仔细地清扫站台。'];
  assert.deepEqual(segment(lines, { spansJoin }).items[1]?.body, ['电视剧中，老站长王海山拿着扫帚，认真仔细地清扫站台。']);
  // A paragraph that opens with a word starting with a particle's character (地理) goes on from nothing.
  const { items } = segment(['瓜果满园的南沙（神州观览）', '地理常识告诉我们，在北方找一个县，既能种热带花卉，又能产南国水果，好像不大可能。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['瓜果满园的南沙（神州观览）', ['地理常识告诉我们，在北方找一个县，既能种热带花卉，又能产南国水果，好像不大可能。']]]);
});

test('a kicker marked with —— over a title, in an article with no subheads, opens the next article', () => {
  const first = ['铁路公安开展专项行动', '贴心服务 平安出行', '“随身物品要放在看得见的地方。”春运期间，民警在候车室里一遍遍提醒旅客。', '今年以来，铁路公安机关共破获盗窃、诈骗案件一千余起，追回旅客财物价值三百多万元。', '民警还在车站设立服务台，为老弱病残旅客提供帮助。'];
  const second = ['河南获嘉县——', '矛盾纠纷 多元化解', '“上班6年多，一查才知道单位没给我交社保。”在县矛盾纠纷调解中心，职工老李说。', '调解员当天就联系了用人单位，双方很快达成协议。', '去年以来，获嘉县整合司法、信访、人社等部门力量，化解各类矛盾纠纷两千多件。'];
  const { items } = segment([...first, ...second], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body]), [
    ['铁路公安开展专项行动', '贴心服务 平安出行', first.slice(2)],
    ['河南获嘉县——', '矛盾纠纷 多元化解', second.slice(2)],
  ]);
});

test('under a headline with a column tag, an unmarked line that stops mid-sentence over text is text, never a subheadline', () => {
  const lines = ['让数字技术与基层治理相融合（大家手笔）', '通过数字技术和基层治理的结合', '更好服务、便利城乡群众。'];
  // Without the word oracle the join stays open, and a line this short under a title is no deck: a column end cut it.
  assert.deepEqual(segment(lines).items.map((item) => [item.headline, item.subheadline, item.body]), [['让数字技术与基层治理相融合（大家手笔）', null, ['通过数字技术和基层治理的结合更好服务、便利城乡群众。']]]);
  // On a page that shows no column break, it is a deck.
  const plain = segmentPage({ file: 'seeds/case.txt', text: lines.join('\n\n'), firstLine: 1 }, { spansJoin }).items[0];
  assert.deepEqual([plain?.subheadline, plain?.body.map((part) => `${part.type}:${part.text}`)], [null, ['deck:通过数字技术和基层治理的结合', 'paragraph:更好服务、便利城乡群众。']]);
  // A subheadline marked ——, and a field line (提案人：…), keep their places.
  assert.deepEqual(segment(['让孩子爱上传统的节日（人民论坛）', '——从传统中汲取面向明天的力量', '第一段。']).items[0]?.subheadline, '——从传统中汲取面向明天的力量');
  assert.deepEqual(segment(['完善社区养老服务设施布局(提案提要)', '提案人：某民主党派中央', '案由：预计2025年社区养老床位缺口将达到12.5%。']).items[0]?.body, ['案由：预计2025年社区养老床位缺口将达到12.5%。']);
});

test('title lines over 核心阅读 open the next article, even inside one that has subheads', () => {
  const first = ['营造一种家的温馨', '社区里的老人们，每天都到日间照料中心坐一坐。', '暖心食堂', '食堂里的饭菜价格实惠，口味清淡，很受老人欢迎。', '贴心服务', '志愿者每周上门两次，帮老人打扫卫生、代购药品。', '每逢节日，中心还组织包饺子、写春联等活动。', '78岁的张大爷说：“在这里，就像在自己家一样。”', '下一步，街道计划再建三个照料点，覆盖所有小区。'];
  const second = ['宜昌腾退沿江化工企业，守护一江清水', '山水变成“金饭碗”', '核心阅读', '湖北宜昌关停沿江化工企业，腾出岸线复绿。', '如今，江边的步道上每天都有市民散步。', '当地还引进了新能源企业，带动上千人就业。'];
  const { items } = segment([...first, ...second], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body]), [
    [null, '营造一种家的温馨', [first[1], '## 暖心食堂', first[3], '## 贴心服务', ...first.slice(5)]],
    ['宜昌腾退沿江化工企业，守护一江清水', '山水变成“金饭碗”', ['## 核心阅读', ...second.slice(3)]],
  ]);
});

test('a two-line title after an article\'s one-line subheads opens the next article', () => {
  const first = ['春节假期旅游市场火热', '春节假期，各地景区游人如织，旅游市场持续升温。', '古镇游', '春节假期，江南古镇旅游火热，游客们坐乌篷船、品黄酒，感受水乡年味。', '冰雪游', '春节假期，东北冰雪旅游火热，不少游客带着孩子体验冰雪运动。', '据统计，假期全国接待游客四亿多人次。', '旅游收入同比增长百分之八点二。'];
  const second = ['小区里装上了充电桩', '新能源车主充电不再难', '过去，住在老小区的车主充电要跑很远。', '今年，街道协调电力部门在小区停车场装了二十个充电桩。', '居民扫码就能充电，费用按电价结算。'];
  const { items } = segment([...first, ...second], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body]), [
    [null, '春节假期旅游市场火热', [first[1], '## 古镇游', first[3], '## 冰雪游', ...first.slice(5)]],
    ['小区里装上了充电桩', '新能源车主充电不再难', second.slice(2)],
  ]);
});

test('the boundary features of a heading run: a couplet under a kicker, a run longer than the subheads, a title over 核心阅读', () => {
  const lines = ['春节假期旅游市场火热', '春节假期，各地景区游人如织。', '古镇游', '游客们坐乌篷船、品黄酒。', '街道为老旧小区加装充电设施', '充电不出小区 车主省心省力', '核心阅读', '过去，住在老小区的车主充电要跑很远。'];
  const seen: Record<string, number>[] = [];
  // (Weights that keep every run a subhead, so that the features do not depend on the fitted ones.)
  segmentPage({ file: 'seeds/case.txt', text: lines.join('\n\n'), firstLine: 1 }, { boundaryWeights: { bias: -1 }, observeBoundary: (candidate) => seen.push({ line: candidate.line, couplet: candidate.features.couplet, longerRun: candidate.features.longerRun, leadLabel: candidate.features.leadLabel, sectionLabel: candidate.features.sectionLabel, lines: candidate.features.lines }) });
  assert.deepEqual(seen, [
    { line: 5, couplet: 0, longerRun: 0, leadLabel: 0, sectionLabel: 0, lines: 1 },
    { line: 9, couplet: 1, longerRun: 1, leadLabel: 1, sectionLabel: 0, lines: 3 },
  ]);
});

test('a deck that ends with a word whose last character alone would need what follows (…供给, …导向) stays a deck', () => {
  // The first item shows a column break (参 + 与), so open joins on the page are column breaks unless told apart.
  const lines = ['上一篇', '这一段被栏尾截断，社区居民踊跃参', '与志愿服务。', '守好群众“米袋子”也是实绩（话说新农村）', '粮仓虽远，连着千万家。各地应围绕稳产量、优品种、强储备、畅流通持续用力、久久为功，形成产得出、供得上的长效供给', '年关将近，发生在南通的一件有关米袋子的“小事”，引来了大家一致称赞。'];
  const item = segmentPage({ file: 'seeds/case.txt', text: lines.join('\n\n'), firstLine: 1 }, { spansJoin }).items[1];
  assert.deepEqual(item?.body.map((part) => `${part.type}:${part.text}`), [`deck:${lines[4]}`, `paragraph:${lines[5]}`]);
});

test('a 漫画 line over its artist\'s credit is an item of its own; the title after it is the next article\'s', () => {
  const { items } = segment(['前一篇', '第一段。', '漫画', '王小川作（新华社发）', '承诺书不能只挂在墙上', '兑现承诺书需要真功夫（有的放矢）', '签下承诺书是为了更好地兑现承诺。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body, item.photoCredit]), [
    [null, '前一篇', ['第一段。'], null],
    [null, '漫画', [], null],
    ['承诺书不能只挂在墙上', '兑现承诺书需要真功夫（有的放矢）', ['签下承诺书是为了更好地兑现承诺。'], null],
  ]);
  // The artist is the cartoon's byline, not its photographer.
  assert.deepEqual(items[1]?.bylines, ['王小川']);
});

test('a title line over text that opens as sentences do (在…) is a title line, whatever word jieba reads across the join', () => {
  const { items } = segment(['上一篇', '第一段。', '在苏北，父母带孩子下田体验农活渐成风尚', '小手拉大手，田间亲子游', '在位于江苏省南通市区向东8公里处的一处生态农场，孩子们在父母的陪伴下学习插秧。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body]), [
    [null, '上一篇', ['第一段。']],
    ['在苏北，父母带孩子下田体验农活渐成风尚', '小手拉大手，田间亲子游', ['在位于江苏省南通市区向东8公里处的一处生态农场，孩子们在父母的陪伴下学习插秧。']],
  ]);
});

test('a sidebar label after an article\'s tail (链  接) opens the article\'s sidebar, not a new item', () => {
  const { items } = segment(['东盟推进区域互联互通“路线图”（国际视点）', '东南亚各国正加快推进跨境铁路建设。', '（本报雅加达2月11日电）', '链\u00a0\u00a0接', '东南亚国家联盟现有10个成员国，秘书处设在印度尼西亚首都雅加达。', '新型远洋科考船完成首航测试', '新华社青岛2月11日电（记者林涛）一艘新型科考船完成了海上测试。']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [
    ['东盟推进区域互联互通“路线图”（国际视点）', ['东南亚各国正加快推进跨境铁路建设。', '## 链\u00a0\u00a0接', '东南亚国家联盟现有10个成员国，秘书处设在印度尼西亚首都雅加达。']],
    ['新型远洋科考船完成首航测试', ['新华社青岛2月11日电（记者林涛）一艘新型科考船完成了海上测试。']],
  ]);
});

test('above a headline with a column tag, a line that does not end a sentence is its kicker; the tag does not count in a title\'s length', () => {
  const kicker = '截至2018年底，中企在东南亚承建的第一座跨海大桥已通行各类车辆130万辆次';
  const { items } = segment(['合作与发展的加速器（国际论坛）', '第一段。', '（作者为巴基斯坦学者）', kicker, '“这座大桥为我们的生活带来便利”（共建一带一路）', '“大桥通车以后，再也不用在码头排几个小时的队等渡轮了。”']);
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body]), [
    [null, '合作与发展的加速器（国际论坛）', ['第一段。']],
    [kicker, '“这座大桥为我们的生活带来便利”（共建一带一路）', ['“大桥通车以后，再也不用在码头排几个小时的队等渡轮了。”']],
  ]);
  const long = '绿色丝路，“惠及各方、携手发展的全球合作平台”（风从东方来——国际人士谈一带一路合作）';
  assert.deepEqual(segment([long, '越来越多的国家和国际组织参与绿色丝路建设。']).items.map((item) => [item.headline, item.body]), [[long, ['越来越多的国家和国际组织参与绿色丝路建设。']]]);
});

test('under a title, a line whose next opens with the end of a clause (报数，) was cut by a column end: the first paragraph', () => {
  const head = ['上一篇', '这一段被栏尾截断，社区居民踊跃参', '与志愿服务。', '减负才能增效（来论）'];
  const cut = '不得要求基层通过各种政务App打卡留痕，坚决杜绝重复填表';
  assert.deepEqual(segment([...head, cut, '报数，基层干部有了更多时间走村入户。'], { spansJoin }).items[1]?.body, [`${cut}报数，基层干部有了更多时间走村入户。`]);
  const subject = '舞龙灯、猜灯谜、包汤圆，元宵节前夕，分布在全市各个街道的社区服务中心';
  assert.deepEqual(segment([...head, subject, '开展了形式多样的庆祝活动。'], { spansJoin }).items[1]?.body, [`${subject}开展了形式多样的庆祝活动。`]);
  // A deck over a paragraph that opens with a time word, or with a parallel clause of three characters, stays a deck.
  const deck = '面对国际贸易格局深刻变化，我们不仅要在规则上守住公平竞争的底线';
  for (const next of ['去年，全市外贸进出口总额创历史新高。', '越改革，越发展；越发展，越需要深化改革。']) {
    const item = segmentPage({ file: 'seeds/case.txt', text: [...head, deck, next].join('\n\n'), firstLine: 1 }, { spansJoin }).items[1];
    assert.deepEqual(item?.body.map((part) => part.type), ['deck', 'paragraph'], next);
  }
});

test('a letter signed with a name over where it was written (写于…) keeps its signature', () => {
  const [letter] = segmentPage({ file: 'seeds/case.txt', text: ['四海同庆新春', '亲爱的祖国：', '最后，祝您新春快乐、万事如意。', '林晓舟', '写于肯尼亚首都内罗毕'].join('\n\n'), firstLine: 1 }, { spansJoin }).items;
  assert.deepEqual(letter?.body.map((part) => `${part.type}:${part.text}`), ['paragraph:亲爱的祖国：', 'paragraph:最后，祝您新春快乐、万事如意。', 'byline:林晓舟', 'signature:写于肯尼亚首都内罗毕']);
  assert.deepEqual(letter?.bylines, ['林晓舟']);
});

test('under a title and its deck, a line that ends with a colon is the text\'s lead-in, not a second deck', () => {
  const lines = ['守好群众“米袋子”也是实绩（话说新农村）', '粮仓虽远，连着千万家。各地应围绕稳产量、优品种、强储备持续用力，形成产得出、供得上的长效供给', '年关将近，发生在南通的一件“小事”，引来了大家一致称赞：', '连日来，南通雨雪交加，道路结冰。'];
  const [item] = segmentPage({ file: 'seeds/case.txt', text: lines.join('\n\n'), firstLine: 1 }, { spansJoin }).items;
  assert.deepEqual(item?.body.map((part) => `${part.type}:${part.text}`), [`deck:${lines[1]}`, `paragraph:${lines[2]}`, `paragraph:${lines[3]}`]);
});

test('a slash credit under a title (文/王明峰 图/李四) is the article\'s byline, not its first paragraph', () => {
  const { items } = segment(['古镇里的年味', '文/王明峰 图/李四', '腊月里，古镇的街巷挂满了红灯笼。', '游客们在这里写春联、包饺子。']);
  assert.deepEqual(items.map((item) => [item.headline, item.body, item.bylines]), [['古镇里的年味', ['腊月里，古镇的街巷挂满了红灯笼。', '游客们在这里写春联、包饺子。'], ['王明峰', '李四']]]);
});

test('a title over a byline line, after an article with its own byline under its title, opens the next article', () => {
  const first = ['如东县掘港镇多措并举', '筑牢疫情防控“防火墙”', '本报记者 王明峰', '连日来，掘港镇迅速行动，全面落实各项疫情防控措施。', '据了解，截至目前，掘港镇已完成三轮全员核酸检测。'];
  const second = ['海安市曲塘镇', '“小板凳”议事会解民忧', '文/王明峰 图/李四', '今年以来，曲塘镇在各村居推行“小板凳”议事会，干部带着板凳进院落。', '截至目前，议事会已收集群众意见建议300余条。'];
  const { items } = segment([...first, ...second], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body, item.bylines]), [
    ['如东县掘港镇多措并举', '筑牢疫情防控“防火墙”', first.slice(3), ['王明峰']],
    ['海安市曲塘镇', '“小板凳”议事会解民忧', second.slice(3), ['王明峰', '李四']],
  ]);
});

test('a line shorter than a column line is never a paragraph part a column end cut, whatever jieba says', () => {
  const { items } = segment(['全村福', '在2018年完工的安置小区里，东湖村全体村民合拍“全家福”。', '陈建华摄'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['全村福', ['在2018年完工的安置小区里，东湖村全体村民合拍“全家福”。']]]);
});

test('a deck followed by a sentence that starts with a word like 过去 is still a deck', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '书写两国友好新篇章（大使随笔）', '我们将继往开来，锐意进取，与对方一道共同努力造福两国人民，推动双边关系迈上新的更高台阶', '过去的一年，两国关系取得重要进展。'];
  const { items } = segment(lines);
  assert.deepEqual(items[1]?.body, ['过去的一年，两国关系取得重要进展。']);
});

test('a short exclamation over a photo caption and its credit is the photo\'s title', () => {
  const { items } = segment(['前一篇', '第一段。', '新春招聘会，火爆！', '2月10日，求职者在人才市场向企业询问岗位需求。', '当日，如皋市举行迎新春招聘会。', '周立新摄（人民视觉）']);
  assert.deepEqual(items.map((item) => [item.kind, item.headline, item.body, item.photoCredit]), [
    ['article', '前一篇', ['第一段。'], null],
    ['photo', '新春招聘会，火爆！', ['2月10日，求职者在人才市场向企业询问岗位需求。', '当日，如皋市举行迎新春招聘会。'], '周立新'],
  ]);
});

test('a block that opens with a dateline is never joined to the line above it', () => {
  const { items } = segment(['前一篇', '第一段。', '羽毛球全英公开赛', '两名中国选手晋级16强', '据新华社伦敦2月14日电 2019羽毛球全英公开赛14日结束第二轮争夺。'], { spansJoin });
  assert.deepEqual([items[1]?.kicker, items[1]?.headline, items[1]?.body], ['羽毛球全英公开赛', '两名中国选手晋级16强', ['据新华社伦敦2月14日电 2019羽毛球全英公开赛14日结束第二轮争夺。']]);
});

test('a short line set with spaces between its characters is a section label inside the text, never a title', () => {
  const { items } = segment(['全国各地喜迎新春', '春节期间，各地举办了丰富多彩的活动。', '西\u00a0\u00a0安', '除夕当天，古城西安的城墙上游人如织。']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['全国各地喜迎新春', ['春节期间，各地举办了丰富多彩的活动。', '## 西\u00a0\u00a0安', '除夕当天，古城西安的城墙上游人如织。']]]);
  // A figure standing alone is a callout, too.
  assert.deepEqual(segment(['学位缺口逐步缩小', '各地加快建设公办学校。', '第二段。', '第三段。', '6135', '全国幼儿园达到二十六万所，在园幼儿四千六百万人。']).items.map((item) => item.headline), ['学位缺口逐步缩小']);
});

test('a line that leaves a quote open, or that the next goes on from as no sentence starts, is joined with it', () => {
  // No word crosses these joins, and the page shows no other column break.
  assert.deepEqual(segment(['标题', '“这些年，我们做了大量工作，村里的变化有目共睹', '大家都看在眼里。”他说。'], { spansJoin }).items[0]?.body, ['“这些年，我们做了大量工作，村里的变化有目共睹大家都看在眼里。”他说。']);
  assert.deepEqual(segment(['标题', '第一段。', '市长就河道治理问题与沿岸各镇负责人座谈时表示，必须推动上下游各方通过协商达成统一治理方案，才', '可以彻底改善河流水质。'], { spansJoin }).items[0]?.body, ['第一段。', '市长就河道治理问题与沿岸各镇负责人座谈时表示，必须推动上下游各方通过协商达成统一治理方案，才可以彻底改善河流水质。']);
  // The paragraphs of a long quotation each open a quote and close only at the end: not joined.
  assert.deepEqual(segment(['标题', '“第一段引文，写到这里还没有引完。', '“第二段引文，到这里才引完。”'], { spansJoin }).items[0]?.body, ['“第一段引文，写到这里还没有引完。', '“第二段引文，到这里才引完。”']);
});

test('lines shorter than a column line are never joined, even when they stop at a comma (a verse)', () => {
  const { items } = segment(['图片报道', '机器人沿管廊巡检，把设备运行数据及时传回监控中心。', '这正是：', '机器人巡线，', '隐患早发现。', '张  山图  李  明文']);
  assert.deepEqual(items[0]?.body, ['机器人沿管廊巡检，把设备运行数据及时传回监控中心。', '这正是：', '机器人巡线，', '隐患早发现。']);
});

test('a verse line of seven characters and its comma is a line of its own', () => {
  const { items } = segment(['图片报道', '想知道血压高低，在社区健康小屋一测便知。', '这正是：', '静坐小屋量血压，', '数据直达医生家。', '张  山图  王  岩文']);
  assert.deepEqual(items[0]?.body, ['想知道血压高低，在社区健康小屋一测便知。', '这正是：', '静坐小屋量血压，', '数据直达医生家。']);
});

test('a paragraph that opens with its source (据报道，) is never joined to the line above, whatever jieba makes of the join', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '坚守者的团圆更温暖（民生观）', '正因为团聚一次都要精打细算，所以每一次都格外难得，相聚的短暂使一家人靠得更近', '据报道，有这么一家“高原父子”。'];
  assert.deepEqual(segment(lines, { spansJoin }).items[1]?.body, ['据报道，有这么一家“高原父子”。']);
});

test('a word jieba makes of two whole words across the join (…经济发展 + 商事… → 发展商) is no column cut', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '营商环境好了 市场主体多了（感言）', '随着审批制度改革持续深化，全市新办企业数量快速增长，有力支撑了居民就业稳定和经济发展', '商事制度改革5年来，全市办事效率明显提升。'];
  assert.deepEqual(segment(lines, { spansJoin }).items[1]?.body, ['商事制度改革5年来，全市办事效率明显提升。']);
  // A word cut in two by a column end is still joined (参 + 与).
  assert.deepEqual(segment(['标题', '机关干部到挂钩街道及社区参与排查。', '他们到挂钩街道及社区参', '与挨家挨户摸底排查。'], { spansJoin }).items[0]?.body, ['机关干部到挂钩街道及社区参与排查。', '他们到挂钩街道及社区参与挨家挨户摸底排查。']);
});

test('under a title, a line ending with a determiner (…另一) was cut by a column end: the first paragraph', () => {
  const lines = ['上一篇', '这一段被栏尾截断', '，接着写完。', '办事窗口不妨多等一等（今日谈）', '近日，笔者去医院缴费，排到窗口时刚好是中午12点，却被告知收费员已下班，缴费只能下午再来。另一', '队伍里的大爷也得到了同样的回复。'];
  assert.deepEqual(segment(lines).items[1]?.body, ['近日，笔者去医院缴费，排到窗口时刚好是中午12点，却被告知收费员已下班，缴费只能下午再来。另一队伍里的大爷也得到了同样的回复。']);
});

test('a line that opens with its source (据报道，) is text, never a title, even alone at the end of the page', () => {
  const { items, warnings } = segment(['标题', '第一段。', '据报道，某地发生一件事']);
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['标题', ['第一段。', '据报道，某地发生一件事']]]);
  assert.deepEqual(warnings, ['5: segment/continued']);
});

/** `cut` (a title-like line) over `rest` under an article's first paragraph is one paragraph of that article: text a column end cut. */
function assertJoinedIntoText(cut: string, rest: string): void {
  const { items } = segment(['上一篇', '第一段。', cut, rest], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', cut + rest]]], cut);
}

test('a title-like line that opens as a sentence does (如今，… / 某某说，…) and stops mid-sentence is text a column end cut, not a subhead', () => {
  for (const [cut, rest] of [
    ['如今，村里的每一户人家', '都通上了自来水。'],
    ['王建国说，这条路修好以后', '村民进城只要半小时。'],
    ['据她介绍，为了方便游客', '景区新建了停车场。'],
    ['2018年，是全县村村通公路', '建设的收官之年。'],
    ['去年，镇里的十几家工厂', '都换上了新设备。'],
  ] as const) {
    assertJoinedIntoText(cut, rest);
  }
  // A headline that reports a finding (调查显示，…) and a lead-in that ends with a colon are not cut text.
  const { items } = segment(['上一篇', '第一段。', '调查显示，春节期间游客满意度创新高', '本报北京2月11日电  今年春节，各地旅游市场平稳有序。'], { spansJoin });
  assert.deepEqual(items.map((item) => item.headline), ['上一篇', '调查显示，春节期间游客满意度创新高']);
});

test('a title-like line that ends with a preposition, an adverb of degree, a determiner, 着 or an enumerated count is text a column end cut', () => {
  for (const [cut, rest] of [
    ['市长在会上表示，愿同', '各方加强合作。'],
    ['看着新房子，老人心里十分', '高兴。'],
    ['这一年，乡亲们收获了哪些', '新变化？'],
    ['新建的车站有12个站台、36个', '检票口，可以同时接待上万名旅客。'],
    ['山脚下的小村里，生活着', '三百多户人家。'],
    ['年前去了一趟超市，给家里添几样', '新鲜的年货。'],
  ] as const) {
    assertJoinedIntoText(cut, rest);
  }
  // A count that stands alone (a figure callout) is a subhead.
  assert.deepEqual(segment(['上一篇', '第一段。', '628个', '集中力量建设产业园区。'], { spansJoin }).items[0]?.body, ['第一段。', '## 628个', '集中力量建设产业园区。']);
});

test('after text that closes a bracket or a quote without a full stop, a title-like line is the next title, not the paragraph\'s end', () => {
  for (const end of ['各主要高速公路运行平稳（相关报道见第四版）', '他说：“我们会把这件事办好。”.']) {
    const { items } = segment(['上一篇', '第一段。', `春节假期里，全省大部分地区天气晴好。${end}`, '节日期间全市公交运行平稳', '本报南通2月5日电  （记者李四）2月5日是节日第二天。'], { spansJoin });
    assert.deepEqual(items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', `春节假期里，全省大部分地区天气晴好。${end}`]], ['节日期间全市公交运行平稳', ['本报南通2月5日电  （记者李四）2月5日是节日第二天。']]], end);
  }
  // A tail that names many reporters (综合本报记者…报道) ends the article; its names are the article's.
  const { items } = segment(['元宵节各地欢庆', '各地举办了丰富多彩的活动。', '（综合本报记者张三、李四、王五、赵六、孙七、周八、吴九、郑十、钱一、陈二、冯三、褚四、卫五、蒋六、沈七、韩八报道）', '科技小院里的年轻人', '2018年10月，一场展览在南通开幕。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.bylines.length]), [['元宵节各地欢庆', 16], ['科技小院里的年轻人', 0]]);
});

test('a title over a byline line, after an article whose opening dateline names its reporter, opens the next article', () => {
  const first = ['如东县掘港镇多措并举', '筑牢疫情防控“防火墙”', '本报如东3月2日电  （记者王明峰）连日来，掘港镇迅速行动，全面落实各项疫情防控措施。', '据了解，截至目前，掘港镇已完成三轮全员核酸检测。'];
  const second = ['新春走基层', '“小板凳”议事会解民忧', '本报记者 李四', '今年以来，曲塘镇在各村居推行“小板凳”议事会，干部带着板凳进院落。', '截至目前，议事会已收集群众意见建议300余条。'];
  const { items } = segment([...first, ...second], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.body, item.bylines]), [
    ['如东县掘港镇多措并举', '筑牢疫情防控“防火墙”', first.slice(2), ['王明峰']],
    ['新春走基层', '“小板凳”议事会解民忧', second.slice(3), ['李四']],
  ]);
});

test('the title of a work of art with its medium (…（中国画）) is an item of its own, between the items around it', () => {
  const { items } = segment(['上一篇', '第一段写完了。', '荷韵（中国画）', '春晓（剪纸）', '春到江南', '春风吹过江南的田野，油菜花开得正旺。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['上一篇', ['第一段写完了。']], ['荷韵（中国画）', []], ['春晓（剪纸）', []], ['春到江南', ['春风吹过江南的田野，油菜花开得正旺。']]]);
});

test('a law\'s note of its adoption and amendments under its title, however long, is a tail that does not end the item', () => {
  const note = `（2018年8月31日第十三届全国人民代表大会常务委员会第五次会议通过  ${'根据某年某月某日全国人民代表大会常务委员会《关于修改〈某某法〉的决定》修正  '.repeat(8)}第七次修正）`;
  const lines = ['中华人民共和国某某法', note, '第一条  为了规范某某行为，制定本法。', '第二条  本法自公布之日起施行。', '（新华社北京8月31日电）', '下一篇', '下一篇的第一段。'];
  const { items } = segment(lines, { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['中华人民共和国某某法', ['第一条  为了规范某某行为，制定本法。', '第二条  本法自公布之日起施行。']], ['下一篇', ['下一篇的第一段。']]]);
  const parts = segmentPage({ file: 'seeds/case.txt', text: lines.join('\n\n'), firstLine: 1 }, { spansJoin }).items[0]?.body.map((part) => part.type);
  assert.deepEqual(parts, ['tail', 'paragraph', 'paragraph', 'tail']);
});

test('under a title, a line that stops inside a list the next line goes on with, or just after a colon, was cut by a column end: the first paragraph', () => {
  // (A page that shows a column break somewhere: '这一段被栏尾截断' goes on in '，接着写完。'.)
  const head = ['上一篇', '这一段被栏尾截断', '，接着写完。', '联合检查 企业负担轻了'];
  for (const [cut, rest] of [
    ['清早，城南的一家商场接到通知，由质监、税务、卫健、住建、交通、水务、园林等7个部门的人员和街道、城管', '中队、网格站等单位组成的检查组当天上门。'],
    ['三年整治下来，小河两岸，村里的人居环境有了明显变化：垃圾', '不见了，河水变清了，村民笑了。'],
  ] as const) {
    assert.deepEqual(segment([...head, cut, rest], { spansJoin }).items[1]?.body, [cut + rest], cut);
  }
  // A block far longer than any summary that stops mid-sentence under a title is text, too.
  const long = `为吸引更多人才到本市创业，${'本次大赛面向海内外征集创新项目，'.repeat(20)}报名电话`;
  assert.deepEqual(segment([...head, long, '0536-1234567。'], { spansJoin }).items[1]?.body, [`${long}0536-1234567。`]);
});

test('a title over text lines and then a dateline (a subheadline and decks set as text) opens the next article', () => {
  const first = ['省委召开常委会议', '本报南京3月1日电  （记者王明峰）省委常委会3月1日召开会议，研究部署近期工作。', '会议强调，要抓好春耕生产，确保粮食安全。'];
  const second = ['省政府召开常务会议', '研究部署春季农业生产 审议《关于加快推进全省农村公路提档升级和管理养护工作的实施意见》等文件 省长主持会议', '会议认为，过去一年，全省农业农村工作取得新的重大进展。', '本报南京3月2日电  省政府3月2日召开常务会议，研究部署春季农业生产。'];
  const { items } = segment([...first, ...second], { spansJoin });
  assert.deepEqual(items.map((item) => item.headline), ['省委召开常委会议', '省政府召开常务会议']);
  // (A line that opens with 针对…， and stops mid-sentence is text a column end cut.)
  const { items: cut } = segment(['上一篇', '第一段。', '针对连日大雾给港口作业带来的不便，港务部门', '调整了船舶进出港计划。'], { spansJoin });
  assert.deepEqual(cut.map((item) => [item.headline, item.body]), [['上一篇', ['第一段。', '针对连日大雾给港口作业带来的不便，港务部门调整了船舶进出港计划。']]]);
});

test('a continuation mark (（下转第二版）, （未完）) ends the article and marks it continued, never a title of the next', () => {
  for (const mark of ['（下转第二版）', '（转A3版）', '（未完）', '(未完待续)', '（下轉第二版）', '（未完待續）']) {
    const { items } = segment(['春耕备耕正当时', '春分将至，春耕备耕进入关键时期。', '各地抓住有利时机，组织农民开展春耕生产，农机具检修和农资储备有序推进，', mark, '海安市曲塘镇', '“小板凳”议事会解民忧', '今年以来，曲塘镇推行“小板凳”议事会。'], { spansJoin });
    assert.deepEqual(items.map((item) => [item.kicker, item.headline, item.continued]), [[null, '春耕备耕正当时', true], ['海安市曲塘镇', '“小板凳”议事会解民忧', false]], mark);
  }
});

test('one paragraph after an article\'s tail, before the next title, is the article\'s note (an interviewee\'s biography), not an item of its own', () => {
  const { items, warnings } = segment(['乡村学校的新课堂', '山里的孩子也能上美术课了。', '老师们说，这是他们最想做的事。', '（本报记者 李四采访整理）', '王芳，1975年生于江苏如东，小学美术教师。', '下一篇', '下一篇的第一段。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body]), [['乡村学校的新课堂', ['山里的孩子也能上美术课了。', '老师们说，这是他们最想做的事。', '王芳，1975年生于江苏如东，小学美术教师。']], ['下一篇', ['下一篇的第一段。']]]);
  assert.deepEqual(warnings.filter((warning) => warning.includes('no-headline')), []);
});

test('above a headline with a column tag, a line with an ellipsis inside that does not end a sentence is its kicker', () => {
  const { items } = segment(['看病、上学、办证……300多项服务就近可办', '东港 服务进小区，居民少跑腿（基层治理观察）', '走进社区服务站，前来办事的居民井然有序。'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline]), [['看病、上学、办证……300多项服务就近可办', '东港 服务进小区，居民少跑腿（基层治理观察）']]);
});

test('a one-line couplet title under an article titled by such a couplet alone opens the next of a row of sibling stories', () => {
  // (Stories on one subject: the words on either side alone would make the second title a subhead.)
  const { items } = segment(['深入调研  在田间找答案', '政协委员们一月中旬来到三个乡镇调研农业生产。', '政协委员们围坐在农户家中，谈农业生产、谈乡村振兴。', '政协委员们说，农业生产要靠科技。', '专题协商  凝聚更多共识', '政协委员们在会上围绕农业生产、乡村振兴建言献策。', '政协委员们说，乡村振兴要靠人才。'], { spansJoin });
  assert.deepEqual(items.map((item) => item.headline), ['深入调研  在田间找答案', '专题协商  凝聚更多共识']);
});

test('after a box of short items, a deck-like kicker over a headline opens the next article, whatever the words on either side say', () => {
  const lines = ['数读', '300亿元 全市网购规模', '2018年全市网购规模达300亿元，同比增长17%', '本报南通2月25日电 （记者李四）全市网购规模继续扩大。', '产销基本稳定，投资有所增长，外贸韧性较强', '机械行业 运行平稳有亮点', '虽然外部形势复杂，但全市机械行业网购规模继续扩大。', '2月25日，市机械行业协会公布了全年数据。', '行业平稳运行，外贸维持增长', '2018年，面对复杂的外部环境，全市机械行业网购规模仍在扩大。'];
  const { items } = segment(lines, { spansJoin });
  assert.deepEqual(items.map((item) => [item.kicker, item.headline]), [[null, '数读'], ['产销基本稳定，投资有所增长，外贸韧性较强', '机械行业 运行平稳有亮点']]);
});

test('the editors\' signature (——编  者) over a title with a column tag ends their note: the title opens the first article', () => {
  const { items } = segment(['乡村振兴的新路径（学术观察）', '乡村振兴是一篇大文章，产业兴旺是乡村振兴的重点。', '乡村振兴要在产业兴旺上下功夫，乡村振兴要靠人才。', '编者按', '本期主题：乡村振兴', '乡村振兴是一篇大文章。本期邀请专家学者对乡村振兴、产业兴旺进行探讨。', '——编  者', '乡村振兴要靠产业兴旺（专家笔谈）', '产业兴旺是乡村振兴的重点，乡村振兴要靠产业兴旺。', '乡村振兴要在产业兴旺上下功夫。'], { spansJoin });
  assert.deepEqual(items.map((item) => item.headline), ['乡村振兴的新路径（学术观察）', '乡村振兴要靠产业兴旺（专家笔谈）']);
});

test('a title over two highlight lines (■…, ■…) opens the next article, whatever the words on either side say', () => {
  const lines = ['中国援建的医院投入使用', '新医院的门诊楼投入使用，当地患者看病更方便了。', '医院的医生说，门诊楼每天能接待几千名患者。', '“这家医院切实改善了民生”', '■新建的门诊楼一天能接待几千名病人。', '■当地还有几万名病人需要长期治疗。', '从援建门诊楼到建设新医院，医院的医生们一直在忙碌。'];
  const { items } = segment(lines, { spansJoin });
  assert.deepEqual(items.map((item) => item.headline), ['中国援建的医院投入使用', '“这家医院切实改善了民生”']);
});

test('stories that each carry a one-line headline and a byline line under it are separate articles', () => {
  const lines = ['东港街道打造美丽庭院示范带', '本报记者 王明峰', '今年以来，东港街道以美丽庭院创建为抓手，累计改造农户庭院1200余户。', '街道负责人介绍，下一步将把示范带向北延伸。', '南湖镇秋季招聘会送岗800余个', '本报记者 陈静', '8月17日，南湖镇举行秋季招聘会，42家企业提供岗位800余个。', '招聘会现场设立政策咨询台。', '西城镇老旧小区焕新颜', '本报记者 赵磊', '8月以来，西城镇对辖区内12个老旧小区启动改造。'];
  const { items } = segment(lines, { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.bylines]), [['东港街道打造美丽庭院示范带', ['王明峰']], ['南湖镇秋季招聘会送岗800余个', ['陈静']], ['西城镇老旧小区焕新颜', ['赵磊']]]);
});

test('the only text under a title and byline that stops at a comma over a continuation mark is the first paragraph, never a deck', () => {
  const { items } = segment(['汇龙镇老旧小区焕新颜', '本报记者 赵磊', '8月以来，汇龙镇对辖区内12个老旧小区启动改造，改造内容包括屋面防水、外墙出新等，', '（下转第二版）'], { spansJoin });
  assert.deepEqual(items.map((item) => [item.headline, item.body, item.bylines, item.continued]), [['汇龙镇老旧小区焕新颜', ['8月以来，汇龙镇对辖区内12个老旧小区启动改造，改造内容包括屋面防水、外墙出新等，'], ['赵磊'], true]]);
});
