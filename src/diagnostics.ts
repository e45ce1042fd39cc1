/**
 * Diagnostics as editors read them: `seeds/FILE.txt:LINE: warning: message [rule]`.
 */
import type { Diagnostic } from './types.js';

/**
 * Characters a terminal or log reader would not show as themselves: C0 and C1 controls (a newline, ESC), line and
 * paragraph separators, and the bidirectional overrides, which could make a file name forge a line or hide text.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with {@link UNPRINTABLE} characters escaped: `\n`, `\t`, `\r`, else `\u{1B}`. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    return `\\u{${(char.codePointAt(0) as number).toString(16).toUpperCase()}}`;
  });
}

/**
 * One diagnostic as a line: `file:line: severity: message [rule]` (no `:line` for whole-file messages). Always
 * one line: a file name with a newline or ESC is printed escaped (`seeds/a\nb.txt`), so it cannot forge another.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === null ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  return escapeUnprintable(`${where}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.rule}]`);
}

/** True when any diagnostic is an error (input refused). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
