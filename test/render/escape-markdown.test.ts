/**
 * escapeMarkdown leaves the punctuation that means nothing in CommonMark unescaped (it is slower to parse
 * escaped): any text, escaped, must still render as exactly itself, as a paragraph and as a `##` subhead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeMarkdown } from '../../src/render/article-markdown.js';
import { createMarkdownRenderer } from '../../src/render/markdown-to-html.js';

const render = createMarkdownRenderer();

/** How remark-html writes text: `&` and `<` as hexadecimal references, the rest as is. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');
}

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** Text as the segmenter hands it on: one line, no leading or trailing white space. */
const line = fc
  .array(fc.constantFrom(...ASCII_PUNCTUATION, ...'ab1 0。，“”：崇川区', ' ', '  '), { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join('').trim())
  .filter((text) => text !== '');

test('commas, colons and the other inert punctuation are left as they are', () => {
  assert.equal(escapeMarkdown('面对当前疫情,近期:共114人次;是否?"好"%/@^{|}$!'), '面对当前疫情,近期:共114人次;是否?"好"%/@^{|}$!');
});

test('syntax characters are escaped', () => {
  assert.equal(escapeMarkdown('# 1. 2) - + = * _ ` ~ [a](b) <i> &amp; \\'), '\\# 1\\. 2\\) \\- \\+ \\= \\* \\_ \\` \\~ \\[a\\]\\(b\\) \\<i\\> \\&amp; \\\\');
});

test('the inert characters next to syntax stay literal: ![a](b "t"), <a@b.c>, [x]: /u', () => {
  for (const text of ['![a](b "t")', '<a@b.c>', '[x]: /u', 'https://example.org/a?b=c', '1) 第一', '2021.8.18', '&copy;']) {
    assert.equal(render(`${escapeMarkdown(text)}\n`).html, `<p>${htmlText(text)}</p>\n`, text);
  }
});

test('any one-line text, escaped, renders as itself in a paragraph', () => {
  fc.assert(
    fc.property(line, (text) => render(`${escapeMarkdown(text)}\n`).html === `<p>${htmlText(text)}</p>\n`),
    { numRuns: 1000 },
  );
});

test('any one-line text, escaped, renders as itself in a subhead', () => {
  fc.assert(
    fc.property(line, (text) => render(`## ${escapeMarkdown(text)}\n`).html === `<h2>${htmlText(text)}</h2>\n`),
    { numRuns: 500 },
  );
});
