// Accessibility checks inside the extension's webviews: axe-core (Deque) run in the page's own content frame,
// in each of VS Code's theme kinds.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import type { Session } from './session';
import { poll, runCommand } from './workbench';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** A built-in theme of each kind (its label in Preferences: Color Theme), the workbench's class and the webview body's class for it. */
export const THEMES: Record<ThemeKind, { label: string; workbenchClass: string; bodyClass: string }> = {
  light: { label: 'Light Modern', workbenchClass: 'vs', bodyClass: 'vscode-light' },
  dark: { label: 'Dark Modern', workbenchClass: 'vs-dark', bodyClass: 'vscode-dark' },
  'high-contrast': { label: 'Dark High Contrast', workbenchClass: 'hc-black', bodyClass: 'vscode-high-contrast' },
  'high-contrast-light': { label: 'Light High Contrast', workbenchClass: 'hc-light', bodyClass: 'vscode-high-contrast-light' },
};

/** The content frame of the visible webview whose page has `rootSelector` (e.g. `#player`). */
export async function webviewFrame(page: Page, rootSelector: string): Promise<Frame> {
  return poll(`a webview frame with ${rootSelector}`, async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached() || frame === page.mainFrame()) continue;
      const visible = await frame.locator(rootSelector).isVisible().catch(() => false);
      if (visible) return frame;
    }
    return undefined;
  }, (frame) => frame !== undefined, 30_000, 250) as Promise<Frame>;
}

/** Switches the color theme as a person does (Preferences: Color Theme), then waits for the workbench and the webview to follow. */
export async function setTheme(session: Session, kind: ThemeKind, frame?: Frame): Promise<void> {
  const { page } = session;
  const theme = THEMES[kind];
  await runCommand(page, 'Preferences: Color Theme', 'workbench.action.selectTheme', { keepOpen: true });
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').fill(theme.label);
  await widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${theme.label}$`) }) }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  await poll(`the workbench to turn ${kind}`, () => page.locator('.monaco-workbench').getAttribute('class'), (c) => (c ?? '').split(/\s+/).includes(theme.workbenchClass), 30_000, 250);
  if (frame) {
    await poll(`the webview to turn ${kind}`, () => frame.evaluate(() => document.body.className), (c) => c.split(/\s+/).includes(theme.bodyClass), 30_000, 250);
  }
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

let axeSource: string | undefined;

/** Runs axe-core in the frame; returns the serious and critical violations (the bar the extension holds itself to). */
export async function seriousViolations(frame: Frame): Promise<Violation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the browser's debugging protocol, which the webview's CSP does not apply to.
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
}

export const THEME_KINDS = Object.keys(THEMES) as ThemeKind[];

/**
 * Switches through every theme kind and asserts axe-core finds no serious or critical violation in `frame` in any of
 * them; `inTheme` runs first in each theme (screenshots, theme-specific checks).
 */
export async function auditInEveryTheme(session: Session, frame: Frame, name: string, inTheme?: (kind: ThemeKind) => Promise<void>): Promise<void> {
  for (const kind of THEME_KINDS) {
    await setTheme(session, kind, frame);
    if (inTheme) await inTheme(kind);
    else await session.screenshot(`${name}-${kind}`);
    const violations = await seriousViolations(frame);
    assert.deepEqual(violations, [], `${name}, ${kind} theme:\n${describeViolations(violations)}`);
  }
}
