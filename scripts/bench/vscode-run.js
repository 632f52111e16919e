// Runs inside a real VS Code extension host (loaded as extensionTestsPath by scripts/bench/vscode.mjs), once per
// window, and takes turns with the page side: the page clicks the activity-bar icon and times the tree, this side
// opens "Developer: Show Running Extensions" for the page to read, opens a dialogue for the first-paint figure,
// in the last window starts an answer and hides and shows the player while the page counts what the extension
// host sends to it, then opens the statistics view, starts a mock interview and asks the scripted test model for
// a follow-up, while the page reads each view's marks. Only the public vscode API and the extension's commands are
// used, with one exception (the interviewer's consent, see mockInterview): nothing else reaches into the
// extension's objects, so a refactoring inside the extension cannot silently break the benchmark.
// Plain CommonJS so it needs no build. Talks to the page through the console (lines starting with MARK) and
// waits for the page's answers as files in $INTERVIEW_DIALOGUES_BENCH_DIR.
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by the extension host as is */
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const EXTENSION_ID = 'interview-dialogues.interview-dialogues';
const MARK = '\u2063bench ';
const PHASE_MARK = 'interview-dialogues-bench-phase:';
const FAKE_LM_ID = 'interview-dialogues-test.fake-lm';
/** The scripted model as the interviewer's consent names it: `vendor/id`. */
const FAKE_MODEL = 'interview-dialogues-fake/fake-model';
/** The interviewer's follow-up as the scripted model streams it, a chunk every 100 ms. */
const FOLLOW_UP_CHUNKS = ['What happens ', 'to an edit ', 'made offline ', 'for a week?'];

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

/** Waits until the page has written `name` into the shared folder (it does so once it has done its part). */
function waitForSignal(dir, name) {
  const file = path.join(dir, name);
  return waitFor(() => fs.existsSync(file), `the benchmark's "${name}" signal`, 120_000);
}

function tabs() {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => ({ tab, group })));
}

function playerTab() {
  return tabs().find(({ tab }) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('interviewDialogues.player'));
}

/** A tab is on screen when it is the active tab of its group (every editor group is visible). */
const playerVisible = () => playerTab()?.tab.isActive === true;

/**
 * VS Code's own marks around the activation (globalThis.MonacoPerformanceMarks in the extension host): code
 * loading (require of dist/extension.js), the wait for the extension's context (its storage, read over RPC, in
 * parallel with code loading), and the activate() call until its result resolves. They split what the Running
 * Extensions editor reports as one number.
 */
function activationPhases() {
  const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
  const find = (prefix) => marks.filter((m) => m.name === prefix + EXTENSION_ID).at(-1)?.startTime;
  const willLoad = find('code/extHost/willLoadExtensionCode/');
  const didLoad = find('code/extHost/didLoadExtensionCode/');
  const willActivate = find('code/extHost/willActivateExtension/');
  const didActivate = find('code/extHost/didActivateExtension/');
  if ([willLoad, didLoad, willActivate, didActivate].some((t) => t === undefined)) return undefined;
  // Other extensions whose code was loaded in the half second before ours: VS Code starts the clock of an
  // extension's code loading before an await, so the Running Extensions figure can hold their loading too.
  const others = [];
  for (const mark of marks) {
    const id = mark.name.startsWith('code/extHost/willLoadExtensionCode/') ? mark.name.slice('code/extHost/willLoadExtensionCode/'.length) : undefined;
    if (!id || id === EXTENSION_ID) continue;
    const done = marks.find((m) => m.name === `code/extHost/didLoadExtensionCode/${id}` && m.startTime >= mark.startTime)?.startTime;
    if (done !== undefined && done <= willLoad && mark.startTime >= willLoad - 500) others.push({ id, ms: done - mark.startTime, startedBeforeOursMs: willLoad - mark.startTime });
  }
  // The marks are wall-clock times (ms since 1970), so the page can place them after its click.
  return { codeLoadingMs: didLoad - willLoad, contextWaitMs: willActivate - didLoad, activateCallMs: didActivate - willActivate, startedAt: willLoad, activatedAt: didActivate, othersLoadingJustBefore: others };
}

exports.run = async function run() {
  const dir = process.env.INTERVIEW_DIALOGUES_BENCH_DIR;
  const plan = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    // A person clicks once the window is up: let the window's own start-up work finish first.
    await sleep(plan.settleMs);
    say({ type: 'ready', run: plan.run, activeBeforeClick: extension.isActive });
    await waitForSignal(dir, `clicked-${plan.window}`);

    await waitFor(() => extension.isActive, 'the extension to be active after the click');
    await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
    say({ type: 'activation', run: plan.run, phases: activationPhases() });
    await waitForSignal(dir, `read-activation-${plan.window}`);
    // A window that measures only the activation (see scripts/bench/vscode.mjs) ends here.
    if (plan.activationOnly) return;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const commandAt = Date.now(); // wall clock, compared with the webview's own clock by the page side
    const commandStarted = performance.now();
    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: plan.dialogueId });
    say({ type: 'command', run: plan.run, commandAt, commandMs: performance.now() - commandStarted });
    await waitForSignal(dir, `painted-${plan.window}`);

    if (plan.timerCheck) await timerCheck(plan, dir);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The statistics view, over the history the benchmark seeded (the page reads the view's own marks).
    say({ type: 'stats', run: plan.run, commandAt: Date.now() });
    await vscode.commands.executeCommand('interviewDialogues.showStats');
    await waitForSignal(dir, `stats-${plan.window}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await mockInterview(plan, dir);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } catch (error) {
    say({ type: 'error', run: plan.run, message: String((error && error.stack) || error) });
    throw error;
  }
};

/**
 * A mock interview started by its command (the page times the first prompt in the player), then Ask a Follow-up
 * answered by the scripted test model (test/fixtures/fake-lm): the page times the first streamed words in the
 * player against the model's first chunk, which the model records.
 */
async function mockInterview(plan, dir) {
  if (!vscode.extensions.getExtension(FAKE_LM_ID)) throw new Error(`the scripted test model ${FAKE_LM_ID} is not installed`);
  await vscode.commands.executeCommand('fakeLm.reset');
  await vscode.commands.executeCommand('fakeLm.setScript', { responses: [{ chunks: FOLLOW_UP_CHUNKS, delayMs: 100 }] });
  say({ type: 'mock', run: plan.run, commandAt: Date.now() });
  await vscode.commands.executeCommand('interviewDialogues.startMockInterview', plan.mockId);
  await waitForSignal(dir, `mock-${plan.window}`);

  // The consent a person gives once per model in its modal dialog: VS Code refuses modal dialogs in a window that
  // runs extension tests, so it is recorded through the extension's test surface, as the integration tests do.
  const surface = vscode.extensions.getExtension(EXTENSION_ID).exports;
  if (typeof surface?.allowInterviewer !== 'function') throw new Error('the extension returned no test surface with allowInterviewer');
  await surface.allowInterviewer(FAKE_MODEL);
  say({ type: 'followUp', run: plan.run });
  await vscode.commands.executeCommand('interviewDialogues.askFollowUp');
  const requests = await vscode.commands.executeCommand('fakeLm.requests');
  const request = requests.at(-1);
  if (!request) throw new Error('Ask a Follow-up sent nothing to the scripted model');
  // The extension's own mark, in this same extension host: when the first text reached it (VS Code relays a model's
  // reply through the workbench, even between two extensions of one host).
  const received = performance.getEntriesByName('interview-dialogues:first-model-text').at(-1);
  const receivedAt = received ? performance.timeOrigin + received.startTime : undefined;
  say({ type: 'followUpDone', run: plan.run, firstChunkAt: request.firstChunkAt, receivedAt, chunksSent: request.chunksSent });
  await waitForSignal(dir, `streamed-${plan.window}`);
}

/**
 * Starts an answer on the dialogue's first question, then tells the page when the player is visible (the timer
 * repaints once a second), when another editor hides it (nothing should be sent), and when it is shown again (one
 * full state). The page counts the webview messages the extension host sends in each phase.
 */
async function timerCheck(plan, dir) {
  // The phase goes to the window in the same stream as the messages the page counts (a status-bar message is one
  // RPC call), so each message is counted in the phase it was sent in.
  const phase = async (name, ms) => {
    vscode.window.setStatusBarMessage(`${PHASE_MARK}${name}`, 1);
    if (ms) await sleep(ms);
  };
  await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: `${plan.dialogueId}#q1` });
  const draft = await waitFor(() => tabs().find(({ tab }) => tab.input instanceof vscode.TabInputText), 'the draft to open');
  const player = await waitFor(() => playerTab(), 'the player tab');
  if (player.group === draft.group) throw new Error('the draft opened in the player\'s group, so the player is hidden');
  await waitFor(playerVisible, 'the player to be visible');

  await phase('settle', 300);
  await phase('visible', plan.timerWindowMs);

  // Another editor in the player's group hides it: a file, so closing it asks nothing.
  await phase('moving');
  const readme = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'README.md');
  await vscode.window.showTextDocument(readme, { viewColumn: player.group.viewColumn, preview: false });
  await waitFor(() => !playerVisible(), 'the player to be hidden');
  await phase('settle', 300);
  await phase('hidden', plan.timerWindowMs);
  say({ type: 'hidden', run: plan.run, playerVisible: playerVisible(), draftOpen: tabs().some(({ tab }) => tab === draft.tab) });
  await waitForSignal(dir, `counted-${plan.window}`);

  await phase('shown');
  const cover = tabs().find(({ tab }) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === readme.toString());
  await vscode.window.tabGroups.close(cover.tab);
  await waitFor(playerVisible, 'the player to be visible again');
  await sleep(500);
  await phase('done');
  await vscode.commands.executeCommand('interviewDialogues.abandonAnswer');
  say({ type: 'timer', run: plan.run, windowMs: plan.timerWindowMs });
}
