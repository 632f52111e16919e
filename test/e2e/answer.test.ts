// A person answers a question against the clock: countdown, pause, resume, finish, progress in the tree.
import * as assert from 'node:assert/strict';
import { FIRST_QUESTION, FIRST_QUESTION_BUDGET_SECONDS, answerTurn, openDialogue, questionRows, remainingSeconds } from './support/interview';
import { useSession } from './support/session';
import {
  activeEditorText, observe, parseClock, poll, rowDescription, runCommand, statusBarItem, statusBarText, treeRow,
} from './support/workbench';

describe('Answering a question', function () {
  this.timeout(240_000);
  const session = useSession();

  it('counts down, pauses, resumes and records the answer in the tree', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    const answerStarted = Date.now();
    const first = await answerTurn(page, player, 0);
    assert.ok(first <= FIRST_QUESTION_BUDGET_SECONDS && first >= FIRST_QUESTION_BUDGET_SECONDS - 60,
      `a fresh 30-minute answer starts near 30:00 (shows ${first} s)`);

    // The countdown moves, in the status bar and in the player.
    await poll('the countdown to move', () => remainingSeconds(page), (seconds) => seconds < first, 10_000);
    await poll('the player to show the running countdown', () => player.locator('#timer').innerText({ timeout: 2000 }),
      (text) => /\d{1,2}:\d{2}/.test(text));
    await session().screenshot('countdown');

    // Write the answer in the Markdown draft beside the player.
    const sentence = 'Shard the key-value store by short key and cache hot keys.';
    await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(sentence);
    await poll('the draft to hold the typed answer', () => activeEditorText(page), (text) => text.includes(sentence));

    // Pause: the status bar says so and the time stands still.
    await runCommand(page, 'Interview Dialogues: Pause Timer', 'interviewDialogues.pauseTimer');
    const pausedText = await poll('the timer to show "paused"', () => statusBarText(page), (text) => /paused/i.test(text ?? ''));
    const pausedAt = parseClock(pausedText);
    const pauseSeen = Date.now();
    const whilePaused = await observe(() => statusBarText(page), 2500);
    if (pausedAt !== undefined) {
      assert.deepEqual([...new Set(whilePaused.map(parseClock))], [pausedAt], `the time stands still while paused: ${whilePaused.join(' | ')}`);
    }
    assert.ok(whilePaused.every((text) => /paused/i.test(text ?? '')), `stays paused: ${whilePaused.join(' | ')}`);
    const pausedFor = Date.now() - pauseSeen;
    await session().screenshot('paused');

    // Resume: it counts down again from where it stood.
    await runCommand(page, 'Interview Dialogues: Resume Timer', 'interviewDialogues.resumeTimer');
    const resumed = await poll('the timer to run again', () => statusBarText(page), (text) => !/paused/i.test(text ?? '') && parseClock(text) !== undefined);
    if (pausedAt !== undefined) assert.ok((parseClock(resumed) as number) <= pausedAt + 1, `resumes from ${pausedAt} s, shows ${resumed}`);
    const afterResume = parseClock(resumed) as number;
    await poll('the countdown to move after Resume', () => remainingSeconds(page), (seconds) => seconds < afterResume, 10_000);

    // Finish: the attempt is recorded and the countdown goes away.
    await runCommand(page, 'Interview Dialogues: Finish Answer', 'interviewDialogues.finishAnswer');
    const wallSeconds = (Date.now() - answerStarted) / 1000;
    await poll('the countdown to disappear', async () => (await statusBarItem(page).count()) === 0 || !(await statusBarItem(page).first().isVisible()), (gone) => gone);

    // The tree marks the question answered with the time taken, which leaves out the pause.
    const rows = await questionRows(page);
    const question = treeRow(rows.page(), FIRST_QUESTION);
    const description = await poll('the question to be marked answered', () => rowDescription(question.first()), (text) => text.startsWith('✓'));
    const best = parseClock(description);
    assert.ok(best !== undefined, `the answered question shows its time: ${description}`);
    assert.ok(best >= 1 && best <= wallSeconds - pausedFor / 1000 + 2,
      `time taken ${best} s: more than 0, at most the ${wallSeconds.toFixed(1)} s on the clock minus the ${(pausedFor / 1000).toFixed(1)} s paused`);
    await session().screenshot('answered');
  });
});
