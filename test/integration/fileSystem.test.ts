import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LibraryLoader } from '../../src/core/libraryLoader';
import { readingInOneGo, workspaceDialogueFileSystem } from '../../src/host/workspaceFileSystem';

const SCHEME = 'interview-dialogues-test';
const PACK = `---
topic: Virtual
---

## Read over workspace.fs

- **Id:** virtual-dialogue

> **Interviewer:** "Where does this file live?"
>
> **Candidate:** "Behind a file system provider."
`;

/** A read-only, in-memory file system provider with one folder holding one dialogue file. */
function memoryProvider(files: Record<string, string>): vscode.FileSystemProvider {
  const encoder = new TextEncoder();
  const stat = (uri: vscode.Uri): vscode.FileStat => {
    const isFolder = Object.keys(files).some((file) => path.posix.dirname(file) === uri.path);
    if (!isFolder && !(uri.path in files)) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: isFolder ? vscode.FileType.Directory : vscode.FileType.File, ctime: 0, mtime: 1, size: isFolder ? 0 : encoder.encode(files[uri.path]).length };
  };
  return {
    onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
    watch: () => new vscode.Disposable(() => undefined),
    stat,
    readDirectory(uri) {
      stat(uri);
      return Object.keys(files).filter((file) => path.posix.dirname(file) === uri.path).map((file) => [path.posix.basename(file), vscode.FileType.File]);
    },
    readFile(uri) {
      if (!(uri.path in files)) throw vscode.FileSystemError.FileNotFound(uri);
      return encoder.encode(files[uri.path]);
    },
    createDirectory: () => undefined,
    writeFile: () => undefined,
    delete: () => undefined,
    rename: () => undefined,
  };
}

describe('The library file system: Node fs for file: URIs, workspace.fs for the rest', () => {
  let registration: vscode.Disposable;
  before(() => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memoryProvider({ '/pack/virtual.md': PACK }), { isReadonly: true });
  });
  after(() => registration.dispose());

  it('loads dialogues from a virtual file system through workspace.fs', async () => {
    const report = await new LibraryLoader(workspaceDialogueFileSystem).load([{ id: 'virtual', label: 'Virtual pack', root: `${SCHEME}:/pack` }]);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.library.dialogues.map((d) => d.id), ['virtual-dialogue']);
    assert.equal(report.library.dialogues[0].file, `${SCHEME}:/pack/virtual.md`);
  });

  it('reports a missing virtual folder as not found', async () => {
    const report = await new LibraryLoader(workspaceDialogueFileSystem).load([{ id: 'virtual', label: 'Virtual pack', root: `${SCHEME}:/missing` }]);
    assert.deepEqual(report.problems.map((p) => p.message), ['Virtual pack: the folder was not found']);
  });

  it('reads the shipped library from its local folder', async () => {
    const shipped = vscode.Uri.joinPath(vscode.extensions.getExtension('interview-dialogues.interview-dialogues')!.extensionUri, 'dialogues');
    const report = await new LibraryLoader(workspaceDialogueFileSystem).load([{ id: 'builtin', label: 'Built-in library', root: shipped.toString() }]);
    assert.deepEqual(report.problems, []);
    assert.ok(report.library.dialogues.length > 10, 'the shipped dialogues load');
    assert.ok(report.library.dialogues.every((d) => d.file.startsWith('file:///')), 'files keep their file: URIs');
  });

  it('reports a missing local folder as not found', async () => {
    const missing = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'no-such-folder');
    const report = await new LibraryLoader(workspaceDialogueFileSystem).load([{ id: 'folder', label: '~/nowhere', root: missing.toString() }]);
    assert.deepEqual(report.problems.map((p) => p.message), ['~/nowhere: the folder was not found']);
  });

  it('reads the shipped library in one go, with the same result, and every other folder as before', async () => {
    const shipped = vscode.Uri.joinPath(vscode.extensions.getExtension('interview-dialogues.interview-dialogues')!.extensionUri, 'dialogues');
    const files = readingInOneGo(shipped);
    const source = [{ id: 'builtin', label: 'Built-in library', root: shipped.toString() }];
    const expected = await new LibraryLoader(workspaceDialogueFileSystem).load(source);
    const [one] = expected.library.dialogues;
    let otherTaskRan = false;
    setImmediate(() => (otherTaskRan = true));
    await files.stat(one.file);
    await files.readFile(one.file);
    await files.readDirectory(shipped.toString());
    assert.equal(otherTaskRan, false, 'no other task ran between the reads of the shipped files');
    assert.deepEqual((await new LibraryLoader(files).load(source)).library.dialogues.map((d) => d.id), expected.library.dialogues.map((d) => d.id));

    const report = await new LibraryLoader(files).load([{ id: 'virtual', label: 'Virtual pack', root: `${SCHEME}:/pack` }]);
    assert.deepEqual(report.library.dialogues.map((d) => d.id), ['virtual-dialogue']);
    const missing = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'no-such-folder');
    assert.deepEqual((await new LibraryLoader(files).load([{ id: 'folder', label: '~/nowhere', root: missing.toString() }])).problems.map((p) => p.message), ['~/nowhere: the folder was not found']);
  });
});
