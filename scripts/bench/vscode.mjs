// The benchmark's real-VS-Code part: activation, player first paint and the hidden-player timer check, measured
// in code-server + headless Chromium with the project's harness (scripts/vscode-web.mjs). One server; each run is
// a fresh page, so a fresh window and extension host, on a fresh copy of the sample workspace.
/* global document, performance -- in functions evaluated inside the page */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_WORKSPACE, copyToTemp, findChromium, launchChromium, startServer } from '../vscode-web.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MARK = '\u2063bench ';
const FIRST_RENDER = 'interview-dialogues:first-render';

/** The workbench logs through a styled console call: "%c INFO color: #33f text". */
const unstyle = (text) => text.replace(/^%c\s*[A-Z]+\s+color:\s*#[0-9a-fA-F]{3,6}\s?/, '');

/**
 * @param {{ extensionPath: string, runs: number, dialogueId: string, timerWindowMs: number, settleMs?: number, log: (line: string) => void }} options
 * @returns {Promise<{ runs: object[], timer?: object, hiddenWebviews?: object, serverReadyMs: number }>}
 */
export async function measureInVSCode({ extensionPath, runs, dialogueId, timerWindowMs, settleMs = 3000, log }) {
  findChromium(); // throws with what to install
  const signals = await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-dialogues-bench-signals-'));
  const testsPath = path.join(HERE, 'vscode-run.js');
  let server;
  let browser;
  const results = { runs: [], serverReadyMs: 0 };
  try {
    server = await startServer({ smokeDriver: true, env: { INTERVIEW_DIALOGUES_BENCH_DIR: signals } });
    results.serverReadyMs = server.readyMs;
    browser = await launchChromium();
    for (let run = 1; run <= runs; run++) {
      const timerCheck = run === runs;
      const plan = { run, dialogueId, firstPaint: true, timerCheck, timerWindowMs, settleMs };
      await fsp.writeFile(path.join(signals, 'plan.json'), JSON.stringify(plan));
      const outcome = await oneRun({ server, browser, extensionPath, testsPath, signals, plan });
      results.runs.push(outcome.run);
      if (outcome.timer) results.timer = outcome.timer;
      if (outcome.hiddenWebviews) results.hiddenWebviews = outcome.hiddenWebviews;
      const r = outcome.run;
      const p = r.phases;
      log(`  run ${run}/${runs}: activate ${fmt(r.activateMs)} ms${p ? ` (code ${fmt(p.codeLoadingMs)} + context wait ${fmt(p.contextWaitMs)} + activate() ${fmt(p.activateCallMs)})` : ''}, first render ${fmt(r.firstRenderMs)} ms into the webview, command → first turn ${fmt(r.commandToRenderMs)} ms${r.error ? `, ERROR ${r.error}` : ''}`);
    }
    results.libraryLoads = await libraryLoadsLogged(server.userDataDir);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fsp.rm(signals, { recursive: true, force: true });
  }
  return results;
}

/** The extension logs each library load ("Loaded N dialogues from M files (P parsed) in X ms") to its channel. */
async function libraryLoadsLogged(userDataDir) {
  const loads = [];
  const entries = await fsp.readdir(path.join(userDataDir, 'logs'), { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('Interview Dialogues.log')) continue;
    const text = await fsp.readFile(path.join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const match of text.matchAll(/Loaded (\d+) dialogues from (\d+) files \((\d+) parsed\) in (\d+) ms/g)) {
      loads.push({ dialogues: Number(match[1]), files: Number(match[2]), parsed: Number(match[3]), ms: Number(match[4]) });
    }
  }
  return loads;
}

const fmt = (n) => (typeof n === 'number' ? n.toFixed(1) : '–');

async function oneRun({ server, browser, extensionPath, testsPath, signals, plan }) {
  const workspace = await copyToTemp(FIXTURE_WORKSPACE, 'interview-dialogues-bench-ws-');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const run = { run: plan.run };
  const out = { run };
  const messages = [];
  let wake;
  const arrived = () => new Promise((resolve) => (wake = resolve));
  let next = arrived();
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  try {
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('console', (message) => {
      const text = unstyle(message.text());
      if (!text.startsWith(MARK)) return;
      messages.push(JSON.parse(text.slice(MARK.length)));
      wake();
      next = arrived();
    });
    page.on('crash', () => settle({ error: 'the page crashed' }));
    const deadline = setTimeout(() => settle({ error: 'the run did not finish within 180 s' }), 180_000);
    const waitMessage = async (type) => {
      for (;;) {
        const found = messages.find((m) => m.type === type || m.type === 'error');
        if (found) {
          if (found.type === 'error') throw new Error(found.message.split('\n')[0]);
          return found;
        }
        const result = await Promise.race([next.then(() => undefined), finished]);
        if (result) throw new Error(result.error ?? `the extension host run ended (exit ${result.code}) before reporting ${type}`);
      }
    };

    const pageStarted = Date.now();
    await page.goto(server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ]));

    const activation = await waitMessage('activation');
    run.activateMs = activation.activateMs;
    run.phases = activation.phases;
    run.wasActive = activation.wasActive;
    run.windowToActivationMs = Date.now() - pageStarted;

    const command = await waitMessage('command');
    run.commandMs = command.commandMs;
    const frame = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
    await frame.locator('.turn.current').first().waitFor({ state: 'visible', timeout: 60_000 });
    const seen = Date.now();
    const timing = await frame.locator('body').evaluate((body, name) => {
      const mark = performance.getEntriesByName(name)[0];
      const paints = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const script = resources.find((r) => r.name.includes('player.js'));
      // Our document is written into this frame after VS Code's own start-up page: its first request
      // (a stylesheet) is the earliest sign of it.
      const ours = resources.filter((r) => /player\.(js|css)|codicon\.css/.test(r.name));
      return {
        firstRender: mark ? mark.startTime : undefined,
        timeOrigin: performance.timeOrigin,
        // The frame's clock against the wall clock (both are the system's, but Chromium derives timeOrigin from a monotonic clock).
        skew: Date.now() - (performance.timeOrigin + performance.now()),
        firstContentfulPaint: paints['first-contentful-paint'],
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : undefined,
        playerScript: script ? { start: script.startTime, end: script.responseEnd } : undefined,
        firstRequest: ours.length > 0 ? Math.min(...ours.map((r) => r.startTime)) : undefined,
        resources: ours.map((r) => ({ name: r.name.split('/').pop().split('?')[0], start: Math.round(r.startTime), end: Math.round(r.responseEnd) })),
        turns: document.querySelectorAll('.turn').length,
        hasInitialState: Boolean(document.getElementById('initial-state')),
      };
    }, FIRST_RENDER);
    run.firstRenderMs = timing.firstRender;
    run.firstContentfulPaintMs = timing.firstContentfulPaint;
    run.domContentLoadedMs = timing.domContentLoaded;
    run.playerScript = timing.playerScript;
    run.resources = timing.resources;
    if (timing.firstRequest !== undefined && timing.firstRender !== undefined) run.firstRequestToRenderMs = timing.firstRender - timing.firstRequest;
    run.hasInitialState = timing.hasInitialState;
    const frameStartWall = timing.timeOrigin + timing.skew;
    run.commandToFrameStartMs = frameStartWall - command.commandAt;
    if (timing.firstRender !== undefined) run.commandToRenderMs = frameStartWall + timing.firstRender - command.commandAt;
    run.commandToVisibleMs = seen - command.commandAt; // includes Playwright's polling
    await fsp.writeFile(path.join(signals, `painted-${plan.run}`), '');

    if (plan.timerCheck) {
      const hidden = await waitMessage('hidden');
      out.hiddenWebviews = await page.evaluate(() => {
        const frames = [...document.querySelectorAll('iframe.webview')];
        return {
          iframes: frames.length,
          ours: frames.filter((f) => (f.getAttribute('src') ?? '').includes('extensionId=interview-dialogues.interview-dialogues')).length,
        };
      });
      out.hiddenWebviews.playerVisible = hidden.playerVisible;
      out.hiddenWebviews.attemptRunning = hidden.attemptRunning;
      await fsp.writeFile(path.join(signals, `counted-${plan.run}`), '');
      out.timer = await waitMessage('timer');
    }
    const result = await finished;
    clearTimeout(deadline);
    if (result.error) throw new Error(result.error);
    if (result.code !== 0) throw new Error(`the extension host run failed (exit ${result.code})`);
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
  } finally {
    await context.close().catch(() => undefined);
    await fsp.rm(path.dirname(workspace), { recursive: true, force: true });
    if (!fs.existsSync(signals)) await fsp.mkdir(signals, { recursive: true });
  }
  return out;
}
