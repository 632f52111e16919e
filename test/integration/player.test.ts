import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, playerTabs, resetWorkbench, waitFor } from './support';

describe('Player panel', () => {
  beforeEach(resetWorkbench);
  after(resetWorkbench);

  it('opens one panel per dialogue and focuses it when opened again', async () => {
    const { players } = await api();
    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'url-shortener' });
    await waitFor(() => playerTabs('System Design Interview').length === 1, 'the player tab');
    assert.equal(players.get('url-shortener')?.currentPosition, 0);

    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'slow-application' });
    await waitFor(() => playerTabs('Optimizing a Slow Application').length === 1, 'a second player');

    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'url-shortener', turnIndex: 2 });
    await waitFor(() => playerTabs('System Design Interview')[0]?.isActive, 'the first player to be focused again');
    assert.equal(playerTabs('System Design Interview').length, 1, 'no second panel for the same dialogue');
    assert.equal(players.get('url-shortener')?.currentPosition, 2);
  });

  it('opens at a question when its tree item is clicked', async () => {
    const { tree, players } = await api();
    const topic = (await tree.getChildren()).find((n) => n.kind === 'topic' && n.topic === 'Performance')!;
    const dialogue = (await tree.getChildren(topic)).find((n) => n.kind === 'dialogue' && n.dialogue.id === 'slow-application')!;
    const [, second] = await tree.getChildren(dialogue);
    const command = tree.getTreeItem(second).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor(() => playerTabs('Optimizing a Slow Application').length === 1, 'the player tab');
    assert.equal(players.get('slow-application')?.currentPosition, 2);
  });

  it('tells the user when a dialogue does not exist instead of opening a blank panel', async () => {
    const { players } = await api();
    const panel = await players.show('no-such-dialogue');
    assert.equal(panel, undefined);
    assert.equal(playerTabs().length, 0);
  });
});
