/**
 * `news-archive dev`: serves the output on 127.0.0.1, refuses paths outside it, adds the reload script to
 * HTML responses only, and after a seed is edited rebuilds and tells the open pages to reload.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { EVENTS_PATH, PortInUseError, RELOAD_SCRIPT, startDevServer } from '../../src/dev/dev-server.js';
import { runDev } from '../../src/dev/run-dev.js';
import { lockOutput } from '../../src/write.js';
import { tempDir } from '../temp-dir.js';
import { unbreak } from '../site/plain-html.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/seed');

function project(): { dir: string; config: Config } {
  const dir = tempDir('news-archive-dev-');
  mkdirSync(path.join(dir, 'seeds'));
  for (const name of ['2021-08-18_A1.txt', '2021-08-18_A2.txt']) copyFileSync(path.join(fixtures, name), path.join(dir, 'seeds', name));
  writeFileSync(path.join(dir, 'secret.txt'), 'not served');
  return { dir, config: { ...DEFAULT_CONFIG, seedsDir: path.join(dir, 'seeds'), outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, '.cache') } };
}

/** A GET with the path sent exactly as given (fetch would normalise `..`). */
function rawGet(port: number, requestPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

test('dev serves the output with the reload script, refuses traversal, and reloads after an edit', async () => {
  const { dir, config } = project();
  copyFileSync(path.join(root, 'test/fixtures/seeds/000_b18dfdda09c05dd9.txt'), path.join(config.seedsDir, '000_b18dfdda09c05dd9.txt'));
  const log: string[] = [];
  const session = await runDev({ loadConfig: async () => config, configFile: null, port: 0, log: (line) => log.push(line) });
  try {
    const { port, url } = session.server;
    assert.equal(url, `http://127.0.0.1:${port}/`);
    const home = await fetch(url);
    assert.equal(home.status, 200);
    const html = await home.text();
    const onDisk = readFileSync(path.join(config.outDir, 'index.html'), 'utf8');
    assert.equal(onDisk.includes(RELOAD_SCRIPT), false, 'the file on disk has no dev script');
    assert.equal(html, onDisk.replace('</body>', `${RELOAD_SCRIPT}</body>`));
    assert.equal(home.headers.get('content-length'), String(Buffer.byteLength(html)));

    const css = await fetch(`${url}assets/style.css`);
    assert.equal(await css.text(), readFileSync(path.join(config.outDir, 'assets/style.css'), 'utf8'), 'CSS unchanged');

    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/pages/../../secret.txt', '/..\\secret.txt']) {
      const response = await rawGet(port, attempt);
      assert.ok(response.status === 400 || response.status === 404, `${attempt}: ${response.status}`);
      assert.equal(response.body.includes('not served'), false, attempt);
    }
    const missing = await fetch(`${url}no/such/page.html`);
    assert.equal(missing.status, 404);
    assert.ok((await missing.text()).includes(RELOAD_SCRIPT));

    // Listen for reload events, then fix a typo in a seed.
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve) => http.get({ host: '127.0.0.1', port, path: EVENTS_PATH }, resolve));
    stream.setEncoding('utf8');
    const reloaded = new Promise<void>((resolve) => {
      stream.on('data', (chunk: string) => {
        events.push(chunk);
        if (chunk.includes('event: reload')) resolve();
      });
    });
    // The real seed has a warning of its own (the article that runs off the page): the first build prints it.
    assert.ok(log.some((line) => line.startsWith('seeds/000_b18dfdda09c05dd9.txt:199: warning: Article runs off the page')));
    const before = log.length;
    const seed = path.join(config.seedsDir, '2021-08-18_A1.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('积极行动 凝聚起抗疫强大合力', '积极行动 凝聚抗疫强大合力'));
    await reloaded;
    await session.idle();
    stream.destroy();
    assert.ok(events.join('').includes('event: reload\ndata: 1\n\n'));
    const page = await (await fetch(`${url}pages/2021-08-18_A1/01.html`)).text();
    assert.ok(unbreak(page).includes('>积极行动 凝聚抗疫强大合力</h1>'));
    // Only the edited seed's diagnostics (none), and a count of the others, then the rebuild's line. One save can
    // reach the watcher as two reports (the write, then more of it), each a rebuild with these two lines.
    const rebuilds = log.slice(before, -1);
    assert.ok(rebuilds.length === 2 || rebuilds.length === 4, rebuilds.join('\n'));
    for (let i = 0; i < rebuilds.length; i += 2) {
      assert.equal(rebuilds[i], '(1 more diagnostic(s) in seeds not changed now; `news-archive build` lists them all)');
      assert.match(rebuilds[i + 1] ?? '', /^Rebuilt after changes to .*2021-08-18_A1\.txt: 3 page\(s\), 17 item\(s\); \d+ file\(s\) written, 0 removed; 1 seed page\(s\) segmented, \d+ of \d+ file\(s\) rendered in [\d.]+ s$/);
    }
    // The first rebuild wrote the edit.
    assert.match(rebuilds[1] ?? '', /; [1-9]\d* file\(s\) written, 0 removed; 1 seed page\(s\) segmented, [1-9]\d* of /);
    // The pages first, then the search index of the edited edition's year.
    assert.match(log.at(-1) ?? '', /^Search index, feed, sitemap and articles.json updated: [1-9]\d* file\(s\) written, \d+ removed in [\d.]+ s$/);
  } finally {
    await session.close();
  }
  void dir;
});

/** Start `news-archive dev` from the command line in a fresh project; resolves once it serves. */
async function startDevCommand(detached = false): Promise<{ child: ReturnType<typeof spawn>; url: string; stderr: () => string }> {
  const { dir } = project();
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  // detached: in a process group of its own, as in a terminal, so the test can signal the whole group.
  const child = spawn(process.execPath, ['--import', tsx, path.join(root, 'src/cli.ts'), 'dev', '--port', '0'], { cwd: dir, detached });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Serving dist\/ at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`dev exited early: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

/** The command lines (NUL-separated arguments joined by spaces) of the processes whose parent is `pid` (Linux /proc). */
function childCommandLines(pid: number): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) lines.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim());
    } catch {
      // A process that ended meanwhile.
    }
  }
  return lines;
}

test('news-archive dev starts from the command line, runs its session with 64 MB semi-spaces, and stops on Ctrl-C with exit code 0', async () => {
  const { child, url, stderr } = await startDevCommand();
  const response = await fetch(`${url}pages/2021-08-18_A2/index.html`);
  assert.equal(response.status, 200);
  // The command ran itself again with the young generation a session wants (dev/young-generation.ts).
  const sessions = childCommandLines(child.pid as number).filter((line) => line.includes(' dev --port 0'));
  assert.equal(sessions.length, 1, childCommandLines(child.pid as number).join('\n'));
  assert.match(sessions[0] ?? '', /^\S+ --import \S+ --max-semi-space-size=64 \S+src\/cli\.ts dev --port 0$/);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  assert.equal(await exit, 0);
  assert.match(stderr(), /^Built: 2 page\(s\), \d+ item\(s\); \d+ file\(s\) written, 0 removed; 2 seed page\(s\) segmented, \d+ of \d+ file\(s\) rendered in [\d.]+ s\n/m);
});

test('a seeds folder swapped for an edited copy: the rebuild checks every seed, serves the edit, and says to restart', async () => {
  const { dir, config } = project();
  const log: string[] = [];
  const session = await runDev({ loadConfig: async () => config, configFile: null, port: 0, log: (line) => log.push(line) });
  const page = path.join(config.outDir, 'pages/2021-08-18_A1/01.html');
  const waitFor = async (expected: string): Promise<boolean> => {
    const deadline = Date.now() + 20_000;
    while (!unbreak(readFileSync(page, 'utf8')).includes(expected) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await session.idle();
    return unbreak(readFileSync(page, 'utf8')).includes(expected);
  };
  try {
    // One rebuild first, after which the watcher's reports are trusted.
    const seed = path.join(config.seedsDir, '2021-08-18_A1.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('积极行动 凝聚起抗疫强大合力', '积极行动 凝聚抗疫合力'));
    assert.equal(await waitFor('>积极行动 凝聚抗疫合力</h1>'), true, log.join('\n'));
    // The folder swapped for an edited copy, as a restore from a backup or a sync tool does it.
    const copy = path.join(dir, 'seeds.new');
    cpSync(config.seedsDir, copy, { recursive: true });
    const copied = path.join(copy, '2021-08-18_A1.txt');
    writeFileSync(copied, readFileSync(copied, 'utf8').replace('积极行动 凝聚抗疫合力', '积极行动 凝聚合力'));
    renameSync(config.seedsDir, path.join(dir, 'seeds.old'));
    renameSync(copy, config.seedsDir);
    assert.equal(await waitFor('>积极行动 凝聚合力</h1>'), true, log.join('\n'));
    assert.ok(log.includes(`${config.seedsDir}: the folder was replaced since \`news-archive dev\` started watching it; saves in the new one are not seen, and every rebuild now checks every seed (restart \`news-archive dev\` to watch it)`), log.join('\n'));
  } finally {
    await session.close();
  }
});

/** Whether process `pid` is gone, waiting for it at most `ms`. */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pid of the session process `news-archive dev` started as its child (the one with the dev arguments). */
function sessionPid(parent: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dev')) return Number(entry);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error(`no session process under ${parent}`);
}

test('Ctrl-C in a terminal (SIGINT to the whole process group) stops the session and its parent cleanly: exit code 0, no stack trace', async () => {
  const { child, stderr } = await startDevCommand(true);
  const session = sessionPid(child.pid as number);
  const exit = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
  process.kill(-(child.pid as number), 'SIGINT');
  assert.deepEqual(await exit, [0, null], stderr());
  assert.equal(await goneWithin(session, 5_000), true);
  const after = stderr().slice(stderr().indexOf('(Ctrl-C to stop)'));
  assert.equal(after, '(Ctrl-C to stop)\nStopping (after the build under way, if any; Ctrl-C again to stop at once)\n');
});

test('a session whose parent is killed (SIGKILL, no chance to pass it on) stops by itself', async () => {
  const { child } = await startDevCommand();
  const session = sessionPid(child.pid as number);
  child.kill('SIGKILL');
  assert.equal(await goneWithin(session, 10_000), true);
});

test('an edit saved while another build holds the output folder is built once that build is done', async () => {
  const { config } = project();
  const log: string[] = [];
  const session = await runDev({ loadConfig: async () => config, configFile: null, port: 0, log: (line) => log.push(line) });
  try {
    // Another `news-archive build` holds the lock while the editor saves.
    const release = await lockOutput(config.outDir);
    const seed = path.join(config.seedsDir, '2021-08-18_A1.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('积极行动 凝聚起抗疫强大合力', '积极行动 凝聚抗疫合力'));
    const deadline = Date.now() + 10_000;
    while (!log.some((line) => line.endsWith('waiting for another build to finish writing the output folder…')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(log.at(-1) ?? '', /^Rebuilt after changes to .*2021-08-18_A1\.txt: waiting for another build to finish writing the output folder…$/);
    await release();
    await session.idle();
    assert.ok(unbreak(readFileSync(path.join(config.outDir, 'pages/2021-08-18_A1/01.html'), 'utf8')).includes('>积极行动 凝聚抗疫合力</h1>'));
    assert.equal(log.some((line) => line.includes('build failed')), false);
    assert.match(log.at(-1) ?? '', /^Search index, feed, sitemap and articles.json updated: /);
  } finally {
    await session.close();
  }
});

test('edits saved one after another are each built: after the first, a rebuild checks only the seeds the watcher reported', async () => {
  const { config } = project();
  const log: string[] = [];
  const session = await runDev({ loadConfig: async () => config, configFile: null, port: 0, log: (line) => log.push(line) });
  /**
   * Save `name` with `from` replaced by `to`, and wait until `page` of the output holds `expected` (at most 20 s):
   * then one rebuild since the save names the seed and segmented it (a write can be reported twice: the second
   * rebuild finds nothing to do).
   */
  const edit = async (name: string, from: string, to: string, page: string, expected: string): Promise<void> => {
    const seed = path.join(config.seedsDir, name);
    const before = log.length;
    writeFileSync(seed, readFileSync(seed, 'utf8').replace(from, to));
    const deadline = Date.now() + 20_000;
    while (!unbreak(readFileSync(path.join(config.outDir, page), 'utf8')).includes(expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await session.idle();
    assert.ok(unbreak(readFileSync(path.join(config.outDir, page), 'utf8')).includes(expected), `${page} never showed ${expected}: ${log.slice(before).join('\n')}`);
    const rebuilt = new RegExp(`^Rebuilt after changes to \\S*${name.replace('.', '\\.')}: 2 page\\(s\\), 6 item\\(s\\); [1-9]\\d* file\\(s\\) written, 0 removed; 1 seed page\\(s\\) segmented`);
    assert.equal(log.slice(before).filter((line) => rebuilt.test(line)).length, 1, log.slice(before).join('\n'));
  };
  try {
    await edit('2021-08-18_A1.txt', '积极行动 凝聚起抗疫强大合力', '积极行动 凝聚抗疫合力', 'pages/2021-08-18_A1/01.html', '>积极行动 凝聚抗疫合力</h1>');
    // The next rebuilds take the seeds the watcher did not report from the session's memo: the edited one is read.
    await edit('2021-08-18_A2.txt', '南通', '南通市', 'pages/2021-08-18_A2/index.html', '南通市');
    await edit('2021-08-18_A1.txt', '积极行动 凝聚抗疫合力', '积极行动 凝聚合力', 'pages/2021-08-18_A1/01.html', '>积极行动 凝聚合力</h1>');
    assert.equal(log.some((line) => line.includes('build failed')), false);
  } finally {
    await session.close();
  }
});

test('a dev server on a port already taken is refused in one line (PortInUseError), not with a stack trace', async () => {
  const { dir } = project();
  const taken = http.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  try {
    await assert.rejects(
      startDevServer({ root: dir, port }),
      (error: Error) => error instanceof PortInUseError && error.message === `news-archive dev: 127.0.0.1:${port} is in use (another \`news-archive dev\`?); choose a free port with --port`,
    );
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
});

test('runDev on a taken port is refused before the first build: nothing is built or written', async () => {
  const { config } = project();
  const taken = http.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  const log: string[] = [];
  try {
    await assert.rejects(
      runDev({ loadConfig: async () => config, configFile: null, port, log: (line) => log.push(line) }),
      (error: Error) => error instanceof PortInUseError && error.message === `news-archive dev: 127.0.0.1:${port} is in use (another \`news-archive dev\`?); choose a free port with --port`,
    );
    assert.deepEqual(log, []);
    assert.equal(existsSync(config.outDir), false);
    assert.equal(existsSync(config.cacheDir), false);
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
});

test('a stop asked for during the first build ends the session after that build: no server announced, the port let go', async () => {
  const { config } = project();
  const stopping = new AbortController();
  const log: string[] = [];
  // The editor presses Ctrl-C while the first build runs (the config is read at its start).
  const loadConfig = async (): Promise<Config> => {
    stopping.abort();
    return config;
  };
  const session = await runDev({ loadConfig, configFile: null, port: 0, log: (line) => log.push(line), signal: stopping.signal });
  try {
    // The first build's report, and nothing after it (no dictionary load, no "Serving …").
    assert.equal(log.length, 1, log.join('\n'));
    assert.match(log[0] ?? '', /^Built: 2 page\(s\), \d+ item\(s\); \d+ file\(s\) written, 0 removed; 2 seed page\(s\) segmented, \d+ of \d+ file\(s\) rendered in [\d.]+ s$/);
    assert.equal(existsSync(path.join(config.outDir, 'index.html')), true);
    // The server is closed: its port can be taken again at once.
    const again = http.createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(session.server.port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => again.close(resolve));
  } finally {
    await session.close();
  }
});
