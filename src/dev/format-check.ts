/**
 * `news-archive check`: how one seed was segmented, as a plain-text table an editor can read in a terminal.
 * Pure: data in, text out.
 */
import { escapeUnprintable, formatDiagnostic } from '../diagnostics.js';
import type { Diagnostic, TaggedArticle } from '../types.js';

/** Columns a character takes in a terminal: 2 for East Asian wide and full-width characters, else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * `text` cut to at most `max` columns, ending in `…` when cut. A control character (a tab, a newline in a title)
 * is shown escaped (`\t`, diagnostics.ts escapeUnprintable), so it can neither move the table's columns nor start a line.
 */
export function truncate(text: string, max: number): string {
  text = escapeUnprintable(text);
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const c of text) {
    if (displayWidth(out + c) > max - 1) break;
    out += c;
  }
  return `${out}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Widest a cell of each column may be, in terminal columns. */
const MAX_WIDTH = { kicker: 24, headline: 36, subheadline: 24, byline: 20, places: 28 } as const;

/**
 * The check report of one seed.
 * @param file the seed as named in diagnostics
 * @param articles its items in page order (none when the file was refused)
 * @param diagnostics the seed's diagnostics, sorted by line
 * @returns lines ending in `\n`: a title line, the table (one row per item, with the lines and rules of its
 *   warnings), then every diagnostic in full
 */
export function formatCheck(file: string, articles: readonly TaggedArticle[], diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const kinds = ['article', 'photo', 'unsorted'] as const;
  const counts = kinds.map((kind) => [kind, articles.filter((a) => a.kind === kind).length] as const).filter(([, n]) => n > 0);
  const lines = [
    `${escapeUnprintable(file)}: ${articles.length} item(s)${counts.length > 0 ? ` (${counts.map(([kind, n]) => `${n} ${kind}`).join(', ')})` : ''}, ` +
      `${errors} error(s), ${warnings} warning(s)`,
  ];
  if (articles.length > 0) {
    const header = ['#', 'lines', 'kind', 'kicker 引题', 'headline 主题', 'subheadline 副题', '¶', 'byline', 'places', 'warnings'];
    const rows = articles.map((a) => {
      const [first, last] = a.sourceLines;
      const own = diagnostics.filter((d) => d.line !== null && d.line >= first && d.line <= last);
      const firstText = a.body.find((part) => part.type === 'paragraph')?.text ?? '';
      const names = [...a.bylines, ...(a.photoCredit === null ? [] : [`${a.photoCredit}摄`])].join(' ');
      return [
        String(a.index + 1),
        first === last ? String(first) : `${first}-${last}`,
        a.continued ? `${a.kind}, continued` : a.kind,
        truncate(a.kicker ?? '-', MAX_WIDTH.kicker),
        truncate(a.headline ?? `(${firstText})`, MAX_WIDTH.headline),
        truncate(a.subheadline ?? '-', MAX_WIDTH.subheadline),
        String(a.body.filter((part) => part.type === 'paragraph').length),
        truncate(names || '-', MAX_WIDTH.byline),
        truncate([...a.places.districts, ...a.places.towns].map((p) => p.name).join(' ') || '-', MAX_WIDTH.places),
        own.map((d) => `${d.line}: ${d.rule}`).join('; ') || '-',
      ];
    });
    const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
    const format = (row: readonly string[]): string => row.map((cell, column) => pad(cell, widths[column] ?? 0)).join('  ').trimEnd();
    lines.push('', format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format));
    // Why each item starts where it does, and what each body line was read as.
    lines.push('', 'Where each item starts, and the roles of its lines:');
    for (const a of articles) {
      lines.push(`${a.index + 1}. ${escapeUnprintable(a.opening ?? `line ${a.sourceLines[0]}`)}`);
      const roles = [
        ...(a.kicker === null ? [] : [`kicker 引题: ${truncate(a.kicker, 40)}`]),
        ...(a.headline === null ? [] : [`headline 主题: ${truncate(a.headline, 40)}`]),
        ...(a.subheadline === null ? [] : [`subheadline 副题: ${truncate(a.subheadline, 40)}`]),
        ...a.body.filter((part) => part.type !== 'paragraph').map((part) => `${part.type} (line ${part.lines[0]}): ${truncate(part.text, 40)}${part.why === undefined ? '' : `; ${part.why}`}`),
      ];
      for (const role of roles) lines.push(`   ${escapeUnprintable(role)}`);
    }
  }
  if (diagnostics.length > 0) lines.push('');
  for (const d of diagnostics) lines.push(formatDiagnostic(d));
  return `${lines.join('\n')}\n`;
}
