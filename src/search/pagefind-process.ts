/**
 * One Pagefind indexing process, owned explicitly: this module starts the `pagefind` binary (from the npm package
 * `pagefind` and its platform package `@pagefind/{platform}-{arch}`) in its service mode, speaks the service's
 * protocol (the one the package's own `lib/service.js` speaks: base64 JSON messages, each followed by `,`) and,
 * on {@link PagefindProcess.close}, ends the process and waits for it to exit, so that its CPU time and memory are
 * counted with the build's (by `/usr/bin/time`, by the shell) and no process outlives the build.
 *
 * The package's JavaScript API keeps one process per module instance in a module variable and its `close()` kills
 * the process without waiting; two processes side by side needed a second module instance imported under another
 * URL. Here each {@link PagefindProcess} is an object of its own.
 *
 * The build indexes its shards with {@link indexFolder} instead: one run of the Pagefind command per shard makes
 * the same bytes as the service (checked by test/search/pagefind-process.test.ts) for about 0.6 × the CPU time of
 * the service and its client together (2,075 article pages: 9.3 against 15.8 CPU s, medians of 3 paired runs).
 * The service spends about 3 s more on the same index and sends it back as one base64 JSON message of about
 * 21 MB, which the client then decodes (about 3 s of this process's time); the command writes the files to the
 * memory-backed scratch folder, where they are read back.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

const require = createRequire(import.meta.url);

/** Pagefind's version (its package.json is not exported: read beside its entry module). */
export const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;

/**
 * Path of the Pagefind binary, found as the `pagefind` package finds it: `PAGEFIND_EXTENDED_BINARY_PATH` or
 * `PAGEFIND_BINARY_PATH` when set, else `pagefind_extended` (which segments Chinese) or `pagefind` from
 * `@pagefind/{platform}-{arch}`.
 * @throws Error when no binary is installed for this platform
 */
export function pagefindBinary(): string {
  for (const name of ['pagefind_extended', 'pagefind']) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const cpu = process.env.npm_config_arch || process.arch;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${cpu}/bin/${platform === 'windows' ? `${name}.exe` : name}`);
    } catch {
      // Try the next one.
    }
  }
  throw new Error(`pagefind: no binary for ${platform}-${cpu} (install the npm package pagefind with its optional dependencies)`);
}

/** A file of an index: path relative to the bundle, bytes. */
export interface PagefindFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** Options of a new index (a subset of Pagefind's service config). */
export interface PagefindIndexOptions {
  /** Language of every page (e.g. `zh-cn`), whatever their `lang` says. */
  readonly forceLanguage?: string;
}

interface Reply {
  readonly type: string;
  readonly message?: string;
  readonly [field: string]: unknown;
}

/**
 * A Pagefind service process. Started at construction; requests are answered in the order Pagefind finishes them.
 * Not reusable after {@link close}.
 */
export class PagefindProcess {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>;
  private readonly exited: Promise<void>;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private parts: string[] = [];
  private failure: Error | null = null;

  /** @param binary the Pagefind binary (default {@link pagefindBinary}) */
  constructor(binary: string = pagefindBinary()) {
    this.child = spawn(binary, ['--service'], { stdio: ['pipe', 'pipe', 'inherit'], windowsHide: true });
    this.exited = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.receive(chunk));
    const fail = (error: Error): void => this.fail(new Error(`pagefind: ${error.message}`));
    this.child.on('error', fail);
    this.child.stdin.on('error', fail);
    this.child.once('exit', (code, signal) => this.fail(new Error(`pagefind: the process stopped (${signal ?? `exit code ${code}`})`)));
  }

  /** The process id (for tests), or undefined when it could not start. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }

  /** A message's text is the chunks since the last `,`: each chunk is scanned once (a 20 MB reply is hundreds of chunks). */
  private receive(chunk: string): void {
    let start = 0;
    for (let comma = chunk.indexOf(','); comma >= 0; comma = chunk.indexOf(',', start)) {
      this.parts.push(chunk.slice(start, comma));
      start = comma + 1;
      const message = this.parts.join('');
      this.parts = [];
      let parsed: { message_id?: number; payload: Reply };
      try {
        parsed = JSON.parse(Buffer.from(message, 'base64').toString('utf8')) as { message_id?: number; payload: Reply };
      } catch {
        this.fail(new Error('pagefind: cannot parse a message from the service'));
        return;
      }
      if (typeof parsed.message_id !== 'number') {
        this.fail(new Error(`pagefind: ${parsed.payload.message ?? 'service error'}`));
        continue;
      }
      const waiter = this.pending.get(parsed.message_id);
      this.pending.delete(parsed.message_id);
      waiter?.resolve(parsed.payload);
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
  }

  /** Send one request and wait for its reply; an `Error` reply is thrown with Pagefind's message. */
  private request(payload: Record<string, unknown>, expect: string): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    const reply = new Promise<Reply>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.child.stdin.write(`${Buffer.from(JSON.stringify({ message_id: id, payload })).toString('base64')},`);
    return reply.then((answer) => {
      if (answer.type === 'Error') throw new Error(`pagefind: ${answer.message ?? 'error'}`);
      if (answer.type !== expect) throw new Error(`pagefind: expected a ${expect} reply, got ${answer.type}`);
      return answer;
    });
  }

  /**
   * Index the HTML files under `folder` (URL of each: `/` + its path under the folder) as one new index.
   * @returns the index's files (paths relative to the bundle, in Pagefind's order) and how many pages it read
   * @throws Error with Pagefind's message when it cannot make the index or read the folder
   */
  async indexDirectory(folder: string, options: PagefindIndexOptions = {}): Promise<{ files: PagefindFile[]; pageCount: number }> {
    const created = await this.request({ type: 'NewIndex', config: { force_language: options.forceLanguage } }, 'NewIndex');
    const index = created.index_id as number;
    try {
      const added = await this.request({ type: 'AddDir', index_id: index, path: folder }, 'IndexedDir');
      const got = await this.request({ type: 'GetFiles', index_id: index }, 'GetFiles');
      const files = (got.files as { path: string; content: string }[]).map((file) => ({ path: file.path, content: new Uint8Array(Buffer.from(file.content, 'base64')) }));
      return { files, pageCount: added.page_count as number };
    } finally {
      if (this.failure === null) await this.request({ type: 'DeleteIndex', index_id: index }, 'DeleteIndex').catch(() => undefined);
    }
  }

  /**
   * End the process: close its input (the service then exits), and wait until it has exited (terminated after
   * 5 s if it has not). Never throws; calling it again waits for the same exit.
   */
  async close(): Promise<void> {
    this.fail(new Error('pagefind: the process was closed'));
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.stdin.end();
      const timer = setTimeout(() => this.child.kill('SIGTERM'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    await this.exited;
  }
}

/** A file of the index folder `root`, path relative to it with `/`; files sorted by path (code points). */
async function readTree(root: string, prefix = ''): Promise<PagefindFile[]> {
  const out: PagefindFile[] = [];
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await readTree(root, relative)));
    else out.push({ path: relative, content: new Uint8Array(await readFile(path.join(root, relative))) });
  }
  return out;
}

/**
 * Index the HTML files under `folder` (URL of each: `/` + its path under the folder) as one new index, with one
 * run of the Pagefind command: `pagefind --site FOLDER --output-path OUTPUT --silent` (and `--force-language`),
 * started in `folder` with no `PAGEFIND_*` variables, so that no `pagefind.yml` or setting of the user's changes
 * the index (the same inputs as the service's `NewIndex` with this config). Waits for the process to exit, reads
 * the files it wrote to `output` and removes that folder.
 * @param output a folder that does not exist yet, outside `folder`
 * @param binary the Pagefind binary (default {@link pagefindBinary})
 * @returns the index's files (paths relative to the bundle, `/`-separated, sorted by path) and how many pages
 *   it indexed (the page counts of `pagefind-entry.json`)
 * @throws Error `pagefind: …` with Pagefind's message when it cannot start, exits with an error or writes no index
 */
export async function indexFolder(folder: string, output: string, options: PagefindIndexOptions = {}, binary: string = pagefindBinary()): Promise<{ files: PagefindFile[]; pageCount: number }> {
  const args = ['--site', folder, '--output-path', output, '--silent', ...(options.forceLanguage === undefined ? [] : ['--force-language', options.forceLanguage])];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  try {
    const messages: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binary, args, { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => messages.push(chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => messages.push(chunk));
      child.once('error', (error) => reject(new Error(`pagefind: ${error.message}`)));
      child.once('close', (code, signal) => {
        if (code === 0) resolve();
        else {
          const said = messages.join('').trim().split('\n').filter(Boolean).slice(-3).join('; ');
          reject(new Error(`pagefind: ${folder}: ${signal ?? `exit code ${code}`}${said ? `: ${said}` : ''}`));
        }
      });
    });
    const files = (await readTree(output).catch(() => [] as PagefindFile[])).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const entry = files.find((file) => file.path === 'pagefind-entry.json');
    if (entry === undefined) throw new Error(`pagefind: ${folder}: no index written`);
    const languages = (JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages?: Record<string, { page_count?: number }> }).languages ?? {};
    const pageCount = Object.values(languages).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
    return { files, pageCount };
  } finally {
    await rm(output, { recursive: true, force: true });
  }
}
