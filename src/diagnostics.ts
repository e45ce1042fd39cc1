/**
 * Diagnostics as editors read them: `seeds/FILE.txt:LINE: warning: message [rule]`.
 */
import type { Diagnostic } from './types.js';

/** One diagnostic as a line: `file:line: severity: message [rule]` (no `:line` for whole-file messages). */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === null ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.rule}]`;
}

/** True when any diagnostic is an error (input refused). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
