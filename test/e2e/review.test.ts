// A person answers, finishes with the keyboard, reviews the answer with the keyboard, rates it, and finds it in
// the question's history.
import * as assert from 'node:assert/strict';
import { webviewFrame } from './support/a11y';
import { answerTurn, openDialogue } from './support/interview';
import { useSession } from './support/session';
import { activeEditorText, poll, runCommand } from './support/workbench';

describe('Reviewing an answer', function () {
  this.timeout(300_000);
  const session = useSession();

  it('finishes, checks off key points and rates with the keyboard, then finds the attempt in the history', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    await answerTurn(page, player, 0);
    const sentence = 'Clarify the read/write ratio first, then base62 ids from Snowflake-style counters.';
    await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(sentence);
    await poll('the draft to hold the answer', () => activeEditorText(page), (text) => text.includes(sentence));

    // Finish with its keybinding: the review opens beside the draft.
    await page.keyboard.press('Control+Alt+Enter');
    const review = await webviewFrame(page, '#review');
    await poll('the review to show the question', () => review.locator('h1#question').innerText({ timeout: 2000 }), (t) => /URL shortening/.test(t), 60_000, 250);
    assert.match(await review.locator('.time').innerText(), /Answered in \d+:\d\d of 30:00/);
    assert.match(await review.locator('section[aria-labelledby="your-answer"]').innerText(), /Snowflake-style counters/);
    assert.match(await review.locator('section[aria-labelledby="model-answer"]').innerText(), /base62|Base62/);
    assert.match(await review.locator('#proposal').innerText(), /Proposed: Again/, 'nothing checked off yet');
    await session().screenshot('review-opened');

    // Keyboard only: focus the first key point's radio group, mark it and the next ones covered with the arrow keys.
    const first = review.locator('input[name="kp0"]').first();
    await first.focus();
    await page.keyboard.press('Space');
    for (let i = 1; i < 4; i++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    }
    await poll('the proposal to rise as key points are covered', () => review.locator('#proposal').innerText(), (t) => !/Proposed: Again/.test(t));
    for (let i = 0; i < 4; i++) assert.equal(await review.locator(`#kp${i}-covered`).isChecked(), true, `key point ${i + 1} covered`);

    // Rate Good with its key; the review says when the question comes back.
    const goodLabel = (await review.locator('#rate-good').getAttribute('aria-label')) ?? '';
    assert.match(goodLabel, /^Good, next in \d+ (day|days|hour|hours)/);
    await page.keyboard.press('3');
    const rated = await poll('the rating to be recorded', () => review.locator('#rated').innerText({ timeout: 2000 }), (t) => /Rated Good/.test(t), 20_000);
    assert.match(rated, /comes back in \d+ (day|days)/);
    await session().screenshot('review-rated');

    // The question's history lists the attempt with its rating.
    await runCommand(page, 'Interview Dialogues: Show History', 'interviewDialogues.showHistory', { keepOpen: true });
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the question
    const row = widget.locator('.monaco-list-row', { hasText: /rated good/i });
    await row.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await row.first().innerText(), /\d+:\d\d of 30:00/);
    await session().screenshot('history');
    await page.keyboard.press('Escape');
    assert.ok(await review.locator('#rated').isVisible());
  });
});
