import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DialogueNode, QuestionNode } from '../../src/host/topicsTree';
import { Commands } from '../../src/ids';
import { children, surface, topics, treeItem } from './support';

describe('Topics tree', () => {
  afterEach(() => vscode.commands.executeCommand(Commands.clearFilter));

  it('shows topics with dialogue counts, dialogues with level, and questions', async () => {
    const topicRows = await topics();
    const names = topicRows.map((t) => t.topic);
    for (const expected of ['System design', 'Architecture', 'Performance', 'Leadership', 'Scaling']) assert.ok(names.includes(expected), `missing topic ${expected}: ${names.join(', ')}`);

    const systemDesign = topicRows.find((t) => t.topic === 'System design')!;
    const topicItem = (await treeItem(systemDesign));
    assert.equal(topicItem.label, 'System design');
    assert.match(String(topicItem.description), /^\d+ dialogues$/);
    assert.equal(topicItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const dialogues = (await children(systemDesign)) as DialogueNode[];
    const urlShortener = dialogues.find((d) => d.dialogue.id === 'url-shortener');
    assert.ok(urlShortener, 'the URL shortener dialogue is under System design');
    const dialogueItem = (await treeItem(urlShortener));
    assert.equal(dialogueItem.label, 'System Design Interview');
    assert.match(String(dialogueItem.description), /senior/);
    assert.match((dialogueItem.tooltip as vscode.MarkdownString).value, /caching/);
    assert.deepEqual(dialogueItem.command?.arguments, [{ dialogueId: 'url-shortener' }]);

    const questions = (await children(urlShortener)) as QuestionNode[];
    assert.equal(questions.length, 2);
    const first = (await treeItem(questions[0]));
    assert.match(String(first.label), /^How would you design a scalable URL shortening service/);
    assert.deepEqual(first.command?.arguments, [{ dialogueId: 'url-shortener', turnIndex: 0 }]);
    const second = (await treeItem(questions[1]));
    assert.equal(second.contextValue, 'question', 'no test answers the second question');
    assert.equal(second.description, '10:00', 'an unanswered question shows its time budget');
    assert.equal(await (await surface()).tree.getParent!(questions[0]), urlShortener);
  });

  it('filters by level and by tag, and clears the filter', async () => {
    const all = await topics();
    const total = all.reduce((sum, t) => sum + t.dialogues.length, 0);

    const test = await surface();
    const descriptions: (string | undefined)[] = [];
    await vscode.commands.executeCommand(Commands.filter, { level: 'staff' });
    descriptions.push(test.topicsDescription());
    const staff = await topics();
    const staffDialogues = staff.flatMap((t) => t.dialogues);
    assert.ok(staffDialogues.length > 0 && staffDialogues.length < total);
    assert.ok(staffDialogues.every((d) => d.level === 'staff'));

    await vscode.commands.executeCommand(Commands.filter, { tag: 'caching' });
    descriptions.push(test.topicsDescription());
    const tagged = (await topics()).flatMap((t) => t.dialogues);
    assert.ok(tagged.length > 0 && tagged.every((d) => d.tags.includes('caching')));

    await vscode.commands.executeCommand(Commands.clearFilter);
    descriptions.push(test.topicsDescription());
    assert.deepEqual(descriptions, ['level: staff', 'tag: caching', undefined], 'the view title says what is filtered');
    const cleared = (await topics()).flatMap((t) => t.dialogues);
    assert.equal(cleared.length, total);
  });

  it('registers every contributed command', async () => {
    await surface();
    const registered = new Set(await vscode.commands.getCommands(true));
    const manifest = vscode.extensions.getExtension('interview-dialogues.interview-dialogues')!.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) assert.ok(registered.has(command), `${command} is not registered`);
  });
});
