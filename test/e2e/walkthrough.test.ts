// A new user's first start: the getting-started walkthrough opens once, its steps tick off as the user does them,
// and it is not offered again.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useSession } from './support/session';
import { CONTAINER_TITLE, observe, poll, reloadWindow, runCommand, tabTitles } from './support/workbench';

const TITLE = 'Practise senior interviews in VS Code';

/** A step of our walkthrough on VS Code's Welcome page; `aria-checked` says whether it is done. */
const step = (page: Page, id: string) => page.locator(`.getting-started-step[data-step-id="interview-dialogues.interview-dialogues#gettingStarted#${id}"]`);

/** The number on the activity-bar icon: the Due badge, set once the extension has activated and read the history. */
const dueBadge = (page: Page) => page.locator(`.activitybar .action-item:has(.action-label[aria-label^="${CONTAINER_TITLE}"]) .badge-content`);

describe('Getting started', function () {
  this.timeout(240_000);
  // The harness turns the walkthrough off for every other test; this one is the first start after an install.
  const session = useSession({ settings: { 'interviewDialogues.showWalkthroughOnInstall': true } });

  it('opens the walkthrough on the first start, ticks off steps as they are done, and never offers it again', async () => {
    const { page } = session();
    const heading = page.locator('.part.editor h2', { hasText: TITLE });
    await heading.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await step(page, 'topics').getAttribute('aria-checked'), 'false');
    assert.equal(await step(page, 'play').getAttribute('aria-checked'), 'false');
    await session().screenshot('walkthrough');

    // The first step's own button shows the Topics view: its completion event (onView) ticks it off.
    await page.locator('.part.editor').getByRole('button', { name: 'Show Topics' }).click();
    await poll('the Topics step to be done', () => step(page, 'topics').getAttribute('aria-checked'), (checked) => checked === 'true', 20_000);
    assert.equal(await step(page, 'play').getAttribute('aria-checked'), 'false', 'only the step that was done');
    await session().screenshot('first-step-done');

    // Closed and reloaded: the extension starts again (its Due badge comes back), and the walkthrough stays closed.
    const welcome = (await tabTitles(page)).find((title) => /welcome|walkthrough/i.test(title));
    assert.ok(welcome, 'the walkthrough has a tab');
    await runCommand(page, 'View: Close All Editors', 'workbench.action.closeAllEditors');
    await poll('the walkthrough tab to close', () => tabTitles(page), (titles) => !titles.includes(welcome));
    await reloadWindow(page);
    await poll('the extension to start again (its Due badge)', () => dueBadge(page).innerText().catch(() => ''), (text) => /\d/.test(text), 60_000);
    const seen = await observe(() => heading.isVisible(), 5_000);
    assert.ok(!seen.includes(true), 'the walkthrough was offered again after a reload');
  });
});
