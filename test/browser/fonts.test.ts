/**
 * Chinese text is drawn with real glyphs (issue 15, item 11): a machine without CJK fonts draws every character as
 * the same empty box, and the other browser tests would still pass. Chromium must draw the seed's characters as
 * distinct glyphs, none of them the box of a character no font has, from the Noto CJK fonts that `.ci/run`
 * installs (Debian's fonts-noto-cjk).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './inspect-page.js';
import { useFixtureSession } from './fixture-session.js';

const session = useFixtureSession();

test('the seed\'s Chinese characters are drawn as distinct glyphs, none of them a missing-glyph box', async () => {
  const { page } = await openPage(session().browser, 375);
  await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/08.html`);
  // Each character drawn alone, in the body's font, on a canvas: its pixels as a string. U+E000 (private use) and
  // U+0378 (unassigned) are in no font: what a missing glyph looks like here.
  const drawn = (await page.evaluate(`(() => {
    const font = '32px ' + getComputedStyle(document.body).fontFamily;
    const draw = (ch) => {
      const canvas = document.createElement('canvas');
      canvas.width = 40; canvas.height = 40;
      const g = canvas.getContext('2d');
      g.font = font; g.fillStyle = '#000'; g.textBaseline = 'top';
      g.fillText(ch, 2, 2);
      const data = g.getImageData(0, 0, 40, 40).data;
      let bits = '';
      for (let i = 3; i < data.length; i += 4) bits += data[i] > 127 ? '1' : '0';
      return bits;
    };
    return [...'张芝山镇核酸检测陈馨拧成一股绳', '\\ue000', '\\u0378'].map(draw);
  })()`)) as string[];
  const missing = drawn.slice(-2);
  const chinese = drawn.slice(0, -2);
  assert.equal(chinese.length, 15);
  for (const [i, bits] of chinese.entries()) {
    assert.ok(bits.includes('1'), `character ${i} draws nothing`);
    assert.ok(!missing.includes(bits), `character ${i} is drawn as a missing-glyph box: no CJK font`);
  }
  assert.equal(new Set(chinese).size, 15, 'every character has a glyph of its own');
  await page.close();
});

test('headlines are drawn in Noto Serif CJK SC and text in Noto Sans CJK SC, every glyph', async () => {
  const { page } = await openPage(session().browser, 1280);
  await page.goto(`${session().server.url}pages/000_b18dfdda09c05dd9/08.html`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const fontsOf = async (selector: string): Promise<string[]> => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  };
  // The h1's text sits in its word-break spans: ask the first unit.
  assert.deepEqual(await fontsOf('article h1 .u'), ['Noto Serif CJK SC']);
  assert.deepEqual(await fontsOf('.story-body p'), ['Noto Sans CJK SC']);
  await page.close();
});
