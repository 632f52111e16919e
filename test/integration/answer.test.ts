import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allTabs, children, topics, playerTabs, resetWorkbench, surface, treeItem, waitFor } from './support';

const QUESTION = 'url-shortener#q1';

async function draftEditor(): Promise<vscode.TextEditor> {
  const path = (await surface()).attempt()!.draftPath;
  return waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === path), 'the draft editor');
}

describe('Answering a question against the clock', () => {
  beforeEach(resetWorkbench);
  after(resetWorkbench);

  it('opens a Markdown draft beside the player and starts the countdown from the budget', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: QUESTION });
    const editor = await draftEditor();
    const player = await waitFor(() => playerTabs('System Design Interview')[0], 'the player tab');
    assert.notEqual(editor.viewColumn, player.group.viewColumn, 'the draft opens beside the player, not over it');
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /^# How would you design a scalable URL shortening service/);
    assert.match(editor.document.getText(), /## High-level design/, 'design questions get an outline');

    assert.equal(test.attempt()?.questionId, QUESTION);
    assert.equal(test.attempt()?.timer.budgetSeconds, 30 * 60, 'the budget comes from the question metadata');
    const first = test.playerTimer()!.label;
    assert.match(first, /^(30:00|29:5\d)$/);
    await waitFor(() => test.playerTimer()!.label !== first, 'the countdown to move', 5_000);
  });

  it('pauses and resumes: paused time does not count', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: QUESTION });
    await draftEditor();
    await vscode.commands.executeCommand('interviewDialogues.pauseTimer');
    assert.equal(test.playerTimer()?.paused, true);
    const pausedLabel = test.playerTimer()!.label;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(test.playerTimer()!.label, pausedLabel, 'a paused timer stands still');
    await vscode.commands.executeCommand('interviewDialogues.resumeTimer');
    assert.equal(test.playerTimer()?.paused, false);
    await waitFor(() => test.playerTimer()!.label !== pausedLabel, 'the countdown to move again', 5_000);
  });

  it('finishing saves the draft, records the attempt and marks the question answered', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: QUESTION });
    const editor = await draftEditor();
    const draftUri = editor.document.uri;
    await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'Base62 keys from a Snowflake id, a Redis cache in front, sharded by key.\n'));
    const before = (await test.history()).attemptCount;

    await vscode.commands.executeCommand('interviewDialogues.finishAnswer');

    assert.equal(test.attempt(), undefined);
    const history = await test.history();
    assert.equal(history.attemptCount, before + 1);
    const attempt = history.question(QUESTION)!.attempts.at(-1)!;
    assert.equal(attempt.dialogue, 'url-shortener');
    assert.equal(attempt.topic, 'System design');
    assert.equal(attempt.budgetSeconds, 1800);
    assert.equal(attempt.draft, draftUri.toString());
    assert.equal(attempt.wordCount, 14, 'only the words the user wrote count');
    assert.ok(attempt.at >= attempt.startedAt);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(draftUri));
    assert.match(saved, /Base62 keys from a Snowflake id/, 'the draft is saved to disk');
    assert.equal(editor.document.isDirty, false);

    const topic = (await topics()).find((n) => n.topic === 'System design')!;
    const dialogue = (await children(topic)).find((n) => n.kind === 'dialogue' && n.dialogue.id === 'url-shortener')!;
    const [question] = await children(dialogue);
    const item = await treeItem(question);
    assert.match(String(item.description), /^✓ \d+:\d\d$/);
    assert.equal(item.contextValue, 'question.answered');
    assert.match(String((await treeItem(dialogue)).description), /1\/2 practised/);

    await vscode.commands.executeCommand('interviewDialogues.compareWithModelAnswer', { questionId: QUESTION });
    await waitFor(() => test.player('url-shortener')?.position === 1, 'the player to show the model answer');
  });

  it('saves the draft by itself shortly after each change', async () => {
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: QUESTION });
    const editor = await draftEditor();
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Written, never saved by hand.\n'));
    assert.equal(editor.document.isDirty, true);
    await waitFor(() => !editor.document.isDirty, 'the draft to save itself', 5_000);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
    assert.match(saved, /Written, never saved by hand\./);
  });

  it('never overwrites a draft: answering the same question again at once gets a new file', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: QUESTION });
    const first = await draftEditor();
    await first.edit((edit) => edit.insert(new vscode.Position(first.document.lineCount - 1, 0), 'First attempt.\n'));
    await vscode.commands.executeCommand('interviewDialogues.abandonAnswer');
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: QUESTION });
    assert.notEqual(test.attempt()?.draftPath, first.document.uri.toString());
    const kept = new TextDecoder().decode(await vscode.workspace.fs.readFile(first.document.uri));
    assert.match(kept, /First attempt\./);
  });

  it('abandoning keeps the draft file and records nothing', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.answerQuestion', { questionId: 'mentoring-juniors#q1' });
    const editor = await draftEditor();
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Pairing first, then autonomy.\n'));
    const before = (await test.history()).attemptCount;
    assert.equal(test.attempt()?.timer.budgetSeconds, 5 * 60);
    assert.doesNotMatch(editor.document.getText(), /## High-level design/, 'behavioural questions get no design outline');

    await vscode.commands.executeCommand('interviewDialogues.abandonAnswer');

    assert.equal(test.attempt(), undefined);
    assert.equal((await test.history()).attemptCount, before);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
    assert.match(saved, /Pairing first, then autonomy\./, 'the abandoned draft is saved and kept');
  });

  it('commands without a running attempt say what to do instead of failing', async () => {
    const test = await surface();
    assert.equal(test.attempt(), undefined);
    await vscode.commands.executeCommand('interviewDialogues.finishAnswer');
    await vscode.commands.executeCommand('interviewDialogues.pauseTimer');
    assert.equal(test.attempt(), undefined);
    assert.equal(allTabs().length, 0);
  });
});
