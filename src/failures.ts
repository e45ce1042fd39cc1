/**
 * Errors of the machine, not of the input: a full disk, a read-only folder, missing permissions. The command
 * prints them as one line naming the file and what to do, never as a stack trace.
 */
import path from 'node:path';

/** What the system error codes a build may meet mean to an editor. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only disk',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error of the disk',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on this machine',
  ENAMETOOLONG: 'a file name is too long',
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where a file should be',
};

/** A file system error (an Error with a `code` from {@link SYSTEM_ERRORS}), else null. */
function systemError(error: unknown): (Error & { code: string; path?: string; dest?: string }) | null {
  if (!(error instanceof Error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code in SYSTEM_ERRORS ? (error as Error & { code: string }) : null;
}

/**
 * The one-line message of a file system error that stopped the command, or null for any other error (a defect,
 * which keeps its stack trace). `news-archive: cannot write /x/dist/.news-archive: no space left on the disk
 * (ENOSPC); free some space and build again; the output folder was left as it was`.
 */
export function describeSystemError(error: unknown): string | null {
  const found = systemError(error);
  if (found === null) return null;
  const file = found.path === undefined ? '' : ` ${path.relative(process.cwd(), found.path) || found.path}`;
  const syscall = (found as NodeJS.ErrnoException).syscall ?? '';
  const verb = /^(open|write|mkdir|rename|link|copyfile|unlink|rmdir|rm|symlink|chmod|utime)/.test(syscall) ? 'write' : 'read';
  const hint =
    found.code === 'ENOSPC' || found.code === 'EDQUOT'
      ? 'free some space and build again'
      : found.code === 'EROFS' || found.code === 'EACCES' || found.code === 'EPERM'
        ? 'choose a folder you may write with --out (or `outDir`, `cacheDir` in news-archive.config.json)'
        : 'fix it and build again';
  return `news-archive: cannot ${verb}${file}: ${SYSTEM_ERRORS[found.code]} (${found.code}); ${hint}; the output folder was left as it was`;
}

/**
 * `error` with the file it happened to: a write that fails with a full disk (`ENOSPC` from `write`) names no
 * file, so the message could not say whether the output's disk or the cache's is full. Sets `path` on a system
 * error that has none; returns `error` (to be thrown again).
 */
export function naming(error: unknown, file: string): unknown {
  const found = systemError(error);
  if (found !== null && found.path === undefined) found.path = file;
  return error;
}
