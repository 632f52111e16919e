import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DueNode } from '../../src/host/topicsTree';
import { Commands } from '../../src/ids';
import { allTabs, answerAndFinish, children, resetWorkbench, surface, treeItem, waitFor } from './support';

const QUESTION = 'slow-application#q1';

function reviewTabs(): vscode.Tab[] {
  return allTabs().filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('interviewDialogues.review'));
}

/** The Due group, once the queue is computed (the tree shows its topics first and the group when it is ready). */
async function dueGroup(): Promise<DueNode> {
  return waitFor(async () => {
    const [first] = await children();
    return first?.kind === 'due' ? first : undefined;
  }, 'the Due group');
}

describe('Review, spaced repetition and the due queue', () => {
  const config = () => vscode.workspace.getConfiguration('interviewDialogues');
  beforeEach(resetWorkbench);
  after(async () => {
    await config().update('historyFolder', undefined, vscode.ConfigurationTarget.Global);
    await resetWorkbench();
  });

  it('finishing opens the review beside the draft; rating records a review and schedules the question', async () => {
    const test = await surface();
    const attemptId = await answerAndFinish(QUESTION, 'Cache the hottest keys in Redis; 301 vs 302 decides analytics.\n');
    await waitFor(() => reviewTabs().length === 1, 'the review tab');
    assert.equal(test.review()?.questionId, QUESTION);
    assert.equal(test.review()?.rated, false);

    // Again brings it back within minutes; the review records the attempt it rated.
    await vscode.commands.executeCommand(Commands.rateAnswer, 'again');
    const card = await waitFor(() => (test.card(QUESTION)?.state !== 'new' ? test.card(QUESTION) : undefined), 'the card to be scheduled');
    assert.equal(card.lastRating, 'again');
    assert.ok(card.due! - Date.now() < 30 * 60_000, `Again is due within half an hour (due in ${Math.round((card.due! - Date.now()) / 60_000)} min)`);
    const reviews = (await test.history()).question(QUESTION)!.reviews;
    assert.equal(reviews.at(-1)?.attempt, attemptId);
    assert.equal(reviews.at(-1)?.proposed, 'again', 'nothing checked off: the proposal was Again');
    assert.equal(test.review()?.rated, true);
  });

  it('Review Answer run twice at once opens one review', async () => {
    const attemptId = await answerAndFinish(QUESTION, 'Profile first, then the slow query.\n');
    await resetWorkbench();
    await Promise.all([1, 2].map(() => vscode.commands.executeCommand(Commands.reviewAnswer, { attemptId })));
    // Both calls are done; the workbench reports the tabs they opened a moment later.
    await waitFor(() => reviewTabs().length > 0, 'the review tab');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(reviewTabs().length, 1);
    assert.equal((await surface()).review()?.attemptId, attemptId);
  });

  it('Easy schedules a question days later, and the tree says when it comes back', async () => {
    const test = await surface();
    const other = 'url-shortener#q1';
    await answerAndFinish(other, 'Base62 ids from a counter, a cache in front.\n');
    await vscode.commands.executeCommand(Commands.rateAnswer, 'easy');
    const after = await waitFor(() => (test.card(other)?.state !== 'new' ? test.card(other) : undefined), 'the Easy review');
    assert.ok(after.due! - Date.now() > 24 * 3600_000, 'Easy is due a day or more later (Again was due within minutes)');
    const topic = (await children()).find((n) => n.kind === 'topic' && n.topic === 'System design')!;
    const dialogue = (await children(topic)).find((n) => n.kind === 'dialogue' && n.dialogue.id === 'url-shortener')!;
    const row = (await children(dialogue)).find((n) => n.kind === 'question' && n.question.id === other)!;
    const item = await treeItem(row);
    assert.match(String(item.description), /due (in \d+d|tomorrow)/);
    assert.match(String(item.contextValue), /^question\.answered\.reviewed$/);
  });

  it('the Due group offers new questions up to the daily limit, and the view badge counts them', async () => {
    const test = await surface();
    const limit = config().get<number>('review.newQuestionsPerDay')!;
    const due = await dueGroup();
    assert.ok(due.questions.length > 0 && due.questions.length <= limit + 1, `${due.questions.length} queued`);
    assert.equal(due.questions[0].question.id, QUESTION, 'the question rated Again comes first, before the new ones');
    await waitFor(() => test.topicsBadge()?.value === due.questions.length, `the badge to count ${due.questions.length}`, 8_000);

    // Suspending takes a question out of the queue; unsuspending brings it back.
    const newOne = due.questions.find((q) => q.question.id !== QUESTION)!;
    await vscode.commands.executeCommand(Commands.suspendQuestion, newOne);
    await waitFor(async () => {
      const group = await dueGroup();
      return !group.questions.some((q) => q.question.id === newOne.question.id);
    }, 'the suspended question to leave the queue');
    assert.equal(test.card(newOne.question.id)?.suspended, true);
    await vscode.commands.executeCommand(Commands.unsuspendQuestion, newOne);
    assert.equal(test.card(newOne.question.id)?.suspended, false);

    // A change that leaves the queue as it was refreshes the tree once: every refresh starts from the root, and one
    // that lands while a topic is being opened can fold it again.
    const library = await test.library();
    const queued = new Set((await dueGroup()).questions.map((q) => q.question.id));
    const outside = library.dialogues.flatMap((dialogue) => dialogue.questions.map((question) => ({ kind: 'question' as const, dialogue, question }))).find((node) => !queued.has(node.question.id))!;
    let refreshes = 0;
    const counting = test.tree.onDidChangeTreeData!(() => refreshes++);
    try {
      await vscode.commands.executeCommand(Commands.suspendQuestion, outside);
      await waitFor(() => test.card(outside.question.id)?.suspended, 'the question outside the queue to be suspended');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(refreshes, 1, 'one refresh for the history, none for a queue that did not change');
    } finally {
      counting.dispose();
      await vscode.commands.executeCommand(Commands.unsuspendQuestion, outside);
    }
  });

  it('Practise Due Questions opens the dialogue at the first question ready now, with its timed answer', async () => {
    const test = await surface();
    const due = await dueGroup();
    // The question rated Again is due in ten minutes, not now: the first new question comes first.
    const first = due.questions.find((q) => q.question.id !== QUESTION)!;
    await vscode.commands.executeCommand(Commands.practiseDue);
    const attempt = await waitFor(() => test.attempt(), 'a timed answer');
    assert.equal(attempt.questionId, first.question.id);
    assert.equal(test.player(first.dialogue.id)?.position, first.question.turnIndex, 'the player stands at the question');
  });

  it('keeps the history in the folder the setting names, and merges what another machine adds there', async () => {
    const test = await surface();
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-'));
    await config().update('historyFolder', folder, vscode.ConfigurationTarget.Global);
    await waitFor(() => test.historyFolder().fsPath === folder, 'the new history folder');
    await waitFor(async () => (await test.history()).attemptCount === 0, 'the new (empty) history');

    await answerAndFinish('mentoring-juniors#q1', 'Pairing, then gradually more autonomy.\n');
    const files = await fs.readdir(folder);
    assert.ok(files.some((name) => /^events-.*\.jsonl$/.test(name)), `this window's own file: ${files.join(', ')}`);

    // Another machine's file, synced into the folder: merged without a reload.
    const foreign = { v: 1, id: 'other-machine.1', at: Date.now() - 60_000, type: 'attempt', question: 'url-shortener#q1', dialogue: 'url-shortener', prompt: 'How would you design a URL shortener?', startedAt: Date.now() - 600_000, activeSeconds: 540, budgetSeconds: 1800, overtimeSeconds: 0, wordCount: 80, draft: 'file:///elsewhere/draft.md' };
    await fs.writeFile(path.join(folder, 'events-other-machine.jsonl'), `${JSON.stringify(foreign)}\n`);
    await waitFor(async () => (await test.history()).attemptCount === 2, 'the other machine\'s attempt to merge in', 10_000);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('writes a checkpoint of the history after a load, and reads the logs in full when the checkpoint is damaged', async () => {
    const test = await surface();
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-'));
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-elsewhere-'));
    /** Opens the history in `folder` again, as a new window would. */
    const reopen = async () => {
      await config().update('historyFolder', elsewhere, vscode.ConfigurationTarget.Global);
      await waitFor(() => test.historyFolder().fsPath === elsewhere, 'the other history folder');
      await config().update('historyFolder', folder, vscode.ConfigurationTarget.Global);
      await waitFor(() => test.historyFolder().fsPath === folder, 'the history folder');
      return test.history();
    };
    try {
      await config().update('historyFolder', folder, vscode.ConfigurationTarget.Global);
      await waitFor(() => test.historyFolder().fsPath === folder, 'the new history folder');
      await answerAndFinish('mentoring-juniors#q1', 'Pairing, then gradually more autonomy.\n');
      await vscode.commands.executeCommand(Commands.rateAnswer, 'good');
      await waitFor(async () => (await test.history()).reviewCount === 1, 'the review');

      // A load that read the logs leaves this machine's checkpoint in the folder (a moment later).
      assert.equal((await reopen()).attemptCount, 1);
      const checkpoint = await waitFor(async () => (await fs.readdir(folder)).find((name) => /^checkpoint-.+\.json$/.test(name)), 'the checkpoint', 10_000);
      assert.equal((await reopen()).reviewCount, 1);
      assert.deepEqual(test.historyRead(), { parsed: 0 }, 'read through the checkpoint: no log line parsed again');

      // Damaged (a sync tool cut it short): the logs are read in full, and nothing is missing.
      const text = await fs.readFile(path.join(folder, checkpoint), 'utf8');
      await fs.writeFile(path.join(folder, checkpoint), text.slice(0, text.length / 2));
      const history = await reopen();
      assert.deepEqual([history.attemptCount, history.reviewCount], [1, 1]);
      assert.deepEqual(test.historyRead(), { rebuilt: 'unreadable', parsed: 2 }, 'read in full');
      assert.equal(history.question('mentoring-juniors#q1')?.reviews.at(-1)?.rating, 'good');
    } finally {
      await config().update('historyFolder', undefined, vscode.ConfigurationTarget.Global);
      await fs.rm(folder, { recursive: true, force: true });
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
  });
});
