/**
 * What the browser tests share: the Chromium they drive (/usr/bin/chromium through playwright-core) and the
 * check of a page as a reader sees it. Screenshots go to test-output/browser/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from '../site/fixture-site.js';

/** Folder of the screenshots. */
export const SHOTS_DIR = path.join(root, 'test-output', 'browser');
const axePath = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');

/** Start headless Chromium (and make the screenshot folder). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A new page of `browser` at `width` px (900 px high), with the errors it reports as it goes: uncaught page
 * errors and console errors, as text.
 */
export async function openPage(browser: Browser, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

/**
 * Checks a page as a reader sees it: no sideways scrolling, no serious or critical axe-core violation; saves a
 * full-page screenshot as `{name}-{width}.png`.
 * @throws AssertionError naming the page and width
 */
export async function inspect(page: Page, name: string, width: number): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollWidth <= clientWidth, `${name} at ${width}px scrolls sideways: ${scrollWidth} > ${clientWidth}`);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${name} at ${width}px`);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
}
