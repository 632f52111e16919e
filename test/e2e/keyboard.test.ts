// The whole loop with the keyboard alone: no mouse event from start to end. Topics tree → player → answer →
// finish → review → rate → statistics, as someone who does not use a mouse (or a screen reader user) would.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { webviewFrame } from './support/a11y';
import { useSession } from './support/session';
import { activeEditorText, poll, statusBarText } from './support/workbench';

/** Runs a command from the palette with the keyboard only: F1, its title, Enter. */
async function paletteCommand(page: Page, title: string, commandId: string): Promise<void> {
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  const entry = widget.locator(`.quick-input-list-entry[data-quick-input-id="${commandId}"]`).first();
  await entry.waitFor({ state: 'visible', timeout: 15_000 }).catch(async (error: Error) => {
    const typed = await widget.locator('.quick-input-box input').inputValue().catch(() => '?');
    const rows = await widget.locator('.quick-input-list-entry').evaluateAll((es) => es.map((e) => `${e.getAttribute('data-quick-input-id')}: ${e.textContent}`));
    throw new Error(`${error.message}\ntyped "${typed}"; rows:\n${rows.join('\n')}`);
  });
  // The first row is the best match; move to our row if another came first.
  for (let i = 0; i < 10; i++) {
    const focused = await widget.locator('.monaco-list-row.focused .quick-input-list-entry').getAttribute('data-quick-input-id').catch(() => null);
    if (focused === commandId) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** The focused tree row's label in the Topics view. */
async function focusedRow(page: Page): Promise<string> {
  return ((await page.locator('.sidebar .monaco-list:focus-within .monaco-list-row.focused .label-name').first().textContent({ timeout: 2000 })) ?? '').trim();
}

/** Presses a key until the tree's focused row is `label` (arrow keys walk the tree). */
async function moveTo(page: Page, key: string, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focusedRow(page)) === label) return;
    await page.keyboard.press(key);
  }
  throw new Error(`the row "${label}" was not reached with ${key} (at "${await focusedRow(page)}")`);
}

/** Tabs through the page until the element matching `selector` has the focus. */
async function tabTo(page: Page, frame: Frame, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await frame.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('The whole loop with the keyboard alone', function () {
  this.timeout(300_000);
  const session = useSession();

  it('goes from the tree to a rated answer and the statistics without a mouse', async () => {
    const { page } = session();
    let mouseEvents = 0;
    await page.exposeFunction('__countMouse', () => (mouseEvents += 1));
    await page.evaluate(() => {
      for (const type of ['mousedown', 'mouseup', 'click']) addEventListener(type, (event) => event.isTrusted && (globalThis as unknown as { __countMouse(): void }).__countMouse(), { capture: true });
    });

    // Seen, not clicked: the palette lists the extension's views only once its contributions are registered.
    await page.locator('.activitybar .action-item:has(.action-label[aria-label^="Interview Dialogues"])').waitFor({ state: 'attached', timeout: 60_000 });
    // The Interview Dialogues side bar (its Topics view gets the focus), then System design → System Design Interview, Enter plays it.
    await paletteCommand(page, 'View: Show Interview Dialogues', 'workbench.view.extension.interviewDialogues');
    // While the library loads the view shows its welcome text, which holds the focus; once the topics are there,
    // the view's own focus command (registered when the side bar first opened) puts it on the tree.
    await poll('the topics', () => page.locator('.sidebar .monaco-list-row').count(), (n) => n > 0, 60_000);
    await paletteCommand(page, 'Interview Dialogues: Focus on Topics View', 'interviewDialogues.topics.focus');
    await poll('a focused row in the Topics view', async () => {
      await page.keyboard.press('Home');
      return focusedRow(page).catch(() => '');
    }, (label) => label !== '', 30_000, 500);
    await moveTo(page, 'ArrowDown', 'System design');
    await page.keyboard.press('ArrowRight');
    await moveTo(page, 'ArrowDown', 'System Design Interview');
    await page.keyboard.press('Enter');
    const player = await webviewFrame(page, '#player');
    await poll('the player to have the focus', () => player.evaluate(() => document.hasFocus()), (focused) => focused, 30_000);
    await session().screenshot('player');

    // In the player: the first question's Answer button, with Tab; Enter starts the timed answer.
    await tabTo(page, player, 'li.turn[data-index="0"] button.answer');
    await page.keyboard.press('Enter');
    await poll('the countdown', () => statusBarText(page), (text) => /\d+:\d\d/.test(text ?? ''), 30_000);
    await poll('the draft to have the focus', () => page.locator('.editor-group-container.active .monaco-editor.focused').count(), (n) => n > 0, 30_000);
    const sentence = 'Estimate reads against writes first; base62 keys from a counter service.';
    await page.keyboard.type(sentence);
    await poll('the draft to hold the answer', () => activeEditorText(page), (text) => text.includes(sentence));
    await session().screenshot('answer');

    // Finish with its keybinding; the review opens with the focus.
    await page.keyboard.press('Control+Alt+Enter');
    const review = await webviewFrame(page, '#review');
    await poll('the review to have the focus', () => review.evaluate(() => document.hasFocus()), (focused) => focused, 30_000);
    await tabTo(page, review, 'input[name="kp0"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await poll('two key points marked', () => review.locator('input:checked').count(), (n) => n === 2);
    await page.keyboard.press('3');
    const rated = await poll('the rating', () => review.locator('#rated').innerText({ timeout: 1000 }).catch(() => ''), (t) => /Good/.test(t), 20_000);
    assert.match(rated, /comes back in/);
    await session().screenshot('rated');

    // The statistics: the attempt and the review counted, the charts with their tables.
    await paletteCommand(page, 'Interview Dialogues: Show Statistics', 'interviewDialogues.showStats');
    const stats = await webviewFrame(page, '#stats');
    await poll('the stats view with charts', () => stats.locator('svg[role="img"]').count(), (n) => n >= 4, 30_000);
    const text = await stats.locator('body').innerText();
    assert.match(text, /1\s+(attempt|review)/i);
    await session().screenshot('stats');

    assert.equal(mouseEvents, 0, 'not one mouse event');
  });
});
