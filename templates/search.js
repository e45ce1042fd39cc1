// Search page: runs the query of ?q= (or the form) against the Pagefind index in ../pagefind/.
// Results are built with DOM methods; of Pagefind's excerpt only text and <mark> are kept.
const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const MAX_RESULTS = 30;
let pagefind = null;

function excerptNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(node.textContent));
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else out.push(document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

function hrefOf(url) {
  // Pagefind knows pages as /path from the site root; the search page sits at the root.
  return new URL(url.replace(/^\/+/, ''), document.baseURI).href;
}

// Pagefind splits Chinese into words (张芝山镇 → 张 芝山 镇) and finds pages that have all of them, anywhere.
// Pages where they stand together as typed (a quoted phrase search) come first, each group in Pagefind's
// ranking order, and show the excerpt of the phrase.
async function rank(query) {
  const ranked = (await pagefind.search(query)).results;
  if (/["\s]/.test(query)) return ranked;
  const exact = (await pagefind.search(`"${query}"`)).results;
  const phrase = new Map(exact.map((result) => [result.id, result]));
  const first = ranked.filter((result) => phrase.has(result.id)).map((result) => phrase.get(result.id));
  const seen = new Set(first.map((result) => result.id));
  return [...first, ...exact.filter((result) => !seen.has(result.id)), ...ranked.filter((result) => !phrase.has(result.id))];
}

// The index is split into shards (one per edition year): the first is the bundle in ../pagefind/, the others
// are listed in ../pagefind/shards.json and merged into it.
async function loadIndex() {
  const base = new URL('../pagefind/', import.meta.url);
  const api = await import(new URL('pagefind.js', base).href);
  const shards = await (await fetch(new URL('shards.json', base))).json();
  for (const shard of shards) await api.mergeIndex(new URL(`${shard}/`, base).href);
  return api;
}

// Each shard is searched on its own, and Pagefind drops a word that a shard's index does not have: in a shard
// without 馨, 陈馨 would match every page with 陈. So a hit must contain every character of the query.
const MAX_CHECKED = 300;
async function keepMatching(found, query) {
  const wanted = [...new Set(query.toLowerCase().replace(/["\s]/g, ''))];
  const kept = [];
  for (let i = 0; i < Math.min(found.length, MAX_CHECKED); i += 20) {
    const batch = await Promise.all(found.slice(i, Math.min(i + 20, MAX_CHECKED)).map((result) => result.data()));
    for (const data of batch) {
      const text = `${data.meta?.title ?? ''} ${data.content ?? ''}`.toLowerCase();
      if (wanted.every((c) => text.includes(c))) kept.push(data);
    }
  }
  return { kept, more: found.length > MAX_CHECKED };
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = '请输入要搜索的词。'; return; }
  status.textContent = '正在搜索……';
  try {
    pagefind ??= await loadIndex();
  } catch {
    status.textContent = '搜索暂时无法使用，请稍后再试。也可以按日期、地区或作者浏览。';
    return;
  }
  const { kept, more } = await keepMatching(await rank(query.trim()), query);
  const results = kept.slice(0, MAX_RESULTS);
  const count = `${kept.length}${more ? ' 多' : ''}`;
  status.textContent = results.length === 0 ? `没有找到与“${query}”相关的文章。` : `“${query}”：找到 ${count} 篇${kept.length > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 篇` : ''}。`;
  for (const data of results) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'headline';
    link.href = hrefOf(data.raw_url ?? data.url);
    link.textContent = data.meta?.title ?? data.url;
    item.append(link);
    if (data.meta?.source) {
      const source = document.createElement('span');
      source.className = 'meta';
      source.textContent = data.meta.source;
      item.append(source);
    }
    const excerpt = document.createElement('span');
    excerpt.className = 'opening';
    excerpt.append(...excerptNodes(data.excerpt ?? ''));
    item.append(excerpt);
    list.append(item);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value;
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  history.replaceState(null, '', url);
  run(query);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) { input.value = initial; run(initial); }
