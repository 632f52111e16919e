// The statistics view as a person sees it: opened from the palette, its charts and tables there, readable with the
// keyboard, following the theme, and no serious or critical axe-core violation in light, dark and high-contrast themes.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { auditInEveryTheme, describeViolations, seriousViolations, type ThemeKind, webviewFrame } from './support/a11y';
import { type Session, useSession, writeSeededHistory } from './support/session';
import { activityBarIcon, poll, reloadWindow, runCommand, tabTitles } from './support/workbench';

/** Scrolls the page so that the element starts at the top of the view. */
async function scrollToTop(frame: Frame, selector: string): Promise<void> {
  await frame.locator(selector).evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

const SECTIONS = ['heatmap', 'reviews', 'forecast', 'time', 'coverage', 'retention'];

async function openStats(session: Session): Promise<Frame> {
  // The palette lists what the workbench knows when it opens: wait until the extension's contributions are in.
  await activityBarIcon(session.page).waitFor({ state: 'visible', timeout: 60_000 });
  await runCommand(session.page, 'Show Statistics', 'interviewDialogues.showStats');
  return webviewFrame(session.page, '#stats');
}

describe('The statistics view', function () {
  this.timeout(360_000);

  describe('with four months of practice', () => {
    // Written when the tests run (not when the file loads, so a --grep that skips them leaves nothing behind).
    const folder = path.join(os.tmpdir(), `interview-stats-e2e-${process.pid}-${Date.now()}`);
    before(() => writeSeededHistory(folder));
    const session = useSession({ machineSettings: { 'interviewDialogues.historyFolder': folder } });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('draws each chart with a summary and a table, follows the theme, and passes axe-core in every theme', async () => {
      const stats = await openStats(session());
      await poll('six charts', () => stats.locator('svg.chart[role="img"]').count(), (count) => count === SECTIONS.length, 30_000, 250);
      const tiles = await stats.locator('.tiles').innerText();
      assert.match(tiles, /Current streak\s+\d+ days?/);
      assert.match(tiles, /True retention\s+\d+%/);

      // The charts as they first show (tables closed), in the default dark theme.
      for (const id of ['heatmap', 'reviews', 'time']) {
        await scrollToTop(stats, `#${id}`);
        await session().screenshot(`charts-${id}`);
      }

      for (const id of SECTIONS) {
        const section = stats.locator(`section#${id}`);
        const chart = section.locator('svg.chart');
        const name = await chart.locator(':scope > title').textContent();
        assert.ok(name && name.length > 30 && /\d/.test(name), `${id}: the chart is named by a summary with its numbers (${name})`);
        assert.equal(await chart.getAttribute('aria-labelledby'), `${id}-title`);
        assert.ok((await chart.locator('rect').count()) > 0, `${id}: bars or cells`);
        // The table behind the chart, opened with the keyboard.
        await section.locator('summary').focus();
        await session().page.keyboard.press('Enter');
        await section.locator('table').waitFor({ state: 'visible' });
        assert.ok((await section.locator('tbody tr').count()) > 0, `${id}: table rows`);
        assert.ok((await section.locator('caption').textContent())!.length > 10);
      }
      // Heatmap cells say their level in words too.
      assert.match((await stats.locator('#heatmap rect title').last().textContent()) ?? '', /: (no practice|\d+ attempts? (and|or) reviews?), level \d of 4$/);
      // No inline style in the page (VS Code's own theme variables on <html> aside): colours come from classes.
      assert.equal(await stats.locator('body [style]').count(), 0);

      const fills: Partial<Record<ThemeKind, string>> = {};
      await auditInEveryTheme(session(), stats, 'stats', async (kind) => {
        fills[kind] = await stats.locator('#retention svg.chart rect.rating-again').evaluate((rect) => getComputedStyle(rect).fill);
        // A theme variable the theme leaves unset leaves its shapes black.
        const unset = await stats.locator('svg rect').evaluateAll((rects) => rects.filter((r) => getComputedStyle(r).fill === 'rgb(0, 0, 0)').map((r) => r.getAttribute('class')));
        assert.deepEqual([...new Set(unset)], [], `${kind} theme: shapes without a theme colour`);
        for (const id of ['heatmap', 'reviews', 'coverage']) {
          await scrollToTop(stats, `#${id}`);
          await session().screenshot(`stats-${kind}-${id}`);
        }
      });
      assert.notEqual(fills.dark, fills.light, `the charts follow the theme: ${JSON.stringify(fills)}`);
    });
  });

  describe('with no practice yet', () => {
    const session = useSession();

    it('says how to start, comes back after a window reload, and its button starts an answer', async () => {
      const stats = await openStats(session());
      const empty = stats.locator('section.empty');
      await empty.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await empty.innerText(), /No practice yet[\s\S]*answer a question[\s\S]*rate your answer/i);
      await session().screenshot('stats-empty');
      const violations = await seriousViolations(stats);
      assert.deepEqual(violations, [], describeViolations(violations));

      // Its serializer brings the panel back after a reload, drawn afresh.
      await reloadWindow(session().page);
      const restored = await webviewFrame(session().page, '#stats');
      await restored.locator('section.empty').waitFor({ state: 'visible', timeout: 30_000 });
      assert.deepEqual(await tabTitles(session().page), ['Practice Statistics']);
      await restored.locator('#start').click();
      // Answer a Question asks which question (a searchable list).
      await session().page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 20_000 });
    });
  });
});
