/**
 * Watch the inputs of a build (seeds, templates, config file) and call back once per burst of changes.
 * The only module that imports chokidar.
 */
import { watch } from 'chokidar';

/** A running watcher. */
export interface InputWatcher {
  /** Resolves when the watcher has scanned the paths and reports changes. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * How long a changed file's size must stay the same before it is reported (chokidar's `awaitWriteFinish`), and how
 * often it is checked, in ms. An editor's save or a copy of a seed page (tens of KB) ends within a few ms; a write
 * still going after 30 ms is reported twice (its rebuild is superseded by the next one, which reads the whole file).
 * With 80 and 20 (and a 50 ms debounce) a save waited ~140 ms before its rebuild began; with these ~50 ms
 * (bench/dev-rebuilds.ts at 4,276 articles, 6 rebuilds each: save to served minus the rebuild's own work, medians).
 */
const WRITE_FINISH = { stabilityThreshold: 30, pollInterval: 10 };

/**
 * Watch `paths` (folders recursively, or files); `onChange` gets the paths changed, sorted, after
 * `debounceMs` without further change (an editor's save often writes a file several times; a checkout writes many).
 */
export function watchInputs(paths: readonly string[], onChange: (changed: string[]) => void, debounceMs = 10): InputWatcher {
  const watcher = watch([...paths], {
    ignoreInitial: true,
    awaitWriteFinish: WRITE_FINISH,
    // Editors' swap and backup files.
    ignored: (file: string) => /(?:^|[\\/])(?:\.#[^\\/]*|[^\\/]*~|[^\\/]*\.sw[a-p]|\.DS_Store)$/.test(file),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  watcher.on('all', (_event, file) => {
    pending.add(file);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const changed = [...pending].sort();
      pending = new Set();
      onChange(changed);
    }, debounceMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer !== null) clearTimeout(timer);
      await watcher.close();
    },
  };
}
