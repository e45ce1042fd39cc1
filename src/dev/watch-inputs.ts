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
 * Watch `paths` (folders recursively, or files); `onChange` gets the paths changed, sorted, after
 * `debounceMs` without further change (an editor's save often writes a file several times).
 */
export function watchInputs(paths: readonly string[], onChange: (changed: string[]) => void, debounceMs = 50): InputWatcher {
  const watcher = watch([...paths], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
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
