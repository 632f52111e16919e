import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { children, topics, playerTabs, resetWorkbench, surface, treeItem, waitFor } from './support';

describe('Player panel', () => {
  beforeEach(resetWorkbench);
  after(resetWorkbench);

  it('opens one panel per dialogue and focuses it when opened again', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'url-shortener' });
    await waitFor(() => playerTabs('System Design Interview').length === 1, 'the player tab');
    assert.equal(test.player('url-shortener')?.position, 0);

    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'slow-application' });
    await waitFor(() => playerTabs('Optimizing a Slow Application').length === 1, 'a second player');

    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'url-shortener', turnIndex: 2 });
    await waitFor(() => playerTabs('System Design Interview')[0]?.isActive, 'the first player to be focused again');
    assert.equal(playerTabs('System Design Interview').length, 1, 'no second panel for the same dialogue');
    assert.equal(test.player('url-shortener')?.position, 2);
  });

  it('opens at a question when its tree item is clicked', async () => {
    const test = await surface();
    const topic = (await topics()).find((n) => n.topic === 'Performance')!;
    const dialogue = (await children(topic)).find((n) => n.kind === 'dialogue' && n.dialogue.id === 'slow-application')!;
    const [, second] = await children(dialogue);
    const command = (await treeItem(second)).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor(() => playerTabs('Optimizing a Slow Application').length === 1, 'the player tab');
    assert.equal(test.player('slow-application')?.position, 2);
  });

  it('tells the user when a dialogue does not exist instead of opening a blank panel', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('interviewDialogues.openDialogue', 'no-such-dialogue');
    assert.equal(test.player('no-such-dialogue'), undefined);
    assert.equal(playerTabs().length, 0);
  });
});
