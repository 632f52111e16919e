import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import { resetWorkbench, surface, topics, treeItem, waitFor } from './support';

const PACK = `---
topic: Team loop
level: staff
---

## Our design round

- **Id:** team-design-round

> **Interviewer:** "Design our checkout."
>
> **Candidate:** "Start with the payment state machine."

## Our debugging round

- **Id:** team-debugging-round

> **Interviewer:** "The p99 doubled overnight. Where do you look?"
>
> **Candidate:** "Deploys, traffic mix, then the slowest dependency."
`;

function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...segments);
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function dialogueIds(): Promise<string[]> {
  return (await topics()).flatMap((t) => t.dialogues.map((d) => d.id));
}

async function treeHas(id: string, present = true): Promise<void> {
  await waitFor(async () => (await dialogueIds()).includes(id) === present, `${id} to ${present ? 'appear in' : 'leave'} the tree`);
}

describe('Dialogue sources, live reload and diagnostics', () => {
  const pack = workspaceFile('.interview', 'team.md');
  const config = () => vscode.workspace.getConfiguration('interviewDialogues');

  before(async () => {
    await (await surface()).library();
  });
  beforeEach(resetWorkbench);
  afterEach(async () => {
    await vscode.workspace.fs.delete(pack).then(undefined, () => undefined);
    await config().update('extraFolders', undefined, vscode.ConfigurationTarget.Global);
    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand(Commands.refresh);
  });

  it('loads the workspace pack that ships in .interview/ and says where it comes from', async () => {
    const node = { kind: 'dialogue' as const, dialogue: (await (await surface()).library()).dialogue('sample-caching-basics')! };
    assert.ok(node.dialogue, 'the fixture workspace pack is loaded');
    const tooltip = ((await treeItem(node)).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Workspace/);
    assert.match(tooltip, /caching\\?-basics\\?\.md/);
  });

  it('a new file in .interview/ appears in the tree by itself, and leaves it when deleted', async () => {
    await write(pack, PACK);
    await treeHas('team-design-round');
    const topicRows = await topics();
    assert.equal(topicRows.find((t) => t.topic === 'Team loop')?.dialogues.length, 2, 'a new topic, merged into the tree');
    await vscode.workspace.fs.delete(pack);
    await treeHas('team-design-round', false);
  });

  it('an edit keeps an open player at its place; a deleted dialogue makes the player say so', async () => {
    const test = await surface();
    await write(pack, PACK);
    await treeHas('team-debugging-round');
    await vscode.commands.executeCommand('interviewDialogues.openDialogue', { dialogueId: 'team-debugging-round', turnIndex: 1 });
    await write(pack, PACK.replace('Deploys, traffic mix', 'Recent deploys, the traffic mix'));
    await waitFor(async () => (await test.fullDialogue('team-debugging-round'))?.turns[1].text.startsWith('Recent deploys'), 'the edit to load');
    assert.equal(test.player('team-debugging-round')?.position, 1, 'the player kept its position');

    await write(pack, PACK.slice(0, PACK.indexOf('## Our debugging round')));
    await waitFor(() => test.player('team-debugging-round')?.missing, 'the player to notice its dialogue is gone');
  });

  it('shows each problem in the Problems panel at its line, while the good dialogues still load', async () => {
    await write(pack, PACK.replace('level: staff', 'levle: staff').replace('## Our debugging round', '## Empty one\n\n## Our debugging round'));
    await treeHas('team-debugging-round');
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(pack);
      return found.length >= 2 ? found : undefined;
    }, 'diagnostics for the broken pack');
    const unknownKey = diagnostics.find((d) => /levle/.test(d.message))!;
    assert.ok(unknownKey, diagnostics.map((d) => d.message).join('\n'));
    assert.match(unknownKey.message, /did you mean `level`/);
    assert.equal(unknownKey.range.start.line, 2, 'line 3 of the file (0-based 2)');
    assert.equal(unknownKey.severity, vscode.DiagnosticSeverity.Warning);
    const empty = diagnostics.find((d) => /has no turns/.test(d.message))!;
    assert.equal(empty.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(empty.range.start.line, 13, 'the heading of the empty dialogue (line 14)');
    assert.ok((await dialogueIds()).includes('team-design-round'), 'the good dialogues are still there');
  });

  it('checks an open dialogue file while typing, before it is saved', async () => {
    await write(pack, PACK);
    await treeHas('team-design-round');
    const editor = await vscode.window.showTextDocument(pack);
    await waitFor(() => vscode.languages.getDiagnostics(pack).length === 0, 'a clean file to have no problems');
    await editor.edit((edit) => edit.insert(new vscode.Position(7, 0), '**Interviewr:** "Typo in the speaker"\n'));
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(pack);
      return found.length > 0 ? found : undefined;
    }, 'a diagnostic while typing');
    assert.match(diagnostics[0].message, /did you mean `Interviewer`/);
    assert.equal(diagnostics[0].range.start.line, 7);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('loads extra folders from the settings, and a missing one does not stop the others', async () => {
    const test = await surface();
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-extra-'));
    await fs.mkdir(path.join(folder, 'nested'));
    await fs.writeFile(path.join(folder, 'nested', 'extra.md'), PACK.replace(/team-/g, 'extra-'));
    await fs.symlink(folder, path.join(folder, 'nested', 'loop'));
    await config().update('extraFolders', [folder, path.join(folder, 'does-not-exist')], vscode.ConfigurationTarget.Global);
    await treeHas('extra-design-round');
    assert.ok((await dialogueIds()).includes('url-shortener'), 'the built-in library is still loaded');
    const problems = test.sourceProblems();
    assert.ok(problems.some((message) => /does-not-exist.*not found/.test(message)), problems.join('\n'));
    const loop = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(folder, 'nested', 'loop')));
    assert.match(loop[0]?.message ?? '', /symbolic link loop/);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('skips a file over the size limit with one problem', async () => {
    await config().update('maxFileSize', 2048, vscode.ConfigurationTarget.Global);
    await write(pack, PACK + `\n${'x'.repeat(4000)}\n`);
    const [problem] = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(pack);
      return found.length > 0 ? found : undefined;
    }, 'the size diagnostic');
    assert.match(problem.message, /over the 2 KB limit; split it into smaller files or raise the limit \(setting `interviewDialogues\.maxFileSize`\)$/);
    assert.equal((await dialogueIds()).includes('team-design-round'), false);
  });

  it('leaves out the files that interviewDialogues.exclude matches, and they get no problems', async () => {
    await write(pack, PACK.replace('## Our design round', '## Our design round\n\n- **Level:** wizard'));
    await treeHas('team-design-round');
    await waitFor(() => vscode.languages.getDiagnostics(pack).length > 0, 'the problem in the pack');
    await config().update('exclude', ['.interview/team.md'], vscode.ConfigurationTarget.Global);
    await treeHas('team-design-round', false);
    await waitFor(() => vscode.languages.getDiagnostics(pack).length === 0, 'no problems for an excluded file');
    assert.ok((await dialogueIds()).includes('sample-caching-basics'), 'the rest of the workspace pack stays');
  });

  it('Validate Dialogue Files reloads every source and opens the Problems panel', async () => {
    await write(pack, PACK.replace('## Our design round', '## Our design round\n\n- **Level:** wizard'));
    await vscode.commands.executeCommand('interviewDialogues.validate');
    const diagnostics = vscode.languages.getDiagnostics(pack);
    assert.ok(diagnostics.some((d) => /`level` must be one of/.test(d.message)), diagnostics.map((d) => d.message).join('\n'));
  });
});
