// Runs inside a real VS Code extension host (loaded as extensionTestsPath by scripts/bench/vscode.mjs), once per
// window: measures activation, opens a dialogue for the first-paint figure and, when asked, checks the timer's
// traffic to a hidden player. Plain CommonJS so it needs no build. Talks to the benchmark through the page
// console (lines starting with MARK) and waits for its answers as files in $INTERVIEW_DIALOGUES_BENCH_DIR.
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by the extension host as is */
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const EXTENSION_ID = 'interview-dialogues.interview-dialogues';
const MARK = '\u2063bench ';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (message) => console.log(MARK + JSON.stringify(message));

async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits until the benchmark has written `name` into the shared folder (it does so once it has read the page). */
function waitForSignal(dir, name) {
  const file = path.join(dir, name);
  return waitFor(() => fs.existsSync(file), `the benchmark's "${name}" signal`, 120_000);
}

function playerTab() {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('interviewDialogues.player')) return { tab, group };
    }
  }
  return undefined;
}

/**
 * VS Code's own marks around the activation (globalThis.MonacoPerformanceMarks in the extension host): code
 * loading (require of dist/extension.js), the wait for the extension's context (its storage, read over RPC, in
 * parallel with code loading), and the activate() call until its result resolves. Code loading + activate call
 * is what "Developer: Show Running Extensions" reports as activation time.
 */
function activationPhases(started) {
  const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
  const find = (prefix) => marks.filter((m) => m.name.startsWith(prefix) && (m.name.includes(EXTENSION_ID) || m.name.includes('interview-dialogues'))).at(-1)?.startTime;
  const willLoad = find('code/extHost/willLoadExtensionCode/');
  const didLoad = find('code/extHost/didLoadExtensionCode/');
  const willActivate = find('code/extHost/willActivateExtension/');
  const didActivate = find('code/extHost/didActivateExtension/');
  if ([willLoad, didLoad, willActivate, didActivate].some((t) => t === undefined)) return undefined;
  // The marks count from the process's time origin, like performance.now() plus the origin.
  const origin = performance.timeOrigin;
  const startedAt = Math.abs(willLoad - (origin + started)) < Math.abs(willLoad - started) ? origin + started : started;
  return {
    beforeCodeLoadingMs: willLoad - startedAt,
    codeLoadingMs: didLoad - willLoad,
    contextWaitMs: willActivate - didLoad,
    activateCallMs: didActivate - willActivate,
  };
}

exports.run = async function run() {
  const dir = process.env.INTERVIEW_DIALOGUES_BENCH_DIR;
  const plan = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    const wasActive = extension.isActive;
    // A person opens the view once the window is up: let the window's own start-up work finish first.
    await sleep(plan.settleMs);
    const started = performance.now();
    const api = await extension.activate();
    const activateMs = performance.now() - started;
    say({ type: 'activation', run: plan.run, activateMs, wasActive, phases: activationPhases(started) });

    if (plan.firstPaint) {
      const commandAt = Date.now(); // wall clock, compared with the webview's own clock by the benchmark
      const commandStarted = performance.now();
      await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: plan.dialogueId });
      say({ type: 'command', run: plan.run, commandAt, commandMs: performance.now() - commandStarted });
      await waitForSignal(dir, `painted-${plan.run}`);
    }

    if (plan.timerCheck) await timerCheck(api, plan, dir);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } catch (error) {
    say({ type: 'error', run: plan.run, message: String((error && error.stack) || error) });
    throw error;
  }
};

/**
 * Starts an answer on the dialogue's first question and counts what the host posts to the player: while it is
 * visible (the timer repaints once a second), while it is hidden behind another editor (nothing should be sent),
 * and when it is shown again (one full state).
 */
async function timerCheck(api, plan, dir) {
  const panel = await waitFor(() => api.players.get(plan.dialogueId), 'the player panel');
  const counts = { visible: {}, hidden: {}, shown: {} };
  let phase = 'setup';
  const post = panel.post;
  panel.post = function countedPost(message) {
    if (counts[phase]) counts[phase][message.type] = (counts[phase][message.type] || 0) + 1;
    return post.call(this, message);
  };
  const library = await api.libraries.library();
  const question = library.dialogue(plan.dialogueId).questions[0];
  await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: question.id });
  await waitFor(() => api.session.current, 'the answer to start');
  const found = await waitFor(() => playerTab(), 'the player tab');
  await waitFor(() => panel.isVisible, 'the player to be visible');

  await sleep(300);
  phase = 'visible';
  await sleep(plan.timerWindowMs);

  phase = 'moving';
  const document = await vscode.workspace.openTextDocument({ content: 'This editor hides the player.' });
  await vscode.window.showTextDocument(document, { viewColumn: found.group.viewColumn, preview: false });
  await waitFor(() => !panel.isVisible, 'the player to be hidden');
  await sleep(300);
  phase = 'hidden';
  await sleep(plan.timerWindowMs);
  say({ type: 'hidden', run: plan.run, playerVisible: panel.isVisible, attemptRunning: Boolean(api.session.current) });
  await waitForSignal(dir, `counted-${plan.run}`);

  phase = 'shown';
  panel.reveal();
  await waitFor(() => panel.isVisible, 'the player to be visible again');
  await sleep(500);
  phase = 'done';
  panel.post = post;
  await api.session.abandon();
  say({ type: 'timer', run: plan.run, windowMs: plan.timerWindowMs, counts });
}
