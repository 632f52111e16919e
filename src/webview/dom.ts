/** Small DOM helpers every webview of the extension shares: elements, codicons, buttons, the host's API, languages. */
import * as l10n from '@vscode/l10n';
import { setPluralLocale } from '../core/plural';

// The display language's strings come in the page (see webviewHtml.ts); set up before any page code runs.
l10n.config({ contents: JSON.parse(document.getElementById('l10n')?.textContent || '{}') as Record<string, string> });
setPluralLocale(document.documentElement.lang || 'en');

/** The part of VS Code's webview API the pages use, typed by each page's messages and saved state. */
export interface VsCodeApi<Message, Saved> {
  postMessage(message: Message): void;
  getState(): Saved | undefined;
  setState(state: Saved): void;
}
declare function acquireVsCodeApi<Message, Saved>(): VsCodeApi<Message, Saved>;

export function vscodeApi<Message, Saved>(): VsCodeApi<Message, Saved> {
  return acquireVsCodeApi<Message, Saved>();
}

/** The state the host put in the page, so the first paint needs no round trip. */
export function initialState<T>(): T {
  return JSON.parse(document.getElementById('initial-state')?.textContent ?? '{}') as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'className') node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

export function icon(name: string): HTMLElement {
  return element('span', { className: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

export function button(id: string | undefined, label: string, iconName: string, text: string, onClick: () => void, className = ''): HTMLButtonElement {
  const node = element('button', { id, className: `control ${className}`.trim(), type: 'button', 'aria-label': label, title: label }, icon(iconName), element('span', { className: 'label' }, text));
  node.addEventListener('click', onClick);
  return node;
}

/** Says something to screen readers through the page's polite live region. */
export function announce(text: string): void {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  // Clearing first makes a repeated message count as new.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = text));
}

/** Keeps keyboard focus on the element with the same id across a re-render. */
export function keepingFocus(render: () => void): void {
  const focusedId = document.activeElement?.id;
  render();
  if (focusedId) document.getElementById(focusedId)?.focus();
}
