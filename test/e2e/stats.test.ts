// The statistics view as a person sees it: opened from the palette, its charts and tables there, readable with the
// keyboard, following the theme, and no serious or critical axe-core violation in light, dark and high-contrast themes.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { auditInEveryTheme, describeViolations, seriousViolations, type ThemeKind, webviewFrame } from './support/a11y';
import { type Session, useSession } from './support/session';
import { activityBarIcon, poll, reloadWindow, runCommand, tabTitles } from './support/workbench';

const DAY = 24 * 3600_000;
const QUESTIONS = [
  { id: 'url-shortener#q1', topic: 'System design', budget: 1800, keyPoints: 5 },
  { id: 'rate-limiter#q1', topic: 'System design', budget: 1800, keyPoints: 4 },
  { id: 'db-indexing#q1', topic: 'Databases', budget: 600, keyPoints: 4 },
  { id: 'db-sharding#q1', topic: 'Databases', budget: 900, keyPoints: 3 },
  { id: 'slow-application#q1', topic: 'Performance', budget: 600, keyPoints: 4 },
  { id: 'mentoring-juniors#q1', topic: 'Leadership', budget: 300, keyPoints: 3 },
  { id: 'collab-peer-conflict#q1', topic: 'Collaboration', budget: 300, keyPoints: 3 },
];
const RATINGS = ['again', 'hard', 'good', 'good', 'good', 'easy'] as const;

/** A seeded generator (mulberry32): the same history on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Four months of practice (attempts and their reviews, most days of the last week) as another machine would have
 * written it. The reviews' cards carry a foreign fingerprint, so the extension recomputes every schedule itself.
 */
function seedHistory(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const rand = random(11);
  const now = Date.now();
  const lines: string[] = [];
  let n = 0;
  for (let daysAgo = 120; daysAgo >= 0; daysAgo--) {
    if (rand() > (daysAgo < 7 ? 0.95 : 0.4)) continue;
    const sessions = 1 + Math.floor(rand() * 3);
    for (let s = 0; s < sessions; s++) {
      const q = QUESTIONS[Math.floor(rand() * QUESTIONS.length)];
      const at = now - daysAgo * DAY - (3 + s) * 3600_000;
      const activeSeconds = Math.round(q.budget * (0.5 + rand() * 0.8));
      const attempt = `seed.${(++n).toString(36)}`;
      lines.push(JSON.stringify({ v: 1, id: attempt, at, type: 'attempt', question: q.id, dialogue: q.id.split('#')[0], prompt: `Seeded ${q.id}`, topic: q.topic, startedAt: at - activeSeconds * 1000, activeSeconds, budgetSeconds: q.budget, overtimeSeconds: Math.max(0, activeSeconds - q.budget), wordCount: 200, draft: `file:///seed/${attempt}.md` }));
      const keyPoints = Array.from({ length: q.keyPoints }, () => 'ccpm'[Math.floor(rand() * 4)]).join('');
      const rating = RATINGS[Math.floor(rand() * RATINGS.length)];
      lines.push(JSON.stringify({ v: 1, id: `seed.${(++n).toString(36)}`, at: at + 120_000, type: 'review', question: q.id, attempt, rating, keyPoints, card: { due: at + DAY, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, days: 1, p: 'seed' } }));
    }
  }
  writeFileSync(path.join(folder, 'events-20240101T000000Z-seedmachin.jsonl'), `${lines.join('\n')}\n`);
}

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
    before(() => seedHistory(folder));
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
