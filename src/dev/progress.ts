/**
 * Build progress for a terminal: a cli-progress bar on a TTY, plain lines otherwise (logs, CI, pipes).
 * The only module that imports cli-progress.
 */
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import type { BuildProgress } from '../build.js';
import { escapeUnprintable } from '../diagnostics.js';

/** Receives build progress; call `stop()` when the build ends (success or not). */
export interface ProgressReporter {
  readonly onProgress: (progress: BuildProgress) => void;
  stop(): void;
}

const require = createRequire(import.meta.url);

/**
 * The cli-progress package, loaded when a bar is first drawn (synchronously, it is CommonJS): a build that draws
 * none (no terminal, or fewer than {@link MIN_BAR_TOTAL} seeds to segment, as when a page is added) never loads
 * it, and the command's start does not wait for it.
 */
function cliProgress(): typeof cliProgressModule {
  return require('cli-progress') as typeof cliProgressModule;
}

/** Fewest seeds to process before a bar is shown: smaller builds finish before a bar is useful. */
const MIN_BAR_TOTAL = 3;

/**
 * A reporter writing to `stream` (normally stderr, so stdout keeps only the summary).
 * @param tty draw a bar (default: whether the stream is a terminal)
 */
export function createProgressReporter(stream: NodeJS.WriteStream, tty = stream.isTTY === true): ProgressReporter {
  let bar: cliProgressModule.SingleBar | null = null;
  const line = (text: string): void => {
    stream.write(`${text}\n`);
  };
  return {
    onProgress(progress) {
      if (progress.phase === 'places') {
        if (bar === null) line(`Loading the place dictionary to segment ${progress.total} seed page(s)…`);
        if (tty && progress.total >= MIN_BAR_TOTAL) {
          const { SingleBar, Presets } = cliProgress();
          bar = new SingleBar({ stream, format: 'Segmenting {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
          bar.start(progress.total, 0, { file: '' });
        }
      } else if (progress.phase === 'segment') {
        const file = escapeUnprintable(progress.file ?? '');
        if (bar !== null) bar.update(progress.done, { file });
        else line(`Segmented ${file} (${progress.done}/${progress.total})`);
      } else if (progress.phase === 'render') {
        if (bar !== null) {
          bar.stop();
          bar = null;
        }
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
