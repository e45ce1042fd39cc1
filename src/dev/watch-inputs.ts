/**
 * Watch the inputs of a build (seeds, templates, config file) and call back once per burst of changes.
 * The only module that imports @parcel/watcher.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { subscribe, type AsyncSubscription } from '@parcel/watcher';

/** A running watcher. */
export interface InputWatcher {
  /** Resolves when the watcher reports changes (rejects when a folder cannot be watched). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Editors' swap and backup files: never a change to build. */
const EDITOR_FILES = /(?:^|[\\/])(?:\.#[^\\/]*|[^\\/]*~|[^\\/]*\.sw[a-p]|\.DS_Store)$/;

/**
 * Watch `paths` (folders recursively, or files: a file is watched through its folder, and only its own changes are
 * reported; a folder reached through a symbolic link is watched by its real path, and its files reported by the
 * path given); `onChange` gets the paths changed (absolute, sorted) after `debounceMs` without further change (an
 * editor's save often writes a file several times; a checkout writes many). `onError` gets what the watcher reports
 * as going wrong once it runs (e.g. the kernel's event queue overflowed): changes may then have been missed.
 *
 * @parcel/watcher (native, inotify on Linux) batches a folder's events itself (~50 ms after the last one) and never
 * lists the folder again. chokidar, before it, read the whole seeds folder again (an lstat of each file) on every
 * event in it: at 9,001 seeds ~400 ms of CPU a save, on a machine of 2 cores, while the rebuild ran (a save to the
 * event 51 ms against 33, the CPU a save costs 1 ms against 405; medians of 10 saves).
 * A write still going when its batch is reported is reported again: its rebuild is superseded by the next one,
 * which reads the whole file. As the watcher batches already, `debounceMs` (1) only joins the batches of the
 * folders watched that come together (it was 10 ms, added to every save's ~50 ms).
 */
export function watchInputs(paths: readonly string[], onChange: (changed: string[]) => void, onError: (error: Error) => void = () => {}, debounceMs = 1): InputWatcher {
  // Each folder watched once, by its real path (inotify refuses a symbolic link to a folder): a folder given, or the
  // folder of each file given (with the files it is watched for). What is reported is named as it was given.
  const folders = new Map<string, Set<string> | null>();
  const givenAs = new Map<string, string>();
  const real = (folder: string): string => {
    try {
      return realpathSync(folder);
    } catch {
      return folder;
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(given);
    if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory() !== true) {
      const parent = real(path.dirname(absolute));
      givenAs.set(parent, givenAs.get(parent) ?? path.dirname(absolute));
      const files = folders.get(parent);
      if (files === null) continue;
      folders.set(parent, new Set([...(files ?? []), path.join(parent, path.basename(absolute))]));
    } else {
      const folder = real(absolute);
      givenAs.set(folder, absolute);
      folders.set(folder, null);
    }
  }
  /** `file` (a path the watcher reported under `folder`, a real path) named under the folder as it was given. */
  const asGiven = (folder: string, file: string): string => {
    const given = givenAs.get(folder);
    return given === undefined || given === folder ? file : path.join(given, path.relative(folder, file));
  };
  let pending = new Set<string>();
  // Files created since the last report, and those of them gone by it: an editor's or `sed -i`'s temporary file,
  // written and renamed onto the seed. They are not a change (the rename is reported as one of the seed), and the
  // delete of one, reported later, is not either.
  let created = new Set<string>();
  const transient = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const report = (file: string, type: 'create' | 'update' | 'delete'): void => {
    if (type === 'delete' && transient.delete(file)) return;
    if (type === 'create') {
      // A new file of that name: its delete counts.
      transient.delete(file);
      created.add(file);
    }
    pending.add(file);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const changed = [...pending].filter((file) => !(created.has(file) && !existsSync(file) && transient.add(file))).sort();
      pending = new Set();
      created = new Set();
      if (!closed && changed.length > 0) onChange(changed);
    }, debounceMs);
  };
  // A folder that does not exist (no templates folder: the built-in templates) is not watched: one made during a
  // session is seen after a restart (chokidar waited for it to appear).
  // The folder of a file given (the config file, at the project's root by default) is watched without its
  // subfolders: else the watcher would crawl and watch node_modules, the output folder and the seeds again, and hear
  // every write of a rebuild's output.
  const subfolders = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(folder, entry.name));
  const subscriptions: Promise<AsyncSubscription>[] = [...folders].filter(([folder]) => existsSync(folder)).map(([folder, files]) =>
    subscribe(
      folder,
      (error, events) => {
        if (closed) return;
        if (error !== null) {
          onError(error);
          return;
        }
        for (const event of events) {
          if (EDITOR_FILES.test(event.path)) continue;
          if (files !== null && !files.has(event.path)) continue;
          report(asGiven(folder, event.path), event.type);
        }
      },
      files === null ? {} : { ignore: subfolders(folder) },
    ),
  );
  const ready = Promise.all(subscriptions).then(() => undefined);
  return {
    ready,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      const settled = await Promise.allSettled(subscriptions);
      // @parcel/watcher fails an unsubscribe ("Unable to remove watcher: Invalid argument") when a folder it came to
      // watch under the config file's folder (an output staged there and renamed into place) was deleted since:
      // its inotify watches are gone with it, so the watcher is stopped all the same and the error is not the session's.
      await Promise.all(settled.map((result) => (result.status === 'fulfilled' ? result.value.unsubscribe().catch(() => undefined) : undefined)));
    },
  };
}
