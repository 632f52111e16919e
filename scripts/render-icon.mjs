// Renders media/brand/icon.svg to media/icon.png (the Marketplace icon, 256 × 256) with the test browser.
// Run after editing the SVG: node scripts/render-icon.mjs
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO, launchChromium } from './vscode-web.mjs';

const svg = await readFile(path.join(REPO, 'media', 'brand', 'icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(REPO, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
