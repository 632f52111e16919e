// Page helpers for driving VS Code for the Web (1.139) the way a person does. Selectors: REAL-VSCODE.md.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const EXTENSION_ID = 'interview-dialogues.interview-dialogues';
export const CONTAINER_TITLE = 'Interview Dialogues';
export const TIMER_ITEM_ID = `${EXTENSION_ID}.interviewDialogues.timer`;

/**
 * Polls `read` until `accept` approves its value; returns that value. Throws with the description and the last
 * value seen when the deadline passes. Errors thrown by `read` count as "not yet".
 */
export async function poll<T>(
  description: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description} (${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Samples `read` for `durationMs` and returns the values seen (to show that something does NOT change). */
export async function observe<T>(read: () => Promise<T>, durationMs: number, intervalMs = 250): Promise<T[]> {
  const values: T[] = [];
  const end = Date.now() + durationMs;
  do {
    values.push(await read());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  } while (Date.now() < end);
  values.push(await read());
  return values;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The workbench DOM is up (takes 5–7 s after navigation here). */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
}

export function activityBarIcon(page: Page, title = CONTAINER_TITLE): Locator {
  return page.locator(`.activitybar .action-item .action-label[aria-label^="${title}"]`);
}

/** Clicks the container's activity-bar icon unless its side bar is already showing (a second click hides it). */
export async function openViewContainer(page: Page, title = CONTAINER_TITLE): Promise<void> {
  const icon = activityBarIcon(page, title);
  await icon.waitFor({ state: 'visible', timeout: 60_000 });
  const item = page.locator(`.activitybar .action-item:has(.action-label[aria-label^="${title}"])`);
  if ((await item.getAttribute('class'))?.split(/\s+/).includes('checked')) return;
  await icon.click();
}

/** A view pane in the side bar, e.g. "Topics". */
export function viewPane(page: Page, name: string): Locator {
  return page.locator(`.pane:has(.pane-header[aria-label="${name} Section"])`);
}

/** Tree rows whose label is exactly `label`, or starts with it when `label` is a RegExp source like /^How…/. */
export function treeRow(scope: Page | Locator, label: string | RegExp): Locator {
  const pattern = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  // A `has` locator is matched inside each row, so it must be built from the page, not from the scope.
  return scope.locator('.monaco-list-row[role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: pattern }) });
}

export async function rowDescription(row: Locator): Promise<string> {
  const description = row.locator('.label-description');
  return (await description.count()) > 0 ? ((await description.first().textContent()) ?? '').trim() : '';
}

/** Expands a collapsed tree row with its twistie (a click on a row with a command would run the command). */
export async function expandRow(row: Locator): Promise<void> {
  await row.waitFor({ state: 'visible' });
  // A tree refresh in the same moment (the history loaded, the Due group joined) can fold the row again in VS Code's
  // tree: click its twistie again, as a person would.
  await poll('the row to expand', async () => {
    const expanded = await row.getAttribute('aria-expanded');
    if (expanded !== 'true') {
      // A hover the mouse left open (the activity-bar icon's badge tooltip) can cover the twistie: the mouse moves
      // onto the row first, which closes it, and a covered click is tried again rather than waited on for 30 s.
      await row.hover({ force: true });
      await row.locator('.monaco-tl-twistie').click({ timeout: 5_000 });
    }
    return expanded;
  }, (value) => value === 'true', 30_000, 1000);
}

/** The content document of the extension's visible webview (outer iframe → #active-frame). */
export function webview(page: Page, extensionId = EXTENSION_ID): FrameLocator {
  return page
    .frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"] >> visible=true`)
    .frameLocator('#active-frame');
}

export function statusBarItem(page: Page, id = TIMER_ITEM_ID): Locator {
  return page.locator(`.statusbar-item[id="${id}"]`);
}

/** The item's text without the codicon's leading space, or undefined while it is not shown. */
export async function statusBarText(page: Page, id = TIMER_ITEM_ID): Promise<string | undefined> {
  const item = statusBarItem(page, id);
  if ((await item.count()) === 0 || !(await item.first().isVisible())) return undefined;
  return ((await item.first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Seconds shown as m:ss or mm:ss (or h:mm:ss) in text, or undefined. */
export function parseClock(text: string | undefined): number | undefined {
  const match = text?.match(/(?:(\d+):)?(\d{1,2}):(\d{2})/);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * Moves focus to the side bar (or an editor) before a palette command. With focus in a webview, closing the
 * palette hands focus back to the webview late, and a QuickPick the command opens meanwhile can close itself.
 */
export async function focusWorkbench(page: Page): Promise<void> {
  const list = page.locator('.sidebar .pane-body .monaco-list').first();
  if ((await list.count()) > 0 && (await list.isVisible())) {
    await list.focus();
    return;
  }
  const editor = page.locator('.editor-group-container.active .monaco-editor textarea').first();
  if ((await editor.count()) > 0) await editor.focus();
}

/** Opens the palette (F1) holding `text`, again if the focus went elsewhere while it was typed. */
export async function openPaletteWith(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(text, { timeout: 5_000 });
      // The focus can also go between the fill's focus and its typing: only a palette still holding the text counts.
      if ((await input.isVisible()) && (await input.inputValue()) === text) return;
      throw new Error(`the palette lost the focus while "${text}" was typed`);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Runs a command from the palette: F1, type the title, wait for the row of `commandId`, choose it. With `keepOpen`
 * it does not wait for the palette to close (the command opens a QuickPick of its own in the same widget).
 */
export async function runCommand(page: Page, title: string, commandId: string, options: { keepOpen?: boolean } = {}): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  // A webview that had the focus can take it back a moment after the palette opened, which closes the palette,
  // even between finding the command's row and clicking it: open it again, a few times, rather than fail on a
  // race no user would notice. A click that timed out on a palette still open is a real failure.
  for (let attempt = 1; ; attempt++) {
    try {
      await openPaletteWith(page, `>${title}`);
      const row = widget.locator('.monaco-list-row').filter({ has: page.locator(`.quick-input-list-entry[data-quick-input-id="${commandId}"]`) });
      await row.first().waitFor({ state: 'visible', timeout: 15_000 });
      await row.first().click({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3 || (await widget.isVisible())) throw error;
    }
  }
  if (options.keepOpen) {
    await poll('the command\'s own list', () => widget.locator(`.quick-input-list-entry[data-quick-input-id="${commandId}"]`).count(), (n) => n === 0);
    return;
  }
  await widget.waitFor({ state: 'hidden' });
}

export function tabs(page: Page): Locator {
  return page.locator('.tabs-container .tab');
}

/** Tab titles of every editor group, in order (aria-label without suffixes such as ", preview", ", Editor Group 2"). */
export async function tabTitles(page: Page): Promise<string[]> {
  const labels = (await tabs(page).evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''))) as string[];
  return labels.map((label) => label.replace(/(?:, (?:preview|pinned|Editor Group \d+))+$/, ''));
}

/** The tab whose title (see tabTitles) is `title`. */
export function tab(page: Page, title: string): Locator {
  return page.locator(`.tabs-container .tab[aria-label="${title}"], .tabs-container .tab[aria-label^="${title}, "]`);
}

/**
 * Visible text of the editor in the active group, with whitespace collapsed: word wrap (on for Markdown)
 * splits lines wherever the width ends, and spaces come back as U+00A0.
 */
export async function activeEditorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first();
  // Monaco reuses line elements out of order: read them by their position on screen, not in DOM order.
  const text = await lines.evaluate((element) => [...element.querySelectorAll<HTMLElement>('.view-line')]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((line) => line.innerText)
    .join('\n'));
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Reloads the window as a person does (Developer: Reload Window) and waits for the new workbench. */
export async function reloadWindow(page: Page): Promise<void> {
  // A flag on the old page tells it apart from the new one (both have a .monaco-workbench).
  type Flagged = { __beforeReload?: boolean; document: { querySelector(selector: string): unknown } };
  await page.evaluate(() => ((globalThis as unknown as Flagged).__beforeReload = true));
  await runCommand(page, 'Developer: Reload Window', 'workbench.action.reloadWindow');
  await poll(
    'the reloaded workbench',
    () => page.evaluate(() => {
      const g = globalThis as unknown as Flagged;
      return !g.__beforeReload && g.document.querySelector('.monaco-workbench') !== null;
    }),
    (reloaded) => reloaded,
    60_000,
    250,
  );
}
