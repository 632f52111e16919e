import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DialogueNode, QuestionNode, TopicNode } from '../../src/host/topicsTree';
import { api } from './support';

describe('Topics tree', () => {
  afterEach(async () => (await api()).tree.setFilter({}));

  it('shows topics with dialogue counts, dialogues with level, and questions', async () => {
    const { tree } = await api();
    const topics = (await tree.getChildren()) as TopicNode[];
    const names = topics.map((t) => t.topic);
    for (const expected of ['System design', 'Architecture', 'Performance', 'Leadership', 'Scaling']) assert.ok(names.includes(expected), `missing topic ${expected}: ${names.join(', ')}`);

    const systemDesign = topics.find((t) => t.topic === 'System design')!;
    const topicItem = tree.getTreeItem(systemDesign);
    assert.equal(topicItem.label, 'System design');
    assert.match(String(topicItem.description), /^\d+ dialogues$/);
    assert.equal(topicItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const dialogues = (await tree.getChildren(systemDesign)) as DialogueNode[];
    const urlShortener = dialogues.find((d) => d.dialogue.id === 'url-shortener');
    assert.ok(urlShortener, 'the URL shortener dialogue is under System design');
    const dialogueItem = tree.getTreeItem(urlShortener);
    assert.equal(dialogueItem.label, 'System Design Interview');
    assert.match(String(dialogueItem.description), /senior/);
    assert.match((dialogueItem.tooltip as vscode.MarkdownString).value, /caching/);
    assert.deepEqual(dialogueItem.command?.arguments, [{ dialogueId: 'url-shortener' }]);

    const questions = (await tree.getChildren(urlShortener)) as QuestionNode[];
    assert.equal(questions.length, 2);
    const first = tree.getTreeItem(questions[0]);
    assert.match(String(first.label), /^How would you design a scalable URL shortening service/);
    assert.deepEqual(first.command?.arguments, [{ dialogueId: 'url-shortener', turnIndex: 0 }]);
    const second = tree.getTreeItem(questions[1]);
    assert.equal(second.contextValue, 'question', 'no test answers the second question');
    assert.equal(second.description, '10:00', 'an unanswered question shows its time budget');
    assert.equal(tree.getParent(questions[0]), urlShortener);
  });

  it('filters by level and by tag, and clears the filter', async () => {
    const { tree } = await api();
    const all = (await tree.getChildren()) as TopicNode[];
    const total = all.reduce((sum, t) => sum + t.dialogues.length, 0);

    const descriptions: (string | undefined)[] = [];
    const listener = tree.onDidChangeFilter((d) => descriptions.push(d));
    tree.setFilter({ level: 'staff' });
    const staff = (await tree.getChildren()) as TopicNode[];
    const staffDialogues = staff.flatMap((t) => t.dialogues);
    assert.ok(staffDialogues.length > 0 && staffDialogues.length < total);
    assert.ok(staffDialogues.every((d) => d.level === 'staff'));

    tree.setFilter({ tag: 'caching' });
    const tagged = ((await tree.getChildren()) as TopicNode[]).flatMap((t) => t.dialogues);
    assert.ok(tagged.length > 0 && tagged.every((d) => d.tags.includes('caching')));

    await vscode.commands.executeCommand('interviewDialogues.clearFilter');
    listener.dispose();
    assert.deepEqual(descriptions, ['level: staff', 'tag: caching', undefined], 'the view title says what is filtered');
    const cleared = ((await tree.getChildren()) as TopicNode[]).flatMap((t) => t.dialogues);
    assert.equal(cleared.length, total);
  });

  it('registers every contributed command', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    const manifest = vscode.extensions.getExtension('interview-dialogues.interview-dialogues')!.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) assert.ok(registered.has(command), `${command} is not registered`);
  });
});
