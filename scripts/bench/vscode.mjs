// The benchmark's real-VS-Code part, measured in code-server + headless Chromium with the project's harness
// (scripts/vscode-web.mjs): click on the activity-bar icon → first topic row, activation as "Developer: Show Running
// Extensions" reports it, the first library load, the player's first paint and the timer's traffic to a hidden
// player. Each window is a fresh page, so a fresh window and extension host, on a fresh copy of the sample
// workspace. A second server, without VS Code's own onStartupFinished built-ins, times the activation with our
// extension alone in its activation task, in windows taking turns with the first server's. A window that fails is
// retried once in a fresh window; both errors are kept in the results.
/* global document, performance, addEventListener, requestAnimationFrame, MutationObserver -- in functions evaluated inside the page */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFakeLm } from '../../test/fixtures/fake-lm/build.mjs';
import { writeSeededHistory } from '../../test/fixtures/seeded-history.mjs';
import { EXTENSION_ID, FIXTURE_WORKSPACE, RESULTS_DIR, builtInExtensionsActivatedOn, copyToTemp, findChromium, launchChromium, startServer } from '../vscode-web.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MARK = '\u2063bench ';
const FIRST_RENDER = 'interview-dialogues:first-render';
const STATS_RENDER = 'interview-dialogues:stats-first-render';
const FIRST_PROMPT = 'interview-dialogues:first-session-prompt';
const FIRST_WORDS = 'interview-dialogues:first-streamed-words';
/** Our documents' own requests inside a webview's content frame (VS Code's start-up page makes none of these). */
const OWN_RESOURCES = /(player|stats|webview)\.(js|css)|codicon\.css/;
const CONTAINER_TITLE = 'Interview Dialogues';
const VIEW_NAME = 'Topics';
const SCREENSHOTS = path.join(RESULTS_DIR, 'bench');
/** How long one window may take, start-up to its last figure. */
const WINDOW_DEADLINE_MS = 180_000;

/** The workbench logs through a styled console call: "%c INFO color: #33f text". */
const unstyle = (text) => text.replace(/^%c\s*[A-Z]+\s+color:\s*#[0-9a-fA-F]{3,6}\s?/, '');

/**
 * @param {{ extensionPath: string, runs: number, aloneRuns: number, dialogueId: string, mockId: string, timerWindowMs: number, settleMs?: number, log: (line: string) => void }} options
 * @returns {Promise<{ runs: object[], failures: object[], timer?: object, hiddenWebviews?: object, serverReadyMs: number, alone: { leftOut: string[], runs: object[], failures: object[] } }>}
 */
export async function measureInVSCode({ extensionPath, runs, aloneRuns, dialogueId, mockId, timerWindowMs, settleMs = 3000, log }) {
  findChromium(); // throws with what to install
  const signals = await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-dialogues-bench-signals-'));
  const testsPath = path.join(HERE, 'vscode-run.js');
  let server;
  let aloneServer;
  let browser;
  const results = { runs: [], failures: [], serverReadyMs: 0 };
  let window = 0;
  const seenLogs = new Set();
  await fsp.rm(SCREENSHOTS, { recursive: true, force: true });
  try {
    const historyFolder = path.join(signals, 'history');
    // Four months of practice, so the statistics view draws every chart.
    await writeSeededHistory(historyFolder);
    const serverOptions = {
      smokeDriver: true,
      env: { INTERVIEW_DIALOGUES_BENCH_DIR: signals },
      extraVsix: [buildFakeLm()],
      settings: { 'interviewDialogues.interviewer.enabled': true },
      // A machine setting: a remote window reads it only from the server's machine settings.
      machineSettings: { 'interviewDialogues.historyFolder': historyFolder },
    };
    server = await startServer(serverOptions);
    results.serverReadyMs = server.readyMs;
    browser = await launchChromium();
    results.codeCache = await warmCodeCache({ server, browser, extensionPath });
    log(`  a first window wrote the code cache (${results.codeCache.files.join(', ')}) in ${(results.codeCache.ms / 1000).toFixed(1)} s; every window measured starts with it`);

    // VS Code starts the Running Extensions clock of every extension activated at onStartupFinished in one task, before
    // an await, so each clock also holds the code loading of the extensions ahead of it (built-ins first, then by
    // folder name). A second server without VS Code's own onStartupFinished built-ins leaves ours alone in that
    // task, as it is when a click activates it: the clock then times our activation only. Its windows take turns
    // with the first server's, so both figures are taken under the same load.
    const leftOut = builtInExtensionsActivatedOn('onStartupFinished');
    results.alone = { leftOut, runs: [], failures: [] };
    try {
      aloneServer = await startServer({ ...serverOptions, skipBuiltInExtensions: leftOut });
      await warmCodeCache({ server: aloneServer, browser, extensionPath });
      log(`  taking turns: ${runs} windows measuring everything, ${aloneRuns} measuring the activation with our extension alone at onStartupFinished (without ${leftOut.join(', ')})`);
    } catch (error) {
      // The first server's figures stand; the table says this one was not measured.
      results.alone.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`  the activation alone: not measured: ${results.alone.error}`);
    }
    const measure = (target, run, count, extra, into, describe) => measureRun({ run, count, extra, into, describe, server: target, browser, extensionPath, testsPath, signals, seenLogs, log, nextWindow: () => ++window });
    for (let run = 1; run <= Math.max(runs, aloneRuns); run++) {
      if (run <= runs) Object.assign(results, await measure(server, run, runs, { dialogueId, mockId, timerWindowMs, settleMs }, results, describeRun));
      if (run <= aloneRuns && aloneServer) await measure(aloneServer, run, aloneRuns, { activationOnly: true, settleMs }, results.alone, (r) => `alone: ${describeActivation(r)}`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await aloneServer?.stop();
    await fsp.rm(signals, { recursive: true, force: true });
  }
  return results;
}

/**
 * Measures run `run` of `count` in a fresh window; a window that fails is retried once in another. Pushes the run into
 * `into.runs` and each failed window into `into.failures`; returns what the timer check found.
 */
async function measureRun({ run, count, extra, into, describe, server, browser, extensionPath, testsPath, signals, seenLogs, log, nextWindow }) {
  const found = {};
  let outcome;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const window = nextWindow();
    const plan = { run, window, timerCheck: run === count && !extra.activationOnly, ...extra };
    await fsp.writeFile(path.join(signals, 'plan.json'), JSON.stringify(plan));
    outcome = await oneWindow({ server, browser, extensionPath, testsPath, signals, plan, seenLogs });
    if (!outcome.run.error) break;
    into.failures.push({ run, attempt, error: outcome.run.error, screenshot: outcome.run.screenshot });
    log(`  run ${run}/${count}, window ${window}: ERROR ${outcome.run.error}${outcome.run.screenshot ? ` (screenshot ${path.relative(process.cwd(), outcome.run.screenshot)})` : ''}${attempt === 1 ? '; retrying in a fresh window' : '; failed again'}`);
  }
  into.runs.push(outcome.run);
  if (outcome.timer) found.timer = outcome.timer;
  if (outcome.hiddenWebviews) found.hiddenWebviews = outcome.hiddenWebviews;
  if (!outcome.run.error) log(`  run ${run}/${count}: ${describe(outcome.run)} (load ${os.loadavg()[0].toFixed(2)})`);
  return found;
}

/**
 * The other extensions whose code loading Running Extensions' clock of ours holds: those that started loading after
 * that clock did (its figure less our code loading and activate() call, before our code loading started).
 */
function loadedInOurClock(run) {
  const p = run.phases;
  const reported = run.runningExtensions?.ms;
  if (!p || reported === undefined) return [];
  // The figure and the marks are whole milliseconds apart: 1 ms of slack.
  const clockStartedBeforeOursMs = reported - p.codeLoadingMs - p.activateCallMs + 1;
  return (p.othersLoadingJustBefore ?? []).filter((o) => o.startedBeforeOursMs <= clockStartedBeforeOursMs);
}

/** The activation figures of one window: Running Extensions' number and VS Code's marks behind it. */
function describeActivation(r) {
  const p = r.phases;
  const others = r.inOurClock?.map((o) => `${o.id} ${fmt(o.ms)}`).join(', ') || 'none';
  return `Running Extensions "${r.runningExtensions?.text}"${p ? ` (code ${fmt(p.codeLoadingMs)} + context wait ${fmt(p.contextWaitMs)} + activate() ${fmt(p.activateCallMs)}; in its clock too: ${others})` : ''}${r.ownActivation ? `, its own log: ${fmt(r.ownActivation.ms)} ms` : ''}`;
}

function describeRun(r) {
  return `click → first topic row ${fmt(r.clickToRowMs)} ms, ${describeActivation(r)}, first render ${fmt(r.firstRenderMs)} ms into the webview, command → first turn ${fmt(r.commandToRenderMs)} ms, stats ${fmt(r.stats?.firstRequestToMarkMs)} ms from its first request, mock start → first prompt ${fmt(r.mock?.sinceMs)} ms, first chunk → words ${fmt(r.followUp?.firstChunkToWordsMs)} ms`;
}

/**
 * Opens one window and keeps it until the extension has written its code cache (src/node/codeCache.ts, 20 s after
 * the bundles ran), as a user's first window after an install or an update does. The measured windows then start as
 * every later window does: their bundles' bytecode comes from the cache. The cache's own effect is the bench's
 * plain-Node row (without and with it).
 */
async function warmCodeCache({ server, browser, extensionPath }) {
  const workspace = await copyToTemp(FIXTURE_WORKSPACE, 'interview-dialogues-bench-ws-');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const started = Date.now();
  try {
    const page = await context.newPage();
    await page.goto(server.workbenchUrl(workspace, [['extensionDevelopmentPath', server.remoteUri(extensionPath)]]));
    for (;;) {
      const files = await codeCacheFiles(server.userDataDir);
      if (['main-', 'lazy-library-'].every((bundle) => files.some((name) => name.startsWith(bundle)))) return { files, ms: Date.now() - started };
      if (Date.now() - started > 60_000) throw new Error(`the first window wrote no code cache within 60 s (found ${files.join(', ') || 'none'})`);
      await delay(500);
    }
  } finally {
    await context.close().catch(() => undefined);
    await fsp.rm(path.dirname(workspace), { recursive: true, force: true });
  }
}

/** The files in the extension's code-cache folder of its global storage. */
async function codeCacheFiles(userDataDir) {
  const entries = await fsp.readdir(path.join(userDataDir, 'User', 'globalStorage'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && path.basename(entry.parentPath ?? entry.path) === 'code-cache' && entry.name.endsWith('.cache')).map((entry) => entry.name).sort();
}

/**
 * What each extension host whose log is not in `seen` yet logged for the extension: its activation ("Activated in X
 * ms: loading the code Y ms, wiring Z ms; CPU C ms") and its first library load ("Loaded N dialogues from M files (P
 * parsed) in X ms (shipped library S ms while finding workspace packs F ms, then R ms)") with the wall-clock time at
 * which it ended (the log line's time stamp, local time). Either is undefined when its line is missing.
 */
async function newExtensionLogs(userDataDir, seen) {
  const logs = [];
  const entries = await fsp.readdir(path.join(userDataDir, 'logs'), { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !entry.name.endsWith('Interview Dialogues.log') || seen.has(file)) continue;
    seen.add(file);
    const text = await fsp.readFile(file, 'utf8');
    const activated = /\[info\] Activated in ([\d.]+) ms: loading the code ([\d.]+) ms, wiring ([\d.]+) ms; CPU ([\d.]+) ms/.exec(text);
    const activation = activated ? { ms: Number(activated[1]), codeMs: Number(activated[2]), wiringMs: Number(activated[3]), cpuMs: Number(activated[4]) } : undefined;
    const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[info\] Loaded (\d+) dialogues from (\d+) files \((\d+) parsed\) in (\d+) ms \((?:shipped library (\d+) ms while )?finding workspace packs (\d+) ms, then (\d+) ms\)/m.exec(text);
    let firstLoad;
    if (match) {
      const [dialogues, files, parsed, total, shipped, finding, rest] = match.slice(3).map((n) => (n === undefined ? undefined : Number(n)));
      firstLoad = { dialogues, files, parsed, ms: total, shippedMs: shipped, findingMs: finding, restMs: rest, endedAt: new Date(`${match[1]}T${match[2]}`).getTime() };
    }
    logs.push({ activation, firstLoad });
  }
  return logs;
}

const fmt = (n) => (typeof n === 'number' ? n.toFixed(1) : '–');
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const PHASE_MARK = 'interview-dialogues-bench-phase:';
const TRAFFIC = new RegExp(`\\$postMessage|${PHASE_MARK}(\\w+)`, 'g');

/**
 * What one frame of the extension host's traffic to the window holds, in order: the runner's phase marks and the
 * webview messages (`$postMessage` calls) by their `type`.
 */
function trafficEvents(payload) {
  const text = typeof payload === 'string' ? payload : payload.toString('latin1');
  const events = [];
  for (const match of text.matchAll(TRAFFIC)) {
    if (match[1]) {
      events.push({ phase: match[1] });
    } else {
      const type = /\\"type\\":\\"(\w+)\\"/.exec(text.slice(match.index, match.index + 300));
      if (type) events.push({ message: type[1] });
    }
  }
  return events;
}

/**
 * Installed in the page before the click: the time of the press (the mousedown event) and of the first frame
 * painted after the first row with a label appeared in the view's tree.
 */
function installClickProbe(viewName) {
  const probe = (globalThis.__benchClick = {});
  addEventListener('mousedown', (event) => (probe.down ??= event.timeStamp), { capture: true, once: true });
  const firstRow = () => {
    const header = document.querySelector(`.pane-header[aria-label="${viewName} Section"]`);
    const row = header?.closest('.pane')?.querySelector('.monaco-list-row[role="treeitem"]');
    const label = row?.querySelector('.label-name')?.textContent?.trim();
    return label && row.getBoundingClientRect().height > 0 ? label : undefined;
  };
  const observer = new MutationObserver(() => {
    const label = firstRow();
    if (!label) return;
    observer.disconnect();
    probe.inDom = performance.now();
    probe.label = label;
    // The next animation frame paints it; the task after that frame runs once it is painted.
    requestAnimationFrame(() => setTimeout(() => (probe.painted = performance.now())));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** Clicks the activity-bar icon as a person would and times the press → the first topic row on screen. */
async function clickToFirstRow(page) {
  const icon = page.locator(`.activitybar .action-item .action-label[aria-label^="${CONTAINER_TITLE}"]`);
  await icon.waitFor({ state: 'visible', timeout: 60_000 });
  // A click on the icon of a container already showing would close it: the window must start without it.
  const item = page.locator(`.activitybar .action-item:has(.action-label[aria-label^="${CONTAINER_TITLE}"])`);
  if ((await item.getAttribute('class'))?.split(/\s+/).includes('checked')) throw new Error('the Interview Dialogues side bar was already open before the click');
  await page.evaluate(installClickProbe, VIEW_NAME);
  const box = await icon.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => globalThis.__benchClick.painted !== undefined, undefined, { timeout: 60_000, polling: 250 });
  const probe = await page.evaluate(() => globalThis.__benchClick);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return { clickToRowMs: probe.painted - probe.down, clickToRowInDomMs: probe.inDom - probe.down, firstRow: probe.label, clickedAt: origin + probe.down };
}

/**
 * The activation time the Running Extensions editor shows for the extension ("Activation: 12ms", or "Startup
 * Activation: 12ms"): VS Code's `codeLoadingTime + activateCallTime`. Its rows are virtualised and sorted by that
 * time, so the list is scrolled until the row is found.
 */
async function readRunningExtensions(page) {
  const editor = page.locator('.runtime-extensions-editor');
  await editor.waitFor({ state: 'visible', timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = await page.evaluate(({ id, title }) => {
      for (const row of document.querySelectorAll('.runtime-extensions-editor .extension')) {
        const name = row.querySelector('.name')?.textContent?.trim();
        if (name === id || name === title) return row.querySelector('.activation-time')?.textContent?.trim() ?? '';
      }
      return undefined;
    }, { id: EXTENSION_ID, title: CONTAINER_TITLE });
    const match = text && /(\d+)\s*ms/.exec(text);
    if (match) return { text, ms: Number(match[1]) };
    if (Date.now() > deadline) throw new Error(`the Running Extensions editor did not show the extension's activation time (${text === undefined ? 'no row' : `"${text}"`})`);
    if (text === undefined) {
      await editor.hover();
      await page.mouse.wheel(0, 280);
    }
    await delay(100);
  }
}

/**
 * Where the time from the press to the painted row goes, from wall-clock times of three processes on one machine:
 * the press (page), the activation (VS Code's marks in the extension host) and the end of the first library load
 * (the extension's log line, millisecond time stamps).
 */
function clickTimeline(run) {
  const { clickedAt, clickToRowMs, phases, firstLoad } = run;
  if (clickedAt === undefined || !phases || !firstLoad || run.activeBeforeClick) return undefined;
  return {
    toActivationMs: phases.startedAt - clickedAt,
    activationMs: phases.activatedAt - phases.startedAt,
    toLoadedMs: firstLoad.endedAt - phases.activatedAt,
    toPaintedMs: clickedAt + clickToRowMs - firstLoad.endedAt,
  };
}

async function oneWindow({ server, browser, extensionPath, testsPath, signals, plan, seenLogs }) {
  const workspace = await copyToTemp(FIXTURE_WORKSPACE, 'interview-dialogues-bench-ws-');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const run = { run: plan.run, window: plan.window };
  const out = { run };
  const signal = (name) => fsp.writeFile(path.join(signals, `${name}-${plan.window}`), '');
  const messages = [];
  let wake;
  const arrived = () => new Promise((resolve) => (wake = resolve));
  let next = arrived();
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  // What the extension host sends to webviews, counted per phase of the timer check.
  const counts = { visible: {}, hidden: {}, shown: {} };
  let phase = 'setup';
  let deadline;
  try {
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('console', (message) => {
      const text = unstyle(message.text());
      if (!text.startsWith(MARK)) return;
      messages.push(JSON.parse(text.slice(MARK.length)));
      wake();
      next = arrived();
    });
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
      for (const event of trafficEvents(payload)) {
        if (event.phase) phase = event.phase;
        else if (counts[phase]) counts[phase][event.message] = (counts[phase][event.message] ?? 0) + 1;
      }
    }));
    page.on('crash', () => settle({ error: 'the page crashed' }));
    deadline = setTimeout(() => settle({ error: `the window did not finish within ${WINDOW_DEADLINE_MS / 1000} s` }), WINDOW_DEADLINE_MS);
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

    // The player, the timer's traffic, the statistics view and the mock interview, in that order.
    const measureTheViews = async () => {
      const command = await waitMessage('command');
      run.commandMs = command.commandMs;
      Object.assign(run, await firstPaint(page, command.commandAt));
      await signal('painted');

      if (plan.timerCheck) {
        const hidden = await waitMessage('hidden');
        out.hiddenWebviews = await page.evaluate((id) => {
          const frames = [...document.querySelectorAll('iframe.webview')];
          return { iframes: frames.length, ours: frames.filter((f) => (f.getAttribute('src') ?? '').includes(`extensionId=${id}`)).length };
        }, EXTENSION_ID);
        out.hiddenWebviews.playerVisible = hidden.playerVisible;
        out.hiddenWebviews.draftOpen = hidden.draftOpen;
        await signal('counted');
        const timer = await waitMessage('timer');
        out.timer = { windowMs: timer.windowMs, counts };
      }

      const stats = await waitMessage('stats');
      run.stats = await webviewTiming(page, { ready: '#stats > *', mark: STATS_RENDER, since: stats.commandAt });
      await signal('stats');

      const mock = await waitMessage('mock');
      run.mock = await webviewTiming(page, { ready: '#session-items li.turn', mark: FIRST_PROMPT, since: mock.commandAt });
      await signal('mock');

      await waitMessage('followUp');
      const words = await webviewTiming(page, { mark: FIRST_WORDS });
      const followUp = await waitMessage('followUpDone');
      if (followUp.firstChunkAt === undefined) throw new Error('the scripted model sent no chunk');
      run.followUp = {
        chunksSent: followUp.chunksSent,
        firstChunkToWordsMs: words.markAt - followUp.firstChunkAt,
        ...(followUp.receivedAt !== undefined ? { relayMs: followUp.receivedAt - followUp.firstChunkAt, receivedToWordsMs: words.markAt - followUp.receivedAt } : {}),
      };
      await signal('streamed');
    };

    await page.goto(server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ]));

    const ready = await waitMessage('ready');
    run.activeBeforeClick = ready.activeBeforeClick;
    Object.assign(run, await clickToFirstRow(page));
    await signal('clicked');

    const activation = await waitMessage('activation');
    run.phases = activation.phases;
    run.runningExtensions = await readRunningExtensions(page);
    run.inOurClock = loadedInOurClock(run);
    await signal('read-activation');
    if (!plan.activationOnly) await measureTheViews();

    const result = await finished;
    if (result.error) throw new Error(result.error);
    if (result.code !== 0) throw new Error(`the extension host run failed (exit ${result.code})`);
    const [logged] = await newExtensionLogs(server.userDataDir, seenLogs);
    run.firstLoad = logged?.firstLoad;
    run.ownActivation = logged?.activation;
    run.clickTimeline = clickTimeline(run);
  } catch (error) {
    run.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
    run.screenshot = path.join(SCREENSHOTS, `window-${plan.window}.png`);
    await fsp.mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: run.screenshot }).catch(() => (run.screenshot = undefined));
  } finally {
    clearTimeout(deadline);
    await context.close().catch(() => undefined);
    await fsp.rm(path.dirname(workspace), { recursive: true, force: true });
    if (!fs.existsSync(signals)) await fsp.mkdir(signals, { recursive: true });
  }
  return out;
}

/**
 * A mark the visible webview set with `performance.mark`, read inside its content frame (`#active-frame`), polled
 * until it is there: its time in the frame, its wall-clock time, and the frame's own start-up around it. VS Code
 * writes our HTML into that frame after its own start-up page (`fake.html`); our document's first request (a
 * stylesheet, the first thing in its `<head>`) is the earliest sign of our document.
 * @param {{ ready?: string, mark: string, since?: number }} options  `ready`: an element to wait for first;
 *   `since`: a wall-clock time (the command) to time the mark from
 */
async function webviewTiming(page, { ready, mark, since }) {
  const frame = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
  if (ready) await frame.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const timing = await frame.locator('body').evaluate((body, { name, own }) => {
      const entry = performance.getEntriesByName(name)[0];
      if (!entry) return undefined;
      const paints = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      const ours = performance.getEntriesByType('resource').filter((r) => new RegExp(own).test(r.name));
      const script = ours.find((r) => r.name.endsWith('.js'));
      return {
        markMs: entry.startTime,
        timeOrigin: performance.timeOrigin,
        // The frame's clock against the wall clock (both are the system's, but Chromium derives timeOrigin from a monotonic clock).
        skew: Date.now() - (performance.timeOrigin + performance.now()),
        firstContentfulPaint: paints['first-contentful-paint'],
        script: script ? { start: script.startTime, end: script.responseEnd } : undefined,
        firstRequest: ours.length > 0 ? Math.min(...ours.map((r) => r.startTime)) : undefined,
        hasInitialState: Boolean(document.getElementById('initial-state')),
      };
    }, { name: mark, own: OWN_RESOURCES.source }).catch(() => undefined);
    if (timing) {
      const frameStartWall = timing.timeOrigin + timing.skew;
      return {
        markMs: timing.markMs,
        markAt: frameStartWall + timing.markMs,
        firstContentfulPaintMs: timing.firstContentfulPaint,
        script: timing.script,
        firstRequestToMarkMs: timing.firstRequest === undefined ? undefined : timing.markMs - timing.firstRequest,
        hasInitialState: timing.hasInitialState,
        frameStartAfterMs: since === undefined ? undefined : frameStartWall - since,
        sinceMs: since === undefined ? undefined : frameStartWall + timing.markMs - since,
      };
    }
    if (Date.now() > deadline) throw new Error(`the webview never marked ${mark}`);
    await delay(20);
  }
}

/** The player's first paint, from the mark it sets right after its first render(). */
async function firstPaint(page, commandAt) {
  const timing = await webviewTiming(page, { ready: '.turn.current', mark: FIRST_RENDER, since: commandAt });
  return {
    firstRenderMs: timing.markMs,
    firstContentfulPaintMs: timing.firstContentfulPaintMs,
    playerScript: timing.script,
    firstRequestToRenderMs: timing.firstRequestToMarkMs,
    hasInitialState: timing.hasInitialState,
    commandToFrameStartMs: timing.frameStartAfterMs,
    commandToRenderMs: timing.sinceMs,
  };
}
