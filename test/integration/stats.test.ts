import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, WebviewTypes } from '../../src/ids';
import type { StatsSummary } from '../../src/protocol/stats';
import { allTabs, answerAndFinish, resetWorkbench, surface, waitFor } from './support';

const AGAIN = 'slow-application#q1';
const EASY = 'url-shortener#q1';

function statsTabs(): vscode.Tab[] {
  return allTabs().filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(WebviewTypes.stats));
}

/** The numbers the open stats view shows, once `ready` accepts them. */
async function shownStats(what: string, ready: (stats: StatsSummary) => boolean): Promise<StatsSummary> {
  const test = await surface();
  return waitFor(() => {
    const stats = test.stats()?.stats;
    return stats && ready(stats) ? stats : undefined;
  }, what, 15_000);
}

describe('Statistics view', () => {
  const config = () => vscode.workspace.getConfiguration('interviewDialogues');
  let folder: string;

  before(async () => {
    // A history of its own, so what the other suites recorded does not count here.
    const test = await surface();
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-stats-'));
    await config().update('historyFolder', folder, vscode.ConfigurationTarget.Global);
    await waitFor(() => test.historyFolder().fsPath === folder, 'the new history folder');
    await waitFor(async () => (await test.history()).attemptCount === 0, 'the new (empty) history');
  });
  beforeEach(resetWorkbench);
  after(async () => {
    await config().update('historyFolder', undefined, vscode.ConfigurationTarget.Global);
    await resetWorkbench();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('Show Statistics opens one panel, even run twice at once; an empty history shows zeros and nothing due', async () => {
    // The panel's code loads on first use: a second call meanwhile must not open a second panel.
    await Promise.all([vscode.commands.executeCommand(Commands.showStats), vscode.commands.executeCommand(Commands.showStats)]);
    await waitFor(() => statsTabs().length === 1, 'the stats tab');
    const stats = await shownStats('the stats of the empty history', () => true);
    assert.deepEqual(stats.totals, { attempts: 0, reviews: 0, questions: 0, practiceSeconds: 0, practiceDays: 0 });
    assert.deepEqual(stats.streak, { current: 0, longest: 0, practisedToday: false });
    assert.equal(stats.retention.rate, undefined);
    assert.equal(stats.heatmap.length, 26 * 7);
    assert.equal(stats.forecast.length, 30);
    assert.ok(!('questions' in stats), 'the per-question rows stay out of the page');

    await vscode.commands.executeCommand(Commands.showStats);
    assert.equal(statsTabs().length, 1, 'a second Show Statistics reveals the same panel');
  });

  it('shows the numbers of a history made through the commands, and follows it as it grows', async () => {
    const test = await surface();
    await vscode.commands.executeCommand(Commands.showStats);
    await answerAndFinish(AGAIN, 'Profile first, then the slow query.\n');
    await vscode.commands.executeCommand(Commands.rateAnswer, 'again');
    await answerAndFinish(EASY, 'Base62 ids from a counter, a cache in front.\n');
    await vscode.commands.executeCommand(Commands.rateAnswer, 'easy');
    await waitFor(async () => (await test.history()).question(EASY)?.reviews.length === 1, 'the Easy review');

    // The answers covered the stats panel; showing it again brings it up to date.
    await vscode.commands.executeCommand(Commands.showStats);
    const stats = await shownStats('two attempts and two reviews', (s) => s.totals.reviews === 2);
    const history = await test.history();
    const seconds = [AGAIN, EASY].reduce((sum, id) => sum + history.question(id)!.attempts[0].activeSeconds, 0);
    assert.deepEqual(stats.totals, { attempts: 2, reviews: 2, questions: 2, practiceSeconds: seconds, practiceDays: 1 });
    assert.deepEqual(stats.streak, { current: 1, longest: 1, practisedToday: true });
    assert.deepEqual(stats.retention, { reviews: 2, passed: 1, rate: 0.5 });
    assert.deepEqual(stats.ratings, { again: 1, hard: 0, good: 0, easy: 1 });
    assert.equal(stats.heatmap.filter((day) => day.count > 0).map((day) => day.count).join(), '4', 'today: two attempts and two reviews');
    const today = stats.reviewsPerDay.at(-1)!;
    assert.deepEqual({ again: today.again, hard: today.hard, good: today.good, easy: today.easy }, { again: 1, hard: 0, good: 0, easy: 1 });
    assert.equal(stats.forecast.reduce((sum, day) => sum + day.due, 0), 2, 'both rated questions come back within 30 days');

    // Topics come from the library; nothing was checked off in the reviews, so every key point counts as missed.
    const library = await test.library();
    const expected = new Map<string, { attempts: number; missed: number }>();
    for (const id of [AGAIN, EASY]) {
      const dialogue = (await test.fullDialogue(library.question(id)!.dialogue.id))!;
      const keyPoints = dialogue.questions.find((q) => q.id === id)!.keyPoints.length;
      const entry = expected.get(dialogue.topic) ?? { attempts: 0, missed: 0 };
      expected.set(dialogue.topic, { attempts: entry.attempts + 1, missed: entry.missed + keyPoints });
    }
    assert.deepEqual(
      Object.fromEntries(stats.topics.map((t) => [t.topic, { attempts: t.attempts, missed: t.keyPoints.missed }])),
      Object.fromEntries(expected),
    );
    assert.ok([...expected.values()].every((t) => t.missed > 0), 'the questions have key points');
    assert.ok(stats.topics.every((t) => t.keyPoints.covered === 0 && t.coverage === 0));

    // Another machine's attempt, synced into the folder while the panel shows: the view updates by itself.
    const foreign = { v: 1, id: 'other-machine.1', at: Date.now() - 60_000, type: 'attempt', question: 'mentoring-juniors#q1', dialogue: 'mentoring-juniors', prompt: 'How do you mentor?', startedAt: Date.now() - 600_000, activeSeconds: 300, budgetSeconds: 600, overtimeSeconds: 0, wordCount: 80, draft: 'file:///elsewhere/draft.md' };
    await fs.writeFile(path.join(folder, 'events-other-machine.jsonl'), `${JSON.stringify(foreign)}\n`);
    const grown = await shownStats('the synced attempt to show', (s) => s.totals.attempts === 3);
    assert.equal(grown.totals.questions, 3);
    assert.equal(grown.totals.practiceSeconds, seconds + 300);
  });

  it('closing the panel ends it; the command opens a fresh one', async () => {
    const test = await surface();
    await vscode.commands.executeCommand(Commands.showStats);
    await waitFor(() => statsTabs().length === 1 && test.stats(), 'the stats panel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => statsTabs().length === 0 && !test.stats(), 'the panel to close');
    await vscode.commands.executeCommand(Commands.showStats);
    const stats = await shownStats('the reopened panel', (s) => s.totals.attempts === 3);
    assert.equal(stats.totals.reviews, 2);
  });
});
