/**
 * Decoded seed text → SeedPage: line endings normalised, control characters reported and dropped, and the
 * optional YAML front matter (paper, date, page, page_name) read with gray-matter.
 */
import { createRequire } from 'node:module';
import type matterModule from 'gray-matter';
import type yamlModule from 'js-yaml';

const require = createRequire(import.meta.url);

/**
 * gray-matter and js-yaml, loaded on first use (synchronously, both are CommonJS): a build whose seeds all come
 * from the cache never loads them, and reading the inputs does not wait for them.
 */
function frontMatterParsers(): { matter: typeof matterModule; yaml: typeof yamlModule } {
  return { matter: require('gray-matter') as typeof matterModule, yaml: require('js-yaml') as typeof yamlModule };
}
import type { Diagnostic, PageMeta, SeedPage } from '../types.js';

/** Front matter keys a seed may carry. */
export const FRONT_MATTER_KEYS = ['paper', 'date', 'page', 'page_name'] as const;

/** The result of parsing one seed's text. */
export interface ParsedSeed {
  readonly page: SeedPage;
  readonly diagnostics: Diagnostic[];
}

const EMPTY_META: PageMeta = { paper: null, date: null, page: null, pageName: null };

/** True for `YYYY-MM-DD` naming a real calendar day. */
export function isEditionDate(value: string): boolean {
  return editionDateProblem(value) === null;
}

const MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a front matter date, as the end of a sentence, or null for `YYYY-MM-DD` naming a real day:
 * `expected YYYY-MM-DD` for another form (`2021/08/18`, `2021-8-18`), else why the day does not exist
 * (`2021-02-30`: `that day does not exist: February 2021 has 28 days`; `2021-13-01`: `there is no month 13`).
 */
export function editionDateProblem(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'expected YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `that day does not exist: there is no month ${month} (months are 01 to 12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `that day does not exist: ${MONTHS[month - 1]} ${year} has ${days} days`;
  return null;
}

/** Unicode noncharacters, which are never text. */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/gu;

/** Characters that are never text: C0 controls but tab and line feed, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

/**
 * Parse a seed's decoded text.
 * @param file seed path for diagnostics, e.g. `seeds/000_b18dfdda09c05dd9.txt`
 * @param name page name (file name without `.txt`)
 * @param raw decoded text, BOM removed, any line endings
 * @returns the page; diagnostics for control characters and for front matter that is invalid YAML, has unknown keys or a bad date
 */
export function parseSeed(file: string, name: string, raw: string): ParsedSeed {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number | null, rule: string, message: string): void => {
    diagnostics.push({ file, line, rule, severity: 'warning', message });
  };
  let text = raw.replace(/\r\n?/g, '\n');
  if (text.search(CONTROL) >= 0) {
    text.split('\n').forEach((line, i) => {
      const found = line.match(CONTROL);
      if (found) {
        const codes = [...new Set(found)].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
        warn(i + 1, 'seed/control-character', `Unexpected control character ${codes.join(', ')}: removed`);
      }
    });
    // Form feeds and other controls become nothing; line numbers are unchanged (no \n is removed).
    text = text.replace(CONTROL, '');
  }

  // Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, U+nFFFE/F): never text, and XML 1.0 forbids some of them.
  if (text.search(NONCHARACTER) >= 0) {
    text.split('\n').forEach((line, i) => {
      const found = line.match(NONCHARACTER);
      if (found) {
        const codes = [...new Set(found)].map((c) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
        warn(i + 1, 'seed/noncharacter', `Unexpected noncharacter ${codes.join(', ')}: removed`);
      }
    });
    text = text.replace(NONCHARACTER, '');
  }

  // A second byte order mark (the file was saved with one twice; the decoder removed the first): invisible, it
  // would hide the front matter and start the headline.
  const boms = /^\uFEFF+/.exec(text);
  if (boms !== null) {
    warn(1, 'seed/byte-order-mark', `Unexpected byte order mark at the start of the text (the file has ${boms[0].length + 1} of them): removed`);
    text = text.slice(boms[0].length);
  }

  let meta = EMPTY_META;
  let body = text;
  let firstLine = 1;
  // Front matter after blank lines: read all the same, with a warning, when it closes and names a known key.
  const late = /^(?:[ \t\u3000]*\n)+(?=---[ \t]*\n)/.exec(text);
  const lead = late === null ? 0 : late[0].length;
  const leadLines = late === null ? 0 : late[0].split('\n').length - 1;
  if (/^---[ \t]*\n/.test(text.slice(lead))) {
    const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(lead + 3));
    const end = close === null ? -1 : lead + 3 + close.index + close[0].length;
    const block = end < 0 ? '' : text.slice(lead, end);
    const keyed = new RegExp(`^(?:${FRONT_MATTER_KEYS.join('|')}):`, 'm').test(block);
    if (close === null) {
      if (lead === 0) warn(1, 'seed/front-matter', 'Unexpected `---` on the first line with no closing `---`: read as text');
    } else if (lead === 0 || keyed) {
      if (lead > 0) {
        warn(leadLines + 1, 'seed/front-matter-position', `Unexpected front matter on line ${leadLines + 1}: front matter must start on the first line; read all the same (delete the blank lines before it)`);
      }
      body = text.slice(end);
      firstLine = leadLines + block.split('\n').length - (block.endsWith('\n') ? 1 : 0) + 1;
      meta = readFrontMatter(block, file, (line, rule, message) => warn(line === null ? null : line + leadLines, rule, message));
    }
  }
  return { page: { file, name, text: body, firstLine, meta }, diagnostics };
}

function readFrontMatter(block: string, file: string, warn: (line: number | null, rule: string, message: string) => void): PageMeta {
  let data: Record<string, unknown>;
  try {
    const { matter, yaml } = frontMatterParsers();
    const parsed = matter(block, {
      engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.FAILSAFE_SCHEMA, filename: file }) as object },
    });
    data = (parsed.data ?? {}) as Record<string, unknown>;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? 'invalid YAML';
    // gray-matter hands js-yaml the text after the opening `---`, starting with its line break: YAML line 0 is
    // the rest of seed line 1, so seed line = mark.line + 1 (kept inside the front matter block).
    const last = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
    const line = mark?.line === undefined ? 1 : Math.min(Math.max(mark.line + 1, 1), last);
    warn(line, 'seed/front-matter', `Unexpected front matter: ${reason}; front matter ignored`);
    return EMPTY_META;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    warn(1, 'seed/front-matter', 'Unexpected front matter: expected `key: value` lines; front matter ignored');
    return EMPTY_META;
  }
  const lineOf = (key: string): number => {
    const index = block.split('\n').findIndex((line) => line.startsWith(`${key}:`));
    return index < 0 ? 1 : index + 1;
  };
  for (const key of Object.keys(data).sort()) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      warn(lineOf(key), 'seed/front-matter-key', `Unexpected front matter key \`${key}\`, expected one of ${FRONT_MATTER_KEYS.join(', ')}; ignored`);
    }
  }
  const str = (key: (typeof FRONT_MATTER_KEYS)[number]): string | null => {
    const value = data[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      warn(lineOf(key), 'seed/front-matter-value', `Unexpected value for \`${key}\`: expected text; ignored`);
      return null;
    }
    return value.trim();
  };
  let date = str('date');
  const problem = date === null ? null : editionDateProblem(date);
  if (problem !== null) {
    warn(lineOf('date'), 'seed/front-matter-date', `Unexpected date \`${date}\`${problem.startsWith('expected') ? ',' : ':'} ${problem}; ignored`);
    date = null;
  }
  return { paper: str('paper'), date, page: str('page'), pageName: str('page_name') };
}
