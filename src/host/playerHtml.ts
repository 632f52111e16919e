/** The player's HTML shell: strict CSP with a per-load nonce, and the initial state inlined for the first paint. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PlayerState } from '../protocol';

export function playerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, state: PlayerState): string {
  const nonce = makeNonce();
  const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  // `<` is escaped so no text from a dialogue file can close the JSON block and start markup.
  const initialState = JSON.stringify(state).replace(/</g, '\\u003c');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'player.css')}">
<title>Interview Dialogues</title>
</head>
<body>
<main id="player" aria-live="off"></main>
<div id="announcer" class="visually-hidden" aria-live="polite"></div>
<script type="application/json" id="initial-state">${initialState}</script>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'player.js')}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}
