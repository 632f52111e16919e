// Reloading the window in the middle of an answer continues the same attempt with the right time left.
import * as assert from 'node:assert/strict';
import { webviewFrame } from './support/a11y';
import { answerTurn, openDialogue, remainingSeconds, waitForPosition } from './support/interview';
import { useSession } from './support/session';
import {
  activeEditorText, parseClock, poll, reloadWindow, runCommand, statusBarItem, statusBarText, tab, tabTitles, viewPane, webview,
} from './support/workbench';

/** The timer text without its clock: what it says about the question. */
const label = (text: string | undefined) => (text ?? '').replace(/(?:\d+:)?\d{1,2}:\d{2}/, '').trim();

describe('Reloading the window during an answer', function () {
  this.timeout(240_000);
  const session = useSession();

  it('continues the same attempt with the right remaining time', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    await player.locator('#next').click();
    await waitForPosition(player, 'Turn 2 of 4');
    const first = await answerTurn(page, player, 0);
    await poll('a few seconds to pass on the countdown', () => remainingSeconds(page), (seconds) => seconds <= first - 2, 15_000);

    // Some words in the draft, saved, so the same draft can be recognised after the reload.
    const sentence = 'Base62 keys from a Snowflake-style id generator.';
    await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(sentence);
    await page.keyboard.press('Control+S');
    await poll('the draft to be saved', () => page.locator('.tabs-container .tab.active.dirty').count(), (n) => n === 0);
    const draftTab = (await tabTitles(page)).find((title) => /\.md\b/.test(title));
    const before = await statusBarText(page);
    const remainingBefore = parseClock(before) as number;
    const reloadStarted = Date.now();
    await session().screenshot('before-reload');

    await reloadWindow(page);
    await poll('the countdown after the reload', () => statusBarText(page), (text) => parseClock(text) !== undefined, 60_000, 250);
    // The clock kept running while the window reloaded: neither reset nor frozen. It is read until it agrees, since
    // a paint can lag while the new extension host is busy starting every extension (seconds on a slow machine).
    let expected = remainingBefore;
    const after = await poll(
      `the countdown to go on from ${remainingBefore} s left, minus the time away`,
      async () => {
        const text = await statusBarText(page);
        expected = remainingBefore - (Date.now() - reloadStarted) / 1000;
        return text;
      },
      (text) => Math.abs((parseClock(text) ?? Infinity) - expected) <= 3,
      30_000,
      250,
    );
    const remainingAfter = parseClock(after) as number;
    await session().screenshot('after-reload');
    assert.ok(!/paused/i.test(after ?? ''), `still running: ${after}`);
    assert.equal(label(after), label(before), 'the same question is on the clock');
    await poll('the countdown to keep moving', () => remainingSeconds(page), (seconds) => seconds < remainingAfter, 10_000);

    // The same draft, with its words.
    await poll(`the draft tab "${draftTab}" to be back`, () => tabTitles(page), (titles) => titles.includes(draftTab ?? ''), 30_000);
    await tab(page, draftTab ?? '').click();
    await poll('the draft to keep its words', () => activeEditorText(page), (text) => text.includes(sentence));

    // The player comes back at its place: restored by its serializer from the webview state, not kept alive.
    await waitForPosition(webview(page), 'Turn 2 of 4');
    assert.equal(await webview(page).locator('h1#dialogue-title').innerText(), 'System Design Interview');
    await session().screenshot('player-restored');
  });

  it('keeps a paused attempt paused at the same time', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    const first = await answerTurn(page, player, 0);
    await poll('the countdown to move', () => remainingSeconds(page), (seconds) => seconds < first, 10_000);
    await runCommand(page, 'Interview Dialogues: Pause Timer', 'interviewDialogues.pauseTimer');
    const paused = await poll('the timer to show "paused"', () => statusBarText(page), (text) => /paused/i.test(text ?? ''));

    await reloadWindow(page);
    const after = await poll('the paused timer after the reload', () => statusBarText(page), (text) => /paused/i.test(text ?? ''), 60_000, 250);
    if (parseClock(paused) !== undefined) {
      assert.ok(Math.abs((parseClock(after) as number) - (parseClock(paused) as number)) <= 1, `paused at ${paused}, after the reload ${after}`);
    }
    await session().screenshot('paused-after-reload');
  });

  it('shows the clock right after a reload with only the draft open, and Finish works from the palette', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    await answerTurn(page, player, 0);
    const draftTab = (await tabTitles(page)).find((title) => /\.md\b/.test(title)) ?? '';
    // Leave only the draft: close the player, show the Explorer instead of the Topics view.
    await tab(page, 'System Design Interview').locator('.tab-actions .action-label').first().click();
    await poll('the player to close', () => tabTitles(page), (titles) => !titles.includes('System Design Interview'));
    await runCommand(page, 'View: Show Explorer', 'workbench.view.explorer');
    await poll('the Explorer to show', () => viewPane(page, 'Topics').count(), (n) => n === 0);
    await session().screenshot('only-the-draft');

    await reloadWindow(page);
    const reloaded = Date.now();
    // Nothing of the extension is on screen: its clock must come back by itself, not when the user opens a view.
    const text = await poll('the countdown after the reload', () => statusBarText(page), (t) => parseClock(t) !== undefined, 30_000, 250);
    const seconds = (Date.now() - reloaded) / 1000;
    assert.equal(await viewPane(page, 'Topics').count(), 0, 'the Topics view was not opened');
    assert.deepEqual((await tabTitles(page)).filter((title) => title === 'System Design Interview'), [], 'no player was restored');
    assert.match(text ?? '', /How would you design/);
    console.log(`      the clock showed ${seconds.toFixed(1)} s after the reloaded workbench`);
    await session().screenshot('clock-after-reload');

    // The palette offers Finish Answer (its when-clause context key is set again), and it records the answer.
    await tab(page, draftTab).click();
    await runCommand(page, 'Interview Dialogues: Finish Answer', 'interviewDialogues.finishAnswer');
    await poll('the countdown to go away', async () => (await statusBarItem(page).count()) === 0 || !(await statusBarItem(page).first().isVisible()), (gone) => gone);
    const review = await webviewFrame(page, '#review');
    await poll('the review of the finished answer', () => review.locator('.time').innerText(), (t) => /Answered in \d+:\d\d of 30:00/.test(t));
  });
});
