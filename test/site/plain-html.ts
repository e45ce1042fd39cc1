/**
 * Rendered HTML without the markup that only says where a headline may break (src/site/line-breaks.ts:
 * `<span class="w">` parts and `<span class="u">` units), so tests can compare the rest as written.
 */
export function unbreak(html: string): string {
  let out = html;
  for (let last = ''; last !== out; ) {
    last = out;
    out = out.replace(/<span class="[wu]">([^<]*)<\/span>/g, '$1');
  }
  return out;
}
