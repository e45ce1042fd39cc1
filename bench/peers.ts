/**
 * The bench's peers (issue 14): the same archive built by Hugo, by Hugo followed by the `pagefind` command
 * (what a Hugo user runs for Chinese search, with the Pagefind binary this project installs) and by Eleventy,
 * so that the bench prints news-archive's times as ratios to theirs, measured in the same run.
 *
 * The peers get the same articles as Markdown: {@link writeHugoSite} and {@link writeEleventySite} read
 * news-archive's own `data/articles.json` of the archive (every item's kicker, headline, subheadline and
 * paragraphs, with its edition date) and write one `content/{page}/{NN}.md` a item with YAML front matter, plus
 * minimal layouts: an article page with its `data-pagefind-body`, and list pages (Hugo: the home page and one a
 * page folder; Eleventy: the home page). Neither has an incremental build of its own here (`hugo` renders the
 * whole site every time), so a peer's "add one page" is a full build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The record of one item in `data/articles.json`, as much of it as the peers read. */
interface ArticleRecord {
  readonly id: string;
  readonly date: string | null;
  readonly kicker: string | null;
  readonly headline: string | null;
  readonly subheadline: string | null;
  readonly subheads?: readonly string[];
  readonly paragraphs: readonly string[];
}

/** Whether the `hugo` command is on the PATH. */
export function hasHugo(): boolean {
  return spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
}

/** The Pagefind binary of the project's `pagefind` package (as src/search/pagefind-process.ts finds it). */
export function pagefindCommand(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
}

const LAYOUT_SINGLE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">首页</a></nav>
<article data-pagefind-body>{{ with .Params.kicker }}<p class="kicker">{{ . }}</p>{{ end }}<h1>{{ .Title }}</h1>{{ with .Params.subheadline }}<p class="subheadline">{{ . }}</p>{{ end }}
{{ .Content }}</article>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">上一篇：{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">下一篇：{{ .Title }}</a>{{ end }}
</body></html>
`;
const LAYOUT_LIST = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ol></body></html>
`;

/** YAML double-quoted string. */
const yaml = (text: string): string => JSON.stringify(text);

/**
 * Write one `content/{page}/{NN}.md` an item of `records` under `dir`, with YAML front matter (title, date,
 * kicker, subheadline) and the paragraphs as escaped Markdown.
 * @returns the number of content files written
 */
function writeContent(records: readonly ArticleRecord[], dir: string): number {
  let count = 0;
  for (const record of records) {
    const [page, number] = record.id.split('/');
    if (page === undefined || number === undefined) continue;
    const title = record.headline ?? record.paragraphs[0]?.slice(0, 24) ?? record.id;
    const front = ['---', `title: ${yaml(title)}`, `date: ${record.date ?? '2000-01-01'}`];
    if (record.kicker) front.push(`kicker: ${yaml(record.kicker)}`);
    if (record.subheadline) front.push(`subheadline: ${yaml(record.subheadline)}`);
    front.push('---', '');
    const body = record.paragraphs.map((paragraph) => paragraph.replace(/([\\`*_{}\[\]()#+\-.!<>|])/g, '\\$1')).join('\n\n');
    const folder = path.join(dir, 'content', page);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${number}.md`), `${front.join('\n')}\n${body}\n`);
    count++;
  }
  return count;
}

/** The records of a built archive's `data/articles.json`. @throws Error when the file cannot be read or parsed */
function readRecords(articlesJson: string): ArticleRecord[] {
  return JSON.parse(readFileSync(articlesJson, 'utf8')) as ArticleRecord[];
}

/**
 * Write a Hugo site of the items of `articlesJson` into `dir` (emptied first).
 * @returns the number of content files written
 */
export function writeHugoSite(articlesJson: string, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  const records = readRecords(articlesJson);
  mkdirSync(path.join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "http://localhost:8080/"\nlanguageCode = "zh-cn"\ntitle = "地方报纸数字档案"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'), LAYOUT_SINGLE);
  writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'), LAYOUT_LIST);
  writeFileSync(path.join(dir, 'layouts', 'index.html'), LAYOUT_LIST);
  return writeContent(records, dir);
}

/**
 * The command line that runs Eleventy (npm `@11ty/eleventy`, 3.x) when it is installed beside the project's own
 * packages (`npm install --no-save @11ty/eleventy@3`: the bench's only use of it, so not a dependency), else null.
 */
export function eleventyCommand(root: string): string | null {
  // Its package.json is not among the package's exports, so the command is looked for where npm puts it.
  const cmd = path.join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  return existsSync(cmd) ? `${JSON.stringify(process.execPath)} ${JSON.stringify(cmd)}` : null;
}

const ELEVENTY_CONFIG = `module.exports = function () {
  // Seeds' text is data, not templates: Markdown is not run through Liquid first.
  return { markdownTemplateEngine: false, htmlTemplateEngine: 'njk', dir: { input: '.', includes: '_includes' } };
};
`;
const ELEVENTY_ARTICLE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><nav><a href="/">首页</a></nav>
<article data-pagefind-body>{% if kicker %}<p class="kicker">{{ kicker }}</p>{% endif %}<h1>{{ title }}</h1>{% if subheadline %}<p class="subheadline">{{ subheadline }}</p>{% endif %}
{{ content | safe }}</article>
</body></html>
`;
const ELEVENTY_INDEX = `---
title: 地方报纸数字档案
---
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1><ol>{% for item in collections.all %}{% if item.url != "/" %}<li><a href="{{ item.url }}">{{ item.data.title }}</a> {{ item.date.toISOString().slice(0, 10) }}</li>{% endif %}{% endfor %}</ol></body></html>
`;

/**
 * Write an Eleventy site of the items of `articlesJson` into `dir` (emptied first): the content files, an
 * article layout, a home page listing every item, and the config ({@link eleventyCommand} runs it with
 * `--config`).
 * @returns the number of content files written
 */
export function writeEleventySite(articlesJson: string, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  const records = readRecords(articlesJson);
  mkdirSync(path.join(dir, '_includes'), { recursive: true });
  writeFileSync(path.join(dir, 'eleventy.config.cjs'), ELEVENTY_CONFIG);
  writeFileSync(path.join(dir, '_includes', 'article.njk'), ELEVENTY_ARTICLE);
  writeFileSync(path.join(dir, 'index.njk'), ELEVENTY_INDEX);
  const count = writeContent(records, dir);
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  writeFileSync(path.join(dir, 'content', 'content.json'), `${JSON.stringify({ layout: 'article.njk' })}\n`);
  return count;
}
