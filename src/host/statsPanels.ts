/**
 * The statistics view: one webview panel with the streak, totals, the practice heatmap, reviews per day, the due
 * forecast, time and key-point coverage per topic, and true retention. This is the Show Statistics command, the
 * serializer and the keeper of the one panel; the panel itself (src/host/statsPanel.ts) loads with the practice
 * chunk when the view first opens. It survives a window reload through its serializer (no `retainContextWhenHidden`).
 */
import * as vscode from 'vscode';
import { Commands, WebviewTypes } from '../ids';
import type { StatsState } from '../protocol/stats';
import type { HistoryService } from './historyService';
import type { LibraryService } from './libraryService';
import type { StatsPanel } from './statsPanel';
import { webviewOptions } from './webviewPage';

export interface StatsContext {
  extensionUri: vscode.Uri;
  libraries: LibraryService;
  history: HistoryService;
  log: vscode.LogOutputChannel;
}

/** The Show Statistics command, the serializer and the one stats panel. */
export class StatsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private panel: StatsPanel | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: StatsContext) {
    this.subscriptions = [
      vscode.window.registerWebviewPanelSerializer(WebviewTypes.stats, this),
      vscode.commands.registerCommand(Commands.showStats, () => this.show()),
    ];
  }

  /** Shows the one stats panel, opening it in the active editor group when it is not open. */
  async show(): Promise<void> {
    // Loaded before the check, so no second call can slip in between the check and the panel.
    const { StatsPanel, statsTitle } = await import('../lazy/practice');
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(WebviewTypes.stats, statsTitle(), vscode.ViewColumn.Active, webviewOptions(this.context.extensionUri));
    await this.adopt(webviewPanel, StatsPanel);
  }

  /** What the open panel shows now (undefined while it is closed). */
  get shown(): StatsState | undefined {
    return this.panel?.shown;
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel): Promise<void> {
    // Nothing to restore from the state: the numbers are computed afresh from the history.
    const { StatsPanel } = await import('../lazy/practice');
    if (this.panel) {
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = webviewOptions(this.context.extensionUri);
    await this.adopt(webviewPanel, StatsPanel);
  }

  private async adopt(webviewPanel: vscode.WebviewPanel, Panel: typeof StatsPanel): Promise<void> {
    const panel = new Panel(webviewPanel, this.context, () => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    await panel.start();
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
