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
