/**
 * The Markdown export's document (src/render/article-markdown.ts articleToMarkdown): the body is handed to
 * gray-matter as a file object, with the same bytes as when gray-matter parsed it from a string (a leading BOM
 * removed, escaped dashes left as they are).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleToMarkdown, type MarkdownArticle } from '../../src/render/article-markdown.js';

test('an export whose text opens with a BOM and holds dashes: the exact document', () => {
  const article: MarkdownArticle = {
    kind: 'article', kicker: null, headline: '标题', subheadline: null, bylines: ['陈馨'], photoCredit: null, continued: false, seed: 'a.txt', sourceLines: [3, 5],
    body: [{ type: 'paragraph', text: '\ufeff第一段---1.' }, { type: 'paragraph', text: '---' }],
  } as MarkdownArticle;
  assert.equal(
    articleToMarkdown(article, 'a/01'),
    '---\nid: a/01\nkind: article\nkicker: null\nheadline: 标题\nsubheadline: null\nbylines:\n  - 陈馨\nphoto_credit: null\ncontinued: false\nseed: a.txt\nsource_lines:\n  - 3\n  - 5\n---\n第一段\\-\\-\\-1\\.\n\n\\-\\-\\-\n',
  );
});
