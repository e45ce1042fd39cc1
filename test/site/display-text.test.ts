/**
 * Full-width punctuation between Chinese characters, at display time only (issue 15, item 4): the rule, and the
 * pages show every seed character, exactly the segmenter's text modulo that mapping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shownInHeader } from '../../src/render/article-markdown.js';
import { displayArticle, foldPunctuation, fullWidthPunctuation, FULL_WIDTH, HALF_WIDTH } from '../../src/site/display-text.js';
import { buildSiteModel } from '../../src/site/site-model.js';
import { buildFixtureSite } from './fixture-site.js';

test('half-width , : ; ! ? become full-width after a CJK character, before a CJK character, a digit or the end', () => {
  const cases: Array<[string, string]> = [
    ['近日,如皋市', '近日，如皋市'],
    ['“大娘,您别起身了,躺着就好。', '“大娘，您别起身了，躺着就好。'],
    ['责无旁贷!”区人大', '责无旁贷！”区人大'],
    ['怎么办?”他说', '怎么办？”他说'],
    ['物资配给;社区里', '物资配给；社区里'],
    ['他说:“好”', '他说：“好”'],
    ['“承包”,一线', '“承包”，一线'],
    ['8日下午,1时', '8日下午，1时'],
    ['西亭镇西禅寺村:', '西亭镇西禅寺村：'],
    // A digit or % on the left and a Han character on the right: full-width too.
    ['提高了15%,菜农', '提高了15%，菜农'],
    ['共3000人,其中', '共3000人，其中'],
    ['增长了12,今年', '增长了12，今年'],
    ['《告居民书》,并', '《告居民书》，并'],
    // Latin or digits on the left, Latin on the right, or a space: unchanged.
    ['连接WIFI,扫码', '连接WIFI,扫码'],
    ['12:30开始', '12:30开始'],
    ['共1,000人', '共1,000人'],
    ['Time: 9', 'Time: 9'],
    ['网址:http', '网址:http'],
    ['好, 再见', '好, 再见'],
    [',开头', ',开头'],
    ['已是全角，不变', '已是全角，不变'],
    // Half-width parentheses around Chinese text: the full-width pair, and a comma after it full-width too.
    ['以村(社区)支部书记为组长', '以村（社区）支部书记为组长'],
    ['下沉到村(社区),开展排查', '下沉到村（社区），开展排查'],
    ['本报讯(记者 王明峰)近日', '本报讯（记者 王明峰）近日'],
    ['连接WIFI(无线网)', '连接WIFI（无线网）'],
    // Digits or Latin only inside, an unpaired or nested parenthesis: unchanged.
    ['今年(2021)以来', '今年(2021)以来'],
    ['连接(WIFI),扫码', '连接(WIFI),扫码'],
    ['见图(上', '见图(上'],
  ];
  for (const [input, shown] of cases) assert.equal(fullWidthPunctuation(input), shown, input);
  assert.equal(foldPunctuation('近日，如皋市：好！吗？是；（社区）'), '近日,如皋市:好!吗?是;(社区)');
  assert.equal([...HALF_WIDTH].length, [...FULL_WIDTH].length);
});

test('every page shows every character of its items: the segmented text, modulo the full-width mapping only', async () => {
  const site = await buildFixtureSite();
  const model = buildSiteModel(site.result.pages, site.result.articles);
  let mapped = 0;
  let parentheses = 0;
  for (const item of model.items) {
    const raw = item.article;
    const shown = displayArticle(raw);
    assert.equal(item.shown.body.length, raw.body.length);
    const pairs: Array<[string | null, string | null]> = [[raw.kicker, shown.kicker], [raw.headline, shown.headline], [raw.subheadline, shown.subheadline], ...raw.body.map((part, i): [string, string] => [part.text, shown.body[i]?.text as string])];
    for (const [before, after] of pairs) {
      if (before === null) { assert.equal(after, null); continue; }
      assert.equal(after?.length, before.length, 'same length');
      for (let i = 0; i < before.length; i++) {
        if (before[i] === after?.[i]) continue;
        mapped++;
        if (before[i] === '(' || before[i] === ')') parentheses++;
        // The only change: one of the mapped marks, to its full-width form.
        assert.equal(FULL_WIDTH[HALF_WIDTH.indexOf(before[i] as string)], after?.[i], `${item.id}: ${before.slice(Math.max(0, i - 3), i + 3)}`);
      }
    }
    // The article page has the shown body, every part of it, in order, but a `·name·` mark or a bare `name摄`
    // credit: those the page shows once, in its byline and credit line, each name linked.
    const html = site.read(item.path);
    const body = html.slice(html.indexOf('<div class="story-body">'), html.indexOf('</div>', html.indexOf('<div class="story-body">')));
    const text = body.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\n/g, '');
    assert.equal(text, shown.body.filter((part) => !shownInHeader(part, raw)).map((part) => part.text).join(''), item.id);
    for (const name of [...raw.bylines, ...(raw.photoCredit === null ? [] : [raw.photoCredit])]) assert.ok(html.includes(`>${name}</a>`), `${item.id}: ${name} linked`);
  }
  // The seed and fixtures: 382 marks mapped (most of them commas between two Han characters; 8 are parentheses).
  assert.equal(mapped, 382);
  assert.equal(parentheses, 8);
  // The feed and the search documents show the mapped text too; articles.json keeps the extracted text.
  assert.ok(site.read('feed.xml').includes('“儿女们天天忙，就盼着有人能教一下我们怎么用这些手机功能。'));
  assert.ok(site.read('data/articles.json').includes('面对当前疫情防控严峻形势,近期,崇川区人大常委会机关迅速行动'));
});
