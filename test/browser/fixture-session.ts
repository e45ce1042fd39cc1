/**
 * The shared setup of the browser tests that read the fixture site: build it once per file, serve it on
 * 127.0.0.1, launch Chromium, and close both after the file's tests.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildFixtureSite, type FixtureSite } from '../site/fixture-site.js';
import { launchBrowser } from './inspect-page.js';
import { serveSite, type SiteServer } from './serve-site.js';

/** What a browser test file works with once its `before` hook has run. */
export interface FixtureSession {
  readonly site: FixtureSite;
  readonly server: SiteServer;
  readonly browser: Browser;
}

/**
 * Registers the file's `before` and `after` hooks.
 * @returns the session; reading it before the `before` hook has run throws
 */
export function useFixtureSession(): () => FixtureSession {
  let session: FixtureSession | null = null;
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    const site = await buildFixtureSite();
    server = await serveSite(site.out);
    browser = await launchBrowser();
    session = { site, server, browser };
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (session === null) throw new Error('the fixture session is read before its before() hook ran');
    return session;
  };
}
