/** What every webview panel of the extension shares on the vscode side: its options and its HTML shell. */
import * as vscode from 'vscode';
import { webviewL10n } from './l10n';
import { type WebviewPage, webviewHtml } from './webviewHtml';

/** Scripts on; local resources only from the bundles, the codicons and media/; the find widget for long pages. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'dist', 'codicons'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: Omit<WebviewPage, 'cspSource' | 'asset' | 'l10n'>): string {
  return webviewHtml({
    ...page,
    l10n: webviewL10n(),
    cspSource: webview.cspSource,
    asset: (path) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path.split('/'))).toString(),
  });
}

/**
 * The life every panel of the extension shares: messages from its page are checked against the page's protocol
 * (a malformed one is logged and dropped, never acted on) before `handle` sees them, and it is disposed once, whether
 * the user closed it or the extension did.
 */
export abstract class WebviewPanelHost<Message> implements vscode.Disposable {
  protected readonly subscriptions: vscode.Disposable[] = [];
  protected disposed = false;

  protected constructor(
    protected readonly panel: vscode.WebviewPanel,
    private readonly page: { name: string; log: vscode.LogOutputChannel; parse(raw: unknown): Promise<Message | undefined> },
    private readonly onDispose: () => void,
  ) {
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
    );
  }

  protected abstract handle(message: Message): Promise<void>;

  private async receive(raw: unknown): Promise<void> {
    const message = await this.page.parse(raw);
    if (!message) {
      this.page.log.warn(`Dropped a malformed message from the ${this.page.name}: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (!this.disposed) await this.handle(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDispose();
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}
