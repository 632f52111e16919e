// Renders the README's tour of the practice loop (media/tour.png) from screenshots of a real VS Code: one frame per
// step, each with its caption. The screenshots come from the keyboard-only end-to-end walk, which passes through
// every step: node scripts/test-e2e.mjs --grep "keyboard alone", then node scripts/render-tour.mjs
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO, launchChromium } from './vscode-web.mjs';

const shots = path.join(REPO, 'test-results', 'e2e');
const folder = (await readdir(shots)).find((name) => name.includes('keyboard'));
if (!folder) throw new Error(`No keyboard walk screenshots in ${shots}: run node scripts/test-e2e.mjs --grep "keyboard alone" first.`);
const steps = [
  ['player', '1 · Pick a dialogue in the Topics tree and play it turn by turn'],
  ['answer', '2 · Answer in a real editor tab while the clock runs'],
  ['rated', '3 · Review against the key points and rate it; FSRS brings it back'],
  ['stats', '4 · Watch your streak, coverage and what is due'],
];
const files = await readdir(path.join(shots, folder));
const frames = await Promise.all(steps.map(async ([name, caption]) => {
  const file = files.find((f) => f.endsWith(`-${name}.png`));
  if (!file) throw new Error(`No ${name} screenshot in ${path.join(shots, folder)}`);
  return { caption, data: (await readFile(path.join(shots, folder, file))).toString('base64') };
}));

const html = `<!doctype html><html><body style="margin:0;background:#1f1f1f;font:600 22px system-ui,sans-serif;color:#fff">
<div style="display:grid;grid-template-columns:1fr 1fr;gap:18px;padding:18px;width:1404px">
${frames.map((f) => `<figure style="margin:0"><figcaption style="margin:0 0 8px">${f.caption}</figcaption><img style="width:100%;display:block;border:1px solid #555" src="data:image/png;base64,${f.data}"></figure>`).join('')}
</div></body></html>`;
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent(html);
  await page.locator('body > div').screenshot({ path: path.join(REPO, 'media', 'tour.png') });
} finally {
  await browser.close();
}
