/** Activation: wiring only. Nothing is read or parsed here; the library loads when the tree first asks for it. */
import * as vscode from 'vscode';
import { AnswerSession } from './host/answerSession';
import { registerCommands } from './host/commands';
import { DialogueDiagnostics } from './host/dialogueDiagnostics';
import { registerImportTranscript } from './host/importTranscript';
import { LibraryService } from './host/libraryService';
import { PlayerPanels } from './host/playerPanel';
import { ProgressService } from './host/progressService';
import { affectsSettings, readSettings } from './host/settings';
import { TopicsTreeProvider } from './host/topicsTree';

/** What `activate` returns: the services, for the integration tests (and any extension that builds on this one). */
export interface InterviewDialoguesApi {
  libraries: LibraryService;
  progress: ProgressService;
  session: AnswerSession;
  players: PlayerPanels;
  tree: TopicsTreeProvider;
}

export function activate(context: vscode.ExtensionContext): InterviewDialoguesApi {
  const log = vscode.window.createOutputChannel('Interview Dialogues', { log: true });
  let settings = readSettings();
  const currentSettings = () => settings;

  const libraries = new LibraryService(vscode.Uri.joinPath(context.extensionUri, 'dialogues'), currentSettings, log);
  const diagnostics = new DialogueDiagnostics(libraries, currentSettings);
  const progress = new ProgressService(context.globalStorageUri, log);
  const session = new AnswerSession({ state: context.globalState, globalStorage: context.globalStorageUri, progress, settings: currentSettings, log });
  const players = new PlayerPanels({ extensionUri: context.extensionUri, libraries, progress, session, settings: currentSettings, log });
  const tree = new TopicsTreeProvider(libraries, progress, currentSettings);
  const treeView = vscode.window.createTreeView('interviewDialogues.topics', { treeDataProvider: tree, showCollapseAll: true });

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
    registerImportTranscript(libraries),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      settings = readSettings();
      libraries.settingsChanged();
      tree.refresh();
      players.refreshAll();
    }),
  );
  return { libraries, progress, session, players, tree };
}
