/**
 * The HTML shell every webview of the extension shares: a strict CSP with a per-load script nonce, the page's
 * stylesheets and script from the extension's own folders, and its initial state inlined so the first paint needs
 * no round trip. Pure (no vscode runtime), so a plain unit test checks what no dialogue text may break.
 */
import { randomBytes } from 'node:crypto';

export interface WebviewPage {
  /** Document title (screen readers announce it). */
  title: string;
  /** `webview.cspSource`: where the page may load styles, fonts and images from. */
  cspSource: string;
  /** Turns a path inside the extension (`media/player.css`) into a URI the webview may load. */
  asset(path: string): string;
  /** Stylesheets, as paths inside the extension; codicons come first on every page. */
  styles: readonly string[];
  /** The page's bundle, as a path inside the extension. */
  script: string;
  /** Id of the element the page's script renders into. */
  rootId: string;
  /** The first state, as JSON in the page (never as markup). */
  initialState: unknown;
  /** The display language (the page's `lang`) and its strings (none for English). */
  l10n: { language: string; bundle?: Record<string, string> };
}

export const CODICONS_CSS = 'dist/codicons/codicon.css';

export function webviewHtml(page: WebviewPage): string {
  const nonce = randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
  // `<` is escaped so no text from a dialogue file can close a JSON block and start markup.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `img-src ${page.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = [CODICONS_CSS, ...page.styles].map((style) => `<link rel="stylesheet" href="${attribute(page.asset(style))}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${attribute(page.l10n.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${text(page.title)}</title>
</head>
<body>
<main id="${attribute(page.rootId)}" aria-live="off"></main>
<div id="announcer" class="visually-hidden" aria-live="polite"></div>
<script type="application/json" id="initial-state">${json(page.initialState)}</script>
<script type="application/json" id="l10n">${json(page.l10n.bundle ?? {})}</script>
<script type="module" nonce="${nonce}" src="${attribute(page.asset(page.script))}"></script>
</body>
</html>`;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
