// Search page: runs the query of ?q= (or the form) against the Pagefind index in ../pagefind/.
//
// The index is split into shards (an edition year, or smaller; a day in the newest month): the primary bundle in
// ../pagefind/ is the newest shard and holds Pagefind's runtime, the others are listed in ../pagefind/shards.json. The first search
// runs on the primary bundle alone (nothing to merge first: Pagefind starts, and the list of shards loads beside
// it); then the other shards are merged newest edition first (pages without a date last), in batches whose
// pages double (shards.json gives each shard's pages): the first batch holds at least as many pages as the primary
// bundle and a sixteenth of the archive, at most FIRST_BATCH_PAGES (unless one shard has more), each later batch
// twice the one before. Each batch is merged while the pages of the one before are checked, and the results found
// so far are shown after each batch. So the first results come from the small newest index, and the whole archive
// takes a handful of searches whatever the shards' sizes (the newest edition's are small: src/search/shards.ts),
// not one per shard (each search runs on every shard merged so far).
//
// Pagefind splits Chinese into words (张芝山镇 → 张 芝山 镇) and finds pages that have all of them anywhere; a shard
// that lacks one of the words drops it (in a shard without 馨, 陈馨 finds every page with 陈). So every page it
// offers is checked here: it is listed only when its text contains the query as typed (for a query of several
// words, every word), with the half-width and full-width forms of , : ; ! ? counted as the same (the site shows
// full-width punctuation between Chinese characters). The count is of the pages that pass, so it is exact. Pages
// whose headline has the query come first, then those that have it as one phrase, then the rest, each group in
// Pagefind's ranking order. Results are built with DOM methods; no HTML of the index is inserted.
const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const MAX_RESULTS = 30;
const CONCURRENT = 16;
const REDRAW_MS = 150;
/** Most pages the first merge batch aims at (src/search/shards.ts SEARCH_SHARD_LIMIT: about one full shard). */
const FIRST_BATCH_PAGES = 500;
const byRank = (a, b) => a.group - b.group || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const base = new URL('../pagefind/', import.meta.url);

/** Half-width forms of the full-width marks the site shows (src/site/display-text.ts), and lower-case ASCII. */
const FOLD = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?' };
function fold(text) {
  return text.replace(/[，：；！？A-Z]/g, (c) => FOLD[c] ?? c.toLowerCase());
}

let api = null;
let pending = null;
/** Shards not merged yet, newest first, each `[name, pages]` (null until shards.json is in). */
let shards = null;
/** The list of shards, loading beside Pagefind. */
let listed = null;
/** How many pages the next batch merges at least (doubles after each). */
let batch = 1;

/** Shards (`[name, pages]`) newest first: dated names (`2021-08`, `2021`) in descending order, then `undated…` (src/search/shards.ts, newestShardFirst). */
function newestFirst(list) {
  const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const dated = list.filter(([name]) => /^\d/.test(name)).sort(byName).reverse();
  return [...dated, ...list.filter(([name]) => !/^\d/.test(name)).sort(byName)];
}

/** Pagefind with its primary bundle (the newest shard); the list of the other shards loads beside it. */
async function loadApi() {
  listed = fetch(new URL('shards.json', base))
    .then((response) => response.json())
    .then(({ primary, shards: list }) => {
      shards = newestFirst(list);
      const total = list.reduce((sum, [, pages]) => sum + pages, primary);
      batch = Math.max(1, Math.min(FIRST_BATCH_PAGES, Math.max(primary, Math.ceil(total / 16))));
    });
  const module = await import(new URL('pagefind.js', base).href);
  await module.options({ excerptLength: 40 });
  await module.init();
  return module;
}

/** Merges in flight (a search waits for them: Pagefind searches every shard merged so far). */
let merging = Promise.resolve();

/** Start merging the next batch of shards (after any merge in flight); resolves when they are merged. */
function mergeBatch() {
  merging = merging.then(async () => {
    await listed;
    const next = [];
    for (let pages = 0; shards.length > 0 && (next.length === 0 || pages < batch); ) {
      const [name, count] = shards.shift();
      next.push(name);
      pages += count;
    }
    batch *= 2;
    await Promise.all(next.map((shard) => api.mergeIndex(new URL(`${shard}/`, base).href)));
  });
  return merging;
}

/** The query's words: split at spaces, folded. */
function wordsOf(query) {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** 0: the headline has the query; 1: the text has it as one phrase; 2: it has every word; null: not a hit. */
function groupOf(data, query, words) {
  const title = fold(data.meta?.title ?? '');
  const text = fold(`${data.meta?.title ?? ''}\n${data.content ?? ''}`);
  if (!words.every((word) => text.includes(word))) return null;
  const phrase = fold(query.trim());
  if (title.includes(phrase)) return 0;
  return text.includes(phrase) ? 1 : 2;
}

/** Clause marks: an excerpt starts after one and ends at one, never inside a word. */
const CLAUSE = /[，。；：！？、,;:!?\s]/;
const ENDS = /[。！？!?]/;

/** Up to about 90 characters of `content` around the first word of the query, from and to clause marks, words marked. */
function excerptNodes(content, words, title) {
  // Pagefind joins the page's blocks with ". ", or " " after a block that ends with a mark: between Chinese text
  // the first reads as a stray full stop, the second as a gap after 。 (Chinese text has no spaces between
  // sentences: `细化到个人。防疫事关全局`).
  const text0 = content
    .replace(/([\p{Script=Han}”’）》」])\. /gu, '$1 · ')
    .replace(/([。！？；：，、…—”’）》」』])\s+(?=[\p{Script=Han}“‘（《「『])/gu, '$1');
  const folded = fold(text0);
  // The text starts with the header (kicker, headline): the excerpt is of what follows it, from the first match
  // there (a byline or the body), else from its start.
  const titleAt = title ? text0.indexOf(title) : -1;
  let header = titleAt < 0 ? 0 : titleAt + title.length;
  while (header < text0.length && /[\s·.]/.test(text0[header])) header++;
  const found = words.map((word) => folded.indexOf(word, header)).filter((i) => i >= 0);
  const at = found.length === 0 ? header : Math.min(...found);
  const matchEnd = at + (words[0]?.length ?? 0);
  // Start: the start of the sentence, or the farthest clause mark, within 40 characters before the match.
  let start = at;
  let clause = -1;
  for (let i = at; i > header && at - i < 40; i--) {
    const mark = text0[i - 1];
    if (ENDS.test(mark)) { start = i; clause = -2; break; }
    if (CLAUSE.test(mark)) clause = i;
  }
  if (clause >= 0) start = clause;
  else if (clause === -1 && at - header <= 40) start = header;
  // Not with the closing quote of the sentence before (`…”日前`), nor the block separator (`… · 连日来`).
  while (start < at && /[”’）》」』\s·]/.test(text0[start])) start++;
  // End: the last sentence end, else the last clause mark, within 90 characters of the start.
  let end = Math.min(text0.length, Math.max(matchEnd, start + 90));
  if (end < text0.length) {
    let sentence = -1;
    let pause = -1;
    for (let i = matchEnd + 1; i <= end; i++) {
      if (ENDS.test(text0[i - 1])) sentence = i;
      else if (CLAUSE.test(text0[i - 1])) pause = i;
    }
    end = sentence > 0 ? sentence : pause > 0 ? pause : end;
  }
  const text = `${start > header ? '…' : ''}${text0.slice(start, end).trim()}${end < text0.length ? '…' : ''}`;
  // Mark every occurrence of every word.
  const foldedText = fold(text);
  const marks = new Array(text.length).fill(false);
  for (const word of words) {
    for (let i = foldedText.indexOf(word); i >= 0; i = foldedText.indexOf(word, i + word.length)) marks.fill(true, i, i + word.length);
  }
  // Lines break between words only (the CSS of .opening breaks Chinese at <wbr> and punctuation, as the site's lists
  // do): a <wbr> where the browser's word segmenter ends a word between two Chinese characters, but none before a
  // one-character word (it stays with the word before it: 网格员, 扫码, as in src/site/line-breaks.ts), none inside
  // a mark.
  const breaks = new Set();
  const segments = [...wordSegmenter().segment(text)];
  for (let k = 1; k < segments.length; k++) {
    const { index, segment } = segments[k];
    if (segment.length < 2) continue;
    if (HAN.test(text[index - 1]) && HAN.test(text[index]) && !(marks[index - 1] && marks[index])) breaks.add(index);
  }
  const out = [];
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    while (j < text.length && marks[j] === marks[i] && !breaks.has(j)) j++;
    const piece = text.slice(i, j);
    if (marks[i]) {
      const mark = document.createElement('mark');
      mark.textContent = piece;
      out.push(mark);
    } else out.push(document.createTextNode(piece));
    if (breaks.has(j)) out.push(document.createElement('wbr'));
    i = j;
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
let segmenter = null;

/** The browser's Chinese word segmenter (ICU's dictionary), made once (about 10 ms: made while Pagefind loads). */
function wordSegmenter() {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return segmenter;
}

/** A headline as spans that break between words only, from the breaks the page recorded (src/site/line-breaks.ts). */
function titleNodes(title, breaks) {
  const offsets = [0, ...String(breaks ?? '').split(' ').filter(Boolean).map(Number), title.length];
  const out = [];
  let part = null;
  for (let k = 0; k + 1 < offsets.length; k++) {
    const piece = title.slice(offsets[k], offsets[k + 1]);
    if (piece === '') continue;
    if (/^\s/.test(piece)) {
      part = null;
      out.push(document.createTextNode(piece));
      continue;
    }
    if (part === null) {
      part = document.createElement('span');
      part.className = 'w';
      out.push(part);
    }
    const unit = document.createElement('span');
    unit.className = 'u';
    unit.textContent = piece;
    part.append(unit);
  }
  return out;
}

function hrefOf(url) {
  // Pagefind knows pages as /path from the site root; the search page sits at the root.
  return new URL(url.replace(/^\/+/, ''), document.baseURI).href;
}

function show(hits, words) {
  const items = hits.map(({ data }) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'headline';
    link.href = hrefOf(data.raw_url ?? data.url);
    link.append(...titleNodes(data.meta?.title ?? data.url, data.meta?.breaks));
    item.append(link);
    if (data.meta?.source) {
      const source = document.createElement('span');
      source.className = 'meta';
      source.textContent = data.meta.source;
      item.append(source);
    }
    const excerpt = document.createElement('span');
    excerpt.className = 'opening';
    excerpt.append(...excerptNodes(data.content ?? '', words, data.meta?.title ?? ''));
    item.append(excerpt);
    return item;
  });
  list.replaceChildren(...items);
}

function countLine(query, count, done) {
  if (count === 0) return done ? `没有找到与“${query}”相关的文章。` : '正在搜索……';
  const shown = count > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 篇` : '';
  return done ? `“${query}”：找到 ${count} 篇${shown}。` : `“${query}”：已找到 ${count} 篇${shown}，正在查找更早的版面……`;
}

let generation = 0;

async function run(query) {
  const mine = ++generation;
  list.replaceChildren();
  status.dataset.state = 'searching';
  if (!query.trim()) {
    status.textContent = '请输入要搜索的词。';
    status.dataset.state = 'done';
    return;
  }
  status.textContent = '正在搜索……';
  try {
    api ??= await (pending ??= loadApi());
    performance.mark('search:loaded');
    await searchShards(query, mine);
  } catch {
    if (mine !== generation) return;
    status.textContent = '搜索暂时无法使用，请稍后再试。也可以按日期、地区或作者浏览。';
    status.dataset.state = 'done';
  }
}

/** Search the primary bundle, then each batch of shards as it is merged, until every shard is searched. */
async function searchShards(query, mine) {
  const words = wordsOf(query);
  const checked = new Set();
  /** Hits found so far, and the best MAX_RESULTS of them in rank order. */
  let count = 0;
  const top = [];
  performance.mark('search:merged');
  for (let first = true; ; first = false) {
    await merging;
    const searched = api.search(query.trim());
    // Pagefind searches in its worker: a good time to make what the excerpts need.
    wordSegmenter();
    const found = (await searched).results;
    performance.mark('search:searched');
    if (mine !== generation) return;
    // The next batch merges while this one's pages are checked; in the first search, only once the first result is
    // on screen (or every page it offers is checked), so that the merge does not hold up the first result.
    await listed;
    const more = shards.length > 0;
    let merged = null;
    const startMerge = () => {
      if (!more || merged !== null) return;
      merged = mergeBatch();
      // (Its failure is reported by the `await merged` below, unless a newer search took over.)
      merged.catch(() => undefined);
    };
    if (!first) startMerge();
    const fresh = found.filter((result) => !checked.has(result.id));
    // Checked CONCURRENT at a time, best ranked first; the list is drawn at the first hit and then at most every
    // REDRAW_MS while hits that rank among the first MAX_RESULTS come in.
    let next = 0;
    let changed = false;
    let drawn = 0;
    const check = async () => {
      while (next < fresh.length && mine === generation) {
        const result = fresh[next++];
        const data = await result.data();
        if (mine !== generation) return;
        checked.add(result.id);
        const group = groupOf(data, query, words);
        if (group === null) continue;
        count++;
        const hit = { group, score: result.score, id: result.id, data };
        if (top.length < MAX_RESULTS || byRank(hit, top[top.length - 1]) < 0) {
          top.push(hit);
          top.sort(byRank);
          if (top.length > MAX_RESULTS) top.pop();
          changed = true;
        }
        const now = performance.now();
        if (changed && (drawn === 0 || now - drawn > REDRAW_MS)) {
          show(top, words);
          if (drawn === 0) performance.mark('search:first');
          startMerge();
          status.textContent = countLine(query, count, false);
          drawn = now;
          changed = false;
        } else if (now - drawn > REDRAW_MS) {
          status.textContent = countLine(query, count, false);
          drawn = now;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT }, check));
    if (mine !== generation) return;
    startMerge();
    show(top, words);
    status.textContent = countLine(query, count, !more);
    if (!more) break;
    await merged;
    if (mine !== generation) return;
  }
  status.dataset.state = 'done';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value;
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  history.replaceState(null, '', url);
  run(query);
});

/**
 * Start Pagefind and the newest shard before the first search (once): when the reader goes to the search box or
 * the page is idle, so that a query typed then is answered from a warm index; while the reader types, the index
 * chunks of what is typed so far are fetched (Pagefind's preload).
 */
function warmUp() {
  if (pending !== null) return;
  pending = loadApi();
  pending.then((module) => { api ??= module; }, () => undefined);
}
let typing = 0;
input.addEventListener('focus', warmUp, { once: true });
input.addEventListener('input', () => {
  clearTimeout(typing);
  const query = input.value.trim();
  if (query === '' || api === null) return;
  typing = setTimeout(() => api.preload(query).catch(() => undefined), 150);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  run(initial);
} else if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 2000 });
else setTimeout(warmUp, 500);
