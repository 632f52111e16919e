// The webviews' Markdown sanitiser, with the same DOMPurify rules, on jsdom.
import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { escapeHtml, markdownRenderer } from '../../src/webview/markdown';

describe('markdownRenderer (webview sanitiser)', () => {
  const window = new JSDOM('').window;
  const render = markdownRenderer(createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]));
  const links = (html: string) => {
    const doc = new JSDOM(html).window.document;
    return [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  };

  it('keeps http(s) and mailto links, opening outside the webview', () => {
    const html = render('[docs](https://example.com/a) and [mail](mailto:a@example.com)');
    assert.deepEqual(links(html), ['https://example.com/a', 'mailto:a@example.com']);
    assert.match(html, /rel="noopener noreferrer"/);
  });

  it('removes a javascript: link even when https: appears later in it', () => {
    for (const href of ['javascript:alert(1)//https://example.com', 'JaVaScRiPt:fetch("https://evil")', ' javascript:void(0)']) {
      const html = render(`[click](${href})`);
      assert.ok(!links(html).some((h) => h && /javascript/i.test(h)), `${href} → ${html}`);
      assert.doesNotMatch(html, /javascript:/i);
    }
  });

  it('drops scripts, event handlers, styles, images and iframes that a dialogue file may hold', () => {
    const html = render('<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://x"></iframe><b style="color:red" onclick="x()">bold</b>');
    assert.doesNotMatch(html, /<script|onerror|<img|<iframe|style=|onclick/i);
    assert.match(html, /<b>bold<\/b>/);
  });

  it('escapes text for the fallback', () => {
    assert.equal(escapeHtml('<a href="x">&</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
