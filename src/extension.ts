/** Activation: wiring only. Nothing is read or parsed here; the library loads when the tree first asks for it. */
import * as vscode from 'vscode';
import { Views } from './ids';
import { AnswerSession } from './host/answerSession';
import { registerCommands } from './host/commands';
import { DialogueDiagnostics } from './host/dialogueDiagnostics';
import { offerWalkthroughOnce } from './host/firstRun';
import { LibraryService } from './host/libraryService';
import { PlayerPanels } from './host/playerPanel';
import { ProgressService } from './host/progressService';
import { affectsSettings, readSettings } from './host/settings';
import { type TestSurface, testSurface } from './host/testSurface';
import { TopicsTreeProvider } from './host/topicsTree';

/** Returns the test surface when VS Code runs the extension's tests, and nothing otherwise. */
export function activate(context: vscode.ExtensionContext): TestSurface | undefined {
  const log = vscode.window.createOutputChannel('Interview Dialogues', { log: true });
  let settings = readSettings();
  const currentSettings = () => settings;

  const libraries = new LibraryService(vscode.Uri.joinPath(context.extensionUri, 'dialogues'), currentSettings, log);
  const diagnostics = new DialogueDiagnostics(libraries, currentSettings);
  const progress = new ProgressService(context.globalStorageUri, log);
  const session = new AnswerSession({ state: context.globalState, globalStorage: context.globalStorageUri, progress, settings: currentSettings, log });
  const players = new PlayerPanels({ extensionUri: context.extensionUri, libraries, progress, session, settings: currentSettings, log });
  const tree = new TopicsTreeProvider(libraries, progress, currentSettings);
  const treeView = vscode.window.createTreeView(Views.topics, { treeDataProvider: tree, showCollapseAll: true });

  context.subscriptions.push(
    tree.onDidChangeFilter((description) => (treeView.description = description)),
    log,
    libraries,
    diagnostics,
    progress,
    session,
    players,
    tree,
    treeView,
    ...registerCommands({ diagnostics, libraries, progress, players, session, tree }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      settings = readSettings();
      libraries.settingsChanged();
      tree.refresh();
      players.refreshAll();
    }),
  );
  // A timed answer left running by the last window comes back at once, with its clock.
  void session.restore();
  void offerWalkthroughOnce(context.globalState);
  return context.extensionMode === vscode.ExtensionMode.Test ? testSurface({ tree, treeView, libraries, session, progress, players }) : undefined;
}
