/**
 * The dev server of `news-archive dev`: serves the output folder on 127.0.0.1 with sirv (which keeps every
 * request inside the folder), and makes open pages reload after a rebuild: HTML responses get a small script
 * that listens on an EventSource at {@link EVENTS_PATH}, and {@link DevServer.reload} sends it an event.
 * The script is added to responses only; the files on disk are the same as `news-archive build` writes.
 * The only module that imports sirv.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

/** Path of the server-sent events stream that tells pages to reload. */
export const EVENTS_PATH = '/__news-archive/events';

/** The dev server's port is taken (another `news-archive dev`, or another server): a usage error, one line. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** The script added before `</body>` of every HTML response. */
export const RELOAD_SCRIPT =
  `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload', () => location.reload());</script>`;

/** A running dev server. */
export interface DevServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly port: number;
  /** Tell every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** Folder to serve (the output folder). */
  readonly root: string;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Default `127.0.0.1`: the dev server is for this machine only. */
  readonly host?: string;
}

/** `html` with the reload script before its last `</body>` (or at the end). */
export function injectReloadScript(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

/** True when a request path has a `..` segment, a backslash or a NUL (refused before it reaches sirv). */
function unsafePath(url: string): boolean {
  let pathname = url.split('?')[0] ?? '';
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..');
}

/**
 * Buffer the response of an HTML file and add the reload script: sirv calls `writeHead` with the file's
 * headers, then pipes the file; the head is held back until the body is complete so Content-Length is right.
 */
function injectInto(req: IncomingMessage, res: ServerResponse): void {
  const original = { writeHead: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res) };
  let held: { code: number; headers: Record<string, string | number> } | null = null;
  const chunks: Buffer[] = [];
  const loose = res as unknown as Record<string, unknown>;
  loose.writeHead = (code: number, headers?: Record<string, string | number>): ServerResponse => {
    const type = String(headers?.['Content-Type'] ?? res.getHeader('content-type') ?? '');
    if (code === 200 && type.startsWith('text/html') && req.method !== 'HEAD') {
      held = { code, headers: { ...headers } };
      return res;
    }
    return original.writeHead(code, headers);
  };
  loose.write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (held === null) return (original.write as (...args: unknown[]) => boolean)(chunk, ...rest);
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return true;
  };
  loose.end = (chunk?: unknown, ...rest: unknown[]): ServerResponse => {
    if (held === null) return (original.end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    }
    const body = Buffer.from(injectReloadScript(Buffer.concat(chunks).toString('utf8')), 'utf8');
    const headers: Record<string, string | number> = { ...held.headers, 'Content-Length': body.length, 'Cache-Control': 'no-store' };
    delete headers.ETag;
    original.writeHead(held.code, headers);
    return original.end(body);
  };
}

/**
 * Start serving `options.root`.
 * @throws PortInUseError when the port is taken (EADDRINUSE); Error when it cannot be used otherwise
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const clients = new Set<ServerResponse>();
  const notFound = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let html: string | null = null;
    try {
      html = await readFile(path.join(root, '404.html'), 'utf8');
    } catch {
      html = null;
    }
    res.statusCode = 404;
    if (html === null || req.method === 'HEAD') {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(injectReloadScript(html));
  };
  // dev: look files up on every request (the output changes under the server); no dotfiles.
  const serve = sirv(root, { dev: true, dotfiles: false, etag: false });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    if (unsafePath(url)) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    injectInto(req, res);
    serve(req, res, () => void notFound(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(`news-archive dev: ${host}:${options.port} is in use (another \`news-archive dev\`?); choose a free port with --port`) : error),
    );
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let sent = 0;
  return {
    url: `http://${host}:${port}/`,
    port,
    reload() {
      sent++;
      for (const client of clients) client.write(`event: reload\ndata: ${sent}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
