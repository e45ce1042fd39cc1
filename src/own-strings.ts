/**
 * Strings that keep no larger string alive. V8 makes a substring of 13 or more characters (`slice`, `substring`,
 * a regular expression's match) a view into the string it was cut from, so each headline, paragraph or byline the
 * segmenter cuts from a page's text keeps the whole page text in memory for as long as the item lives: in a cold
 * build of 9,974 articles, 27.6 MB of page texts (2,212 of 2,250 pages) were held to the end by their items (heap
 * snapshot of the build process, bench/run-bench.ts), about four times that at 40,000 articles.
 */

/**
 * A string equal to `text` that holds its own characters: `' ' + text` is flattened into a new string by
 * `slice`, and the result refers to that copy alone, not to the string `text` was cut from.
 * @returns a string `===` to `text`
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Replace, in place, every string of the plain objects and arrays under `value` (own enumerable properties,
 * array elements) by {@link ownString} of it. Other values (numbers, null, class instances, functions) are left
 * as they are.
 * @param value freshly made plain data (e.g. a page's segmented items), not shared and not frozen
 * @returns `value`
 */
export function ownStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'string') value[i] = ownString(element);
      else if (typeof element === 'object' && element !== null) ownStrings(element);
    }
    return value;
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (typeof field === 'string') record[key] = ownString(field);
      else if (typeof field === 'object' && field !== null) ownStrings(field);
    }
  }
  return value;
}
