/**
 * The bench's peers (issue 14): the same archive built by Hugo, and by Hugo followed by the `pagefind` command
 * (what a Hugo user runs for Chinese search, with the Pagefind binary this project installs), so that the
 * bench prints news-archive's times as ratios to theirs, measured in the same run.
 *
 * The peers get the same articles as Markdown: {@link writeHugoSite} reads news-archive's own
 * `data/articles.json` of the archive (every item's kicker, headline, subheadline, subheads and paragraphs,
 * with its edition date) and writes one `content/{page}/{NN}.md` a item with YAML front matter, plus minimal
 * layouts: an article page with its `data-pagefind-body`, and list pages. Hugo has no incremental build
 * (`hugo` renders the whole site every time), so its "add one page" is a full build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * Write a Hugo site of the items of `articlesJson` into `dir` (emptied first).
 * @returns the number of content files written
 */
export function writeHugoSite(articlesJson: string, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  const records = JSON.parse(readFileSync(articlesJson, 'utf8')) as ArticleRecord[];
  mkdirSync(path.join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "http://localhost:8080/"\nlanguageCode = "zh-cn"\ntitle = "地方报纸数字档案"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'), LAYOUT_SINGLE);
  writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'), LAYOUT_LIST);
  writeFileSync(path.join(dir, 'layouts', 'index.html'), LAYOUT_LIST);
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
