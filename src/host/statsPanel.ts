/**
 * The one statistics panel (see src/host/statsPanels.ts, which keeps it): it holds no rule of its own, the numbers
 * are `computeStats` (src/core/review/stats.ts) through the history service, the drawing is the webview's. Loaded
 * with the practice chunk when the view first opens (dist/lazy-practice.js).
 */
import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import type { Stats } from '../core/review/stats';
import type { StatsAction, StatsMessage, StatsState, StatsSummary } from '../protocol/stats';
import type { StatsContext } from './statsPanels';
import { pageHtml, WebviewPanelHost } from './webviewPage';

export class StatsPanel extends WebviewPanelHost<StatsMessage> {
  /** The history or the library changed while the panel was hidden: recompute when it shows again. */
  private stale = false;
  private revision = 0;
  /** The latest state: in the page's HTML, or posted since. */
  shown: StatsState | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly context: StatsContext,
    onDispose: () => void,
  ) {
    super(panel, { name: 'statistics view', log: context.log, parse: async (raw) => (await import('../lazy/protocol')).parseStatsMessage(raw) }, onDispose);
    panel.title = statsTitle();
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    this.subscriptions.push(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible && this.stale) void this.send();
      }),
      context.history.onDidChange(() => void this.send()),
      context.libraries.onDidLoad(() => void this.send()),
    );
  }

  /** The first state goes into the page itself, so the first paint needs no round trip. */
  async start(): Promise<void> {
    const state = await this.state();
    if (this.disposed) return;
    this.panel.webview.html = pageHtml(this.panel.webview, this.context.extensionUri, { title: statsTitle(), styles: ['media/webview.css', 'media/stats.css'], script: 'dist/webview/stats.js', rootId: 'stats', initialState: state });
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private async state(): Promise<StatsState> {
    const [library] = await Promise.all([this.context.libraries.library(), this.context.history.ready()]);
    const stats = this.context.history.stats(library);
    const state: StatsState = { revision: ++this.revision };
    if (stats) {
      // The per-question rows are for the CLI; the page would only carry them.
      const summary: StatsSummary & Partial<Pick<Stats, 'questions'>> = { ...stats };
      delete summary.questions;
      state.stats = summary;
    }
    this.shown = state;
    return state;
  }

  /** Computes and sends the state; while hidden it only notes that the view is out of date (nothing to draw). */
  private async send(): Promise<void> {
    if (this.disposed) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const state = await this.state();
    if (!this.disposed) void this.panel.webview.postMessage({ type: 'state', state });
  }

  protected async handle(message: StatsMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A hidden page is discarded (no retainContextWhenHidden) and starts again from its HTML when shown: it gets
        // what changed meanwhile, computed now if it was hidden, and a state posted while it loaded again.
        if (this.stale) await this.send();
        else if (this.shown && message.revision !== this.shown.revision) void this.panel.webview.postMessage({ type: 'state', state: this.shown });
        return;
      case 'action':
        await vscode.commands.executeCommand(ACTIONS[message.action]);
        return;
    }
  }
}

const ACTIONS: Record<StatsAction, string> = {
  answer: Commands.answerQuestion,
  practiseDue: Commands.practiseDue,
  topics: `${Views.topics}.focus`,
};

export function statsTitle(): string {
  return vscode.l10n.t('Practice Statistics');
}
