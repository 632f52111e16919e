// A person opens a dialogue from the activity bar and steps through it in the player.
import * as assert from 'node:assert/strict';
import { DIALOGUE, TOPIC, openDialogue, position, questionRows, showTopics, waitForPosition } from './support/interview';
import { useSession } from './support/session';
import { poll, rowDescription, tabTitles, treeRow, webview } from './support/workbench';

describe('Player', function () {
  this.timeout(240_000);
  // A fast Play so auto-advance shows within seconds.
  const session = useSession({ settings: { 'interviewDialogues.playbackSpeed': 4 } });

  it('opens a dialogue from the activity bar and steps through its turns', async () => {
    const { page } = session();
    const topics = await showTopics(page);
    assert.match(await rowDescription(treeRow(topics, TOPIC)), /^\d+ dialogues?$/);
    await session().screenshot('topics');

    const player = await openDialogue(page);
    assert.ok((await tabTitles(page)).some((title) => title.startsWith(DIALOGUE)), 'the player tab is titled with the dialogue');
    await waitForPosition(player, 'Turn 1 of 4');
    const turns = player.locator('ol#turns li.turn');
    assert.equal(await turns.count(), 1, 'only the first turn is shown');
    const first = turns.first();
    assert.equal(await first.getAttribute('data-speaker'), 'interviewer');
    assert.equal(await first.getAttribute('aria-current'), 'step');
    assert.match((await first.getAttribute('class')) ?? '', /\bcurrent\b/);
    assert.equal(await first.locator('button.answer').count(), 1, 'an interviewer turn can be answered');
    await session().screenshot('first-turn');

    await player.locator('#next').click();
    await waitForPosition(player, 'Turn 2 of 4');
    assert.equal(await turns.count(), 2);
    const answer = player.locator('li.turn[data-index="1"]');
    assert.equal(await answer.getAttribute('data-speaker'), 'candidate');
    assert.equal(await answer.getAttribute('aria-current'), 'step');
    assert.equal(await player.locator('li.turn[data-index="0"]').getAttribute('aria-current'), null, 'only one turn is current');

    // Practice mode: the model answer stays hidden until the person asks for it.
    const reveal = answer.locator('button.reveal');
    await reveal.waitFor({ state: 'visible' });
    const hiddenText = (await answer.innerText()).trim();
    await reveal.click();
    await poll('the model answer to replace the Reveal button', async () => ({
      text: (await answer.innerText()).trim(),
      reveal: await answer.locator('button.reveal').count(),
    }), ({ text, reveal }) => reveal === 0 && text !== hiddenText && text.length > 20);
    await session().screenshot('answer-revealed');

    // Keyboard: ArrowRight / Space forward, ArrowLeft back (focus inside the player first).
    await player.locator('h1#dialogue-title').click();
    await page.keyboard.press('ArrowRight');
    await waitForPosition(player, 'Turn 3 of 4');
    assert.equal(await player.locator('li.turn.current').getAttribute('data-speaker'), 'interviewer');
    await page.keyboard.press('ArrowLeft');
    await waitForPosition(player, 'Turn 2 of 4');
    await page.keyboard.press('Space');
    await waitForPosition(player, 'Turn 3 of 4');
    assert.equal(await turns.count(), 3);

    await player.locator('#prev').click();
    await waitForPosition(player, 'Turn 2 of 4');
    await player.locator('#restart').click();
    await waitForPosition(player, 'Turn 1 of 4');
    assert.equal(await turns.count(), 1, 'Restart goes back to the first turn only');

    // Play advances on its own.
    await player.locator('#play').click();
    await poll('Play to advance past the first turn', () => position(player), (text) => /^Turn [2-4] of 4$/.test(text), 60_000, 250);
    await session().screenshot('playing');
  });

  it('opens the player at a question clicked in the tree', async () => {
    const { page } = session();
    await showTopics(page);
    const questions = await questionRows(page);
    await poll('the dialogue\'s questions', () => questions.count(), (n) => n >= 2);
    await questions.nth(1).locator('.label-name').click();
    const player = webview(page);
    // The second question is the third turn (interviewer, candidate, interviewer, …).
    await waitForPosition(player, 'Turn 3 of 4');
    assert.equal(await player.locator('li.turn.current').getAttribute('data-speaker'), 'interviewer');
    assert.equal(await player.locator('li.turn.current').getAttribute('data-index'), '2');
    await session().screenshot('player-at-question');
  });
});
