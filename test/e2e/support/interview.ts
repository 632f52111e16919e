// Steps in the language of the extension's UI contract, shared by the e2e scenarios.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import {
  expandRow, openViewContainer, parseClock, poll, statusBarText, tabTitles, treeRow, viewPane, webview,
} from './workbench';

/** The shipped URL shortener dialogue (dialogues/classic-senior-interviews.md). */
export const TOPIC = 'System design';
export const DIALOGUE = 'System Design Interview';
export const FIRST_QUESTION = /^How would you design a scalable URL shortening service/;
export const FIRST_QUESTION_BUDGET_SECONDS = 30 * 60;

/** Clicks the activity-bar icon and waits for the Topics view to list the topic. */
export async function showTopics(page: Page): Promise<Locator> {
  await openViewContainer(page);
  const topics = viewPane(page, 'Topics');
  await topics.waitFor({ state: 'visible', timeout: 30_000 });
  await treeRow(topics, TOPIC).waitFor({ state: 'visible', timeout: 30_000 });
  return topics;
}

/** Expands the topic and clicks the dialogue; resolves once the player shows its title. */
export async function openDialogue(page: Page): Promise<FrameLocator> {
  const topics = await showTopics(page);
  const row = treeRow(topics, DIALOGUE);
  // The topic can fold again if the tree refreshes right after it opened (see expandRow): open it until the row shows.
  await poll('the dialogue row under its expanded topic', async () => {
    await expandRow(treeRow(topics, TOPIC));
    return row.isVisible();
  }, (visible) => visible, 30_000, 500);
  await row.locator('.label-name').click();
  const player = webview(page);
  await poll('the player to show the dialogue title', () => player.locator('h1#dialogue-title').innerText({ timeout: 2000 }), (t) => t.trim() === DIALOGUE, 60_000, 250);
  return player;
}

/** The question rows (third tree level) under the dialogue row, expanding it when needed. */
export async function questionRows(page: Page): Promise<Locator> {
  const topics = viewPane(page, 'Topics');
  const topic = treeRow(topics, TOPIC);
  await expandRow(topic);
  const dialogue = treeRow(topics, DIALOGUE);
  await expandRow(dialogue);
  return topics.locator('.monaco-list-row[role="treeitem"][aria-level="3"]');
}

export async function position(player: FrameLocator): Promise<string> {
  return ((await player.locator('#position').innerText({ timeout: 2000 })) ?? '').trim();
}

export async function waitForPosition(player: FrameLocator, expected: string): Promise<void> {
  await poll(`the player to show "${expected}"`, () => position(player), (text) => text === expected);
}

/** Clicks "Answer this question" on a turn and waits for the draft tab and the countdown. Returns seconds left. */
export async function answerTurn(page: Page, player: FrameLocator, turnIndex: number): Promise<number> {
  await player.locator(`li.turn[data-index="${turnIndex}"] button.answer`).click();
  await poll('a Markdown draft tab', () => tabTitles(page), (titles) => titles.some((t) => /\.md\b/.test(t)), 30_000);
  const text = await poll('the countdown in the status bar', () => statusBarText(page), (t) => parseClock(t) !== undefined, 30_000);
  return parseClock(text) as number;
}

/** Seconds left on the status-bar countdown (fails if it is not shown). */
export async function remainingSeconds(page: Page): Promise<number> {
  const text = await statusBarText(page);
  const seconds = parseClock(text);
  assert.ok(seconds !== undefined, `the timer shows no time: ${JSON.stringify(text)}`);
  return seconds;
}
