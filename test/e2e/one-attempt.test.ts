// Only one answer runs at a time: starting another asks what to do with the running one.
import * as assert from 'node:assert/strict';
import { answerTurn, openDialogue } from './support/interview';
import { useSession } from './support/session';
import { parseClock, poll, statusBarText, tabTitles } from './support/workbench';

describe('One answer at a time', function () {
  this.timeout(240_000);
  const session = useSession({ settings: { 'interviewDialogues.mode': 'study' } });

  it('asks before starting a second answer, and abandoning the first keeps its draft', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    await answerTurn(page, player, 0);
    const firstDrafts = (await tabTitles(page)).filter((t) => t.endsWith('.md'));
    assert.equal(firstDrafts.length, 1);

    await player.locator('#next').click();
    await player.locator('#next').click();
    await player.locator('li.turn[data-index="2"] button.answer').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog.innerText(), /still answering/);
    await session().screenshot('asks-what-to-do');
    await dialog.locator('.monaco-button', { hasText: 'Abandon It' }).click();

    const drafts = await poll('a second draft tab', async () => (await tabTitles(page)).filter((t) => t.endsWith('.md')), (t) => t.length === 2, 30_000);
    assert.ok(drafts.includes(firstDrafts[0]), 'the abandoned draft stays open and on disk');
    const text = await poll('the new countdown (10 minutes)', () => statusBarText(page), (t) => (parseClock(t) ?? Infinity) <= 600, 30_000);
    assert.match(text ?? '', /Interesting\. How would you/, 'the status bar names the new question');
  });
});
