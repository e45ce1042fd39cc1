/**
 * Serves a built site folder on 127.0.0.1 at a random port (sirv + node:http), as a static host would:
 * unknown paths get 404.html with status 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

/** A running server; `close()` stops it. */
export interface SiteServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Serve `dir` until `close()`. */
export async function serveSite(dir: string): Promise<SiteServer> {
  const files = sirv(dir, { dev: true, etag: false });
  const notFound = readFileSync(path.join(dir, '404.html'));
  const server: Server = createServer((req, res) => {
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
