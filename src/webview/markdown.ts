/**
 * Untrusted Markdown (dialogue files, model output) to safe HTML for every webview: marked renders, DOMPurify
 * sanitises. Only http(s) and mailto links survive; no scripts, styles, frames, forms, images or ids. The
 * DOMPurify instance comes in, so a unit test runs the very same rules on jsdom.
 */
import type { DOMPurify } from 'dompurify';
import { Marked } from 'marked';

export type RenderMarkdown = (text: string) => string;

const SANITIZE = {
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  FORBID_TAGS: ['style', 'iframe', 'form', 'input', 'button', 'textarea', 'select', 'object', 'embed', 'img', 'svg', 'math'],
  FORBID_ATTR: ['style', 'id', 'class'],
};

export function markdownRenderer(purify: DOMPurify): RenderMarkdown {
  const markdown = new Marked({ gfm: true, breaks: false, async: false });
  const cache = new Map<string, string>();
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links open outside the webview (VS Code routes http(s) links to the browser).
    if (node.tagName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  return (text) => {
    let html = cache.get(text);
    if (html === undefined) {
      try {
        html = purify.sanitize(markdown.parse(text) as string, SANITIZE);
      } catch {
        // Pathological nesting can exhaust the renderer; show the source as text instead of nothing.
        html = `<pre>${escapeHtml(text)}</pre>`;
      }
      cache.set(text, html);
    }
    return html;
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
